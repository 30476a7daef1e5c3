package org.paddlewheel.forcefield;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.model.Units;

/**
 * Reciprocal-space and self parts of the Ewald sum for point charges in a triclinic cell
 * (Frenkel &amp; Smit, 2nd ed., eqs. 12.1.16–12.1.27, Gaussian units with k_e = e²/4πε0):
 * E_rec = (4π k_e / V) Σ_{k in half space} exp(−k²/4α²)/k² |S(k)|², S(k) = Σ_j q_j exp(i k·r_j);
 * E_self = −k_e α/√π Σ q²; for a charged cell the neutralising background −k_e π Q²/(2Vα²).
 * The k-vectors are k = 2π(m0 b0* + m1 b1* + m2 b2*) with |m_d| ≤ kmax_d and |k|² ≤ G²max, exactly
 * the set of LAMMPS {@code kspace_style ewald}; α and kmax come from the target accuracy by LAMMPS's
 * rules ({@link #lammpsParameters}). The integer set is fixed at construction and the vectors follow
 * the cell, so energies stay continuous under a barostat. exp(i m θ) per atom and axis are built by
 * recursion (one sin/cos per atom and axis) and stored atom-contiguous, so the inner loops of
 * {@link EwaldKernel} run over atoms: SIMD lanes with the Vector API ({@link Simd}), else scalar.
 * Units: Å, e, eV; α in 1/Å.
 */
public final class EwaldSum {
    /** α (1/Å), kmax per axis, and G²max (1/Å², including LAMMPS's 1.00001 margin). */
    public record Parameters(double alpha, int kx, int ky, int kz, double gsqmx) {}

    /**
     * α and k-space extent chosen from a relative accuracy as LAMMPS {@code kspace_style ewald}
     * (ewald.cpp, init/setup, 29 Sep 2021): accuracy = acc·k_e; α = √(−ln g)/r_c with
     * g = accuracy·√(N r_c l_x l_y l_z)/(2 q2), q2 = k_e Σq²; kmax_d the smallest k whose rms error
     * 2 q2 α / l_d · √(1/(π k N)) · exp(−π²k²/(α² l_d²)) is below accuracy; triclinic cells rescale
     * kmax by the tilts (lamda2xT). l_x, l_y, l_z, xy, xz, yz are LAMMPS's restricted-triclinic box.
     */
    public static Parameters lammpsParameters(double accuracyRelative, double cutoff, int natoms, double qsqsum, Cell cell) {
        double[] box = lammpsBox(cell.h);
        double xprd = box[0], yprd = box[1], zprd = box[2], xy = box[3], xz = box[4], yz = box[5];
        double ke = Units.COULOMB_EV_ANGSTROM;
        double accuracy = accuracyRelative * ke;
        double q2 = qsqsum * ke;
        if (q2 == 0) throw new IllegalArgumentException("Ewald sum needs charges");
        double g = accuracy * Math.sqrt(natoms * cutoff * xprd * yprd * zprd) / (2.0 * q2);
        double alpha = g >= 1.0 ? (1.35 - 0.15 * Math.log(accuracy)) / cutoff : Math.sqrt(-Math.log(g)) / cutoff;
        int kx = kmax(alpha, xprd, natoms, q2, accuracy);
        int ky = kmax(alpha, yprd, natoms, q2, accuracy);
        int kz = kmax(alpha, zprd, natoms, q2, accuracy);
        double ux = 2 * Math.PI / xprd, uy = 2 * Math.PI / yprd, uz = 2 * Math.PI / zprd;
        double gsqmx = Math.max(ux * ux * kx * kx, Math.max(uy * uy * ky * ky, uz * uz * kz * kz));
        boolean triclinic = xy != 0 || xz != 0 || yz != 0;
        if (triclinic) {
            double t0 = kx / xprd, t1 = ky / yprd, t2 = kz / zprd;
            double v0 = xprd * t0, v1 = xy * t0 + yprd * t1, v2 = xz * t0 + yz * t1 + zprd * t2;
            kx = Math.max(1, (int) v0);
            ky = Math.max(1, (int) v1);
            kz = Math.max(1, (int) v2);
        }
        return new Parameters(alpha, kx, ky, kz, gsqmx * 1.00001);
    }

