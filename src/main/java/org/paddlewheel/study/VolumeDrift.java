package org.paddlewheel.study;

/**
 * Whether a constant-pressure stage reached its volume: the relative volume change over the stage's last
 * half, read from a least-squares line V(t) = V̄ + s (t − t̄) through the samples of that half, as
 * Δ = s (t_end − t_mid) / V̄, with its standard error σ_Δ from the residuals about the line, widened for
 * their correlation (lag-1 autocorrelation ρ: N_eff = m (1 − ρ)/(1 + ρ) of the m samples). A barostat
 * starting from a 0 K cell drives the volume on its relaxation time (τ_p times the ratio of the system's
 * compressibility to the barostat's); a stage that ends on that rise shows a change well above its
 * noise. A soft crystal's slow volume fluctuations (±1.4 % for 540 atoms of x = 1 at 400 K, correlated
 * over picoseconds) also move the volume by more than 1 % over a 6 ps half, and then, too, the end state
 * is not a representative crystal: the test flags either (for such a series, σ 1.2 % and 2 ps
 * correlation, about one 12 ps stage in five and one 30 ps stage in eleven; for white noise or a stiff
 * crystal's fast fluctuations, none). A stage is reported when |Δ| exceeds both {@link #LIMIT} and 3 σ_Δ.
 * Times in ps, volumes in Å³;
 * Δ and σ_Δ are dimensionless.
 */
public final class VolumeDrift {
    private VolumeDrift() {}

    /**
     * Relative change below which a stage counts as level whatever its noise: 1 % of the volume is 0.3 % of the
     * lattice parameter, the accuracy asked of lattice parameters elsewhere in this project.
     */
    public static final double LIMIT = 0.01;

    /**
     * The change over the last half and its standard error.
     *
     * @param change relative volume change Δ over the last half (NaN for fewer than 4 samples there)
     * @param sigma  its standard error σ_Δ (NaN likewise)
     */
    public record Drift(double change, double sigma) {
        /** |Δ| above {@link #LIMIT} and above 3 σ_Δ. */
        public boolean significant() { return Math.abs(change) > LIMIT && Math.abs(change) > 3 * sigma; }
    }

    /** The drift over the last half of the samples. */
    public static Drift lastHalf(double[] timesPs, double[] volumes) {
        int n = volumes.length, from = n / 2, m = n - from;
        if (m < 4) return new Drift(Double.NaN, Double.NaN);
        double tm = 0, vm = 0;
        for (int k = from; k < n; k++) { tm += timesPs[k]; vm += volumes[k]; }
        tm /= m;
        vm /= m;
        double stv = 0, stt = 0;
        for (int k = from; k < n; k++) {
            stv += (timesPs[k] - tm) * (volumes[k] - vm);
            stt += (timesPs[k] - tm) * (timesPs[k] - tm);
        }
        if (!(stt > 0)) return new Drift(Double.NaN, Double.NaN);
        double slope = stv / stt, span = timesPs[n - 1] - timesPs[from];
        double[] res = new double[m];
        double ss = 0;
        for (int k = from; k < n; k++) {
            res[k - from] = volumes[k] - vm - slope * (timesPs[k] - tm);
            ss += res[k - from] * res[k - from];
        }
        double lag = 0;
        for (int k = 1; k < m; k++) lag += res[k] * res[k - 1];
        double rho = ss > 0 ? Math.max(0, Math.min(0.99, lag / ss)) : 0;
        double inflate = (1 + rho) / (1 - rho);
        double slopeSigma = Math.sqrt(ss / (m - 2) / stt * inflate);
        return new Drift(slope * span / vm, slopeSigma * span / vm);
    }
}
