package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;

/** The foundation issue's command-line acceptance: build → info, conversions, errors, reproducibility. */
class FoundationCliTest {
    @TempDir
    Path dir;

    @Test
    void buildThenInfoReportsThePaperCell() throws Exception {
        Path x1 = dir.resolve("x1.vasp");
        var b = CliRunner.run("build", "antiperovskite", "--x", "1", "--supercell", "3x3x3", "--seed", "1", "-o", x1.toString());
        assertThat(b.exitCode()).as(b.err()).isZero();
        var info = CliRunner.run("info", x1.toString());
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("Na54 B27 N27 H162").contains("27 BH4 + 27 NH2");
        var json = CliRunner.run("info", x1.toString(), "--json");
        JsonNode j = Json.MAPPER.readTree(json.out());
        assertThat(j.get("composition").get("Na").asInt()).isEqualTo(54);
        assertThat(j.get("molecules").get("BH4").asInt()).isEqualTo(27);
        assertThat(j.get("molecules").get("NH2").asInt()).isEqualTo(27);
        // 270 atoms, 2x Na (22.990) + B + N + 6 H per cell: ρ = M/(N_A a³) with a = 4.70 Å.
        double m = 2 * 22.990 + 10.81 + 14.007 + 6 * 1.008;
        assertThat(j.get("density_g_per_cm3").asDouble()).isCloseTo(m / 6.02214076e23 / Math.pow(4.70e-8, 3), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(j.get("closest_nonbonded").get("distance_A").asDouble()).isGreaterThanOrEqualTo(1.8);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesOtherSeedDoesNot() throws Exception {
        Path a = dir.resolve("a.vasp"), b = dir.resolve("b.vasp"), c = dir.resolve("c.vasp");
        CliRunner.run("build", "antiperovskite", "--x", "0.5", "--seed", "7", "-o", a.toString(), "-q");
        CliRunner.run("build", "antiperovskite", "--x", "0.5", "--seed", "7", "-o", b.toString(), "-q");
        CliRunner.run("build", "antiperovskite", "--x", "0.5", "--seed", "8", "-o", c.toString(), "-q");
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    }

    /** Every structure format written by convert reads back to the same cell within 1e-6 Å. */
    @ParameterizedTest
    @ValueSource(strings = {"out.extxyz", "out.data", "POSCAR", "XDATCAR", "out.dump", "out.cif"})
    void convertRoundTrips(String name) throws Exception {
        Path src = dir.resolve("x.vasp");
        CliRunner.run("build", "antiperovskite", "--x", "1", "--supercell", "2x2x2", "--seed", "3", "-o", src.toString(), "-q");
        Path out = dir.resolve(name);
        var r = CliRunner.run("convert", src.toString(), out.toString(), "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Structure s0 = Formats.readStructure(src, null).wrapped();
        Structure s1 = Formats.readStructure(out, null).wrapped();
        assertThat(s1.size()).isEqualTo(s0.size());
        assertThat(s1.composition()).isEqualTo(s0.composition());
        // Formats may reorder atoms by species or rotate the cell (LAMMPS): compare via the molecule census
        // and, where atom order is kept, atom by atom under minimum image.
        assertThat(s1.lattice().volume()).isCloseTo(s0.lattice().volume(), org.assertj.core.data.Offset.offset(1e-6));
        if (!name.endsWith(".data") && !name.endsWith(".dump")) {
            for (int i = 0; i < s0.size(); i++) {
                double[] d = s0.lattice().minimumImage(new double[] {s1.x(i, 0) - s0.x(i, 0), s1.x(i, 1) - s0.x(i, 1), s1.x(i, 2) - s0.x(i, 2)});
                assertThat(Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2])).as("atom %d", i).isLessThan(1e-6);
            }
        }
    }

    @Test
    void badInputIsOneLineWithFileLineAndExitTwoAndNoOutputFile() throws Exception {
        Path bad = dir.resolve("bad.vasp");
        Files.writeString(bad, "comment\n1.0\n4.7 0 0\n0 4.7 0\n0 0 4.7\nNa Cl\n1 1\nDirect\n0 0 0\n0.5 0.5 abc\n");
        Path out = dir.resolve("never.extxyz");
        var r = CliRunner.run("convert", bad.toString(), out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("paddlewheel: " + bad + ":10:");
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("never"));
        }
    }

    @Test
    void unknownElementAndMissingFileAreClearErrors() throws Exception {
        Path bad = dir.resolve("POSCAR");
        Files.writeString(bad, "comment\n1.0\n4.7 0 0\n0 4.7 0\n0 0 4.7\nNa Qq\n1 1\nDirect\n0 0 0\n0.5 0.5 0.5\n");
        var r = CliRunner.run("info", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("paddlewheel: " + bad + ":6:");
        var missing = CliRunner.run("info", dir.resolve("nope.vasp").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.vasp");
    }

    @Test
    void helpShowsUnitsAndVersionWorks() {
        var h = CliRunner.run("build", "antiperovskite", "--help");
        assertThat(h.out()).contains("--a").contains("4.70Å").contains("--seed");
        var v = CliRunner.run("--version");
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).contains("paddlewheel");
    }

    @Test
    void everySubcommandPrintsTheVersionLikeTheTopLevel() {
        String top = CliRunner.run("--version").out();
        List<List<String>> paths = new java.util.ArrayList<>();
        collect(Main.commandLine(), new java.util.ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(20);
        for (List<String> p : paths) {
            List<String> args = new java.util.ArrayList<>(p);
            args.add("--version");
            var r = CliRunner.run(args.toArray(new String[0]));
            assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).isEqualTo(top).startsWith("paddlewheel ");
        }
    }

    private static void collect(picocli.CommandLine cl, List<String> path, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> p = new java.util.ArrayList<>(path);
            p.add(e.getKey());
            if (e.getValue().getCommandSpec().optionsMap().containsKey("--version")) out.add(p);
            collect(e.getValue(), p, out);
        }
    }
}
