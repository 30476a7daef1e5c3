package org.paddlewheel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paddlewheel.analysis.Arrhenius;
import org.paddlewheel.experiment.impedance.ArcAnalysis;
import org.paddlewheel.experiment.impedance.Circuit;
import org.paddlewheel.experiment.impedance.CircuitParser;
import org.paddlewheel.experiment.impedance.ComplexNonlinearLeastSquares;
import org.paddlewheel.experiment.impedance.Conductivity;
import org.paddlewheel.experiment.impedance.FitResult;
import org.paddlewheel.experiment.impedance.ImagSign;
import org.paddlewheel.report.ImpedancePlots;
import org.paddlewheel.experiment.impedance.Spectrum;
import org.paddlewheel.experiment.impedance.SpectrumAnalysis;
import org.paddlewheel.experiment.impedance.SpectrumReader;
import org.paddlewheel.experiment.impedance.Weighting;
import org.paddlewheel.io.AtomicFile;
import org.paddlewheel.model.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paddlewheel eis fit FILE... --circuit STR}: CNLS fit of each spectrum, arcs with effective
 * capacitance and label, σ = L/(R·A); with several temperatures, {@code sigma_T.csv} and Arrhenius
 * fits (σ and σT forms, via {@link Arrhenius}).
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit an equivalent circuit to impedance spectra; conductivity and Arrhenius plot for several temperatures.")
public final class EisFitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Spectra (.mpt, .DTA, .z, .par, .csv, .txt).")
    List<Path> files;

    @Option(names = "--circuit", required = true, description = "Circuit string, impedance.py syntax, e.g. R0-p(R1,CPE1)-CPE2.")
    String circuitText;

    @Option(names = "--initial", split = ",", paramLabel = "NAME=VALUE",
            description = "Starting values overriding the automatic ones, e.g. R1=1e5,CPE1_Q=1e-10 or impedance.py's names R0, CPE1_0, CPE1_1, Wo1_0, Wo1_1;"
                    + " this start is fitted and reported, a better automatic start only beside it (default: automatic starts).")
    Map<String, Double> initial = new LinkedHashMap<>();

    @Option(names = "--fix", split = ",", paramLabel = "NAME", description = "Hold these parameters at their starting values.")
    List<String> fixed = new ArrayList<>();

    @Option(names = "--weighting", defaultValue = "modulus", description = "modulus (default), proportional or unit.")
    Weighting weighting;

    @Option(names = "--linear-parameters", description = "Optimise the parameters themselves instead of their logarithms (for comparison).")
    boolean linear;

    @Option(names = "--imag-sign", defaultValue = "auto", description = "Sign of capacitive Z'' in the file: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}: from the format, else the data).")
    ImagSign imagSign;

    @Option(names = "--thickness", converter = Converters.LengthAngstrom.class, description = "Pellet thickness, e.g. 1mm.")
    Double thicknessA;

    @Option(names = "--diameter", converter = Converters.LengthAngstrom.class, description = "Electrode diameter, e.g. 12.7mm.")
    Double diameterA;

    @Option(names = "--area", description = "Electrode area, e.g. 1.27cm2 or 126.7mm2 (instead of --diameter).")
    String area;

    @Option(names = "--temperature", converter = Converters.TemperatureK.class,
            description = "Measurement temperature (300K, 25C); default: read from file names like x_25C.mpt or x_300K.txt.")
    Double temperatureK;

    @Option(names = "--sigma-from", split = ",", paramLabel = "R", description = "Resistors whose sum gives sigma (default: bulk and grain-boundary arcs).")
    List<String> sigmaFrom = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write plots, fit.json and sigma_T.csv here.")
    Path outDir;

    @Option(names = "--json", description = "Print JSON on stdout.")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Spectrum format: mpt, gamry, zplot, versastudio or csv"
            + " (default: recognised from the content, then the extension).")
    String format;

    @Option(names = "--skip-bad-rows", description = "Skip data rows that do not read (text, NaN, a missing column) with a warning naming"
            + " their lines (default: such a row is an error).")
    boolean skipBadRows;

    @CommandLine.Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws Exception {
        Circuit circuit = CircuitParser.parse(circuitText);
        if (diameterA != null && area != null) throw new InputException("give --diameter or --area, not both");
        double thicknessCm = thicknessA == null ? Double.NaN : thicknessA * 1e-8;
        double areaCm2 = area != null ? Conductivity.parseAreaCm2(area)
                : diameterA != null ? Conductivity.discAreaCm2(diameterA * 1e-8) : Double.NaN;
        if (thicknessA != null && !(thicknessCm > 0)) throw new InputException("--thickness must be > 0");
        ComplexNonlinearLeastSquares fitter = new ComplexNonlinearLeastSquares(weighting, !linear);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SpectrumAnalysis> results = new ArrayList<>();
        for (Path f : files) {
            Spectrum s = readSpectrum(f);
            double t = temperatureK != null ? temperatureK : Conductivity.temperatureFromName(f.getFileName().toString());
            SpectrumAnalysis a = SpectrumAnalysis.run(s, circuit, initial, fixed, fitter, t, thicknessCm, areaCm2, sigmaFrom);
            results.add(a);
            for (String w : a.warnings()) err.println("warning: " + f + ": " + w);
            if (a.automaticAlternative() != null) {
                err.printf(Locale.ROOT, "note: %s: an automatic start reached a lower chi2 (%.6g) than the fit from --initial (%.6g);"
                        + " the --initial fit is reported, the other beside it (automatic_start in the JSON)%n", f,
                        a.automaticAlternative().chiSquared(), a.fit().chiSquared());
            }
            if (!quiet.quiet && files.size() > 1) err.println("fitted " + f);
            if (outDir != null) {
                String stem = EisKkCommand.stem(f);
                double[] fMax = range(s);
                Spectrum model = a.fit().model(Spectrum.logFrequencies(fMax[1], fMax[0], 40));
                ImpedancePlots.nyquist(s, model, outDir.resolve(stem + "_nyquist"));
                ImpedancePlots.bode(s, model, outDir.resolve(stem + "_bode"));
            }
            if (!json) printText(out, a);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        for (SpectrumAnalysis a : results) list.add(a.toJson());
        doc.put("spectra", list);
        doc.put("arrhenius", arrhenius(results, out));
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String text = om.writeValueAsString(doc);
        if (outDir != null) AtomicFile.writeText(outDir.resolve("fit.json"), w -> w.write(text));
        if (json) out.println(text);
        out.flush();
        return 0;
    }

    /** σ(T) table and Arrhenius fits when at least two spectra have a temperature and σ; null otherwise. */
    private Map<String, Object> arrhenius(List<SpectrumAnalysis> results, PrintWriter out) throws java.io.IOException {
        List<SpectrumAnalysis> ok = results.stream().filter(a -> a.temperatureK() > 0 && a.sigmaSPerCm() > 0).toList();
        if (ok.size() < 2 || ok.stream().mapToDouble(SpectrumAnalysis::temperatureK).distinct().count() < 2) return null;
        double[] t = ok.stream().mapToDouble(SpectrumAnalysis::temperatureK).toArray();
        double[] s = ok.stream().mapToDouble(SpectrumAnalysis::sigmaSPerCm).toArray();
        double[] e = ok.stream().mapToDouble(SpectrumAnalysis::sigmaErrorSPerCm).toArray();
        boolean errorsOk = java.util.Arrays.stream(e).allMatch(x -> x > 0);
        Arrhenius.Result plain = Arrhenius.fit(t, s, errorsOk ? e : null, Arrhenius.Form.PLAIN);
        Arrhenius.Result timesT = Arrhenius.fit(t, s, errorsOk ? e : null, Arrhenius.Form.TIMES_T);
        if (plain.warning() != null) spec.commandLine().getErr().println("warning: Arrhenius fit: " + plain.warning());
        if (outDir != null) {
            AtomicFile.writeText(outDir.resolve("sigma_T.csv"), w -> {
                w.write("file,T_K,R_ohm,R_err_ohm,sigma_S_per_cm,sigma_err_S_per_cm\n");
                for (SpectrumAnalysis a : ok) {
                    w.write(String.format(Locale.ROOT, "%s,%.3f,%.6g,%.3g,%.6g,%.3g%n", a.data().source(), a.temperatureK(),
                            a.resistanceOhm(), a.resistanceErrorOhm(), a.sigmaSPerCm(), a.sigmaErrorSPerCm()));
                }
            });
            ImpedancePlots.arrhenius(t, s, plain, outDir.resolve("arrhenius"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", ok.size());
        m.put("weighted_by_sigma_errors", errorsOk);
        m.put("sigma", form(plain, "prefactor_S_per_cm"));
        m.put("sigma_T", form(timesT, "prefactor_S_K_per_cm"));
        if (!json) {
            out.printf(Locale.ROOT, "Arrhenius (%d temperatures): sigma: Ea = %.4f +- %.4f eV; sigma*T: Ea = %.4f +- %.4f eV%n", ok.size(),
                    plain.activationEnergyEv(), plain.activationEnergyErrorEv(), timesT.activationEnergyEv(), timesT.activationEnergyErrorEv());
        }
        return m;
    }

    private static Map<String, Object> form(Arrhenius.Result r, String prefactorKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Ea_eV", r.activationEnergyEv());
        m.put("Ea_err_eV", r.activationEnergyErrorEv());
        m.put(prefactorKey, r.prefactor());
        m.put("ln_prefactor_err", r.lnPrefactorError());
        m.put("r_squared", r.rSquared());
        if (!Double.isNaN(r.reducedChiSquared())) {
            m.put("reduced_chi2", r.reducedChiSquared());
            m.put("consistent", r.consistent());
        }
        return m;
    }

    private static double[] range(Spectrum s) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int i = 0; i < s.size(); i++) {
            lo = Math.min(lo, s.f(i));
            hi = Math.max(hi, s.f(i));
        }
        return new double[] {lo, hi};
    }

    private static void printText(PrintWriter out, SpectrumAnalysis a) {
        FitResult f = a.fit();
        out.printf(Locale.ROOT, "%s: %s, %d points, %s weighting, chi2 = %.4g, reduced chi2 = %.4g%s%n", a.data().source(),
                f.circuit().text(), a.data().size(), f.weighting().name().toLowerCase(Locale.ROOT), f.chiSquared(),
                f.reducedChiSquared(), f.converged() ? "" : " (NOT CONVERGED)");
        for (int i = 0; i < f.values().length; i++) {
            String u = f.units().get(i);
            out.printf(Locale.ROOT, "  %-12s = %12.5g +- %-10.3g %s%s%n", f.names().get(i), f.values()[i], f.standardErrors()[i], u,
                    f.fixed()[i] ? " (fixed)" : f.atBound()[i] ? " (at bound)" : "");
        }
        for (ArcAnalysis.Arc arc : a.arcs()) {
            out.printf(Locale.ROOT, "  arc %-6s R = %.5g ohm, C_eff = %.3g F, f_peak = %.3g Hz -> %s%n", arc.name(),
                    arc.resistanceOhm(), arc.capacitanceF(), arc.peakFrequencyHz(), arc.label().text());
        }
        if (a.sigmaSPerCm() > 0) {
            out.printf(Locale.ROOT, "  sigma = %.4g +- %.2g S/cm (R = %.5g ohm from %s%s)%n", a.sigmaSPerCm(), a.sigmaErrorSPerCm(),
                    a.resistanceOhm(), String.join("+", a.sigmaFrom()),
                    a.temperatureK() > 0 ? String.format(Locale.ROOT, ", T = %.2f K", a.temperatureK()) : "");
        }
    }

    /** Reads a spectrum; with --skip-bad-rows, warns on stderr naming the skipped lines. */
    private Spectrum readSpectrum(Path path) throws java.io.IOException {
        return SpectrumReader.read(path, imagSign, format, skipBadRows, spec.commandLine().getErr());
    }
}
