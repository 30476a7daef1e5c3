package org.paddlewheel.experiment.diffraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paddlewheel.experiment.LeastSquares;
import org.paddlewheel.experiment.diffraction.PawleyRefinement.CrystalSystem;
import org.paddlewheel.experiment.diffraction.PawleyRefinement.Reflection;

/**
 * Pawley fit of a time-of-flight neutron pattern in d-spacing (Å). The measured times are mapped to
 * d once with the instrument's {@link TofConversion} (the paper's Eq. 2, TOF = ZERO + DIFC·d +
 * DIFA·d², µs), with ZERO and DIFC held fixed as the paper held them from its Si standard; DIFA may be
 * refined (the paper let it vary for sample displacement): a reflection of lattice spacing d_k then
 * sits at d = conv.d(ZERO + DIFC·d_k + DIFA'·d_k²). Peaks are pseudo-Voigts in d, η·L + (1−η)·G of unit
 * area, with FWHM 2√(2 ln 2)·σ(d) and σ² = σ0² + σ1²·d² + σ2²·d⁴ (σ0 in Å, σ1 = Δd/d, σ2 in 1/Å):
 * GSAS's TOF Gaussian variance σ_t² = σ0' + σ1'·d² + σ2'·d⁴ (µs², Larson &amp; Von Dreele, GSAS manual
 * LAUR 86-748, profile types 1–3) divided by DIFC², one mixing η for all peaks. The moderator's
 * back-to-back exponential asymmetry of a real spallation-source peak (GSAS type 3, the paper's
 * low-resolution banks; Ikeda–Carpenter for its high-resolution banks) is <b>not</b> modelled, so
 * asymmetric peaks bias the cell by a fraction of their asymmetry. Background: Chebyshev polynomials
 * in d. Intensities and background are linear (solved by {@link PawleyLinear}); cell, DIFA, σ0, σ1,
 * σ2 and η by Levenberg–Marquardt ({@link LeastSquares}), after a grid search over a common cell
 * scale (±2 %) in quarter-width steps; first with σ0, σ2 and η (0.5) held, then all free. Rwp, Rexp,
 * χ² and errors as in {@link PawleyRefinement}.
 */
public final class TofPawleyRefinement {
    /**
     * The refined state.
     *
     * @param lattice     a, b, c (Å) and {@code latticeStd}
     * @param difa        refined (or fixed) DIFA, µs/Å², and {@code difaStd} (0 when fixed)
     * @param widths      σ0 (Å), σ1 (dimensionless), σ2 (1/Å), η; {@code widthsStd} their errors
     * @param calculated  model on the d grid; {@code backgroundCurve} its background part
     */
    public record Result(CrystalSystem system, double[] lattice, double[] latticeStd, double difa, double difaStd, double[] widths,
                         double[] widthsStd, double[] background, double rwp, double rexp, double chi2, double[] calculated,
                         double[] backgroundCurve, List<Reflection> reflections, double[] intensities, int iterations) {}

    private final double[] d, y, w;
    private final TofConversion conv;
    private final CrystalSystem system;
    private final List<Reflection> refl;
    private final double[][] cheb;
    private final double[] abc0;
    private boolean refineDifa;
    private double[] b2b;
    private double[] tof;

    /**
     * @param dA          d-spacings (Å), ascending, any spacing
     * @param counts      intensities
     * @param esd         standard errors (null: √max(y, 1))
     * @param start       starting structure (cell, symmetry, absences from nuclear |F|²)
     * @param conv        the conversion the d grid was made with (ZERO, DIFC, DIFA)
     * @param nBackground Chebyshev terms (≥ 1)
     */
    public TofPawleyRefinement(double[] dA, double[] counts, double[] esd, Crystal start, TofConversion conv, int nBackground) {
        this.d = dA;
        this.y = counts;
        this.w = new double[counts.length];
        for (int i = 0; i < w.length; i++) {
            double s = esd != null ? esd[i] : Math.sqrt(Math.max(counts[i], 1));
            if (!(s > 0)) throw new IllegalArgumentException("esd must be > 0 (point " + (i + 1) + ")");
            w[i] = 1 / s;
        }
        for (int i = 1; i < dA.length; i++) if (!(dA[i] > dA[i - 1])) throw new IllegalArgumentException("d must increase (point " + (i + 1) + ")");
        this.conv = conv;
        this.system = PawleyRefinement.systemOf(start.lattice());
        this.abc0 = start.lattice().lengths();
        this.refl = PawleyRefinement.reflections(start, Radiation.Probe.NEUTRON, system, dA[0] * 0.97);
        this.refl.removeIf(r -> PawleyRefinement.d(r, abc0) > dA[dA.length - 1] * 1.03);
        if (refl.isEmpty()) throw new IllegalArgumentException("no reflections of the starting structure fall in the pattern's d range");
        this.cheb = PawleyLinear.chebyshev(dA, Math.max(1, nBackground), dA[0], dA[dA.length - 1]);
    }

