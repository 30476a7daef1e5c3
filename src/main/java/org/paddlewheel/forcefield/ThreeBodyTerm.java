package org.paddlewheel.forcefield;

import java.util.Arrays;

/**
 * The engine's loop for the UF3 3-body terms ({@link SplineTriple}) of a force field. After each
 * neighbour-list update a full (both-direction) list of the pairs closer than the largest 3-body arm
 * cut-off is gathered from the Verlet half list (so intramolecular pairs excluded there are never
 * arms of a triple: a molecule's own B–H or N–H pairs are left to the bonded terms, while r_jk may
 * join two ligands of one molecule; triples with {@link SplineTriple#bondedArms} add the covalent
 * bonds as arms, {@link BondArms}), storing each neighbour's displacement and distance. Centres are
 * then split between threads by their share of neighbour pairs (Σ n_i(n_i − 1)/2), each thread
 * writing forces (eV/Å) into its own buffer and energy (eV) and virial W_ab = Σ d_a F_b (eV) into
 * its own slots, reduced by {@link ForceEngine} in a fixed order. Per triple the coefficient tensor is
 * contracted over the 4×4×4 non-zero B-spline products; ∂E/∂r_ij, ∂E/∂r_ik, ∂E/∂r_jk give the
 * central forces along the three distances.
 */
final class ThreeBodyTerm {
    private final int nt, n;
    private final int[] type;
    private final int[] tripleOf;     // [(c*nt + sj)*nt + sk] → 2·index + swap, or −1
    private final boolean[] centre;
    private final CubicBasis[] b2;
    private final CubicBasis[] arms;  // distinct r_ij / r_ik bases (equal knot vectors share one)
    private final int[] arm0, arm1;   // per triple: index into arms of its r_ij and r_ik basis
    private int[] armK = new int[16]; // per full-list entry and distinct arm basis: first index (−1: beyond)
    private double[] armV = new double[64], armD = new double[64];
    private final double[][] coef;
    private final int[] mm, nn;
    private final boolean[] bondedArms; // per triple
    private final boolean anyBonded;
    private final Topology top;
    private byte[] fB = new byte[16];   // per full-list entry: 1 when the arm is a covalent bond (BondArms)
    private final double cut, cut2;
    private final int[] fStart, cnt;
    private int[] fJ = new int[16];
    private double[] fD = new double[64];
    private byte[] mark = new byte[16];
    private final int threads;
    private final int[] split;
    final double[] energy, virial;
    private final double[][] scratch, scratchD;

    /** The 4×4×4 contraction of one triple: returns E, writes ∂E/∂r_ij, ∂E/∂r_ik, ∂E/∂r_jk to g[0..2]. */
    interface Contraction {
        /**
         * @param cf     coefficients, l-major; base0 = index of c[l0][m0][n0]; lStride = M·N, mStride = N
         * @param av     arm values (r_ij at q1..q1+3, r_ik at q2..q2+3), ad their slopes
         * @param w      r_jk values at o..o+3, u their slopes
         */
        double contract(double[] cf, int base0, int lStride, int mStride, double[] av, double[] ad, int q1, int q2,
                        double[] w, double[] u, int o, double[] g);
    }

