package org.paddlewheel.experiment.diffraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paddlewheel.experiment.LeastSquares;
import org.paddlewheel.model.Lattice;

/**
 * Pawley whole-pattern fit of a constant-wavelength powder pattern (G. S. Pawley, J. Appl. Cryst.
 * 14 (1981) 357; the structure-free alternative to Le Bail's iterative partitioning, A. Le Bail et
 * al., Mater. Res. Bull. 23 (1988) 447): peak positions from the lattice (Bragg's law at every
 * wavelength of the {@link Radiation}, Kα2 at its weight) plus a zero shift, pseudo-Voigt peaks with
 * Caglioti widths FWHM² = U tan²θ + V tanθ + W (deg², as {@link PseudoVoigtProfile}), a Chebyshev
 * background in x = 2(2θ − 2θ_min)/(2θ_max − 2θ_min) − 1, and one free intensity per distinct d
 * (reflections with equal metric merged). Intensities and background enter linearly and are solved by
 * weighted linear least squares inside every evaluation (variable projection: G. H. Golub, V. Pereyra,
 * SIAM J. Numer. Anal. 10 (1973) 413), with a 1e-9 relative ridge so exactly overlapping lines share
 * intensity; zero, lattice, U, V, W and η are refined by Levenberg–Marquardt ({@link LeastSquares},
 * weights 1/σ_i², σ_i the file's esd or √max(y, 1)), after a grid search on a common cell scale and
 * zero, first with U = V = 0 and η = 0.5 held, then all free. Agreement (R. A. Young, <i>The Rietveld
 * Method</i>, IUCr/OUP 1993, ch. 1): Rwp = √(Σw(y−y_c)²/Σwy²), Rexp = √((N−P)/Σwy²),
 * χ² = (Rwp/Rexp)², P counting every refined and linear parameter. Standard errors:
 * √diag((JᵀWJ)⁻¹)·√χ² of the projected problem, which are the marginal errors with the intensities
 * and background free. Crystal systems: cubic (a), tetragonal and hexagonal (a, c), orthorhombic
 * (a, b, c), read from the starting lattice; systematic absences from the starting structure's |F|².
 */
public final class PawleyRefinement {
    /** Lattice symmetry of the refinement. */
    public enum CrystalSystem { CUBIC, TETRAGONAL, HEXAGONAL, ORTHORHOMBIC }

    /** One extracted reflection group: representative hkl, multiplicity m, metric (s1,s2,s3) with 1/d² = s1/a² + s2/b² + s3/c². */
    public record Reflection(int h, int k, int l, int multiplicity, double s1, double s2, double s3) {}

    /**
     * The refined state.
     *
     * @param lattice   refined a, b, c (Å) and {@code latticeStd}
     * @param zeroDeg   zero shift (deg 2θ), added to the calculated 2θ, and {@code zeroStdDeg}
     * @param caglioti  U, V, W (deg²) and pseudo-Voigt η; {@code cagliotiStd} their errors
     * @param background Chebyshev coefficients; {@code intensities} the Pawley intensities (areas, counts·deg)
     */
    public record Result(CrystalSystem system, double[] lattice, double[] latticeStd, double zeroDeg, double zeroStdDeg, double[] caglioti,
                         double[] cagliotiStd, double[] background, double rwp, double rexp, double chi2, double[] calculated,
                         double[] backgroundCurve, List<Reflection> reflections, double[] intensities, int iterations) {}

    private final double[] x, y, w;
    private final Radiation rad;
    private final CrystalSystem system;
    private final List<Reflection> refl;
    private final int nBkg;
    private final double xMin, xMax;

