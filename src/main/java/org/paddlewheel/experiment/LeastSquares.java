package org.paddlewheel.experiment;

import java.util.function.Function;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Weighted non-linear least squares for the experiment fits (NMR lineshapes, powder patterns,
 * current decays): minimises Σ r_i(p)² where the caller's residual function already divides by the
 * data's standard errors, by the Levenberg–Marquardt optimiser of Hipparchus (derived from MINPACK:
 * J. J. Moré, B. S. Garbow, K. E. Hillstrom, Argonne National Laboratory, 1980) with a central
 * finite-difference Jacobian (step {@code 1e-4·max(|p|, scale)} per parameter) and parameters
 * clamped to [lower, upper]. Standard errors are √diag((JᵀJ)⁻¹), multiplied by √χ²_ν when the
 * residuals are not in units of known errors ({@code scaleByChi2}).
 */
public final class LeastSquares {
    private LeastSquares() {}

    /**
     * A fit's outcome.
     *
     * @param p          best parameters
     * @param std        standard errors (NaN where the Jacobian is singular)
     * @param covariance covariance matrix of p
     * @param chi2       Σ r² at p
     * @param dof        residuals − parameters
     * @param iterations LM iterations
     */
    public record Result(double[] p, double[] std, double[][] covariance, double chi2, int dof, int iterations) {
        /** χ² per degree of freedom. */
        public double reducedChi2() { return chi2 / Math.max(1, dof); }
    }

    /**
     * Fits {@code residuals} from {@code start}.
     *
     * @param scale       typical magnitude per parameter (sets the difference step for p near 0)
     * @param lower       lower bounds (null = none)
     * @param upper       upper bounds (null = none)
     * @param scaleByChi2 multiply the covariance by χ²_ν (errors from the scatter)
     */
    public static Result fit(Function<double[], double[]> residuals, double[] start, double[] scale, double[] lower,
                             double[] upper, int maxIterations, boolean scaleByChi2) {
        int n = start.length;
        double[] r0 = residuals.apply(clamp(start, lower, upper));
        int m = r0.length;
        var lsq = new LeastSquaresBuilder()
                .model(point -> {
                    double[] p = clamp(point.toArray(), lower, upper);
                    double[] r = residuals.apply(p);
                    return new Pair<RealVector, RealMatrix>(new ArrayRealVector(r, false), jacobian(residuals, p, scale, lower, upper));
                })
                .target(new double[m]).start(clamp(start, lower, upper))
                .parameterValidator(v -> new ArrayRealVector(clamp(v.toArray(), lower, upper), false))
                .maxIterations(maxIterations).maxEvaluations(20 * maxIterations).build();
        double[] p;
        int iters;
        try {
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
                    .withCostRelativeTolerance(1e-10).withParameterRelativeTolerance(1e-10).optimize(lsq);
            p = clamp(opt.getPoint().toArray(), lower, upper);
            iters = opt.getIterations();
        } catch (org.hipparchus.exception.MathIllegalStateException tooMany) {
            p = clamp(start, lower, upper);
            iters = maxIterations;
        }
        double[] r = residuals.apply(p);
        double chi2 = 0;
        for (double v : r) chi2 += v * v;
        int dof = m - n;
        RealMatrix j = jacobian(residuals, p, scale, lower, upper);
        double[][] cov = new double[n][n];
        double[] std = new double[n];
        try {
            RealMatrix jtj = j.transposeMultiply(j);
            RealMatrix inv = MatrixUtils.inverse(jtj);
            double f = scaleByChi2 ? chi2 / Math.max(1, dof) : 1;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) cov[a][b] = inv.getEntry(a, b) * f;
                std[a] = Math.sqrt(Math.max(0, cov[a][a]));
            }
        } catch (org.hipparchus.exception.MathIllegalArgumentException singular) {
            java.util.Arrays.fill(std, Double.NaN);
            for (double[] row : cov) java.util.Arrays.fill(row, Double.NaN);
        }
        return new Result(p, std, cov, chi2, dof, iters);
    }

    /** Central-difference Jacobian of {@code residuals} at p (one-sided at a bound). */
    static RealMatrix jacobian(Function<double[], double[]> residuals, double[] p, double[] scale, double[] lower, double[] upper) {
        int n = p.length;
        double[][] jac = null;
        for (int k = 0; k < n; k++) {
            double h = 1e-4 * Math.max(Math.abs(p[k]), scale[k]);
            double[] pp = p.clone(), pm = p.clone();
            pp[k] += h;
            pm[k] -= h;
            if (upper != null && pp[k] > upper[k]) pp[k] = p[k];
            if (lower != null && pm[k] < lower[k]) pm[k] = p[k];
            double[] rp = residuals.apply(pp), rm = residuals.apply(pm);
            if (jac == null) jac = new double[rp.length][n];
            double dh = pp[k] - pm[k];
            for (int i = 0; i < rp.length; i++) jac[i][k] = (rp[i] - rm[i]) / dh;
        }
        return new Array2DRowRealMatrix(jac, false);
    }

    /** Weighted linear least squares: the x minimising |W(Ax − y)|², by QR; {@code w} = 1/σ per row. */
    public static double[] linear(double[][] a, double[] y, double[] w) {
        int m = y.length, n = a[0].length;
        double[][] aw = new double[m][n];
        double[] yw = new double[m];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) aw[i][k] = a[i][k] * w[i];
            yw[i] = y[i] * w[i];
        }
        return new QRDecomposition(new Array2DRowRealMatrix(aw, false), 1e-14).getSolver()
                .solve(new ArrayRealVector(yw, false)).toArray();
    }

    private static double[] clamp(double[] p, double[] lower, double[] upper) {
        double[] q = p.clone();
        for (int k = 0; k < q.length; k++) {
            if (lower != null && q[k] < lower[k]) q[k] = lower[k];
            if (upper != null && q[k] > upper[k]) q[k] = upper[k];
        }
        return q;
    }
}
