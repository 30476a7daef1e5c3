package org.paddlewheel.experiment.impedance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paddlewheel.model.InputException;

/**
 * One spectrum analysed end to end: starting values (automatic, overridden by the user's),
 * the CNLS fit, the arcs with effective capacitances and labels, and the conductivity
 * σ = L/(R·A) (S/cm) from the resistance of the chosen resistors — by default the arcs labelled
 * bulk or grain boundary (total conductivity), or the series resistors when no such arc exists.
 * {@link #toJson()} gives the machine-readable form with unit-suffixed keys.
 *
 * @param temperatureK    measurement temperature (K) or NaN
 * @param thicknessCm     pellet thickness (cm) or NaN
 * @param areaCm2         electrode area (cm²) or NaN
 * @param sigmaFrom       names of the resistors summed for σ
 * @param resistanceOhm   their sum (Ω)
 * @param resistanceErrorOhm 1σ error of the sum (errors added in quadrature; Ω)
 * @param sigmaSPerCm     σ (S/cm) or NaN without geometry
 * @param sigmaErrorSPerCm 1σ error of σ (S/cm)
 * @param warnings        degenerate results, one sentence each (see {@link #warnings(FitResult, Spectrum)}); empty when none
 * @param automaticAlternative with a user start ({@code --initial}): the fit from the automatic starts when it reached a
 *                        lower χ² than the user's, reported beside it (never instead of it); null otherwise
 */
