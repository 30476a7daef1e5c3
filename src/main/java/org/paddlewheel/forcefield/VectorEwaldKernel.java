package org.paddlewheel.forcefield;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link EwaldKernel} on SIMD lanes (Vector API, preferred species: 8 doubles with AVX-512). S(k):
 * lanes over atoms with vector accumulators per k, reduced once per k. Forces: lanes over atoms
 * again, per k, accumulating into per-atom force arrays (per-k constants are broadcast outside the
 * atom loop: a broadcast inside it was not intrinsified by JDK 17's C2 and allocated). Remainder
 * atoms run the same arithmetic in scalar code. Loaded only through {@link Simd}.
 */
final class VectorEwaldKernel implements EwaldKernel {
    private static final VectorSpecies<Double> S = Integer.getInteger("paddlewheel.simd.bits", 0) == 256 ? DoubleVector.SPECIES_256 : DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void structureFactor(EwaldSum e, int from, int to, double[] sRe, double[] sIm, int off) {
        final int n = e.n;
        final double[] zr = e.zr, zi = e.zi, e2r = e.e2r, e2i = e.e2i;
        final int upper = from + S.loopBound(to - from);
        for (int g = 0; g < e.gm0.length; g++) {
            groupFactor(e, g, from, to, upper);
            int k = off + e.gstart[g];
            for (int m = e.glo[g], me = e.ghi[g]; m <= me; m++, k++) {
                int c = (m + e.kz) * n;
                DoubleVector rr = DoubleVector.zero(S), ii = DoubleVector.zero(S), im = DoubleVector.zero(S);
                int i = from;
                for (; i < upper; i += L) {
                    DoubleVector vr = DoubleVector.fromArray(S, zr, i), vi = DoubleVector.fromArray(S, zi, i);
                    DoubleVector cr = DoubleVector.fromArray(S, e2r, c + i), ci = DoubleVector.fromArray(S, e2i, c + i);
                    rr = vr.fma(cr, rr);
                    ii = vi.fma(ci, ii);
                    im = vr.fma(ci, vi.fma(cr, im));
                }
                double sr = rr.reduceLanes(VectorOperators.ADD) - ii.reduceLanes(VectorOperators.ADD);
                double si = im.reduceLanes(VectorOperators.ADD);
                for (; i < to; i++) {
                    double cr = e2r[c + i], ci = e2i[c + i];
                    sr += zr[i] * cr - zi[i] * ci;
                    si += zr[i] * ci + zi[i] * cr;
                }
                sRe[k] = sr;
                sIm[k] = si;
            }
        }
    }

    private static void groupFactor(EwaldSum e, int g, int from, int to, int upper) {
        final int n = e.n, a = e.gm0[g] * n, b = (e.gm1[g] + e.ky) * n;
        int i = from;
        for (; i < upper; i += L) {
            DoubleVector ar = DoubleVector.fromArray(S, e.e0r, a + i), ai = DoubleVector.fromArray(S, e.e0i, a + i);
            DoubleVector br = DoubleVector.fromArray(S, e.e1r, b + i), bi = DoubleVector.fromArray(S, e.e1i, b + i);
            DoubleVector q = DoubleVector.fromArray(S, e.q, i);
            ar.mul(br).sub(ai.mul(bi)).mul(q).intoArray(e.zr, i);
            ar.mul(bi).add(ai.mul(br)).mul(q).intoArray(e.zi, i);
        }
        if (i < to) e.groupFactor(g, i, to, true);
    }

    @Override
    public void forces(EwaldSum e, int from, int to, double[] f) {
        final int n = e.n, kz = e.kz;
        final double[] kv = e.kvec, tr = e.twoRe, ti = e.twoIm, e2r = e.e2r, e2i = e.e2i;
        final double[] wr = e.zr, wi = e.zi, fx = e.fx, fy = e.fy, fz = e.fz;
        final int upper = from + S.loopBound(to - from);
        java.util.Arrays.fill(fx, from, to, 0);
        java.util.Arrays.fill(fy, from, to, 0);
        java.util.Arrays.fill(fz, from, to, 0);
        for (int g = 0; g < e.gm0.length; g++) {
            e.groupFactor(g, from, to, false);
            int k = e.gstart[g];
            for (int m = e.glo[g], me = e.ghi[g]; m <= me; m++, k++) {
                final int c = (m + kz) * n;
                final double a = tr[k], b = ti[k], gx = kv[3 * k], gy = kv[3 * k + 1], gz = kv[3 * k + 2];
                DoubleVector va = DoubleVector.broadcast(S, a), vb = DoubleVector.broadcast(S, b);
                DoubleVector vx = DoubleVector.broadcast(S, gx), vy = DoubleVector.broadcast(S, gy), vz = DoubleVector.broadcast(S, gz);
                int i = from;
                for (; i < upper; i += L) {
                    DoubleVector xr = DoubleVector.fromArray(S, wr, i), xi = DoubleVector.fromArray(S, wi, i);
                    DoubleVector cr = DoubleVector.fromArray(S, e2r, c + i), ci = DoubleVector.fromArray(S, e2i, c + i);
                    DoubleVector cs = xr.mul(cr).sub(xi.mul(ci)), sn = xr.mul(ci).add(xi.mul(cr));
                    DoubleVector t = va.mul(sn).sub(vb.mul(cs));
                    t.fma(vx, DoubleVector.fromArray(S, fx, i)).intoArray(fx, i);
                    t.fma(vy, DoubleVector.fromArray(S, fy, i)).intoArray(fy, i);
                    t.fma(vz, DoubleVector.fromArray(S, fz, i)).intoArray(fz, i);
                }
                for (; i < to; i++) {
                    double cr = e2r[c + i], ci = e2i[c + i];
                    double t = a * (wr[i] * ci + wi[i] * cr) - b * (wr[i] * cr - wi[i] * ci);
                    fx[i] += t * gx; fy[i] += t * gy; fz[i] += t * gz;
                }
            }
        }
        final double[] q = e.q;
        for (int i = from; i < to; i++) {
            f[3 * i] += q[i] * fx[i]; f[3 * i + 1] += q[i] * fy[i]; f[3 * i + 2] += q[i] * fz[i];
        }
    }
}