    /**
     * Use a back-to-back exponential convolved with the Gaussian (GSAS TOF profile type 3; Von Dreele,
     * Jorgensen &amp; Windsor, J. Appl. Cryst. 15 (1982) 581) instead of the pseudo-Voigt, with the
     * instrument's rise and decay rates held fixed: α = α0 + α1/d, β = β0 + β1/d⁴ (1/µs), σ_t = DIFC·σ(d).
     * Needs a real DIFC (the pattern measured in TOF).
     */
    public TofPawleyRefinement backToBack(double alpha0, double alpha1, double beta0, double beta1) {
        this.b2b = new double[] {alpha0, alpha1, beta0, beta1};
        this.tof = new double[d.length];
        for (int i = 0; i < d.length; i++) tof[i] = conv.tof(d[i]);
        return this;
    }

    /** Refine DIFA too (default: held at the conversion's value). */
    public TofPawleyRefinement refineDifa(boolean on) { this.refineDifa = on; return this; }

    private int nLat() { return system == CrystalSystem.CUBIC ? 1 : system == CrystalSystem.ORTHORHOMBIC ? 3 : 2; }

    private double[] abc(double[] p) {
        return switch (system) {
            case CUBIC -> new double[] {p[0], p[0], p[0]};
            case TETRAGONAL, HEXAGONAL -> new double[] {p[0], p[0], p[1]};
            case ORTHORHOMBIC -> new double[] {p[0], p[1], p[2]};
        };
    }

    /** Where reflection spacing {@code dk} appears on the d grid, given the refined DIFA. */
    private double position(double dk, double difa) {
        if (difa == conv.difaUsPerA2()) return dk;
        return conv.d(conv.zeroUs() + conv.difcUsPerA() * dk + difa * dk * dk);
    }

    /** p: lattice…, DIFA, σ0, σ1, σ2, η. */
    private double[][] solve(double[] p) {
        int o = nLat();
        double difa = p[o], s0 = p[o + 1], s1 = p[o + 2], s2 = p[o + 3], eta = Math.min(1, Math.max(0, p[o + 4]));
        double[] abc = abc(p);
        int[] first = new int[refl.size()];
        double[][] cols = new double[refl.size()][];
        double fw = 2 * Math.sqrt(2 * Math.log(2));
        for (int k = 0; k < refl.size(); k++) {
            double dk = PawleyRefinement.d(refl.get(k), abc), c = position(dk, difa);
            if (b2b != null) {
                double sig = conv.difcUsPerA() * Math.sqrt(Math.max(1e-16, s0 * s0 + s1 * s1 * dk * dk + s2 * s2 * dk * dk * dk * dk));
                double tk = conv.zeroUs() + conv.difcUsPerA() * dk + difa * dk * dk;
                double al = b2b[0] + b2b[1] / dk, be = b2b[2] + b2b[3] / Math.pow(dk, 4);
                int lo = lowerIndexTof(tk - 10 * sig - 15 / al), hi = Math.min(d.length - 1, lowerIndexTof(tk + 10 * sig + 15 / be));
                if (hi < lo || lo >= d.length) { first[k] = 0; cols[k] = new double[0]; continue; }
                double[] col = new double[hi - lo + 1];
                for (int i = lo; i <= hi; i++) col[i - lo] = backToBackGauss(tof[i] - tk, al, be, sig);
                first[k] = lo;
                cols[k] = col;
                continue;
            }
            double h = fw * Math.sqrt(Math.max(1e-16, s0 * s0 + s1 * s1 * dk * dk + s2 * s2 * dk * dk * dk * dk));
            int lo = lowerIndex(c - 30 * h), hi = lowerIndex(c + 30 * h);
            if (hi < lo || lo >= d.length) { first[k] = 0; cols[k] = new double[0]; continue; }
            hi = Math.min(hi, d.length - 1);
            double[] col = new double[hi - lo + 1];
            double gN = 2 / h * Math.sqrt(Math.log(2) / Math.PI), lN = 2 / (Math.PI * h);
            for (int i = lo; i <= hi; i++) {
                double dx = d[i] - c, z = 4 * dx * dx / (h * h);
                col[i - lo] = eta * lN / (1 + z) + (1 - eta) * (z < 60 ? gN * Math.exp(-Math.log(2) * z) : 0);
            }
            first[k] = lo;
            cols[k] = col;
        }
        return PawleyLinear.solve(cheb, first, cols, y, w);
    }

