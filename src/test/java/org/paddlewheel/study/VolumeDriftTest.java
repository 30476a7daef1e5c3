package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link VolumeDrift}: a line's change is read exactly, a level series with noise reads near zero, too few samples read NaN. */
class VolumeDriftTest {
    @Test
    void aLinearRiseIsReadExactlyOverTheLastHalf() {
        int n = 41;
        double[] t = new double[n], v = new double[n];
        for (int k = 0; k < n; k++) { t[k] = 0.05 * k; v[k] = 6000 + 150 * t[k]; }
        // last half: samples 20..40, t 1.0 .. 2.0 ps, V 6150 .. 6300, mean 6225
        assertThat(VolumeDrift.lastHalf(t, v)).isCloseTo(150.0 / 6225, within(1e-12));
        // only the last half counts: an early jump does not move the reading
        for (int k = 0; k < 10; k++) v[k] -= 500;
        assertThat(VolumeDrift.lastHalf(t, v)).isCloseTo(150.0 / 6225, within(1e-12));
    }

    @Test
    void aLevelSeriesWithHalfPerCentNoiseStaysWellUnderTheLimit() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 401, over = 0;
        for (int trial = 0; trial < 200; trial++) {
            double[] t = new double[n], v = new double[n];
            for (int k = 0; k < n; k++) { t[k] = 0.05 * k; v[k] = 6300 * (1 + 0.005 * gauss(rng)); }
            if (Math.abs(VolumeDrift.lastHalf(t, v)) > VolumeDrift.LIMIT) over++;
        }
        // uncorrelated noise: the fitted change over 200 samples has σ ≈ 0.005·√12/√200 ≈ 0.12 %, so 1 % is > 8σ
        assertThat(over).isZero();
    }

    @Test
    void tooFewSamplesGiveNaN() {
        assertThat(VolumeDrift.lastHalf(new double[] {0, 1, 2, 3, 4}, new double[] {1, 2, 3, 4, 5})).isNaN();
        assertThat(VolumeDrift.lastHalf(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, new double[] {1, 1, 1, 1, 2, 2, 2, 2})).isCloseTo(0.0, within(1e-12));
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
