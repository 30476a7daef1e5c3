package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paddlewheel.forcefield.SplinePair;
import org.paddlewheel.forcefield.SplineTriple;

/**
 * A fitted 3-body term held constant below r_min has a continuous force there: {@link TripleColumns} ties the first two
 * coefficients along each axis, and the slope of a clamped cubic B-spline at its first knot is 3(c_1 − c_0)/(t_4 − t_1),
 * so ∂E/∂r on each axis vanishes at r_min from above as it does (exactly) below. Control: the same random numbers written
 * straight into the tensor, untied, leave a slope of order their size (0.05–1 eV/Å here), so the assertion can fail.
 */
class TripleConstantBelowTieTest {

    private static SplineTriple triple(int a, int b) {
        double[] arm = SplinePair.uniformKnots(2.0, 4.0, 3), jk = SplinePair.uniformKnots(1.5, 8.0, 6);
        return new SplineTriple(0, a, b, new double[][] {arm, arm, jk}, new double[(arm.length - 4) * (arm.length - 4) * (jk.length - 4)], true, true);
    }

    /** The triple as fitted from a random solution vector: every column 0.5·N(0, 1) eV. */
    private static SplineTriple fittedFromRandom(SplineTriple t, long seed) {
        TripleColumns cols = new TripleColumns(List.of(t), 0);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[cols.end()];
        for (int k = 0; k < x.length; k++) x[k] = 0.5 * (rnd.nextDouble() * 2 - 1);
        return cols.fitted(0, x);
    }

    /** Largest |∂E/∂r_axis| just above r_min over a grid of the other two distances (eV/Å). */
    private static double slopeAboveRMin(SplineTriple t, int axis) {
        double[] g = new double[3], r = new double[3];
        double worst = 0;
        for (double p = 2.05; p < 3.9; p += 0.17) for (double q = 1.6; q < 7.9; q += 0.41) {
            r[0] = p;
            r[1] = 5.95 - p;          // the other arm, also within [2, 4) Å
            r[2] = q;
            r[axis] = t.rMin(axis) + 1e-9;
            t.energy(r[0], r[1], r[2], g);
            worst = Math.max(worst, Math.abs(g[axis]));
        }
        return worst;
    }

    @Test
    void tiedCoefficientsGiveZeroSlopeAtRMinOnEveryAxis() {
        for (int[] ab : new int[][] {{1, 2}, {2, 2}}) {          // unequal and equal neighbour species
            SplineTriple fitted = fittedFromRandom(triple(ab[0], ab[1]), 7);
            int[] sh = fitted.shape();
            double[] c = fitted.coefficients();
            for (int m = 0; m < sh[1]; m++) for (int n = 0; n < sh[2]; n++) {
                assertThat(c[fitted.index(0, m, n)]).isEqualTo(c[fitted.index(1, m, n)]);
            }
            // the equal-species symmetry survives the tie (SplineTriple's constructor refuses an asymmetric tensor too)
            if (ab[0] == ab[1]) assertThat(c[fitted.index(0, 3, 2)]).isEqualTo(c[fitted.index(3, 0, 2)]);
            for (int axis = 0; axis < 3; axis++) {
                // tolerance: the slope 1e-9 Å above r_min is the second derivative (≲ 1e3 eV/Å² for these coefficients) × 1e-9
                assertThat(slopeAboveRMin(fitted, axis)).as("axis %d, species %s", axis, ab[1]).isLessThan(1e-5);
                double[] g = new double[3];
                double[] below = {fitted.rMin(0) + 0.3, fitted.rMin(1) + 0.3, fitted.rMin(2) + 0.3};
                below[axis] = fitted.rMin(axis) - 0.2;
                fitted.energy(below[0], below[1], below[2], g);
                assertThat(g[axis]).isZero();
            }
            assertThat(fitted.forceStepBoundAtRMin()).isZero();
        }
    }

    @Test
    void untiedCoefficientsKeepASlopeAtRMin() {
        SplineTriple t = triple(1, 2);
        int[] sh = t.shape();
        SplittableRandom rnd = new SplittableRandom(7);
        double[] c = new double[sh[0] * sh[1] * sh[2]];
        for (int l = 0; l < sh[0]; l++) for (int m = 0; m < sh[1]; m++) for (int n = 0; n < sh[2]; n++) {
            if (t.free(l, m, n)) c[t.index(l, m, n)] = 0.5 * (rnd.nextDouble() * 2 - 1);
        }
        SplineTriple untied = t.withCoefficients(c);
        double slope = slopeAboveRMin(untied, 0);
        assertThat(slope).isGreaterThan(0.05);
        // the bound the loader warns with holds the measured slope (B-spline products sum to at most 1)
        assertThat(untied.forceStepBoundAtRMin()).isGreaterThanOrEqualTo(slope);
    }
}
