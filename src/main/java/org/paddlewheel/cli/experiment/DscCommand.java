package org.paddlewheel.cli.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.paddlewheel.cli.Converters;
import org.paddlewheel.experiment.NumericTable;
import org.paddlewheel.experiment.calorimetry.DscAnalysis;
import org.paddlewheel.model.InputException;
import org.paddlewheel.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel dsc FILE}: onset, peak temperature and enthalpy of each transition on the
 * heating and cooling branches of a DSC curve ({@link DscAnalysis}). JSON: {@code transitions[]} with
 * {@code onset_K}, {@code peak_K}, {@code enthalpy_J_per_g} (&gt; 0 endothermic), {@code branch}.
 */
@Command(name = "dsc", mixinStandardHelpOptions = true,
        description = {"DSC transitions: baseline (quadratic, peaks excluded), ΔH = ∫(q − baseline)dt in J/g, peak T and",
            "extrapolated onset (tangent at the steepest leading-edge point ∩ baseline), per heating/cooling branch."})
public class DscCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Output output;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "Columns time, temperature, heat flow (header names/units e.g. 'Time (min)', 'Temperature (°C)', 'Heat Flow (W/g)'), or temperature, heat flow with --rate.")
    Path file;

    @Option(names = "--mass", paramLabel = "MASS", converter = Converters.MassG.class, description = "Sample mass (e.g. 5.2mg) when heat flow is in mW or W.")
    Double massG;

    @Option(names = "--exo", defaultValue = "up", paramLabel = "up|down", description = "Sign convention of the file: exothermic up (TA default) or down. Default: ${DEFAULT-VALUE}.")
    String exo;

    @Option(names = "--rate", paramLabel = "K/min", description = "Scan rate in K/min when the file has no time column.")
    Double rate;

    @Option(names = "--temperature-unit", paramLabel = "C|K", description = "Unit of the temperature column (default: from the header, else °C).")
    String temperatureUnit;

    @Mixin TimeColumnOptions time;

    @Option(names = "--heat-flow-unit", paramLabel = "W/g|mW/mg|mW|W", description = "Unit of the heat-flow column (default: from the header, else W/g).")
    String heatUnit;

    @Override
    public Integer call() throws Exception {
        NumericTable d = NumericTable.readCurve(file, 2);
        int ti = d.find("time", "t_s", "t_min"), ki = d.find("temperature", "temp", "t_c", "t_k", "ts"), qi = d.find("heat", "heatflow", "heat_flow", "hf", "q");
        if (ki < 0 || qi < 0) {
            if (d.width() >= 3) { ti = 0; ki = 1; qi = 2; } else { ti = -1; ki = 0; qi = 1; }
        }
        double[] tk = d.column(ki), q = d.column(qi);
        String tu = temperatureUnit != null ? temperatureUnit : TimeColumnOptions.headerUnit(d.names().get(ki));
        boolean celsius = tu.isEmpty() || tu.toLowerCase(Locale.ROOT).endsWith("c");
        if (celsius) for (int i = 0; i < tk.length; i++) tk[i] += 273.15;
        String hu = (heatUnit != null ? heatUnit : TimeColumnOptions.headerUnit(d.names().get(qi))).replace(" ", "").toLowerCase(Locale.ROOT);
        double qScale = switch (hu) {
            case "", "w/g", "mw/mg" -> 1;
            case "mw/g" -> 1e-3;
            case "mw", "w" -> {
                if (massG == null) throw new InputException(file.toString(), 1, "heat flow in " + hu + ": give --mass (e.g. 5.2mg)");
                yield (hu.equals("mw") ? 1e-3 : 1) / massG;
            }
            default -> throw new InputException(file.toString(), 1, "unknown heat-flow unit '" + hu + "'; use --heat-flow-unit W/g|mW/mg|mW|W");
        };
        boolean exoUp = switch (exo.toLowerCase(Locale.ROOT)) {
            case "up" -> true;
            case "down" -> false;
            default -> throw new InputException("--exo must be up or down, got '" + exo + "'");
        };
        for (int i = 0; i < q.length; i++) q[i] *= qScale * (exoUp ? -1 : 1); // analysis: endothermic positive
        double[] t;
        if (ti >= 0) {
            t = d.column(ti);
            double f = time.secondsPerUnit(d.names().get(ti));
            for (int i = 0; i < t.length; i++) t[i] *= f;
        } else {
            if (rate == null || !(rate > 0)) throw new InputException(file.toString(), 0, "no time column: give --rate K/min");
            t = new double[tk.length];
            for (int i = 1; i < t.length; i++) t[i] = t[i - 1] + Math.abs(tk[i] - tk[i - 1]) / (rate / 60);
        }
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] > t[i - 1])) throw new InputException(file.toString(), d.line(i), "time must increase" + (ti < 0 ? " (temperature repeats)" : ""));
        }
        DscAnalysis.Result r;
        try {
            r = DscAnalysis.analyse(t, tk, q);
        } catch (IllegalArgumentException e) {
            throw new InputException(file.toString(), 0, e.getMessage());
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (DscAnalysis.Transition tr : r.transitions()) {
            Map<String, Object> m = Output.map();
            m.put("branch", tr.branch());
            m.put("kind", tr.kind());
            m.put("onset_K", tr.onsetK());
            m.put("onset_C", tr.onsetK() - 273.15);
            m.put("peak_K", tr.peakK());
            m.put("peak_C", tr.peakK() - 273.15);
            m.put("enthalpy_J_per_g", tr.enthalpyJPerG());
            m.put("enthalpy_std_J_per_g", tr.enthalpyStdJPerG());
            m.put("start_K", tr.startK());
            m.put("end_K", tr.endK());
            m.put("rate_K_per_min", tr.rateKPerMin());
            list.add(m);
        }
        Map<String, Object> out = Output.map();
        out.put("file", file.toString());
        out.put("sign_convention", "enthalpy > 0: endothermic (heat taken up by the sample)");
        out.put("branches", r.branches().stream().map(DscAnalysis.Branch::name).toList());
        out.put("transitions", list);
        if (output.dir() != null) {
            XYChart c = org.paddlewheel.report.ExperimentCharts.chart("DSC", "T (K)", "heat flow, endo up (W/g)");
            for (DscAnalysis.Branch b : r.branches()) {
                double[] x = java.util.Arrays.copyOfRange(tk, b.from(), b.to()), y = java.util.Arrays.copyOfRange(q, b.from(), b.to());
                org.paddlewheel.report.ExperimentCharts.line(c, b.name() + " " + b.from(), x, y);
                org.paddlewheel.report.ExperimentCharts.line(c, "baseline " + b.from(), x, b.baseline());
            }
            Plots.savePngAndSvg(c, output.dir().resolve("dsc"));
            Output.writeJson(output.dir().resolve("dsc.json"), out);
        }
        var w = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            if (list.isEmpty()) w.println("no transitions found");
            for (DscAnalysis.Transition tr : r.transitions()) {
                w.printf(Locale.ROOT, "%-8s %-11s onset %.2f K (%.2f °C), peak %.2f K (%.2f °C), ΔH = %.3f ± %.3f J/g at %.3g K/min%n", tr.branch(),
                        tr.kind(), tr.onsetK(), tr.onsetK() - 273.15, tr.peakK(), tr.peakK() - 273.15, tr.enthalpyJPerG(), tr.enthalpyStdJPerG(), tr.rateKPerMin());
            }
            w.flush();
        }
        return 0;
    }
}
