package org.paddlewheel.experiment.impedance;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * The linear Kramers–Kronig test of Schönleber, Klotz and Ivers-Tiffée (Electrochim. Acta 131,
 * 20 (2014)): the spectrum is fitted by the KK-compliant model
 * Ẑ(ω) = R₀ + Σₖ Rₖ/(1 + jωτₖ) [+ 1/(jωC) + jωL] with M time constants fixed and log-spaced
 * from τ₁ = 1/ω_max to τ_M = 1/ω_min, so that only the (linear) resistances are fitted, by
 * weighted linear least squares with weights 1/|Z| on real and imaginary parts. The number M is
 * chosen with μ = 1 − Σ_{Rₖ&lt;0}|Rₖ| / Σ_{Rₖ≥0}|Rₖ| and the cut-off c (0.85, their heuristic):
 * Schönleber et al. raise M until μ &lt; c. Because μ(M) oscillates for spectra with ideal RC
 * arcs or noise and can stop that rule while the model still under-fits, M is raised further,
 * if needed, to the start of the residual plateau: the smallest M whose RMS residual is within
 * 25 % of the lowest RMS for any M ≤ M_max. The optional series capacitance and
 * inductance (on by default) let spectra of blocking electrodes and cables be tested, as in
 * Schönleber &amp; Ivers-Tiffée, Electrochem. Commun. 58, 15 (2015). The relative residuals
 * Δ' = (Z' − Ẑ')/|Z|, Δ'' = (Z'' − Ẑ'')/|Z| judge the data: the spectrum passes when
 * max |Δ| ≤ {@code maxResidual} (default 0.01, i.e. 1 % of |Z|); drift and non-linearity leave
 * larger, systematic residuals.
 */
public final class LinearKramersKronig {
    private final double muCutoff;
    private final int maxM;
    private final boolean seriesCL;
    private final double maxResidual;

    /** Default: c = 0.85, M ≤ 50, series C and L included, pass at max |Δ| ≤ 1 %. */
    public LinearKramersKronig() {
        this(0.85, 50, true, 0.01);
    }

    public LinearKramersKronig(double muCutoff, int maxM, boolean seriesCapacitanceAndInductance, double maxResidual) {
        this.muCutoff = muCutoff;
        this.maxM = maxM;
        this.seriesCL = seriesCapacitanceAndInductance;
        this.maxResidual = maxResidual;
    }

    /**
     * Result of the test.
     *
     * @param m              number of RC elements chosen
     * @param mu             μ at that M
     * @param resistancesOhm R₀, R₁..R_M (Ω)
     * @param tauS           τ₁..τ_M (s)
     * @param residualReal   Δ' per point (fraction of |Z|), in the spectrum's point order
     * @param residualImag   Δ'' per point
     * @param maxAbsResidual max over all |Δ'|, |Δ''|
     * @param rmsResidual    √(mean of Δ'² and Δ''²)
     * @param maxResidual    the pass threshold used
     * @param pass           maxAbsResidual ≤ maxResidual
     * @param model          Ẑ at the measured frequencies
     */
    public record Result(int m, double mu, double[] resistancesOhm, double[] tauS, double[] residualReal, double[] residualImag,
                         double maxAbsResidual, double rmsResidual, double maxResidual, boolean pass, Spectrum model) {}

