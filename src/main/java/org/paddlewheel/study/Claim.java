package org.paddlewheel.study;

import java.util.List;
import java.util.Map;

/**
 * One of the paper's claims checked against the study's numbers.
 *
 * @param id        stable identifier ("d_na_rises_with_x", …)
 * @param statement the claim as the paper makes it
 * @param verdict   "reproduced", "not_reproduced" or "inconclusive"
 * @param basis     the decision rule and why this verdict follows from the numbers
 * @param evidence  the numbers behind the verdict, one map per comparison (keys carry units)
 */
public record Claim(String id, String statement, String verdict, String basis, List<Map<String, Object>> evidence) {
    public static final String REPRODUCED = "reproduced";
    public static final String NOT_REPRODUCED = "not_reproduced";
    public static final String INCONCLUSIVE = "inconclusive";
}
