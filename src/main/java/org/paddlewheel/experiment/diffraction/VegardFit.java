package org.paddlewheel.experiment.diffraction;

/**
 * Vegard's law for a solid solution (L. Vegard, Z. Phys. 5 (1921) 17): a(x) = a0 + slope·x (Å),
 * fitted by (weighted, when errors are given) least squares; slope/intercept errors from the
 * covariance, scaled by √χ²_ν when no errors are given. Departure from linearity: the largest and
 * rms residuals, and the coefficient c of an added x² term (a = a0 + b·x + c·x², fitted separately)
 * with its standard error — |c| &gt; 2σ_c says the series bends.
 */
public final class VegardFit {
    private VegardFit() {}

    /** Fit result; lengths in Å. */
    public record Result(double slope, double slopeStd, double intercept, double interceptStd, double maxDeviation, double rmsDeviation,
                         double reducedChi2, double curvature, double curvatureStd) {}

    /** Fits a(x); {@code std} may be null. */
    public static Result fit(double[] x, double[] a, double[] std) {
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("Vegard fit needs at least 2 compositions, got " + n);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = std == null ? 1 : 1 / (std[i] * std[i]);
        double[][] lin = poly(x, a, w, 2);
        double chi2 = 0, maxDev = 0, ss = 0;
        for (int i = 0; i < n; i++) {
            double r = a[i] - lin[0][0] - lin[0][1] * x[i];
            chi2 += w[i] * r * r;
            maxDev = Math.max(maxDev, Math.abs(r));
            ss += r * r;
        }
        double red = n > 2 ? chi2 / (n - 2) : Double.NaN;
        double f = std == null ? (n > 2 ? red : Double.NaN) : 1;
        double curv = Double.NaN, curvStd = Double.NaN;
        if (n >= 4) {
            double[][] q = poly(x, a, w, 3);
            double chi2q = 0;
            for (int i = 0; i < n; i++) { double r = a[i] - q[0][0] - q[0][1] * x[i] - q[0][2] * x[i] * x[i]; chi2q += w[i] * r * r; }
            curv = q[0][2];
            curvStd = Math.sqrt(q[1][2] * (std == null ? chi2q / (n - 3) : 1));
        }
        return new Result(lin[0][1], Math.sqrt(lin[1][1] * f), lin[0][0], Math.sqrt(lin[1][0] * f), maxDev, Math.sqrt(ss / n), red, curv, curvStd);
    }

    /** Weighted polynomial fit of degree m−1: {coefficients, diag of (XᵀWX)⁻¹}. */
    private static double[][] poly(double[] x, double[] y, double[] w, int m) {
        double[][] a = new double[m][m];
        double[] b = new double[m];
        for (int i = 0; i < x.length; i++) {
            double[] f = new double[m];
            for (int k = 0; k < m; k++) f[k] = Math.pow(x[i], k);
            for (int r = 0; r < m; r++) {
                b[r] += w[i] * f[r] * y[i];
                for (int c = 0; c < m; c++) a[r][c] += w[i] * f[r] * f[c];
            }
        }
        var lu = new org.hipparchus.linear.LUDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(a));
        if (Math.abs(lu.getDeterminant()) < 1e-300) throw new IllegalArgumentException("the compositions x must not all be equal");
        var inv = lu.getSolver().getInverse();
        double[] coef = lu.getSolver().solve(new org.hipparchus.linear.ArrayRealVector(b)).toArray();
        double[] diag = new double[m];
        for (int k = 0; k < m; k++) diag[k] = inv.getEntry(k, k);
        return new double[][] {coef, diag};
    }
}
