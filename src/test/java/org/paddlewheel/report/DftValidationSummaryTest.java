package org.paddlewheel.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paddlewheel.forcefield.fit.DftComparison;

/**
 * The model file's {@code dft_validation} verdicts ({@link DftComparisonReport#validationSummary}): the stress
 * target (≤ 0.3 GPa) is on the full stress, so a held-out set with a small deviatoric error but a pressure error must
 * still count as missed ("test stress full"), and one within both must not. Until 4 Dec 2026 only the deviatoric RMSE
 * was judged, and the shipped model's 0.39 GPa full-stress error went unlisted.
 */
class DftValidationSummaryTest {
    private static DftComparison.Result withTestStress(double fullGPa, double deviatoricGPa) {
        DftComparison.Errors e = new DftComparison.Errors(9, 1000, 0.002, 0.001, 0.08, 0.7, Map.of("Na", new double[] {0.06}),
                fullGPa, deviatoricGPa, 0.0);
        return new DftComparison.Result("m", true, e, Map.of("test", e), Map.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void fullStressAboveTargetIsMissedEvenWhenTheDeviatoricPartMeetsIt() {
        var v = DftComparisonReport.validationSummary(withTestStress(0.39, 0.28), "data", "2026-12-04");
        assertThat(v.path("targets_met").asBoolean()).isFalse();
        assertThat(v.path("targets_missed").toString()).contains("test stress full").doesNotContain("\"test stress\"");
        assertThat(v.path("test_set").path("stress_rmse_GPa").asDouble()).isEqualTo(0.39);
    }

    @Test
    void bothWithinTargetAreMet() {
        var v = DftComparisonReport.validationSummary(withTestStress(0.25, 0.2), "data", "2026-12-04");
        assertThat(v.path("targets_missed").toString()).doesNotContain("stress");
        assertThat(v.path("targets_met").asBoolean()).isTrue();
    }

    /**
     * A model basin DFT does not have (a structure some model relaxed into, which this model puts 0.04 eV too low against
     * DFT's lowest start of the cell, beyond the 0.03 eV barrier target) is a missed target; one within it and DFT's own
     * starts are not.
     */
    @Test
    void anOwnMinimumBeyondTheBarrierTargetIsMissed() {
        var base = withTestStress(0.25, 0.2);
        var own = List.of(new org.paddlewheel.forcefield.fit.OwnMinima.Entry("self-x1", "scan-hop-x1-low-start", "PBE", "s#0", 0, 0),
                new org.paddlewheel.forcefield.fit.OwnMinima.Entry("self-x1", "scan-hop-x1-low-plane", "m", "s#1", 0.30, 0.26),
                new org.paddlewheel.forcefield.fit.OwnMinima.Entry("self-x1", "scan-hop-x1-low-start", "m", "s#2", 0.10, 0.08));
        var r = new DftComparison.Result(base.model(), true, base.all(), base.bySet(), Map.of(), List.of(), List.of(), List.of(), List.of(), own);
        var v = DftComparisonReport.validationSummary(r, "data", "2026-12-05");
        assertThat(v.path("targets_met").asBoolean()).isFalse();
        assertThat(v.path("targets_missed").toString()).contains("own minimum self-x1 scan-hop-x1-low-plane (m)")
                .doesNotContain("scan-hop-x1-low-start");
        assertThat(v.path("own_minima_eV")).hasSize(3);
    }
}
