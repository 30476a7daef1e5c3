package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The vectorised 3-body contraction ({@code VectorThreeBodyKernel}) against the scalar one on
 * seeded random tensors (8×8×13, as a 5-span arm / 10-span r_jk basis) and random spline values,
 * 2000 draws: energy and the three distance derivatives agree to 1e-13 relative to the sum of
 * absolute terms (they differ only in summation order). Skipped on a JVM without the Vector API.
 */
class ThreeBodyKernelTest {
    @Test
    void vectorKernelMatchesScalar() {
        assumeTrue(Simd.enabled(), "Vector API module not present");
        ThreeBodyTerm.Contraction v = (ThreeBodyTerm.Contraction) Simd.load("org.paddlewheel.forcefield.VectorThreeBodyKernel");
        ThreeBodyTerm.Contraction s = new ThreeBodyTerm.ScalarContraction();
        long seed = 31;
        SplittableRandom rnd = new SplittableRandom(seed);
        int nl = 8, nm = 8, nn = 13;
        double[] cf = new double[nl * nm * nn];
        for (int k = 0; k < cf.length; k++) cf[k] = rnd.nextGaussian();
        double[] av = new double[8], ad = new double[8], w = new double[12], u = new double[12], gv = new double[3], gs = new double[3];
        double worst = 0;
        for (int draw = 0; draw < 2000; draw++) {
            for (int k = 0; k < 8; k++) { av[k] = rnd.nextDouble(); ad[k] = rnd.nextGaussian(); }
            for (int k = 8; k < 12; k++) { w[k] = rnd.nextDouble(); u[k] = rnd.nextGaussian(); }
            int l0 = rnd.nextInt(nl - 3), m0 = rnd.nextInt(nm - 3), n0 = rnd.nextInt(nn - 3);
            int base = (l0 * nm + m0) * nn + n0;
            double ev = v.contract(cf, base, nm * nn, nn, av, ad, 0, 4, w, u, 8, gv);
            double es = s.contract(cf, base, nm * nn, nn, av, ad, 0, 4, w, u, 8, gs);
            worst = Math.max(worst, Math.abs(ev - es));
            for (int k = 0; k < 3; k++) worst = Math.max(worst, Math.abs(gv[k] - gs[k]));
        }
        System.out.printf("3-body SIMD vs scalar contraction: worst difference %.3g (terms of order 1)%n", worst);
        assertThat(worst).as("seed %d", seed).isCloseTo(0.0, Offset.offset(1e-12));
    }
}
