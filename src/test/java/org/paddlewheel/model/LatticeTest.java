package org.paddlewheel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LatticeTest {

    static LongStream seeds() { return LongStream.range(0, 60); }

    /** A random right-handed triclinic cell, sometimes strongly skewed (tilt up to 1.5× the edge). */
    static Lattice randomCell(SplittableRandom r) {
        double[] a = {3 + 5 * r.nextDouble(), 0, 0};
        double tilt = r.nextBoolean() ? 0.4 : 1.5;
        double[] b = {tilt * (2 * r.nextDouble() - 1) * a[0], 3 + 5 * r.nextDouble(), 0};
        double[] c = {tilt * (2 * r.nextDouble() - 1) * a[0], tilt * (2 * r.nextDouble() - 1) * b[1], 3 + 5 * r.nextDouble()};
        return Lattice.of(a, b, c);
    }

    /**
     * Minimum image equals a brute-force search over images n ∈ [−4, 4]³ (far more than any cell here
     * needs: tilts ≤ 1.5 edges). Exact up to rounding: compared at 1e-9 Å.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void minimumImageMatchesBruteForce(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Lattice l = randomCell(r);
        double[] a = l.vector(0), b = l.vector(1), c = l.vector(2);
        for (int t = 0; t < 50; t++) {
            double[] d = {40 * (r.nextDouble() - 0.5), 40 * (r.nextDouble() - 0.5), 40 * (r.nextDouble() - 0.5)};
            // Brute force: wrap by rounding fractional coordinates (a lattice translate), then try every
            // image within ±6 cells — more than the skew of these cells (tilt ≤ 1.5 edges) can need.
            double[] fw = l.toFractional(d);
            for (int k = 0; k < 3; k++) fw[k] -= Math.rint(fw[k]);
            double[] w = l.toCartesian(fw);
            double best = Double.POSITIVE_INFINITY;
            for (int i = -6; i <= 6; i++) for (int j = -6; j <= 6; j++) for (int k = -6; k <= 6; k++) {
                double x = w[0] + i * a[0] + j * b[0] + k * c[0], y = w[1] + i * a[1] + j * b[1] + k * c[1], z = w[2] + i * a[2] + j * b[2] + k * c[2];
                best = Math.min(best, x * x + y * y + z * z);
            }
            double[] m = l.minimumImage(d);
            assertThat(Math.sqrt(m[0] * m[0] + m[1] * m[1] + m[2] * m[2])).as("seed %d cell %s d %s", seed, l, java.util.Arrays.toString(d))
                    .isCloseTo(Math.sqrt(best), within(1e-9));
            // and the result is a lattice translate of d: fractional difference is integer
            double[] f = l.toFractional(new double[] {m[0] - d[0], m[1] - d[1], m[2] - d[2]});
            for (double v : f) assertThat(Math.abs(v - Math.rint(v))).as("seed %d", seed).isLessThan(1e-8);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fractionalCartesianRoundTripAndParameters(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Lattice l = randomCell(r);
        double[] f = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
        double[] back = l.toFractional(l.toCartesian(f));
        for (int k = 0; k < 3; k++) assertThat(back[k]).isCloseTo(f[k], within(1e-12));
        double[] len = l.lengths(), ang = l.anglesDeg();
        Lattice std = Lattice.fromParameters(len[0], len[1], len[2], ang[0], ang[1], ang[2]);
        assertThat(std.volume()).isCloseTo(l.volume(), within(1e-9 * l.volume()));
        assertThat(std.lengths()).containsExactly(len, within(1e-9));
    }

    @Test
    void cubicBasics() {
        Lattice l = Lattice.cubic(4.7);
        assertThat(l.volume()).isCloseTo(4.7 * 4.7 * 4.7, within(1e-12));
        assertThat(l.isOrthorhombic()).isTrue();
        assertThat(l.perpendicularWidth(1)).isCloseTo(4.7, within(1e-12));
        assertThat(l.minimumImage(new double[] {3.0, -3.0, 9.0})).containsExactly(new double[] {-1.7, 1.7, -0.4}, within(1e-12));
        assertThat(Lattice.fromParameters(5, 5, 5, 90, 90, 90).isOrthorhombic()).isTrue();
    }

    @Test
    void hexagonalWidthIsHeightNotEdge() {
        Lattice h = Lattice.fromParameters(3, 3, 5, 90, 90, 120);
        assertThat(h.perpendicularWidth(0)).isCloseTo(3 * Math.sqrt(3) / 2, within(1e-12));
        assertThat(h.volume()).isCloseTo(3 * 3 * 5 * Math.sqrt(3) / 2, within(1e-9));
    }
}
