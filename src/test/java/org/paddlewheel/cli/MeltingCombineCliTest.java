package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paddlewheel melting-combine}: the bracket of several files is the bracket of all their runs (one-sided files
 * combine into a two-sided bracket; disagreeing replicates make it inconsistent), and bad input exits 2 with one line
 * naming the file, writing nothing.
 */
class MeltingCombineCliTest {
    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A melting.json with one run per (temperature, verdict) pair; φ falls for "melts", rises for "solid grows". */
    private Path file(String name, String ff, Object... runs) throws Exception {
        return fileWithCrystalStage(name, ff, 2.0, runs);
    }

    private Path fileWithCrystalStage(String name, String ff, double equilibratePs, Object... runs) throws Exception {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < runs.length; i += 2) {
            double t = ((Number) runs[i]).doubleValue();
            String v = (String) runs[i + 1];
            double end = v.equals("melts") ? 0.1 : v.equals("solid grows") ? 0.9 : 0.55;
            if (r.length() > 0) r.append(',');
            r.append(String.format(Locale.ROOT, "{\"temperature_K\": %.1f, \"solid_fraction_start\": 0.5, \"solid_fraction_end\": %.2f,"
                    + " \"solid_fraction_sigma\": 0.05, \"verdict\": \"%s\", \"times_ps\": [0, 1, 2], \"solid_fraction\": [0.5, %.2f, %.2f]}",
                    t, end, v, (0.5 + end) / 2, end));
        }
        String doc = "{\"bracket_K\": null, \"bracket_reason\": \"one-sided\", \"force_field\": \"" + ff + "\", \"input\": \"x1.vasp\","
                + " \"protocol\": {\"time_ps\": 2.0, \"seed\": 1, \"equilibrate_ps\": " + equilibratePs + "}, \"runs\": [" + r + "]}";
        Path p = tmp.resolve(name);
        if (name.endsWith(".gz")) {
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
                o.write(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(p, doc);
        }
        return p;
    }

    @Test
    void oneSidedFilesCombineIntoTheBracketOfAllTheirRuns() throws Exception {
        Path a = file("a.json", "m", 400, "solid grows", 500, "undecided");
        Path b = file("b.json.gz", "m", 600, "melts", 550, "melts");
        Path dir = tmp.resolve("run-c");
        Files.createDirectories(dir);
        Files.copy(file("c.json", "m", 450, "undecided"), dir.resolve("melting.json"));
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("melting-combine", a.toString(), b.toString(), dir.toString(), "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(out.resolve("melting.json").toFile());
        assertThat(doc.get("bracket_K").get(0).asDouble()).isEqualTo(400.0);
        assertThat(doc.get("bracket_K").get(1).asDouble()).isEqualTo(550.0);
        assertThat(doc.get("force_field").asText()).isEqualTo("m");
        assertThat(doc.get("combined_from")).hasSize(3);
        assertThat(doc.get("runs")).hasSize(5);
        // sorted by temperature, each with the file it came from and its series kept
        assertThat(doc.get("runs").get(0).get("temperature_K").asDouble()).isEqualTo(400.0);
        assertThat(doc.get("runs").get(1).get("source").asText()).endsWith("melting.json");
        assertThat(doc.get("runs").get(4).get("source").asText()).endsWith("b.json.gz");
        assertThat(doc.get("runs").get(4).get("solid_fraction")).hasSize(3);
        assertThat(Files.size(out.resolve("solid-fraction.png"))).isPositive();
        assertThat(r.err()).contains("bracket: [400, 550] K");
        assertThat(doc.get("protocol_differences")).isEmpty();
        // each file alone is one-sided
        CliRunner.Result one = CliRunner.run("melting-combine", a.toString(), "-o", tmp.resolve("one").toString(), "-q");
        assertThat(JSON.readTree(tmp.resolve("one/melting.json").toFile()).get("bracket_K").isNull()).isTrue();
        assertThat(one.exitCode()).isZero();
    }

    @Test
    void replicatesThatDisagreeAtOneTemperatureMakeTheBracketInconsistent() throws Exception {
        Path a = file("a.json", "m", 400, "solid grows", 500, "solid grows");
        Path b = fileWithCrystalStage("b.json", "m", 12.0, 500, "melts", 600, "melts");
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("melting-combine", a.toString(), b.toString(), "-o", out.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(out.resolve("melting.json").toFile());
        assertThat(doc.get("bracket_K").isNull()).isTrue();
        assertThat(doc.get("bracket_reason").asText()).startsWith("inconsistent");
        // the two files' crystal stages differ (2 and 12 ps): listed, as the user should know before trusting the bracket
        assertThat(doc.get("protocol_differences").get(0).asText()).isEqualTo("equilibrate_ps: 2.0, 12.0");
    }

    @Test
    void badInputExits2WithOneLineNamingTheFileAndWritesNothing() throws Exception {
        Path a = file("a.json", "m", 400, "solid grows");
        Path other = file("other.json", "another-model", 600, "melts");
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"force_field\": \"m\", \"runs\": [");
        Path badVerdict = tmp.resolve("verdict.json");
        Files.writeString(badVerdict, Files.readString(a).replace("solid grows", "frozen"));
        String[][] cases = {
            {a.toString(), other.toString()},
            {a.toString(), broken.toString()},
            {a.toString(), badVerdict.toString()},
            {a.toString(), a.toString()},
            {a.toString(), tmp.resolve("missing.json").toString()},
        };
        String[] named = {"other.json", "broken.json", "verdict.json", "a.json", "missing.json"};
        for (int k = 0; k < cases.length; k++) {
            Path out = tmp.resolve("out" + k);
            CliRunner.Result r = CliRunner.run("melting-combine", cases[k][0], cases[k][1], "-o", out.toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains(named[k]);
            assertThat(out).doesNotExist();
        }
        // an output folder holding a melting.json is refused unless --force
        Path out = tmp.resolve("held");
        assertThat(CliRunner.run("melting-combine", a.toString(), "-o", out.toString(), "-q").exitCode()).isZero();
        assertThat(CliRunner.run("melting-combine", a.toString(), "-o", out.toString(), "-q").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("melting-combine", a.toString(), "-o", out.toString(), "-q", "--force").exitCode()).isZero();
    }
}
