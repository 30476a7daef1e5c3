package org.paddlewheel.md;

/**
 * Settings of one MD run. Units: temperature K, times fs, friction 1/ps, pressure GPa,
 * compressibility 1/GPa, skin Å. Equilibration runs Langevin (plus the barostat for NPT) whatever
 * the ensemble and writes no trajectory. Build one with {@link #builder()} (the paper's AIMD
 * protocol as defaults: NVT Langevin 10/ps, 0.5 fs) or the canonical constructor.
 */
public record MdConfig(Ensemble ensemble, double temperatureK, double timestepFs, long equilibrationSteps,
                       long productionSteps, long everySteps, long thermoEverySteps, long checkpointEverySteps,
                       double frictionPerPs, double pressureGPa, double compressibilityPerGPa, double barostatTauFs,
                       long seed, int threads, TrajectoryFormat format, double skinAngstrom,
                       org.paddlewheel.forcefield.ForceEngine.KSpace kspace) {
    /** As the canonical constructor with the k-space method chosen by size ({@code AUTO}). */
    public MdConfig(Ensemble ensemble, double temperatureK, double timestepFs, long equilibrationSteps,
                    long productionSteps, long everySteps, long thermoEverySteps, long checkpointEverySteps,
                    double frictionPerPs, double pressureGPa, double compressibilityPerGPa, double barostatTauFs,
                    long seed, int threads, TrajectoryFormat format, double skinAngstrom) {
        this(ensemble, temperatureK, timestepFs, equilibrationSteps, productionSteps, everySteps, thermoEverySteps, checkpointEverySteps,
                frictionPerPs, pressureGPa, compressibilityPerGPa, barostatTauFs, seed, threads, format, skinAngstrom,
                org.paddlewheel.forcefield.ForceEngine.KSpace.AUTO);
    }

    public MdConfig {
        if (kspace == null) kspace = org.paddlewheel.forcefield.ForceEngine.KSpace.AUTO;
        if (!(timestepFs > 0)) throw new IllegalArgumentException("--timestep must be positive");
        if (ensemble == null || format == null) throw new IllegalArgumentException("ensemble and trajectory format are required");
        if (everySteps < 1 || thermoEverySteps < 1 || checkpointEverySteps < 1) {
            throw new IllegalArgumentException("output intervals must be at least one time step");
        }
        if (!(temperatureK > 0)) throw new IllegalArgumentException("--temperature must be above 0 K, got " + temperatureK + " K");
        if (equilibrationSteps < 0 || productionSteps < 0) throw new IllegalArgumentException("--time and --equilibrate must not be negative");
        if (!(frictionPerPs >= 0)) throw new IllegalArgumentException("--friction must be >= 0 /ps, got " + frictionPerPs);
        if (!(compressibilityPerGPa >= 0)) throw new IllegalArgumentException("--compressibility must be >= 0 /GPa, got " + compressibilityPerGPa);
        if (!(barostatTauFs > 0)) throw new IllegalArgumentException("--barostat-time must be positive, got " + barostatTauFs + " fs");
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        if (!(skinAngstrom >= 0)) throw new IllegalArgumentException("--skin must be >= 0 Å, got " + skinAngstrom);
        if (!Double.isFinite(pressureGPa)) throw new IllegalArgumentException("--pressure must be finite");
    }

    /** The option behind each field of {@link #fingerprint()}, in order (a trailing field is the SIMD kernel choice). */
    private static final String[] FINGERPRINT_OPTIONS = {"--ensemble", "--temperature", "--timestep", "--equilibrate",
        "--every", "--thermo-every", "--checkpoint-every", "--friction", "--pressure", "--compressibility", "--barostat-time",
        "--seed", "--threads", "--format", "--skin", "the SIMD kernels (vector or scalar)", "--kspace"};

    /** Index of the --kspace field, written only when it is not auto (so checkpoints from before it still resume). */
    private static final int KSPACE_FIELD = 16;

    /**
     * The options in which two fingerprints differ, as {@code --option (checkpoint X, now Y)}, for the
     * message that refuses a resume; empty when they agree. Fields are those of {@link #fingerprint()}
     * (times in fs or steps, as stored).
     */
    public static String differences(String checkpoint, String now) {
        String[] a = checkpoint.split("\\|", -1), b = now.split("\\|", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String absent = i == KSPACE_FIELD ? "auto" : "-";
            String x = i < a.length ? a[i] : absent, y = i < b.length ? b[i] : absent;
            if (x.equals(y)) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(i < FINGERPRINT_OPTIONS.length ? FINGERPRINT_OPTIONS[i] : "setting " + (i + 1))
                    .append(" (checkpoint ").append(x).append(", now ").append(y).append(')');
        }
        return sb.toString();
    }

    public long totalSteps() { return equilibrationSteps + productionSteps; }

    /** The fingerprint field that follows the SIMD one: "" for --kspace auto (as before the option existed), else "|ewald" or "|pme". */
    public String kspaceFingerprint() {
        return kspace == org.paddlewheel.forcefield.ForceEngine.KSpace.AUTO ? "" : "|" + kspace.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A fingerprint of everything that must match for --resume (unchanged spelling across versions). */
    public String fingerprint() {
        return String.join("|", ensemble.cliName(), Double.toString(temperatureK), Double.toString(timestepFs),
                Long.toString(equilibrationSteps), Long.toString(everySteps), Long.toString(thermoEverySteps),
                Long.toString(checkpointEverySteps), Double.toString(frictionPerPs), Double.toString(pressureGPa),
                Double.toString(compressibilityPerGPa), Double.toString(barostatTauFs), Long.toString(seed),
                Integer.toString(threads), format.cliName(), Double.toString(skinAngstrom));
    }

    /** A builder with the defaults of {@code paddlewheel md}. */
    public static Builder builder() { return new Builder(); }

    /**
     * Builds an {@link MdConfig} from times rather than step counts; defaults: NVT, 0.5 fs, no
     * equilibration, a frame and a thermo line every 10 fs, a checkpoint every 1 ps, Langevin 10/ps,
     * 0 GPa, compressibility 0.05/GPa, barostat τ 1 ps, seed 1, 1 thread, extended XYZ, skin 1 Å.
     * Times must be whole numbers of steps.
     */
    public static final class Builder {
        private Ensemble ensemble = Ensemble.NVT;
        private double temperatureK = Double.NaN, timestepFs = 0.5, equilibrationFs, productionFs = Double.NaN, everyFs = 10,
                thermoFs = Double.NaN, checkpointFs = 1000, frictionPerPs = 10, pressureGPa, compressibilityPerGPa = 0.05,
                barostatTauFs = 1000, skinAngstrom = 1.0;
        private long seed = 1;
        private int threads = 1;
        private TrajectoryFormat format = TrajectoryFormat.EXTXYZ;
        private org.paddlewheel.forcefield.ForceEngine.KSpace kspace = org.paddlewheel.forcefield.ForceEngine.KSpace.AUTO;

        public Builder ensemble(Ensemble v) { ensemble = v; return this; }
        public Builder temperatureK(double v) { temperatureK = v; return this; }
        public Builder timestepFs(double v) { timestepFs = v; return this; }
        public Builder equilibrationFs(double v) { equilibrationFs = v; return this; }
        public Builder productionFs(double v) { productionFs = v; return this; }
        /** Trajectory frame interval, fs. */
        public Builder everyFs(double v) { everyFs = v; return this; }
        /** thermo.csv interval, fs (default: the frame interval). */
        public Builder thermoEveryFs(double v) { thermoFs = v; return this; }
        public Builder checkpointEveryFs(double v) { checkpointFs = v; return this; }
        public Builder frictionPerPs(double v) { frictionPerPs = v; return this; }
        public Builder pressureGPa(double v) { pressureGPa = v; return this; }
        public Builder compressibilityPerGPa(double v) { compressibilityPerGPa = v; return this; }
        public Builder barostatTauFs(double v) { barostatTauFs = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder format(TrajectoryFormat v) { format = v; return this; }
        public Builder skinAngstrom(double v) { skinAngstrom = v; return this; }
        /** Reciprocal-space method (default AUTO: {@link org.paddlewheel.forcefield.ForceEngine#autoUsesPme}). */
        public Builder kspace(org.paddlewheel.forcefield.ForceEngine.KSpace v) { kspace = v; return this; }

        public MdConfig build() {
            if (!(temperatureK > 0)) throw new IllegalArgumentException("temperature must be > 0 K");
            if (!(productionFs > 0)) throw new IllegalArgumentException("production time must be > 0 fs");
            return new MdConfig(ensemble, temperatureK, timestepFs, Math.round(equilibrationFs / timestepFs), Math.round(productionFs / timestepFs),
                    steps(everyFs), steps(Double.isNaN(thermoFs) ? everyFs : thermoFs), steps(checkpointFs), frictionPerPs, pressureGPa,
                    compressibilityPerGPa, barostatTauFs, seed, threads, format, skinAngstrom, kspace);
        }

        /** A whole number of steps for an interval in fs. */
        public long steps(double fs) {
            long k = Math.round(fs / timestepFs);
            if (k < 1 || Math.abs(k * timestepFs - fs) > 1e-6 * fs) throw new IllegalArgumentException(fs + " fs is not a whole number of " + timestepFs + " fs steps");
            return k;
        }
    }
}
