package org.paddlewheel.study;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The verdict on one of the paper's results, as written in {@code summary.json} ({@link #json()}):
 * <ul>
 *   <li>{@code reproduced}: most usable conditions support the result and none contradicts it;</li>
 *   <li>{@code not_reproduced}: at least one usable condition contradicts it beyond the rule's margin;</li>
 *   <li>{@code inconclusive}: usable conditions exist, but too few support it and none contradicts;</li>
 *   <li>{@code not_testable}: the rule applies, but no condition of this run is usable (none was run,
 *       or every one was excluded: a molten cell, a censored value, no carriers, …);</li>
 *   <li>{@code not_attempted}: the study does not address this result at all (the reason is given).</li>
 * </ul>
 */
public enum Verdict {
    REPRODUCED, NOT_REPRODUCED, INCONCLUSIVE, NOT_TESTABLE, NOT_ATTEMPTED;

    /** The JSON spelling: lower case with underscores ("not_reproduced"). */
    @JsonValue
    public String json() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** Words for people: "not reproduced". */
    public String words() { return json().replace('_', ' '); }

    @Override public String toString() { return json(); }

    /** Parses the JSON spelling. */
    @JsonCreator
    public static Verdict of(String json) { return valueOf(json.toUpperCase(java.util.Locale.ROOT)); }

    /**
     * The rule shared by every claim: no usable condition → not testable; any contradiction → not
     * reproduced; a strict majority of the usable conditions supporting → reproduced; else inconclusive.
     */
    public static Verdict decide(int supported, int contradicted, int usable) {
        if (usable == 0) return NOT_TESTABLE;
        if (contradicted > 0) return NOT_REPRODUCED;
        return 2 * supported > usable ? REPRODUCED : INCONCLUSIVE;
    }
}
