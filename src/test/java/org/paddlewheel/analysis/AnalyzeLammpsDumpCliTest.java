package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cli.CliRunner;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Structure;

/**
 * End to end: a hand-written LAMMPS dump ({@code dump custom ... id type element xu yu zu}, atoms in
 * shuffled order as LAMMPS writes them in parallel runs, timestep 2 fs × 5 steps per frame)
 * through {@code paddlewheel analyze}; the same hops and rotors as the XDATCAR test, and the frame
 * time taken from the dump's TIMESTEP.
 */
class AnalyzeLammpsDumpCliTest {
    @Test
    void analyzesHandWrittenLammpsDump(@TempDir Path dir) throws Exception {
        SyntheticHopWorld w = new SyntheticHopWorld(5, 600, 2, true, 0.1);
        Path dump = dir.resolve("traj.lammpstrj");
        SplittableRandom rnd = new SplittableRandom(99);
        double l = SyntheticHopWorld.L;
        try (BufferedWriter o = Files.newBufferedWriter(dump)) {
            int step = 0;
            for (Frame f : w.frames) {
                Structure s = f.structure();
                int n = s.size();
                o.write("ITEM: TIMESTEP\n" + step + "\nITEM: NUMBER OF ATOMS\n" + n + "\n");
                o.write(String.format(Locale.ROOT, "ITEM: BOX BOUNDS pp pp pp%n0.0 %.6f%n0.0 %.6f%n0.0 %.6f%n", l, l, l));
                o.write("ITEM: ATOMS id type element xu yu zu\n");
                int[] order = new int[n];
                for (int i = 0; i < n; i++) order[i] = i;
                for (int i = n - 1; i > 0; i--) { int j = rnd.nextInt(i + 1); int t = order[i]; order[i] = order[j]; order[j] = t; }
                for (int i : order) {
                    String el = s.species(i).symbol();
                    int type = switch (el) { case "Na" -> 1; case "N" -> 2; default -> 3; };
                    o.write(String.format(Locale.ROOT, "%d %d %s %.6f %.6f %.6f%n", i + 1, type, el, s.x(i, 0), s.x(i, 1), s.x(i, 2)));
                }
                step += 5;
            }
        }
        Path ideal = dir.resolve("ideal.vasp");
        Formats.writeStructure(ideal, SyntheticHopWorld.idealSites(), "poscar");
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("analyze", dump.toString(), "--structure", ideal.toString(), "--mobile", "Na",
                "--rotors", "auto", "--timestep", "0.2fs", "--temperature", "500K", "--coupling-cutoff", "2.8Å",
                "--coupling-halfwidth", "15fs", "--coupling-window", "50fs", "--no-plots", "-o", out.toString(), "--json", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(Files.readString(out.resolve("summary.json")));
        assertThat(j.at("/input/frames_analysed").asInt()).isEqualTo(600);
        assertThat(j.at("/input/timestep_ps").asDouble()).isCloseTo(0.001, within(1e-12));     // 5 steps × 0.2 fs
        assertThat(j.at("/diffusion/Na/D_cm2_per_s").isNumber()).isTrue();
        assertThat(j.at("/hops/Na/count").asInt()).isEqualTo(2);
        assertThat(j.at("/rotation/NH2/tau1_ps").isNumber()).isTrue();
        assertThat(j.at("/coupling/NH2/score").isNumber()).isTrue();
        assertThat(out.resolve("msd-Na.csv")).exists();
        assertThat(out.resolve("msd.png")).doesNotExist();                                       // --no-plots
    }
}
