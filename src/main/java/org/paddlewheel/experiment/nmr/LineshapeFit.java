package org.paddlewheel.experiment.nmr;

import org.paddlewheel.experiment.LeastSquares;

/**
 * Fits C_Q, η_Q and δ_iso (and optionally the Lorentzian broadening) of a {@link QuadrupolarLineshape}
 * to a measured central-transition spectrum (ppm, intensity). The model is A·S(ppm; C_Q, η, δ_iso,
 * LB) + B: the amplitude A and flat baseline B are solved by linear least squares inside every
 * evaluation (variable projection), the rest by Levenberg–Marquardt ({@link LeastSquares}) with
 * η clamped to [0, 1] and C_Q ≥ 0 (the sign of C_Q does not show in the central transition).
 * Start: a grid over η ∈ {0, 0.25, 0.5, 0.75, 1} and C_Q scaled to the spectrum's second moment,
 * with δ_iso placed so the model's centre of gravity equals the measured one. Standard errors are
 * from the Jacobian scaled by χ²_ν (no intensity errors are given); processed spectra have
 * correlated noise, so they are lower bounds.
 */
public final class LineshapeFit {
    /**
     * The fitted values.
     *
     * @param cqHz C_Q (Hz) and its standard error {@code cqStdHz}
     * @param eta  η_Q and {@code etaStd}
     * @param isoPpm δ_iso (ppm) and {@code isoStdPpm}
     * @param lorentzHz Lorentzian FWHM (Hz; fixed or fitted) and {@code lorentzStdHz} (0 when fixed)
     * @param amplitude A, {@code baseline} B
     * @param model the fitted spectrum on the data's axis
     * @param rmsResidual root-mean-square residual, intensity units
     */
    public record Result(double cqHz, double cqStdHz, double eta, double etaStd, double isoPpm, double isoStdPpm,
                         double lorentzHz, double lorentzStdHz, double amplitude, double baseline, double[] model,
                         double rmsResidual, double reducedChi2, boolean etaAtBound) {}

    /** η within this of 0 or 1 counts as at its bound, where the Jacobian's error says nothing. */
    static final double ETA_BOUND = 0.02;

    private final QuadrupolarLineshape shape;
    private final double larmorHz;
    private final double gaussHz;

    /**
     * @param shape    the lineshape model (spin, static or MAS)
     * @param larmorHz Larmor frequency ν0 of the nucleus, Hz
     * @param gaussHz  fixed Gaussian broadening FWHM, Hz (0 = none)
     */
    public LineshapeFit(QuadrupolarLineshape shape, double larmorHz, double gaussHz) {
        this.shape = shape;
        this.larmorHz = larmorHz;
        this.gaussHz = gaussHz;
    }

    /**
     * Fits the spectrum {@code y} on the evenly spaced axis {@code ppm}.
     *
     * @param lorentzHz   Lorentzian FWHM in Hz: the start value when {@code fitLorentz}, else fixed
     */
    public Result fit(double[] ppm, double[] y, double lorentzHz, boolean fitLorentz) {
        int n = ppm.length;
        if (n < 16) throw new IllegalArgumentException("a lineshape fit needs at least 16 points, got " + n);
        double step = (ppm[n - 1] - ppm[0]) / (n - 1);
        for (int i = 1; i < n; i++) {
            if (Math.abs(ppm[i] - ppm[i - 1] - step) > 1e-3 * Math.abs(step) + 1e-9) {
                throw new IllegalArgumentException("the ppm axis must be evenly spaced (row " + (i + 1) + ")");
            }
        }
        // moments of the data above its lowest decile (a crude baseline)
        double[] sorted = y.clone();
        java.util.Arrays.sort(sorted);
        double base = sorted[n / 10], m0 = 0, m1 = 0, m2 = 0;
        for (int i = 0; i < n; i++) {
            double w = Math.max(0, y[i] - base);
            m0 += w;
            m1 += w * ppm[i];
            m2 += w * ppm[i] * ppm[i];
        }
        if (!(m0 > 0)) throw new IllegalArgumentException("the spectrum has no intensity above its baseline");
        double cg = m1 / m0, sd = Math.sqrt(Math.max(1e-12, m2 / m0 - cg * cg));
        double lb0 = Math.max(lorentzHz, 0);
        double[] best = null;
        double bestCost = Double.MAX_VALUE;
        double sdUnit = unitSd(0);
        for (double eta : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            for (double f : new double[] {0.4, 0.6, 0.8, 1.0, 1.25, 1.6}) {
                // width ∝ C_Q²: choose C_Q so the model's second-moment width is f·(data width)
                double cq = Math.sqrt(f * sd / (sdUnit * shape.ppmPerShapeUnit(1, larmorHz)));
                double iso = cg - (shape.centreOfGravityPpm(cq, eta, 0, larmorHz));
                double[] p = fitLorentz ? new double[] {cq, eta, iso, lb0} : new double[] {cq, eta, iso};
                double c = cost(residuals(ppm, y, p, lb0));
                if (c < bestCost) { bestCost = c; best = p; }
            }
        }
        double cqScale = best[0], isoScale = Math.max(Math.abs(step) * 10, 1);
        double[] scale = fitLorentz ? new double[] {cqScale, 0.1, isoScale, Math.max(lb0, 10)} : new double[] {cqScale, 0.1, isoScale};
        double[] lower = fitLorentz ? new double[] {0, 0, -1e6, 0} : new double[] {0, 0, -1e6};
        double[] upper = fitLorentz ? new double[] {1e12, 1, 1e6, 1e9} : new double[] {1e12, 1, 1e6};
        LeastSquares.Result r = LeastSquares.fit(p -> residuals(ppm, y, p, lb0), best, scale, lower, upper, 200, true);
        double[] p = r.p();
        double lb = fitLorentz ? p[3] : lb0;
        double[] s = shape.spectrum(p[0], p[1], p[2], larmorHz, lb, gaussHz, ppm);
        double[] ab = linear(s, y);
        double[] model = new double[n];
        double ss = 0;
        for (int i = 0; i < n; i++) {
            model[i] = ab[0] * s[i] + ab[1];
            ss += (y[i] - model[i]) * (y[i] - model[i]);
        }
        boolean atBound = p[1] < ETA_BOUND || p[1] > 1 - ETA_BOUND;
        double etaStd = atBound ? etaProfileBound(ppm, y, p, scale, lower, upper, lb0, r) : r.std()[1];
        return new Result(p[0], r.std()[0], p[1], etaStd, p[2], r.std()[2], lb, fitLorentz ? r.std()[3] : 0,
                ab[0], ab[1], model, Math.sqrt(ss / n), r.reducedChi2(), atBound);
    }

