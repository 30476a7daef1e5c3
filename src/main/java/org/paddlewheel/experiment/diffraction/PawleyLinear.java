package org.paddlewheel.experiment.diffraction;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;

/**
 * The linear half of a Pawley fit (variable projection: G. H. Golub, V. Pereyra, SIAM J. Numer.
 * Anal. 10 (1973) 413), shared by the constant-wavelength {@link PawleyRefinement} and the
 * time-of-flight {@link TofPawleyRefinement}: given background columns (Chebyshev polynomials on
 * the whole pattern) and one unit-intensity peak column per reflection (non-zero on a window that
 * starts at {@code first[k]}), the background coefficients and intensities (counts × abscissa unit)
 * minimising Σ w_i²(y_i − model_i)² by the normal equations, with a 1e-9 relative ridge so exactly
 * overlapping lines share intensity.
 */
final class PawleyLinear {
    private PawleyLinear() {}

    /** {coefficients (background then intensities), model, background curve}. */
    static double[][] solve(double[][] cheb, int[] first, double[][] cols, double[] y, double[] w) {
        int nBkg = cheb.length, nr = cols.length, n = nBkg + nr, m = y.length;
        double[][] ata = new double[n][n];
        double[] aty = new double[n];
        double[] w2 = new double[m];
        for (int i = 0; i < m; i++) w2[i] = w[i] * w[i];
        for (int a = 0; a < nBkg; a++) {
            for (int b = a; b < nBkg; b++) { double s = 0; for (int i = 0; i < m; i++) s += cheb[a][i] * cheb[b][i] * w2[i]; ata[a][b] = s; }
            double s = 0;
            for (int i = 0; i < m; i++) s += cheb[a][i] * y[i] * w2[i];
            aty[a] = s;
        }
        for (int k = 0; k < nr; k++) {
            int ka = nBkg + k, f = first[k];
            double[] ck = cols[k];
            for (int a = 0; a < nBkg; a++) { double s = 0; for (int j = 0; j < ck.length; j++) s += cheb[a][f + j] * ck[j] * w2[f + j]; ata[a][ka] = s; }
            double sy = 0;
            for (int j = 0; j < ck.length; j++) sy += ck[j] * y[f + j] * w2[f + j];
            aty[ka] = sy;
            for (int l = k; l < nr; l++) {
                int g = first[l], lo = Math.max(f, g), hi = Math.min(f + ck.length, g + cols[l].length);
                double s = 0;
                for (int i = lo; i < hi; i++) s += ck[i - f] * cols[l][i - g] * w2[i];
                ata[ka][nBkg + l] = s;
            }
        }
        for (int a = 0; a < n; a++) for (int b = 0; b < a; b++) ata[a][b] = ata[b][a];
        double maxDiag = 0;
        for (int a = 0; a < n; a++) maxDiag = Math.max(maxDiag, ata[a][a]);
        for (int a = 0; a < n; a++) ata[a][a] += 1e-9 * Math.max(ata[a][a], 1e-6 * maxDiag);
        double[] c = new LUDecomposition(new Array2DRowRealMatrix(ata, false), 1e-300)
                .getSolver().solve(new ArrayRealVector(aty, false)).toArray();
        double[] model = new double[m], bkg = new double[m];
        for (int a = 0; a < nBkg; a++) for (int i = 0; i < m; i++) bkg[i] += c[a] * cheb[a][i];
        System.arraycopy(bkg, 0, model, 0, m);
        for (int k = 0; k < nr; k++) for (int j = 0; j < cols[k].length; j++) model[first[k] + j] += c[nBkg + k] * cols[k][j];
        return new double[][] {c, model, bkg};
    }

    /** Chebyshev polynomials T_0 … T_{n−1} of x mapped linearly from [xMin, xMax] to [−1, 1], per point. */
    static double[][] chebyshev(double[] x, int n, double xMin, double xMax) {
        double[][] c = new double[n][x.length];
        for (int i = 0; i < x.length; i++) {
            double t = 2 * (x[i] - xMin) / (xMax - xMin) - 1;
            c[0][i] = 1;
            if (n > 1) c[1][i] = t;
            for (int j = 2; j < n; j++) c[j][i] = 2 * t * c[j - 1][i] - c[j - 2][i];
        }
        return c;
    }
}
