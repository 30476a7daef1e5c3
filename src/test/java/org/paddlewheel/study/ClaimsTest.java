package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paddlewheel.analysis.LatticeStability;

/**
 * Verdict rules on fabricated pooled results: a difference counts beyond 2σ combined, effect sizes
 * where the claim has one, contradictions win, a majority of usable conditions must support, and no
 * usable condition is "not testable". Every rule is shown to be able to fail.
 */
class ClaimsTest {
    static final LatticeStability.Result STABLE = KnownAnswers.STABLE_CRYSTAL;
    static final LatticeStability.Result MOLTEN = new LatticeStability.Result(27, 9.0, 0.45, 4.8, 0.12);

    static RunSpec spec(double x, double t, Frozen f) {
        return Campaign.tiny().runs().get(0).at(x, t).withFrozen(f);
    }

    static ConditionResult cond(double x, double t, Frozen f, Estimate d, Estimate tauB, Estimate tauN) {
        return cond(x, t, f, d, tauB, tauN, 10);
    }

    static ConditionResult cond(double x, double t, Frozen f, Estimate d, Estimate tauB, Estimate tauN, int hops) {
        return cond(x, t, f, d, tauB, tauN, hops, Map.of(), STABLE);
    }

    /** One run's condition with {@code hops} Na hops (0: D is only an upper bound) and the given stability of every anion kind. */
    static ConditionResult cond(double x, double t, Frozen f, Estimate d, Estimate tauB, Estimate tauN, int hops,
                                Map<String, RunResult.Coupling> coupling, LatticeStability.Result stability) {
        Map<String, Estimate> tau = new LinkedHashMap<>();
        if (tauB != null) tau.put("BH4", tauB);
        if (tauN != null) tau.put("NH2", tauN);
        Map<String, LatticeStability.Result> st = new LinkedHashMap<>();
        for (String k : tau.keySet()) st.put(k, stability);
        RunResult r = new RunResult("id", spec(x, t, f), "test", d, d == null ? null : new Estimate(d.value() * 1e5, d.sigma() * 1e5),
                tau, null, Map.of(), f == Frozen.NA ? 0 : hops, coupling, null, Map.of(), Double.NaN, st);
        return ConditionResult.pool(List.of(r));
    }