    /**
     * One-sided 1σ bound on η when the fit ends at η = 0 or 1: there ∂S/∂η vanishes to first order
     * (the lineshape depends on η² near 0), so the Jacobian's error is meaningless. Profile instead:
     * with η held at the bound ± d and the other parameters refitted, χ²(d) − χ²_min reaches the noise
     * variance σ² = χ²_min/ν (Δχ² = 1 in noise units) at the returned d, found by doubling then bisection
     * (≈ 10 constrained fits); 1 − bound when even the far end of [0, 1] is within it.
     */
    private double etaProfileBound(double[] ppm, double[] y, double[] best, double[] scale, double[] lower, double[] upper,
                                   double lb0, LeastSquares.Result full) {
        double sigma2 = full.chi2() / Math.max(1, full.dof());
        double edge = best[1] < 0.5 ? 0 : 1, dir = edge == 0 ? 1 : -1;
        java.util.function.DoubleUnaryOperator rise = d -> profileChi2(ppm, y, best, scale, lower, upper, lb0, edge + dir * d) - full.chi2();
        double lo = 0, hi = 0.02;
        while (rise.applyAsDouble(hi) < sigma2) {
            lo = hi;
            hi *= 2;
            if (hi >= 1) return rise.applyAsDouble(1) < sigma2 ? 1 : bisect(rise, lo, 1, sigma2);
        }
        return bisect(rise, lo, hi, sigma2);
    }

    private static double bisect(java.util.function.DoubleUnaryOperator rise, double lo, double hi, double target) {
        for (int k = 0; k < 6; k++) {
            double mid = 0.5 * (lo + hi);
            if (rise.applyAsDouble(mid) < target) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** χ² with η fixed and the other parameters refitted from {@code best}. */
    private double profileChi2(double[] ppm, double[] y, double[] best, double[] scale, double[] lower, double[] upper,
                               double lb0, double eta) {
        int m = best.length;
        double[] start = new double[m - 1], sc = new double[m - 1], lo = new double[m - 1], up = new double[m - 1];
        for (int k = 0, j = 0; k < m; k++) {
            if (k == 1) continue;
            start[j] = best[k]; sc[j] = scale[k]; lo[j] = lower[k]; up[j] = upper[k]; j++;
        }
        java.util.function.Function<double[], double[]> res = q -> {
            double[] p = new double[m];
            for (int k = 0, j = 0; k < m; k++) p[k] = k == 1 ? eta : q[j++];
            return residuals(ppm, y, p, lb0);
        };
        return LeastSquares.fit(res, start, sc, lo, up, 100, false).chi2();
    }

    private double unitSd(double eta) {
        double[] v = shape.shiftsPpm(1, eta, 0, 1);
        double k = shape.ppmPerShapeUnit(1, 1), m = 0, m2 = 0;
        for (double x : v) { m += x / k; m2 += (x / k) * (x / k); }
        m /= v.length;
        return Math.sqrt(m2 / v.length - m * m);
    }

    private double[] residuals(double[] ppm, double[] y, double[] p, double lb0) {
        double lb = p.length > 3 ? p[3] : lb0;
        double[] s = shape.spectrum(p[0], p[1], p[2], larmorHz, lb, gaussHz, ppm);
        double[] ab = linear(s, y);
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) r[i] = ab[0] * s[i] + ab[1] - y[i];
        return r;
    }

    /** Least-squares A, B of y ≈ A·s + B (closed form for two unknowns). */
    static double[] linear(double[] s, double[] y) {
        int n = s.length;
        double ss = 0, sy = 0, s1 = 0, y1 = 0;
        for (int i = 0; i < n; i++) { ss += s[i] * s[i]; sy += s[i] * y[i]; s1 += s[i]; y1 += y[i]; }
        double det = n * ss - s1 * s1;
        if (Math.abs(det) < 1e-300) return new double[] {0, y1 / n};
        return new double[] {(n * sy - s1 * y1) / det, (ss * y1 - s1 * sy) / det};
    }

    private static double cost(double[] r) {
        double c = 0;
        for (double v : r) c += v * v;
        return c;
    }
}