public record SpectrumAnalysis(Spectrum data, FitResult fit, List<ArcAnalysis.Arc> arcs, double temperatureK,
                               double thicknessCm, double areaCm2, List<String> sigmaFrom, double resistanceOhm,
                               double resistanceErrorOhm, double sigmaSPerCm, double sigmaErrorSPerCm,
                               List<String> warnings, FitResult automaticAlternative) {

    /**
     * A parameter whose relative standard error exceeds this (1000 %) is reported as not
     * determined by the data: the spectrum constrains it less than to an order of magnitude.
     */
    public static final double UNDETERMINED_RELATIVE_ERROR = 10;

    /**
     * A resistance-like parameter (Ω) below this fraction of the smallest measured |Z| has
     * collapsed: it changes the model by less than 1 ppm anywhere, far below any instrument's
     * accuracy (typically 0.1–1 % of |Z|), so its value is not a measurement.
     */
    public static final double COLLAPSED_FRACTION = 1e-6;

    /**
     * Analyses {@code data}.
     *
     * @param initial    user starting values by parameter name (ours or impedance.py's), may be empty
     * @param fixed      parameter names held at their starting values
     * @param sigmaFrom  resistor names for σ, or empty for the default choice
     */
    public static SpectrumAnalysis run(Spectrum data, Circuit circuit, Map<String, Double> initial, List<String> fixed,
                                       ComplexNonlinearLeastSquares fitter, double temperatureK, double thicknessCm,
                                       double areaCm2, List<String> sigmaFrom) {
        double[] start = InitialGuess.of(circuit, data);
        for (Map.Entry<String, Double> e : initial.entrySet()) {
            int i = circuit.indexOf(e.getKey());
            if (i < 0) throw new InputException("--initial: no parameter '" + e.getKey() + "' in circuit " + circuit.text()
                    + "; parameters are " + String.join(", ", circuit.parameterNames()));
            start[i] = e.getValue();
        }
        boolean[] fix = new boolean[circuit.parameterCount()];
        for (String f : fixed) {
            int i = circuit.indexOf(f);
            if (i < 0) throw new InputException("--fix: no parameter '" + f + "' in circuit " + circuit.text());
            fix[i] = true;
        }
        FitResult fit, alternative = null;
        if (initial.isEmpty()) {
            fit = fitter.fit(data, circuit, start, fix, null, null);
        } else {
            // the user's start is what is fitted and reported; a better automatic start goes beside it
            fit = fitter.fitGiven(data, circuit, start, fix);
            FitResult best = fitter.fit(data, circuit, start, fix, null, null);
            if (best.fromAutomaticStart() && best.chiSquared() < fit.chiSquared() * (1 - 1e-9)) alternative = best;
        }
        double cellConstant = thicknessCm / areaCm2;
        List<ArcAnalysis.Arc> arcs = ArcAnalysis.arcs(fit, cellConstant);
        List<String> from = new ArrayList<>(sigmaFrom);
        if (from.isEmpty()) {
            for (ArcAnalysis.Arc a : arcs) if (a.label() != ArcAnalysis.Label.ELECTRODE && !Double.isNaN(a.resistanceOhm())) from.add(a.name());
        }
        if (from.isEmpty()) {
            for (Circuit.Node n : ((Circuit.Series) circuit.root()).parts()) {
                if (n instanceof Circuit.Element e && e.type() == ElementType.R) from.add(e.name());
            }
        }
        double r = 0, var = 0;
        for (String name : from) {
            int i = circuit.indexOf(name);
            if (i < 0 || circuit.elements().stream().noneMatch(e -> e.name().equals(name) && e.type() == ElementType.R)) {
                throw new InputException("--sigma-from: '" + name + "' is not a resistor of circuit " + circuit.text());
            }
            r += fit.values()[i];
            double e = fit.standardErrors()[i];
            var += e * e;
        }
        double rErr = Math.sqrt(var);
        boolean[] bad = degenerate(fit, data);
        List<String> warnings = new ArrayList<>(warnings(fit, data));
        List<String> badR = from.stream().filter(name -> bad[circuit.indexOf(name)]).toList();
        double sigma = Double.NaN, sigmaErr = Double.NaN;
        if (thicknessCm > 0 && areaCm2 > 0) {
            if (!badR.isEmpty()) {
                warnings.add("sigma not reported: it would come from " + String.join(", ", badR)
                        + ", which the fit did not determine (see above)");
            } else if (!(r > 0)) {
                warnings.add("sigma not reported: the resistance " + String.join("+", from) + " = " + r + " ohm is not positive");
            } else {
                sigma = Conductivity.sigmaSPerCm(thicknessCm, areaCm2, r);
                sigmaErr = sigma * rErr / r;
            }
        }
        return new SpectrumAnalysis(data, fit, arcs, temperatureK, thicknessCm, areaCm2, List.copyOf(from), r, rErr, sigma, sigmaErr,
                List.copyOf(warnings), alternative);
    }

    /**
     * Per parameter: true when the fit did not determine it — a free parameter that ended on a
     * bound, whose standard error is NaN or above {@link #UNDETERMINED_RELATIVE_ERROR} of its
     * value, or (for parameters in Ω) that collapsed below {@link #COLLAPSED_FRACTION}·min|Z|.
     */
    public static boolean[] degenerate(FitResult fit, Spectrum data) {
        int np = fit.values().length;
        boolean[] bad = new boolean[np];
        double minZ = minModulus(data);
        for (int i = 0; i < np; i++) {
            if (fit.fixed()[i]) continue;
            double v = fit.values()[i], e = fit.standardErrors()[i];
            boolean collapsed = "ohm".equals(fit.units().get(i)) && v < COLLAPSED_FRACTION * minZ;
            boolean undetermined = !Double.isFinite(e) || e > UNDETERMINED_RELATIVE_ERROR * Math.abs(v);
            bad[i] = fit.atBound()[i] || collapsed || undetermined || !Double.isFinite(v);
        }
        return bad;
    }

    /** One sentence per degenerate parameter of {@code fit} (see {@link #degenerate}); empty when the fit is sound. */
    public static List<String> warnings(FitResult fit, Spectrum data) {
        List<String> out = new ArrayList<>();
        double minZ = minModulus(data);
        boolean[] bad = degenerate(fit, data);
        for (int i = 0; i < bad.length; i++) {
            if (!bad[i]) continue;
            String name = fit.names().get(i), u = fit.units().get(i);
            double v = fit.values()[i], e = fit.standardErrors()[i];
            String val = String.format(Locale.ROOT, "%s = %.4g%s", name, v, u.isEmpty() ? "" : " " + u);
            List<String> why = new ArrayList<>();
            if ("ohm".equals(u) && v < COLLAPSED_FRACTION * minZ) {
                why.add(String.format(Locale.ROOT, "collapsed to ~0 (below %.0e of the smallest |Z|, %.4g ohm)", COLLAPSED_FRACTION, minZ));
            }
            if (fit.atBound()[i]) why.add("is at its bound" + (fit.circuit().isExponent(i) ? " (CPE exponent limited to [" + ComplexNonlinearLeastSquares.MIN_EXPONENT + ", 1])" : ""));
            if (!Double.isFinite(e)) why.add("has no finite standard error (not identifiable from this spectrum)");
            else if (e > UNDETERMINED_RELATIVE_ERROR * Math.abs(v)) why.add(String.format(Locale.ROOT, "has a standard error of %.3g (over %.0f%% of its value)", e, 100 * UNDETERMINED_RELATIVE_ERROR));
            boolean idealCapacitor = why.size() == 1 && fit.circuit().isExponent(i) && v >= 1 - 1e-9;
            out.add(val + " " + String.join(" and ", why) + (idealCapacitor
                    ? ": the element behaves as an ideal capacitor (a C element has one parameter fewer); its error is not meaningful"
                    : ": not determined by the data; consider a simpler circuit, a better start (--initial) or --fix"));
        }
        if (!fit.converged()) out.add("the optimiser stopped at its iteration limit (best point kept)");
        return out;
    }

    private static double minModulus(Spectrum s) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) m = Math.min(m, s.modulus(i));
        return m;
    }

    /** JSON key of parameter i: name plus unit suffix ({@code R1_ohm}, {@code CPE1_Q_S_s^alpha}, {@code CPE1_alpha}). */
    public static String key(FitResult fit, int i) {
        String u = fit.units().get(i);
        return u.isEmpty() ? fit.names().get(i) : fit.names().get(i) + "_" + u;
    }

    /** A JSON-ready map (insertion-ordered; NaN values become null in the writer). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", data.source());
        m.put("points", data.size());
        m.put("circuit", fit.circuit().text());
        m.put("weighting", fit.weighting().name().toLowerCase());
        m.put("log_parameters", fit.logParameters());
        m.put("converged", fit.converged());
        m.put("start", fit.fromAutomaticStart() ? "automatic" : "given");
        m.put("warnings", warnings);
        m.put("parameters", parameters(fit));
        Map<String, Object> e = new LinkedHashMap<>();
        for (int i = 0; i < fit.values().length; i++) e.put(key(fit, i), num(fit.standardErrors()[i]));
        m.put("standard_errors", e);
        if (automaticAlternative != null) {
            Map<String, Object> alt = new LinkedHashMap<>();
            alt.put("chi_squared", automaticAlternative.chiSquared());
            alt.put("reduced_chi_squared", automaticAlternative.reducedChiSquared());
            alt.put("converged", automaticAlternative.converged());
            alt.put("parameters", parameters(automaticAlternative));
            m.put("automatic_start", alt);
        }
        List<String> fixedNames = new ArrayList<>(), bound = new ArrayList<>();
        for (int i = 0; i < fit.values().length; i++) {
            if (fit.fixed()[i]) fixedNames.add(fit.names().get(i));
            if (fit.atBound()[i]) bound.add(fit.names().get(i));
        }
        m.put("fixed", fixedNames);
        m.put("at_bound", bound);
        m.put("chi_squared", fit.chiSquared());
        m.put("reduced_chi_squared", fit.reducedChiSquared());
        List<Map<String, Object>> arcList = new ArrayList<>();
        for (ArcAnalysis.Arc a : arcs) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("name", a.name());
            am.put("R_ohm", num(a.resistanceOhm()));
            am.put("R_err_ohm", num(a.resistanceErrorOhm()));
            am.put("C_eff_F", num(a.capacitanceF()));
            am.put("C_normalised_F", num(a.normalisedCapacitanceF()));
            am.put("f_peak_Hz", num(a.peakFrequencyHz()));
            am.put("label", a.label().text());
            arcList.add(am);
        }
        m.put("arcs", arcList);
        m.put("temperature_K", num(temperatureK));
        m.put("thickness_cm", num(thicknessCm));
        m.put("area_cm2", num(areaCm2));
        m.put("sigma_from", sigmaFrom);
        m.put("R_sigma_ohm", num(resistanceOhm));
        m.put("R_sigma_err_ohm", num(resistanceErrorOhm));
        m.put("sigma_S_per_cm", num(sigmaSPerCm));
        m.put("sigma_err_S_per_cm", num(sigmaErrorSPerCm));
        if (thicknessCm > 0 && areaCm2 > 0) {
            m.put("conductivity_S_per_cm", num(sigmaSPerCm));
            m.put("conductivity_err_S_per_cm", num(sigmaErrorSPerCm));
        }
        return m;
    }

    /**
     * Parameters under impedance.py's names ({@code R0}, {@code CPE1_0}, {@code CPE1_1}, {@code Wo1_0}:
     * the element name, plus {@code _k} for the k-th parameter of a multi-parameter element) as
     * {@code {"value", "stderr", "unit"}}, with our unit-suffixed keys ({@code R0_ohm}: value) beside them.
     */
    static Map<String, Object> parameters(FitResult fit) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < fit.values().length; i++) p.put(key(fit, i), num(fit.values()[i]));
        for (Circuit.Element el : fit.circuit().elements()) {
            int n = el.type().parameterCount();
            for (int k = 0; k < n; k++) {
                int i = el.offset() + k;
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("value", num(fit.values()[i]));
                one.put("stderr", num(fit.standardErrors()[i]));
                one.put("unit", fit.units().get(i));
                one.put("name", fit.names().get(i));
                p.putIfAbsent(n == 1 ? el.name() : el.name() + "_" + k, one);
            }
        }
        return p;
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
