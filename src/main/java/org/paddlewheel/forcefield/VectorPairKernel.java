package org.paddlewheel.forcefield;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The real-space pair loop of {@link RealSpace} on SIMD lanes (Vector API), in three passes per
 * thread so that the vector part touches only contiguous arrays (no gathers, no masks, no
 * scalar broadcasts inside the loop; C2 on JDK 17 then keeps every vector in registers):
 * <ol>
 * <li>scalar compaction: separations, r², q_i q_j k_e and the Buckingham parameters of the listed
 * pairs inside the cut-off go to structure-of-arrays buffers (branch-free: every pair is written,
 * the write index advances only when r &lt; r_c); the tail is padded to a whole vector with inert
 * pairs (r² = 1, all parameters 0);</li>
 * <li>vector arithmetic on L lanes: E = A·exp(−r/ρ) − C6/r⁶ + q_i q_j k_e erfc(αr)/r and dE/dr, the
 * pair force factor −(dE/dr)/r into a buffer, energies and virial in vector accumulators;</li>
 * <li>scalar scatter of the pair forces to the atoms (one vector may hold the same atom twice).</li>
 * </ol>
 * erfc here is the Chebyshev-fitted form erfc(z) = t·exp(−z² + P(t)), t = 1/(1 + z/2), of Numerical
 * Recipes (§6.2, {@code erfcc}; fractional error below 1.2e-7 for all z ≥ 0), with its exact analytic
 * derivative, so energies and forces stay consistent (finite differences) — one vector exp per pair
 * instead of a table gather. It covers Buckingham (A, ρ, C6) with or without Coulomb; force fields
 * with D8, C12 or shifted pairs run the scalar loop. Same physics as the scalar loop, which uses an
 * interpolated erfc table: the two differ by ~1e-7 relative. Loaded only through {@link Simd}.
 */
