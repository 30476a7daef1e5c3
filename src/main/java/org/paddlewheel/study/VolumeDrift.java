package org.paddlewheel.study;

/**
 * Whether a constant-pressure stage reached its volume: the relative volume change over the stage's last
 * half, read from a least-squares line V(t) = V̄ + s (t − t̄) through the samples of that half, as
 * s (t_end − t_mid) / V̄. A barostat starting from a 0 K cell (or one built at a guessed lattice
 * parameter) drives the volume with the relaxation time τ_p and the system's own response; an
 * equilibrated stage fluctuates about a level, and its fitted change over half a stage is of the
 * order of the volume noise divided by √(samples per correlation time) — under 1 % for hundreds of
 * atoms ({@link #LIMIT}). Times in ps, volumes in Å³; the result is dimensionless.
 */
public final class VolumeDrift {
    private VolumeDrift() {}

    /**
     * Relative change beyond which a stage is reported as not having reached its volume. One per cent of the
     * volume is about twice the RMS volume fluctuation of a 540-atom ionic crystal at 550 K
     * (⟨δV²⟩ = k_B T V κ with κ ≈ 0.1 /GPa: ≈ 0.5 % of V), and a 1 % volume error is a lattice error of 0.3 %.
     */
    public static final double LIMIT = 0.01;

    /** Relative volume change over the last half of the samples (NaN for fewer than 4 samples in that half). */
    public static double lastHalf(double[] timesPs, double[] volumes) {
        int n = volumes.length, from = n / 2, m = n - from;
        if (m < 4) return Double.NaN;
        double tm = 0, vm = 0;
        for (int k = from; k < n; k++) { tm += timesPs[k]; vm += volumes[k]; }
        tm /= m;
        vm /= m;
        double stv = 0, stt = 0;
        for (int k = from; k < n; k++) {
            stv += (timesPs[k] - tm) * (volumes[k] - vm);
            stt += (timesPs[k] - tm) * (timesPs[k] - tm);
        }
        if (!(stt > 0)) return Double.NaN;
        return stv / stt * (timesPs[n - 1] - timesPs[from]) / vm;
    }
}
