package org.paddlewheel.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md, checked on the sources: model, numerics ← io, build ← engines
 * (forcefield, md, relax, cp2k) and analyses (analysis, experiment) ← study ← report ← cli. Every reference to
 * {@code org.paddlewheel.<pkg>} (import or fully qualified name) must point down or sideways within
 * a layer, never up.
 */
class LayeringTest {
    /** Packages each top-level package must not use. */
    static final Map<String, List<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("numerics", List.of("model", "io", "build", "forcefield", "md", "relax", "cp2k", "analysis", "experiment", "study", "report", "cli")),
            Map.entry("cp2k", List.of("forcefield", "md", "relax", "analysis", "experiment", "study", "report", "cli")),
            Map.entry("model", List.of("io", "build", "forcefield", "md", "relax", "cp2k", "analysis", "experiment", "study", "report", "cli")),
            Map.entry("io", List.of("forcefield", "cp2k", "md", "relax", "analysis", "experiment", "study", "report", "cli")),
            Map.entry("build", List.of("forcefield", "cp2k", "md", "relax", "analysis", "experiment", "study", "report", "cli")),
            Map.entry("forcefield", List.of("analysis", "experiment", "study", "report", "cli")),
            Map.entry("md", List.of("analysis", "experiment", "study", "report", "cli")),
            Map.entry("analysis", List.of("md", "cp2k", "study", "report", "cli")),
            Map.entry("experiment", List.of("md", "cp2k", "study", "report", "cli")),
            Map.entry("study", List.of("report", "cli")),
            Map.entry("report", List.of("cli")));

    static final Pattern REF = Pattern.compile("org\\.paddlewheel\\.([a-z]+)\\.");

    @Test
    void noPackageUsesALayerAboveIt() throws IOException {
        Path root = Path.of("src/main/java/org/paddlewheel");
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : FORBIDDEN.entrySet()) {
            Path dir = root.resolve(e.getKey());
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = REF.matcher(Files.readString(f));
                    while (m.find()) {
                        if (e.getValue().contains(m.group(1))) violations.add(root.relativize(f) + " uses " + m.group(1));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
