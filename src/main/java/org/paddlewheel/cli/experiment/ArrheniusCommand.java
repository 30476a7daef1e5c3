package org.paddlewheel.cli.experiment;

import org.paddlewheel.report.ExperimentCharts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.paddlewheel.analysis.Arrhenius;
import org.paddlewheel.cli.Converters;
import org.paddlewheel.experiment.NumericTable;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Units;
import org.paddlewheel.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel arrhenius TABLE}: Arrhenius fit of σ(T), D(T), a rate or τc(T) from a table,
 * through the one shared {@link Arrhenius} implementation, in the σ form (y = A·e^(−Ea/kT)), the σT
 * form (yT = A·e^(−Ea/kT)), both, or the inverse form for correlation times. An error column
 * ({@code <y>_error}, {@code <y>_err}, {@code <y>_std} or {@code --error-column}) weights the fit.
 * Instead of one table, several {@code summary.json} files of {@code paddlewheel analyze} may be
 * given: one point each, D or σ of a species weighted by its std ({@link SummaryInputs}); a file
 * whose species made no hop ({@code hops_detected == 0}: D is the MSD-slope floor, not transport)
 * is skipped with a one-line warning on stderr unless {@code --keep-no-hop}.
 */
@Command(name = "arrhenius", mixinStandardHelpOptions = true,
        description = {"Fit Ea (eV) with 1σ uncertainty to a table of T and σ (or D, or a rate, or τc).",
            "Columns: T (K, or °C with --temperature-unit C), the quantity (any unit), optional <name>_error (same unit).",
            "Or several summary.json files of 'paddlewheel analyze': D (or σ) of one species vs input.temperature_K."})
