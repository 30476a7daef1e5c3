package org.paddlewheel.cli.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.paddlewheel.cli.Converters;
import org.paddlewheel.experiment.nmr.Nucleus;
import org.paddlewheel.experiment.nmr.QuadrupolarLineshape;
import org.paddlewheel.model.InputException;
import org.paddlewheel.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel nmr lineshape}: the second-order quadrupolar central-transition powder spectrum
 * ({@link QuadrupolarLineshape}) of a half-integer nucleus from C_Q (Hz), η_Q, δ_iso (ppm) and the
 * Larmor frequency (Hz), static or fast MAS, with Lorentzian/Gaussian broadening (Hz). JSON:
 * {@code centre_of_gravity_ppm}, {@code spectrum.ppm}, {@code spectrum.intensity} (unit area per ppm).
 */
@Command(name = "lineshape", mixinStandardHelpOptions = true,
        description = {"Central-transition powder lineshape under second-order quadrupolar broadening (static or fast MAS):",
            "Δν = (q²/ν0)(I(I+1)−¾)(4c−8b), q = C_Q/(4I(2I−1)); centre of gravity δ_iso − (3/40)(C_Q/ν0)²(I(I+1)−¾)/(I²(2I−1)²)(1+η²/3)."})
public class NmrLineshapeCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Output output;
    @Mixin SpectrometerOptions spectrometer;

    @Option(names = "--cq", required = true, paramLabel = "FREQ", converter = Converters.FrequencyHz.class, description = "C_Q = e²qQ/h (e.g. 3MHz; bare number = Hz).")
    double cqHz;

    @Option(names = "--eta", defaultValue = "0", paramLabel = "ETA", description = "Asymmetry η_Q in [0, 1]. Default: ${DEFAULT-VALUE}.")
    double eta;

    @Option(names = "--iso", defaultValue = "0ppm", paramLabel = "PPM", description = "Isotropic chemical shift δ_iso (e.g. 0ppm, 7.2). Default: ${DEFAULT-VALUE}.")
    String iso;

    @Option(names = "--lb", defaultValue = "100Hz", paramLabel = "FREQ", converter = Converters.FrequencyHz.class, description = "Lorentzian broadening FWHM. Default: ${DEFAULT-VALUE}.")
    double lbHz;

    @Option(names = "--points", defaultValue = "1024", paramLabel = "N", description = "Points on the ppm axis. Default: ${DEFAULT-VALUE}.")
    int points;

    @Option(names = "--range", split = ",", paramLabel = "LO,HI", description = "ppm axis limits (default: the pattern ± 10 linewidths).")
    List<Double> range;

    @Option(names = "--orientations", defaultValue = "300", paramLabel = "N", description = "Powder grid points in cos β (N·N/3 orientations). Default: ${DEFAULT-VALUE}.")
    int orientations;

    @Override
    public Integer call() throws Exception {
        Nucleus nuc = spectrometer.nucleus();
        double larmorHz = spectrometer.larmorHz(), gbHz = spectrometer.gbHz();
        Double masHz = spectrometer.masHz();
        double isoPpm = ppm(iso);
        if (!(eta >= 0 && eta <= 1)) throw new InputException("--eta must lie in [0, 1], got " + eta);
        if (!(cqHz >= 0)) throw new InputException("--cq must be ≥ 0 (the central transition does not see its sign), got " + cqHz);
        if (points < 16) throw new InputException("--points must be ≥ 16");
        QuadrupolarLineshape q = spectrometer.lineshape(orientations);
        double[] r = q.rangePpm(cqHz, eta, isoPpm, larmorHz);
        double pad = 10 * (lbHz + gbHz) / larmorHz * 1e6 + 0.1 * (r[1] - r[0]) + 1;
        double lo = range != null ? range.get(0) : r[0] - pad, hi = range != null ? range.get(1) : r[1] + pad;
        if (range != null && (range.size() != 2 || !(hi > lo))) throw new InputException("--range takes LO,HI with LO < HI (ppm)");
        double[] ppm = new double[points];
        for (int i = 0; i < points; i++) ppm[i] = lo + (hi - lo) * i / (points - 1);
        double[] y = q.spectrum(cqHz, eta, isoPpm, larmorHz, lbHz, gbHz, ppm);
        double widthHz = (r[1] - r[0]) * larmorHz / 1e6;
        Map<String, Object> out = Output.map();
        out.put("nucleus", nuc.label());
        out.put("spin", nuc.spin());
        out.put("cq_MHz", cqHz / 1e6);
        out.put("CQ_Hz", cqHz);
        out.put("eta", eta);
        out.put("iso_ppm", isoPpm);
        out.put("larmor_Hz", larmorHz);
        out.put("mode", masHz == null ? "static" : "mas");
        out.put("mas_Hz", masHz);
        out.put("lb_Hz", lbHz);
        out.put("gb_Hz", gbHz);
        out.put("centre_of_gravity_ppm", q.centreOfGravityPpm(cqHz, eta, isoPpm, larmorHz));
        out.put("quadrupolar_shift_ppm", q.centreOfGravityPpm(cqHz, eta, isoPpm, larmorHz) - isoPpm);
        out.put("edges_ppm", r);
        out.put("width_Hz", widthHz);
        if (masHz != null) out.put("fast_spinning_limit_ok", masHz > widthHz);
        out.put("orientations", q.orientations());
        Map<String, Object> sp = Output.map();
        sp.put("ppm", ppm);
        sp.put("intensity", y);
        out.put("spectrum", sp);
        if (output.dir() != null) {
            StringBuilder sb = new StringBuilder("ppm,intensity\n");
            for (int i = 0; i < points; i++) sb.append(String.format(Locale.ROOT, "%.5f,%.8g%n", ppm[i], y[i]));
            Output.writeText(output.dir().resolve("nmr-lineshape.csv"), sb.toString());
            XYChart c = org.paddlewheel.report.ExperimentCharts.chart(String.format(Locale.ROOT, "%s central transition, C_Q = %.4g MHz, η = %.3g", nuc.label(), cqHz / 1e6, eta),
                    "δ (ppm)", "intensity (per ppm)");
            c.getStyler().setXAxisMin(hi).setXAxisMax(lo);
            org.paddlewheel.report.ExperimentCharts.line(c, "simulated", ppm, y);
            Plots.savePngAndSvg(c, output.dir().resolve("nmr-lineshape"));
            Output.writeJson(output.dir().resolve("nmr-lineshape.json"), out);
        }
        var w = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            w.printf(Locale.ROOT, "%s %s: C_Q = %.5g MHz, η = %.3f, δ_iso = %.3f ppm, ν0 = %.6g MHz%n", nuc.label(), out.get("mode"),
                    cqHz / 1e6, eta, isoPpm, larmorHz / 1e6);
            w.printf(Locale.ROOT, "  centre of gravity %.3f ppm; pattern %.2f … %.2f ppm (%.4g kHz)%n", (Double) out.get("centre_of_gravity_ppm"),
                    r[0], r[1], widthHz / 1e3);
            w.flush();
        }
        return 0;
    }

    /** "7.5ppm" or "7.5" → 7.5. */
    static double ppm(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("ppm")) t = t.substring(0, t.length() - 3).strip();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new InputException("'" + s + "' is not a shift in ppm (e.g. 7.5ppm)");
        }
    }
}