    static Claim claim(List<ConditionResult> cs, String id) {
        return new Claims(cs).evaluate().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    static Verdict verdict(List<ConditionResult> cs, String id) { return claim(cs, id).verdict(); }

    static final Estimate E = new Estimate(1, 0.1);

    @Test
    void dRisesWithXNeedsTwoSigmaAndAUsableCondition() {
        List<ConditionResult> clear = List.of(cond(0.5, 500, Frozen.NONE, new Estimate(1e-6, 1e-7), E, E),
                cond(1, 500, Frozen.NONE, new Estimate(5e-6, 5e-7), E, E));
        assertThat(verdict(clear, "d_na_rises_with_x")).isEqualTo(Verdict.REPRODUCED);
        List<ConditionResult> noisy = List.of(cond(0.5, 500, Frozen.NONE, new Estimate(1e-6, 1e-6), E, E),
                cond(1, 500, Frozen.NONE, new Estimate(3e-6, 1e-6), E, E));   // z = 1.4
        assertThat(verdict(noisy, "d_na_rises_with_x")).isEqualTo(Verdict.INCONCLUSIVE);
        List<ConditionResult> opposite = List.of(cond(0.5, 500, Frozen.NONE, new Estimate(5e-6, 1e-7), E, E),
                cond(1, 500, Frozen.NONE, new Estimate(1e-6, 1e-7), E, E));
        assertThat(verdict(opposite, "d_na_rises_with_x")).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(verdict(List.of(), "d_na_rises_with_x")).isEqualTo(Verdict.NOT_TESTABLE);
    }

    @Test
    void adjacentCompositionsAreComparedNotOnlyTheEnds() {
        // 0 → 1 rises by far, but 0.5 → 1 falls by 5σ: the middle contradicts.
        List<ConditionResult> cs = List.of(cond(0, 500, Frozen.NONE, new Estimate(1e-7, 1e-8), E, null),
                cond(0.5, 500, Frozen.NONE, new Estimate(8e-6, 2e-7), E, E), cond(1, 500, Frozen.NONE, new Estimate(5e-6, 5e-7), E, E));
        Claim c = claim(cs, "d_na_rises_with_x");
        assertThat(c.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(c.evidence()).extracting(Evidence::condition).containsExactly("500 K, x 0 → 0.5", "500 K, x 0.5 → 1");
    }

    /** Old rules: reproduced (the 700 K row supported, ≥ half). New: the molten 700 K run is excluded, 500 K alone does not support. */
    @Test
    void supportFromAMoltenRunOnlyIsNotReproduced() {
        List<ConditionResult> cs = List.of(
                cond(0.5, 500, Frozen.NONE, new Estimate(1e-6, 4e-7), E, E), cond(1, 500, Frozen.NONE, new Estimate(1.5e-6, 4e-7), E, E),
                cond(0.5, 700, Frozen.NONE, new Estimate(1e-6, 1e-7), E, E),
                cond(1, 700, Frozen.NONE, new Estimate(2e-5, 1e-6), E, E, 700, Map.of(), MOLTEN));
        Claim c = claim(cs, "d_na_rises_with_x");
        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        Evidence molten = c.evidence().stream().filter(e -> e.condition().startsWith("700")).findFirst().orElseThrow();
        assertThat(molten.used()).isFalse();
        assertThat(molten.excludedBecause()).contains("x = 1, 700 K, free", "molten", "Lindemann ratio 0.45");
        // Only the molten temperature: nothing usable at all.
        assertThat(verdict(cs.subList(2, 4), "d_na_rises_with_x")).isEqualTo(Verdict.NOT_TESTABLE);
    }

    /** Old rules: reproduced (x = 0's no-hop D is a bound below x = 1). New: a vacancy-free cell has no carriers — not testable. */
    @Test
    void xZeroWithoutVacanciesIsNoEvidenceThatDRisesWithX() {
        List<ConditionResult> cs = List.of(cond(0, 500, Frozen.NONE, new Estimate(1e-9, 1e-9), E, null, 0),
                cond(1, 500, Frozen.NONE, new Estimate(5e-6, 5e-7), E, E));
        assertThat(cs.get(0).naVacancies()).isZero();
        Claim c = claim(cs, "d_na_rises_with_x");
        assertThat(c.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(c.evidence().get(0).excludedBecause()).contains("no Na vacancy");
        // The same bound from a cell with vacancies (x = 0.5, no hop) is a legitimate upper bound below x = 1.
        List<ConditionResult> withVacancies = List.of(cond(0.5, 500, Frozen.NONE, new Estimate(1e-9, 1e-9), E, E, 0), cs.get(1));
        assertThat(verdict(withVacancies, "d_na_rises_with_x")).isEqualTo(Verdict.REPRODUCED);
    }

    /** Old rules: reproduced (combined z = 2.4 > 2). New: 2.4 % ± 1 % excess rotation is far below the 25 % effect size. */
    @Test
    void smallButSignificantExcessRotationIsNotSynchrony() {
        // score 30.72°, control 30° ± 0.3°: excess 2.4 % ± 1 %, z = 2.4, 265 hops.
        var weak = new RunResult.Coupling(30.72, 30, 0.3, 2.4, 0.008, 265);
        Claim c = claim(List.of(cond(1, 500, Frozen.NONE, new Estimate(4e-6, 1e-6), E, E, 265, Map.of("NH2", weak), STABLE)),
                "hops_synchronous_with_nh2");
        assertThat(c.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        Evidence.Number excess = c.evidence().get(0).numbers().get(0);
        assertThat(excess.value()).isCloseTo(0.024, org.assertj.core.data.Offset.offset(1e-9));
        // A concerted rotation (+40 % ± 5 %) reproduces; the same with only 3 hops is not usable.
        var strong = new RunResult.Coupling(42, 30, 1.5, 8, 1e-6, 40);
        assertThat(verdict(List.of(cond(1, 500, Frozen.NONE, new Estimate(4e-6, 1e-6), E, E, 40, Map.of("NH2", strong), STABLE)),
                "hops_synchronous_with_nh2")).isEqualTo(Verdict.REPRODUCED);
        var few = new RunResult.Coupling(42, 30, 1.5, 8, 1e-6, 3);
        assertThat(verdict(List.of(cond(1, 500, Frozen.NONE, new Estimate(4e-6, 1e-6), E, E, 3, Map.of("NH2", few), STABLE)),
                "hops_synchronous_with_nh2")).isEqualTo(Verdict.NOT_TESTABLE);
    }

    @Test
    void quenchedNeedsARatioBelowATenthAtPlusTwoSigma() {
        var d = new Estimate(1e-5, 1e-6);
        List<ConditionResult> cs = new ArrayList<>(List.of(cond(1, 500, Frozen.NONE, d, E, new Estimate(5, 0.5), 60),
                cond(1, 500, Frozen.NH2, new Estimate(3e-7, 1e-7), E, null), cond(1, 500, Frozen.BH4, new Estimate(4e-7, 1e-7), null, E)));
        assertThat(verdict(cs, "freezing_either_anion_quenches_na")).isEqualTo(Verdict.REPRODUCED);
        // 7–8× slower (ratio 0.13 ± 0.03): the old 0.25 rule said quenched; it is slowed, not quenched.
        cs.set(1, cond(1, 500, Frozen.NH2, new Estimate(1.3e-6, 3e-7), E, null));
        assertThat(verdict(cs, "freezing_either_anion_quenches_na")).isEqualTo(Verdict.INCONCLUSIVE);
        cs.set(1, cond(1, 500, Frozen.NH2, new Estimate(3e-6, 2e-7), E, null));
        assertThat(verdict(cs, "freezing_either_anion_quenches_na")).isEqualTo(Verdict.NOT_REPRODUCED);
        // No hop at all in the frozen run counts as quenched when the free run made ≥ 30 hops, not with 10.
        cs.set(1, cond(1, 500, Frozen.NH2, new Estimate(2e-6, 2e-6), E, null, 0));
        assertThat(verdict(cs, "freezing_either_anion_quenches_na")).isEqualTo(Verdict.REPRODUCED);
        cs.set(0, cond(1, 500, Frozen.NONE, d, E, new Estimate(5, 0.5), 10));
        assertThat(verdict(cs, "freezing_either_anion_quenches_na")).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void freezingNaNeedsNh2SlowerAndBh4WithinAQuarter() {
        // NH2 τ lower bound 25 ps is certainly slower than 3 ± 0.2 ps; BH4 ratio 1.04 ± 0.03: unchanged.
        List<ConditionResult> cs = new ArrayList<>(List.of(cond(1, 500, Frozen.NONE, new Estimate(1e-5, 1e-6), new Estimate(0.5, 0.01), new Estimate(3, 0.2)),
                condLb(1, 500, Frozen.NA, new Estimate(0.52, 0.01), false, new Estimate(25, 0), true)));
        assertThat(verdict(cs, "freezing_na_slows_nh2_not_bh4")).isEqualTo(Verdict.REPRODUCED);
        // BH4 ratio 1.07 ± 0.11: cannot exclude a 25 % change at 2σ.
        cs.set(1, condLb(1, 500, Frozen.NA, new Estimate(0.535, 0.05), false, new Estimate(25, 0), true));
        assertThat(verdict(cs, "freezing_na_slows_nh2_not_bh4")).isEqualTo(Verdict.INCONCLUSIVE);
        // BH4 slowed by 60 %: contradiction.
        cs.set(1, condLb(1, 500, Frozen.NA, new Estimate(0.8, 0.02), false, new Estimate(25, 0), true));
        assertThat(verdict(cs, "freezing_na_slows_nh2_not_bh4")).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    static ConditionResult condLb(double x, double t, Frozen f, Estimate tauB, boolean bLb, Estimate tauN, boolean nLb) {
        Map<String, Estimate> tau = new LinkedHashMap<>();
        tau.put("BH4", tauB);
        tau.put("NH2", tauN);
        RunResult r = new RunResult("id", spec(x, t, f), "test", f == Frozen.NA ? null : new Estimate(1e-5, 1e-6), null,
                tau, null, Map.of(), f == Frozen.NA ? 0 : 10, Map.of(), null, Map.of("BH4", bLb, "NH2", nLb), Double.NaN,
                Map.of("BH4", STABLE, "NH2", STABLE));
        return ConditionResult.pool(List.of(r));
    }

    @Test
    void aCensoredTauIsALowerBoundInEveryComparisonAndHasNoZ() {
        ConditionResult nh2Bound = condLb(1, 500, Frozen.NONE, new Estimate(1, 0.1), false, new Estimate(10, 0), true);
        Claim c = claim(List.of(nh2Bound), "bh4_rotates_faster_than_nh2");
        assertThat(c.verdict()).isEqualTo(Verdict.REPRODUCED);
        Evidence.Number tauN = c.evidence().get(0).numbers().get(1), z = c.evidence().get(0).numbers().get(2);
        assertThat(tauN.censored()).isEqualTo("lower");
        assertThat(tauN.sigma()).isNull();                      // never "± 0"
        assertThat(z.value()).isNull();                         // never a z-score against a bound
        // BH4 only ≥ 1 ps and NH2 = 10 ± 0.5 ps: BH4's true τ may exceed NH2's — no support.
        assertThat(verdict(List.of(condLb(1, 500, Frozen.NONE, new Estimate(1, 0), true, new Estimate(10, 0.5), false)),
                "bh4_rotates_faster_than_nh2")).isEqualTo(Verdict.INCONCLUSIVE);
        // BH4 ≥ 10 ps while NH2 = 1 ± 0.1 ps: BH4 is certainly slower — contradiction.
        assertThat(verdict(List.of(condLb(1, 500, Frozen.NONE, new Estimate(10, 0), true, new Estimate(1, 0.1), false)),
                "bh4_rotates_faster_than_nh2")).isEqualTo(Verdict.NOT_REPRODUCED);
        // Two lower bounds are not compared.
        assertThat(verdict(List.of(condLb(0.5, 500, Frozen.NONE, E, false, new Estimate(10, 0), true),
                condLb(1, 500, Frozen.NONE, E, false, new Estimate(10, 0), true)), "nh2_rotation_speeds_up_with_x")).isEqualTo(Verdict.NOT_TESTABLE);
    }

    @Test
    void aNoHopDIsAnUpperBoundThatIsNeverNegative() {
        ConditionResult c = cond(0.5, 700, Frozen.NONE, new Estimate(-5e-10, 1e-10), E, E, 0);
        Bounded d = c.dNaBounded();
        assertThat(d.censor()).isEqualTo(Bounded.Censor.UPPER);
        assertThat(d.value()).isCloseTo(2e-10, org.assertj.core.data.Offset.offset(1e-22));   // max(D, 0) + 2σ
        assertThat(d.value()).isPositive();
    }

    @Test
    void bh4InsensitiveToXIsAnEffectSizeTest() {
        // The --full numbers at 500 K: τ_BH4 0.258 → 0.366 → 0.57 ps — changed by > 25 %: not reproduced.
        List<ConditionResult> cs = List.of(cond(0, 500, Frozen.NONE, new Estimate(1e-9, 1e-9), new Estimate(0.258, 0.007), null, 0),
                cond(0.5, 500, Frozen.NONE, new Estimate(1.4e-6, 4e-7), new Estimate(0.366, 0.007), new Estimate(38, Double.NaN)),
                cond(1, 500, Frozen.NONE, new Estimate(4.4e-6, 9e-7), new Estimate(0.57, 0.013), new Estimate(18.5, Double.NaN)));
        assertThat(verdict(cs, "bh4_rotation_insensitive_to_x")).isEqualTo(Verdict.NOT_REPRODUCED);
        List<ConditionResult> same = List.of(cond(0.5, 500, Frozen.NONE, E, new Estimate(0.36, 0.005), E),
                cond(1, 500, Frozen.NONE, E, new Estimate(0.37, 0.005), E));
        assertThat(verdict(same, "bh4_rotation_insensitive_to_x")).isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void everyPaperResultHasARowAndUnaddressedOnesAreNotAttempted() {
        List<Claim> all = new Claims(List.of()).evaluate();
        assertThat(all).extracting(Claim::id).contains("activation_energy_per_x", "bh4_rotation_insensitive_to_x",
                "sigma_excess_over_vacancy_model_x1", "absolute_sigma_vs_eis", "cubic_to_pbcm_transition", "nmr_tau_c_and_ea");
        for (Claim c : all) {
            if (c.id().equals("cubic_to_pbcm_transition") || c.id().equals("nmr_tau_c_and_ea")) {
                assertThat(c.verdict()).isEqualTo(Verdict.NOT_ATTEMPTED);
                assertThat(c.basis()).startsWith("Not attempted: ");
            } else {
                assertThat(c.verdict()).as(c.id()).isEqualTo(Verdict.NOT_TESTABLE);
            }
        }
    }

    @Test
    void decideNeedsAStrictMajorityAndNoContradiction() {
        assertThat(Verdict.decide(2, 0, 3)).isEqualTo(Verdict.REPRODUCED);
        assertThat(Verdict.decide(1, 0, 2)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.decide(3, 1, 4)).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(Verdict.decide(0, 0, 0)).isEqualTo(Verdict.NOT_TESTABLE);
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
    void aMoltenSeedIsPooledOutWhenAnotherSeedStayedACrystal() {
        RunSpec s = spec(1, 500, Frozen.NONE);
        Map<String, Estimate> tau = Map.of("BH4", E);
        RunResult ok = new RunResult("a", s, "t", new Estimate(1e-6, 1e-7), null, tau, null, Map.of(), 10, Map.of(), null, Map.of(),
                Double.NaN, Map.of("BH4", STABLE));
        RunResult melted = new RunResult("b", s.withSeed(2), "t", new Estimate(9e-6, 1e-7), null, tau, null, Map.of(), 90, Map.of(), null,
                Map.of(), Double.NaN, Map.of("BH4", MOLTEN));
        ConditionResult c = ConditionResult.pool(List.of(ok, melted));
        assertThat(c.usable()).isTrue();
        assertThat(c.unstableRunsDropped()).isEqualTo(1);
        assertThat(c.dNa().value()).isEqualTo(1e-6);
        ConditionResult none = ConditionResult.pool(List.of(melted));
        assertThat(none.usable()).isFalse();
        assertThat(none.excludedBecause()).contains("BH4 sublattice molten");
    }

    /** D(T) whose Nernst–Einstein σ·T (σ = 1e5·D in these fabricated results) follows Arrhenius with {@code eaEv}, 5 % errors. */
    static ConditionResult arrheniusPoint(double x, double t, double eaEv) {
        double d = 1e-3 * Math.exp(-eaEv / (org.paddlewheel.model.Units.BOLTZMANN_EV_PER_K * t)) / t;
        return cond(x, t, Frozen.NONE, new Estimate(d, 0.05 * d), E, x > 0 ? E : null, 50);
    }

    @Test
    void activationEnergyMustLieWithinFiftyMeVOfThePapersAtTwoSigma() {
        List<ConditionResult> good = List.of(arrheniusPoint(1, 363, 0.27), arrheniusPoint(1, 500, 0.27), arrheniusPoint(1, 700, 0.27));
        assertThat(verdict(good, "activation_energy_per_x")).isEqualTo(Verdict.REPRODUCED);
        List<ConditionResult> low = List.of(arrheniusPoint(1, 363, 0.15), arrheniusPoint(1, 500, 0.15), arrheniusPoint(1, 700, 0.15));
        assertThat(verdict(low, "activation_energy_per_x")).isEqualTo(Verdict.NOT_REPRODUCED);
        Claim two = claim(good.subList(1, 3), "activation_energy_per_x");
        assertThat(two.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
        assertThat(two.evidence().get(0).excludedBecause()).contains("2 temperature(s)", "need ≥ 3");
    }

    @Test
    void excessOverTheVacancyModelMustBeAboutAHundredfold() {
        // vacancy model through x = 0.5 (c = 5/6); at x = 1 (c = 2/3) it predicts 1.6× the x = 0.5 σ at the same T
        Estimate d05 = new Estimate(1e-7, 5e-9), d05hot = new Estimate(4e-7, 2e-8);
        for (double factor : new double[] {100, 1}) {
            double d1 = 1.6 * factor * 1e-7;
            List<ConditionResult> cs = List.of(cond(0.5, 500, Frozen.NONE, d05, E, E, 20), cond(0.5, 700, Frozen.NONE, d05hot, E, E, 20),
                    cond(1, 500, Frozen.NONE, new Estimate(d1, 0.05 * d1), E, E, 40));
            Claim c = claim(cs, "sigma_excess_over_vacancy_model_x1");
            assertThat(c.evidence().get(0).numbers().get(2).value()).as("log10 excess, factor " + factor)
                    .isCloseTo(Math.log10(factor), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(c.verdict()).isEqualTo(factor == 100 ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED);
        }
    }

    @Test
    void absoluteConductivityIsComparedWithTheImpedanceRange() {
        // σ = 1e5·D here: D 1e-8 → σ 1e-3 S/cm (inside 1e-5–1e-2); D 1e-6 → 0.1 S/cm (above)
        assertThat(verdict(List.of(cond(1, 363, Frozen.NONE, new Estimate(1e-8, 1e-9), E, E)), "absolute_sigma_vs_eis")).isEqualTo(Verdict.REPRODUCED);
        assertThat(verdict(List.of(cond(1, 363, Frozen.NONE, new Estimate(1e-6, 1e-7), E, E)), "absolute_sigma_vs_eis")).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(verdict(List.of(cond(1, 500, Frozen.NONE, new Estimate(1e-6, 1e-7), E, E)), "absolute_sigma_vs_eis")).isEqualTo(Verdict.NOT_TESTABLE);
    }
}