    /** First index with tof[i] ≥ v (d.length when none). */
    private int lowerIndexTof(double v) {
        int i = Arrays.binarySearch(tof, v);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * Unit-area back-to-back exponential ⊗ Gaussian at Δ = t − t_k (µs):
     * N[e^u erfc(y) + e^v erfc(z)], N = αβ/(2(α+β)), u = α(ασ² + 2Δ)/2, v = β(βσ² − 2Δ)/2,
     * y = (ασ² + Δ)/(√2σ), z = (βσ² − Δ)/(√2σ); e^u erfc(y) = e^(−Δ²/2σ²)·erfcx(y) for y ≥ 0.
     */
    static double backToBackGauss(double delta, double alpha, double beta, double sigma) {
        double s2 = sigma * sigma, r2 = Math.sqrt(2) * sigma, g = Math.exp(-delta * delta / (2 * s2));
        double y = (alpha * s2 + delta) / r2, z = (beta * s2 - delta) / r2;
        double a = y >= 0 ? g * erfcx(y) : Math.exp(alpha * (alpha * s2 + 2 * delta) / 2) * org.hipparchus.special.Erf.erfc(y);
        double b = z >= 0 ? g * erfcx(z) : Math.exp(beta * (beta * s2 - 2 * delta) / 2) * org.hipparchus.special.Erf.erfc(z);
        return alpha * beta / (2 * (alpha + beta)) * (a + b);
    }

    /** Scaled complementary error function e^(x²)·erfc(x), x ≥ 0 (asymptotic series past 25). */
    static double erfcx(double x) {
        if (x < 25) return Math.exp(x * x) * org.hipparchus.special.Erf.erfc(x);
        double i2 = 1 / (2 * x * x);
        return 1 / (x * Math.sqrt(Math.PI)) * (1 - i2 + 3 * i2 * i2 - 15 * i2 * i2 * i2);
    }

    /** First index with d[i] ≥ v (d.length when none). */
    private int lowerIndex(double v) {
        int i = Arrays.binarySearch(d, v);
        return i >= 0 ? i : -i - 1;
    }

    private double[] residuals(double[] p) {
        double[] m = solve(p)[1];
        for (int i = 0; i < m.length; i++) m[i] = (m[i] - y[i]) * w[i];
        return m;
    }

    /**
     * Refines from the starting cell.
     *
     * @param startRelFwhm starting Δd/d (FWHM), e.g. 0.005; sets σ1
     * @param maxIterations LM iterations per stage
     */
    public Result refine(double startRelFwhm, int maxIterations) {
        int nl = nLat(), o = nl, np = o + 5;
        double[] p = new double[np];
        if (system == CrystalSystem.ORTHORHOMBIC) { p[0] = abc0[0]; p[1] = abc0[1]; p[2] = abc0[2]; }
        else if (system == CrystalSystem.CUBIC) p[0] = abc0[0];
        else { p[0] = abc0[0]; p[1] = abc0[2]; }
        p[o] = conv.difaUsPerA2();
        p[o + 1] = 1e-5;
        p[o + 2] = startRelFwhm / (2 * Math.sqrt(2 * Math.log(2)));
        p[o + 4] = 0.5;
        double sc = presearch(p, startRelFwhm);
        for (int k = 0; k < nl; k++) p[k] *= sc;
        double[] ref = p.clone();
        double difaScale = Math.max(1, Math.abs(conv.difaUsPerA2())) + 0.01 * conv.difcUsPerA();
        LeastSquares.Result r = null;
        int iters = 0;
        int[] free = null;
        for (int stage = 0; stage < 2; stage++) {
            List<Integer> f = new ArrayList<>();
            for (int k = 0; k < np; k++) {
                if (k == o && !refineDifa) continue;
                if (k == o + 4 && b2b != null) continue; // η has no meaning in the back-to-back profile
                if (stage == 0 && (k == o || k == o + 1 || k == o + 3 || k == o + 4)) continue;
                f.add(k);
            }
            free = f.stream().mapToInt(Integer::intValue).toArray();
            int[] fr = free;
            double[] pf = p;
            int n = fr.length;
            double[] sub = new double[n], scale = new double[n], lo = new double[n], hi = new double[n];
            for (int j = 0; j < n; j++) {
                int k = fr[j];
                sub[j] = p[k];
                if (k < nl) { scale[j] = 1; lo[j] = 0.97 * ref[k]; hi[j] = 1.03 * ref[k]; }
                else if (k == o) { scale[j] = difaScale; lo[j] = ref[k] - 0.05 * conv.difcUsPerA(); hi[j] = ref[k] + 0.05 * conv.difcUsPerA(); }
                else if (k == o + 4) { scale[j] = 0.1; lo[j] = 0; hi[j] = 1; }
                else { scale[j] = k == o + 2 ? 1e-3 : 1e-4; lo[j] = 0; hi[j] = k == o + 2 ? 0.1 : 1; }
            }
            r = LeastSquares.fit(s -> residuals(expand(pf, fr, s)), sub, scale, lo, hi, maxIterations, true);
            p = expand(p, fr, r.p());
            iters += r.iterations();
        }
        double[] std = new double[np];
        for (int j = 0; j < free.length; j++) std[free[j]] = r.std()[j];
        double[][] sol = solve(p);
        double rw = 0, sw = 0;
        for (int i = 0; i < d.length; i++) {
            double e = (y[i] - sol[1][i]) * w[i];
            rw += e * e;
            sw += w[i] * w[i] * y[i] * y[i];
        }
        rw = Math.sqrt(rw / sw);
        int params = free.length + cheb.length + refl.size();
        double rexp = Math.sqrt(Math.max(1, d.length - params) / sw);
        double[] latStd = switch (system) {
            case CUBIC -> new double[] {std[0], std[0], std[0]};
            case TETRAGONAL, HEXAGONAL -> new double[] {std[0], std[0], std[1]};
            case ORTHORHOMBIC -> new double[] {std[0], std[1], std[2]};
        };
        return new Result(system, abc(p), latStd, p[o], std[o], Arrays.copyOfRange(p, o + 1, o + 5), Arrays.copyOfRange(std, o + 1, o + 5),
                Arrays.copyOfRange(sol[0], 0, cheb.length), rw, rexp, (rw / rexp) * (rw / rexp), sol[1], sol[2], List.copyOf(refl),
                Arrays.copyOfRange(sol[0], cheb.length, sol[0].length), iters);
    }

    private static double[] expand(double[] p, int[] free, double[] sub) {
        double[] q = p.clone();
        for (int j = 0; j < free.length; j++) q[free[j]] = sub[j];
        return q;
    }

    /**
     * Common cell scale s ∈ [0.98, 1.02] in steps of a quarter of the relative FWHM, scored by the
     * data above its 10th percentile, linearly interpolated at every predicted d.
     */
    private double presearch(double[] p, double relFwhm) {
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double base = sorted[sorted.length / 10];
        double[] abc = abc(p);
        double best = -1, bs = 1;
        for (double sc = 0.98; sc <= 1.02 + 1e-12; sc += relFwhm / 4) {
            double[] cell = {abc[0] * sc, abc[1] * sc, abc[2] * sc};
            double score = 0;
            for (Reflection r : refl) {
                double c = position(PawleyRefinement.d(r, cell), p[nLat()]);
                int i = lowerIndex(c);
                if (i <= 0 || i >= d.length) continue;
                double t = (c - d[i - 1]) / (d[i] - d[i - 1]);
                score += Math.max(0, y[i - 1] + t * (y[i] - y[i - 1]) - base);
            }
            if (score > best) { best = score; bs = sc; }
        }
        return bs;
    }
}
