package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paddlewheel.analysis.Arrhenius;
import org.paddlewheel.model.Units;

/**
 * A D_Na from runs without a single Na hop is the MSD-slope floor, not transport: the study pools
 * it out when another seed hopped, keeps it only as an upper bound otherwise, and never fits it.
 */
class NoHopExclusionTest {
    static final double EA = 0.30, D0 = 1e-2;

    static double d(double t) { return D0 * Math.exp(-EA / (Units.BOLTZMANN_EV_PER_K * t)); }

    static RunResult run(double x, double t, int seed, double dValue, int hops) {
        RunSpec s = Campaign.tiny().runs().get(0).at(x, t).withSeed(seed);
        Estimate dNa = new Estimate(dValue, 0.05 * dValue);
        double sigma = dValue * 1e8 / t;   // Nernst–Einstein: σ ∝ D/T, so σT has the Ea of D
        return new RunResult("r" + x + "-" + t + "-" + seed, s, "fabricated", dNa, new Estimate(sigma, 0.05 * sigma),
                Map.of(), null, Map.of(), hops, Map.of(), null, Map.of(), Double.NaN, Map.of("BH4", KnownAnswers.STABLE_CRYSTAL));
    }

    /** x = 1 on an exact Arrhenius line at 500–700 K plus, at 300 K, a hop-less run whose D is a floor 10x above the line. */
    static List<ConditionResult> fabricated() {
        List<ConditionResult> cs = new ArrayList<>();
        for (double t : new double[] {500, 600, 700}) cs.add(ConditionResult.pool(List.of(run(1, t, 1, d(t), 20))));
        cs.add(ConditionResult.pool(List.of(run(1, 300, 1, 10 * d(300), 0))));
        return cs;
    }

    @Test
    void aZeroHopPointIsLeftOutOfTheArrheniusFit() {
        List<ConditionResult> cs = fabricated();
        ArrheniusByX.Row row = ArrheniusByX.fit(cs).get(0);
        assertThat(row.temperaturesK()).containsExactly(500, 600, 700);
        assertThat(row.noHopTemperaturesK()).containsExactly(300);
        assertThat(row.eaDEv().value()).isCloseTo(EA, within(1e-9));          // exact data: exact fit
        assertThat(row.eaSigmaEv().value()).isCloseTo(EA, within(1e-9));      // σT ∝ D: same Ea, same exclusion
        // The floor would have mattered: fitted with the other three it pulls Ea down by far more than its error.
        double[] t = {500, 600, 700, 300}, y = new double[4], e = new double[4];
        for (int i = 0; i < 4; i++) { y[i] = i < 3 ? d(t[i]) : 10 * d(300); e[i] = 0.05 * y[i]; }
        double withFloor = Arrhenius.fit(t, y, e, Arrhenius.Form.PLAIN).activationEnergyEv();
        assertThat(EA - withFloor).isGreaterThan(0.03);
        ConditionResult floor = cs.get(3);
        assertThat(floor.dNaIsUpperBound()).isTrue();
        assertThat(floor.dNaTransport()).isNull();
        assertThat(floor.dNa().value()).isCloseTo(10 * d(300), within(1e-20));   // still shown, as "≤ D (no hop)"
        assertThat(floor.dNaBounded().text()).startsWith("≤ ");
        assertThat(cs.get(0).dNaBounded().text()).doesNotContain("≤");
    }

    @Test
    void aSeedWithoutAHopIsPooledOutWhenAnotherSeedHopped() {
        double t = 500;
        ConditionResult c = ConditionResult.pool(List.of(run(1, t, 1, d(t), 12), run(1, t, 2, 30 * d(t), 0), run(1, t, 3, 1.2 * d(t), 9)));
        assertThat(c.dNaIsUpperBound()).isFalse();
        assertThat(c.noHopRunsDropped()).isEqualTo(1);
        assertThat(c.dNa().value()).isCloseTo(1.1 * d(t), within(1e-12 * d(t)));   // mean of seeds 1 and 3 only
        assertThat(c.hops()).isEqualTo(21);
        ConditionResult none = ConditionResult.pool(List.of(run(1, t, 1, d(t), 0), run(1, t, 2, 3 * d(t), 0)));
        assertThat(none.dNaIsUpperBound()).isTrue();
        assertThat(none.dNa().value()).isCloseTo(2 * d(t), within(1e-12 * d(t)));
    }
}
