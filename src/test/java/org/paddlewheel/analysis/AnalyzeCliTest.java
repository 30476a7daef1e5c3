package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cli.CliRunner;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Structure;

/** End to end: a hand-written VASP 5 XDATCAR (hops + bent NH2 anions) through {@code paddlewheel analyze}. */
class AnalyzeCliTest {

    @Test
    void analyzesHandWrittenXdatcar(@TempDir Path dir) throws Exception {
        JsonNode j = analyse(dir, 2);
        assertThat(j.at("/diffusion/Na/hops_detected").asInt()).isEqualTo(2);
        assertThat(j.at("/diffusion/Na/note").isMissingNode()).isTrue();
    }

    /** Vibrations only: D is still a number (the MSD slope), but summary.json says it is not transport. */
    @Test
    void flagsDiffusivityWithoutHops(@TempDir Path dir) throws Exception {
        JsonNode j = analyse(dir, 0);
        assertThat(j.at("/hops/Na/count").asInt()).isZero();
        assertThat(j.at("/diffusion/Na/hops_detected").asInt()).isZero();
        assertThat(j.at("/diffusion/Na/note").asText()).contains("no hops detected");
    }

    /**
     * Issue 13: numbers that are not results are flagged (no hop: D and sigma; the fit inside the cage
     * regime), and an XDATCAR without --timestep is refused unless POTIM is in an INCAR beside it.
     */
    @Test
    void flagsNonResultsAndRequiresATimeStep(@TempDir Path dir) throws Exception {
        JsonNode j = analyse(dir, 0);
        assertThat(j.at("/diffusion/Na/is_result").asBoolean()).isFalse();
        assertThat(j.at("/diffusion/Na/flags").toString()).contains("no_hop", "cage_regime");
        assertThat(j.at("/conductivity/Na/flags").toString()).contains("no_hop");
        assertThat(j.at("/diffusion/Na/msd_at_fit_end_A2").asDouble()).isLessThan(j.at("/diffusion/Na/site_spacing_A").asDouble() * 3.5);
        assertThat(j.at("/flags").toString()).contains("not transport results", "cage regime");
        assertThat(j.at("/sites/count").asInt()).isEqualTo(27);
        assertThat(j.at("/sites/vacant_at_start").asInt()).isEqualTo(7);
        assertThat(j.at("/sites/method").asText()).contains("reference structure");
        JsonNode hopping = analyse(dir.resolve("b"), 2);
        assertThat(hopping.at("/diffusion/Na/flags").toString()).doesNotContain("no_hop");

        Path x = dir.resolve("XDATCAR");
        CliRunner.Result r = CliRunner.run("analyze", x.toString(), "--mobile", "Na", "-o", dir.resolve("o2").toString(), "--quiet");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("paddlewheel: " + x + ": an XDATCAR stores no time step").doesNotContain("\n");
        assertThat(dir.resolve("o2")).doesNotExist();
        Files.writeString(dir.resolve("INCAR"), "SYSTEM = test\nIBRION = 0 ; POTIM = 2.0 ! fs\nNSW = 600\n");
        CliRunner.Result ok = CliRunner.run("analyze", x.toString(), "--mobile", "Na", "--rotation-events", "-o", dir.resolve("o3").toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.err()).contains("time step 2.0 fs from POTIM in " + dir.resolve("INCAR").toAbsolutePath());
        JsonNode auto = new ObjectMapper().readTree(Files.readString(dir.resolve("o3/summary.json")));
        assertThat(auto.at("/input/timestep_ps").asDouble()).isEqualTo(0.002);
        assertThat(auto.at("/sites/method").asText()).contains("density");
        assertThat(auto.at("/rotation_events/NH2/method").asText()).contains("Jun, Lee, Kam, Ceder");
        assertThat(auto.at("/rotation_events/NH2/hops").isInt()).isTrue();
        assertThat(auto.at("/rotation_events/NH2/settings/min_dt_fs").asDouble()).isEqualTo(100.0);
        assertThat(auto.at("/coupling/NH2").isObject()).isTrue();                 // both views side by side
    }

