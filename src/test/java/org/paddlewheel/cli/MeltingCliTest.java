package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/** {@code paddlewheel melting}: bad input exits 2 with one line and writes nothing; a short run writes melting.json and the figure. */
class MeltingCliTest {
    @TempDir
    Path tmp;

    /** fcc argon 4x4x4 (256 atoms) and its Lennard-Jones model (ε/k_B 119.8 K, σ 3.405 Å, 2.5σ, shifted). */
    private Path[] argon() throws Exception {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        int n = 4;
        Structure.Builder b = Structure.builder(Lattice.orthorhombic(n * 5.34, n * 5.34, n * 5.34));
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) {
            for (double[] u : basis) b.addFractional(Element.find("Ar"), (i + u[0]) / n, (j + u[1]) / n, (k + u[2]) / n);
        }
        Path cell = tmp.resolve("ar.vasp");
        Formats.writeStructure(cell, b.build(), "poscar");
        Path ff = tmp.resolve("ar.json");
        Files.writeString(ff, """
            {"name": "lj-argon", "species": [{"name": "Ar", "element": "Ar", "charge": 0.0}], "molecules": [], "bonds": [], "angles": [],
             "pairs": [{"species": ["Ar", "Ar"], "style": "lennard-jones", "epsilon": 0.010323, "sigma": 3.405}],
             "cutoff": 8.5125, "ewald_accuracy": 1e-5, "pair_shift": true}
            """);
        return new Path[] {cell, ff};
    }

    private List<String> args(Path[] in, Path out, String temps, String... extra) {
        List<String> a = new ArrayList<>(List.of("melting", in[0].toString(), "--ff", in[1].toString(), "--temperatures", temps,
                "--time", "1ps", "--equilibrate", "200fs", "--melt-time", "200fs", "--quench-time", "100fs", "--timestep", "5fs",
                "--sample-every", "50fs", "--melt-temperature", "600K", "--melt-ensemble", "nvt", "--friction", "2", "--compressibility", "0.5",
                "-o", out.toString(), "-q"));
        a.addAll(List.of(extra));
        return a;
    }

    @ParameterizedTest
    @ValueSource(strings = {"450K,abc", "-5K", "450K,,500K", "50K,50K", "700K"})
    void badTemperatureListExits2AndWritesNothing(String temps) throws Exception {
        Path[] in = argon();
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run(args(in, out, temps).toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("paddlewheel: ");
        assertThat(out).doesNotExist();
    }

    @Test
    void shortArgonRunWritesJsonAndFigure() throws Exception {
        Path[] in = argon();
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run(args(in, out, "48K,110K", "--json").toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = Json.MAPPER.readTree(Files.readString(out.resolve("melting.json")));
        assertThat(j.get("measured_K").asDouble()).isEqualTo(492);
        assertThat(j.get("measured_source").asText()).contains("Somer");
        assertThat(j.has("bracket_K")).isTrue();
        assertThat(j.get("bracket_reason").asText()).isNotEmpty();
        assertThat(j.get("runs")).hasSize(2);
        for (JsonNode run : j.get("runs")) {
            for (String k : List.of("temperature_K", "solid_fraction_start", "solid_fraction_end", "solid_fraction_sigma", "verdict", "note",
                    "molten_half_rms_displacement_A", "crystal_half_rms_displacement_A", "site_spacing_A", "low_density_gap_A",
                    "crystal_volume_drift", "crystal_volume_drift_sigma")) {
                assertThat(run.has(k)).as(k).isTrue();
            }
            assertThat(run.get("verdict").asText()).isIn("solid grows", "melts", "undecided");
        }
        assertThat(out.resolve("solid-fraction.png")).isNotEmptyFile();
        assertThat(out.resolve("solid-fraction.svg")).isNotEmptyFile();
        assertThat(Json.MAPPER.readTree(r.out()).get("runs")).hasSize(2);
        // a second start without --resume or --force is refused; --resume finds every stage finished
        CliRunner.Result again = CliRunner.run(args(in, out, "48K,110K").toArray(String[]::new));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("holds a melting run");
        String first = Files.readString(out.resolve("melting.json"));
        CliRunner.Result resumed = CliRunner.run(args(in, out, "48K,110K", "--resume").toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.readString(out.resolve("melting.json"))).as("same result after resuming finished stages").isEqualTo(first);
        // the same seed afresh gives the same bytes
        CliRunner.Result fresh = CliRunner.run(args(in, out, "48K,110K", "--force").toArray(String[]::new));
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(Files.readString(out.resolve("melting.json"))).as("seed 1 twice").isEqualTo(first);
    }

    /**
     * A resume with a longer --time continues the released runs from their checkpoints: the Langevin
     * noise and the state come from the checkpoint, and both runs checkpoint at the same steps (every
     * 1 ps), so the lengthened run is the 2 ps run made at once, byte for byte. A resume that would
     * change a stage that already fed the next one, or shorten one, is refused (exit 2, one line) and
     * leaves the run as it was.
     */
    @Test
    void resumeWithLongerTimeEqualsTheLongRunAndRefusesOtherLengthChanges() throws Exception {
        Path[] in = argon();
        Path longer = tmp.resolve("longer"), once = tmp.resolve("once");
        assertThat(CliRunner.run(args(in, longer, "48K").toArray(String[]::new)).exitCode()).isZero();
        List<String> twoPs = args(in, longer, "48K", "--resume");
        twoPs.set(twoPs.indexOf("1ps"), "2ps");
        CliRunner.Result r = CliRunner.run(twoPs.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> atOnce = args(in, once, "48K");
        atOnce.set(atOnce.indexOf("1ps"), "2ps");
        assertThat(CliRunner.run(atOnce.toArray(String[]::new)).exitCode()).isZero();
        String made = Files.readString(longer.resolve("melting.json"));
        assertThat(made).as("1 ps, then resumed to 2 ps = 2 ps at once").isEqualTo(Files.readString(once.resolve("melting.json")));
        assertThat(Json.MAPPER.readTree(made).get("runs").get(0).get("times_ps")).as("2 ps of samples every 50 fs").hasSize(41);

        for (String[] change : new String[][] {{"200fs", "300fs", "--melt-time"}, {"2ps", "1ps", "--time"}}) {
            List<String> a = new ArrayList<>(twoPs);
            a.set(a.indexOf("--melt-time") + 1, "--melt-time".equals(change[2]) ? change[1] : "200fs");
            if ("--time".equals(change[2])) a.set(a.indexOf("2ps"), change[1]);
            CliRunner.Result refused = CliRunner.run(a.toArray(String[]::new));
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
            assertThat(refused.err().strip().lines().count()).as(refused.err()).isEqualTo(1);
            assertThat(refused.err()).contains(change[2]).contains("can only lengthen --time");
            assertThat(Files.readString(longer.resolve("melting.json"))).as("nothing rewritten").isEqualTo(made);
        }
    }

    @Test
    void theCrystalStageDefaultsTo12psAndTheMeltTo3ps() {
        // 2 ps left the solid half of a 3x3x6 x = 1 cell ~2 % narrower than its crystal and the bracket at [400, 600] K
        // (docs/melting.md, session 29/30); an explicit --equilibrate still wins, and reorientation keeps its 2 ps
        MeltingCommand m = new MeltingCommand();
        new picocli.CommandLine(m).parseArgs("x.vasp", "--ff", "f.json", "--temperatures", "500K", "--time", "1ps", "-o", "out");
        assertThat(m.md.equilibrationFs(MeltingCommand.DEFAULT_EQUILIBRATION_FS)).isEqualTo(12_000);
        assertThat(m.meltFs).isEqualTo(3_000);
        MeltingCommand given = new MeltingCommand();
        new picocli.CommandLine(given).parseArgs("x.vasp", "--ff", "f.json", "--temperatures", "500K", "--time", "1ps", "--equilibrate", "4ps", "-o", "out");
        assertThat(given.md.equilibrationFs(MeltingCommand.DEFAULT_EQUILIBRATION_FS)).isEqualTo(4_000);
        ReorientationCommand r = new ReorientationCommand();
        new picocli.CommandLine(r).parseArgs("x.vasp", "--ff", "f.json", "--temperatures", "500K", "--time", "1ps", "-o", "out");
        assertThat(r.md.equilibrationFs(2000)).isEqualTo(2_000);
    }
}
