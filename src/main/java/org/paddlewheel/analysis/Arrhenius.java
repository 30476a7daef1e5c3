package org.paddlewheel.analysis;

import org.paddlewheel.model.Units;

/**
 * Arrhenius fits of a thermally activated quantity y(T) — a conductivity, a diffusivity, a rate or
 * a correlation time — by weighted linear least squares of ln y against 1/T. Two forms:
 * {@link Form#PLAIN}: y = A·exp(−Ea/(k_B T)); {@link Form#TIMES_T}: y·T = A·exp(−Ea/(k_B T)),
 * the form usually used for ionic conductivity (σT, from the Nernst–Einstein relation).
 * For correlation times (τ = τ0·exp(+Ea/k_B T)) use {@link Form#INVERSE}. Ea in eV, T in K; the
 * prefactor A is in the unit of y (times K for TIMES_T). Uncertainties are 1σ from the regression
 * covariance, scaled by the reduced χ² when no per-point errors are given (ordinary least squares)
 * and, with per-point errors, scaled by the reduced χ² when it exceeds 1 (the errors understate
 * the scatter; Birge ratio, as numpy's {@code polyfit(cov=True)} and Origin do), never shrunk.
 * {@link Result#consistent()} is false when χ² with n − 2 degrees of freedom has a p-value below
 * 0.01: the points do not lie on one line within their errors, and a caller should warn.
 * One implementation shared by the experiment ({@code paddlewheel arrhenius}, impedance batch mode)
 * and the simulation analyses.
 */
public final class Arrhenius {
    private Arrhenius() {}

    /** Which quantity is linear in 1/T on a log scale. */
    public enum Form { PLAIN, TIMES_T, INVERSE }

    /**
     * Fit result.
     *
     * @param activationEnergyEv      Ea, eV
     * @param activationEnergyErrorEv 1σ standard error of Ea, eV
     * @param prefactor               A in the unit of y (y·K for TIMES_T; seconds-like for INVERSE: τ0)
     * @param lnPrefactorError        1σ error of ln A
     * @param rSquared                coefficient of determination of the linear fit in ln y vs 1/T
     * @param points                  number of points
     * @param reducedChiSquared       χ²/(n − 2) of the weighted fit (NaN for 2 points or an unweighted fit)
     * @param chiSquaredPValue        P(χ² ≥ observed) for n − 2 degrees of freedom (NaN when not weighted or n = 2)
     */
    public record Result(Form form, double activationEnergyEv, double activationEnergyErrorEv, double prefactor,
                         double lnPrefactorError, double rSquared, int points, double reducedChiSquared, double chiSquaredPValue) {
        /** False when the weighted points scatter more than their errors allow (p &lt; 0.01). */
        public boolean consistent() { return !(chiSquaredPValue < 0.01); }

        /** The warning for an inconsistent weighted fit, or null. */
        public String warning() {
            if (consistent()) return null;
            return String.format(java.util.Locale.ROOT, "the points scatter more than their errors allow (reduced chi2 = %.3g, p = %.2g):"
                    + " Ea's error is scaled by sqrt(reduced chi2); check the errors or the model", reducedChiSquared, chiSquaredPValue);
        }

        /** Model value at temperature T (K), in the unit of y. */
        public double predict(double temperatureK) {
            double e = Math.exp(-activationEnergyEv / (Units.BOLTZMANN_EV_PER_K * temperatureK));
            return switch (form) {
                case PLAIN -> prefactor * e;
                case TIMES_T -> prefactor * e / temperatureK;
                case INVERSE -> prefactor / e;
            };
        }
    }

    /** Ordinary least squares fit (no per-point errors). */
    public static Result fit(double[] temperatureK, double[] y, Form form) {
        return fit(temperatureK, y, null, form);
    }

    /**
     * Weighted fit. {@code yError} are 1σ errors of y (absolute, same unit as y) or null; they are
     * propagated to ln y as σ_y / y.
     *
     * @throws IllegalArgumentException for fewer than 2 points, non-positive y or T
     */
    public static Result fit(double[] temperatureK, double[] y, double[] yError, Form form) {
        int n = temperatureK.length;
        if (y.length != n || (yError != null && yError.length != n)) throw new IllegalArgumentException("arrays differ in length");
        if (n < 2) throw new IllegalArgumentException("an Arrhenius fit needs at least 2 temperatures, got " + n);
        double[] xs = new double[n], ls = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(temperatureK[i] > 0)) throw new IllegalArgumentException("temperature must be > 0 K, got " + temperatureK[i]);
            if (!(y[i] > 0)) throw new IllegalArgumentException("Arrhenius fit needs positive values, got " + y[i] + " at " + temperatureK[i] + " K");
            xs[i] = 1.0 / (Units.BOLTZMANN_EV_PER_K * temperatureK[i]);
            ls[i] = Math.log(form == Form.TIMES_T ? y[i] * temperatureK[i] : y[i]);
            double rel = yError == null ? 1.0 : yError[i] / y[i];
            if (!(rel > 0)) throw new IllegalArgumentException("errors must be positive");
            w[i] = 1.0 / (rel * rel);
        }
        double sw = 0, sx = 0, sy = 0;
        for (int i = 0; i < n; i++) { sw += w[i]; sx += w[i] * xs[i]; sy += w[i] * ls[i]; }
        double mx = sx / sw, my = sy / sw;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = xs[i] - mx, dy = ls[i] - my;
            sxx += w[i] * dx * dx; sxy += w[i] * dx * dy; syy += w[i] * dy * dy;
        }
        if (!(sxx > 0)) throw new IllegalArgumentException("an Arrhenius fit needs at least 2 distinct temperatures");
        double slope = sxy / sxx;            // = −Ea (PLAIN, TIMES_T) or +Ea (INVERSE)
        double intercept = my - slope * mx;  // ln A
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double r = ls[i] - intercept - slope * xs[i];
            chi2 += w[i] * r * r;
        }
        // Without per-point errors the residual scatter sets the scale (OLS); with them, the
        // covariance is taken as given unless the scatter exceeds it (reduced χ² > 1).
        double red = n > 2 ? chi2 / (n - 2) : Double.NaN;
        double scale = yError == null ? (n > 2 ? red : 0.0) : (red > 1 ? red : 1.0);
        double p = yError == null || n <= 2 ? Double.NaN
                : 1 - new org.hipparchus.distribution.continuous.ChiSquaredDistribution(n - 2).cumulativeProbability(chi2);
        double slopeVar = scale / sxx;
        double interceptVar = scale * (1.0 / sw + mx * mx / sxx);
        double r2 = syy > 0 ? 1.0 - chi2 / syy : 1.0;
        double ea = form == Form.INVERSE ? slope : -slope;
        return new Result(form, ea, Math.sqrt(slopeVar), Math.exp(intercept), Math.sqrt(interceptVar), r2, n,
                yError == null ? Double.NaN : red, p);
    }
}