    /**
     * @param twoThetaDeg 2θ, ascending (deg)
     * @param counts      intensities
     * @param esd         standard errors (null: √max(y, 1))
     * @param start       starting structure (lattice, absences)
     * @param nBackground Chebyshev terms (≥ 1)
     */
    public PawleyRefinement(double[] twoThetaDeg, double[] counts, double[] esd, Crystal start, Radiation rad, int nBackground) {
        this.x = twoThetaDeg;
        this.y = counts;
        this.w = new double[counts.length];
        for (int i = 0; i < w.length; i++) {
            double s = esd != null ? esd[i] : Math.sqrt(Math.max(counts[i], 1));
            if (!(s > 0)) throw new IllegalArgumentException("esd must be > 0 (point " + (i + 1) + ")");
            w[i] = 1 / s;
        }
        this.rad = rad;
        this.nBkg = Math.max(1, nBackground);
        this.xMin = twoThetaDeg[0];
        this.xMax = twoThetaDeg[twoThetaDeg.length - 1];
        this.system = systemOf(start.lattice());
        this.abc0 = start.lattice().lengths();
        this.refl = reflections(start, rad, xMax + 2);
        if (refl.isEmpty()) throw new IllegalArgumentException("no reflections of the starting structure fall in the pattern's range");
    }

    /** The lattice symmetry inferred from a lattice (tolerance 1e-4 relative, 0.01°). */
    public static CrystalSystem systemOf(Lattice l) {
        double[] a = l.lengths(), g = l.anglesDeg();
        boolean right = Math.abs(g[0] - 90) < 0.01 && Math.abs(g[1] - 90) < 0.01;
        boolean ab = Math.abs(a[0] - a[1]) < 1e-4 * a[0], bc = Math.abs(a[1] - a[2]) < 1e-4 * a[1];
        if (right && Math.abs(g[2] - 120) < 0.01 && ab) return CrystalSystem.HEXAGONAL;
        if (!right || Math.abs(g[2] - 90) >= 0.01) {
            throw new IllegalArgumentException("refinement supports cubic, tetragonal, hexagonal and orthorhombic cells; angles are "
                    + Arrays.toString(g));
        }
        if (ab && bc) return CrystalSystem.CUBIC;
        if (ab) return CrystalSystem.TETRAGONAL;
        return CrystalSystem.ORTHORHOMBIC;
    }

    private List<Reflection> reflections(Crystal c, Radiation r, double twoThetaMax) {
        double lambda = Arrays.stream(r.wavelengthsA()).max().orElseThrow();
        double dMin = lambda / (2 * Math.sin(Math.toRadians(Math.min(twoThetaMax, 179) / 2))) * 0.98;
        return reflections(c, r.probe(), system, dMin);
    }

    /**
     * The reflection groups of {@code c} with d ≥ {@code dMinA} (Å) for the given symmetry: one group
     * per distinct metric, multiplicity counted, groups whose mean |F|² is below 1e-8 of the
     * strongest dropped as systematically absent.
     */
    static List<Reflection> reflections(Crystal c, Radiation.Probe probe, CrystalSystem system, double dMinA) {
        double dMin = dMinA;
        double[] len = c.lattice().lengths();
        int[] hm = new int[3];
        for (int i = 0; i < 3; i++) hm[i] = (int) Math.ceil(len[i] / dMin) + 1;
        Map<String, double[]> groups = new LinkedHashMap<>(); // key → {h,k,l,m,s1,s2,s3,F2sum}
        double maxF2 = 0;
        for (int h = -hm[0]; h <= hm[0]; h++) for (int k = -hm[1]; k <= hm[1]; k++) for (int l = -hm[2]; l <= hm[2]; l++) {
            if (h == 0 && k == 0 && l == 0) continue;
            double[] s = metric(system, h, k, l);
            double d = 1 / Math.sqrt(s[0] / (len[0] * len[0]) + s[1] / (len[1] * len[1]) + s[2] / (len[2] * len[2]));
            if (d < dMin) continue;
            double f2 = PowderPattern.fSquared(c, probe, h, k, l, d);
            maxF2 = Math.max(maxF2, f2);
            String key = Math.round(s[0] * 3) + "," + Math.round(s[1] * 3) + "," + Math.round(s[2] * 3);
            double[] g = groups.get(key);
            boolean canonical = h >= k && k >= l && l >= 0;
            if (g == null) groups.put(key, new double[] {h, k, l, 1, s[0], s[1], s[2], f2});
            else {
                g[3]++;
                g[7] += f2;
                if (canonical && !(g[0] >= g[1] && g[1] >= g[2] && g[2] >= 0)) { g[0] = h; g[1] = k; g[2] = l; }
            }
        }
        List<Reflection> out = new ArrayList<>();
        for (double[] g : groups.values()) {
            if (g[7] / g[3] <= 1e-8 * maxF2) continue; // systematically absent
            out.add(new Reflection((int) g[0], (int) g[1], (int) g[2], (int) g[3], g[4], g[5], g[6]));
        }
        return out;
    }

