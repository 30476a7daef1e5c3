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
import org.paddlewheel.experiment.nmr.Bpp;
import org.paddlewheel.experiment.nmr.Nucleus;
import org.paddlewheel.model.InputException;
import org.paddlewheel.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel nmr bpp}: quadrupolar BPP relaxation ({@link Bpp}) — T1 → τc on the chosen
 * branch, τc → T1, or a table of (T, T1) → τc per row plus an Arrhenius fit of τc(T) (paper: 450 meV
 * for ²³Na, 400 meV for ¹¹B). Branch: slow (default; the paper's cubic phase, ω0τc ≫ 1), fast, or
 * auto (tables only: rows colder than the row with the shortest T1 are slow, hotter ones fast).
 */
@Command(name = "bpp", mixinStandardHelpOptions = true,
        description = {"Quadrupolar BPP spin-lattice relaxation: 1/T1 = (3π²/50)(2I+3)/(I²(2I−1))·C_Q²(1+η²/3)·[J(ω0)+4J(2ω0)],",
            "J(ω) = τc/(1+ω²τc²), C_Q in Hz, ω0 = 2π·Larmor. Give --t1, --tau or --table."})
public class BppCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Output output;

    @Option(names = "--nucleus", paramLabel = "NUC", description = "Nucleus (sets the spin), e.g. 23Na, 11B, 7Li, 2H.")
    String nucleus;

    @Option(names = "--spin", paramLabel = "I", description = "Nuclear spin, e.g. 3/2 (overrides --nucleus; default 3/2 when neither is given).")
    String spin;

    @Option(names = "--cq", required = true, paramLabel = "FREQ", converter = Converters.FrequencyHz.class,
            description = "Quadrupolar coupling constant C_Q = e²qQ/h, a frequency in Hz (e.g. 0.1MHz, 1.2MHz; bare number = Hz).")
    double cqHz;

    @Option(names = "--eta", defaultValue = "0", paramLabel = "ETA", description = "Asymmetry parameter η_Q (dimensionless, 0–1). Default: ${DEFAULT-VALUE}.")
    double eta;

    @Option(names = "--larmor", required = true, paramLabel = "FREQ", converter = Converters.FrequencyHz.class,
            description = "Larmor frequency ν0 (e.g. 160.49MHz; bare number = Hz); ω0 = 2πν0.")
    double larmorHz;

    @Option(names = "--t1", split = ",", paramLabel = "TIME", converter = TimeSeconds.class,
            description = "Measured T1 value(s) (e.g. 61s, 250ms; bare number = s) → τc.")
    List<Double> t1s;

    @Option(names = "--tau", split = ",", paramLabel = "TIME", converter = TimeSeconds.class,
            description = "Correlation time(s) τc (e.g. 1us, 7us; bare number = s) → T1.")
    List<Double> taus;

    @Option(names = "--table", paramLabel = "FILE", description = "Table with columns T (K, or °C with --temperature-unit C) and T1 (s) → τc per row and an Arrhenius fit.")
    Path table;

    @Option(names = "--columns", split = ",", paramLabel = "T,T1", description = "Column names of temperature and T1 in --table. Default: T,T1.")
    List<String> columns;

    @Option(names = "--temperature-unit", defaultValue = "K", paramLabel = "K|C", description = "Unit of the table's temperature column. Default: ${DEFAULT-VALUE}.")
    String temperatureUnit;

    @Option(names = "--branch", defaultValue = "slow", paramLabel = "slow|fast|auto",
            description = "Side of the T1 minimum: slow (ω0τc > 0.616, low T; the paper's cubic phase), fast (ω0τc < 0.616, high T), auto (tables). Default: ${DEFAULT-VALUE}.")
    String branch;

    @Override
    public Integer call() throws Exception {
        double i = spin != null ? Nucleus.parseSpin(spin) : nucleus != null ? Nucleus.of(nucleus).spin() : 1.5;
        Bpp bpp;
        try {
            bpp = new Bpp(i, cqHz, eta, larmorHz);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        String mode = branch.toLowerCase(Locale.ROOT);
        if (!List.of("slow", "fast", "auto").contains(mode)) throw new InputException("--branch must be slow, fast or auto, got '" + branch + "'");
        int given = (t1s != null ? 1 : 0) + (taus != null ? 1 : 0) + (table != null ? 1 : 0);
        if (given != 1) throw new InputException("give exactly one of --t1, --tau or --table");

        Map<String, Object> out = Output.map();
        if (nucleus != null) out.put("nucleus", Nucleus.of(nucleus).label());
        out.put("spin", i);
        out.put("CQ_Hz", cqHz);
        out.put("Cq_MHz", cqHz / 1e6);
        out.put("eta_Q", eta);
        out.put("larmor_Hz", larmorHz);
        out.put("spin_factor", Bpp.spinFactor(i));
        out.put("T1_min_s", bpp.t1Minimum());
        out.put("tau_c_at_min_s", bpp.tauAtMinimum());
        out.put("omega0_tau_c_at_min", Bpp.OMEGA_TAU_AT_MINIMUM);
        out.put("branch", mode);
        List<Map<String, Object>> rows = new ArrayList<>();
        double[] temps = null;
        if (taus != null) {
            for (double tau : taus) rows.add(row(bpp, Double.NaN, bpp.t1(tau), tau));
        } else {
            double[] t1 = t1s == null ? null : t1s.stream().mapToDouble(Double::doubleValue).toArray();
            if (table != null) {
                NumericTable t = NumericTable.read(table);
                int ti = columns != null ? t.require("temperature", columns.get(0)) : t.find("T", "T_K", "temperature", "T_C");
                int ri = columns != null && columns.size() > 1 ? t.require("T1", columns.get(1)) : t.require("T1", "T1", "T1_s");
                t1 = t.column(ri);
                if (ti >= 0) {
                    TemperatureColumn unit = TemperatureColumn.parse(temperatureUnit);
                    temps = t.column(ti);
                    for (int k = 0; k < temps.length; k++) temps[k] = unit.toKelvin(temps[k]);
                }
                for (int k = 0; k < t1.length; k++) {
                    if (!(t1[k] > 0)) throw new InputException(t.source(), t.line(k), "T1 = " + t1[k] + " s must be > 0");
                    if (t1[k] < bpp.t1Minimum()) {
                        throw new InputException(t.source(), t.line(k), String.format(Locale.ROOT,
                                "T1 = %.6g s is below the BPP minimum %.6g s for these C_Q, η, Larmor", t1[k], bpp.t1Minimum()));
                    }
                }
            }
            Bpp.Branch[] br = branches(mode, t1, temps);
            for (int k = 0; k < t1.length; k++) {
                double tau;
                try {
                    tau = bpp.tau(t1[k], br[k]);
                } catch (IllegalArgumentException e) {
                    throw new InputException(e.getMessage());
                }
                rows.add(row(bpp, temps == null ? Double.NaN : temps[k], t1[k], tau));
            }
        }
        out.put("rows", rows);
        if (rows.size() == 1) {
            out.put("tau_c_s", rows.get(0).get("tau_c_s"));
            out.put("T1_s", rows.get(0).get("T1_s"));
        }
        if (temps != null && rows.size() >= 2) {
            double[] tau = rows.stream().mapToDouble(m -> (Double) m.get("tau_c_s")).toArray();
            try {
                Arrhenius.Result a = Arrhenius.fit(temps, tau, Arrhenius.Form.INVERSE);
                Map<String, Object> am = ArrheniusCommand.resultMap(a);
                am.put("tau0_s", a.prefactor());
                out.put("arrhenius", am);
            } catch (IllegalArgumentException e) {
                out.put("arrhenius", null);
            }
        }
        if (output.dir() != null) {
            plot(bpp, rows);
            Output.writeJson(output.dir().resolve("nmr-bpp.json"), out);
        }
        var w = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            w.printf(Locale.ROOT, "BPP: I = %s, C_Q = %.6g Hz, η = %.3g, ν0 = %.6g Hz; T1 minimum %.5g s at τc = %.5g s (ω0τc = %.4f)%n",
                    i, cqHz, eta, larmorHz, bpp.t1Minimum(), bpp.tauAtMinimum(), Bpp.OMEGA_TAU_AT_MINIMUM);
            for (Map<String, Object> r : rows) {
                w.printf(Locale.ROOT, "  %sT1 = %.6g s  τc = %.6g s  ω0τc = %.4g  (%s)%n",
                        r.containsKey("T_K") ? String.format(Locale.ROOT, "T = %.2f K  ", (Double) r.get("T_K")) : "",
                        (Double) r.get("T1_s"), (Double) r.get("tau_c_s"), (Double) r.get("omega0_tau_c"), r.get("side"));
            }
            if (out.get("arrhenius") instanceof Map<?, ?> a) {
                w.printf(Locale.ROOT, "  Arrhenius on τc: Ea = %.4f ± %.4f eV%n", (Double) a.get("Ea_eV"), (Double) a.get("Ea_std_eV"));
            }
            w.flush();
        }
        return 0;
    }

    private static Bpp.Branch[] branches(String mode, double[] t1, double[] temps) {
        Bpp.Branch[] b = new Bpp.Branch[t1.length];
        if (!mode.equals("auto") || temps == null) {
            java.util.Arrays.fill(b, mode.equals("fast") ? Bpp.Branch.FAST : Bpp.Branch.SLOW);
            return b;
        }
        // auto: the T1 minimum sits between the two branches; colder rows are slow, hotter fast.
        int kMin = 0;
        for (int k = 1; k < t1.length; k++) if (t1[k] < t1[kMin]) kMin = k;
        double tMin = temps[kMin], tLo = Double.MAX_VALUE, tHi = -Double.MAX_VALUE;
        for (double t : temps) { tLo = Math.min(tLo, t); tHi = Math.max(tHi, t); }
        for (int k = 0; k < t1.length; k++) {
            if (temps[k] < tMin) b[k] = Bpp.Branch.SLOW;
            else if (temps[k] > tMin) b[k] = Bpp.Branch.FAST;
            else b[k] = tMin >= tHi ? Bpp.Branch.SLOW : tMin <= tLo ? Bpp.Branch.FAST : Bpp.Branch.SLOW;
        }
        return b;
    }

    private static Map<String, Object> row(Bpp bpp, double tK, double t1, double tau) {
        Map<String, Object> m = Output.map();
        if (!Double.isNaN(tK)) m.put("T_K", tK);
        m.put("T1_s", t1);
        m.put("tau_c_s", tau);
        m.put("omega0_tau_c", 2 * Math.PI * bpp.larmorHz() * tau);
        m.put("side", bpp.branchOf(tau) == Bpp.Branch.FAST ? "fast" : "slow");
        return m;
    }

    private void plot(Bpp bpp, List<Map<String, Object>> rows) throws java.io.IOException {
        double tm = bpp.tauAtMinimum();
        int n = 200;
        double[] x = new double[n], y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = tm * Math.pow(10, -4 + 8.0 * k / (n - 1));
            y[k] = bpp.t1(x[k]);
        }
        XYChart c = ExperimentCharts.chart("BPP T1(τc)", "τc (s)", "T1 (s)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        ExperimentCharts.line(c, "BPP", x, y);
        double[] px = rows.stream().mapToDouble(m -> (Double) m.get("tau_c_s")).toArray();
        double[] py = rows.stream().mapToDouble(m -> (Double) m.get("T1_s")).toArray();
        ExperimentCharts.points(c, "data", px, py);
        Plots.savePngAndSvg(c, output.dir().resolve("nmr-bpp"));
    }
}
