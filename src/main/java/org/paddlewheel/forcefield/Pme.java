package org.paddlewheel.forcefield;

import org.paddlewheel.model.Units;
import org.paddlewheel.numerics.Fft3d;

/**
 * Smooth particle-mesh Ewald (Essmann, Perera, Berkowitz, Darden, Lee, Pedersen, J. Chem. Phys. 103,
 * 8577 (1995)): the reciprocal-space part of the Ewald sum of point charges with cardinal B-splines
 * of even order p on a K1 × K2 × K3 mesh (powers of two), any triclinic cell. Energy (eV), forces
 * (eV/Å) and the virial W_αβ = −∂E/∂ε_αβ (eV), which for this energy is exactly
 * Σ_m E(m) [δ_αβ − 2 (1 + π² m²/β²) m_α m_β / m²] (eq. 2.x of Essmann et al.; strain leaves the
 * fractional coordinates, hence the mesh charges, unchanged). E_rec = (k_e/2πV) Σ_{m≠0}
 * exp(−π² m²/β²)/m² B(m) |F(Q)(m)|², with β the Ewald splitting parameter (Å⁻¹, the α of
 * {@link EwaldSum}) and k_e = e²/4πε₀ in eV·Å. The real-space and self terms are those of the Ewald
 * sum and are not computed here. Not thread-safe.
 */
public final class Pme {
    private final int order, k1, k2, k3;
    private final double beta;
    private final double[] q;
    private final double[] bsq1, bsq2, bsq3;   // |b(m)|² per axis
    private final double[] gre, gim;           // mesh
    private final Fft3d fft;
    private final double[] th, dth;            // per atom: order weights and derivatives per axis
    private final int[] base;                  // per atom: first mesh index per axis

    /**
     * @param order  B-spline order (4, 6 or 8)
     * @param mesh   K1, K2, K3 (powers of two, each ≥ order)
     * @param beta   Ewald splitting parameter, Å⁻¹
     * @param charges per-atom charges, e
     */
    public Pme(int order, int[] mesh, double beta, double[] charges) {
        if (order < 4 || order > 8 || order % 2 != 0) throw new IllegalArgumentException("PME order must be 4, 6 or 8, got " + order);
        for (int k : mesh) {
            if (k < order || Integer.bitCount(k) != 1) throw new IllegalArgumentException("PME mesh sizes must be powers of two ≥ the order, got " + k);
        }
        this.order = order;
        this.k1 = mesh[0];
        this.k2 = mesh[1];
        this.k3 = mesh[2];
        this.beta = beta;
        this.q = charges.clone();
        bsq1 = moduli(k1, order);
        bsq2 = moduli(k2, order);
        bsq3 = moduli(k3, order);
        gre = new double[k1 * k2 * k3];
        gim = new double[k1 * k2 * k3];
        fft = new Fft3d(k1, k2, k3);
        th = new double[3 * order * charges.length];
        dth = new double[3 * order * charges.length];
        base = new int[3 * charges.length];
    }

    public int[] mesh() { return new int[] {k1, k2, k3}; }

    public int order() { return order; }

    /** |b(m)|² of Essmann et al. eq. 4.4 for m = 0..K−1 (even orders never vanish). */
    static double[] moduli(int k, int p) {
        double[] mk = new double[p];
        double[] d = new double[p];
        splines(0.0, p, mk, d); // mk[j] = M_p(j) for j = 0..p-1; M_p(0) = 0
        double[] out = new double[k];
        for (int m = 0; m < k; m++) {
            double sr = 0, si = 0;
            for (int j = 0; j < p - 1; j++) { // Σ_{j=0}^{p−2} M_p(j+1) e^{2πimj/K}
                double a = 2 * Math.PI * m * j / k;
                double w = j + 1 < p ? mk[j + 1] : 0;
                sr += w * Math.cos(a);
                si += w * Math.sin(a);
            }
            out[m] = 1.0 / (sr * sr + si * si);
        }
        return out;
    }

    /**
     * Cardinal B-spline weights: m[j] = M_p(w + j) and d[j] = dM_p/dx at w + j for j = 0..p−1, with
     * w ∈ [0, 1) (M_2(x) = 1 − |x − 1| on [0, 2]; M_n(x) = [x M_{n−1}(x) + (n − x) M_{n−1}(x − 1)]/(n − 1);
     * M_n' (x) = M_{n−1}(x) − M_{n−1}(x − 1)).
     */
    static void splines(double w, int p, double[] m, double[] d) {
        double[] v = new double[p + 1];
        v[0] = w;
        v[1] = 1 - w;
        for (int n = 3; n <= p; n++) {
            if (n == p) {
                for (int j = 0; j < p; j++) d[j] = (j < n - 1 ? v[j] : 0) - (j > 0 ? v[j - 1] : 0);
            }
            double[] nv = new double[p + 1];
            for (int j = 0; j < n; j++) {
                double x = w + j;
                double a = j < n - 1 ? v[j] : 0, b = j > 0 ? v[j - 1] : 0;
                nv[j] = (x * a + (n - x) * b) / (n - 1);
            }
            v = nv;
        }
        System.arraycopy(v, 0, m, 0, p);
    }

