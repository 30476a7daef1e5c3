package org.paddlewheel.forcefield;

/**
 * The two O(N·N_k) loops of {@link EwaldSum}, behind an interface so a SIMD implementation
 * ({@code VectorEwaldKernel}, Vector API) and this scalar one give the same results up to summation
 * order. Tables are atom-contiguous (see {@link EwaldSum}); threads own disjoint atom ranges.
 */
interface EwaldKernel {
    /** This range's share of S(k) = Σ q_j exp(i k·r_j) for every k, into sRe/sIm[off + k]. */
    void structureFactor(EwaldSum e, int from, int to, double[] sRe, double[] sIm, int off);

    /** Adds F_i = q_i Σ_k k (A_k sin k·r_i − B_k cos k·r_i) for i in [from, to) to f (A, B = twoRe, twoIm). */
    void forces(EwaldSum e, int from, int to, double[] f);

    /** Plain Java loops: atoms innermost for S(k), one atom at a time (accumulators in registers) for forces. */
    final class Scalar implements EwaldKernel {
        @Override
        public void structureFactor(EwaldSum e, int from, int to, double[] sRe, double[] sIm, int off) {
            final int n = e.n;
            final double[] zr = e.zr, zi = e.zi, e2r = e.e2r, e2i = e.e2i;
            for (int g = 0; g < e.gm0.length; g++) {
                e.groupFactor(g, from, to, true);
                int k = off + e.gstart[g];
                for (int m = e.glo[g], me = e.ghi[g]; m <= me; m++, k++) {
                    int c = (m + e.kz) * n;
                    double sr = 0, si = 0;
                    for (int i = from; i < to; i++) {
                        double cr = e2r[c + i], ci = e2i[c + i];
                        sr += zr[i] * cr - zi[i] * ci;
                        si += zr[i] * ci + zi[i] * cr;
                    }
                    sRe[k] = sr;
                    sIm[k] = si;
                }
            }
        }

        @Override
        public void forces(EwaldSum e, int from, int to, double[] f) {
            for (int i = from; i < to; i++) forceOn(e, i, f);
        }

        /** Reciprocal force on one atom, added to f. */
        static void forceOn(EwaldSum e, int i, double[] f) {
            double qi = e.q[i];
            if (qi == 0) return;
            final int n = e.n;
            final double[] kv = e.kvec, tr = e.twoRe, ti = e.twoIm;
            double fx = 0, fy = 0, fz = 0;
            for (int g = 0; g < e.gm0.length; g++) {
                int a = e.gm0[g] * n + i, b = (e.gm1[g] + e.ky) * n + i;
                double ar = e.e0r[a], ai = e.e0i[a], br = e.e1r[b], bi = e.e1i[b];
                double zr = ar * br - ai * bi, zi = ar * bi + ai * br;
                int k = e.gstart[g];
                for (int m = e.glo[g], me = e.ghi[g]; m <= me; m++, k++) {
                    int c = (m + e.kz) * n + i;
                    double cr = e.e2r[c], ci = e.e2i[c];
                    double cs = zr * cr - zi * ci, sn = zr * ci + zi * cr;
                    double t = tr[k] * sn - ti[k] * cs;
                    fx += t * kv[3 * k]; fy += t * kv[3 * k + 1]; fz += t * kv[3 * k + 2];
                }
            }
            f[3 * i] += qi * fx; f[3 * i + 1] += qi * fy; f[3 * i + 2] += qi * fz;
        }
    }
}
