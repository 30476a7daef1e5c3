package org.paddlewheel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paddlewheel.forcefield.fit.FitProblem;
import org.paddlewheel.forcefield.fit.FitReport;
import org.paddlewheel.forcefield.fit.ForceFieldFitter;
import org.paddlewheel.io.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel fit-ff targets.json -o model.json}: Levenberg–Marquardt fit of force-field
 * parameters to structural observables ({@link FitProblem}, {@link ForceFieldFitter}); writes the
 * fitted model, and a report ({@code --report PREFIX}: PREFIX.json and PREFIX.md; default next to
 * the model as MODEL.fit.json / .fit.md). Prints the markdown report, or the JSON with {@code --json}.
 */
@Command(name = "fit-ff", mixinStandardHelpOptions = true,
        description = "Fit force-field parameters to observables of crystal structures (conventional and relaxed fitting).")
public final class FitFfCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", description = "Targets file (JSON: model, parameters, structures with observables).")
    Path targets;
    @Option(names = {"-o", "--output"}, required = true, description = "Fitted force-field JSON.")
    Path output;
    @Option(names = "--report", description = "Report prefix (writes PREFIX.json and PREFIX.md).")
    String report;
    @Option(names = "--json", description = "Print the JSON report instead of markdown.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        FitProblem pr = FitProblem.load(targets);
        ForceFieldFitter.Result r = new ForceFieldFitter(pr).fit();
        ObjectMapper om = new ObjectMapper();
        String model = om.writerWithDefaultPrettyPrinter().writeValueAsString(pr.model(r.fitted()));
        AtomicFile.writeText(output, w -> w.write(model + "\n"));
        String prefix = report != null ? report : output.toString().replaceAll("\\.json$", "") + ".fit";
        String js = om.writerWithDefaultPrettyPrinter().writeValueAsString(FitReport.json(r));
        String md = FitReport.markdown(r);
        AtomicFile.writeText(Path.of(prefix + ".json"), w -> w.write(js + "\n"));
        AtomicFile.writeText(Path.of(prefix + ".md"), w -> w.write(md));
        var out = spec.commandLine().getOut();
        out.println(json ? js : md);
        out.flush();
        return 0;
    }
}