    /** Scalar contraction: per-n accumulators over the 16 (l, m) products. */
    static final class ScalarContraction implements Contraction {
        @Override
        public double contract(double[] cf, int base0, int lStride, int mStride, double[] av, double[] ad, int q1, int q2,
                               double[] w, double[] u, int o, double[] g) {
            double t0 = 0, t1 = 0, t2 = 0, t3 = 0, g0 = 0, g1 = 0, g2 = 0, g3 = 0, h0 = 0, h1 = 0, h2 = 0, h3 = 0;
            for (int x = 0; x < 4; x++) {
                final double va = av[q1 + x], da = ad[q1 + x];
                int base = base0 + x * lStride;
                for (int y = 0; y < 4; y++, base += mStride) {
                    final double vb = av[q2 + y];
                    final double pvv = va * vb, pdv = da * vb, pvd = va * ad[q2 + y];
                    final double c0 = cf[base], c1 = cf[base + 1], c2 = cf[base + 2], c3 = cf[base + 3];
                    t0 += c0 * pvv; t1 += c1 * pvv; t2 += c2 * pvv; t3 += c3 * pvv;
                    g0 += c0 * pdv; g1 += c1 * pdv; g2 += c2 * pdv; g3 += c3 * pdv;
                    h0 += c0 * pvd; h1 += c1 * pvd; h2 += c2 * pvd; h3 += c3 * pvd;
                }
            }
            final double w0 = w[o], w1 = w[o + 1], w2 = w[o + 2], w3 = w[o + 3];
            g[0] = g0 * w0 + g1 * w1 + g2 * w2 + g3 * w3;
            g[1] = h0 * w0 + h1 * w1 + h2 * w2 + h3 * w3;
            g[2] = t0 * u[o] + t1 * u[o + 1] + t2 * u[o + 2] + t3 * u[o + 3];
            return t0 * w0 + t1 * w1 + t2 * w2 + t3 * w3;
        }
    }

    private final Contraction kernel = Simd.threeBodyKernel();
    private final double[][] sg;

    ThreeBodyTerm(Topology top, int threads) {
        ForceField ff = top.forceField;
        this.top = top;
        nt = ff.species().size();
        n = top.size();
        type = top.type;
        this.threads = threads;
        SplineTriple[] ts = ff.splineTriples().toArray(new SplineTriple[0]);
        tripleOf = new int[nt * nt * nt];
        Arrays.fill(tripleOf, -1);
        centre = new boolean[nt];
        b2 = new CubicBasis[ts.length];
        arm0 = new int[ts.length]; arm1 = new int[ts.length];
        java.util.List<double[]> armKnots = new java.util.ArrayList<>();
        java.util.List<CubicBasis> armList = new java.util.ArrayList<>();
        coef = new double[ts.length][];
        mm = new int[ts.length]; nn = new int[ts.length];
        bondedArms = new boolean[ts.length];
        for (int p = 0; p < ts.length; p++) bondedArms[p] = ts[p].bondedArms();
        anyBonded = BondArms.any(java.util.List.of(ts));
        double c = 0;
        for (int p = 0; p < ts.length; p++) {
            SplineTriple t = ts[p];
            tripleOf[(t.centre() * nt + t.a()) * nt + t.b()] = 2 * p;
            if (t.a() != t.b()) tripleOf[(t.centre() * nt + t.b()) * nt + t.a()] = 2 * p + 1;
            centre[t.centre()] = true;
            b2[p] = t.basis(2);
            for (int d = 0; d < 2; d++) {
                double[] k = t.knots(d);
                int found = -1;
                for (int u = 0; u < armKnots.size() && found < 0; u++) {
                    if (Arrays.equals(armKnots.get(u), k) && armList.get(u).constantBelow == t.constantBelow()) found = u;
                }
                if (found < 0) { armKnots.add(k); armList.add(t.basis(d)); found = armList.size() - 1; }
                if (d == 0) arm0[p] = found; else arm1[p] = found;
            }
            coef[p] = t.rawCoefficients();
            mm[p] = t.shape()[1]; nn[p] = t.shape()[2];
            c = Math.max(c, Math.max(t.rCut(0), t.rCut(1)));
        }
        cut = c;
        cut2 = c * c;
        arms = armList.toArray(new CubicBasis[0]);
        fStart = new int[n + 1];
        cnt = new int[n + 1];
        split = new int[threads + 1];
        energy = new double[threads];
        virial = new double[6 * threads];
        scratch = new double[threads][12 + 16]; // padded: no two threads' scratch share a cache line
        scratchD = new double[threads][12 + 16];
        sg = new double[threads][3 + 16];
    }

    boolean active() { return cut > 0; }

    /** Largest r_ij / r_ik cut-off, Å. */
    double cutoff() { return cut; }

