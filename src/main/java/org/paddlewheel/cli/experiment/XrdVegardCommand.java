package org.paddlewheel.cli.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.paddlewheel.experiment.NumericTable;
import org.paddlewheel.experiment.diffraction.VegardFit;
import org.paddlewheel.model.InputException;
import org.paddlewheel.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel xrd vegard TABLE}: straight-line fit a(x) = intercept + slope·x over a series
 * ({@link VegardFit}; the paper: "the lattice parameter also increases linearly" with x) and how far
 * the points depart from it. JSON: {@code slope_A}, {@code intercept_A}, {@code max_deviation_A}.
 */
@Command(name = "vegard", mixinStandardHelpOptions = true,
        description = "Vegard's law a(x) = a0 + slope·x over a series (table x, a[, a_std]); deviations and a curvature test.")
public class XrdVegardCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Output output;

    @Parameters(index = "0", paramLabel = "TABLE", description = "Columns x and a (Å), optionally a_std (Å) to weight the fit.")
    Path table;

    @Option(names = "--columns", split = ",", paramLabel = "X,A[,STD]", description = "Column names. Default: x,a[,a_std].")
    List<String> columns;

    @Override
    public Integer call() throws Exception {
        NumericTable t = NumericTable.read(table);
        int xi = t.require("composition x", columns != null ? columns.get(0) : "x");
        int ai = t.require("lattice parameter", columns != null && columns.size() > 1 ? columns.get(1) : "a", "a_A", "a_angstrom");
        int si = columns != null && columns.size() > 2 ? t.require("a error", columns.get(2)) : t.find("a_std", "a_std_A", "a_err", "a_error", "sigma_a");
        double[] x = t.column(xi), a = t.column(ai), s = si >= 0 ? t.column(si) : null;
        if (s != null) for (int k = 0; k < s.length; k++) if (!(s[k] > 0)) throw new InputException(t.source(), t.line(k), "a_std must be > 0");
        VegardFit.Result r;
        try {
            r = VegardFit.fit(x, a, s);
        } catch (IllegalArgumentException e) {
            throw new InputException(table.toString(), 0, e.getMessage());
        }
        Map<String, Object> out = Output.map();
        out.put("file", table.toString());
        out.put("n", x.length);
        out.put("weighted", s != null);
        out.put("slope_A", r.slope());
        out.put("slope_std_A", r.slopeStd());
        out.put("intercept_A", r.intercept());
        out.put("intercept_std_A", r.interceptStd());
        out.put("max_deviation_A", r.maxDeviation());
        out.put("rms_deviation_A", r.rmsDeviation());
        out.put("chi2_reduced", r.reducedChi2());
        out.put("curvature_A", r.curvature());
        out.put("curvature_std_A", r.curvatureStd());
        out.put("curvature_significant", r.curvatureStd() > 0 && Math.abs(r.curvature()) > 2 * r.curvatureStd());
        List<Map<String, Object>> pts = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            Map<String, Object> m = Output.map();
            m.put("x", x[k]);
            m.put("a_A", a[k]);
            m.put("fit_A", r.intercept() + r.slope() * x[k]);
            m.put("deviation_A", a[k] - r.intercept() - r.slope() * x[k]);
            pts.add(m);
        }
        out.put("points", pts);
        if (output.dir() != null) {
            XYChart c = org.paddlewheel.report.ExperimentCharts.chart("Vegard's law", "x", "a (Å)");
            org.paddlewheel.report.ExperimentCharts.points(c, "data", x, a);
            double lo = java.util.Arrays.stream(x).min().orElse(0), hi = java.util.Arrays.stream(x).max().orElse(1);
            org.paddlewheel.report.ExperimentCharts.line(c, "fit", new double[] {lo, hi}, new double[] {r.intercept() + r.slope() * lo, r.intercept() + r.slope() * hi});
            Plots.savePngAndSvg(c, output.dir().resolve("xrd-vegard"));
            Output.writeJson(output.dir().resolve("xrd-vegard.json"), out);
        }
        var w = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            w.printf(Locale.ROOT, "a(x) = %.5f(±%.5f) + %.5f(±%.5f)·x Å; max |deviation| %.5f Å; curvature %.5f ± %.5f Å%n", r.intercept(), r.interceptStd(),
                    r.slope(), r.slopeStd(), r.maxDeviation(), r.curvature(), r.curvatureStd());
            w.flush();
        }
        return 0;
    }
}