    private static double[] metric(CrystalSystem system, int h, int k, int l) {
        return switch (system) {
            case CUBIC -> new double[] {h * h + k * k + l * l, 0, 0};
            case TETRAGONAL -> new double[] {h * h + k * k, 0, l * l};
            case HEXAGONAL -> new double[] {4.0 / 3 * (h * h + h * k + k * k), 0, l * l};
            case ORTHORHOMBIC -> new double[] {h * h, k * k, l * l};
        };
    }

    private int nLat() { return system == CrystalSystem.CUBIC ? 1 : system == CrystalSystem.ORTHORHOMBIC ? 3 : 2; }

    /** a, b, c from the parameter vector. */
    private double[] abc(double[] p) {
        return switch (system) {
            case CUBIC -> new double[] {p[1], p[1], p[1]};
            case TETRAGONAL, HEXAGONAL -> new double[] {p[1], p[1], p[2]};
            case ORTHORHOMBIC -> new double[] {p[1], p[2], p[3]};
        };
    }

    /** d of reflection r for lattice abc. */
    static double d(Reflection r, double[] abc) {
        return 1 / Math.sqrt(r.s1() / (abc[0] * abc[0]) + r.s2() / (abc[1] * abc[1]) + r.s3() / (abc[2] * abc[2]));
    }

    /** Per reflection: first index and unit-intensity profile values (all wavelengths). p: zero, lattice…, U, V, W, η. */
    private double[][] columns(double[] p, int[] first) {
        int o = 1 + nLat();
        double u = p[o], v = p[o + 1], ww = p[o + 2], eta = Math.min(1, Math.max(0, p[o + 3]));
        double[] abc = abc(p), lam = rad.wavelengthsA(), wt = rad.weights();
        double step = (xMax - xMin) / (x.length - 1);
        double[][] cols = new double[refl.size()][];
        for (int k = 0; k < refl.size(); k++) {
            double dk = d(refl.get(k), abc);
            int lo = Integer.MAX_VALUE, hi = -1;
            double[] cs = new double[lam.length], hs = new double[lam.length];
            for (int q = 0; q < lam.length; q++) {
                double sin = lam[q] / (2 * dk);
                if (sin >= 1) { cs[q] = Double.NaN; continue; }
                double th = Math.asin(sin), tan = Math.tan(th);
                cs[q] = Math.toDegrees(2 * th) + p[0];
                hs[q] = Math.sqrt(Math.max(1e-8, u * tan * tan + v * tan + ww));
                lo = Math.min(lo, Math.max(0, (int) Math.floor((cs[q] - 40 * hs[q] - xMin) / step)));
                hi = Math.max(hi, Math.min(x.length - 1, (int) Math.ceil((cs[q] + 40 * hs[q] - xMin) / step)));
            }
            if (hi < lo) { first[k] = 0; cols[k] = new double[0]; continue; }
            double[] col = new double[hi - lo + 1];
            for (int q = 0; q < lam.length; q++) {
                if (Double.isNaN(cs[q])) continue;
                double h = hs[q], gN = 2 / h * Math.sqrt(Math.log(2) / Math.PI), lN = 2 / (Math.PI * h);
                for (int i = lo; i <= hi; i++) {
                    double dx = x[i] - cs[q];
                    if (Math.abs(dx) > 40 * h) continue;
                    double z = 4 * dx * dx / (h * h);
                    col[i - lo] += wt[q] * (eta * lN / (1 + z) + (1 - eta) * (z < 60 ? gN * Math.exp(-Math.log(2) * z) : 0));
                }
            }
            first[k] = lo;
            cols[k] = col;
        }
        return cols;
    }

