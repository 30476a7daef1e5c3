package org.paddlewheel.forcefield;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_3D;
import org.jtransforms.utils.CommonUtils;
import org.paddlewheel.model.Units;
import org.visnow.jlargearrays.ConcurrencyUtils;

/**
 * Smooth particle-mesh Ewald (Essmann, Perera, Berkowitz, Darden, Lee, Pedersen, J. Chem. Phys. 103,
 * 8577 (1995)): the reciprocal-space part of the Ewald sum of point charges with cardinal B-splines
 * of even order p on a K1 × K2 × K3 mesh (any sizes; 2^a 3^b 5^c transform fastest), any triclinic
 * cell. Energy (eV), forces (eV/Å) and the virial W_αβ = −∂E/∂ε_αβ (eV), which for this energy is
 * exactly Σ_m E(m) [δ_αβ − 2 (1 + π² m²/β²) m_α m_β / m²] (Essmann et al. eq. 2.8 and its strain
 * derivative; strain leaves the fractional coordinates, hence the mesh charges, unchanged).
 * E_rec = (k_e/2πV) Σ_{m≠0} exp(−π² m²/β²)/m² B(m) |F(Q)(m)|², with β the Ewald splitting parameter
 * (Å⁻¹, the α of {@link EwaldSum}) and k_e = e²/4πε₀ in eV·Å. The real-space and self terms are
 * those of the Ewald sum and are not computed here.
 *
 * <p>Every step of a {@link #compute} splits over the threads of the given {@link WorkerPool}:
 * spreading (each thread into its own mesh, summed afterwards, so no two threads write one cell),
 * the sum over mesh points, and the force gather (atoms split by index); the 3-D FFTs are
 * JTransforms' (multi-threaded above a size). The influence function exp(−π²m²/β²) B(m)/m² is kept
 * while the cell does not change. One caller at a time.
 */
public final class Pme {
    private final int order, k1, k2, k3, kTot, n, threads;
    private final double beta;
    private final double[] q;
    private final double[] bsq1, bsq2, bsq3;   // |b(m)|² per axis
    private final double[] grid;               // interleaved complex mesh (re, im); or, with r2c, the packed real-FFT mesh
    /** Power-of-two mesh: JTransforms' real-to-complex transform (half the work of the complex one). */
    private final boolean r2c;
    /** r2c only: which frequency each packed slot holds ({@link PackedRealSpectrum}). */
    private final PackedRealSpectrum packed;
    private final short[] slotM1, slotM2, slotM3;
    private final byte[] slotW;
    /**
     * r2c only: C(m) and C(m̃), m̃ = m with every Nyquist index K/2 negated. On a Nyquist plane the
     * two members of a conjugate pair are aliases whose Cartesian wave vectors differ in a skewed
     * cell (and whose m_α m_β differ in sign in any cell); the complex transform gives each its own
     * C, and as its output's real part is what is used, that equals taking the mean of the two for
     * both, which is what the packed slots use (energy, forces and virial then equal the complex path's).
     */
    private final double[] infM, infT;
    private final double[][] rho;              // per-thread real spreading meshes
    private final DoubleFFT_3D fft;
    private final double[] th, dth;            // per atom and axis: order weights and derivatives
    private final int[] idx;                   // per atom and axis: wrapped mesh offsets (already × stride)
    private final double[] influence;          // per mesh point, for the cell in hCached
    private final double[] hCached = new double[9];
    private final WorkerPool pool;
    private final double[] eT, vT;             // per-thread energy and virial
    private final int[] atomSplit, meshSplit, planeSplit;
    // Per-call arguments read by the phases.
    private double[] x, f, hi;
    private boolean wantVirial;
    private final java.util.function.IntConsumer spreadPhase = this::spreadPhase, reducePhase = this::reducePhase,
            convolvePhase = this::convolvePhase, gatherPhase = this::gatherPhase;

