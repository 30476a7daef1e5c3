package org.paddlewheel.experiment.impedance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Complex non-linear least squares (CNLS) fit of an equivalent {@link Circuit} to a
 * {@link Spectrum}: real and imaginary residuals, weighted as chosen ({@link Weighting}), are
 * minimised together by the Levenberg–Marquardt optimiser of Hipparchus, which derives from
 * MINPACK (J. J. Moré, B. S. Garbow, K. E. Hillstrom, Argonne National Laboratory, 1980).
 * <p>By default the optimiser works in θ = ln p for every parameter, so one step moves R1 = 10⁵ Ω
 * and Q1 = 10⁻¹⁰ S·s^α by comparable relative amounts and no parameter can turn negative; with
 * {@code logParameters = false} it works in p itself (the "usual" CNLS, kept for comparison).
 * Bounds (default: p &gt; 0, and α ≤ 1 for CPE exponents) are enforced by clamping θ after each step.
 * The Jacobian is taken by central differences in θ (step 10⁻⁶ in ln p, or 10⁻⁶·|p|).
 * <p>Standard errors: cov(θ) = s²·(JᵀJ)⁻¹ with s² = χ²/(2N − P) (the weights are relative, so
 * the noise scale is estimated from the residuals), propagated to p by σ_p = p·σ_θ in log mode.
 * The inverse uses an SVD; singular directions give NaN errors.
 * <p>In log mode the fit is run from the caller's start and from each of
 * {@link InitialGuess#candidates}, and the lowest χ² is kept (the caller's on a tie;
 * {@link FitResult#fromAutomaticStart()} says which won); each run is a log-parameter LM followed
 * by a polish in p itself.
 */
public final class ComplexNonlinearLeastSquares {
    /**
     * Default lower bound of a CPE exponent. Below about 0.3 a CPE no longer behaves as a
     * (distributed) capacitance; without the bound a fit from a poor start can let an arc vanish
     * (α → 0, Q → ∞) and absorb the spectrum into another element.
     */
    public static final double MIN_EXPONENT = 0.3;

    private final Weighting weighting;
    private final boolean logParameters;
    private int maxIterations = 500;

    /** A fitter with the given weighting, in log-parameters or not. */
    public ComplexNonlinearLeastSquares(Weighting weighting, boolean logParameters) {
        this.weighting = weighting;
        this.logParameters = logParameters;
    }

    /** The default: modulus weighting, log-parameters. */
    public static ComplexNonlinearLeastSquares standard() {
        return new ComplexNonlinearLeastSquares(Weighting.MODULUS, true);
    }

    /** Returns this fitter with another iteration limit. */
    public ComplexNonlinearLeastSquares withMaxIterations(int n) {
        this.maxIterations = n;
        return this;
    }

    /** Fits with default bounds and no fixed parameters. */
    public FitResult fit(Spectrum data, Circuit circuit, double[] initial) {
        return fit(data, circuit, initial, null, null, null);
    }

    /**
     * Fits {@code circuit} to {@code data} from {@code initial}.
     *
     * @param fixed  per parameter: hold at its initial value (null: none fixed)
     * @param lower  lower bounds in parameter units (null: 0, and {@link #MIN_EXPONENT} for CPE exponents; raised to 1e-300 in log mode)
     * @param upper  upper bounds (null: +∞, 1 for CPE exponents)
     */
    /**
     * Fits from the caller's start alone (no automatic starts): what {@code eis fit --initial}
     * reports. A non-positive free starting value (impossible in ln p) is replaced by the automatic one.
     */
    public FitResult fitGiven(Spectrum data, Circuit circuit, double[] initial, boolean[] fixed) {
        if (!logParameters) return fitFrom(data, circuit, initial, fixed, null, null);
        double[] start = initial.clone();
        double[] auto = InitialGuess.candidates(circuit, data).get(0);
        for (int i = 0; i < start.length; i++) {
            boolean isFixed = fixed != null && fixed[i];
            if (!isFixed && !(start[i] > 0)) start[i] = auto[i];
        }
        return fitFrom(data, circuit, start, fixed, null, null);
    }

    public FitResult fit(Spectrum data, Circuit circuit, double[] initial, boolean[] fixed, double[] lower, double[] upper) {
        if (!logParameters) return fitFrom(data, circuit, initial, fixed, lower, upper);
        // Further starts from the spectrum itself ({@link InitialGuess#candidates}) guard against
        // a poor start that lets an arc vanish; fixed parameters keep the caller's values. The
        // caller's start is fitted first and is replaced only by a strictly lower χ² (relative
        // 1e-9). A non-positive free starting value (impossible in ln p) is replaced by the
        // automatic one.
        List<double[]> autos = InitialGuess.candidates(circuit, data);
        double[] start = initial.clone();
        for (int i = 0; i < start.length; i++) {
            boolean isFixed = fixed != null && fixed[i];
            if (!isFixed && !(start[i] > 0)) start[i] = autos.get(0)[i];
        }
        FitResult best = fitFrom(data, circuit, start, fixed, lower, upper);
        List<double[]> seen = new ArrayList<>();
        seen.add(start);
        for (double[] auto : autos) {
            for (int i = 0; i < auto.length; i++) if (fixed != null && fixed[i]) auto[i] = initial[i];
            if (seen.stream().anyMatch(x -> Arrays.equals(x, auto))) continue;
            seen.add(auto);
            FitResult a = fitFrom(data, circuit, auto, fixed, lower, upper);
            if (a.chiSquared() < best.chiSquared() * (1 - 1e-9)) best = a.fromAutomaticStart(true);
        }
        return best;
    }

    FitResult fitFrom(Spectrum data, Circuit circuit, double[] initial, boolean[] fixed, double[] lower, double[] upper) {
        int np = circuit.parameterCount();
        if (initial.length != np) throw new IllegalArgumentException("need " + np + " initial values for " + circuit.text());
        boolean[] fix = fixed == null ? new boolean[np] : fixed.clone();
        double[] lo = new double[np], hi = new double[np];
        for (int i = 0; i < np; i++) {
            lo[i] = lower == null ? (circuit.isExponent(i) ? MIN_EXPONENT : 0.0) : lower[i];
            hi[i] = upper == null ? (circuit.isExponent(i) ? 1.0 : Double.POSITIVE_INFINITY) : upper[i];
            if (!(initial[i] > 0) && logParameters) {
                throw new IllegalArgumentException("initial value of " + circuit.parameterNames().get(i) + " must be > 0, got " + initial[i]);
            }
        }
        int[] free = java.util.stream.IntStream.range(0, np).filter(i -> !fix[i]).toArray();
        int n = data.size();
        if (2 * n <= free.length) throw new IllegalArgumentException("too few points (" + n + ") for " + free.length + " free parameters");
        double[] sigRe = new double[n], sigIm = new double[n];
        for (int i = 0; i < n; i++) {
            double[] s = weighting.sigma(data, i);
            sigRe[i] = s[0];
            sigIm[i] = s[1];
        }
        double[] typical = new double[np];
        for (int i = 0; i < np; i++) typical[i] = Math.abs(initial[i]);
        double[] p = initial.clone();
        int iterations = 0, evaluations = 0;
        boolean converged = true;
        if (logParameters) {
            Stage s1 = optimize(true, data, circuit, p, free, lo, hi, typical, sigRe, sigIm);
            p = s1.p;
            converged = s1.converged;
            iterations += s1.iterations;
            evaluations += s1.evaluations;
        }
        // Polish (or, without log-parameters, the whole fit) in p itself: a parameter driven
        // towards 0 in ln p has a vanishing gradient there and cannot come back; in p it can.
        // In log mode the polish keeps the same positive floor (1e-300) as ln p, so a parameter
        // cannot end at exactly 0 (a CPE with Q = 0 has an infinite impedance).
        double[] loPolish = lo.clone();
        if (logParameters) for (int i = 0; i < np; i++) loPolish[i] = Math.max(lo[i], 1e-300);
        Stage s2 = optimize(false, data, circuit, p, free, loPolish, hi, typical, sigRe, sigIm);
        iterations += s2.iterations;
        evaluations += s2.evaluations;
        ResidualModel lin = new ResidualModel(data, circuit, p, free, sigRe, sigIm, false, typical);
        if (!logParameters || chi2(lin.residuals(s2.p)) <= chi2(lin.residuals(p)) * (1 + 1e-9)) {
            p = s2.p;
            converged = s2.converged || (logParameters && converged);
        }
        double[] r = lin.residuals(p);
        double chi2 = chi2(r);
        int dof = 2 * n - free.length;
        double s2v = chi2 / dof;
        double[] pFree = new double[free.length];
        for (int k = 0; k < free.length; k++) pFree[k] = p[free[k]];
        lin = new ResidualModel(data, circuit, p, free, sigRe, sigIm, false, typical);
        double[] var = covarianceDiagonal(lin.jacobian(pFree));
        double[] err = new double[np];
        boolean[] atBound = new boolean[np];
        for (int k = 0; k < free.length; k++) {
            int i = free[k];
            err[i] = Math.sqrt(var[k] * s2v);
            atBound[i] = p[i] <= lo[i] * (1 + 1e-12) + 1e-300 || p[i] >= hi[i] * (1 - 1e-12);
        }
        return new FitResult(circuit, circuit.parameterNames(), circuit.parameterUnits(), p, err, fix, atBound, chi2, s2v,
                weighting, logParameters, converged, iterations, evaluations, false);
    }

    private record Stage(double[] p, int iterations, int evaluations, boolean converged) {}

    private Stage optimize(boolean log, Spectrum data, Circuit circuit, double[] initial, int[] free, double[] lo, double[] hi,
                           double[] typical, double[] sigRe, double[] sigIm) {
        double[] tLo = new double[free.length], tHi = new double[free.length], start = new double[free.length];
        for (int k = 0; k < free.length; k++) {
            int i = free[k];
            tLo[k] = toTheta(log, log ? Math.max(lo[i], 1e-300) : lo[i]);
            tHi[k] = toTheta(log, hi[i]);
            start[k] = Math.min(Math.max(toTheta(log, initial[i]), tLo[k]), tHi[k]);
        }
        ResidualModel model = new ResidualModel(data, circuit, initial, free, sigRe, sigIm, log, typical);
        model.bestTheta = start.clone();
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .model(model::valueAndJacobian)
                .target(new double[2 * data.size()])
                .start(start)
                .maxIterations(maxIterations)
                .maxEvaluations(20 * maxIterations)
                .parameterValidator(v -> {
                    RealVector c = v.copy();
                    for (int k = 0; k < c.getDimension(); k++) c.setEntry(k, Math.min(Math.max(c.getEntry(k), tLo[k]), tHi[k]));
                    return c;
                })
                .build();
        try {
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().withInitialStepBoundFactor(log ? 1.0 : 100.0).optimize(problem);
            return new Stage(model.parameters(opt.getPoint().toArray()), opt.getIterations(), opt.getEvaluations(), true);
        } catch (MathIllegalStateException e) {
            // iteration or evaluation limit: keep the best point the optimiser visited
            return new Stage(model.parameters(model.bestTheta), maxIterations, model.evaluations, false);
        }
    }

    private static double chi2(double[] r) {
        double c = 0;
        for (double x : r) c += x * x;
        return c;
    }

    /**
     * diag((JᵀJ)⁻¹) by SVD of the column-scaled Jacobian J·D (D = 1/‖column‖, so parameters
     * differing by 15 decades in size do not look singular): Σ_j (D_k V_kj)²/s_j²; NaN for a
     * parameter in a direction whose singular value is below 1e-12·s_max.
     */
    private static double[] covarianceDiagonal(RealMatrix jacobian) {
        RealMatrix jac = jacobian.copy();
        int cols = jac.getColumnDimension();
        double[] scale = new double[cols];
        for (int k = 0; k < cols; k++) {
            double norm = jac.getColumnVector(k).getNorm();
            scale[k] = norm > 0 ? 1.0 / norm : Double.NaN;
            if (norm > 0) jac.setColumnVector(k, jac.getColumnVector(k).mapMultiply(scale[k]));
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(jac);
        double[] s = svd.getSingularValues();
        RealMatrix v = svd.getV();
        int p = jac.getColumnDimension();
        double[] d = new double[p];
        double smax = s.length == 0 ? 0 : s[0];
        for (int k = 0; k < p; k++) {
            double sum = 0;
            for (int j = 0; j < s.length; j++) {
                double vk = v.getEntry(k, j);
                if (s[j] <= 1e-12 * smax) {
                    if (Math.abs(vk) > 1e-6) sum = Double.NaN;
                    continue;
                }
                sum += vk * vk / (s[j] * s[j]);
            }
            d[k] = sum * scale[k] * scale[k];
        }
        return d;
    }

    private static double toTheta(boolean log, double p) {
        if (!log) return p;
        return p == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : Math.log(p);
    }

    /** Weighted residuals r(θ) = [(Z'_m − Z')/σ', (Z''_m − Z'')/σ''] and their Jacobian. */
    private final class ResidualModel {
        private final Spectrum data;
        private final Circuit circuit;
        private final double[] base;
        private final int[] free;
        private final double[] sigRe, sigIm;
        private final boolean log;
        private final double[] typical;
        double bestChi2 = Double.POSITIVE_INFINITY;
        double[] bestTheta;
        int evaluations;

        ResidualModel(Spectrum data, Circuit circuit, double[] base, int[] free, double[] sigRe, double[] sigIm,
                      boolean log, double[] typical) {
            this.log = log;
            this.typical = typical;
            this.data = data;
            this.circuit = circuit;
            this.base = base;
            this.free = free;
            this.sigRe = sigRe;
            this.sigIm = sigIm;
        }

        double[] parameters(double[] theta) {
            double[] p = base.clone();
            for (int k = 0; k < free.length; k++) p[free[k]] = log ? Math.exp(theta[k]) : theta[k];
            return p;
        }

        double[] residuals(double[] p) {
            int n = data.size();
            double[] r = new double[2 * n];
            for (int i = 0; i < n; i++) {
                Complex z = circuit.impedance(p, data.f(i));
                r[2 * i] = (z.getReal() - data.re(i)) / sigRe[i];
                r[2 * i + 1] = (z.getImaginary() - data.im(i)) / sigIm[i];
            }
            return r;
        }

        RealMatrix jacobian(double[] theta) {
            int m = 2 * data.size();
            double[][] j = new double[m][free.length];
            for (int k = 0; k < free.length; k++) {
                double h = log ? 1e-6 : 1e-7 * Math.max(Math.abs(theta[k]), typical[free[k]]);
                double[] tp = theta.clone(), tm = theta.clone();
                tp[k] += h;
                tm[k] -= h;
                double[] rp = residuals(parameters(tp)), rm = residuals(parameters(tm));
                for (int a = 0; a < m; a++) j[a][k] = (rp[a] - rm[a]) / (2 * h);
            }
            return new Array2DRowRealMatrix(j, false);
        }

        Pair<RealVector, RealMatrix> valueAndJacobian(RealVector point) {
            double[] theta = point.toArray();
            double[] r = residuals(parameters(theta));
            for (int a = 0; a < r.length; a++) if (!Double.isFinite(r[a])) r[a] = 1e150;
            double c = chi2(r);
            evaluations++;
            if (c < bestChi2) {
                bestChi2 = c;
                bestTheta = theta.clone();
            }
            RealMatrix jac = jacobian(theta);
            for (int a = 0; a < jac.getRowDimension(); a++) {
                for (int k = 0; k < jac.getColumnDimension(); k++) if (!Double.isFinite(jac.getEntry(a, k))) jac.setEntry(a, k, 0);
            }
            return new Pair<>(new ArrayRealVector(r, false), jac);
        }
    }

    @Override public String toString() {
        return "CNLS[" + weighting + (logParameters ? ", ln p" : ", p") + "]";
    }
}
