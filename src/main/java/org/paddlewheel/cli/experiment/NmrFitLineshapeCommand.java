package org.paddlewheel.cli.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.paddlewheel.cli.Converters;
import org.paddlewheel.experiment.NumericTable;
import org.paddlewheel.experiment.nmr.BrukerProcessed;
import org.paddlewheel.experiment.nmr.LineshapeFit;
import org.paddlewheel.experiment.nmr.Nucleus;
import org.paddlewheel.experiment.nmr.QuadrupolarLineshape;
import org.paddlewheel.model.InputException;
import org.paddlewheel.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel nmr fit-lineshape FILE}: fits C_Q, η_Q, δ_iso (and the Lorentzian width) of a
 * central-transition spectrum, two columns ppm/intensity (any order of ppm; evenly spaced), or a
 * Bruker processed-data folder ({@code pdata/N} with {@code 1r} and {@code procs}) — see
 * {@link LineshapeFit}. JSON: {@code cq_MHz}, {@code cq_std_MHz}, {@code eta}, {@code eta_std},
 * {@code eta_at_bound} (then eta_std is a one-sided profile bound), {@code iso_ppm}, {@code iso_std_ppm},
 * {@code lb_Hz}, {@code lb_std_Hz}.
 */
@Command(name = "fit-lineshape", mixinStandardHelpOptions = true,
        description = "Fit C_Q, η_Q, δ_iso (and Lorentzian LB) of a second-order quadrupolar central-transition spectrum (ppm, intensity).")
