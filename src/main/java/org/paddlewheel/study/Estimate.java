package org.paddlewheel.study;

/**
 * A measured number with its 1σ uncertainty, and the ~2σ comparison every claim uses: a
 * difference counts only when it exceeds {@link #SIGNIFICANCE} combined standard deviations.
 *
 * @param value the estimate
 * @param sigma its 1σ standard error (≥ 0; NaN when unknown)
 */
public record Estimate(double value, double sigma) {
    /** Combined-σ threshold for calling a difference significant. */
    public static final double SIGNIFICANCE = 2.0;

    /** z = (this − other) / sqrt(σ² + σ_other²); ±∞ when both σ are 0 and the values differ. */
    public double z(Estimate other) {
        double d = value - other.value;
        double s = Math.hypot(sigma, other.sigma);
        if (s == 0) return d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
        return d / s;
    }

    /** True when this is larger than {@code other} by more than 2σ combined. */
    public boolean significantlyAbove(Estimate other) { return z(other) > SIGNIFICANCE; }

    /** True when this is smaller than {@code other} by more than 2σ combined. */
    public boolean significantlyBelow(Estimate other) { return z(other) < -SIGNIFICANCE; }

    /** this / other with first-order propagated σ (relative errors in quadrature). */
    public Estimate ratio(Estimate other) {
        double r = value / other.value;
        double rel = Math.hypot(sigma / value, other.sigma / other.value);
        return new Estimate(r, Math.abs(r) * (Double.isFinite(rel) ? rel : Double.NaN));
    }

    /** Relative uncertainty σ/|value|. */
    public double relative() { return sigma / Math.abs(value); }
}
