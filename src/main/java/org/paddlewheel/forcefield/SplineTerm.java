package org.paddlewheel.forcefield;

/**
 * The engine's loop for the {@link SplinePair} (UF3 2-body) terms of a force field, over the same
 * Verlet {@link NeighbourList} as the Buckingham/Coulomb loop (so intramolecular pairs excluded
 * there are excluded here too; {@link Bonded} adds them back with the special_bonds lj weight).
 * Per species pair the spline is stored as one cubic polynomial per knot span; a span is found
 * through a 0.01 Å lookup grid plus at most a few steps. Also adds the constant per-species atom
 * energies. Each thread handles a range of i and writes forces (eV/Å), energy (eV) and virial
 * W_ab = Σ r_ij,a F_j,b (eV) into its own buffers.
 */
final class SplineTerm {
    private static final double GRID = 0.01;
    private final int nt;
    private final int[] type;
    private final int[] pairIndex;           // [ti*nt+tj] → spline index or −1
    private final SplinePair[] splines;
    private final double[][] poly, breaks;
    private final int[][] lookup;
    private final double[] rMin, rCut2, vMin, dMin;
    private final double maxCut2;
    final double atomEnergy;
    final double[] energy, virial;
    private final double[][] scratch;

    SplineTerm(Topology top, int threads) {
        ForceField ff = top.forceField;
        nt = ff.species().size();
        type = top.type;
        pairIndex = new int[nt * nt];
        java.util.Arrays.fill(pairIndex, -1);
        int ns = ff.splinePairs().size();
        splines = ff.splinePairs().toArray(new SplinePair[0]);
        poly = new double[ns][];
        breaks = new double[ns][];
        lookup = new int[ns][];
        rMin = new double[ns]; rCut2 = new double[ns]; vMin = new double[ns]; dMin = new double[ns];
        double mc = 0;
        for (int p = 0; p < ns; p++) {
            SplinePair sp = splines[p];
            pairIndex[sp.a() * nt + sp.b()] = p;
            pairIndex[sp.b() * nt + sp.a()] = p;
            poly[p] = sp.spanPolynomials();
            breaks[p] = sp.breaks();
            rMin[p] = sp.rMin();
            rCut2[p] = sp.rCut() * sp.rCut();
            mc = Math.max(mc, rCut2[p]);
            vMin[p] = poly[p][0];
            dMin[p] = poly[p][1];
            int cells = (int) Math.ceil((sp.rCut() - sp.rMin()) / GRID) + 1;
            lookup[p] = new int[cells];
            for (int c = 0; c < cells; c++) lookup[p][c] = sp.span(Math.min(sp.rMin() + c * GRID, sp.rCut()));
        }
        maxCut2 = mc;
        double e0 = 0;
        double[] ae = ff.atomEnergies();
        for (int t : type) e0 += ae[t];
        atomEnergy = e0;
        energy = new double[threads];
        virial = new double[6 * threads];
        scratch = new double[threads][1];
    }

    /** True if the force field has spline pairs or atom energies. */
    boolean active() { return splines.length > 0 || atomEnergy != 0; }

    /** Spline plus core energy of species ti, tj at r (eV), derivative in dEdr[0]; 0 if the pair has none. */
    double pairEnergy(int ti, int tj, double r, double[] dEdr) {
        int p = pairIndex[ti * nt + tj];
        if (p < 0) { dEdr[0] = 0; return 0; }
        return splines[p].energy(r, dEdr);
    }

    void compute(int t, int iFrom, int iTo, NeighbourList nl, double[] f) {
        final double[] x = nl.xw, sh = nl.shift;
        final int[] start = nl.start, pj = nl.pairJ, pc = nl.pairCode;
        double e = 0, vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
        final double invGrid = 1 / GRID;
        if (splines.length > 0) {
            for (int i = iFrom; i < iTo; i++) {
                final double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
                final int row = type[i] * nt;
                double fxi = 0, fyi = 0, fzi = 0;
                for (int q = start[i], qe = start[i + 1]; q < qe; q++) {
                    final int j = pj[q];
                    final int p = pairIndex[row + type[j]];
                    if (p < 0) continue;
                    final int c = 3 * pc[q];
                    final double dx = x[3 * j] + sh[c] - xi, dy = x[3 * j + 1] + sh[c + 1] - yi, dz = x[3 * j + 2] + sh[c + 2] - zi;
                    final double r2 = dx * dx + dy * dy + dz * dz;
                    if (r2 >= rCut2[p]) continue;
                    final double r = Math.sqrt(r2);
                    double en, dEdr;
                    final double rm = rMin[p];
                    if (r >= rm) {
                        final double[] b = breaks[p];
                        int s = lookup[p][(int) ((r - rm) * invGrid)];
                        while (s + 2 < b.length && r >= b[s + 1]) s++;
                        final double u = r - b[s];
                        final double[] pp = poly[p];
                        final int o = 4 * s;
                        en = pp[o] + u * (pp[o + 1] + u * (pp[o + 2] + u * pp[o + 3]));
                        dEdr = pp[o + 1] + u * (2 * pp[o + 2] + 3 * u * pp[o + 3]);
                    } else {
                        final SplinePair sp = splines[p];
                        final double[] g = scratch[t];
                        en = vMin[p] + dMin[p] * (r - rm) + sp.core(r, g);
                        dEdr = dMin[p] + g[0];
                    }
                    e += en;
                    final double fp = -dEdr / r;
                    final double fx = fp * dx, fy = fp * dy, fz = fp * dz;
                    f[3 * j] += fx; f[3 * j + 1] += fy; f[3 * j + 2] += fz;
                    fxi -= fx; fyi -= fy; fzi -= fz;
                    vxx += dx * fx; vyy += dy * fy; vzz += dz * fz;
                    vxy += dx * fy; vxz += dx * fz; vyz += dy * fz;
                }
                f[3 * i] += fxi; f[3 * i + 1] += fyi; f[3 * i + 2] += fzi;
            }
        }
        energy[t] = e + (t == 0 ? atomEnergy : 0);
        int o = 6 * t;
        virial[o] = vxx; virial[o + 1] = vyy; virial[o + 2] = vzz; virial[o + 3] = vxy; virial[o + 4] = vxz; virial[o + 5] = vyz;
    }

    /** Largest spline cut-off squared, Å². */
    double maxCutoff2() { return maxCut2; }
}
