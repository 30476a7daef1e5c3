package org.paddlewheel.experiment.impedance;

import java.util.Locale;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * lin-KK exactly as impedance.py runs it ({@code impedance.validation.linKK}, v1.4+; Schönleber
 * et al., Electrochim. Acta 131, 20 (2014), with Boukamp's R₀ estimate for imaginary-part fits,
 * J. Electrochem. Soc. 142, 1885 (1995)), so that its users get the same M and μ.
 *
 * <p>Model: Ẑ(ω) = R₀ + Σ_{k=1..M} R_k/(1 + jωτ_k) + jωL [+ 1/(jωC) with {@code addCapacitance}].
 * Time constants: τ₁ = 1/(2π f_max), τ_M = 1/(2π f_min), log-spaced between (for M = 1 the single
 * τ is 1/(2π f_min), as impedance.py's array assignment leaves it). Every column and the data are
 * divided by |Z| (Ω). Fit types:
 * <ul>
 * <li>{@code REAL}: R₀, R_k from the real parts by the pseudo-inverse (SVD, singular values below
 *     10⁻¹⁵·σ_max dropped, as {@code numpy.linalg.pinv}); then L (and 1/C) from the imaginary
 *     residual of that fit by a second pseudo-inverse;</li>
 * <li>{@code IMAG}: R_k, L (and 1/C) from the imaginary parts; R₀ = Σ w(Z' − Ẑ')/Σ w with
 *     w = 1/|Z|² (Boukamp, Eq. 7);</li>
 * <li>{@code COMPLEX}: both parts at once, normal equations (A'ᵀA' + A''ᵀA'')x = A'ᵀb' + A''ᵀb''
 *     (Schönleber Eq. 14).</li>
 * </ul>
 * μ = 1 − Σ_{R_k&lt;0}|R_k| / Σ_{R_k≥0}|R_k|. Stopping rule: M = 1, 2, … and stop at the first M
 * with μ ≤ c; if none up to {@code maxM}, impedance.py's loop ends at M = maxM + 1 and so does this.
 * Residuals Δ = (Z − Ẑ)/|Z|, real and imaginary.
 */
public final class ImpedancePyLinKk {
    private ImpedancePyLinKk() {}

    /** Which parts of the data are fitted (impedance.py's {@code fit_type}). */
    public enum FitType {
        REAL, IMAG, COMPLEX;

        /** Parses "real", "imag" or "complex". */
        public static FitType parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "real" -> REAL;
                case "imag", "imaginary" -> IMAG;
                case "complex", "both" -> COMPLEX;
                default -> throw new IllegalArgumentException("fit type must be real, imag or complex, got '" + s + "'");
            };
        }
    }

    /**
     * Result of the test.
     *
     * @param m            number of RC elements
     * @param mu           μ at that M
     * @param elements     R₀, R₁..R_M (Ω), [1/C (1/F)], L (H), impedance.py's order
     * @param tauS         τ₁..τ_M (s)
     * @param residualReal Δ' per point (fraction of |Z|)
     * @param residualImag Δ'' per point
     * @param model        Ẑ at the measured frequencies
     */
    public record Result(int m, double mu, double[] elements, double[] tauS, double[] residualReal, double[] residualImag,
                         Spectrum model) {
        /** max over |Δ'|, |Δ''|. */
        public double maxAbsResidual() {
            double max = 0;
            for (int i = 0; i < residualReal.length; i++) max = Math.max(max, Math.max(Math.abs(residualReal[i]), Math.abs(residualImag[i])));
            return max;
        }

        /** √(mean of Δ'² and Δ''²). */
        public double rmsResidual() {
            double s = 0;
            for (int i = 0; i < residualReal.length; i++) s += residualReal[i] * residualReal[i] + residualImag[i] * residualImag[i];
            return Math.sqrt(s / (2.0 * residualReal.length));
        }
    }

    /** Runs impedance.py's loop: the first M (from 1) with μ ≤ c, at most maxM (+ 1, see class comment). */
    public static Result test(Spectrum s, double c, int maxM, FitType type, boolean addCapacitance) {
        if (!(c > 0) || c > 1) throw new IllegalArgumentException("the mu cut-off c must be in (0, 1], got " + c);
        if (maxM < 1) throw new IllegalArgumentException("max M must be at least 1");
        int m = 0;
        double mu = 1;
        double[] tau = null, el = null;
        while (mu > c && m <= maxM) {
            m++;
            tau = taus(s, m);
            el = fit(s, tau, type, addCapacitance);
            mu = mu(el, m);
        }
        return result(s, m, mu, el, tau);
    }

    /** The fit at a fixed M (impedance.py with {@code c=None, max_M=M}). */
    public static Result fixedM(Spectrum s, int m, FitType type, boolean addCapacitance) {
        double[] tau = taus(s, m), el = fit(s, tau, type, addCapacitance);
        return result(s, m, mu(el, m), el, tau);
    }

    private static Result result(Spectrum s, int m, double mu, double[] el, double[] tau) {
        int n = s.size();
        double[] re = new double[n], im = new double[n], mre = new double[n], mim = new double[n];
        for (int i = 0; i < n; i++) {
            double[] z = model(el, tau, s.f(i));
            mre[i] = z[0];
            mim[i] = z[1];
            double mod = s.modulus(i);
            re[i] = (s.re(i) - z[0]) / mod;
            im[i] = (s.im(i) - z[1]) / mod;
        }
        return new Result(m, mu, el, tau, re, im, new Spectrum("lin-KK (impedance.py)", s.frequencyHz(), mre, mim));
    }

    /** τ_k (s) as impedance.py's get_tc_distribution. */
    public static double[] taus(Spectrum s, int m) {
        double fMax = 0, fMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) {
            fMax = Math.max(fMax, s.f(i));
            fMin = Math.min(fMin, s.f(i));
        }
        double tMin = 1 / (2 * Math.PI * fMax), tMax = 1 / (2 * Math.PI * fMin);
        double[] t = new double[m];
        t[0] = tMin;
        t[m - 1] = tMax;
        for (int k = 2; k < m; k++) t[k - 1] = Math.pow(10, Math.log10(tMin) + ((k - 1.0) / (m - 1)) * Math.log10(tMax / tMin));
        return t;
    }

    /** μ over R₁..R_M of an element vector. */
    static double mu(double[] el, int m) {
        double neg = 0, pos = 0;
        for (int k = 1; k <= m; k++) {
            if (el[k] < 0) neg -= el[k];
            else pos += el[k];
        }
        return 1 - neg / pos;
    }

    /** Ẑ (re, im) at frequency f (Hz) for elements [R₀, R_k…, (1/C), L]. */
    static double[] model(double[] el, double[] tau, double f) {
        double w = 2 * Math.PI * f, re = el[0], im = 0;
        for (int k = 0; k < tau.length; k++) {
            double x = w * tau[k], d = 1 + x * x;
            re += el[k + 1] / d;
            im -= el[k + 1] * x / d;
        }
        im += w * el[el.length - 1];
        if (el.length == tau.length + 3) im -= el[el.length - 2] / w;
        return new double[] {re, im};
    }

    /** The element vector for fixed τ (see the class comment for each fit type). */
    static double[] fit(Spectrum s, double[] tau, FitType type, boolean addCap) {
        int n = s.size(), m = tau.length, p = m + 2 + (addCap ? 1 : 0);
        double[][] are = new double[n][p], aim = new double[n][p];
        double[] bre = new double[n], bim = new double[n];
        for (int i = 0; i < n; i++) {
            double w = 2 * Math.PI * s.f(i), mod = s.modulus(i);
            are[i][0] = 1 / mod;
            for (int k = 0; k < m; k++) {
                double x = w * tau[k], d = 1 + x * x;
                are[i][k + 1] = 1 / d / mod;
                aim[i][k + 1] = -x / d / mod;
            }
            if (addCap) aim[i][p - 2] = -1 / (w * mod);
            aim[i][p - 1] = w / mod;
            bre[i] = s.re(i) / mod;
            bim[i] = s.im(i) / mod;
        }
        double[] el;
        switch (type) {
            case REAL -> {
                el = pinvSolve(are, bre);
                if (addCap) el[p - 2] = 1e-18;   // impedance.py: "nullifies series C without dividing by 0"
                double[][] a2 = new double[n][2];
                double[] b2 = new double[n];
                for (int i = 0; i < n; i++) {
                    double w = 2 * Math.PI * s.f(i), mod = s.modulus(i);
                    a2[i][1] = w / mod;
                    if (addCap) a2[i][0] = -1 / (w * mod);
                    b2[i] = (s.im(i) - model(el, tau, s.f(i))[1]) / mod;
                }
                double[] coef = pinvSolve(a2, b2);
                if (addCap) el[p - 2] = coef[0];
                el[p - 1] = coef[1];
            }
            case IMAG -> {
                el = pinvSolve(aim, bim);
                double sw = 0, swr = 0;
                for (int i = 0; i < n; i++) {
                    double ws = 1 / (s.re(i) * s.re(i) + s.im(i) * s.im(i));
                    sw += ws;
                    swr += ws * (s.re(i) - model(el, tau, s.f(i))[0]);
                }
                el[0] = swr / sw;
            }
            default -> {
                double[][] nm = new double[p][p];
                double[] y = new double[p];
                for (int i = 0; i < n; i++) {
                    for (int a = 0; a < p; a++) {
                        y[a] += are[i][a] * bre[i] + aim[i][a] * bim[i];
                        for (int b = 0; b < p; b++) nm[a][b] += are[i][a] * are[i][b] + aim[i][a] * aim[i][b];
                    }
                }
                el = new LUDecomposition(new Array2DRowRealMatrix(nm, false), 0.0).getSolver()
                        .solve(new ArrayRealVector(y, false)).toArray();
            }
        }
        return el;
    }

    /** A⁺b with numpy.linalg.pinv's cut-off: singular values ≤ 1e-15·σ_max count as zero. */
    static double[] pinvSolve(double[][] a, double[] b) {
        RealMatrix m = new Array2DRowRealMatrix(a, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(m);
        double[] sv = svd.getSingularValues();
        double cut = 1e-15 * (sv.length == 0 ? 0 : sv[0]);
        RealMatrix u = svd.getU(), v = svd.getV();
        double[] x = new double[a[0].length];
        for (int k = 0; k < sv.length; k++) {
            if (!(sv[k] > cut)) continue;
            double dot = 0;
            for (int i = 0; i < b.length; i++) dot += u.getEntry(i, k) * b[i];
            dot /= sv[k];
            for (int j = 0; j < x.length; j++) x[j] += v.getEntry(j, k) * dot;
        }
        return x;
    }
}