    /**
     * @param order  B-spline order (4, 6 or 8)
     * @param mesh   K1, K2, K3 (each ≥ order)
     * @param beta   Ewald splitting parameter, Å⁻¹
     * @param charges per-atom charges, e
     */
    public Pme(int order, int[] mesh, double beta, double[] charges) { this(order, mesh, beta, charges, null); }

    /** As {@link #Pme(int, int[], double, double[])}, splitting the work over {@code pool}'s threads (null: one). */
    public Pme(int order, int[] mesh, double beta, double[] charges, WorkerPool pool) { this(order, mesh, beta, charges, pool, true); }

    /** As above; {@code allowRealTransform = false} keeps the complex transform on power-of-two meshes (tests compare the two). */
    Pme(int order, int[] mesh, double beta, double[] charges, WorkerPool pool, boolean allowRealTransform) {
        if (order < 4 || order > 8 || order % 2 != 0) throw new IllegalArgumentException("PME order must be 4, 6 or 8, got " + order);
        for (int k : mesh) {
            if (k < order) throw new IllegalArgumentException("PME mesh sizes must be ≥ the order " + order + ", got " + k);
        }
        this.order = order;
        this.k1 = mesh[0];
        this.k2 = mesh[1];
        this.k3 = mesh[2];
        this.kTot = k1 * k2 * k3;
        this.beta = beta;
        this.q = charges.clone();
        this.n = charges.length;
        this.pool = pool;
        this.threads = pool == null ? 1 : pool.threads();
        bsq1 = moduli(k1, order);
        bsq2 = moduli(k2, order);
        bsq3 = moduli(k3, order);
        r2c = allowRealTransform && pow2(k1) && pow2(k2) && pow2(k3) && k1 >= 2 && k2 >= 2 && k3 >= 4;
        grid = new double[r2c ? kTot : 2 * kTot];
        packed = r2c ? new PackedRealSpectrum(k1, k2, k3) : null;
        slotM1 = r2c ? packed.m1 : null;
        slotM2 = r2c ? packed.m2 : null;
        slotM3 = r2c ? packed.m3 : null;
        slotW = r2c ? packed.weight : null;
        infM = r2c ? new double[kTot] : null;
        infT = r2c ? new double[kTot] : null;
        rho = new double[threads][kTot];
        influence = new double[kTot];
        hCached[0] = Double.NaN;
        fft = new DoubleFFT_3D(k1, k2, k3);
        th = new double[3 * order * n];
        dth = new double[3 * order * n];
        idx = new int[3 * order * n];
        eT = new double[threads];
        vacc = new double[threads][6];
        netT = new double[3 * threads];
        vT = new double[6 * threads];
        atomSplit = split(n, threads);
        meshSplit = split(kTot, threads);
        planeSplit = split(k1, threads);
    }

    private static boolean pow2(int m) { return m > 0 && (m & (m - 1)) == 0; }