public final class ArrheniusCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Output output;

    @Parameters(arity = "1..*", paramLabel = "TABLE|SUMMARY.json", description = "CSV/whitespace table with a header line, or several summary.json files.")
    List<Path> inputs;

    @Option(names = "--quantity", defaultValue = "D", paramLabel = "D|sigma", description = "summary.json input: fit D or σ (default: ${DEFAULT-VALUE}).")
    String quantity;

    @Option(names = "--species", paramLabel = "SP", description = "summary.json input: species (default: the first in the file).")
    String species;

    @Option(names = "--temperatures", split = ",", paramLabel = "T", converter = Converters.TemperatureK.class,
            description = "summary.json input: one temperature per file (default: input.temperature_K of each).")
    List<Double> temperaturesK;

    @Option(names = "--keep-no-hop", description = "summary.json input: keep files whose species made no hop (hops_detected = 0);"
            + " by default they are skipped, since their D is the MSD-slope floor (vibrations, cell fluctuations), not transport.")
    boolean keepNoHop;

    private Path table;
    private List<Path> skippedNoHop = List.of();

    @Option(names = "--form", defaultValue = "sigma", paramLabel = "FORM",
            description = "sigma: y = A·exp(−Ea/kT); sigmaT: y·T = A·exp(−Ea/kT); both; inverse: y = A·exp(+Ea/kT) (τc). Default: ${DEFAULT-VALUE}.")
    String form;

    @Option(names = "--columns", paramLabel = "T,Y[,ERR]", split = ",",
            description = "Column names for temperature, quantity and (optionally) its 1σ error. Default: the first two columns.")
    List<String> columns;

    @Option(names = "--error-column", paramLabel = "NAME", description = "Column of 1σ errors of the quantity (same unit).")
    String errorColumn;

    @Option(names = "--no-errors", description = "Ignore any error column (ordinary least squares; errors from the scatter).")
    boolean noErrors;

    @Option(names = "--temperature-unit", defaultValue = "K", paramLabel = "K|C", description = "Unit of the temperature column: K or C (°C). Default: ${DEFAULT-VALUE}.")
    String temperatureUnit;

    @Option(names = "--extrapolate", paramLabel = "TEMP", converter = Converters.TemperatureK.class,
            description = "Also report the fitted quantity at this temperature (e.g. 300K, 25C).")
    Double extrapolateK;

    @Override
    public Integer call() throws Exception {
        table = inputs.get(0);
        boolean summaries = inputs.size() > 1 || SummaryInputs.isJson(table);
        double[] tk, y, err;
        String yName, errName;
        if (summaries) {
            SummaryInputs si = SummaryInputs.read(inputs, quantity, species, temperaturesK, keepNoHop);
            skippedNoHop = si.skippedNoHop();
            var err0 = spec.commandLine().getErr();
            for (Path f : skippedNoHop) {
                err0.println("paddlewheel arrhenius: warning: skipping " + f + ": no hop of " + si.name().replaceAll(".*\\(|\\)", "")
                        + " detected (D is the MSD-slope floor, not transport); --keep-no-hop keeps it");
            }
            err0.flush();
            if (si.y().length < 2) {
                throw new InputException(si.y().length + " summary file(s) left after skipping " + skippedNoHop.size()
                        + " without a hop; an Arrhenius fit needs at least 2 (use --keep-no-hop to fit the floors anyway)");
            }
            tk = si.temperatureK();
            y = si.y();
            err = noErrors ? null : si.error();
            yName = si.name();
            errName = "the std of each summary";
        } else {
            NumericTable t = NumericTable.read(table);
            TableInputs ti = tableInputs(t);
            tk = ti.tk;
            y = ti.y;
            err = ti.err;
            yName = ti.name;
            errName = ti.errName;
        }
        return fitAndReport(tk, y, err, yName, errName, summaries);
    }

    private record TableInputs(double[] tk, double[] y, double[] err, String name, String errName) {}

    private TableInputs tableInputs(NumericTable t) {
        int ti, yi, ei = -1;
        if (columns != null && !columns.isEmpty()) {
            if (columns.size() < 2 || columns.size() > 3) throw new InputException("--columns takes T,Y or T,Y,ERR, got " + columns);
            ti = t.require("temperature", columns.get(0));
            yi = t.require("quantity", columns.get(1));
            if (columns.size() == 3) ei = t.require("error", columns.get(2));
        } else {
            if (t.names().size() < 2) throw new InputException(t.source(), 1, "need at least two columns (T and the quantity)");
            ti = 0;
            yi = 1;
        }
        String yName = t.names().get(yi);
        if (errorColumn != null) ei = t.require("error", errorColumn);
        if (ei < 0) ei = t.find(yName + "_error", yName + "_err", yName + "_std", yName + "_sigma", "d" + yName);
        if (noErrors) ei = -1;
        TemperatureColumn unit = TemperatureColumn.parse(temperatureUnit);
        double[] tk = t.column(ti);
        for (int i = 0; i < tk.length; i++) {
            tk[i] = unit.toKelvin(tk[i]);
            if (!(tk[i] > 0)) throw new InputException(t.source(), t.line(i), "temperature " + tk[i] + " K is not > 0 (is the column in °C? use --temperature-unit C)");
        }
        double[] y = t.column(yi);
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] > 0)) throw new InputException(t.source(), t.line(i), yName + " = " + y[i] + " must be > 0 for an Arrhenius fit");
        }
        double[] err = ei >= 0 ? t.column(ei) : null;
        if (err != null) {
            for (int i = 0; i < err.length; i++) {
                if (!(err[i] > 0)) throw new InputException(t.source(), t.line(i), "error " + err[i] + " must be > 0 (or use --no-errors)");
            }
        }
        return new TableInputs(tk, y, err, yName, ei >= 0 ? t.names().get(ei) : null);
    }

    private int fitAndReport(double[] tk, double[] y, double[] err, String yName, String errName, boolean summaries) throws Exception {
        List<String> forms = switch (form.toLowerCase(Locale.ROOT)) {
            case "sigma", "plain" -> List.of("sigma");
            case "sigmat", "times_t" -> List.of("sigmaT");
            case "both" -> List.of("sigma", "sigmaT");
            case "inverse", "tau" -> List.of("inverse");
            default -> throw new InputException("--form must be sigma, sigmaT, both or inverse, got '" + form + "'");
        };
        Map<String, Object> out = Output.map();
        Map<String, Object> fits = Output.map();
        List<Arrhenius.Result> results = new ArrayList<>();
        for (String f : forms) {
            Arrhenius.Form af = switch (f) {
                case "sigma" -> Arrhenius.Form.PLAIN;
                case "sigmaT" -> Arrhenius.Form.TIMES_T;
                default -> Arrhenius.Form.INVERSE;
            };
            // Errors are absolute errors of y; the shared fit uses their relative size, which is the
            // same for y·T (T exact), so one error column serves every form.
            Arrhenius.Result r = Arrhenius.fit(tk, y, err, af);
            results.add(r);
            if (r.warning() != null) {
                spec.commandLine().getErr().println("paddlewheel arrhenius: warning: " + f + ": " + r.warning());
                spec.commandLine().getErr().flush();
            }
            fits.put(f, resultMap(r));
        }
        Arrhenius.Result first = results.get(0);
        if (summaries) {
            out.put("files", inputs.stream().filter(p -> !skippedNoHop.contains(p)).map(Path::toString).toList());
            out.put("skipped_no_hop", skippedNoHop.stream().map(Path::toString).toList());
        }
        else out.put("file", table.toString());
        out.put("quantity", yName);
        out.put("form", forms.get(0));
        out.putAll(resultMap(first));
        out.put("weighted", err != null);
        out.put("fits", fits);
        if (extrapolateK != null) {
            Map<String, Object> ex = Output.map();
            ex.put("T_K", extrapolateK);
            for (int i = 0; i < forms.size(); i++) ex.put(forms.get(i), results.get(i).predict(extrapolateK));
            out.put("extrapolated", ex);
        }
        if (output.dir() != null) {
            for (int i = 0; i < forms.size(); i++) plot(forms.get(i), results.get(i), tk, y, yName);
            Output.writeJson(output.dir().resolve("arrhenius.json"), out);
        }
        var w = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            w.printf(Locale.ROOT, "%s: %d points, %s%n", summaries ? inputs.size() + " summary files" : table, tk.length,
                    err != null ? "weighted by " + errName : "unweighted (errors from scatter)");
            for (int i = 0; i < forms.size(); i++) {
                Arrhenius.Result r = results.get(i);
                w.printf(Locale.ROOT, "  %-7s Ea = %.4f ± %.4f eV   prefactor = %.4g   R² = %.4f%n", forms.get(i),
                        r.activationEnergyEv(), r.activationEnergyErrorEv(), r.prefactor(), r.rSquared());
            }
            w.flush();
        }
        return 0;
    }

    static Map<String, Object> resultMap(Arrhenius.Result r) {
        Map<String, Object> m = Output.map();
        m.put("Ea_eV", r.activationEnergyEv());
        m.put("Ea_std_eV", r.activationEnergyErrorEv());
        m.put("Ea_kJ_per_mol", r.activationEnergyEv() * Units.EV_J * Units.AVOGADRO_PER_MOL / 1e3);
        m.put("prefactor", r.prefactor());
        m.put("ln_prefactor_std", r.lnPrefactorError());
        m.put("r_squared", r.rSquared());
        m.put("n", r.points());
        if (!Double.isNaN(r.reducedChiSquared())) {
            m.put("reduced_chi2", r.reducedChiSquared());
            m.put("chi2_p_value", r.chiSquaredPValue());
            m.put("consistent", r.consistent());
            m.put("Ea_std_scaled_by_chi2", r.reducedChiSquared() > 1);
        }
        return m;
    }

    private void plot(String f, Arrhenius.Result r, double[] tk, double[] y, String yName) throws java.io.IOException {
        boolean timesT = r.form() == Arrhenius.Form.TIMES_T;
        double[] x = new double[tk.length], yy = new double[tk.length];
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int i = 0; i < tk.length; i++) {
            x[i] = 1000 / tk[i];
            yy[i] = timesT ? y[i] * tk[i] : y[i];
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        double[] fx = new double[50], fy = new double[50];
        for (int i = 0; i < 50; i++) {
            fx[i] = lo + (hi - lo) * i / 49.0;
            double tt = 1000 / fx[i];
            fy[i] = timesT ? r.predict(tt) * tt : r.predict(tt);
        }
        XYChart c = ExperimentCharts.chart(String.format(Locale.ROOT, "Arrhenius (%s): Ea = %.3f ± %.3f eV", f, r.activationEnergyEv(), r.activationEnergyErrorEv()),
                "1000/T (1/K)", timesT ? yName + "·T" : yName);
        c.getStyler().setYAxisLogarithmic(true);
        ExperimentCharts.points(c, "data", x, yy);
        ExperimentCharts.line(c, "fit", fx, fy);
        Plots.savePngAndSvg(c, output.dir().resolve("arrhenius-" + f));
    }
}
