package org.paddlewheel.cli.experiment;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.paddlewheel.cli.Converters;
import org.paddlewheel.experiment.NumericTable;
import org.paddlewheel.experiment.polarization.CurrentDecay;
import org.paddlewheel.experiment.polarization.TransferenceNumber;
import org.paddlewheel.model.InputException;
import org.paddlewheel.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel dc-polarization FILE --voltage 10mV}: ionic and electronic transference numbers
 * from a current–time curve ({@link CurrentDecay}, {@link TransferenceNumber}): t_ion = (I0 − I_ss)/I0
 * for ion-blocking electrodes, Bruce–Vincent with {@code --r0}/{@code --rss}. JSON: {@code t_ion},
 * {@code t_ion_std}, {@code t_el}, {@code I0_A}, {@code Iss_A} (+ {@code _std_A}).
 */
@Command(name = "dc-polarization", aliases = "dc-polarisation", mixinStandardHelpOptions = true,
        description = {"DC polarisation: t_ion = (I0 − I_ss)/I0 (ion-blocking electrodes) or Bruce–Vincent",
            "t+ = I_ss(ΔV − I0·R0)/(I0(ΔV − I_ss·R_ss)) with --r0 and --rss; I_ss from the detected plateau."})
public class DcPolarizationCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Output output;

    @Parameters(index = "0", paramLabel = "FILE", description = "Columns time and current (header units like t_s, time/min, I_mA, <I>/mA; else s and A).")
    Path file;

    @Option(names = "--voltage", required = true, paramLabel = "V", converter = Converters.VoltageV.class, description = "Applied bias ΔV (e.g. 10mV, 0.1V).")
    double voltageV;

    @Option(names = "--r0", paramLabel = "Ω", converter = Converters.ResistanceOhm.class, description = "Interfacial resistance before polarisation (Bruce–Vincent).")
    Double r0;

    @Option(names = "--rss", paramLabel = "Ω", converter = Converters.ResistanceOhm.class, description = "Interfacial resistance at steady state (Bruce–Vincent).")
    Double rss;

    @Option(names = "--r0-std", defaultValue = "0", paramLabel = "Ω", converter = Converters.ResistanceOhm.class, description = "Standard error of R0. Default: ${DEFAULT-VALUE}.")
    double r0Std;

    @Option(names = "--rss-std", defaultValue = "0", paramLabel = "Ω", converter = Converters.ResistanceOhm.class, description = "Standard error of R_ss. Default: ${DEFAULT-VALUE}.")
    double rssStd;

    @Option(names = "--i0", defaultValue = "first", paramLabel = "first|fit|CURRENT",
            description = "I0: the first sample, the exponential fit at t = 0, or a value (e.g. 2.1uA). Default: ${DEFAULT-VALUE}.")
    String i0Mode;

    @Mixin TimeColumnOptions time;

    @Option(names = "--current-unit", paramLabel = "A|mA|uA|nA", description = "Unit of the current column (overrides the header).")
    String currentUnit;

    @Override
    public Integer call() throws Exception {
        if ((r0 == null) != (rss == null)) throw new InputException("Bruce–Vincent needs both --r0 and --rss");
        if (!(voltageV != 0)) throw new InputException("--voltage must be non-zero");
        NumericTable d = NumericTable.readCurve(file, 2);
        int ti = Math.max(0, d.find("t", "time", "t_s", "time_s", "time/s", "t/s", "time/min", "t_min", "time_h", "time/h")), ci = ti == 0 ? 1 : 0;
        int c2 = d.find("i", "current", "<i>/ma", "i/ma", "i_a", "i_ma", "i_ua", "i/a", "current_a", "current_ma");
        if (c2 >= 0) ci = c2;
        double tScale = time.secondsPerUnit(d.names().get(ti));
        double iScale = currentScale(currentUnit != null ? currentUnit : TimeColumnOptions.headerUnit(d.names().get(ci)));
        double[] t = d.column(ti), y = d.column(ci);
        for (int i = 0; i < t.length; i++) { t[i] *= tScale; y[i] *= iScale; }
        // keep points from the voltage step on (t ≥ 0, or the whole record if it starts later)
        int first = 0;
        while (first < t.length && t[first] < 0) first++;
        t = java.util.Arrays.copyOfRange(t, first, t.length);
        y = java.util.Arrays.copyOfRange(y, first, y.length);
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] > t[i - 1])) throw new InputException(file.toString(), d.line(first + i), "time must increase");
        }
        boolean sign = y.length > 0 && y[0] < 0; // a negative bias gives negative currents: work with |I|
        if (sign) for (int i = 0; i < y.length; i++) y[i] = -y[i];
        CurrentDecay.Result r;
        try {
            r = CurrentDecay.analyse(t, y, i0Mode.equalsIgnoreCase("fit") ? CurrentDecay.InitialCurrent.EXPONENTIAL_FIT : CurrentDecay.InitialCurrent.FIRST_POINT);
        } catch (IllegalArgumentException e) {
            throw new InputException(file.toString(), 0, e.getMessage());
        }
        double i0 = r.i0A(), i0Std = r.i0StdA();
        String i0How = i0Mode.toLowerCase(Locale.ROOT);
        if (!i0How.equals("first") && !i0How.equals("fit")) {
            i0 = Math.abs(org.paddlewheel.model.Quantity.currentA(i0Mode));
            i0Std = 0;
            i0How = "given";
        }
        double v = Math.abs(voltageV);
        Map<String, Object> out = Output.map();
        out.put("file", file.toString());
        out.put("voltage_V", voltageV);
        out.put("method", r0 == null ? "blocking" : "bruce-vincent");
        double[] tIon = r0 == null ? TransferenceNumber.blocking(i0, i0Std, r.issA(), r.issStdA())
                : TransferenceNumber.bruceVincent(v, i0, i0Std, r.issA(), r.issStdA(), r0, r0Std, rss, rssStd);
        out.put("t_ion", tIon[0]);
        out.put("t_ion_std", tIon[1]);
        out.put("t_el", r0 == null ? 1 - tIon[0] : null);
        out.put("I0_A", sign ? -i0 : i0);
        out.put("I0_std_A", i0Std);
        out.put("I0_method", i0How);
        out.put("Iss_A", sign ? -r.issA() : r.issA());
        out.put("Iss_std_A", r.issStdA());
        out.put("plateau_reached", r.plateauReached());
        out.put("plateau_start_s", r.plateauStartS());
        out.put("plateau_points", r.plateauPoints());
        out.put("noise_A", r.noiseA());
        out.put("tau_s", r.tauS());
        out.put("sigma_el_to_total", r.issA() / i0);
        out.put("R_total_ohm", v / i0);
        out.put("R_el_ohm", v / r.issA());
        if (r0 != null) { out.put("R0_ohm", r0); out.put("Rss_ohm", rss); }
        if (output.dir() != null) {
            XYChart c = org.paddlewheel.report.ExperimentCharts.chart("DC polarisation", "t (s)", "|I| (A)");
            org.paddlewheel.report.ExperimentCharts.points(c, "measured", t, y);
            double[] fit = new double[t.length], ss = new double[t.length];
            for (int i = 0; i < t.length; i++) { fit[i] = r.fitInfA() + r.fitAmpA() * Math.exp(-t[i] / r.tauS()); ss[i] = r.issA(); }
            org.paddlewheel.report.ExperimentCharts.line(c, "exponential fit", t, fit);
            org.paddlewheel.report.ExperimentCharts.line(c, "I_ss", t, ss);
            Plots.savePngAndSvg(c, output.dir().resolve("dc-polarization"));
            Output.writeJson(output.dir().resolve("dc-polarization.json"), out);
        }
        var w = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            w.printf(Locale.ROOT, "%s: t_ion = %.4f ± %.4f (%s); I0 = %.5g A, I_ss = %.5g ± %.2g A%s%n", file, tIon[0], tIon[1], out.get("method"),
                    i0, r.issA(), r.issStdA(), r.plateauReached() ? "" : " (no plateau: I_ss from the exponential fit)");
            w.flush();
        }
        return 0;
    }

    /** The unit in a column name: "I (mA)", "I_mA", "<I>/mA", "time/min" → "mA", "min"; "" when none. */
    static double currentScale(String unit) {
        if (unit == null || unit.isEmpty() || !unit.matches("(?i)[munpµμ]?a")) return 1;
        return org.paddlewheel.model.Quantity.currentA("1" + unit);
    }
}
