package org.paddlewheel.study;

import java.util.ArrayList;
import java.util.List;

/**
 * A named set of independent runs plus the force field they share: the plan the scheduler works
 * through and the report reads back. Build the paper's campaigns with {@link #full()},
 * {@link #quick()} or {@link #tiny()} (seconds; for tests).
 *
 * @param preset     "full", "quick", "tiny" or a custom name
 * @param forceField force-field name passed to the engine
 * @param runs       the runs, in scheduling order (longest first is the caller's choice)
 */
public record Campaign(String preset, String forceField, List<RunSpec> runs) {
    /** The force field of the paper's system in the MD engine. */
    public static final String FORCE_FIELD = "na-amide-borohydride";
    /** Compositions simulated in the paper's AIMD. */
    public static final double[] PAPER_X = {0, 0.5, 1};
    /** Temperatures simulated in the paper's AIMD, K. */
    public static final double[] PAPER_T = {250, 300, 363, 500, 700};
    /**
     * Temperatures of the orthorhombic (Pbcm) x = 1 runs, K. The paper's Methods give one range, "250 K to
     * 700 K", for all its AIMD and the 2×2×1 Pbcm cell, without listing the Pbcm temperatures apart, so
     * the Pbcm runs use the same five temperatures as the cubic ones.
     */
    public static final double[] PBCM_T = PAPER_T;
    /** Temperatures of the freezing runs, K. */
    public static final double[] FREEZE_T = {500, 700};

    public Campaign {
        runs = List.copyOf(runs);
    }

    /** The same runs with another force field (bundled name or JSON file), e.g. the DFT-trained na-amide-borohydride-dft. */
    public Campaign withForceField(String nameOrPath) {
        return new Campaign(preset, nameOrPath, runs);
    }

    /** The paper's settings: 3x3x3, NPT (Parrinello–Rahman + Langevin 10/ps, W = 1000 amu), 0.5 fs. */
    static RunSpec paperSpec(double equilibrationFs, double productionFs, int supercell, double frameIntervalFs) {
        return new RunSpec(1, 500, Frozen.NONE, 1, supercell, equilibrationFs, productionFs, 0.5, org.paddlewheel.md.Ensemble.NPT, 10, 1000, 0,
                frameIntervalFs, null);
    }

    /**
     * {@code --full}: x ∈ {0, 0.5, 1} × T ∈ {250, 300, 363, 500, 700} K, 3 ps + 50 ps at 0.5 fs in a
     * 3x3x3 cell; x = 1 with Na, NH2 or BH4 frozen at 500 and 700 K. Seeds 1–3 for every x = 1 run at
     * 500 and 700 K (free and frozen: the freezing claims compare them), seed 1 elsewhere: 37 cubic runs.
     * Then the paper's orthorhombic runs: x = 1 in the Pbcm cell, 2×2×1 (160 atoms), free, at
     * {@link #PBCM_T}, seed 1, same protocol: 5 runs, 42 in all. The Pbcm runs are reported beside the
     * claims (D, σ per temperature) and enter none of them.
     */
    public static Campaign full() {
        RunSpec base = paperSpec(3000, 50000, 3, 10);
        Campaign cubic = build("full", base, PAPER_X, PAPER_T, FREEZE_T, 3);
        List<RunSpec> runs = new ArrayList<>(cubic.runs());
        RunSpec pbcm = new RunSpec(1, 500, Frozen.NONE, 1, 2, base.equilibrationFs(), base.productionFs(), base.timestepFs(), base.ensemble(),
                base.frictionPerPs(), base.latticeMassAmu(), base.pressureGPa(), base.frameIntervalFs(), RunSpec.PBCM);
        for (double t : PBCM_T) runs.add(pbcm.at(1, t));
        return new Campaign("full", FORCE_FIELD, runs);
    }

    /**
     * {@code --quick} (the default): a subset still showing each effect — x ∈ {0, 0.5, 1} at 500 and
     * 700 K (two temperatures, so Arrhenius Ea has no residual-based error) and the three freezing
     * runs at 700 K, in a 2x2x2 cell (80 atoms at x = 1), 1 ps + 30 ps at 0.5 fs, one seed: 9 runs,
     * 558 000 steps. Sized from a measured run: 20 ps production took 124 s of CPU (about 3000
     * steps/s per 2x2x2 run) and 3 min 39 s of wall time on 2 cores shared at load ≈ 8, so 30 ps is
     * about 3 min of CPU and about 5–6 minutes on such a machine. Error bars are far wider than
     * {@code --full}'s and the report says so. The Pbcm runs are in {@code --full} only (quick stays quick).
     */
    public static Campaign quick() {
        RunSpec base = paperSpec(1000, 30000, 2, 10);
        return build("quick", base, PAPER_X, new double[] {500, 700}, new double[] {700}, 1);
    }

    /**
     * A campaign that runs in seconds with the fake engine (whose cost is capped at
     * {@link FakeEngine#MAX_FRAMES} frames whatever the length): 2x2x2, 20 ps, 363, 500 and 700 K,
     * for tests. At 363 K the fake's hop count rounds to zero for every x, so the report's "no hop"
     * upper-bound path is exercised while 500 and 700 K still give Arrhenius fits. Far too long for
     * a real engine in a test.
     */
    public static Campaign tiny() {
        RunSpec base = paperSpec(0, 20000, 2, 100);
        return build("tiny", base, PAPER_X, new double[] {363, 500, 700}, new double[] {700}, 1);
    }

    /**
     * A smoke campaign for the real engine in tests (seconds): x = 1 at 700 K, free and with NH2
     * frozen, 2x2x2, 0.05 ps + 0.2 ps at 0.5 fs, a frame every 5 fs. Numbers from it are noise.
     */
    public static Campaign smoke() {
        RunSpec base = paperSpec(50, 200, 2, 5).at(1, 700);
        return new Campaign("smoke", FORCE_FIELD, List.of(base, base.withFrozen(Frozen.NH2)));
    }

    private static Campaign build(String preset, RunSpec base, double[] xs, double[] ts, double[] freezeTs, int seedsX1) {
        List<RunSpec> runs = new ArrayList<>();
        for (double x : xs) {
            for (double t : ts) {
                boolean pooled = x == 1 && contains(freezeTs, t);
                int seeds = pooled ? seedsX1 : 1;
                for (int s = 1; s <= seeds; s++) runs.add(base.at(x, t).withSeed(s));
            }
        }
        for (double t : freezeTs) {
            for (Frozen f : new Frozen[] {Frozen.NA, Frozen.NH2, Frozen.BH4}) {
                for (int s = 1; s <= seedsX1; s++) runs.add(base.at(1, t).withFrozen(f).withSeed(s));
            }
        }
        return new Campaign(preset, FORCE_FIELD, runs);
    }

    private static boolean contains(double[] a, double v) {
        for (double d : a) if (d == v) return true;
        return false;
    }

    /** Total production + equilibration MD steps over all runs. */
    public long totalSteps() {
        long n = 0;
        for (RunSpec r : runs) n += Math.round((r.equilibrationFs() + r.productionFs()) / r.timestepFs());
        return n;
    }
}