    private static int[] split(int m, int t) {
        int[] s = new int[t + 1];
        for (int i = 0; i <= t; i++) s[i] = (int) ((long) m * i / t);
        return s;
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
                double w = mk[j + 1];
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
    static void splines(double w, int p, double[] m, double[] d) { splines(w, p, m, 0, d, 0); }

    /** {@link #splines(double, int, double[], double[])} into m[off..off+p) and d[off..off+p), in place. */
    static void splines(double w, int p, double[] m, int off, double[] d, int doff) {
        m[off] = w;
        m[off + 1] = 1 - w;
        for (int j = 2; j < p; j++) m[off + j] = 0;
        for (int nn = 3; nn <= p; nn++) {
            if (nn == p) {
                d[doff] = m[off];
                for (int j = 1; j < p; j++) d[doff + j] = m[off + j] - m[off + j - 1];
            }
            // Downwards, so m[j − 1] still holds order nn − 1 when m[j] is updated (m[nn−1] is 0 there).
            double inv = 1.0 / (nn - 1);
            for (int j = nn - 1; j > 0; j--) m[off + j] = ((w + j) * m[off + j] + (nn - w - j) * m[off + j - 1]) * inv;
            m[off] = w * m[off] * inv;
        }
    }

    /**
     * Reciprocal-space energy for positions {@code x} (3N, Å) in {@code cell}; adds forces to
     * {@code f} (3N, eV/Å) and the virial to {@code virial6} (xx, yy, zz, xy, xz, yz; eV) when they
     * are not null.
     */
    public double compute(double[] x, Cell cell, double[] f, double[] virial6) {
        double energy = spreadAndConvolve(x, cell, virial6);
        if (f != null) {
            if (r2c) fft.realInverse(grid, false); else fft.complexInverse(grid, false);
            this.f = f;
            java.util.Arrays.fill(netT, 0);
            run(gatherPhase);
            double nx = 0, ny = 0, nz = 0;
            for (int k = 0; k < threads; k++) { nx += netT[3 * k]; ny += netT[3 * k + 1]; nz += netT[3 * k + 2]; }
            subtractNetForce(f, nx, ny, nz);
            this.f = null;
        }
        return energy;
    }

    /** Spreading, forward transform and convolution: the energy (eV); the virial added when asked. */
    private double spreadAndConvolve(double[] x, Cell cell, double[] virial6) {
        this.x = x;
        this.hi = cell.hInv;
        this.wantVirial = virial6 != null;
        if (!Arrays.equals(cell.h, hCached)) {
            System.arraycopy(cell.h, 0, hCached, 0, 9);
            fillInfluence(cell);
        }
        run(spreadPhase);
        run(reducePhase);
        fftThreads();
        if (r2c) fft.realForward(grid); else fft.complexForward(grid);
        run(convolvePhase);
        double energy = 0;
        for (int t = 0; t < threads; t++) energy += eT[t];
        if (virial6 != null) {
            for (int t = 0; t < threads; t++) for (int k = 0; k < 6; k++) virial6[k] += vT[6 * t + k];
        }
        this.x = null;
        return energy;
    }

    /**
     * First part of {@link #compute} for a caller that splits the force gather itself (PME overlapped
     * with the pairs): spreading, transform, convolution and the inverse transform; returns the energy
     * (eV) and adds the virial. Then call {@link #gather} over disjoint atom ranges (any threads, after
     * this returns: the caller orders them) and {@link #subtractNetForce} once.
     */
    double meshPotential(double[] x, Cell cell, double[] virial6) {
        double energy = spreadAndConvolve(x, cell, virial6);
        if (r2c) fft.realInverse(grid, false); else fft.complexInverse(grid, false);
        return energy;
    }

    /** Adds the reciprocal forces on atoms [from, to) to f (eV/Å) and their sum, negated as in gatherPhase, to net[0..2]. */
    void gather(int from, int to, double[] f, double[] net) {
        gatherRange(from, to, f, net, 0);
    }

    /**
     * Subtracts (net / N) from every force of f, if on: smooth PME's forces are not exactly pairwise and
     * sum to a small non-zero vector (Essmann et al. 1995, sec. 4), which makes the total momentum drift
     * (NVE) and the centre of mass wander under a Langevin thermostat; subtracted evenly, as Amber's
     * netfrc does, the energy is unchanged and each force moves by |ΣF|/N.
     */
    void subtractNetForce(double[] f, double nx, double ny, double nz) {
        if (!removeNetForce) return;
        nx /= n; ny /= n; nz /= n;
        for (int i = 0; i < n; i++) { f[3 * i] -= nx; f[3 * i + 1] -= ny; f[3 * i + 2] -= nz; }
    }

    private void run(java.util.function.IntConsumer phase) {
        if (pool == null) phase.accept(0); else pool.run(phase);
    }

    /** JTransforms' thread count is global: set it to this sum's on every call; thread from 16³ points. */
    private void fftThreads() {
        ConcurrencyUtils.setNumberOfThreads(threads);
        if (threads > 1) CommonUtils.setThreadsBeginN_3D(4096);
    }

    private void fillInfluence(Cell cell) {
        double[] h = cell.hInv;
        double pref = Units.COULOMB_EV_ANGSTROM / (2 * Math.PI * cell.volume());
        double pib2 = Math.PI * Math.PI / (beta * beta);
        if (r2c) {
            for (int i = 0; i < kTot; i++) {
                int ma = slotM1[i], mb = slotM2[i], mc = slotM3[i];
                infM[i] = influenceAt(ma, mb, mc, h, pref, pib2);
                infT[i] = influenceAt(ma == k1 / 2 ? -ma : ma, mb == k2 / 2 ? -mb : mb, mc == k3 / 2 ? -mc : mc, h, pref, pib2);
                influence[i] = 0.5 * (infM[i] + infT[i]);
            }
            return;
        }
        for (int a = 0; a < k1; a++) {
            int ma = a <= k1 / 2 ? a : a - k1;
            for (int b = 0; b < k2; b++) {
                int mb = b <= k2 / 2 ? b : b - k2;
                for (int c = 0; c < k3; c++) {
                    int mc = c <= k3 / 2 ? c : c - k3;
                    int i = (a * k2 + b) * k3 + c;
                    if (ma == 0 && mb == 0 && mc == 0) { influence[i] = 0; continue; }
                    // Cartesian m = Σ m_α a*_α with a*_α the columns of Hinv.
                    double mx = ma * h[0] + mb * h[1] + mc * h[2];
                    double my = ma * h[3] + mb * h[4] + mc * h[5];
                    double mz = ma * h[6] + mb * h[7] + mc * h[8];
                    double m2 = mx * mx + my * my + mz * mz;
                    influence[i] = pref * Math.exp(-pib2 * m2) / m2 * bsq1[a] * bsq2[b] * bsq3[c];
                }
            }
        }
    }

    /** C(m) = k_e/(2πV) exp(−π²m²/β²)/m² B(m) for signed indices (0 at m = 0). */
    private double influenceAt(int ma, int mb, int mc, double[] h, double pref, double pib2) {
        if (ma == 0 && mb == 0 && mc == 0) return 0;
        double mx = ma * h[0] + mb * h[1] + mc * h[2];
        double my = ma * h[3] + mb * h[4] + mc * h[5];
        double mz = ma * h[6] + mb * h[7] + mc * h[8];
        double m2 = mx * mx + my * my + mz * mz;
        return pref * Math.exp(-pib2 * m2) / m2 * bsq1[ma < 0 ? ma + k1 : ma] * bsq2[mb < 0 ? mb + k2 : mb] * bsq3[mc < 0 ? mc + k3 : mc];
    }

    private void spreadPhase(int t) {
        int p = order;
        int[] kk = {k1, k2, k3};
        int[] stride = {k2 * k3, k3, 1};
        double[] r = rho[t];
        for (int i = atomSplit[t]; i < atomSplit[t + 1]; i++) {
            for (int a = 0; a < 3; a++) {
                // s_a = Σ_c r_c Hinv[c][a]; u = K s (wrapped into [0, K)).
                double s = x[3 * i] * hi[a] + x[3 * i + 1] * hi[3 + a] + x[3 * i + 2] * hi[6 + a];
                double u = (s - Math.floor(s)) * kk[a];
                int fl = (int) Math.floor(u);
                int o = (3 * i + a) * p;
                splines(u - fl, p, th, o, dth, o);
                for (int j = 0; j < p; j++) {
                    int g = fl - j;
                    if (g < 0) g += kk[a];
                    if (g >= kk[a]) g -= kk[a];
                    idx[o + j] = g * stride[a];
                }
            }
            int o1 = (3 * i) * p, o2 = o1 + p, o3 = o2 + p;
            double qi = q[i];
            for (int j1 = 0; j1 < p; j1++) {
                int r1 = idx[o1 + j1];
                double w1 = qi * th[o1 + j1];
                for (int j2 = 0; j2 < p; j2++) {
                    int r12 = r1 + idx[o2 + j2];
                    double w12 = w1 * th[o2 + j2];
                    for (int j3 = 0; j3 < p; j3++) r[r12 + idx[o3 + j3]] += w12 * th[o3 + j3];
                }
            }
        }
    }

    /** Sums the per-thread meshes into the complex grid and clears them for the next call. */
    private void reducePhase(int t) {
        for (int i = meshSplit[t]; i < meshSplit[t + 1]; i++) {
            double s = 0;
            for (int u = 0; u < threads; u++) {
                s += rho[u][i];
                rho[u][i] = 0;
            }
            if (r2c) {
                grid[i] = s;
            } else {
                grid[2 * i] = s;
                grid[2 * i + 1] = 0;
            }
        }
    }

    private void convolvePhase(int t) {
        if (r2c) { convolvePacked(t); return; }
        double pib2 = Math.PI * Math.PI / (beta * beta);
        double[] h = hi;
        double energy = 0, vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
        for (int a = planeSplit[t]; a < planeSplit[t + 1]; a++) {
            int ma = a <= k1 / 2 ? a : a - k1;
            for (int b = 0; b < k2; b++) {
                int mb = b <= k2 / 2 ? b : b - k2;
                int row = (a * k2 + b) * k3;
                for (int c = 0; c < k3; c++) {
                    int i = row + c;
                    double cm = influence[i];
                    double re = grid[2 * i], im = grid[2 * i + 1];
                    double em = cm * (re * re + im * im);
                    energy += em;
                    if (wantVirial && cm != 0) {
                        int mc = c <= k3 / 2 ? c : c - k3;
                        double mx = ma * h[0] + mb * h[1] + mc * h[2];
                        double my = ma * h[3] + mb * h[4] + mc * h[5];
                        double mz = ma * h[6] + mb * h[7] + mc * h[8];
                        double m2 = mx * mx + my * my + mz * mz;
                        double g = 2 * (1 + pib2 * m2) / m2;
                        vxx += em * (1 - g * mx * mx);
                        vyy += em * (1 - g * my * my);
                        vzz += em * (1 - g * mz * mz);
                        vxy -= em * g * mx * my;
                        vxz -= em * g * mx * mz;
                        vyz -= em * g * my * mz;
                    }
                    // E = ½ Σ_m C(m)|F(Q)|² with C = 2 cm: the loop summed cm |F(Q)|² = E. ∂E/∂Q(k) = φ(k) after the inverse FFT.
                    grid[2 * i] = 2 * cm * re;
                    grid[2 * i + 1] = 2 * cm * im;
                }
            }
        }
        eT[t] = energy;
        int o = 6 * t;
        vT[o] = vxx; vT[o + 1] = vyy; vT[o + 2] = vzz; vT[o + 3] = vxy; vT[o + 4] = vxz; vT[o + 5] = vyz;
    }

    /** {@link #convolvePhase} on the packed real transform: each slot times C(m), Parseval-weighted sums. */
    private void convolvePacked(int t) {
        double pib2 = Math.PI * Math.PI / (beta * beta);
        double[] h = hi;
        double energy = 0;
        double[] acc = vacc[t];
        java.util.Arrays.fill(acc, 0);
        int from = planeSplit[t] * k2 * k3, to = planeSplit[t + 1] * k2 * k3;
        for (int i = from; i < to; i++) {
            double cm = influence[i];
            double v = grid[i];
            double em = slotW[i] * cm * v * v;
            energy += em;
            if (wantVirial && cm != 0) {
                int ma = slotM1[i], mb = slotM2[i], mc = slotM3[i];
                double w2 = slotW[i] * v * v;
                if (infM[i] == infT[i] && ma != k1 / 2 && mb != k2 / 2 && mc != k3 / 2) {
                    virialTerm(acc, w2 * cm, ma, mb, mc, h, pib2);
                } else {
                    virialTerm(acc, 0.5 * w2 * infM[i], ma, mb, mc, h, pib2);
                    virialTerm(acc, 0.5 * w2 * infT[i], ma == k1 / 2 ? -ma : ma, mb == k2 / 2 ? -mb : mb, mc == k3 / 2 ? -mc : mc, h, pib2);
                }
            }
            // JTransforms' unscaled realInverse returns (K1K2K3/2)·x where complexInverse returns K1K2K3·x
            // (measured: forward then inverse of random data): hence 4 cm rather than 2 cm.
            grid[i] = 4 * cm * v;
        }
        eT[t] = energy;
        System.arraycopy(acc, 0, vT, 6 * t, 6);
    }

    private final double[][] vacc;
    /** Per-thread sums of the gathered forces (their net force), eV/Å. */
    private final double[] netT;
    private boolean removeNetForce = true;

    /**
     * Whether {@link #compute} removes the net reciprocal force (default true; false leaves the
     * forces the exact negative gradient of the PME energy, which the finite-difference tests need).
     */
    void removeNetForce(boolean on) { removeNetForce = on; }

    /** Adds em [δ_αβ − 2(1 + π²m²/β²) m_α m_β/m²] for signed indices (ma, mb, mc) to acc (xx, yy, zz, xy, xz, yz). */
    private static void virialTerm(double[] acc, double em, int ma, int mb, int mc, double[] h, double pib2) {
        double mx = ma * h[0] + mb * h[1] + mc * h[2];
        double my = ma * h[3] + mb * h[4] + mc * h[5];
        double mz = ma * h[6] + mb * h[7] + mc * h[8];
        double m2 = mx * mx + my * my + mz * mz;
        double g = 2 * (1 + pib2 * m2) / m2;
        acc[0] += em * (1 - g * mx * mx);
        acc[1] += em * (1 - g * my * my);
        acc[2] += em * (1 - g * mz * mz);
        acc[3] -= em * g * mx * my;
        acc[4] -= em * g * mx * mz;
        acc[5] -= em * g * my * mz;
    }

    /** F_i = −Σ_k φ(k) ∂Q(k)/∂r_i with ∂u_α/∂r_γ = K_α Hinv[γ][α]. */
    private void gatherPhase(int t) {
        gatherRange(atomSplit[t], atomSplit[t + 1], f, netT, 3 * t);
    }

    private void gatherRange(int from, int to, double[] f, double[] net, int no) {
        int p = order;
        int stride = r2c ? 1 : 2;
        for (int i = from; i < to; i++) {
            int o1 = (3 * i) * p, o2 = o1 + p, o3 = o2 + p;
            double d1 = 0, d2 = 0, d3 = 0;
            for (int j1 = 0; j1 < p; j1++) {
                int r1 = idx[o1 + j1];
                double t1 = th[o1 + j1], dt1 = dth[o1 + j1];
                for (int j2 = 0; j2 < p; j2++) {
                    int r12 = r1 + idx[o2 + j2];
                    double t2 = th[o2 + j2], dt2 = dth[o2 + j2];
                    double s = 0, ds = 0;
                    for (int j3 = 0; j3 < p; j3++) {
                        double phi = grid[stride * (r12 + idx[o3 + j3])];
                        s += phi * th[o3 + j3];
                        ds += phi * dth[o3 + j3];
                    }
                    d1 += dt1 * t2 * s;
                    d2 += t1 * dt2 * s;
                    d3 += t1 * t2 * ds;
                }
            }
            // ∂E/∂u_α = q_i d_α (φ already carries the factor C = 2 cm and the inverse transform).
            double e1 = q[i] * d1 * k1, e2 = q[i] * d2 * k2, e3 = q[i] * d3 * k3;
            for (int c = 0; c < 3; c++) {
                double g = hi[3 * c] * e1 + hi[3 * c + 1] * e2 + hi[3 * c + 2] * e3;
                f[3 * i + c] -= g;
                net[no + c] -= g;
            }
        }
    }
}
