package org.paddlewheel.study;

import java.util.List;

/**
 * One of the paper's results checked against the study's numbers.
 *
 * @param id        stable identifier ("d_na_rises_with_x", …)
 * @param statement the result as the paper states it
 * @param verdict   the verdict ({@link Verdict}; JSON "reproduced", "not_reproduced", "inconclusive",
 *                  "not_testable" or "not_attempted")
 * @param basis     the decision rule, and for "not_attempted" the reason
 * @param evidence  one row per condition (or pair of conditions) the rule looked at, used or not
 */
public record Claim(String id, String statement, Verdict verdict, String basis, List<Evidence> evidence) {
    /** A claim decided from its rows by {@link Verdict#decide}. */
    static Claim decided(String id, String statement, String basis, List<Evidence> rows) {
        int sup = 0, con = 0, used = 0;
        for (Evidence e : rows) {
            if (!e.used()) continue;
            used++;
            if (e.outcome() == Evidence.Outcome.SUPPORTS) sup++;
            if (e.outcome() == Evidence.Outcome.CONTRADICTS) con++;
        }
        return new Claim(id, statement, Verdict.decide(sup, con, used), basis + " Usable conditions: " + used
                + ", supporting " + sup + ", contradicting " + con + ".", List.copyOf(rows));
    }

    /** A result the study does not address, with the reason. */
    static Claim notAttempted(String id, String statement, String reason) {
        return new Claim(id, statement, Verdict.NOT_ATTEMPTED, reason, List.of());
    }
}
