package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdict rules: a difference counts only beyond 2σ combined; contradictions win; no data is inconclusive. */
class ClaimsTest {
    static RunSpec spec(double x, double t, Frozen f) {
        return Campaign.tiny().runs().get(0).at(x, t).withFrozen(f);
    }

    static ConditionResult cond(double x, double t, Frozen f, Estimate d, Estimate tauB, Estimate tauN) {
        return cond(x, t, f, d, tauB, tauN, 10);
    }

    /** One run's condition with {@code hops} Na hops (0: its D is only an upper bound). */
    static ConditionResult cond(double x, double t, Frozen f, Estimate d, Estimate tauB, Estimate tauN, int hops) {
        Map<String, Estimate> tau = new java.util.LinkedHashMap<>();
        if (tauB != null) tau.put("BH4", tauB);
        if (tauN != null) tau.put("NH2", tauN);
        RunResult r = new RunResult("id", spec(x, t, f), "test", d, d == null ? null : new Estimate(d.value() * 1e5, d.sigma() * 1e5),
                tau, null, Map.of(), f == Frozen.NA ? 0 : hops, Map.of(), null);
        return ConditionResult.pool(List.of(r));
    }

    static String verdict(List<ConditionResult> cs, String id) {
        return new Claims(cs).evaluate().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().verdict();
    }

    @Test
    void dRisesWithXNeedsTwoSigma() {
        var e = new Estimate(1, 0.1);
        List<ConditionResult> clear = List.of(cond(0, 700, Frozen.NONE, new Estimate(1e-6, 1e-7), e, null),
                cond(1, 700, Frozen.NONE, new Estimate(5e-6, 5e-7), e, e));
        assertThat(verdict(clear, "d_na_rises_with_x")).isEqualTo(Claim.REPRODUCED);
        List<ConditionResult> noisy = List.of(cond(0, 700, Frozen.NONE, new Estimate(1e-6, 1e-6), e, null),
                cond(1, 700, Frozen.NONE, new Estimate(3e-6, 1e-6), e, e));   // z = 1.4
        assertThat(verdict(noisy, "d_na_rises_with_x")).isEqualTo(Claim.INCONCLUSIVE);
        List<ConditionResult> opposite = List.of(cond(0, 700, Frozen.NONE, new Estimate(5e-6, 1e-7), e, null),
                cond(1, 700, Frozen.NONE, new Estimate(1e-6, 1e-7), e, e));
        assertThat(verdict(opposite, "d_na_rises_with_x")).isEqualTo(Claim.NOT_REPRODUCED);
        assertThat(verdict(List.of(), "d_na_rises_with_x")).isEqualTo(Claim.INCONCLUSIVE);
    }

    @Test
    void freezingClaimsUseRatioBoundsAndNullTests() {
        var d = new Estimate(1e-5, 1e-6);
        List<ConditionResult> cs = new ArrayList<>(List.of(
                cond(1, 700, Frozen.NONE, d, new Estimate(0.3, 0.02), new Estimate(0.6, 0.05)),
                cond(1, 700, Frozen.NH2, new Estimate(5e-7, 3e-7), new Estimate(0.3, 0.02), null),
                cond(1, 700, Frozen.BH4, new Estimate(4e-7, 3e-7), null, new Estimate(1.2, 0.1)),
                cond(1, 700, Frozen.NA, null, new Estimate(0.31, 0.02), new Estimate(1.2, 0.1))));
        assertThat(verdict(cs, "freezing_either_anion_quenches_na")).isEqualTo(Claim.REPRODUCED);
        assertThat(verdict(cs, "freezing_na_slows_nh2_not_bh4")).isEqualTo(Claim.REPRODUCED);
        // BH4 slowed by 60 % when Na is frozen contradicts "not BH4".
        cs.set(3, cond(1, 700, Frozen.NA, null, new Estimate(0.5, 0.02), new Estimate(1.2, 0.1)));
        assertThat(verdict(cs, "freezing_na_slows_nh2_not_bh4")).isEqualTo(Claim.NOT_REPRODUCED);
        // Frozen-anion D only halved (ratio 0.5 ± small): neither quenched nor clearly free.
        cs.set(1, cond(1, 700, Frozen.NH2, new Estimate(5e-6, 2e-7), new Estimate(0.3, 0.02), null));
        assertThat(verdict(cs, "freezing_either_anion_quenches_na")).isEqualTo(Claim.INCONCLUSIVE);
    }

