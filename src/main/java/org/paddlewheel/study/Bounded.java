package org.paddlewheel.study;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A number that may be censored: measured (value ± 1σ), or only a bound. A τ whose C1 had not
 * decayed within the observed window is a lower bound (the truth is ≥ value); a D from runs without
 * a single Na hop is an upper bound (≤ value, never negative). Comparisons go only the way a bound
 * allows: a lower bound can be shown to lie above a measured value, never below it, and two bounds
 * are comparable only when they point apart (≥ a against ≤ b with a &gt; b). No z-score is ever
 * computed for a bound.
 *
 * @param value  the estimate, or the bound
 * @param sigma  1σ of a measured value (0 or NaN for a bound)
 * @param censor whether value is a bound and which way
 */
public record Bounded(double value, double sigma, Censor censor) {
    /** Which way a value is censored. */
    public enum Censor {
        NONE, LOWER, UPPER;

        @JsonValue public String json() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** A measured value. */
    public static Bounded measured(Estimate e) { return new Bounded(e.value(), e.sigma(), Censor.NONE); }

    /** The truth is at least {@code v}. */
    public static Bounded atLeast(double v) { return new Bounded(v, 0, Censor.LOWER); }

    /** The truth is at most {@code v}. */
    public static Bounded atMost(double v) { return new Bounded(v, 0, Censor.UPPER); }

    /** True when measured with a finite σ (usable in a z-score). */
    public boolean isMeasured() { return censor == Censor.NONE && Double.isFinite(sigma) && Double.isFinite(value); }

    /**
     * +1 when this lies above {@code o} beyond {@code k}σ, −1 when below, 0 when undecided (including
     * every comparison a bound cannot make).
     */
    public int compare(Bounded o, double k) {
        if (isMeasured() && o.isMeasured()) {
            double z = z(o);
            return z > k ? 1 : z < -k ? -1 : 0;
        }
        if (censor == Censor.LOWER && o.isMeasured()) return value > o.value + k * o.sigma ? 1 : 0;
        if (censor == Censor.UPPER && o.isMeasured()) return value < o.value - k * o.sigma ? -1 : 0;
        if (isMeasured() && o.censor != Censor.NONE) return -o.compare(this, k);
        if (censor == Censor.LOWER && o.censor == Censor.UPPER) return value > o.value ? 1 : 0;
        if (censor == Censor.UPPER && o.censor == Censor.LOWER) return value < o.value ? -1 : 0;
        return 0;
    }

    /** (this − o)/√(σ² + σ_o²) for two measured values, NaN otherwise (never for a bound). */
    public double z(Bounded o) {
        if (!isMeasured() || !o.isMeasured()) return Double.NaN;
        return new Estimate(value, sigma).z(new Estimate(o.value, o.sigma));
    }

    /** "3.1 ± 0.2", "≥ 25", "≤ 2e-09" (3 significant digits). */
    public String text() {
        return switch (censor) {
            case LOWER -> String.format(java.util.Locale.ROOT, "≥ %.3g", value);
            case UPPER -> String.format(java.util.Locale.ROOT, "≤ %.3g", value);
            case NONE -> Double.isFinite(sigma) ? String.format(java.util.Locale.ROOT, "%.3g ± %.2g", value, sigma)
                    : String.format(java.util.Locale.ROOT, "%.3g ± ?", value);
        };
    }
}