    private static int kmax(double alpha, double prd, int natoms, double q2, double accuracy) {
        int k = 1;
        while (rms(k, prd, natoms, q2, alpha) > accuracy) k++;
        return k;
    }

    private static double rms(int km, double prd, int natoms, double q2, double g) {
        return 2.0 * q2 * g / prd * Math.sqrt(1.0 / (Math.PI * km * natoms)) * Math.exp(-Math.PI * Math.PI * km * km / (g * g * prd * prd));
    }

    /** LAMMPS box of a cell: lx, ly, lz, xy, xz, yz (Å), from lengths and angles (rotation invariant). */
    public static double[] lammpsBox(double[] h) {
        double ax = h[0], ay = h[1], az = h[2], bx = h[3], by = h[4], bz = h[5], cx = h[6], cy = h[7], cz = h[8];
        double a = Math.sqrt(ax * ax + ay * ay + az * az);
        double lx = a;
        double xy = (bx * ax + by * ay + bz * az) / a;
        double b2 = bx * bx + by * by + bz * bz;
        double ly = Math.sqrt(b2 - xy * xy);
        double xz = (cx * ax + cy * ay + cz * az) / a;
        double bc = bx * cx + by * cy + bz * cz;
        double yz = (bc - xy * xz) / ly;
        double c2 = cx * cx + cy * cy + cz * cz;
        double lz = Math.sqrt(c2 - xz * xz - yz * yz);
        if (Math.abs(xy) < 1e-12 * lx) xy = 0;
        if (Math.abs(xz) < 1e-12 * lx) xz = 0;
        if (Math.abs(yz) < 1e-12 * lx) yz = 0;
        return new double[] {lx, ly, lz, xy, xz, yz};
    }

    private final Parameters p;
    final int n;
    final double[] q;
    final int kx, ky, kz;
    // groups of k-vectors with the same (m0, m1) and m2 in [lo, hi]; k index of m2 = lo is gstart
    final int[] gm0, gm1, glo, ghi, gstart;
    final int nk;
    private final int[] km0, km1, km2;
    final double[] kvec, twoRe, twoIm;
    private final double[] pref;
    private final double[] sRe, sIm; // [thread][k] flattened
    // exp(i m θ_d) per axis, atom-contiguous: e0[m·n + i] (m = 0..kx), e1[(m + ky)·n + i], e2[(m + kz)·n + i]
    final double[] e0r, e0i, e1r, e1i, e2r, e2i;
    final double[] zr, zi, fx, fy, fz; // per-atom scratch (threads use disjoint atom ranges)
    private final EwaldKernel kernel;
    private final int threads;
    private double energyRec;

