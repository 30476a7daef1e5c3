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
import org.paddlewheel.experiment.impedance.ImpedancePlots;
import org.paddlewheel.experiment.impedance.LinearKramersKronig;
import org.paddlewheel.experiment.impedance.Spectrum;
import org.paddlewheel.experiment.impedance.SpectrumReader;
import org.paddlewheel.io.AtomicFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paddlewheel eis kk FILE}: the linear Kramers–Kronig test (Schönleber et al. 2014). */
@Command(name = "kk", mixinStandardHelpOptions = true,
        description = "Linear Kramers-Kronig test: M chosen by mu, residuals, pass/fail, residual plot.")
public final class EisKkCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Impedance spectrum (.mpt, .DTA, .z, .par, .csv, .txt).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write kk.json and the residual plot here.")
    Path outDir;

    @Option(names = "--json", description = "Print JSON on stdout.")
    boolean json;

    @Option(names = "--imag-sign", defaultValue = "auto", description = "Sign of capacitive Z'' in the file: ${COMPLETION-CANDIDATES}.")
    ImagSign imagSign;

    @Option(names = "--mu-cutoff", defaultValue = "0.85", description = "Stop adding RC elements when mu < this (default ${DEFAULT-VALUE}).")
    double muCutoff;

    @Option(names = "--max-residual", defaultValue = "0.01", description = "Pass when all |residuals| <= this fraction of |Z| (default ${DEFAULT-VALUE}).")
    double maxResidual;

    @Option(names = "--skip-bad-rows", description = "Skip data rows that do not read (text, NaN, a missing column) with a warning naming"
            + " their lines (default: such a row is an error).")
    boolean skipBadRows;

    @CommandLine.Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws Exception {
        Spectrum s = readSpectrum(file);
        LinearKramersKronig.Result r = new LinearKramersKronig(muCutoff, 50, true, maxResidual).test(s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", s.source());
        m.put("points", s.size());
        m.put("M", r.m());
        m.put("mu", r.mu());
        m.put("mu_cutoff", muCutoff);
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
            spec.commandLine().getOut().printf("%s: lin-KK M = %d, mu = %.3f, max |residual| = %.2f %%, RMS = %.2f %% -> %s (threshold %.2f %%)%n",
                    s.source(), r.m(), r.mu(), 100 * r.maxAbsResidual(), 100 * r.rmsResidual(), r.pass() ? "PASS" : "FAIL", 100 * maxResidual);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }

    /** Reads a spectrum; with --skip-bad-rows, warns on stderr naming the skipped lines. */
    private Spectrum readSpectrum(Path path) throws java.io.IOException {
        if (!skipBadRows) return SpectrumReader.read(path, imagSign);
        List<Integer> skipped = new ArrayList<>();
        Spectrum s = SpectrumReader.read(path, imagSign, skipped::add);
        if (!skipped.isEmpty()) {
            spec.commandLine().getErr().println("warning: " + path + ": skipped " + skipped.size() + " unreadable row(s) at line(s) "
                    + skipped.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
            spec.commandLine().getErr().flush();
        }
        return s;
    }
}
