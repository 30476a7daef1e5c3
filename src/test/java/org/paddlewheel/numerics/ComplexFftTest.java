package org.paddlewheel.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The FFT against the defining O(N²) sum, and forward∘inverse = N·identity. */
class ComplexFftTest {
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 2, 4, 8, 64, 512})
    void equalsTheDirectDiscreteFourierTransform(int n) {
        SplittableRandom rng = new SplittableRandom(n);
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) { re[i] = rng.nextDouble() - 0.5; im[i] = rng.nextDouble() - 0.5; }
        double[] wr = new double[n], wi = new double[n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * ((long) k * t % n) / n;
                wr[k] += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                wi[k] += re[t] * Math.sin(a) + im[t] * Math.cos(a);
            }
        }
        double[] fr = re.clone(), fi = im.clone();
        new ComplexFft(n).forward(fr, fi);
        // Rounding: FFT error grows as ε·log N, the direct sum's as ε·N; values are O(√N) here.
        double tol = 1e-12 * n;
        for (int k = 0; k < n; k++) {
            assertThat(Math.abs(fr[k] - wr[k])).as("Re X_%d", k).isLessThan(tol);
            assertThat(Math.abs(fi[k] - wi[k])).as("Im X_%d", k).isLessThan(tol);
        }
    }

    @Test
    void inverseOfForwardIsNTimesTheInput() {
        int n = 1 << 16;
        SplittableRandom rng = new SplittableRandom(5);
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) { re[i] = rng.nextGaussian(); im[i] = rng.nextGaussian(); }
        double[] r = re.clone(), i2 = im.clone();
        ComplexFft f = new ComplexFft(n);
        f.forward(r, i2);
        f.inverse(r, i2);
        double worst = 0;
        for (int k = 0; k < n; k++) worst = Math.max(worst, Math.max(Math.abs(r[k] / n - re[k]), Math.abs(i2[k] / n - im[k])));
        // O(ε log₂N) relative to values of order 1: 16 stages × 1e-16 ≪ 1e-12.
        assertThat(worst).isLessThan(1e-12);
    }

    @Test
    void rejectsSizesThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> new ComplexFft(12)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
    }
}