    /**
     * Reciprocal-space energy for positions {@code x} (3N, Å) in {@code cell}; adds forces to
     * {@code f} (3N, eV/Å) and the virial to {@code virial6} (xx, yy, zz, xy, xz, yz; eV) when they
     * are not null.
     */
    public double compute(double[] x, Cell cell, double[] f, double[] virial6) {
        int n = q.length, p = order;
        int[] kk = {k1, k2, k3};
        double[] hi = cell.hInv;
        java.util.Arrays.fill(gre, 0);
        java.util.Arrays.fill(gim, 0);
        double[] mw = new double[p], dw = new double[p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                // s_a = Σ_c r_c Hinv[c][a]; u = K s (wrapped into [0, K)).
                double s = x[3 * i] * hi[a] + x[3 * i + 1] * hi[3 + a] + x[3 * i + 2] * hi[6 + a];
                double u = (s - Math.floor(s)) * kk[a];
                int fl = (int) Math.floor(u);
                double w = u - fl;
                splines(w, p, mw, dw);
                base[3 * i + a] = fl;
                System.arraycopy(mw, 0, th, (3 * i + a) * p, p);
                System.arraycopy(dw, 0, dth, (3 * i + a) * p, p);
            }
            spread(i);
        }
        fft.forward(gre, gim);
        double vol = cell.volume(), pref = Units.COULOMB_EV_ANGSTROM / (2 * Math.PI * vol);
        double pib2 = Math.PI * Math.PI / (beta * beta);
        double energy = 0;
        double vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
        for (int a = 0; a < k1; a++) {
            int ma = a <= k1 / 2 ? a : a - k1;
            for (int b = 0; b < k2; b++) {
                int mb = b <= k2 / 2 ? b : b - k2;
                for (int c = 0; c < k3; c++) {
                    int idx = (a * k2 + b) * k3 + c;
                    int mc = c <= k3 / 2 ? c : c - k3;
                    if (ma == 0 && mb == 0 && mc == 0) { gre[idx] = 0; gim[idx] = 0; continue; }
                    // Cartesian m = Σ m_α a*_α with a*_α the columns of Hinv.
                    double mx = ma * hi[0] + mb * hi[1] + mc * hi[2];
                    double my = ma * hi[3] + mb * hi[4] + mc * hi[5];
                    double mz = ma * hi[6] + mb * hi[7] + mc * hi[8];
                    double m2 = mx * mx + my * my + mz * mz;
                    double cm = pref * Math.exp(-pib2 * m2) / m2 * bsq1[a] * bsq2[b] * bsq3[c];
                    double s2 = gre[idx] * gre[idx] + gim[idx] * gim[idx];
                    double em = cm * s2;
                    energy += em;
                    double g = 2 * (1 + pib2 * m2) / m2;
                    vxx += em * (1 - g * mx * mx);
                    vyy += em * (1 - g * my * my);
                    vzz += em * (1 - g * mz * mz);
                    vxy -= em * g * mx * my;
                    vxz -= em * g * mx * mz;
                    vyz -= em * g * my * mz;
                    gre[idx] *= 2 * cm;
                    gim[idx] *= 2 * cm;
                }
            }
        }
        // E = ½ Σ_m C(m)|F(Q)|² with C = 2 cm: the loop summed cm |F(Q)|² = E. ∂E/∂Q(k) = φ(k) below.
        if (virial6 != null) {
            virial6[0] += vxx; virial6[1] += vyy; virial6[2] += vzz; virial6[3] += vxy; virial6[4] += vxz; virial6[5] += vyz;
        }
        if (f != null) {
            fft.inverse(gre, gim);
            for (int i = 0; i < n; i++) gather(i, kk, hi, f);
        }
        return energy;
    }

    private void spread(int i) {
        int p = order;
        int o1 = (3 * i) * p, o2 = (3 * i + 1) * p, o3 = (3 * i + 2) * p;
        int b1 = base[3 * i], b2 = base[3 * i + 1], b3 = base[3 * i + 2];
        for (int j1 = 0; j1 < p; j1++) {
            int g1 = Math.floorMod(b1 - j1, k1);
            double w1 = q[i] * th[o1 + j1];
            for (int j2 = 0; j2 < p; j2++) {
                int g2 = Math.floorMod(b2 - j2, k2);
                double w12 = w1 * th[o2 + j2];
                int row = (g1 * k2 + g2) * k3;
                for (int j3 = 0; j3 < p; j3++) gre[row + Math.floorMod(b3 - j3, k3)] += w12 * th[o3 + j3];
            }
        }
    }

    /** F_i = −Σ_k φ(k) ∂Q(k)/∂r_i with ∂u_α/∂r_γ = K_α Hinv[γ][α]. */
    private void gather(int i, int[] kk, double[] hi, double[] f) {
        int p = order;
        int o1 = (3 * i) * p, o2 = (3 * i + 1) * p, o3 = (3 * i + 2) * p;
        int b1 = base[3 * i], b2 = base[3 * i + 1], b3 = base[3 * i + 2];
        double d1 = 0, d2 = 0, d3 = 0;
        for (int j1 = 0; j1 < p; j1++) {
            int g1 = Math.floorMod(b1 - j1, k1);
            for (int j2 = 0; j2 < p; j2++) {
                int g2 = Math.floorMod(b2 - j2, k2);
                int row = (g1 * k2 + g2) * k3;
                for (int j3 = 0; j3 < p; j3++) {
                    double phi = gre[row + Math.floorMod(b3 - j3, k3)];
                    d1 += phi * dth[o1 + j1] * th[o2 + j2] * th[o3 + j3];
                    d2 += phi * th[o1 + j1] * dth[o2 + j2] * th[o3 + j3];
                    d3 += phi * th[o1 + j1] * th[o2 + j2] * dth[o3 + j3];
                }
            }
        }
        // ∂E/∂u_α = q_i d_α (φ already carries the factor C = 2 cm and the inverse transform).
        double e1 = q[i] * d1 * kk[0], e2 = q[i] * d2 * kk[1], e3 = q[i] * d3 * kk[2];
        for (int c = 0; c < 3; c++) f[3 * i + c] -= hi[3 * c] * e1 + hi[3 * c + 1] * e2 + hi[3 * c + 2] * e3;
    }
}
