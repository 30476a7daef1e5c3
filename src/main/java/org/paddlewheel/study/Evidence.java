package org.paddlewheel.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * One row of a claim's evidence: the condition (or pair of conditions) looked at, its numbers with
 * units and 1σ, what the row says about the claim, and whether it was used — with the reason when
 * it was not (a molten cell, a censored value, too few hops, …). In {@code summary.json}:
 * {@code {"condition", "numbers": [{"name", "value", "sigma", "unit", "censored"}], "outcome",
 * "used", "excluded_because"}}.
 *
 * @param condition       e.g. "x = 1, 500 K, free" or "500 K, x 0.5 → 1"
 * @param numbers         the quantities the rule compared
 * @param outcome         what the row says (only counts when used)
 * @param used            whether the verdict counts this row
 * @param excludedBecause why not, when not used (null when used)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Evidence(String condition, List<Number> numbers, Outcome outcome, boolean used,
                       @JsonProperty("excluded_because") String excludedBecause) {
    /** What a row says about its claim. */
    public enum Outcome {
        SUPPORTS, CONTRADICTS, NEITHER;

        @JsonValue public String json() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * One quantity of a row.
     *
     * @param name     what it is ("D_Na(x=1)", "τ_BH4", "z")
     * @param value    the value (for a censored value: the bound), null when unknown
     * @param sigma    its 1σ, null when unknown or censored
     * @param unit     the unit ("cm²/s", "ps", "eV", "" for pure numbers)
     * @param censored "lower" (the truth is ≥ value), "upper" (≤ value) or null (measured)
     */
    public record Number(String name, Double value, Double sigma, String unit, String censored) {
        /** A measured number (NaN → null). */
        public static Number of(String name, double value, double sigma, String unit) {
            return new Number(name, finite(value), finite(sigma), unit, null);
        }

        /** A censored or measured value. */
        public static Number of(String name, Bounded b, String unit) {
            if (b == null) return new Number(name, null, null, unit, null);
            return new Number(name, finite(b.value()), b.censor() == Bounded.Censor.NONE ? finite(b.sigma()) : null, unit,
                    b.censor() == Bounded.Censor.NONE ? null : b.censor().json());
        }

        private static Double finite(double v) { return Double.isFinite(v) ? v : null; }
    }

    /** A used row. */
    static Evidence used(String condition, Outcome outcome, Number... numbers) {
        return new Evidence(condition, List.of(numbers), outcome, true, null);
    }

    /** A row left out, with the reason. */
    static Evidence excluded(String condition, String because, Number... numbers) {
        return new Evidence(condition, List.of(numbers), Outcome.NEITHER, false, because);
    }
}
