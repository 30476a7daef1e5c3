package org.paddlewheel.experiment.impedance;

/**
 * Weighting of the complex non-linear least-squares residuals: each point contributes
 * ((Z'_model − Z'_data)/σ')² + ((Z''_model − Z''_data)/σ'')² with
 * <ul>
 * <li>{@link #UNIT}: σ' = σ'' = 1 Ω (large impedances dominate);</li>
 * <li>{@link #PROPORTIONAL}: σ' = |Z'_data|, σ'' = |Z''_data| (Boukamp's proportional weighting),
 *     each floored at 10⁻³·|Z_data| so a point on the real axis does not get an infinite weight;</li>
 * <li>{@link #MODULUS}: σ' = σ'' = |Z_data| (the default: every point counts on a relative scale,
 *     right for spectra spanning decades in |Z|).</li>
 * </ul>
 */
public enum Weighting {
    UNIT, PROPORTIONAL, MODULUS;

    /** σ' and σ'' of point i of {@code s}, in Ω. */
    public double[] sigma(Spectrum s, int i) {
        return switch (this) {
            case UNIT -> new double[] {1.0, 1.0};
            case MODULUS -> new double[] {s.modulus(i), s.modulus(i)};
            case PROPORTIONAL -> {
                double floor = 1e-3 * s.modulus(i);
                yield new double[] {Math.max(Math.abs(s.re(i)), floor), Math.max(Math.abs(s.im(i)), floor)};
            }
        };
    }
}