    private double[][] chebCols;

    private void initCheb() { chebCols = PawleyLinear.chebyshev(x, nBkg, xMin, xMax); }

    /** Linear coefficients (background then intensities) and the model, for nonlinear p. */
    private double[][] solve(double[] p) {
        if (chebCols == null) initCheb();
        int[] first = new int[refl.size()];
        double[][] cols = columns(p, first);
        return PawleyLinear.solve(chebCols, first, cols, y, w);
    }

    private double[] residuals(double[] p) {
        double[] m = solve(p)[1];
        for (int i = 0; i < m.length; i++) m[i] = (m[i] - y[i]) * w[i];
        return m;
    }

    /**
     * Refines from the starting lattice.
     *
     * @param startFwhmDeg starting FWHM (deg; W = FWHM², U = V = 0)
     * @param maxIterations LM iteration limit per stage
     */
    public Result refine(double startFwhmDeg, int maxIterations) {
        int nl = nLat(), o = 1 + nl, np = o + 4;
        double[] p = new double[np + 1];
        double[] l0 = abc0;
        if (system == CrystalSystem.ORTHORHOMBIC) { p[1] = l0[0]; p[2] = l0[1]; p[3] = l0[2]; }
        else if (system == CrystalSystem.CUBIC) p[1] = l0[0];
        else { p[1] = l0[0]; p[2] = l0[2]; }
        p[o + 2] = startFwhmDeg * startFwhmDeg;
        p[o + 3] = 0.5;
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        p[np] = sorted[sorted.length / 10]; // background level for the presearch only
        double[] sz = presearch(p, startFwhmDeg);
        p = Arrays.copyOf(p, np);
        for (int k = 1; k <= nl; k++) p[k] *= sz[0];
        p[0] = Double.isNaN(fixedZeroDeg) ? sz[1] : fixedZeroDeg;
        double[] ref = p.clone();
        LeastSquares.Result r = null;
        int iters = 0;
        for (int stage = 0; stage < 2; stage++) {
            boolean all = stage == 1;
            int[] free = free(np, o, all, !Double.isNaN(fixedZeroDeg));
            double[] pf = p;
            double[] sub = new double[free.length], scale = new double[free.length], lo = new double[free.length], hi = new double[free.length];
            for (int j = 0; j < free.length; j++) {
                int k = free[j];
                sub[j] = p[k];
                scale[j] = k == 0 ? 0.01 : k <= nl ? 1 : k < o + 3 ? 0.01 : 0.1;
                // bounds keep LM in the basin found by the presearch: cell ±3 %, zero ±1°, |U|,|V|,W ≤ 4 deg²
                lo[j] = k == 0 ? ref[0] - 1 : k <= nl ? 0.97 * ref[k] : k == o + 3 ? 0 : k == o + 2 ? 1e-8 : -4;
                hi[j] = k == 0 ? ref[0] + 1 : k <= nl ? 1.03 * ref[k] : k == o + 3 ? 1 : 4;
            }
            r = LeastSquares.fit(s -> residuals(expand(pf, free, s)), sub, scale, lo, hi, maxIterations, true);
            p = expand(p, free, r.p());
            iters += r.iterations();
            if (DEBUG) System.err.printf("stage %d p %s chi2nu %.4f iters %d%n", stage, Arrays.toString(p), r.reducedChi2(), r.iterations());
        }
        double[] std = new double[np];
        int[] free = free(np, o, true, !Double.isNaN(fixedZeroDeg));
        for (int j = 0; j < free.length; j++) std[free[j]] = r.std()[j];
        double[][] sol = solve(p);
        double[] calc = sol[1];
        double rw = rwp(calc), sw = 0;
        for (int i = 0; i < x.length; i++) sw += w[i] * w[i] * y[i] * y[i];
        int params = np + nBkg + refl.size();
        double rexp = Math.sqrt(Math.max(1, x.length - params) / sw);
        double[] latStd = switch (system) {
            case CUBIC -> new double[] {std[1], std[1], std[1]};
            case TETRAGONAL, HEXAGONAL -> new double[] {std[1], std[1], std[2]};
            case ORTHORHOMBIC -> new double[] {std[1], std[2], std[3]};
        };
        return new Result(system, abc(p), latStd, p[0], std[0], Arrays.copyOfRange(p, o, o + 4), Arrays.copyOfRange(std, o, o + 4),
                Arrays.copyOfRange(sol[0], 0, nBkg), rw, rexp, (rw / rexp) * (rw / rexp), calc, sol[2], List.copyOf(refl),
                Arrays.copyOfRange(sol[0], nBkg, sol[0].length), iters);
    }