    public EwaldSum(Parameters p, double[] charges, Cell cell, int threads) {
        this.p = p;
        this.n = charges.length;
        this.q = charges.clone();
        this.threads = threads;
        this.kx = p.kx(); this.ky = p.ky(); this.kz = p.kz();
        List<int[]> groups = new ArrayList<>();
        List<int[]> ks = new ArrayList<>();
        double[] hi = cell.hInv;
        for (int a = 0; a <= kx; a++) {
            for (int b = (a == 0 ? 0 : -ky); b <= ky; b++) {
                int lo = Integer.MAX_VALUE, hiM = Integer.MIN_VALUE, first = ks.size();
                for (int c = (a == 0 && b == 0 ? 1 : -kz); c <= kz; c++) {
                    double gx = 2 * Math.PI * (a * hi[0] + b * hi[1] + c * hi[2]);
                    double gy = 2 * Math.PI * (a * hi[3] + b * hi[4] + c * hi[5]);
                    double gz = 2 * Math.PI * (a * hi[6] + b * hi[7] + c * hi[8]);
                    double k2 = gx * gx + gy * gy + gz * gz;
                    if (k2 > p.gsqmx()) continue;
                    if (c != hiM + 1 && hiM != Integer.MIN_VALUE) {
                        groups.add(new int[] {a, b, lo, hiM, first});
                        first = ks.size();
                        lo = Integer.MAX_VALUE;
                    }
                    lo = Math.min(lo, c);
                    hiM = c;
                    ks.add(new int[] {a, b, c});
                }
                if (hiM != Integer.MIN_VALUE) groups.add(new int[] {a, b, lo, hiM, first});
            }
        }
        int ng = groups.size();
        gm0 = new int[ng]; gm1 = new int[ng]; glo = new int[ng]; ghi = new int[ng]; gstart = new int[ng];
        for (int g = 0; g < ng; g++) {
            int[] t = groups.get(g);
            gm0[g] = t[0]; gm1[g] = t[1]; glo[g] = t[2]; ghi[g] = t[3]; gstart[g] = t[4];
        }
        nk = ks.size();
        km0 = new int[nk]; km1 = new int[nk]; km2 = new int[nk];
        for (int k = 0; k < nk; k++) { km0[k] = ks.get(k)[0]; km1[k] = ks.get(k)[1]; km2[k] = ks.get(k)[2]; }
        kvec = new double[3 * nk]; pref = new double[nk]; twoRe = new double[nk]; twoIm = new double[nk];
        sRe = new double[threads * nk]; sIm = new double[threads * nk];
        e0r = new double[n * (kx + 1)]; e0i = new double[n * (kx + 1)];
        e1r = new double[n * (2 * ky + 1)]; e1i = new double[n * (2 * ky + 1)];
        e2r = new double[n * (2 * kz + 1)]; e2i = new double[n * (2 * kz + 1)];
        zr = new double[n]; zi = new double[n]; fx = new double[n]; fy = new double[n]; fz = new double[n];
        kernel = Simd.ewaldKernel();
    }

    public Parameters parameters() { return p; }

    /** Number of k-vectors in the half space. */
    public int kVectorCount() { return nk; }

    /** Self energy −k_e α/√π Σq² plus the neutralising background, eV. */
    public double selfEnergy(double volume) {
        double ke = Units.COULOMB_EV_ANGSTROM, a = p.alpha();
        double q2 = 0, qs = 0;
        for (double c : q) { q2 += c * c; qs += c; }
        return -ke * a / Math.sqrt(Math.PI) * q2 - ke * Math.PI * qs * qs / (2 * volume * a * a);
    }

    /** Virial of the background term (diagonal, eV): W = E_bg δ. */
    public double backgroundVirial(double volume) {
        double qs = 0;
        for (double c : q) qs += c;
        return -Units.COULOMB_EV_ANGSTROM * Math.PI * qs * qs / (2 * volume * p.alpha() * p.alpha());
    }

    /** Updates k-vectors and prefactors for the cell. */
    public void setCell(Cell cell) {
        double[] hi = cell.hInv;
        double a2inv = 0.25 / (p.alpha() * p.alpha());
        double c = 4 * Math.PI * Units.COULOMB_EV_ANGSTROM / cell.volume();
        for (int k = 0; k < nk; k++) {
            int a = km0[k], b = km1[k], m = km2[k];
            double gx = 2 * Math.PI * (a * hi[0] + b * hi[1] + m * hi[2]);
            double gy = 2 * Math.PI * (a * hi[3] + b * hi[4] + m * hi[5]);
            double gz = 2 * Math.PI * (a * hi[6] + b * hi[7] + m * hi[8]);
            double k2 = gx * gx + gy * gy + gz * gz;
            kvec[3 * k] = gx; kvec[3 * k + 1] = gy; kvec[3 * k + 2] = gz;
            pref[k] = c * Math.exp(-k2 * a2inv) / k2;
        }
    }

