package org.paddlewheel.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.analysis.Arrhenius;
import org.paddlewheel.analysis.TetrahedralReorientationJumps;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.TrajectoryReader;
import org.paddlewheel.md.Ensemble;
import org.paddlewheel.md.MdConfig;
import org.paddlewheel.md.MdRun;
import org.paddlewheel.md.TrajectoryFormat;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.MoleculeFinder;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;

/**
 * The activation energy of BH4⁻ reorientation from MD, as issue 16 asks it beside quasielastic
 * neutron scattering: embedded MD of a borohydride cell (rock-salt NaBH4) at several temperatures
 * (Langevin equilibration, then NVT at the cell's lattice parameter or NPT production), reorientation
 * jumps counted with {@link TetrahedralReorientationJumps}, the jump rate k(T) per anion with its
 * Poisson uncertainty (widened by √D when the per-anion counts are overdispersed, index D &gt; 1; corrected for the counter's dead time, {@code Rate#deadTimeCorrected}; a
 * temperature where the counter is blind more than 30 % of the time is flagged), and Ea from the weighted Arrhenius fit k = A·exp(−Ea/k_B T) of
 * {@link Arrhenius} (ln k against 1/k_B T, weights N, the jump counts). A temperature with fewer than
 * {@code minJumps} jumps is flagged and left out of the fit; one with none gives only a 95 % upper
 * bound; one whose anion centres leave their sites (RMS displacement &gt; 1 Å: molten) is flagged too.
 * The count is the turn rule's (a turn of more than 60° from the last settled orientation), which
 * holds whatever orientations the model prefers; the site rule's count of jumps between the ⟨111⟩
 * orientations of the Fm-3m structure, and the fraction of time the anions spend in one, are reported
 * beside it as a check on the model's structure. Ea needs two
 * unflagged temperatures; otherwise it is absent with the reason. Each run lives in
 * {@code dir/runs/<T>K/} (thermo.csv, trajectory.extxyz). Units: K, fs, ps, eV, Å.
 */
public final class ReorientationArrhenius {
    private ReorientationArrhenius() {}

    /** Fewest jumps at one temperature for its rate to enter the fit (√N/N = 32 %). */
    public static final int MIN_JUMPS = 10;
    /** Dead fraction kτ of the counter above which jumps are too frequent to count (the correction exceeds 1/(1 − 0.3) = 1.43). */
    public static final double MAX_DEAD_FRACTION = 0.3;
    /** RMS displacement of the anion centres from their first-frame sites above which a run is flagged molten, Å. */
    public static final double MAX_CENTRE_RMS_A = 1.0;

    /**
     * A published activation energy (eV): a value, or a range [min, max] with value NaN.
     *
     * @param source citation
     * @param method how it was measured
     */
    public record Reference(String source, String method, double activationEnergyEv, double minEv, double maxEv) {}

    /**
     * The QENS numbers issue 16 compares with (NaBH4, cubic phase). Verdal et al.'s journal and year and
     * their "11–12 kJ/mol" are from NIST's publication page; volume and page are from memory. Remhof et
     * al.'s title and "of the order of 0.1 eV, 90° reorientations in cubic NaBH4" are from an indexed
     * abstract; journal, volume and the 0.117 eV (issue 16's number, there dated 2009) were not read.
     */
    public static final List<Reference> QENS = List.of(
            new Reference("Verdal, Udovic, Rush, Skripov, J. Alloys Compd. (2015), 645, S513 (volume from memory)",
                    "QENS, NaBH4 and NaBH4–NaCl/NaI: 11–12 kJ/mol", Double.NaN, 0.114, 0.124),
            new Reference("Remhof et al., Phys. Rev. B 81, 214304 (2010) (from memory; issue 16: 'Remhof 2009', 0.117 eV)",
                    "QENS + DFT, MBH4 (M = Li, Na, K)", 0.117, Double.NaN, Double.NaN));