    /**
     * Gathers the full list of pairs within the 3-body cut-off from the Verlet half list (and, when a triple takes
     * bonded arms, the covalent bonds of {@link BondArms}) and splits centres between threads.
     */
    void gather(NeighbourList nl, Cell cell) {
        final double[] x = nl.xw, sh = nl.shift;
        final int[] start = nl.start, pj = nl.pairJ, pc = nl.pairCode;
        int np = nl.pairCount();
        if (mark.length < np) mark = new byte[Math.max(np, 2 * mark.length)];
        Arrays.fill(cnt, 0);
        int total = 0;
        for (int i = 0; i < n; i++) {
            final double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            for (int q = start[i], qe = start[i + 1]; q < qe; q++) {
                final int j = pj[q], co = 3 * pc[q];
                final double dx = x[3 * j] + sh[co] - xi, dy = x[3 * j + 1] + sh[co + 1] - yi, dz = x[3 * j + 2] + sh[co + 2] - zi;
                boolean in = dx * dx + dy * dy + dz * dz < cut2 && (centre[type[i]] || centre[type[j]]);
                mark[q] = (byte) (in ? 1 : 0);
                if (in) { cnt[i]++; cnt[j]++; total += 2; }
            }
        }
        if (anyBonded) {
            BondArms.forEach(top, x, cell, cut, (i, j, dx, dy, dz, r) -> cnt[i]++);
            total += 2 * top.bondI.length;
        }
        if (fJ.length < total) {
            fJ = new int[2 * total];
            fB = new byte[2 * total];
            fD = new double[8 * total];
            armK = new int[2 * total * arms.length];
            armV = new double[8 * total * arms.length];
            armD = new double[8 * total * arms.length];
        }
        fStart[0] = 0;
        for (int i = 0; i < n; i++) fStart[i + 1] = fStart[i] + (centre[type[i]] ? cnt[i] : 0);
        int[] fill = cnt;
        for (int i = 0; i < n; i++) fill[i] = fStart[i];
        for (int i = 0; i < n; i++) {
            final double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            for (int q = start[i], qe = start[i + 1]; q < qe; q++) {
                if (mark[q] == 0) continue;
                final int j = pj[q], co = 3 * pc[q];
                final double dx = x[3 * j] + sh[co] - xi, dy = x[3 * j + 1] + sh[co + 1] - yi, dz = x[3 * j + 2] + sh[co + 2] - zi;
                final double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (centre[type[i]]) put(fill[i]++, j, dx, dy, dz, r, (byte) 0);
                if (centre[type[j]]) put(fill[j]++, i, -dx, -dy, -dz, r, (byte) 0);
            }
        }
        if (anyBonded) {
            BondArms.forEach(top, x, cell, cut, (i, j, dx, dy, dz, r) -> {
                if (centre[type[i]]) put(fill[i]++, j, dx, dy, dz, r, (byte) 1);
            });
        }
        long work = 0;
        for (int i = 0; i < n; i++) { long m = fStart[i + 1] - fStart[i]; work += m * (m - 1) / 2 + 1; }
        long acc = 0;
        int t = 1;
        split[0] = 0;
        for (int i = 0; i < n && t < threads; i++) {
            long m = fStart[i + 1] - fStart[i];
            acc += m * (m - 1) / 2 + 1;
            while (t < threads && acc >= work * t / threads) split[t++] = i + 1;
        }
        while (t <= threads) split[t++] = n;
    }

    private void put(int e, int j, double dx, double dy, double dz, double r, byte bonded) {
        fJ[e] = j;
        fB[e] = bonded;
        int o = 4 * e;
        fD[o] = dx; fD[o + 1] = dy; fD[o + 2] = dz; fD[o + 3] = r;
    }

