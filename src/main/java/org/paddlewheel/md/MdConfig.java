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