    /** Runs the test on {@code s}. */
    public Result test(Spectrum s) {
        int n = s.size();
        int extra = seriesCL ? 3 : 1;
        int limit = Math.min(maxM, 2 * n - extra - 1);
        if (limit < 1) throw new IllegalArgumentException("lin-KK needs more points than " + n);
        // Schönleber's rule: the first M with μ < c. μ(M) is not monotone, though: for spectra
        // with sharp (ideal-RC) time constants or with noise it dips below c while the model still
        // under-fits. So M is raised further, if needed, to the smallest M whose RMS residual is
        // within 25 % of the lowest RMS over M ≤ limit (the residual plateau).
        double[] rms = new double[limit + 1];
        int mMu = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= limit; k++) {
            double[] t = taus(s, k), x = solve(s, t);
            rms[k] = rms(s, x, t);
            best = Math.min(best, rms[k]);
            if (mMu < 0 && mu(x, k) < muCutoff) mMu = k;
        }
        if (mMu < 0) mMu = limit;
        int plateau = 1;
        while (rms[plateau] > 1.25 * best) plateau++;
        int m = Math.max(mMu, plateau);
        double[] tau = taus(s, m);
        double[] sol = solve(s, tau);
        double mu = mu(sol, m);
        double[] re = new double[n], im = new double[n], mre = new double[n], mim = new double[n];
        double max = 0, sum2 = 0;
        for (int i = 0; i < n; i++) {
            double[] z = model(sol, tau, 2 * Math.PI * s.f(i));
            mre[i] = z[0];
            mim[i] = z[1];
            double mod = s.modulus(i);
            re[i] = (s.re(i) - z[0]) / mod;
            im[i] = (s.im(i) - z[1]) / mod;
            max = Math.max(max, Math.max(Math.abs(re[i]), Math.abs(im[i])));
            sum2 += re[i] * re[i] + im[i] * im[i];
        }
        double[] r = java.util.Arrays.copyOf(sol, m + 1);
        return new Result(m, mu, r, tau, re, im, max, Math.sqrt(sum2 / (2 * n)), maxResidual, max <= maxResidual,
                new Spectrum("lin-KK", s.frequencyHz(), mre, mim));
    }

    private double rms(Spectrum s, double[] sol, double[] tau) {
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            double[] z = model(sol, tau, 2 * Math.PI * s.f(i));
            double mod = s.modulus(i), a = (s.re(i) - z[0]) / mod, b = (s.im(i) - z[1]) / mod;
            sum += a * a + b * b;
        }
        return Math.sqrt(sum / (2 * s.size()));
    }

    /** τ_k log-spaced from 1/ω_max to 1/ω_min (s). */
    static double[] taus(Spectrum s, int m) {
        double fMax = 0, fMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) {
            fMax = Math.max(fMax, s.f(i));
            fMin = Math.min(fMin, s.f(i));
        }
        double tMin = 1 / (2 * Math.PI * fMax), tMax = 1 / (2 * Math.PI * fMin);
        double[] t = new double[m];
        for (int k = 0; k < m; k++) t[k] = m == 1 ? Math.sqrt(tMin * tMax) : tMin * Math.pow(tMax / tMin, (double) k / (m - 1));
        return t;
    }

    /** μ = 1 − Σ|R_k<0| / Σ|R_k≥0| over the RC resistances sol[1..m]. */
    static double mu(double[] sol, int m) {
        double neg = 0, pos = 0;
        for (int k = 1; k <= m; k++) {
            if (sol[k] < 0) neg -= sol[k];
            else pos += sol[k];
        }
        return pos > 0 ? 1 - neg / pos : Double.NEGATIVE_INFINITY;
    }

    /** Model (re, im) at ω for solution [R0, R1..Rm, (1/C), (L)]. */
    private double[] model(double[] sol, double[] tau, double w) {
        double re = sol[0], im = 0;
        for (int k = 0; k < tau.length; k++) {
            double wt = w * tau[k], d = 1 + wt * wt;
            re += sol[k + 1] / d;
            im -= sol[k + 1] * wt / d;
        }
        if (seriesCL) {
            im += -sol[tau.length + 1] / w + sol[tau.length + 2] * w;
        }
        return new double[] {re, im};
    }

    /** Weighted linear least squares, columns scaled to unit norm before the QR solve. */
    private double[] solve(Spectrum s, double[] tau) {
        int n = s.size(), m = tau.length, p = m + 1 + (seriesCL ? 2 : 0);
        double[][] a = new double[2 * n][p];
        double[] b = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double w = 2 * Math.PI * s.f(i), wt = 1 / s.modulus(i);
            a[2 * i][0] = wt;
            for (int k = 0; k < m; k++) {
                double x = w * tau[k], d = 1 + x * x;
                a[2 * i][k + 1] = wt / d;
                a[2 * i + 1][k + 1] = -wt * x / d;
            }
            if (seriesCL) {
                a[2 * i + 1][m + 1] = -wt / w;
                a[2 * i + 1][m + 2] = wt * w;
            }
            b[2 * i] = wt * s.re(i);
            b[2 * i + 1] = wt * s.im(i);
        }
        double[] scale = new double[p];
        for (int k = 0; k < p; k++) {
            double norm = 0;
            for (double[] row : a) norm += row[k] * row[k];
            scale[k] = norm > 0 ? 1 / Math.sqrt(norm) : 1;
            for (double[] row : a) row[k] *= scale[k];
        }
        RealVector x = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-14).getSolver().solve(new ArrayRealVector(b, false));
        double[] sol = x.toArray();
        for (int k = 0; k < p; k++) sol[k] *= scale[k];
        return sol;
    }
}
