package org.paddlewheel.forcefield;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The real-space pair loop of {@link RealSpace} on SIMD lanes (Vector API): lanes run over the flat
 * pair list (pairs of consecutive i share a vector), positions, image shifts, pair parameters and
 * erfc-table coefficients are gathered, exp runs vectorised, and pairs beyond the cut-off are masked
 * out; it covers Buckingham (A, ρ, C6) with Coulomb, other cases run the scalar loop. The pair forces (scalar factor and separation) go to per-pair arrays and a scalar pass adds
 * them to the atoms, since one vector may hold the same atom twice (images). Same arithmetic as the
 * scalar loop up to summation order. Loaded only through {@link Simd}.
 */
final class VectorPairKernel implements RealSpace.PairKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Integer> SI = VectorSpecies.of(int.class, VectorShape.forBitSize(L * 32));
    private int[] i3 = new int[0], j3 = new int[0], c3 = new int[0], tp = new int[0];
    private double[] fp = new double[0], ddx = new double[0], ddy = new double[0], ddz = new double[0];
    private final ThreadLocal<int[]> idx = ThreadLocal.withInitial(() -> new int[L]);

    @Override
    public void listRebuilt(NeighbourList nl, int[] type, int nt, int n) {
        int np = nl.pairCount();
        if (i3.length < np + L) {
            int cap = np + np / 4 + L;
            i3 = new int[cap]; j3 = new int[cap]; c3 = new int[cap]; tp = new int[cap];
            fp = new double[cap]; ddx = new double[cap]; ddy = new double[cap]; ddz = new double[cap];
        }
        for (int i = 0; i < n; i++) {
            for (int p = nl.start[i]; p < nl.start[i + 1]; p++) {
                int j = nl.pairJ[p];
                i3[p] = 3 * i; j3[p] = 3 * j; c3[p] = 3 * nl.pairCode[p]; tp[p] = type[i] * nt + type[j];
            }
        }
    }

    @Override
    public void compute(RealSpace rs, int t, int iFrom, int iTo, NeighbourList nl, double[] f) {
        final double[] x = nl.xw, sh = nl.shift, ec = rs.erfcCoefficients(), qke3 = rs.qke3;
        final double[] a = rs.a, invRho = rs.invRho, c6 = rs.c6;
        if (!rs.doPair() || !rs.doCoulomb() || rs.hasHigherTerms()) { // branch-free SIMD loop covers Buckingham + Coulomb only
            java.util.Arrays.fill(rs.scratch[t], 0);
            rs.scalarPairs(t, iFrom, iTo, 0, nl, f, rs.scratch[t]);
            return;
        }
        final double ih = rs.invH(), rc2 = rs.rc2();
        final int p0 = nl.start[iFrom], p1 = nl.start[iTo];
        final int upper = p0 + S.loopBound(p1 - p0);
        final int[] ix = idx.get();
        final DoubleVector one = DoubleVector.broadcast(S, 1), zero = DoubleVector.zero(S);
        final DoubleVector vih = DoubleVector.broadcast(S, ih), vrc2 = DoubleVector.broadcast(S, rc2);
        DoubleVector ep = zero, eq = zero, vxx = zero, vyy = zero, vzz = zero, vxy = zero, vxz = zero, vyz = zero;
        int p = p0;
        for (; p < upper; p += L) {
            DoubleVector dx = DoubleVector.fromArray(S, x, 0, j3, p).add(DoubleVector.fromArray(S, sh, 0, c3, p)).sub(DoubleVector.fromArray(S, x, 0, i3, p));
            DoubleVector dy = DoubleVector.fromArray(S, x, 1, j3, p).add(DoubleVector.fromArray(S, sh, 1, c3, p)).sub(DoubleVector.fromArray(S, x, 1, i3, p));
            DoubleVector dz = DoubleVector.fromArray(S, x, 2, j3, p).add(DoubleVector.fromArray(S, sh, 2, c3, p)).sub(DoubleVector.fromArray(S, x, 2, i3, p));
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, vrc2);
            DoubleVector r = r2.sqrt(), rinv = one.div(r);
            DoubleVector dEdr;
            {
                DoubleVector qq = DoubleVector.fromArray(S, qke3, 0, i3, p).mul(DoubleVector.fromArray(S, qke3, 0, j3, p));
                DoubleVector tt = r.mul(vih);
                IntVector k = (IntVector) tt.convertShape(VectorOperators.D2I, SI, 0);
                DoubleVector u = tt.sub(k.convertShape(VectorOperators.I2D, S, 0));
                k.mul(4).intoArray(ix, 0);
                DoubleVector e0 = DoubleVector.fromArray(S, ec, 0, ix, 0), e1 = DoubleVector.fromArray(S, ec, 1, ix, 0);
                DoubleVector e2 = DoubleVector.fromArray(S, ec, 2, ix, 0), e3 = DoubleVector.fromArray(S, ec, 3, ix, 0);
                DoubleVector e = u.fma(e3, e2).fma(u, e1).fma(u, e0);
                DoubleVector de = u.mul(3).fma(e3, e2.add(e2)).fma(u, e1).mul(vih);
                DoubleVector qr = qq.mul(rinv);
                eq = eq.add(qr.mul(e), in);
                dEdr = qr.mul(de.sub(e.mul(rinv)));
            }
            {
                DoubleVector ak = DoubleVector.fromArray(S, a, 0, tp, p), ir = DoubleVector.fromArray(S, invRho, 0, tp, p);
                DoubleVector c6k = DoubleVector.fromArray(S, c6, 0, tp, p);
                DoubleVector r2i = rinv.mul(rinv), r6i = r2i.mul(r2i).mul(r2i);
                DoubleVector ex = ak.mul(r.mul(ir).neg().lanewise(VectorOperators.EXP));
                DoubleVector e = ex.sub(c6k.mul(r6i));
                DoubleVector g = c6k.mul(6).mul(r6i);
                ep = ep.add(e, in);
                dEdr = dEdr.add(g.mul(rinv).sub(ex.mul(ir)));
            }
            DoubleVector fpv = dEdr.neg().mul(rinv).blend(zero, in.not());
            fpv.intoArray(fp, p);
            dx.intoArray(ddx, p); dy.intoArray(ddy, p); dz.intoArray(ddz, p);
            DoubleVector fx = fpv.mul(dx), fy = fpv.mul(dy), fz = fpv.mul(dz);
            vxx = dx.fma(fx, vxx); vyy = dy.fma(fy, vyy); vzz = dz.fma(fz, vzz);
            vxy = dx.fma(fy, vxy); vxz = dx.fma(fz, vxz); vyz = dy.fma(fz, vyz);
        }
        double[] acc = rs.scratch[t];
        acc[0] = ep.reduceLanes(VectorOperators.ADD); acc[1] = eq.reduceLanes(VectorOperators.ADD);
        acc[2] = vxx.reduceLanes(VectorOperators.ADD); acc[3] = vyy.reduceLanes(VectorOperators.ADD);
        acc[4] = vzz.reduceLanes(VectorOperators.ADD); acc[5] = vxy.reduceLanes(VectorOperators.ADD);
        acc[6] = vxz.reduceLanes(VectorOperators.ADD); acc[7] = vyz.reduceLanes(VectorOperators.ADD);
        // scatter the vector part, then the remainder pairs in scalar code
        for (int i = iFrom; i < iTo; i++) {
            double fxi = 0, fyi = 0, fzi = 0;
            for (int q = nl.start[i], qe = Math.min(nl.start[i + 1], upper); q < qe; q++) {
                double w = fp[q];
                if (w == 0) continue;
                double fx = w * ddx[q], fy = w * ddy[q], fz = w * ddz[q];
                int j = j3[q];
                f[j] += fx; f[j + 1] += fy; f[j + 2] += fz;
                fxi -= fx; fyi -= fy; fzi -= fz;
            }
            f[3 * i] += fxi; f[3 * i + 1] += fyi; f[3 * i + 2] += fzi;
        }
        rs.scalarPairs(t, iFrom, iTo, upper, nl, f, acc);
    }
}
