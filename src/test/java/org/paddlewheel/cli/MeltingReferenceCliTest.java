package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paddlewheel melting-reference}: the JSON contract on a frames CSV as {@code dft compare --frames-csv} writes it
 * (T_ref = T_m (1 + δ/ΔH_m) with δ the liquid's offset minus the crystal's), the model's bracket from a melting.json,
 * and bad input: one line naming the file, exit 2, nothing written.
 */
class MeltingReferenceCliTest {
    @TempDir
    Path tmp;

    private Path csv() throws Exception {
        // liquid: DFT 12, 14, 16 meV/atom above the model; crystal: 1, 2, 3 (δ = 12 meV/atom); another group ignored
        String s = "source,config_type,atoms,dft_energy_eV_per_atom,model_energy_eV_per_atom,dft_pressure_GPa,model_pressure_GPa,force_rmse_eV_per_A\n"
                + "a#0,liquid-x1-550K-expanded,80,-301.178,-301.190,0.1,0.2,0.15\n"
                + "a#1,liquid-x1-550K-expanded,80,-301.176,-301.190,0.1,0.2,0.15\n"
                + "\"b,c#2\",liquid-x1-550K-expanded,80,-301.174,-301.190,0.1,0.2,0.15\n"
                + "d#0,md-x1-500K,80,-301.199,-301.200,0.1,0.2,0.15\n"
                + "d#1,md-x1-500K,80,-301.198,-301.200,0.1,0.2,0.15\n"
                + "d#2,md-x1-500K,80,-301.197,-301.200,0.1,0.2,0.15\n"
                + "e#0,md-na2o-500K,48,-100.0,-100.5,0.1,0.2,0.15\n";
        Path p = tmp.resolve("frames.csv");
        Files.writeString(p, s);
        return p;
    }

