package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paddlewheel build nabh4} and {@code paddlewheel reorientation}: bad input exits 2 with one line and writes nothing; a short run writes its JSON and plots. */
class ReorientationCliTest {
    @TempDir
    Path dir;

    Path nabh4() {
        Path cell = dir.resolve("nabh4.vasp");
        CliRunner.Result b = CliRunner.run("build", "nabh4", "--supercell", "2x2x2", "--seed", "3", "-o", cell.toString(), "--json");
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(b.out()).contains("\"formula\" : \"Na32B32H128\"").contains("\"density_g_per_cm3\" : 1.07");
        return cell;
    }

    void refused(String why, String expected, String... args) {
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).as(why + ": " + r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().filter(l -> l.startsWith("paddlewheel:")).count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains(expected);
        assertThat(out).as(why + ": nothing written").doesNotExist();
    }

    @Test
    void badInputExitsTwoAndWritesNothing() throws Exception {
        Path cell = nabh4();
        String out = dir.resolve("out").toString();
        refused("one temperature", "at least two temperatures",
                "reorientation", cell.toString(), "--ff", "na-amide-borohydride", "--temperatures", "300K", "--time", "1ps", "-o", out);
        refused("missing file", "not found",
                "reorientation", dir.resolve("nope.vasp").toString(), "--ff", "na-amide-borohydride", "--temperatures", "300K,400K", "--time", "1ps", "-o", out);
        refused("negative temperature", "",
                "reorientation", cell.toString(), "--ff", "na-amide-borohydride", "--temperatures", "300K,-4K", "--time", "1ps", "-o", out);
        refused("nve", "--ensemble",
                "reorientation", cell.toString(), "--ff", "na-amide-borohydride", "--temperatures", "300K,400K", "--time", "1ps", "--ensemble", "nve", "-o", out);
        refused("time not whole steps", "whole number",
                "reorientation", cell.toString(), "--ff", "na-amide-borohydride", "--temperatures", "300K,400K", "--time", "1.0003ps", "-o", out);
        Path salt = dir.resolve("nacl.vasp");
        Files.writeString(salt, "NaCl\n1.0\n5.64 0 0\n0 5.64 0\n0 0 5.64\nNa Cl\n1 1\nDirect\n0 0 0\n0.5 0.5 0.5\n");
        refused("no BH4", "no tetrahedral BH4",
                "reorientation", salt.toString(), "--ff", "na-amide-borohydride", "--temperatures", "300K,400K", "--time", "1ps", "-o", out);
        refused("unknown model", "",
                "reorientation", cell.toString(), "--ff", "no-such-model", "--temperatures", "300K,400K", "--time", "1ps", "-o", out);
        refused("bad supercell", "", "build", "nabh4", "--supercell", "0x2x2", "-o", out);
        refused("no structure", "missing the structure file",
                "reorientation", "--ff", "na-amide-borohydride", "--temperatures", "300K,400K", "--time", "1ps", "-o", out);
        refused("two structures", "not both",
                "reorientation", cell.toString(), "-i", salt.toString(), "--ff", "na-amide-borohydride", "--temperatures", "300K,400K", "--time", "1ps", "-o", out);
    }

    /** As BadInputCliTest's issue-13 check: every option with a default says it. */
    @Test
    void everyOptionWithADefaultStatesIt() {
        var cl = Main.commandLine(new String[] {"reorientation"}).getSubcommands().get("reorientation");
        for (var o : cl.getCommandSpec().options()) {
            if (o.hidden() || o.usageHelp() || o.versionHelp() || o.arity().max() == 0 || o.required() || o.defaultValue() == null) continue;
            // descriptions come back interpolated: "(default 2ps)"
            assertThat(String.join(" ", o.description())).as(o.longestName()).contains("default " + o.defaultValue());
        }
    }

    @Test
    void shortRunWritesJsonAndPlots() throws Exception {
        Path cell = nabh4();
        Path out = dir.resolve("run");
        CliRunner.Result r = CliRunner.run("reorientation", "-i", cell.toString(), "--ff", "na-amide-borohydride", "--temperatures", "300K,600K",
                "--time", "0.2ps", "--equilibrate", "0.05ps", "--quiet", "--json", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.resolve("reorientation.json").toFile());
        assertThat(j.has("activation_energy_eV")).isTrue();
        assertThat(j.has("activation_energy_sigma_eV")).isTrue();
        assertThat(j.get("runs")).hasSize(2);
        for (JsonNode run : j.get("runs")) {
            for (String key : new String[] {"temperature_K", "jumps", "rate_per_ps", "rate_sigma_per_ps", "residence_time_ps", "flag"}) {
                assertThat(run.has(key)).as(key).isTrue();
            }
            // 32 anions for 0.2 ps: a jump count, and a rate only with jumps
            assertThat(run.get("jumps").asLong()).isGreaterThanOrEqualTo(0);
            if (run.get("jumps").asLong() == 0) assertThat(run.get("rate_per_ps").isNull()).isTrue();
            assertThat(run.get("a_A").asDouble()).isEqualTo(6.163, org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(j.get("references")).hasSize(2);
        assertThat(j.get("references").get(0).get("activation_energy_min_eV").asDouble()).isEqualTo(0.114);
        assertThat(j.get("references").get(1).get("activation_energy_eV").asDouble()).isEqualTo(0.117);
        assertThat(out.resolve("arrhenius.png")).exists();
        assertThat(out.resolve("arrhenius.svg")).exists();
        assertThat(out.resolve("runs/300K/thermo.csv")).exists();
        assertThat(r.out()).contains("\"activation_energy_eV\"");
    }
}
