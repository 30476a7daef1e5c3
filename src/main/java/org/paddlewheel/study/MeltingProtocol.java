package org.paddlewheel.study;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.md.Ensemble;

/**
 * Settings of a two-phase (solid | liquid) melting run ({@link TwoPhaseMelting}). Units: K, fs,
 * 1/ps, GPa, 1/GPa. Per target temperature T: the crystal is equilibrated at T for
 * {@code equilibrateFs} in {@code ensemble}; the lower half of the slabs is frozen and the upper half
 * melted at {@code meltTemperatureK} ({@code meltEnsemble}, {@code meltFs}) and brought to T
 * ({@code ensemble}, {@code quenchFs}). At fixed volume a crystal superheats far above T_m: the shipped
 * na-amide-borohydride model's anion sublattice stayed ordered for 2–4 ps at 900–1600 K (NVT or NPT,
 * 2x2x6 and 3x3x6 cells) and melted at 2500 K NVT in 3 ps, hence the default 2500 K NVT;
 * then everything is released for {@code productionFs} at T in {@code ensemble}, the order parameter
 * sampled every {@code sampleEveryFs}. {@code sublattice} names the species of the order parameter's
 * sites (empty: the centres of the force field's molecule kinds, or every atom when it has none);
 * {@code slabs} 0 chooses the slab count from the lattice planes ({@link SlabOrder}). NPT uses the
 * engine's isotropic stochastic cell rescaling: the cell keeps its shape, so the crystal half cannot
 * relax its in-plane strain against the liquid as an anisotropic (P_zz-only) barostat would — when the
 * liquid is less dense the crystal is stretched in-plane and melts more easily (NPT verdicts lean
 * towards "melts"); NVT keeps the liquid compressed at the crystal's volume (verdicts lean towards
 * "solid grows"). The engine has no anisotropic barostat yet.
 */
public record MeltingProtocol(List<Double> temperaturesK, double meltTemperatureK, double equilibrateFs, double meltFs,
                              double quenchFs, double productionFs, double timestepFs, double sampleEveryFs, Ensemble ensemble,
                              Ensemble meltEnsemble,
                              double frictionPerPs, double pressureGPa, double compressibilityPerGPa, double barostatTauFs,
                              long seed, int threads, ForceEngine.KSpace kspace, List<String> sublattice, int slabs) {
    public MeltingProtocol {
        temperaturesK = List.copyOf(temperaturesK);
        sublattice = List.copyOf(sublattice);
        if (temperaturesK.isEmpty()) throw new IllegalArgumentException("--temperatures: give at least one temperature");
        Set<String> names = new HashSet<>();
        for (double t : temperaturesK) {
            if (!(t > 0) || !Double.isFinite(t)) throw new IllegalArgumentException("--temperatures: every temperature must be above 0 K, got " + t + " K");
            if (!names.add(folder(t))) throw new IllegalArgumentException("--temperatures: " + folder(t) + " is given twice");
            if (!(t < meltTemperatureK)) {
                throw new IllegalArgumentException("--melt-temperature (" + fmt(meltTemperatureK) + " K) must lie above every target temperature, not "
                        + fmt(t) + " K");
            }
        }
        if (ensemble == null || ensemble == Ensemble.NVE) throw new IllegalArgumentException("--ensemble must be npt, npt-c or nvt");
        if (meltEnsemble == null || meltEnsemble == Ensemble.NVE) throw new IllegalArgumentException("--melt-ensemble must be npt, npt-c or nvt");
        if (!(timestepFs > 0)) throw new IllegalArgumentException("--timestep must be positive");
        if (!(sampleEveryFs > 0)) throw new IllegalArgumentException("--sample-every must be positive");
        for (double[] t : new double[][] {{equilibrateFs, 0}, {meltFs, 1}, {quenchFs, 2}, {productionFs, 3}}) {
            String opt = new String[] {"--equilibrate", "--melt-time", "--quench-time", "--time"}[(int) t[1]];
            if (!(t[0] >= 2 * sampleEveryFs)) {
                throw new IllegalArgumentException(opt + " must be at least two sample intervals (" + fmt(2 * sampleEveryFs) + " fs), got " + fmt(t[0]) + " fs");
            }
            wholeSteps(opt, t[0], timestepFs);
        }
        wholeSteps("--sample-every", sampleEveryFs, timestepFs);
        if (productionFs < 8 * sampleEveryFs) throw new IllegalArgumentException("--time must hold at least 8 samples (" + fmt(8 * sampleEveryFs) + " fs)");
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        if (slabs < 0 || slabs == 1) throw new IllegalArgumentException("--slabs must be 0 (automatic) or at least 2, got " + slabs);
        if (!(frictionPerPs > 0)) throw new IllegalArgumentException("--friction must be > 0 /ps (the stages are thermostatted)");
        if (kspace == null) kspace = ForceEngine.KSpace.AUTO;
    }

    /**
     * A protocol with the defaults of {@code paddlewheel melting}: crystal stage 12 ps, melt at 2500 K (NVT) for 3 ps, quench
     * 0.5 ps, 0.5 fs steps, a sample every 50 fs, NPT at 0 GPa, Langevin 10/ps.
     */
    public static MeltingProtocol defaults(List<Double> temperaturesK, double productionFs) {
        return new MeltingProtocol(temperaturesK, 2500, 12_000, 3_000, 500, productionFs, 0.5, 50, Ensemble.NPT, Ensemble.NVT, 10, 0, 0.05, 1000, 1, 1,
                ForceEngine.KSpace.AUTO, List.of(), 0);
    }

    /** Steps of all stages at all temperatures. */
    public long totalSteps() {
        return temperaturesK.size() * (Math.round(equilibrateFs / timestepFs) + Math.round(meltFs / timestepFs)
                + Math.round(quenchFs / timestepFs) + Math.round(productionFs / timestepFs));
    }

    /** The folder of temperature t: "450K" (rounded to 0.1 K when not whole). */
    public static String folder(double t) { return fmt(t) + "K"; }

    static String fmt(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static void wholeSteps(String opt, double fs, double dt) {
        long k = Math.round(fs / dt);
        if (k < 1 || Math.abs(k * dt - fs) > 1e-6 * fs) throw new IllegalArgumentException(opt + ": " + fmt(fs) + " fs is not a whole number of " + dt + " fs steps");
    }
}
