package org.paddlewheel.forcefield.fit;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * Fits a {@link FitProblem} by Levenberg–Marquardt (Hipparchus {@code LevenbergMarquardtOptimizer},
 * derived from MINPACK: Moré, Garbow, Hillstrom, Argonne National Laboratory, 1980) over the
 * parameters' internal variables (log and bounded maps of {@link FitParameter}). Residuals are
 * weight·(model − target) per observable component ({@link Observable}); the Jacobian is by forward
 * differences of step {@code fd_step} (default 1e-3) in the internal variables. Relaxation-based
 * observables are evaluated with the problem's (tight) relaxation tolerances so the differences are
 * smooth. The result holds every observable before and after, the parameters, their standard
 * errors (from (JᵀJ)⁻¹·χ²/(m − n)) and the correlation matrix, both in the internal variables.
 */
public final class ForceFieldFitter {
    /** Outcome of a fit; values are [target][observable][component]. */
    public record Result(FitProblem problem, double[] start, double[] fitted, double[][][] before, double[][][] after,
                         double costBefore, double costAfter, int iterations, int evaluations, double[] sigmaInternal,
                         double[][] correlation, boolean converged) {}

    private final FitProblem problem;
    private int evaluations;
    private double bestCost = Double.POSITIVE_INFINITY;
    private double[] bestU;

    public ForceFieldFitter(FitProblem problem) { this.problem = problem; }

    /** Residual vector for model values v. */
    public static double[] residuals(FitProblem pr, double[][][] v) {
        List<Double> r = new ArrayList<>();
        for (int t = 0; t < v.length; t++) {
            List<Observable> obs = pr.targets().get(t).observables();
            for (int k = 0; k < obs.size(); k++) {
                Observable o = obs.get(k);
                double scale = o.type().equals("forces") ? 1 / Math.sqrt(v[t][k].length) : 1;
                for (int c = 0; c < v[t][k].length; c++) {
                    double target = o.target().length > c ? o.target()[c] : 0;
                    r.add(o.weight() * scale * (v[t][k][c] - target));
                }
            }
        }
        double[] a = new double[r.size()];
        for (int i = 0; i < a.length; i++) a[i] = r.get(i);
        return a;
    }

    private double[] external(double[] u) {
        double[] p = new double[u.length];
        for (int i = 0; i < u.length; i++) p[i] = problem.parameters().get(i).toExternal(u[i]);
        return p;
    }

    private double[] residualsAt(double[] u) {
        evaluations++;
        return residuals(problem, problem.evaluate(external(u)));
    }

    private static double cost(double[] r) {
        double s = 0;
        for (double x : r) s += x * x;
        return s;
    }

    /** Runs the fit. */
    public Result fit() {
        List<FitParameter> ps = problem.parameters();
        int n = ps.size();
        double[] p0 = problem.start();
        double[] u0 = new double[n];
        for (int i = 0; i < n; i++) u0[i] = ps.get(i).toInternal(p0[i]);
        double h = problem.lmSettings().path("fd_step").asDouble(1e-3);
        int maxIter = problem.lmSettings().path("max_iterations").asInt(100);
        double[][][] before = problem.evaluate(p0);
        double[] r0 = residuals(problem, before);
        int m = r0.length;
        MultivariateJacobianFunction model = point -> {
            double[] u = point.toArray();
            double[] r = residualsAt(u);
            if (cost(r) < bestCost) { bestCost = cost(r); bestU = u.clone(); }
            double[][] j = new double[m][n];
            for (int q = 0; q < n; q++) {
                double[] uq = u.clone();
                uq[q] += h;
                double[] rq = residualsAt(uq);
                for (int i = 0; i < m; i++) j[i][q] = (rq[i] - r[i]) / h;
            }
            return new Pair<RealVector, RealMatrix>(new ArrayRealVector(r, false), new Array2DRowRealMatrix(j, false));
        };
        var lsq = new LeastSquaresBuilder().start(u0).target(new double[m]).model(model)
                .maxEvaluations(10 * maxIter + 10).maxIterations(maxIter).build();
        LeastSquaresOptimizer.Optimum opt = null;
        boolean converged = true;
        try {
            opt = new LevenbergMarquardtOptimizer()
                    .withCostRelativeTolerance(problem.lmSettings().path("cost_tol").asDouble(1e-8))
                    .withParameterRelativeTolerance(problem.lmSettings().path("param_tol").asDouble(1e-8))
                    .optimize(lsq);
        } catch (org.hipparchus.exception.MathIllegalStateException tooMany) {
            converged = false; // iteration or evaluation limit: keep the best point seen
        }
        double[] u = opt != null ? opt.getPoint().toArray() : bestU;
        double[] pf = external(u);
        double[][][] after = problem.evaluate(pf);
        double[] r1 = residuals(problem, after);
        double[] sigma = new double[n];
        double[][] corr = new double[n][n];
        try {
            RealMatrix cov = opt != null ? opt.getCovariances(1e-14) : covariance(u, m, n, h);
            double s2 = m > n ? cost(r1) / (m - n) : Double.NaN;
            for (int i = 0; i < n; i++) sigma[i] = Math.sqrt(cov.getEntry(i, i) * s2);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) corr[i][j] = cov.getEntry(i, j) / Math.sqrt(cov.getEntry(i, i) * cov.getEntry(j, j));
            }
        } catch (RuntimeException singular) {
            java.util.Arrays.fill(sigma, Double.NaN);
            for (double[] row : corr) java.util.Arrays.fill(row, Double.NaN);
        }
        return new Result(problem, p0, pf, before, after, cost(r0), cost(r1), opt != null ? opt.getIterations() : maxIter,
                evaluations, sigma, corr, converged);
    }

    /** (JᵀJ)⁻¹ by forward differences at u (used when the optimiser stopped at its limit). */
    private RealMatrix covariance(double[] u, int m, int n, double h) {
        double[] r = residualsAt(u);
        RealMatrix j = new Array2DRowRealMatrix(m, n);
        for (int q = 0; q < n; q++) {
            double[] uq = u.clone();
            uq[q] += h;
            double[] rq = residualsAt(uq);
            for (int i = 0; i < m; i++) j.setEntry(i, q, (rq[i] - r[i]) / h);
        }
        return new org.hipparchus.linear.QRDecomposition(j.transposeMultiply(j), 1e-14).getSolver().getInverse();
    }
}