public class NmrFitLineshapeCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Output output;
    @Mixin SpectrometerOptions spectrometer;

    @Parameters(index = "0", paramLabel = "FILE", description = "Two-column ppm/intensity text, or a Bruker pdata folder (1r + procs).")
    Path file;

    @Option(names = "--lb", defaultValue = "200Hz", paramLabel = "FREQ", converter = Converters.FrequencyHz.class,
            description = "Lorentzian FWHM: start value, or fixed with --fix-lb. Default: ${DEFAULT-VALUE}.")
    double lbHz;

    @Option(names = "--fix-lb", description = "Keep the Lorentzian width fixed at --lb.")
    boolean fixLb;

    @Option(names = "--range", split = ",", paramLabel = "LO,HI", description = "Fit only LO ≤ δ ≤ HI (ppm).")
    List<Double> range;

    @Option(names = "--orientations", defaultValue = "160", paramLabel = "N", description = "Powder grid points in cos β. Default: ${DEFAULT-VALUE}.")
    int orientations;

    @Override
    public Integer call() throws Exception {
        Nucleus nuc = spectrometer.nucleus();
        double larmorHz = spectrometer.larmorHz(), gbHz = spectrometer.gbHz();
        Double masHz = spectrometer.masHz();
        double[][] xy = java.nio.file.Files.isDirectory(file) ? BrukerProcessed.read(file) : readText();
        double[] ppm = xy[0], y = xy[1];
        if (range != null) {
            if (range.size() != 2 || !(range.get(1) > range.get(0))) throw new InputException("--range takes LO,HI with LO < HI (ppm)");
            int c = 0;
            for (double v : ppm) if (v >= range.get(0) && v <= range.get(1)) c++;
            double[] p2 = new double[c], y2 = new double[c];
            c = 0;
            for (int i = 0; i < ppm.length; i++) if (ppm[i] >= range.get(0) && ppm[i] <= range.get(1)) { p2[c] = ppm[i]; y2[c++] = y[i]; }
            ppm = p2;
            y = y2;
        }
        LineshapeFit.Result r;
        try {
            r = new LineshapeFit(spectrometer.lineshape(orientations), larmorHz, gbHz).fit(ppm, y, lbHz, !fixLb);
        } catch (IllegalArgumentException e) {
            throw new InputException(file.toString(), 0, e.getMessage());
        }
        Map<String, Object> out = Output.map();
        out.put("file", file.toString());
        out.put("nucleus", nuc.label());
        out.put("larmor_Hz", larmorHz);
        out.put("mode", masHz == null ? "static" : "mas");
        out.put("mas_Hz", masHz);
        out.put("cq_MHz", r.cqHz() / 1e6);
        out.put("cq_std_MHz", r.cqStdHz() / 1e6);
        out.put("eta", r.eta());
        out.put("eta_std", r.etaStd());
        // At η = 0 or 1 eta_std is the one-sided 1σ profile bound (distance from the bound), not a symmetric error.
        out.put("eta_at_bound", r.etaAtBound());
        out.put("iso_ppm", r.isoPpm());
        out.put("iso_std_ppm", r.isoStdPpm());
        out.put("cq_MHz_std", r.cqStdHz() / 1e6); // same values under the suffix-last spelling
        out.put("iso_ppm_std", r.isoStdPpm());
        out.put("lb_Hz", r.lorentzHz());
        out.put("lb_std_Hz", r.lorentzStdHz());
        out.put("gb_Hz", gbHz);
        double cg = new QuadrupolarLineshape(nuc.spin(), false, 8).centreOfGravityPpm(r.cqHz(), r.eta(), r.isoPpm(), larmorHz);
        out.put("centre_of_gravity_ppm", cg);
        out.put("amplitude", r.amplitude());
        out.put("baseline", r.baseline());
        out.put("rms_residual", r.rmsResidual());
        out.put("points", ppm.length);
        if (output.dir() != null) {
            StringBuilder sb = new StringBuilder("ppm,observed,calculated,difference\n");
            for (int i = 0; i < ppm.length; i++) {
                sb.append(String.format(Locale.ROOT, "%.5f,%.8g,%.8g,%.8g%n", ppm[i], y[i], r.model()[i], y[i] - r.model()[i]));
            }
            Output.writeText(output.dir().resolve("nmr-fit.csv"), sb.toString());
            XYChart c = org.paddlewheel.report.ExperimentCharts.chart(String.format(Locale.ROOT, "%s fit: C_Q = %.4g MHz, η = %.3f, δ_iso = %.2f ppm", nuc.label(), r.cqHz() / 1e6,
                    r.eta(), r.isoPpm()), "δ (ppm)", "intensity");
            double lo = Math.min(ppm[0], ppm[ppm.length - 1]), hi = Math.max(ppm[0], ppm[ppm.length - 1]);
            c.getStyler().setXAxisMin(hi).setXAxisMax(lo);
            org.paddlewheel.report.ExperimentCharts.points(c, "observed", ppm, y);
            org.paddlewheel.report.ExperimentCharts.line(c, "calculated", ppm, r.model());
            double[] d = new double[ppm.length];
            for (int i = 0; i < d.length; i++) d[i] = y[i] - r.model()[i];
            org.paddlewheel.report.ExperimentCharts.line(c, "difference", ppm, d);
            Plots.savePngAndSvg(c, output.dir().resolve("nmr-fit"));
            Output.writeJson(output.dir().resolve("nmr-fit.json"), out);
        }
        var w = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            String eta = r.etaAtBound()
                    ? String.format(Locale.ROOT, "η = %.3f (at its bound; within %.2g of it at 1σ, profile)", r.eta(), r.etaStd())
                    : String.format(Locale.ROOT, "η = %.3f ± %.3f", r.eta(), r.etaStd());
            w.printf(Locale.ROOT, "%s: C_Q = %.4f ± %.4f MHz, %s, δ_iso = %.2f ± %.2f ppm, LB = %.0f Hz%n", nuc.label(),
                    r.cqHz() / 1e6, r.cqStdHz() / 1e6, eta, r.isoPpm(), r.isoStdPpm(), r.lorentzHz());
            w.flush();
        }
        return 0;
    }

    private double[][] readText() throws java.io.IOException {
        NumericTable d = NumericTable.readCurve(file, 2);
        double[] x = d.column(0), y = d.column(1);
        if (x.length < 16) throw new InputException(file.toString(), 0, "need at least 16 points, found " + x.length);
        if (x[0] > x[x.length - 1]) { reverse(x); reverse(y); }
        double step = (x[x.length - 1] - x[0]) / (x.length - 1);
        for (int i = 1; i < x.length; i++) {
            if (!(Math.abs(x[i] - x[i - 1] - step) <= 1e-3 * Math.abs(step) + 1e-9)) {
                throw new InputException(file.toString(), d.line(x[0] == d.column(0)[0] ? i : x.length - 1 - i),
                        "the ppm axis must be evenly spaced and monotonic");
            }
        }
        return new double[][] {x, y};
    }

    static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) { double t = a[i]; a[i] = a[j]; a[j] = t; }
    }
}
