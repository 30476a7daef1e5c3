package org.paddlewheel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paddlewheel.model.InputException;
import org.paddlewheel.report.MeltingCombination;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paddlewheel melting-combine FILE... -o DIR}: one melting-point bracket from the {@code melting.json} files of
 * several {@code paddlewheel melting} runs of one model ({@link MeltingCombination}), e.g. one temperature per machine
 * or a replicate seed; writes the combined {@code melting.json} and {@code solid-fraction.png|svg}.
 */
@Command(name = "melting-combine", mixinStandardHelpOptions = true,
        description = "One melting-point bracket from several melting.json files (or run folders) of one model; writes melting.json and solid-fraction.png/svg into -o DIR.")
public final class MeltingCombineCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "melting.json files (.gz read too) or folders holding one.")
    List<Path> files;
    @Option(names = {"-o", "--output"}, required = true, description = "Output directory (one holding a melting.json is refused unless --force).")
    Path out;
    @Option(names = "--force", description = "Write over a melting.json in -o DIR.")
    boolean force;
    @Option(names = "--json", description = "Also print the combined melting.json on stdout.")
    boolean json;
    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws Exception {
        ObjectNode doc = MeltingCombination.combine(files);
        if (!force && Files.exists(out.resolve("melting.json"))) {
            throw new InputException(out.toString(), 0, "holds a melting.json; --force writes over it");
        }
        Files.createDirectories(out);
        MeltingCombination.write(out, doc);
        if (!quiet.quiet) {
            for (JsonNode r : doc.get("runs")) {
                System.err.printf(Locale.ROOT, "  %5.0f K  solid fraction %.2f -> %.2f (sigma %.2f): %s  [%s]%n", r.get("temperature_K").asDouble(),
                        r.path("solid_fraction_start").asDouble(Double.NaN), r.path("solid_fraction_end").asDouble(Double.NaN),
                        r.path("solid_fraction_sigma").asDouble(Double.NaN), r.get("verdict").asText(), r.get("source").asText());
            }
            for (JsonNode d : doc.get("protocol_differences")) System.err.println("  note: the files' protocols differ in " + d.asText());
            JsonNode b = doc.get("bracket_K");
            System.err.printf(Locale.ROOT, "bracket: %s; measured %.0f K (%s)%n", b.isNull() ? "none (" + doc.get("bracket_reason").asText() + ")"
                    : String.format(Locale.ROOT, "[%.0f, %.0f] K (%s)", b.get(0).asDouble(), b.get(1).asDouble(), doc.get("bracket_reason").asText()),
                    doc.get("measured_K").asDouble(), doc.get("measured_source").asText());
            System.err.println("wrote " + out.resolve("melting.json") + ", " + out.resolve("solid-fraction.png") + " and .svg");
        }
        if (json) Json.print(doc);
        return 0;
    }
}
