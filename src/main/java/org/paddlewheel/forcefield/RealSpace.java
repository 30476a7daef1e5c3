package org.paddlewheel.forcefield;

import org.paddlewheel.model.Units;

/**
 * The real-space pair loop over a {@link NeighbourList}: short-range pair terms
 * E = A·exp(−r/ρ) − C6/r⁶ + D8/r⁸ + C12/r¹² (LAMMPS {@code buck}, {@code born} D-term,
 * {@code lj/cut}) and the real-space Ewald term k_e q_i q_j erfc(αr)/r, both truncated at the cut-off
 * without shifting (as LAMMPS {@code buck/coul/long}). Each thread handles a range of i and writes
 * forces (eV/Å), energies (eV) and virial W_ab = Σ r_ij,a F_j,b (eV) into its own buffers.
 */
final class RealSpace {
    /** A pair-loop implementation for the SIMD path; null means the scalar loop here. */
    interface PairKernel {
        void listRebuilt(NeighbourList nl, int[] type, int nt, int n);

        void compute(RealSpace rs, int t, int iFrom, int iTo, NeighbourList nl, double[] f);
    }

    final int nt;
    final int[] type;
    final double[] qke;
    final double[] a, invRho, c6, d8, c12, offset;
    private final boolean higher;
    private final PairKernel kernel;
    private final boolean pair, coulomb;
    private final double rc2;
    private final double[] erfc;
    private final double invH;
    private final double tableMax;
    private final ErfcTable table;
    final double[] ePair, eCoul, virial;
    /** Per-thread partial sums handed from the SIMD part to the scalar remainder. */
    final double[][] scratch;

    RealSpace(Topology top, double cutoff, ErfcTable table, boolean pair, boolean coulomb, int threads) {
        ForceField ff = top.forceField;
        this.nt = ff.species().size();
        this.type = top.type;
        this.qke = new double[top.size()];
        double ke = Units.COULOMB_EV_ANGSTROM;
        for (int i = 0; i < qke.length; i++) qke[i] = top.charge[i] * Math.sqrt(ke);
        a = new double[nt * nt]; invRho = new double[nt * nt]; c6 = new double[nt * nt]; d8 = new double[nt * nt]; c12 = new double[nt * nt];
        offset = new double[nt * nt];
        for (ForceField.PairTerm p : ff.pairs()) {
            for (int[] ij : new int[][] {{p.a(), p.b()}, {p.b(), p.a()}}) {
                int k = ij[0] * nt + ij[1];
                a[k] = p.aEv(); invRho[k] = 1 / p.rhoAngstrom(); c6[k] = p.c6(); d8[k] = p.d8(); c12[k] = p.c12();
            }
        }
        if (ff.pairShift()) {
            double[] tmp = new double[1];
            for (int k = 0; k < nt * nt; k++) offset[k] = raw(k, cutoff, tmp);
        }
        this.pair = pair;
        this.coulomb = coulomb && table != null;
        this.rc2 = cutoff * cutoff;
        this.table = table;
        this.erfc = table == null ? new double[4] : table.coefficients();
        this.invH = table == null ? 1 : table.inverseSpacing();
        this.tableMax = table == null ? 0 : table.maxRadius();
        if (table != null && tableMax < cutoff) throw new IllegalArgumentException("erfc table shorter than cut-off");
        boolean h = false;
        for (int k = 0; k < nt * nt; k++) h |= d8[k] != 0 || c12[k] != 0 || offset[k] != 0;
        this.higher = h;
        this.kernel = Simd.pairKernel();
        scratch = new double[threads][8];
        ePair = new double[threads];
        eCoul = new double[threads];
        virial = new double[6 * threads];
    }

    /** Short-range pair energy of species ti, tj at distance r (eV), for intramolecular weighted pairs. */
    double pairEnergy(int ti, int tj, double r, double[] dEdrOut) {
        int k = ti * nt + tj;
        return raw(k, r, dEdrOut) - offset[k];
    }

    private double raw(int k, double r, double[] dEdrOut) {
        double rinv = 1 / r, r2i = rinv * rinv, r6i = r2i * r2i * r2i;
        double ex = a[k] == 0 ? 0 : a[k] * Math.exp(-r * invRho[k]);
        double e = ex - c6[k] * r6i + d8[k] * r6i * r2i + c12[k] * r6i * r6i;
        dEdrOut[0] = (-ex * invRho[k] + (6 * c6[k] * r6i - 8 * d8[k] * r6i * r2i - 12 * c12[k] * r6i * r6i) * rinv);
        return e;
    }

    double[] erfcCoefficients() { return erfc; }

