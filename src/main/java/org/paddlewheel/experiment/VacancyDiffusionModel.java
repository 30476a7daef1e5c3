package org.paddlewheel.experiment;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.analysis.Arrhenius;
import org.paddlewheel.model.Units;

/**
 * The classical vacancy-diffusion model of the paper's Experimental Section (Tsai et al., Adv.
 * Energy Mater. 2023, 13, 2203284, Eqs. 5–8): D = (1−c)·D_v·f with D_v = zν0a0²/6·exp(−ΔG_m/kT),
 * and with Nernst–Einstein σ = Ncq²D/(kT), σ ∝ c(1−c)·exp(−ΔG_m/kT) (Eq. 7). Everything not
 * explicitly dependent on the vacancy concentration is grouped into A and B (Eq. 8, log = log10,
 * σ in S/cm, T in K): log10 σ = A + log10[c(1−c)] − B/T. The fit uses only points with x ≤ xMax
 * (default 0.75, as in the paper's Figure 1C) and reports, for every point, the measured/model ratio
 * σ/σ_model (the "deviation"; the paper finds ~10² at x = 1). Since σ/[c(1−c)] = 10^A·10^(−B/T) is an
 * Arrhenius law, the fit is the shared {@link Arrhenius} weighted linear regression with
 * Ea = B·k_B·ln 10; uncertainties (1σ) follow from it. Optionally the σT form (Eq. 7 keeps the 1/T
 * prefactor): log10(σT) = A + log10[c(1−c)] − B/T. A point with c = 1 or c = 0 exactly (no vacancies or
 * no carriers, e.g. the x = 0 end member Na3O(BH4) with c = 1 − x/3) has model σ = 0: it is left out
 * of the fit and its deviation is +∞ (reported as null by the CLI); the paper's Figure 1C likewise
 * plots only finite vacancy concentrations on its log axis.
 */
public final class VacancyDiffusionModel {
    private VacancyDiffusionModel() {}

    /** One measured point. {@code sigma} in S/cm (any consistent unit), T in K. */
    public record Point(double x, double temperatureK, double sigma) {}

    /**
     * One point with its model value.
     *
     * @param siteFraction c, dimensionless
     * @param model        σ_model from the fitted A, B (same unit as σ)
     * @param deviation    σ/σ_model
     * @param fitted       whether the point took part in the fit (x ≤ xMax and 0 &lt; c &lt; 1)
     */
    public record Evaluated(Point point, double siteFraction, double model, double deviation, boolean fitted) {}

    /**
     * Fit result.
     *
     * @param a          A of Eq. 8 (log10 of S/cm, or S·K/cm in the σT form)
     * @param aError     1σ error of A
     * @param bK         B of Eq. 8 in K (log10 convention); B·ln10 = Ea/k_B
     * @param bErrorK    1σ error of B
     * @param timesT     whether the σT form was fitted
     * @param xMax       the largest x used in the fit
     * @param nFitted    number of points in the fit
     * @param rSquared   coefficient of determination of the linear fit
     * @param points     every input point with model and deviation
     */
    public record Result(double a, double aError, double bK, double bErrorK, boolean timesT, double xMax, int nFitted,
                         double rSquared, List<Evaluated> points) {
        /** Ea = B·k_B·ln 10, in eV (not ΔG_m: f and ν0 may depend on T, as the paper notes). */
        public double activationEnergyEv() { return bK * Math.log(10) * Units.BOLTZMANN_EV_PER_K; }

        /** 1σ error of {@link #activationEnergyEv()}, eV. */
        public double activationEnergyErrorEv() { return bErrorK * Math.log(10) * Units.BOLTZMANN_EV_PER_K; }

        /** Model σ at (c, T): 10^(A − B/T)·c(1−c), divided by T in the σT form. */
        public double predict(double siteFraction, double temperatureK) {
            double v = Math.pow(10, a - bK / temperatureK) * siteFraction * (1 - siteFraction);
            return timesT ? v / temperatureK : v;
        }
    }

    /**
     * Fits A and B to the points with x ≤ {@code xMax} (plus 1e-9) and evaluates every point.
     *
     * @throws IllegalArgumentException when c is outside (0, 1) or fewer than two temperatures are fitted
     */
    public static Result fit(List<Point> data, SiteFraction c, double xMax, boolean timesT) {
        List<Double> ts = new ArrayList<>(), zs = new ArrayList<>();
        double[] cs = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            Point p = data.get(i);
            cs[i] = c.evaluate(p.x());
            if (!(cs[i] >= 0 && cs[i] <= 1)) {
                throw new IllegalArgumentException("site fraction c(" + p.x() + ") = " + cs[i] + " from '" + c.text()
                        + "' is outside [0, 1]");
            }
            if (!(p.sigma() > 0)) throw new IllegalArgumentException("conductivity must be > 0, got " + p.sigma() + " at x = " + p.x());
            if (usable(p, cs[i], xMax)) {
                ts.add(p.temperatureK());
                zs.add(p.sigma() / (cs[i] * (1 - cs[i])));
            }
        }
        if (ts.size() < 2) throw new IllegalArgumentException("the vacancy model needs at least 2 points with x ≤ " + xMax + ", got " + ts.size());
        double[] t = ts.stream().mapToDouble(Double::doubleValue).toArray();
        double[] z = zs.stream().mapToDouble(Double::doubleValue).toArray();
        // σ/[c(1−c)] = 10^A·exp(−B·ln10/T): an Arrhenius law (σT form: times T).
        Arrhenius.Result r = Arrhenius.fit(t, z, timesT ? Arrhenius.Form.TIMES_T : Arrhenius.Form.PLAIN);
        double ln10 = Math.log(10);
        double a = Math.log10(r.prefactor());
        double aErr = r.lnPrefactorError() / ln10;
        double b = r.activationEnergyEv() / (Units.BOLTZMANN_EV_PER_K * ln10);
        double bErr = r.activationEnergyErrorEv() / (Units.BOLTZMANN_EV_PER_K * ln10);
        Result partial = new Result(a, aErr, b, bErr, timesT, xMax, t.length, r.rSquared(), List.of());
        List<Evaluated> out = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            Point p = data.get(i);
            double m = partial.predict(cs[i], p.temperatureK());
            out.add(new Evaluated(p, cs[i], m, m > 0 ? p.sigma() / m : Double.POSITIVE_INFINITY, usable(p, cs[i], xMax)));
        }
        return new Result(a, aErr, b, bErr, timesT, xMax, t.length, r.rSquared(), List.copyOf(out));
    }

    private static boolean usable(Point p, double c, double xMax) {
        return p.x() <= xMax + 1e-9 && c > 0 && c < 1;
    }
}