    /** Thread t's centres: energy, forces into f, virial. */
    void compute(int t, double[] f) {
        final double[] sv = scratch[t], sd = scratchD[t];
        double e = 0, vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
        final int[] fj = fJ;
        final double[] fd = fD;
        for (int i = split[t]; i < split[t + 1]; i++) {
            final int row = type[i] * nt * nt;
            final int pe = fStart[i + 1];
            double fxi = 0, fyi = 0, fzi = 0;
            final int na = arms.length;
            for (int p = fStart[i]; p < pe; p++) {
                for (int u = 0; u < na; u++) armK[p * na + u] = arms[u].eval(fd[4 * p + 3], armV, armD, 4 * (p * na + u));
            }
            for (int p = fStart[i]; p < pe; p++) {
                final int rowj = row + type[fj[p]] * nt;
                for (int q = p + 1; q < pe; q++) {
                    final int code = tripleOf[rowj + type[fj[q]]];
                    if (code < 0) continue;
                    final int tr = code >> 1;
                    if (anyBonded) { // a bonded arm only where the triple takes one; two never (the bonded angle's)
                        final int nb = fB[p] + fB[q];
                        if (nb == 2 || (nb == 1 && !bondedArms[tr])) continue;
                    }
                    final int e1 = (code & 1) == 0 ? p : q, e2 = (code & 1) == 0 ? q : p;
                    final int a1 = e1 * na + arm0[tr], a2 = e2 * na + arm1[tr];
                    final int l0 = armK[a1], m0 = armK[a2];
                    if (l0 < 0 || m0 < 0) continue;
                    final int o1 = 4 * e1, o2 = 4 * e2;
                    final double r1 = fd[o1 + 3], r2 = fd[o2 + 3];
                    final double d3x = fd[o2] - fd[o1], d3y = fd[o2 + 1] - fd[o1 + 1], d3z = fd[o2 + 2] - fd[o1 + 2];
                    final double r3 = Math.sqrt(d3x * d3x + d3y * d3y + d3z * d3z);
                    final int n0 = b2[tr].eval(r3, sv, sd, 8);
                    if (n0 < 0) continue;
                    final double[] gg = sg[t];
                    final double en = kernel.contract(coef[tr], ((l0 * mm[tr]) + m0) * nn[tr] + n0, mm[tr] * nn[tr], nn[tr],
                            armV, armD, 4 * a1, 4 * a2, sv, sd, 8, gg);
                    final double g1 = gg[0], g2 = gg[1], g3 = gg[2];
                    if (en == 0 && g1 == 0 && g2 == 0 && g3 == 0) continue;
                    e += en;
                    final int j1 = fj[e1], j2 = fj[e2];
                    final double p1 = -g1 / r1, p2 = -g2 / r2, p3 = -g3 / r3;
                    final double ax = p1 * fd[o1], ay = p1 * fd[o1 + 1], az = p1 * fd[o1 + 2];
                    final double bx = p2 * fd[o2], by = p2 * fd[o2 + 1], bz = p2 * fd[o2 + 2];
                    final double cx = p3 * d3x, cy = p3 * d3y, cz = p3 * d3z;
                    f[3 * j1] += ax - cx; f[3 * j1 + 1] += ay - cy; f[3 * j1 + 2] += az - cz;
                    f[3 * j2] += bx + cx; f[3 * j2 + 1] += by + cy; f[3 * j2 + 2] += bz + cz;
                    fxi -= ax + bx; fyi -= ay + by; fzi -= az + bz;
                    vxx += fd[o1] * ax + fd[o2] * bx + d3x * cx;
                    vyy += fd[o1 + 1] * ay + fd[o2 + 1] * by + d3y * cy;
                    vzz += fd[o1 + 2] * az + fd[o2 + 2] * bz + d3z * cz;
                    vxy += fd[o1] * ay + fd[o2] * by + d3x * cy;
                    vxz += fd[o1] * az + fd[o2] * bz + d3x * cz;
                    vyz += fd[o1 + 1] * az + fd[o2 + 1] * bz + d3y * cz;
                }
            }
            f[3 * i] += fxi; f[3 * i + 1] += fyi; f[3 * i + 2] += fzi;
        }
        energy[t] = e;
        int o = 6 * t;
        virial[o] = vxx; virial[o + 1] = vyy; virial[o + 2] = vzz; virial[o + 3] = vxy; virial[o + 4] = vxz; virial[o + 5] = vyz;
    }
}