    /** Ewald splitting parameter α (1/Å); 0 without Coulomb. */
    double alpha() { return table == null ? 0 : table.alpha(); }

    boolean doPair() { return pair; }

    boolean doCoulomb() { return coulomb; }

    double invH() { return invH; }

    double rc2() { return rc2; }

    /** True if some pair has a D8, C12 or shift term (the SIMD loop skips them otherwise). */
    boolean hasHigherTerms() { return higher; }

    /** Tells the SIMD kernel that the list was rebuilt. */
    void listRebuilt(NeighbourList nl) {
        if (kernel != null) kernel.listRebuilt(nl, type, nt, qke.length);
    }

    void compute(int t, int iFrom, int iTo, NeighbourList nl, double[] f) {
        if (kernel != null) kernel.compute(this, t, iFrom, iTo, nl, f);
        else {
            java.util.Arrays.fill(scratch[t], 0);
            scalarPairs(t, iFrom, iTo, 0, nl, f, scratch[t]);
        }
    }

    /**
     * Scalar loop over the pairs of atoms [iFrom, iTo) with pair index ≥ pFrom; adds acc (pair and
     * Coulomb energy, virial xx yy zz xy xz yz, from a SIMD part) and stores this thread's sums.
     */
    void scalarPairs(int t, int iFrom, int iTo, int pFrom, NeighbourList nl, double[] f, double[] acc) {
        final double[] x = nl.xw, sh = nl.shift;
        final int[] start = nl.start, pj = nl.pairJ, pc = nl.pairCode;
        final boolean doPair = pair, doCoul = coulomb;
        final double[] ec = erfc;
        final double ih = invH;
        double ep = acc[0], eq = acc[1], vxx = acc[2], vyy = acc[3], vzz = acc[4], vxy = acc[5], vxz = acc[6], vyz = acc[7];
        for (int i = iFrom; i < iTo; i++) {
            if (nl.start[i + 1] <= pFrom) continue;
            final double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            final double qi = qke[i];
            final int row = type[i] * nt;
            double fxi = 0, fyi = 0, fzi = 0;
            for (int p = Math.max(start[i], pFrom), pe = start[i + 1]; p < pe; p++) {
                final int j = pj[p], c = 3 * pc[p];
                final double dx = x[3 * j] + sh[c] - xi, dy = x[3 * j + 1] + sh[c + 1] - yi, dz = x[3 * j + 2] + sh[c + 2] - zi;
                final double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= rc2) continue;
                final double r = Math.sqrt(r2), rinv = 1 / r;
                double dEdr = 0;
                if (doCoul) {
                    final double qq = qi * qke[j];
                    final double tt = r * ih;
                    final int k = (int) tt;
                    final double u = tt - k;
                    final int o = 4 * k;
                    final double e = ec[o] + u * (ec[o + 1] + u * (ec[o + 2] + u * ec[o + 3]));
                    final double de = (ec[o + 1] + u * (2 * ec[o + 2] + 3 * u * ec[o + 3])) * ih;
                    final double qr = qq * rinv;
                    eq += qr * e;
                    dEdr += qr * (de - e * rinv);
                }
                if (doPair) {
                    final int k = row + type[j];
                    final double ak = a[k];
                    final double r2i = rinv * rinv, r6i = r2i * r2i * r2i;
                    final double ex = ak == 0 ? 0 : ak * Math.exp(-r * invRho[k]);
                    final double c6k = c6[k], d8k = d8[k], c12k = c12[k];
                    ep += ex - c6k * r6i + d8k * r6i * r2i + c12k * r6i * r6i - offset[k];
                    dEdr += -ex * invRho[k] + (6 * c6k * r6i - 8 * d8k * r6i * r2i - 12 * c12k * r6i * r6i) * rinv;
                }
                final double fp = -dEdr * rinv;
                final double fx = fp * dx, fy = fp * dy, fz = fp * dz;
                f[3 * j] += fx; f[3 * j + 1] += fy; f[3 * j + 2] += fz;
                fxi -= fx; fyi -= fy; fzi -= fz;
                vxx += dx * fx; vyy += dy * fy; vzz += dz * fz;
                vxy += dx * fy; vxz += dx * fz; vyz += dy * fz;
            }
            f[3 * i] += fxi; f[3 * i + 1] += fyi; f[3 * i + 2] += fzi;
        }
        ePair[t] = ep;
        eCoul[t] = eq;
        int o = 6 * t;
        virial[o] = vxx; virial[o + 1] = vyy; virial[o + 2] = vzz; virial[o + 3] = vxy; virial[o + 4] = vxz; virial[o + 5] = vyz;
    }
}
