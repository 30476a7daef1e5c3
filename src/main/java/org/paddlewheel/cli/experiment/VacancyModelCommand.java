package org.paddlewheel.cli.experiment;

import org.paddlewheel.report.ExperimentCharts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.paddlewheel.experiment.NumericTable;
import org.paddlewheel.experiment.SiteFraction;
import org.paddlewheel.experiment.VacancyDiffusionModel;
import org.paddlewheel.model.InputException;
import org.paddlewheel.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel vacancy-model TABLE}: fits the paper's vacancy-diffusion model (Eq. 8,
 * log10 σ = A + log10[c(1−c)] − B/T) to the (x, T, σ) points with x ≤ --x-max and reports the
 * measured/model ratio for every point (the paper's Figure 1C deviation, ~10² at x = 1).
 */
@Command(name = "vacancy-model", mixinStandardHelpOptions = true,
        description = {"Fit log10 σ = A + log10[c(1−c)] − B/T (paper Eq. 8) to points with x ≤ x-max; report σ/σ_model for all.",
            "Table columns: x (substitution fraction), T (K, or °C with --temperature-unit C), sigma (S/cm)."})
public final class VacancyModelCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Output output;

    @Parameters(index = "0", paramLabel = "TABLE", description = "CSV/whitespace table with header x,T,sigma.")
    Path table;

    @Option(names = {"--x-max", "--fit-max-x"}, defaultValue = "0.75", paramLabel = "X",
            description = "Largest substitution fraction x used in the fit (dimensionless). Default: ${DEFAULT-VALUE}.")
    double xMax;

    @Option(names = "--site-fraction", defaultValue = SiteFraction.ANTIPEROVSKITE, paramLabel = "EXPR",
            description = "Na site fraction c as an expression in x (dimensionless). Default: ${DEFAULT-VALUE} (Na(3−x)O(1−x)(NH2)x(BH4)).")
    String siteFraction;

    @Option(names = "--columns", split = ",", paramLabel = "X,T,SIGMA", description = "Column names for x, temperature and conductivity. Default: x,T,sigma.")
    List<String> columns;

    @Option(names = "--temperature-unit", defaultValue = "K", paramLabel = "K|C", description = "Unit of the temperature column. Default: ${DEFAULT-VALUE}.")
    String temperatureUnit;

    @Option(names = "--form", defaultValue = "sigma", paramLabel = "sigma|sigmaT",
            description = "sigma: Eq. 8 as printed; sigmaT: log10(σT) (keeps Eq. 7's 1/T prefactor). Default: ${DEFAULT-VALUE}.")
    String form;

    @Override
    public Integer call() throws Exception {
        NumericTable t = NumericTable.read(table);
        int xi, ti, si;
        if (columns != null) {
            if (columns.size() != 3) throw new InputException("--columns takes X,T,SIGMA, got " + columns);
            xi = t.require("x", columns.get(0));
            ti = t.require("temperature", columns.get(1));
            si = t.require("conductivity", columns.get(2));
        } else {
            xi = t.require("x", "x", "substitution", "x_NH2");
            ti = t.require("temperature", "T", "T_K", "temperature", "T_C");
            si = t.require("conductivity", "sigma", "sigma_S_per_cm", "conductivity", "σ");
        }
        boolean timesT = switch (form.toLowerCase(Locale.ROOT)) {
            case "sigma" -> false;
            case "sigmat" -> true;
            default -> throw new InputException("--form must be sigma or sigmaT, got '" + form + "'");
        };
        TemperatureColumn unit = TemperatureColumn.parse(temperatureUnit);
        SiteFraction c = SiteFraction.parse(siteFraction);
        double[] x = t.column(xi), tc = t.column(ti), s = t.column(si);
        List<VacancyDiffusionModel.Point> pts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double tk = unit.toKelvin(tc[i]);
            if (!(tk > 0)) throw new InputException(t.source(), t.line(i), "temperature " + tk + " K is not > 0");
            if (!(s[i] > 0)) throw new InputException(t.source(), t.line(i), "conductivity " + s[i] + " must be > 0");
            pts.add(new VacancyDiffusionModel.Point(x[i], tk, s[i]));
        }
        VacancyDiffusionModel.Result r = VacancyDiffusionModel.fit(pts, c, xMax, timesT);
        Map<String, Object> out = Output.map();
        out.put("file", table.toString());
        out.put("form", timesT ? "sigmaT" : "sigma");
        out.put("site_fraction", c.text());
        out.put("x_max", xMax);
        out.put("A", r.a());
        out.put("A_std", r.aError());
        out.put("B_K", r.bK());
        out.put("B_std_K", r.bErrorK());
        out.put("Ea_eV", r.activationEnergyEv());
        out.put("Ea_std_eV", r.activationEnergyErrorEv());
        out.put("n_fitted", r.nFitted());
        out.put("r_squared", r.rSquared());
        List<Map<String, Object>> rows = new ArrayList<>();
        double maxX = pts.stream().mapToDouble(VacancyDiffusionModel.Point::x).max().orElse(0);
        List<Double> devAtMax = new ArrayList<>();
        for (VacancyDiffusionModel.Evaluated e : r.points()) {
            Map<String, Object> m = Output.map();
            m.put("x", e.point().x());
            m.put("T_K", e.point().temperatureK());
            m.put("c", e.siteFraction());
            m.put("vacancy_fraction", 1 - e.siteFraction());
            m.put("sigma_S_per_cm", e.point().sigma());
            m.put("model_S_per_cm", e.model());
            m.put("deviation", e.deviation());
            m.put("log10_deviation", Math.log10(e.deviation()));
            m.put("fitted", e.fitted());
            rows.add(m);
            if (Math.abs(e.point().x() - maxX) < 1e-9) devAtMax.add(Math.log10(e.deviation()));
        }
        out.put("points", rows);
        Map<String, Object> summary = Output.map();
        summary.put("x", maxX);
        summary.put("geometric_mean_deviation", Math.pow(10, devAtMax.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        out.put("deviation_at_max_x", summary);
        if (output.dir() != null) {
            plot(r, maxX);
            Output.writeJson(output.dir().resolve("vacancy-model.json"), out);
        }
        var w = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            w.printf(Locale.ROOT, "vacancy model (c = %s, fit x ≤ %.3g, %d points): A = %.4f ± %.4f, B = %.1f ± %.1f K (Ea = %.3f ± %.3f eV)%n",
                    c.text(), xMax, r.nFitted(), r.a(), r.aError(), r.bK(), r.bErrorK(), r.activationEnergyEv(), r.activationEnergyErrorEv());
            w.printf(Locale.ROOT, "%8s %9s %8s %12s %12s %10s%n", "x", "T_K", "c", "sigma", "model", "deviation");
            for (VacancyDiffusionModel.Evaluated e : r.points()) {
                w.printf(Locale.ROOT, "%8.3f %9.2f %8.4f %12.4g %12.4g %10.3g%s%n", e.point().x(), e.point().temperatureK(), e.siteFraction(),
                        e.point().sigma(), e.model(), e.deviation(), e.fitted() ? "" : "  (extrapolated)");
            }
            w.flush();
        }
        return 0;
    }

    private void plot(VacancyDiffusionModel.Result r, double maxX) throws java.io.IOException {
        TreeMap<Double, List<VacancyDiffusionModel.Evaluated>> byT = new TreeMap<>();
        for (VacancyDiffusionModel.Evaluated e : r.points()) {
            byT.computeIfAbsent(Math.rint(e.point().temperatureK() * 100) / 100, k -> new ArrayList<>()).add(e);
        }
        XYChart c = ExperimentCharts.chart("Vacancy-diffusion model (fit x ≤ " + r.xMax() + ")", "vacancy fraction 1 − c", "σ (S/cm)");
        c.getStyler().setYAxisLogarithmic(true);
        XYChart d = ExperimentCharts.chart("Measured / vacancy model", "x", "σ / σ_model");
        d.getStyler().setYAxisLogarithmic(true);
        for (var en : byT.entrySet()) {
            List<VacancyDiffusionModel.Evaluated> es = en.getValue();
            double[] vx = new double[es.size()], vy = new double[es.size()], xx = new double[es.size()], dv = new double[es.size()];
            double cMin = 1;
            for (int i = 0; i < es.size(); i++) {
                vx[i] = 1 - es.get(i).siteFraction();
                vy[i] = es.get(i).point().sigma();
                xx[i] = es.get(i).point().x();
                dv[i] = es.get(i).deviation();
                cMin = Math.min(cMin, es.get(i).siteFraction());
            }
            String label = String.format(Locale.ROOT, "%.1f K", en.getKey());
            ExperimentCharts.points(c, label, vx, vy);
            double[] mx = new double[40], my = new double[40];
            for (int i = 0; i < 40; i++) {
                double cc = 1 - 1e-3 - (1 - 1e-3 - cMin) * i / 39.0;
                mx[i] = 1 - cc;
                my[i] = r.predict(cc, en.getKey());
            }
            ExperimentCharts.line(c, label + " model", mx, my);
            int finite = 0;
            for (double v : dv) if (Double.isFinite(v)) finite++;
            double[] fx = new double[finite], fd = new double[finite];
            for (int i = 0, k = 0; i < dv.length; i++) if (Double.isFinite(dv[i])) { fx[k] = xx[i]; fd[k++] = dv[i]; }
            if (finite > 0) ExperimentCharts.points(d, label, fx, fd);
        }
        Plots.savePngAndSvg(c, output.dir().resolve("vacancy-model"));
        Plots.savePngAndSvg(d, output.dir().resolve("vacancy-deviation"));
    }
}