    private static JsonNode analyse(Path dir, int hops) throws Exception {
        Files.createDirectories(dir);
        SyntheticHopWorld w = new SyntheticHopWorld(5, 600, hops, true, 0.1);
        Path x = dir.resolve("XDATCAR");
        try (BufferedWriter o = Files.newBufferedWriter(x)) {
            o.write("synthetic Na NH2\n           1\n");
            for (int k = 0; k < 3; k++) o.write(String.format(Locale.ROOT, "    %12.6f %12.6f %12.6f%n", k == 0 ? SyntheticHopWorld.L : 0.0, k == 1 ? SyntheticHopWorld.L : 0.0, k == 2 ? SyntheticHopWorld.L : 0.0));
            o.write("   Na   N    H\n   20   27   54\n");
            int n = 1;
            for (Frame f : w.frames) {
                o.write("Direct configuration=" + String.format("%6d", n++) + "\n");
                Structure s = f.structure();
                for (int i = 0; i < 20; i++) line(o, s, i);
                for (int m = 0; m < 27; m++) line(o, s, 20 + 3 * m);
                for (int m = 0; m < 27; m++) { line(o, s, 21 + 3 * m); line(o, s, 22 + 3 * m); }
            }
        }
        try {
            Formats.openTrajectory(x, null, 1.0).close();
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("Formats.openTrajectory not wired yet: " + e.getMessage());
        }
        Path ideal = dir.resolve("ideal.vasp");
        Formats.writeStructure(ideal, SyntheticHopWorld.idealSites(), "poscar");
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("analyze", x.toString(), "--structure", ideal.toString(), "--mobile", "Na",
                "--rotors", "auto", "--timestep", "1fs", "--temperature", "500K", "--coupling-cutoff", "2.8Å",
                "--coupling-halfwidth", "15fs", "--coupling-window", "50fs", "-o", out.toString(), "--json", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(Files.readString(out.resolve("summary.json")));
        assertThat(j.at("/diffusion/Na/D_cm2_per_s").isNumber()).isTrue();
        assertThat(j.at("/diffusion/Na/D_std_cm2_per_s").isNumber()).isTrue();
        assertThat(j.at("/conductivity/Na/sigma_S_per_cm").isNumber()).isTrue();
        assertThat(j.at("/rotation/NH2/tau1_ps").isNumber()).isTrue();
        assertThat(j.at("/rotation/NH2/tau1_is_lower_bound").isBoolean()).isTrue();
        assertThat(j.at("/rotation/NH2/bisector/tau1_ps").isMissingNode()).isFalse();
        assertThat(j.at("/hops/Na/count").asInt()).isEqualTo(hops);
        // a fixed cell whose NH2 centres only vibrate is a crystal: no drift, Lindemann ratio well below 0.1
        assertThat(j.at("/stability/NH2/cell_length_drift").asDouble()).isEqualTo(0.0);
        assertThat(j.at("/stability/NH2/lindemann_ratio").asDouble()).isBetween(0.0, 0.1);
        assertThat(j.at("/stability/NH2/problem").isNull()).isTrue();
        assertThat(j.at("/hops/Na/rate_per_ps").isNumber()).isTrue();
        if (hops > 0) {
            assertThat(j.at("/coupling/NH2/score").isNumber()).isTrue();
            assertThat(j.at("/coupling/NH2/z").isMissingNode()).isFalse();
        }
        for (String f : new String[] {"msd-Na.csv", "rotation-NH2.csv", "hops.csv", "density-Na.cube",
            "density-H.cube", "msd.png", "msd.svg", "rotation-NH2.png"}) {
            assertThat(out.resolve(f)).exists();
        }
        if (hops > 0) {
            assertThat(out.resolve("coupling-NH2.csv")).exists();
            assertThat(out.resolve("coupling-NH2-event.png")).exists();
        }
        assertThat(Files.readAllLines(out.resolve("msd-Na.csv")).get(0)).isEqualTo("time_ps,msd_A2,msd_x_A2,msd_y_A2,msd_z_A2,msd_collective_per_ion_A2");
        assertThat(r.out()).contains("\"D_cm2_per_s\"");
        return j;
    }

    private static void line(BufferedWriter o, Structure s, int i) throws java.io.IOException {
        double[] f = s.lattice().toFractional(s.position(i));
        o.write(String.format(Locale.ROOT, "  %.8f  %.8f  %.8f%n", f[0], f[1], f[2]));
    }
}
