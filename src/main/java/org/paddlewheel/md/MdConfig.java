package org.paddlewheel.md;

/**
 * Settings of one MD run. Units: temperature K, times fs, friction 1/ps, pressure GPa,
 * compressibility 1/GPa, skin Å. Ensemble "nve", "nvt" (Langevin BAOAB) or "npt" (Langevin +
 * stochastic cell rescaling). Equilibration runs Langevin (plus the barostat for npt) whatever the
 * ensemble and writes no trajectory.
 */
public record MdConfig(String ensemble, double temperatureK, double timestepFs, long equilibrationSteps,
                       long productionSteps, long everySteps, long thermoEverySteps, long checkpointEverySteps,
                       double frictionPerPs, double pressureGPa, double compressibilityPerGPa, double barostatTauFs,
                       long seed, int threads, String format, double skinAngstrom) {
    public MdConfig {
        if (!(timestepFs > 0)) throw new IllegalArgumentException("--timestep must be positive");
        if (!java.util.Set.of("nve", "nvt", "npt").contains(ensemble)) {
            throw new IllegalArgumentException("--ensemble must be nve, nvt or npt, got " + ensemble);
        }
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
        "--seed", "--threads", "--format", "--skin", "the SIMD kernels (vector or scalar)"};

    /**
     * The options in which two fingerprints differ, as {@code --option (checkpoint X, now Y)}, for the
     * message that refuses a resume; empty when they agree. Fields are those of {@link #fingerprint()}
     * (times in fs or steps, as stored).
     */
    public static String differences(String checkpoint, String now) {
        String[] a = checkpoint.split("\\|", -1), b = now.split("\\|", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "-", y = i < b.length ? b[i] : "-";
            if (x.equals(y)) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(i < FINGERPRINT_OPTIONS.length ? FINGERPRINT_OPTIONS[i] : "setting " + (i + 1))
                    .append(" (checkpoint ").append(x).append(", now ").append(y).append(')');
        }
        return sb.toString();
    }

    public long totalSteps() { return equilibrationSteps + productionSteps; }

    /** A fingerprint of everything that must match for --resume. */
    public String fingerprint() {
        return String.join("|", ensemble, Double.toString(temperatureK), Double.toString(timestepFs),
                Long.toString(equilibrationSteps), Long.toString(everySteps), Long.toString(thermoEverySteps),
                Long.toString(checkpointEverySteps), Double.toString(frictionPerPs), Double.toString(pressureGPa),
                Double.toString(compressibilityPerGPa), Double.toString(barostatTauFs), Long.toString(seed),
                Integer.toString(threads), format, Double.toString(skinAngstrom));
    }
}