final class VectorPairKernel implements RealSpace.PairKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Long> SL = VectorSpecies.of(long.class, S.vectorShape());
    /** P(t) = Σ c_k t^k of the erfc fit (c0 includes the −1.26551223 offset). */
    private static final double C0 = -1.26551223, C1 = 1.00002368, C2 = 0.37409196, C3 = 0.09678418, C4 = -0.18628806,
            C5 = 0.27886807, C6 = -1.13520398, C7 = 1.48851587, C8 = -0.82215223, C9 = 0.17087277;

    /** Per-thread structure-of-arrays buffers (grown when outgrown, never in a steady state). */
    private static final class Buf {
        double[] dx = new double[0], dy = dx, dz = dx, r2 = dx, qq = dx, a = dx, ir = dx, c6 = dx, fp = dx;
        int[] j = new int[0];
        int[] atomStart = new int[0];
        final double[] lanes = new double[L], reduce = new double[8 * L];

        void ensure(int pairs, int atoms) {
            if (r2.length < pairs + L + 1) {
                int cap = pairs + pairs / 4 + 2 * L;
                dx = new double[cap]; dy = new double[cap]; dz = new double[cap]; r2 = new double[cap]; qq = new double[cap];
                a = new double[cap]; ir = new double[cap]; c6 = new double[cap]; fp = new double[cap]; j = new int[cap];
            }
            if (atomStart.length < atoms + 1) atomStart = new int[atoms + 1];
        }
    }

    private Buf[] bufs = new Buf[0];
    private static final double LOG2E = 1.4426950408889634, LN2_HI = 0.6931471803691238, LN2_LO = 1.9082149292705877e-10;
    private static final double SHIFT = 0x1.8p52;
    /**
     * Vector constants, each repeated over L lanes, loaded with fromArray at the top of the loop method: on
     * JDK 17 both broadcasts made per call and static final vectors end up boxed (heap-allocated) in the loop.
     */
    private static final double[] CONST = lanes(0.0, 1.0, 0.5, 2.0, 6.0, C0, C1, C2, C3, C4, C5, C6, C7, C8, C9, 2 * C2, 3 * C3, 4 * C4, 5 * C5, 6 * C6, 7 * C7, 8 * C8, 9 * C9, -700.0, LOG2E, SHIFT, -LN2_HI, -LN2_LO, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0, 1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 1.0 / 2.0, 1.0 / 1.0, 1.0 / 1.0);
    private static final int VZERO = 0;
    private static final int VONE = 1;
    private static final int VHALF = 2;
    private static final int VTWO = 3;
    private static final int VSIX = 4;
    private static final int VK0 = 5;
    private static final int VK1 = 6;
    private static final int VK2 = 7;
    private static final int VK3 = 8;
    private static final int VK4 = 9;
    private static final int VK5 = 10;
    private static final int VK6 = 11;
    private static final int VK7 = 12;
    private static final int VK8 = 13;
    private static final int VK9 = 14;
    private static final int VD2 = 15;
    private static final int VD3 = 16;
    private static final int VD4 = 17;
    private static final int VD5 = 18;
    private static final int VD6 = 19;
    private static final int VD7 = 20;
    private static final int VD8 = 21;
    private static final int VD9 = 22;
    private static final int ECLAMP = 23;
    private static final int ELOG2E = 24;
    private static final int ESHIFT = 25;
    private static final int ENLN2HI = 26;
    private static final int ENLN2LO = 27;
    private static final int EP11 = 28;
    private static final int EP10 = 29;
    private static final int EP9 = 30;
    private static final int EP8 = 31;
    private static final int EP7 = 32;
    private static final int EP6 = 33;
    private static final int EP5 = 34;
    private static final int EP4 = 35;
    private static final int EP3 = 36;
    private static final int EP2 = 37;
    private static final int EP1 = 38;
    private static final int EP0 = 39;

    private static double[] lanes(double... v) {
        double[] a = new double[v.length * L];
        for (int k = 0; k < v.length; k++) java.util.Arrays.fill(a, k * L, (k + 1) * L, v[k]);
        return a;
    }


    /**
     * Runs the vector pass on synthetic pairs until C2 has had the chance to compile it: interpreted or
     * C1-compiled Vector API code is 10–20× slower than the scalar loop (every operation boxes), and a
     * 2,000-step run otherwise spends a second or more of its loop time there. Costs ~0.2–0.5 s once
     * per JVM at engine setup, outside the step loop; results are unaffected.
     */
    VectorPairKernel() {
        synchronized (VectorPairKernel.class) {
            if (warmedUp) return;
            warmedUp = true;
        }
        Buf b = new Buf();
        int m = 64 * L;
        b.ensure(m, 1);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int q = 0; q < m; q++) {
            b.dx[q] = rnd.nextDouble(-4, 4); b.dy[q] = rnd.nextDouble(-4, 4); b.dz[q] = rnd.nextDouble(-4, 4);
            b.r2[q] = b.dx[q] * b.dx[q] + b.dy[q] * b.dy[q] + b.dz[q] * b.dz[q] + 1;
            b.qq[q] = rnd.nextDouble(-4, 4); b.a[q] = rnd.nextDouble(0, 1000); b.ir[q] = 3; b.c6[q] = rnd.nextDouble(0, 10);
        }
        double[] acc = new double[8];
        long t0 = System.nanoTime();
        for (int k = 0; k < 3000 && System.nanoTime() - t0 < 1_000_000_000L; k++) vectorPass(b, m, 0.4, acc);
    }

    private static boolean warmedUp;

    @Override
    public void listRebuilt(NeighbourList nl, int[] type, int nt, int n) {}

    @Override
    public void compute(RealSpace rs, int t, int iFrom, int iTo, NeighbourList nl, double[] f) {
        if (rs.hasHigherTerms()) {
            java.util.Arrays.fill(rs.scratch[t], 0);
            rs.scalarPairs(t, iFrom, iTo, 0, nl, f, rs.scratch[t]);
            return;
        }
        Buf b = buffer(t);
        b.ensure(nl.start[iTo] - nl.start[iFrom], iTo - iFrom);
        int m = compact(rs, b, iFrom, iTo, nl);
        int mEnd = (m + L - 1) / L * L;
        for (int q = m; q < mEnd; q++) {
            b.dx[q] = 0; b.dy[q] = 0; b.dz[q] = 0; b.r2[q] = 1; b.qq[q] = 0; b.a[q] = 0; b.ir[q] = 0; b.c6[q] = 0;
        }
        double[] acc = rs.scratch[t];
        vectorPass(b, mEnd, rs.doCoulomb() ? rs.alpha() : 1.0, acc);
        scatter(b, iFrom, iTo, f);
        rs.ePair[t] = acc[0];
        rs.eCoul[t] = acc[1];
        System.arraycopy(acc, 2, rs.virial, 6 * t, 6);
    }

    private synchronized Buf buffer(int t) {
        if (bufs.length <= t) {
            Buf[] nb = java.util.Arrays.copyOf(bufs, t + 1);
            for (int k = bufs.length; k <= t; k++) nb[k] = new Buf();
            bufs = nb;
        }
        return bufs[t];
    }

    /** Pass 1: pairs inside the cut-off into b, branch-free; returns their count. */
    private static int compact(RealSpace rs, Buf b, int iFrom, int iTo, NeighbourList nl) {
        final double[] x = nl.xw, sh = nl.shift, qke = rs.qke, a = rs.a, invRho = rs.invRho, c6 = rs.c6;
        final int[] start = nl.start, pj = nl.pairJ, pc = nl.pairCode, type = rs.type;
        final double[] bdx = b.dx, bdy = b.dy, bdz = b.dz, br2 = b.r2, bqq = b.qq, ba = b.a, bir = b.ir, bc6 = b.c6;
        final int[] bj = b.j, as = b.atomStart;
        final double rc2 = rs.rc2();
        final double qOn = rs.doCoulomb() ? 1 : 0, pOn = rs.doPair() ? 1 : 0;
        final int nt = rs.nt;
        int m = 0;
        for (int i = iFrom; i < iTo; i++) {
            as[i - iFrom] = m;
            final double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            final double qi = qke[i] * qOn;
            final int row = type[i] * nt;
            for (int p = start[i], pe = start[i + 1]; p < pe; p++) {
                final int j = pj[p], c = 3 * pc[p];
                final double dx = x[3 * j] + sh[c] - xi, dy = x[3 * j + 1] + sh[c + 1] - yi, dz = x[3 * j + 2] + sh[c + 2] - zi;
                final double r2 = dx * dx + dy * dy + dz * dz;
                final int k = row + type[j];
                bdx[m] = dx; bdy[m] = dy; bdz[m] = dz; br2[m] = r2; bj[m] = j;
                bqq[m] = qi * qke[j]; ba[m] = a[k] * pOn; bir[m] = invRho[k]; bc6[m] = c6[k] * pOn;
                m += r2 < rc2 ? 1 : 0;
            }
        }
        as[iTo - iFrom] = m;
        return m;
    }

    /** Pass 2: pair force factors into b.fp; energies (pair, Coulomb) and virial into acc[0..7]. */
    private static void vectorPass(Buf b, int mEnd, double alpha, double[] acc) {
        final double[] lanes = b.lanes;
        final double[] bdx = b.dx, bdy = b.dy, bdz = b.dz, br2 = b.r2, bqq = b.qq, ba = b.a, bir = b.ir, bc6 = b.c6, bfp = b.fp;
        final DoubleVector zero = DoubleVector.fromArray(S, CONST, VZERO * L), one = DoubleVector.fromArray(S, CONST, VONE * L), half = DoubleVector.fromArray(S, CONST, VHALF * L), two = DoubleVector.fromArray(S, CONST, VTWO * L), six = DoubleVector.fromArray(S, CONST, VSIX * L);
        java.util.Arrays.fill(lanes, alpha);
        final DoubleVector va = DoubleVector.fromArray(S, lanes, 0);
        final DoubleVector c0 = DoubleVector.fromArray(S, CONST, VK0 * L), c1 = DoubleVector.fromArray(S, CONST, VK1 * L), c2 = DoubleVector.fromArray(S, CONST, VK2 * L), c3 = DoubleVector.fromArray(S, CONST, VK3 * L), c4 = DoubleVector.fromArray(S, CONST, VK4 * L), c5 = DoubleVector.fromArray(S, CONST, VK5 * L), c6v = DoubleVector.fromArray(S, CONST, VK6 * L), c7 = DoubleVector.fromArray(S, CONST, VK7 * L), c8 = DoubleVector.fromArray(S, CONST, VK8 * L), c9 = DoubleVector.fromArray(S, CONST, VK9 * L);
        final DoubleVector d1 = DoubleVector.fromArray(S, CONST, VK1 * L), d2 = DoubleVector.fromArray(S, CONST, VD2 * L), d3 = DoubleVector.fromArray(S, CONST, VD3 * L), d4 = DoubleVector.fromArray(S, CONST, VD4 * L), d5 = DoubleVector.fromArray(S, CONST, VD5 * L), d6 = DoubleVector.fromArray(S, CONST, VD6 * L), d7 = DoubleVector.fromArray(S, CONST, VD7 * L), d8 = DoubleVector.fromArray(S, CONST, VD8 * L), d9 = DoubleVector.fromArray(S, CONST, VD9 * L);
        final DoubleVector x0 = DoubleVector.fromArray(S, CONST, ECLAMP * L), x1 = DoubleVector.fromArray(S, CONST, ELOG2E * L), x2 = DoubleVector.fromArray(S, CONST, ESHIFT * L), x3 = DoubleVector.fromArray(S, CONST, ENLN2HI * L), x4 = DoubleVector.fromArray(S, CONST, ENLN2LO * L), p11 = DoubleVector.fromArray(S, CONST, EP11 * L), p10 = DoubleVector.fromArray(S, CONST, EP10 * L), p9 = DoubleVector.fromArray(S, CONST, EP9 * L), p8 = DoubleVector.fromArray(S, CONST, EP8 * L);
        final DoubleVector p7 = DoubleVector.fromArray(S, CONST, EP7 * L), p6 = DoubleVector.fromArray(S, CONST, EP6 * L), p5 = DoubleVector.fromArray(S, CONST, EP5 * L), p4 = DoubleVector.fromArray(S, CONST, EP4 * L), p3 = DoubleVector.fromArray(S, CONST, EP3 * L), p2 = DoubleVector.fromArray(S, CONST, EP2 * L), p1 = DoubleVector.fromArray(S, CONST, EP1 * L), p0 = DoubleVector.fromArray(S, CONST, EP0 * L);
        DoubleVector ep = zero, eq = zero, vxx = zero, vyy = zero, vzz = zero, vxy = zero, vxz = zero, vyz = zero;
        for (int q = 0; q < mEnd; q += L) {
            final DoubleVector r2 = DoubleVector.fromArray(S, br2, q);
            final DoubleVector r = r2.sqrt(), rinv = one.div(r);
            // Coulomb: qq erfc(αr)/r
            final DoubleVector z = r.mul(va);
            final DoubleVector t = one.div(z.fma(half, one));
            final DoubleVector p = t.fma(c9, c8).fma(t, c7).fma(t, c6v).fma(t, c5).fma(t, c4).fma(t, c3).fma(t, c2).fma(t, c1).fma(t, c0);
            final DoubleVector pd = t.fma(d9, d8).fma(t, d7).fma(t, d6).fma(t, d5).fma(t, d4).fma(t, d3).fma(t, d2).fma(t, d1);
            // eg = exp(p.sub(z.mul(z)).max(x0)), inlined by hand (see expDoc): x = n ln2 + r, Taylor in r, 2^n into the exponent bits
            final DoubleVector gx = p.sub(z.mul(z)).max(x0);
            final DoubleVector gk = gx.fma(x1, x2);
            final DoubleVector gn = gk.sub(x2);
            final DoubleVector gr = gn.fma(x4, gn.fma(x3, gx));
            final DoubleVector gp = gr.fma(p11, p10).fma(gr, p9).fma(gr, p8).fma(gr, p7).fma(gr, p6).fma(gr, p5)
                    .fma(gr, p4).fma(gr, p3).fma(gr, p2).fma(gr, p1).fma(gr, p0);
            final DoubleVector eg = (DoubleVector) ((LongVector) gp.reinterpretShape(SL, 0))
                    .add(((LongVector) gk.reinterpretShape(SL, 0)).lanewise(VectorOperators.LSHL, 52)).reinterpretShape(S, 0);
            final DoubleVector erfc = t.mul(eg);
            // d erfc/dz = erfc·(−t/2 − 2z − t² P'(t)/2)
            final DoubleVector dlog = t.mul(t).mul(pd).add(t).mul(half).neg().sub(z.mul(two));
            final DoubleVector qr = DoubleVector.fromArray(S, bqq, q).mul(rinv);
            eq = qr.fma(erfc, eq);
            DoubleVector dEdr = qr.mul(erfc.mul(dlog.mul(va).sub(rinv)));
            // Buckingham: A exp(−r/ρ) − C6/r⁶
            final DoubleVector ir = DoubleVector.fromArray(S, bir, q), c6k = DoubleVector.fromArray(S, bc6, q);
            // eb = exp(r.mul(ir).neg().max(x0)), inlined by hand (see expDoc): x = n ln2 + r, Taylor in r, 2^n into the exponent bits
            final DoubleVector bx = r.mul(ir).neg().max(x0);
            final DoubleVector bk = bx.fma(x1, x2);
            final DoubleVector bn = bk.sub(x2);
            final DoubleVector br = bn.fma(x4, bn.fma(x3, bx));
            final DoubleVector bp = br.fma(p11, p10).fma(br, p9).fma(br, p8).fma(br, p7).fma(br, p6).fma(br, p5)
                    .fma(br, p4).fma(br, p3).fma(br, p2).fma(br, p1).fma(br, p0);
            final DoubleVector eb = (DoubleVector) ((LongVector) bp.reinterpretShape(SL, 0))
                    .add(((LongVector) bk.reinterpretShape(SL, 0)).lanewise(VectorOperators.LSHL, 52)).reinterpretShape(S, 0);
            final DoubleVector ex = DoubleVector.fromArray(S, ba, q).mul(eb);
            final DoubleVector r2i = rinv.mul(rinv), r6i = r2i.mul(r2i).mul(r2i);
            final DoubleVector c6r6 = c6k.mul(r6i);
            ep = ep.add(ex.sub(c6r6));
            dEdr = dEdr.add(c6r6.mul(six).mul(rinv).sub(ex.mul(ir)));
            final DoubleVector fp = dEdr.mul(rinv).neg();
            fp.intoArray(bfp, q);
            final DoubleVector dx = DoubleVector.fromArray(S, bdx, q), dy = DoubleVector.fromArray(S, bdy, q), dz = DoubleVector.fromArray(S, bdz, q);
            final DoubleVector fx = fp.mul(dx), fy = fp.mul(dy), fz = fp.mul(dz);
            vxx = dx.fma(fx, vxx); vyy = dy.fma(fy, vyy); vzz = dz.fma(fz, vzz);
            vxy = dx.fma(fy, vxy); vxz = dx.fma(fz, vxz); vyz = dy.fma(fz, vyz);
        }
        // lane sums in lane order (reduceLanes(ADD) may reorder, and differ between JIT tiers); stored here, not
        // passed to a method, so that the accumulators are not boxed
        final double[] red = b.reduce;
        ep.intoArray(red, 0); eq.intoArray(red, L); vxx.intoArray(red, 2 * L); vyy.intoArray(red, 3 * L);
        vzz.intoArray(red, 4 * L); vxy.intoArray(red, 5 * L); vxz.intoArray(red, 6 * L); vyz.intoArray(red, 7 * L);
        for (int k = 0; k < 8; k++) {
            double sum = 0;
            for (int l = 0; l < L; l++) sum += red[k * L + l];
            acc[k] = sum;
        }
    }

    /*
     * expDoc: exp(x) for x ≤ 0 (clamped at −700) from +, ×, fma and bit operations only: x = n ln2 + r with
     * |r| ≤ ln2/2, a degree-11 Taylor polynomial in r (truncation 6e-15 relative), times 2^n by adding
     * n to the exponent bits. Unlike {@code lanewise(EXP)} (SVML when compiled, StrictMath-like when
     * interpreted) it gives the same bits in every JIT tier, so runs and resumes stay bit-reproducible.
     * Written out in the loop body: as a method, C2 on JDK 17 would not inline it ("already compiled into
     * a big method") and every vector passed to it would be boxed (heap-allocated).
     */
    /** Pass 3: pair forces onto the atoms. */
    private static void scatter(Buf b, int iFrom, int iTo, double[] f) {
        final double[] bdx = b.dx, bdy = b.dy, bdz = b.dz, bfp = b.fp;
        final int[] bj = b.j, as = b.atomStart;
        for (int i = iFrom; i < iTo; i++) {
            double fxi = 0, fyi = 0, fzi = 0;
            for (int q = as[i - iFrom], qe = as[i - iFrom + 1]; q < qe; q++) {
                final double w = bfp[q];
                final double fx = w * bdx[q], fy = w * bdy[q], fz = w * bdz[q];
                final int j = 3 * bj[q];
                f[j] += fx; f[j + 1] += fy; f[j + 2] += fz;
                fxi -= fx; fyi -= fy; fzi -= fz;
            }
            f[3 * i] += fxi; f[3 * i + 1] += fyi; f[3 * i + 2] += fzi;
        }
    }
}