    /** Phase 1 for atoms [from, to): per-atom exp(imθ) tables and this thread's share of S(k). */
    public void structureFactor(int thread, int from, int to, double[] x, Cell cell) {
        for (int i = from; i < to; i++) {
            double px = x[3 * i], py = x[3 * i + 1], pz = x[3 * i + 2];
            fill(e0r, e0i, i, kx, 2 * Math.PI * cell.fractional(px, py, pz, 0), false);
            fill(e1r, e1i, i + ky * n, ky, 2 * Math.PI * cell.fractional(px, py, pz, 1), true);
            fill(e2r, e2i, i + kz * n, kz, 2 * Math.PI * cell.fractional(px, py, pz, 2), true);
        }
        kernel.structureFactor(this, from, to, sRe, sIm, thread * nk);
    }

    /** Fills re/im[base + m·n] = exp(i m θ) for |m| ≤ kmax (m ≥ 0 only unless {@code negative}), by recursion. */
    private void fill(double[] re, double[] im, int base, int kmax, double theta, boolean negative) {
        double c = Math.cos(theta), s = Math.sin(theta);
        re[base] = 1; im[base] = 0;
        double cr = 1, ci = 0;
        for (int m = 1; m <= kmax; m++) {
            double nr = cr * c - ci * s, ni = cr * s + ci * c;
            cr = nr; ci = ni;
            re[base + m * n] = cr; im[base + m * n] = ci;
            if (negative) { re[base - m * n] = cr; im[base - m * n] = -ci; }
        }
    }

    /** Phase 2 (one thread): sums the thread shares of S(k); returns E_rec (eV) and fills the virial (xx yy zz xy xz yz, eV). */
    public double reduce(double[] virial6) {
        double e = 0;
        double a2inv = 0.25 / (p.alpha() * p.alpha());
        double vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
        for (int k = 0; k < nk; k++) {
            double re = 0, im = 0;
            for (int t = 0; t < threads; t++) { re += sRe[t * nk + k]; im += sIm[t * nk + k]; }
            twoRe[k] = 2 * pref[k] * re;
            twoIm[k] = 2 * pref[k] * im;
            double ek = pref[k] * (re * re + im * im);
            e += ek;
            double gx = kvec[3 * k], gy = kvec[3 * k + 1], gz = kvec[3 * k + 2];
            double k2 = gx * gx + gy * gy + gz * gz;
            double f = 2 * ek * (1 / k2 + a2inv);
            vxx += ek - f * gx * gx; vyy += ek - f * gy * gy; vzz += ek - f * gz * gz;
            vxy -= f * gx * gy; vxz -= f * gx * gz; vyz -= f * gy * gz;
        }
        virial6[0] = vxx; virial6[1] = vyy; virial6[2] = vzz; virial6[3] = vxy; virial6[4] = vxz; virial6[5] = vyz;
        energyRec = e;
        return e;
    }

    /** zr/zi[i] = (q_i ·) exp(i(m0 θ0 + m1 θ1)) of group g for atoms [from, to). */
    void groupFactor(int g, int from, int to, boolean withCharge) {
        int a = gm0[g] * n, b = (gm1[g] + ky) * n;
        for (int i = from; i < to; i++) {
            double ar = e0r[a + i], ai = e0i[a + i], br = e1r[b + i], bi = e1i[b + i];
            double w = withCharge ? q[i] : 1;
            zr[i] = w * (ar * br - ai * bi);
            zi[i] = w * (ar * bi + ai * br);
        }
    }

    /** Phase 3 for atoms [from, to): adds reciprocal-space forces (eV/Å) into f. */
    public void forces(int from, int to, double[] f) {
        kernel.forces(this, from, to, f);
    }

    /** E_rec of the last {@link #reduce}, eV. */
    public double lastEnergy() { return energyRec; }
}
