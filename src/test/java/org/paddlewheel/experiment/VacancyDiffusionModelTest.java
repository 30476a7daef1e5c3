package org.paddlewheel.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.InputException;

/** The paper's Eq. 8 vacancy model: known A, B recovered from noisy synthetic data; deviation beyond x-max. */
class VacancyDiffusionModelTest {
    static final double A = 2.5, B = 1800; // log10(S/cm), K
    static final double[] XS = {0, 0.2, 0.5, 0.75, 1.0};
    static final double[] TS = {313.15, 333.15, 353.15, 373.15};

    /**
     * Synthetic data: Eq. 8 with 0.02 decades of Gaussian noise; the x = 1 points are 100× the model;
     * the x = 0 points (c = 1: no vacancies, model σ = 0) get an arbitrary 1e-8 S/cm and must be excluded.
     */
    static List<VacancyDiffusionModel.Point> synthetic(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<VacancyDiffusionModel.Point> pts = new ArrayList<>();
        for (double x : XS) {
            for (double t : TS) {
                double c = 1 - x / 3;
                double log = A + Math.log10(c * (1 - c)) - B / t + 0.02 * ArrheniusFitRecoveryTest.gaussian(rnd);
                if (x == 1.0) log += 2; // the paper's ~10² paddle-wheel excess
                if (x == 0.0) log = -8;
                pts.add(new VacancyDiffusionModel.Point(x, t, Math.pow(10, log)));
            }
        }
        return pts;
    }

    @Test
    void recoversAAndBWithinThreeSigmaAndReportsDeviation() {
        long seed = 42;
        VacancyDiffusionModel.Result r = VacancyDiffusionModel.fit(synthetic(seed), SiteFraction.parse("1-x/3"), 0.75, false);
        assertThat(r.nFitted()).isEqualTo(12); // x = 0.2, 0.5, 0.75 at 4 temperatures; x = 0 has c(1−c) = 0
        assertThat(Math.abs(r.bK() - B)).as("seed %d: B = %s ± %s", seed, r.bK(), r.bErrorK()).isLessThan(3 * r.bErrorK());
        assertThat(Math.abs(r.a() - A)).as("seed %d: A = %s ± %s", seed, r.a(), r.aError()).isLessThan(3 * r.aError());
        // 0.02 decades of noise over 1/T from 2.68e-3 to 3.19e-3 K^-1 (sd 1.9e-4) with 12 points:
        // σ_B ≈ 0.02/(1.9e-4·√12) ≈ 30 K.
        assertThat(r.bErrorK()).isBetween(10.0, 60.0);
        for (VacancyDiffusionModel.Evaluated e : r.points()) {
            if (e.point().x() == 0.0) {
                assertThat(e.fitted()).isFalse();
                assertThat(e.deviation()).isInfinite();
            } else if (e.point().x() == 1.0) {
                assertThat(e.fitted()).isFalse();
                // 100× excess with 0.02-decade noise plus the extrapolation error of A, B: within 0.15 decades.
                assertThat(Math.log10(e.deviation())).isCloseTo(2.0, within(0.15));
            } else {
                assertThat(Math.abs(Math.log10(e.deviation()))).isLessThan(0.1);
            }
        }
        assertThat(r.activationEnergyEv()).isCloseTo(B * Math.log(10) * 8.617333262e-5, within(3 * r.activationEnergyErrorEv()));
    }

    @Test
    void siteFractionExpressions() {
        assertThat(SiteFraction.parse("1-x/3").evaluate(1)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(SiteFraction.parse("(3 - x) / 3").evaluate(0.75)).isCloseTo(0.75, within(1e-15));
        assertThat(SiteFraction.parse("-x*2+1.5e0").evaluate(0.25)).isCloseTo(1.0, within(1e-15));
        assertThatThrownBy(() -> SiteFraction.parse("1-x/3)")).isInstanceOf(InputException.class).hasMessageContaining("column 6");
        assertThatThrownBy(() -> SiteFraction.parse("1-y")).isInstanceOf(InputException.class).hasMessageContaining("'y'");
    }

    @Test
    void siteFractionOutsideUnitIntervalIsAnError() {
        assertThatThrownBy(() -> VacancyDiffusionModel.fit(synthetic(1), SiteFraction.parse("1-2*x"), 0.75, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside [0, 1]");
    }
}