    @Test
    void poolingKeepsTheLargerOfScatterAndPropagatedError() {
        RunSpec s = spec(1, 500, Frozen.NONE);
        List<RunResult> rs = List.of(
                new RunResult("a", s, "t", new Estimate(1.0, 0.01), null, Map.of(), null, Map.of(), 0, Map.of(), null),
                new RunResult("b", s.withSeed(2), "t", new Estimate(2.0, 0.01), null, Map.of(), null, Map.of(), 0, Map.of(), null));
        Estimate d = ConditionResult.pool(rs).dNa();
        assertThat(d.value()).isEqualTo(1.5);
        assertThat(d.sigma()).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-12));   // SEM of {1, 2}
    }

    static ConditionResult condLb(double x, double t, Estimate tauB, boolean bLb, Estimate tauN, boolean nLb) {
        RunResult r = new RunResult("id", spec(x, t, Frozen.NONE), "test", new Estimate(1e-5, 1e-6), null,
                Map.of("BH4", tauB, "NH2", tauN), null, Map.of(), 0, Map.of(), null, Map.of("BH4", bLb, "NH2", nLb), Double.NaN);
        return ConditionResult.pool(List.of(r));
    }

    @Test
    void aLowerBoundTauIsNeverShownToBeTheFasterOne() {
        // NH2 τ only ≥ 10 ps (C1 not decayed), BH4 τ = 1 ± 0.1 ps: BH4 is faster whatever NH2's true τ is.
        assertThat(verdict(List.of(condLb(1, 700, new Estimate(1, 0.1), false, new Estimate(10, 0), true)),
                "bh4_rotates_faster_than_nh2")).isEqualTo(Claim.REPRODUCED);
        // BH4 only ≥ 1 ps and NH2 = 10 ± 0.5 ps: BH4's true τ may exceed NH2's, so no support.
        assertThat(verdict(List.of(condLb(1, 700, new Estimate(1, 0), true, new Estimate(10, 0.5), false)),
                "bh4_rotates_faster_than_nh2")).isEqualTo(Claim.INCONCLUSIVE);
        // BH4 ≥ 10 ps while NH2 = 1 ± 0.1 ps: BH4 is certainly slower — contradiction.
        assertThat(verdict(List.of(condLb(1, 700, new Estimate(10, 0), true, new Estimate(1, 0.1), false)),
                "bh4_rotates_faster_than_nh2")).isEqualTo(Claim.NOT_REPRODUCED);
        // NH2 at x = 0.5 only ≥ 10 ps, at x = 1 = 2 ± 0.2 ps: speeds up with x; the reverse order shows nothing.
        var bh4 = new Estimate(0.5, 0.05);
        assertThat(verdict(List.of(condLb(0.5, 700, bh4, false, new Estimate(10, 0), true),
                condLb(1, 700, bh4, false, new Estimate(2, 0.2), false)), "nh2_rotation_speeds_up_with_x")).isEqualTo(Claim.REPRODUCED);
        assertThat(verdict(List.of(condLb(0.5, 700, bh4, false, new Estimate(2, 0.1), false),
                condLb(1, 700, bh4, false, new Estimate(10, 0), true)), "nh2_rotation_speeds_up_with_x")).isEqualTo(Claim.NOT_REPRODUCED);
        assertThat(verdict(List.of(condLb(0.5, 700, bh4, false, new Estimate(10, 0), true),
                condLb(1, 700, bh4, false, new Estimate(10, 0), true)), "nh2_rotation_speeds_up_with_x")).isEqualTo(Claim.INCONCLUSIVE);
    }

    @Test
    void aNoHopDIsOnlyAnUpperBoundInClaims() {
        var e = new Estimate(1, 0.1);
        Estimate low = new Estimate(1e-6, 1e-7), high = new Estimate(5e-6, 5e-7);
        // x = 0 made no hop (D ≤ 1e-6): x = 1's measured 5e-6 is above the bound, so above the truth.
        assertThat(verdict(List.of(cond(0, 700, Frozen.NONE, low, e, null, 0), cond(1, 700, Frozen.NONE, high, e, e)),
                "d_na_rises_with_x")).isEqualTo(Claim.REPRODUCED);
        // x = 1 made no hop (D ≤ 1e-6) while x = 0 measured 5e-6: x = 1 is certainly lower — contradiction.
        assertThat(verdict(List.of(cond(0, 700, Frozen.NONE, high, e, null), cond(1, 700, Frozen.NONE, low, e, e, 0)),
                "d_na_rises_with_x")).isEqualTo(Claim.NOT_REPRODUCED);
        // The same numbers with x = 1 measured would reproduce; a bound above the other value shows nothing.
        assertThat(verdict(List.of(cond(0, 700, Frozen.NONE, low, e, null), cond(1, 700, Frozen.NONE, high, e, e)),
                "d_na_rises_with_x")).isEqualTo(Claim.REPRODUCED);
        assertThat(verdict(List.of(cond(0, 700, Frozen.NONE, low, e, null), cond(1, 700, Frozen.NONE, high, e, e, 0)),
                "d_na_rises_with_x")).isEqualTo(Claim.INCONCLUSIVE);
        // Two bounds are not compared at all.
        assertThat(verdict(List.of(cond(0, 700, Frozen.NONE, low, e, null, 0), cond(1, 700, Frozen.NONE, high, e, e, 0)),
                "d_na_rises_with_x")).isEqualTo(Claim.INCONCLUSIVE);

        // Freezing: a frozen run without a hop bounds the ratio from above, so it can show quenching
        // but a large bound (ratio 1.2) does not contradict it, while the same measured value does.
        var d = new Estimate(1e-5, 1e-6);
        var tb = new Estimate(0.3, 0.02);
        List<ConditionResult> quenched = List.of(cond(1, 700, Frozen.NONE, d, tb, new Estimate(0.6, 0.05)),
                cond(1, 700, Frozen.NH2, new Estimate(5e-7, 3e-7), tb, null, 0),
                cond(1, 700, Frozen.BH4, new Estimate(4e-7, 3e-7), null, new Estimate(1.2, 0.1), 0));
        assertThat(verdict(quenched, "freezing_either_anion_quenches_na")).isEqualTo(Claim.REPRODUCED);
        List<ConditionResult> floorHigh = new ArrayList<>(quenched);
        floorHigh.set(1, cond(1, 700, Frozen.NH2, new Estimate(1.2e-5, 1e-7), tb, null, 0));
        assertThat(verdict(floorHigh, "freezing_either_anion_quenches_na")).isEqualTo(Claim.INCONCLUSIVE);
        floorHigh.set(1, cond(1, 700, Frozen.NH2, new Estimate(1.2e-5, 1e-7), tb, null, 10));
        assertThat(verdict(floorHigh, "freezing_either_anion_quenches_na")).isEqualTo(Claim.NOT_REPRODUCED);
    }

    @Test
    void decideNeedsHalfSupportAndNoContradiction() {
        assertThat(Claims.decide(1, 0, 2)).isEqualTo(Claim.REPRODUCED);
        assertThat(Claims.decide(1, 0, 3)).isEqualTo(Claim.INCONCLUSIVE);
        assertThat(Claims.decide(3, 1, 4)).isEqualTo(Claim.NOT_REPRODUCED);
        assertThat(Claims.decide(0, 0, 0)).isEqualTo(Claim.INCONCLUSIVE);
    }
}