    @Test
    void theReferencesMeltingPointIsTheModelsScaledByTheShiftOverTheLatentHeat() throws Exception {
        Path melting = tmp.resolve("melting.json");
        Files.writeString(melting, "{\"bracket_K\": [500, 550], \"measured_K\": 492, \"runs\": []}");
        Path out = tmp.resolve("ref.json");
        CliRunner.Result r = CliRunner.run("melting-reference", "--frames", csv().toString(), "--liquid", "liquid-x1-550K*",
                "--crystal", "md-x1-*", "--melting", melting.toString(), "--latent-heat", "24meV", "-o", out.toString(),
                "--plot", tmp.resolve("dg").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(out.toFile());
        assertThat(d.get("model_melting_K").asDouble()).isEqualTo(525);
        assertThat(d.get("liquid").get("frames").asInt()).isEqualTo(3);
        assertThat(d.get("crystal").get("frames").asInt()).isEqualTo(3);
        assertThat(d.get("offset_first_order_eV_per_atom").asDouble()).isCloseTo(0.012, within(1e-9));
        assertThat(d.get("reference_melting_K").asDouble()).isCloseTo(525 * 1.5, within(1e-6));
        assertThat(d.get("reference_bracket_K").get(0).asDouble()).isCloseTo(750, within(1e-6));
        assertThat(d.get("reference_bracket_K").get(1).asDouble()).isCloseTo(825, within(1e-6));
        for (String k : new String[] {"latent_heat_eV_per_atom", "offset_second_order_eV_per_atom", "reference_melting_second_order_K",
                "reference_melting_sigma_K", "converged", "notes"}) {
            assertThat(d.has(k)).as(k).isTrue();
        }
        assertThat(r.err()).contains("reference T_m");
        assertThat(tmp.resolve("dg.png")).isNotEmptyFile();
        assertThat(tmp.resolve("dg.svg")).isNotEmptyFile();
    }

    @Test
    void badInputNamesTheFileAndWritesNothing() throws Exception {
        Path frames = csv(), out = tmp.resolve("ref.json");
        Path noBracket = tmp.resolve("nob.json");
        Files.writeString(noBracket, "{\"bracket_K\": null, \"runs\": []}");
        Path badCsv = tmp.resolve("bad.csv");
        Files.writeString(badCsv, "source,config_type,atoms,dft_energy_eV_per_atom,model_energy_eV_per_atom\na,liquid-x,eighty,-1,-1\nb,md-x1,80,-1,-1\n");
        String[][] cases = {
            {"--frames", frames.toString(), "--liquid", "glass-*", "--crystal", "md-x1-*", "--model-melting-point", "525K", "--latent-heat", "24meV"},
            {"--frames", frames.toString(), "--liquid", "liquid-*", "--crystal", "md-x1-*", "--melting", noBracket.toString(), "--latent-heat", "24meV"},
            {"--frames", badCsv.toString(), "--liquid", "liquid-*", "--crystal", "md-x1", "--model-melting-point", "525K", "--latent-heat", "24meV"},
            {"--frames", tmp.resolve("none.csv").toString(), "--liquid", "liquid-*", "--crystal", "md-x1", "--model-melting-point", "525K", "--latent-heat", "24meV"},
            {"--frames", frames.toString(), "--liquid", "liquid-*", "--crystal", "md-x1-*", "--model-melting-point", "525K", "--liquid-run", tmp.toString()},
        };
        String[] names = {"frames.csv", "nob.json", "bad.csv", "none.csv", "--crystal-run"};
        for (int k = 0; k < cases.length; k++) {
            String[] args = new String[cases[k].length + 3];
            args[0] = "melting-reference";
            System.arraycopy(cases[k], 0, args, 1, cases[k].length);
            args[args.length - 2] = "-o";
            args[args.length - 1] = out.toString();
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.exitCode()).as(k + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).as("case " + k).contains(names[k]);
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void spreadFramesJoinTheVarianceAndAnOverlapIsRefused() throws Exception {
        // crystal spread: another sampler's frames 0 and 4 meV/atom above the model (sd² 8e-6), the own 1, 2, 3 (SS 2e-6):
        // pooled Var = (2e-6 + 8e-6) / (2 + 1) over 5 frames; the own frames lie 2 - 2 = 0 meV/atom above the spread's
        Path frames = tmp.resolve("spread.csv");
        Files.writeString(frames, Files.readString(csv()) + "f#0,md-x1-500K-other,80,-301.200,-301.200,0.1,0.2,0.15\n"
                + "f#1,md-x1-500K-other,80,-301.196,-301.200,0.1,0.2,0.15\n");
        Path out = tmp.resolve("ref.json");
        CliRunner.Result r = CliRunner.run("melting-reference", "--frames", frames.toString(), "--liquid", "liquid-x1-550K*",
                "--crystal", "md-x1-500K", "--crystal-spread", "md-x1-500K-other", "--model-melting-point", "525K", "--latent-heat", "24meV",
                "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode c = new ObjectMapper().readTree(out.toFile()).get("crystal");
        assertThat(c.get("frames").asInt()).isEqualTo(3);
        assertThat(c.get("variance_frames").asInt()).isEqualTo(5);
        assertThat(c.get("spread_config_types").asText()).isEqualTo("md-x1-500K-other");
        assertThat(c.get("sd_offset_eV_per_atom").asDouble()).isCloseTo(Math.sqrt(1e-5 / 3), within(1e-9));
        assertThat(c.get("sampling_shift_observed_eV_per_atom").asDouble()).isCloseTo(0, within(1e-9));
        assertThat(c.get("sampling_shift_consistent").isBoolean()).isTrue();
        assertThat(new ObjectMapper().readTree(out.toFile()).get("liquid").get("sampling_shift_consistent").isNull()).isTrue();
        // a spread glob that matches the phase's own frames would count them twice
        Path out2 = tmp.resolve("ref2.json");
        CliRunner.Result bad = CliRunner.run("melting-reference", "--frames", frames.toString(), "--liquid", "liquid-x1-550K*",
                "--crystal", "md-x1-500K", "--crystal-spread", "md-x1-*", "--model-melting-point", "525K", "--latent-heat", "24meV",
                "-o", out2.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("spread.csv").contains("md-x1-500K");
        assertThat(out2).doesNotExist();
    }
}
