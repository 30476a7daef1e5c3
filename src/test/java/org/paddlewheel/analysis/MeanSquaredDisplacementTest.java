package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeanSquaredDisplacementTest {

    /** FFT (nMoldyn) MSD equals the direct O(N²) time-origin average to 1e-9 Å² (values ~10–1000 Å²). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 100, 1000, 1537})
    void fftEqualsDirect(int n) {
        SplittableRandom rnd = new SplittableRandom(1000 + n);
        double[] x = new double[n];
        double v = 25.0;  // offset far from 0: cancellation must not hurt
        for (int t = 0; t < n; t++) { v += rnd.nextGaussian(); x[t] = v; }
        double[] fft = MeanSquaredDisplacement.of(x);
        double[] direct = MeanSquaredDisplacement.direct(x);
        for (int m = 0; m < n; m++) assertThat(fft[m]).as("n=%d lag %d seed %d", n, m, 1000 + n).isCloseTo(direct[m], within(1e-9));
    }

    /** The accumulator's weighted average of many series equals the average of direct MSDs (odd count exercises the unpaired FFT). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void accumulatorAveragesSeries(int series) {
        SplittableRandom rnd = new SplittableRandom(7 + series);
        int n = 333;
        MeanSquaredDisplacement acc = new MeanSquaredDisplacement(n);
        double[] expect = new double[n];
        for (int s = 0; s < series; s++) {
            double[] x = new double[n];
            for (int t = 1; t < n; t++) x[t] = x[t - 1] + rnd.nextGaussian() * (s + 1);
            double[] d = MeanSquaredDisplacement.direct(x);
            for (int m = 0; m < n; m++) expect[m] += d[m] / series;
            acc.add(x, 1.0);
        }
        double[] got = acc.result();
        for (int m = 0; m < n; m++) assertThat(got[m]).isCloseTo(expect[m], within(1e-9));
    }

    /** Two accumulators over disjoint groups (odd sizes: unpaired FFTs on both sides), merged, equal the direct average of all. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4})
    void mergedAccumulatorsEqualTheAverageOfAllSeries(int firstGroup) {
        SplittableRandom rnd = new SplittableRandom(99 + firstGroup);
        int n = 700, series = 7;
        MeanSquaredDisplacement a = new MeanSquaredDisplacement(n), b = new MeanSquaredDisplacement(n);
        double[] expect = new double[n];
        for (int s = 0; s < series; s++) {
            double[] x = new double[n];
            for (int t = 1; t < n; t++) x[t] = x[t - 1] + rnd.nextGaussian();
            double[] d = MeanSquaredDisplacement.direct(x);
            for (int m = 0; m < n; m++) expect[m] += d[m] / series;
            (s < firstGroup ? a : b).add(x, 1.0);
        }
        a.merge(b);
        double[] got = a.result();
        for (int m = 0; m < n; m++) assertThat(got[m]).as("lag %d", m).isCloseTo(expect[m], within(1e-9));
    }

    /** Capped at lag N/2 (half-size transform, no direct tail), the MSD still equals the direct average at every lag kept. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 65, 1000, 2049})
    void halfLengthMsdEqualsDirectAtEveryKeptLag(int n) {
        SplittableRandom rnd = new SplittableRandom(31 + n);
        double[] x = new double[n];
        double v = -40.0;
        for (int t = 0; t < n; t++) { v += rnd.nextGaussian(); x[t] = v; }
        MeanSquaredDisplacement acc = new MeanSquaredDisplacement(n, n / 2);
        acc.add(x, 1.0);
        double[] got = acc.result();
        double[] direct = MeanSquaredDisplacement.direct(x);
        assertThat(got).hasSize(n / 2 + 1);
        for (int m = 0; m <= n / 2; m++) assertThat(got[m]).as("n=%d lag %d", n, m).isCloseTo(direct[m], within(1e-9));
    }
}
