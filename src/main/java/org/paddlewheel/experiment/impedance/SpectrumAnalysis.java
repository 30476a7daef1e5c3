package org.paddlewheel.experiment.impedance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 */
public record SpectrumAnalysis(Spectrum data, FitResult fit, List<ArcAnalysis.Arc> arcs, double temperatureK,
                               double thicknessCm, double areaCm2, List<String> sigmaFrom, double resistanceOhm,
                               double resistanceErrorOhm, double sigmaSPerCm, double sigmaErrorSPerCm) {

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
        FitResult fit = fitter.fit(data, circuit, start, fix, null, null);
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
        double sigma = Double.NaN, sigmaErr = Double.NaN;
        if (thicknessCm > 0 && areaCm2 > 0 && r > 0) {
            sigma = Conductivity.sigmaSPerCm(thicknessCm, areaCm2, r);
            sigmaErr = sigma * rErr / r;
        }
        return new SpectrumAnalysis(data, fit, arcs, temperatureK, thicknessCm, areaCm2, List.copyOf(from), r, rErr, sigma, sigmaErr);
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
        Map<String, Object> p = new LinkedHashMap<>(), e = new LinkedHashMap<>();
        for (int i = 0; i < fit.values().length; i++) {
            p.put(key(fit, i), num(fit.values()[i]));
            e.put(key(fit, i), num(fit.standardErrors()[i]));
        }
        m.put("parameters", p);
        m.put("standard_errors", e);
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
        return m;
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