    private double[] abc0;
    static boolean DEBUG = false;

    /** Sets the starting a, b, c (Å) — defaults to the structure's. */
    public PawleyRefinement startLattice(double[] abc) { this.abc0 = abc.clone(); return this; }

    private double fixedZeroDeg = Double.NaN;

    /** Holds the zero shift at {@code zeroDeg} (deg 2θ) instead of refining it (NaN: refine, the default). */
    public PawleyRefinement fixZero(double zeroDeg) { this.fixedZeroDeg = zeroDeg; return this; }

    private static int[] free(int np, int o, boolean all, boolean zeroFixed) {
        List<Integer> f = new ArrayList<>();
        for (int k = zeroFixed ? 1 : 0; k < np; k++) if (all || k < o || k == o + 2) f.add(k);
        return f.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] expand(double[] p, int[] free, double[] sub) {
        double[] q = p.clone();
        for (int j = 0; j < free.length; j++) q[free[j]] = sub[j];
        return q;
    }

    private double rwp(double[] calc) {
        double num = 0, den = 0;
        for (int i = 0; i < x.length; i++) {
            double r = (y[i] - calc[i]) * w[i];
            num += r * r;
            den += w[i] * w[i] * y[i] * y[i];
        }
        return Math.sqrt(num / den);
    }

    /**
     * Grid search for a common cell scale s (±2 %) and zero (±0.3°) before any least squares: the
     * score is the background-subtracted, FWHM-smoothed data summed at the predicted peak positions;
     * steps are a quarter FWHM at the highest angle, so the fit starts inside the right basin.
     */
    private double[] presearch(double[] p, double fwhm) {
        int n = x.length;
        double step = (xMax - xMin) / (n - 1), base = p[p.length - 1];
        int half = Math.max(1, (int) Math.round(fwhm / step));
        double[] sm = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int c = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(n - 1, i + half); j++) { s += Math.max(0, y[j] - base); c++; }
            sm[i] = s / c;
        }
        double tanMax = Math.tan(Math.toRadians(Math.min(xMax, 170) / 2));
        double ds = Math.toRadians(fwhm) / (8 * tanMax), dz = fwhm / 4;
        double[] abc = abc(p), lam = rad.wavelengthsA(), wt = rad.weights();
        double best = -1, bs = 1, bz = 0;
        for (double sc = 0.98; sc <= 1.02 + 1e-12; sc += ds) {
            double[] cell = {abc[0] * sc, abc[1] * sc, abc[2] * sc};
            double[][] centres = new double[refl.size()][lam.length];
            for (int k = 0; k < refl.size(); k++) {
                double dk = d(refl.get(k), cell);
                for (int q = 0; q < lam.length; q++) {
                    double sin = lam[q] / (2 * dk);
                    centres[k][q] = sin < 1 ? Math.toDegrees(2 * Math.asin(sin)) : Double.NaN;
                }
            }
            for (double z = -0.3; z <= 0.3 + 1e-12; z += dz) {
                double score = 0;
                for (double[] cs : centres) {
                    for (int q = 0; q < lam.length; q++) {
                        double u = (cs[q] + z - xMin) / step;
                        int i = (int) Math.floor(u);
                        if (!(i >= 0 && i < n - 1)) continue;
                        score += wt[q] * (sm[i] + (u - i) * (sm[i + 1] - sm[i]));
                    }
                }
                if (score > best) { best = score; bs = sc; bz = z; }
            }
        }
        return new double[] {bs, bz};
    }

}
