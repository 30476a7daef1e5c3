package org.paddlewheel.forcefield;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 4×4×4 contraction of one UF3 triple ({@link ThreeBodyTerm.Contraction}) on 4-lane vectors
 * (Vector API): the four r_jk coefficients c[l][m][n0..n0+3] of each (l, m) are one 256-bit load,
 * accumulated into T = Σ c·v_l v_m, G = Σ c·v'_l v_m, H = Σ c·v_l v'_m with three fused multiply-adds,
 * then reduced against the r_jk values and slopes. Loaded reflectively by {@link Simd}; results differ
 * from the scalar kernel in the last digits (summation order).
 */
final class VectorThreeBodyKernel implements ThreeBodyTerm.Contraction {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    @Override
    public double contract(double[] cf, int base0, int lStride, int mStride, double[] av, double[] ad, int q1, int q2,
                           double[] w, double[] u, int o, double[] g) {
        DoubleVector t = DoubleVector.zero(S), gv = t, hv = t;
        for (int x = 0; x < 4; x++) {
            final double va = av[q1 + x], da = ad[q1 + x];
            int base = base0 + x * lStride;
            for (int y = 0; y < 4; y++, base += mStride) {
                final double vb = av[q2 + y];
                DoubleVector c = DoubleVector.fromArray(S, cf, base);
                t = c.fma(DoubleVector.broadcast(S, va * vb), t);
                gv = c.fma(DoubleVector.broadcast(S, da * vb), gv);
                hv = c.fma(DoubleVector.broadcast(S, va * ad[q2 + y]), hv);
            }
        }
        DoubleVector wv = DoubleVector.fromArray(S, w, o), uv = DoubleVector.fromArray(S, u, o);
        g[0] = gv.mul(wv).reduceLanes(VectorOperators.ADD);
        g[1] = hv.mul(wv).reduceLanes(VectorOperators.ADD);
        g[2] = t.mul(uv).reduceLanes(VectorOperators.ADD);
        return t.mul(wv).reduceLanes(VectorOperators.ADD);
    }
}