    /**
     * Settings. Temperatures K; times fs; pressure GPa (NPT only); cone degrees.
     *
     * @param ensemble NVT (fixed cell, the structure's lattice parameter) or NPT
     * @param frictionPerPs Langevin friction of equilibration and production, 1/ps (weak, so that it
     *                 perturbs the librations little; both ensembles thermostat the production)
     * @param everyFs  trajectory interval, fs (the jump counter's time resolution)
     */
    public record Settings(double[] temperaturesK, double productionFs, double equilibrationFs, double timestepFs, double everyFs,
                           Ensemble ensemble, double frictionPerPs, double pressureGPa, long seed, int threads, ForceEngine.KSpace kspace,
                           double coneDeg, int minJumps, String anion) {
        public Settings {
            temperaturesK = temperaturesK.clone();
            if (temperaturesK.length < 2) throw new InputException("--temperatures needs at least two temperatures for an Arrhenius fit");
            for (double t : temperaturesK) if (!(t > 0)) throw new InputException("temperatures must be above 0 K, got " + t + " K");
            double[] sorted = temperaturesK.clone();
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) throw new InputException("--temperatures lists " + sorted[i] + " K twice");
            }
            if (!(productionFs > 0)) throw new InputException("--time must be positive");
            if (!(equilibrationFs >= 0)) throw new InputException("--equilibrate must not be negative");
            if (ensemble != Ensemble.NVT && ensemble != Ensemble.NPT) throw new InputException("--ensemble must be nvt or npt");
            if (!(coneDeg > 0 && coneDeg < TetrahedralReorientationJumps.MAX_CONE_DEG)) {
                throw new InputException(String.format(Locale.ROOT, "--cone must lie in (0, %.1f)°", TetrahedralReorientationJumps.MAX_CONE_DEG));
            }
            if (minJumps < 1) throw new InputException("--min-jumps must be at least 1");
            if (!(frictionPerPs > 0)) throw new InputException("--friction must be positive (the thermostat holds T)");
        }

        @Override public double[] temperaturesK() { return temperaturesK.clone(); }

        /** MD steps of all temperatures together (equilibration and production). */
        public long totalSteps() {
            long n = 0;
            for (double t : temperaturesK) n += md(t).totalSteps();
            return n;
        }

        /** The MD configuration at temperature T. */
        public MdConfig md(double temperatureK) {
            try {
                MdConfig.Builder b = MdConfig.builder().ensemble(ensemble).temperatureK(temperatureK).timestepFs(timestepFs)
                        .equilibrationFs(equilibrationFs).productionFs(productionFs).everyFs(everyFs).frictionPerPs(frictionPerPs).pressureGPa(pressureGPa)
                        .seed(seed).threads(threads).kspace(kspace).format(TrajectoryFormat.EXTXYZ);
                b.steps(productionFs);
                if (equilibrationFs > 0) b.steps(equilibrationFs);
                return b.checkpointEveryFs(equilibrationFs + productionFs).build();
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage());
            }
        }
    }

    /**
     * One temperature.
     *
     * @param temperatureK        thermostat temperature, K
     * @param rate                jumps, k (1/ps per anion), σ_k, upper bound, residence time 1/k (ps), corrected for the counter's dead time
     * @param counted             the same as counted, before the dead-time correction
     * @param dispersionIndex     s²/n̄ of the per-anion counts; σ_k is widened by its square root when it exceeds 1
     * @param deadFraction        kτ of the counted rate: the fraction of time the counter was blind
     * @param siteJumps           jumps between ⟨111⟩ orientations (site rule)
     * @param switches            site-rule jumps between the two tetrahedra (90° turns)
     * @param assignedFraction    fraction of anion-frames in a ⟨111⟩ orientation
     * @param meanVolumeA3        mean cell volume over production, Å³
     * @param centreRmsA          RMS displacement of the anion centres from their first-frame positions at the end, Å
     * @param flag                null, or why this rate is not fitted
     */
    public record Run(double temperatureK, TetrahedralReorientationJumps.Rate rate, TetrahedralReorientationJumps.Rate counted,
                      double dispersionIndex, double deadFraction, long siteJumps, long switches, double assignedFraction,
                      double meanVolumeA3, double centreRmsA, String flag) {
        /** True when the rate enters the Arrhenius fit. */
        public boolean fitted() { return flag == null; }
    }

    /**
     * The outcome.
     *
     * @param fit     the Arrhenius fit of the unflagged rates, or null
     * @param fitNote why there is no fit (or a warning about it), or null
     */
    public record Result(List<Run> runs, Arrhenius.Result fit, String fitNote, List<Reference> references, Settings settings,
                         int anions, String formula) {}

    /** Progress: steps done over all temperatures, total steps, the temperature now running (K). */
    public interface Progress {
        void update(long done, long total, double temperatureK);
    }

    /** The tetrahedral anions of the given formula in a structure (by the default bond cut-offs). */
    public static List<Molecule> tetrahedra(Structure s, String anion) {
        List<Molecule> out = new ArrayList<>();
        for (Molecule m : MoleculeFinder.find(s)) if (m.formula().equalsIgnoreCase(anion) && m.ligandCount() == 4) out.add(m);
        if (out.isEmpty()) throw new InputException("the structure (" + s.formula() + ") holds no tetrahedral " + anion + " anion");
        return out;
    }

    /**
     * Checks everything that can fail before any MD runs (the anions, the force field's typing of the
     * cell, the MD settings at every temperature), so bad input leaves nothing behind.
     */
    public static List<Molecule> check(Structure s, ForceField ff, Settings st) {
        List<Molecule> anions = tetrahedra(s, st.anion());
        Topology.build(ff, s);
        for (double t : st.temperaturesK()) st.md(t);
        return anions;
    }

    /** Runs every temperature in {@code dir/runs/} and fits. */
    public static Result run(Structure s, ForceField ff, Settings st, Path dir, Progress progress) throws IOException {
        return run(s, ff, st, dir, progress, false);
    }

    /**
     * Runs every temperature in {@code dir/runs/} and fits; with {@code reanalyse} no MD runs and the
     * trajectories already there are counted again (each must hold the production's frames).
     */
    public static Result run(Structure s, ForceField ff, Settings st, Path dir, Progress progress, boolean reanalyse) throws IOException {
        List<Molecule> anions = check(s, ff, st);
        if (reanalyse) {
            List<Run> runs = new ArrayList<>();
            for (double t : st.temperaturesK()) {
                MdConfig cfg = st.md(t);
                Path traj = dir.resolve("runs").resolve(label(t)).resolve(cfg.format().fileName());
                if (!java.nio.file.Files.isRegularFile(traj)) throw new InputException(traj.toString(), 0, "no trajectory to reanalyse");
                Run run = analyse(traj, anions, t, st);
                double want = cfg.productionSteps() * cfg.timestepFs() * 1e-3;
                if (Math.abs(run.rate().observedPs() - want) > 1e-6 * want) {
                    throw new InputException(traj.toString(), 0, String.format(Locale.ROOT,
                            "spans %.4g ps, not the %.4g ps of --time: rerun without --reanalyse", run.rate().observedPs(), want));
                }
                runs.add(run);
            }
            return fit(runs, st, anions.size(), s.formula());
        }
        double[] temps = st.temperaturesK();
        long total = st.totalSteps();
        List<Run> runs = new ArrayList<>();
        long before = 0;
        for (double t : temps) {
            MdConfig cfg = st.md(t);
            Path runDir = dir.resolve("runs").resolve(label(t));
            final long offset = before, all = total;
            new MdRun(s, ff, List.of(), cfg, runDir).run(false,
                    (done, n) -> { if (progress != null) progress.update(offset + done, all, t); }, -1, false);
            before += cfg.totalSteps();
            runs.add(analyse(runDir.resolve(cfg.format().fileName()), anions, t, st));
        }
        return fit(runs, st, anions.size(), s.formula());
    }

    /** The run folder name of a temperature ("300K", "412.5K"). */
    public static String label(double temperatureK) {
        return (temperatureK == Math.rint(temperatureK) ? Long.toString((long) temperatureK) : Double.toString(temperatureK)) + "K";
    }

    /** Counts the jumps of one trajectory and flags what is not a usable rate. */
    public static Run analyse(Path trajectory, List<Molecule> anions, double temperatureK, Settings st) throws IOException {
        TetrahedralReorientationJumps jumps = new TetrahedralReorientationJumps(anions, st.coneDeg());
        double volume = 0;
        double[] first = null;
        double msd = 0;
        try (TrajectoryReader r = Formats.openTrajectory(trajectory, "extxyz", st.timestepFs())) {
            while (r.hasNext()) {
                Frame f = r.next();
                jumps.accept(f.structure(), f.timeFs());
                volume += f.structure().lattice().volume();
                if (first == null) {
                    first = new double[3 * anions.size()];
                    for (int m = 0; m < anions.size(); m++) for (int k = 0; k < 3; k++) first[3 * m + k] = f.structure().x(anions.get(m).centre(), k);
                }
                msd = centreMsd(f.structure(), anions, first);
            }
        }
        if (jumps.frames() < 2) throw new InputException(trajectory.toString(), 0, "fewer than two frames: no rate");
        return classify(temperatureK, jumps.rate().overdispersed(jumps.dispersionIndex()), jumps.dispersionIndex(), jumps.deadTimePs(), jumps.siteJumps(), jumps.switches(), jumps.assignedFraction(), volume / jumps.frames(), Math.sqrt(msd), st.minJumps());
    }

    private static double centreMsd(Structure s, List<Molecule> anions, double[] first) {
        double sum = 0;
        double[] d = new double[3];
        for (int m = 0; m < anions.size(); m++) {
            int c = anions.get(m).centre();
            s.lattice().minimumImage(s.x(c, 0) - first[3 * m], s.x(c, 1) - first[3 * m + 1], s.x(c, 2) - first[3 * m + 2], d, 0);
            sum += d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
        }
        return sum / anions.size();
    }

    /** A run with its flag: too few jumps, none, or anion centres off their sites. */
    public static Run classify(double temperatureK, TetrahedralReorientationJumps.Rate counted, double dispersionIndex, double deadTimePs, long siteJumps, long switches, double assignedFraction,
                               double meanVolumeA3, double centreRmsA, int minJumps) {
        String flag = null;
        double dead = counted.deadFraction(deadTimePs);
        TetrahedralReorientationJumps.Rate rate = counted.deadTimeCorrected(deadTimePs);
        if (centreRmsA > MAX_CENTRE_RMS_A) {
            flag = String.format(Locale.ROOT, "anion centres moved %.2f Å RMS from their sites (> %.1f Å): not a crystal", centreRmsA, MAX_CENTRE_RMS_A);
        } else if (dead > MAX_DEAD_FRACTION) {
            flag = String.format(Locale.ROOT, "jumps too frequent to count: the counter was blind %.0f %% of the time (> %.0f %%),"
                    + " residence %.2f ps against a %.0f fs settling time; the anion is close to a free rotor", 100 * dead,
                    100 * MAX_DEAD_FRACTION, counted.residenceTimePs(), deadTimePs * 1e3);
        } else if (rate.jumps() == 0) {
            flag = String.format(Locale.ROOT, "no jump: rate < %.3g /ps (95 %% upper bound)", rate.upper95PerPs());
        } else if (rate.jumps() < minJumps) {
            flag = String.format(Locale.ROOT, "only %d jumps (< %d): rate uncertain by %.0f %%", rate.jumps(), minJumps,
                    100 / Math.sqrt(rate.jumps()));
        }
        return new Run(temperatureK, rate, counted, dispersionIndex, dead, siteJumps, switches, assignedFraction, meanVolumeA3, centreRmsA, flag);
    }

    /** The weighted Arrhenius fit of the unflagged runs (σ_k = √N/(M t), so ln k has weight N). */
    public static Result fit(List<Run> runs, Settings st, int anions, String formula) {
        List<Run> use = runs.stream().filter(Run::fitted).toList();
        Arrhenius.Result fit = null;
        String note;
        long distinct = use.stream().mapToDouble(Run::temperatureK).distinct().count();
        if (distinct < 2) {
            note = "no activation energy: " + use.size() + " temperature(s) with a usable rate (≥ " + st.minJumps()
                    + " jumps, crystal intact); two are needed";
        } else {
            double[] t = use.stream().mapToDouble(Run::temperatureK).toArray();
            double[] k = use.stream().mapToDouble(r -> r.rate().ratePerPs()).toArray();
            double[] sk = use.stream().mapToDouble(r -> r.rate().sigmaPerPs()).toArray();
            fit = Arrhenius.fit(t, k, sk, Arrhenius.Form.PLAIN);
            note = fit.warning();
            if (use.size() == 2 && note == null) note = "two temperatures: Ea's error is from the two rates' Poisson errors alone";
        }
        return new Result(List.copyOf(runs), fit, note, QENS, st, anions, formula);
    }

    /** k_B·T in eV (for the report's axis). */
    public static double kT(double temperatureK) { return Units.BOLTZMANN_EV_PER_K * temperatureK; }
}
