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
        Map<String, Estimate> tau = new java.util.LinkedHashMap<>();
        if (tauB != null) tau.put("BH4", tauB);
        if (tauN != null) tau.put("NH2", tauN);
        RunResult r = new RunResult("id", spec(x, t, f), "test", d, d == null ? null : new Estimate(d.value() * 1e5, d.sigma() * 1e5),
                tau, null, Map.of(), 0, Map.of(), null);
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

    @Test
    void decideNeedsHalfSupportAndNoContradiction() {
        assertThat(Claims.decide(1, 0, 2)).isEqualTo(Claim.REPRODUCED);
        assertThat(Claims.decide(1, 0, 3)).isEqualTo(Claim.INCONCLUSIVE);
        assertThat(Claims.decide(3, 1, 4)).isEqualTo(Claim.NOT_REPRODUCED);
        assertThat(Claims.decide(0, 0, 0)).isEqualTo(Claim.INCONCLUSIVE);
    }
}
