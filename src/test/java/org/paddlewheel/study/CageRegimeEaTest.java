package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Units;

/**
 * A D fitted inside the cage regime (Na MSD at the fit window's end below the squared site spacing) mixes rattling with
 * hops; its Arrhenius slope is not the migration barrier. The Ea verdict then rests on the hop rate (counted events,
 * Poisson errors) instead of σ·T (session 35: the study's x = 1 D at 250–363 K, 0.3–1 Å² against 11–12 Å²).
 */
class CageRegimeEaTest {
    static final double KB = Units.BOLTZMANN_EV_PER_K;
    static final int NA = 54;
    static final double RUN_PS = 5000;   // 5 ns of counting: ≥ 200 hops at 300 K, so Poisson noise is a few per cent

    /**
     * x = 1 at T: D (and σ = 1e5·D) on an Arrhenius line of {@code eaDEv}, 5 % errors; hops per Na per ps on a line of
     * {@code eaHopEv} with 0.3 /ps at 1/T = 0, counted over 54 Na and 5 ns; the given cage ratio.
     */
    static ConditionResult point(double t, double eaDEv, double eaHopEv, Double cageRatio) {
        double d = 1e-3 * Math.exp(-eaDEv / (KB * t)) / t;
        double rate = 30 * Math.exp(-eaHopEv / (KB * t));
        int hops = (int) Math.round(rate * NA * RUN_PS);
        RunResult r = new RunResult("r" + t, Campaign.tiny().runs().get(0).at(1, t), "fabricated", new Estimate(d, 0.05 * d),
                new Estimate(1e5 * d, 0.05e5 * d), Map.of(), null, Map.of(), hops, Map.of(), null, Map.of(), hops / (NA * RUN_PS),
                Map.of("BH4", KnownAnswers.STABLE_CRYSTAL), cageRatio);
        return ConditionResult.pool(List.of(r));
    }

    static List<ConditionResult> series(double eaDEv, double eaHopEv, Double cageRatio) {
        List<ConditionResult> cs = new ArrayList<>();
        for (double t : new double[] {300, 363, 450, 500}) cs.add(point(t, eaDEv, eaHopEv, cageRatio));
        return cs;
    }

    static Claim ea(List<ConditionResult> cs) {
        return new Claims(cs).evaluate().stream().filter(c -> c.id().equals("activation_energy_per_x")).findFirst().orElseThrow();
    }

    @Test
    void theHopRateFitRecoversItsActivationEnergy() {
        ArrheniusByX.Row row = ArrheniusByX.fit(series(0.05, 0.27, 0.1)).get(0);
        // hop counts are rounded to integers (≥ 200 hops here): the fitted Ea moves by less than 0.01 eV
        assertThat(row.eaHopRateEv().value()).isCloseTo(0.27, within(0.01));
        assertThat(row.eaHopRateEv().sigma()).isGreaterThan(0).isLessThan(0.05);
        assertThat(row.eaSigmaEv().value()).isCloseTo(0.05, within(1e-9));
        assertThat(row.cageTemperaturesK()).containsExactly(300, 363, 450, 500);
        assertThat(row.dOutsideCage()).isFalse();
    }

    @Test
    void inTheCageRegimeTheVerdictFollowsTheHopRateNotSigmaT() {
        // σ·T says 0.05 eV (rattling), hops say 0.27: in the cage the hops decide, and agree with EIS's 0.268
        Claim cage = ea(series(0.05, 0.27, 0.1));
        assertThat(cage.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(cage.evidence().get(0).condition()).contains("from the hop rate", "cage regime");
        // the same numbers outside the cage: σ·T is a transport measurement and decides (0.05 against 0.268)
        assertThat(ea(series(0.05, 0.27, 3.0)).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        // unknown cage ratio (results analysed before session 35): as before, σ·T
        assertThat(ea(series(0.05, 0.27, null)).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        // and the hop rate can fail too: low hop Ea in the cage contradicts
        assertThat(ea(series(0.27, 0.05, 0.1)).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void theCageRatioComesFromTheRunAndItsBoundaryIsOneSiteSpacingSquared() {
        assertThat(point(300, 0.1, 0.1, 0.99).dNaInCageRegime()).isTrue();
        assertThat(point(300, 0.1, 0.1, 1.01).dNaInCageRegime()).isFalse();
        assertThat(point(300, 0.1, 0.1, null).dNaInCageRegime()).isFalse();
        ConditionResult c = point(363, 0.1, 0.27, 0.5);
        assertThat(c.hopRate().sigma() / c.hopRate().value()).isCloseTo(1 / Math.sqrt(c.hops()), within(1e-12));   // Poisson
    }
}
