package org.paddlewheel.analysis;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.special.Gamma;
import org.hipparchus.util.Pair;

/**
 * Kohlrausch–Williams–Watts (stretched exponential) fit of a decaying correlation function,
 * C(t) = exp(−(t/τ)^β), by Levenberg–Marquardt (Hipparchus; MINPACK-derived) in the parameters
 * (ln τ, β), β confined to [0.05, 3]. The mean relaxation time is τ̄ = ∫₀^∞ C dt = (τ/β)·Γ(1/β).
 * The fit uses lags 1..m_end, where m_end is the first lag at which C drops below 0.05 (below that
 * the curve is noise) or the last reliable lag (half the run), whichever comes first. If C is still
 * above 1/e at the last reliable lag the function has not decayed within the run: the result is a
 * lower bound τ̄ ≥ t_end (the last reliable lag time) and β is not reported (NaN) — no number is
 * extrapolated from a curve that has barely started to decay. Times in fs.
 */
public final class StretchedExponentialFit {
    private StretchedExponentialFit() {}

    /** Noise floor below which C(t) is not fitted. */
    static final double FLOOR = 0.05;

    /**
     * Result.
     *
     * @param tauFs        KWW τ, fs (NaN for a lower bound)
     * @param beta         stretching exponent β (NaN for a lower bound)
     * @param meanTauFs    τ̄ = (τ/β)Γ(1/β), fs; for a lower bound, the bound t_end
     * @param isLowerBound true when C did not fall below 1/e within the reliable lags
     * @param fitEndFs     last lag used, fs
     */
    public record Result(double tauFs, double beta, double meanTauFs, boolean isLowerBound, double fitEndFs) {}

    /** Fits C at lags m·dtFs, using at most lags 1..{@code maxLag}. */
    public static Result fit(double[] c, double dtFs, int maxLag) {
        int last = Math.min(maxLag, c.length - 1);
        if (last < 2) throw new IllegalArgumentException("too few lags to fit a decay");
        int end = last;
        int cross = -1;
        for (int m = 1; m <= last; m++) {
            if (cross < 0 && c[m] < Math.exp(-1)) cross = m;
            if (c[m] < FLOOR) { end = Math.max(2, m - 1); break; }
        }
        if (cross < 0) return new Result(Double.NaN, Double.NaN, last * dtFs, true, last * dtFs);
        final int n = end;
        double[] t = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) { t[i] = (i + 1) * dtFs; y[i] = c[i + 1]; }
        double tau0 = cross * dtFs;
        LeastSquaresBuilder b = new LeastSquaresBuilder()
                .start(new double[] {Math.log(tau0), 1.0})
                .target(y)
                .model(p -> {
                    double lt = p.getEntry(0), beta = p.getEntry(1);
                    double tau = Math.exp(lt);
                    RealVector v = new ArrayRealVector(n);
                    Array2DRowRealMatrix j = new Array2DRowRealMatrix(n, 2);
                    for (int i = 0; i < n; i++) {
                        double x = t[i] / tau, xb = Math.pow(x, beta), f = Math.exp(-xb);
                        v.setEntry(i, f);
                        j.setEntry(i, 0, f * xb * beta);            // ∂f/∂ln τ
                        j.setEntry(i, 1, -f * xb * Math.log(x));    // ∂f/∂β
                    }
                    return new Pair<>(v, j);
                })
                .parameterValidator(p -> {
                    p.setEntry(1, Math.max(0.05, Math.min(3.0, p.getEntry(1))));
                    return p;
                })
                .maxEvaluations(2000).maxIterations(2000);
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(b.build());
        double tau = Math.exp(opt.getPoint().getEntry(0)), beta = opt.getPoint().getEntry(1);
        return new Result(tau, beta, meanTau(tau, beta), false, n * dtFs);
    }

    /** τ̄ = (τ/β)Γ(1/β), the integral of exp(−(t/τ)^β) over t ≥ 0. */
    public static double meanTau(double tau, double beta) {
        return tau / beta * Gamma.gamma(1.0 / beta);
    }
}
