package org.paddlewheel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paddlewheel.experiment.impedance.ImagSign;
import org.paddlewheel.experiment.impedance.ImpedancePyLinKk;
import org.paddlewheel.report.ImpedancePlots;
import org.paddlewheel.experiment.impedance.LinearKramersKronig;
import org.paddlewheel.experiment.impedance.Spectrum;
import org.paddlewheel.experiment.impedance.SpectrumReader;
import org.paddlewheel.io.AtomicFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paddlewheel eis kk FILE}: the linear Kramers–Kronig test. Two rules:
 * <ul>
 * <li>{@code --fit-type real|imag|complex}: impedance.py's {@code linKK} exactly
 *     ({@link ImpedancePyLinKk}): the first M from 1 with μ ≤ c, its τ grid, fits and residuals;</li>
 * <li>{@code --fit-type auto} (the default of {@code kk}): {@link LinearKramersKronig} — complex fit
 *     with series C and L, the first M with μ &lt; c raised, if needed, to the start of the residual
 *     plateau.</li>
 * </ul>
 * {@code eis linkk} ({@link EisLinKkCommand}) is the same command with impedance.py's defaults
 * ({@code --fit-type real}), for its users: {@code eis linkk FILE --c 0.85}.
 */
@Command(name = "kk", mixinStandardHelpOptions = true,
        description = {"Linear Kramers-Kronig test (Schönleber et al. 2014): M chosen by mu, residuals, pass/fail, residual plot.",
            "Rule: with --fit-type real|imag|complex, impedance.py's linKK exactly (M = 1, 2, ... up to the first M with mu <= c;"
                + " tau from 1/(2 pi f_max) to 1/(2 pi f_min); series L, and C with --add-cap). With --fit-type auto (default of"
                + " 'kk'): complex fit with series C and L, first M with mu < c, raised if needed to the start of the residual"
                + " plateau (RMS within 25 % of the lowest)."})
public class EisKkCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Impedance spectrum (.mpt, .DTA, .z, .par, .csv, .txt).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write kk.json and the residual plot here.")
    Path outDir;

    @Option(names = "--json", description = "Print JSON on stdout.")
    boolean json;

    @Option(names = "--imag-sign", defaultValue = "auto", description = "Sign of capacitive Z'' in the file: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}: from the format, else the data).")
    ImagSign imagSign;

    @Option(names = {"--mu-cutoff", "--c"}, defaultValue = "0.85",
            description = "mu cut-off c (impedance.py's c): stop adding RC elements at mu <= c (impedance.py rule) or mu < c (auto) (default ${DEFAULT-VALUE}).")
    double muCutoff;

    @Option(names = "--fit-type", paramLabel = "TYPE",
            description = "real, imag or complex: impedance.py's linKK with that fit type; auto: the plateau rule above (default: auto for kk, real for linkk).")
    String fitType;

    @Option(names = {"--max-M", "--max-m"}, defaultValue = "50", description = "Most RC elements tried (impedance.py's max_M) (default ${DEFAULT-VALUE}).")
    int maxM;

    @Option(names = "--add-cap", description = "impedance.py rule: add a series capacitance (add_cap=True) (default: off).")
    boolean addCap;

    @Option(names = "--max-residual", defaultValue = "0.01", description = "Pass when all |residuals| <= this fraction of |Z| (default ${DEFAULT-VALUE}).")
    double maxResidual;

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
        Spectrum s = readSpectrum(file);
        if (maxM < 1) throw new org.paddlewheel.model.InputException("--max-M must be at least 1, got " + maxM);
        if (!(muCutoff > 0 && muCutoff <= 1)) throw new org.paddlewheel.model.InputException("--c must be in (0, 1], got " + muCutoff);
        String type = fitType == null ? defaultFitType() : fitType.trim().toLowerCase(java.util.Locale.ROOT);
        LinearKramersKronig.Result r;
        String rule;
        if (type.equals("auto")) {
            if (addCap) throw new org.paddlewheel.model.InputException("--add-cap applies to --fit-type real|imag|complex (auto always has series C)");
            r = new LinearKramersKronig(muCutoff, maxM, true, maxResidual).test(s);
            rule = "paddlewheel: complex fit with series C and L; first M with mu < c, raised to the residual plateau";
        } else {
            ImpedancePyLinKk.FitType ft;
            try {
                ft = ImpedancePyLinKk.FitType.parse(type);
            } catch (IllegalArgumentException e) {
                throw new org.paddlewheel.model.InputException("--fit-type must be auto, real, imag or complex, got '" + fitType + "'");
            }
            ImpedancePyLinKk.Result p = ImpedancePyLinKk.test(s, muCutoff, maxM, ft, addCap);
            r = new LinearKramersKronig.Result(p.m(), p.mu(), p.elements(), p.tauS(), p.residualReal(), p.residualImag(),
                    p.maxAbsResidual(), p.rmsResidual(), maxResidual, p.maxAbsResidual() <= maxResidual, p.model());
            rule = "impedance.py linKK: first M from 1 with mu <= c, fit_type " + type + (addCap ? ", add_cap" : "");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", s.source());
        m.put("points", s.size());
        m.put("M", r.m());
        m.put("mu", r.mu());
        m.put("mu_cutoff", muCutoff);
        m.put("fit_type", type);
        m.put("rule", rule);
        m.put("max_residual", r.maxAbsResidual());
        m.put("rms_residual", r.rmsResidual());
        m.put("threshold", r.maxResidual());
        m.put("pass", r.pass());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("f_Hz", s.f(i));
            row.put("residual_real", r.residualReal()[i]);
            row.put("residual_imag", r.residualImag()[i]);
            rows.add(row);
        }
        m.put("residuals", rows);
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        if (outDir != null) {
            String stem = stem(file);
            ImpedancePlots.kkResiduals(s, r, outDir.resolve(stem + "_kk_residuals"));
            AtomicFile.writeText(outDir.resolve(stem + "_kk.json"), w -> w.write(om.writeValueAsString(m)));
        }
        if (json) {
            spec.commandLine().getOut().println(om.writeValueAsString(m));
        } else {
            spec.commandLine().getOut().printf("%s: lin-KK (%s) M = %d, mu = %.3f, max |residual| = %.2f %%, RMS = %.2f %% -> %s (threshold %.2f %%)%n",
                    s.source(), type, r.m(), r.mu(), 100 * r.maxAbsResidual(), 100 * r.rmsResidual(), r.pass() ? "PASS" : "FAIL", 100 * maxResidual);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The fit type when --fit-type is not given: "auto" here, impedance.py's "real" for {@code linkk}. */
    String defaultFitType() { return "auto"; }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }

    /** Reads a spectrum; with --skip-bad-rows, warns on stderr naming the skipped lines. */
    private Spectrum readSpectrum(Path path) throws java.io.IOException {
        return SpectrumReader.read(path, imagSign, format, skipBadRows, spec.commandLine().getErr());
    }
}
