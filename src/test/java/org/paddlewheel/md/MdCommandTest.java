package org.paddlewheel.md;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cli.Main;
import org.paddlewheel.forcefield.TestCells;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;

/** The {@code paddlewheel md} command end to end: outputs, frozen molecules, kill and --resume. */
class MdCommandTest {
    @TempDir
    Path tmp;

    Path cell(long seed) {
        Structure s = TestCells.antiperovskite(1, 2, seed, 0.02);
        Path p = tmp.resolve("cell.vasp");
        Formats.writeStructure(p, s, "poscar");
        return p;
    }

    static List<String> args(Path in, Path out, String time, String... extra) {
        List<String> a = new ArrayList<>(List.of("md", "-i", in.toString(), "--ff", "na-amide-borohydride", "--temperature", "500K",
                "--time", time, "--equilibrate", "50fs", "--timestep", "0.5fs", "--every", "5fs", "--checkpoint-every", "100fs",
                "--seed", "3", "-o", out.toString(), "-q"));
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void frozenMoleculesNeverMoveAndOutputsAreWritten() throws Exception {
        Path in = cell(2);
        Path out = tmp.resolve("run");
        assertThat(Main.run(args(in, out, "200fs", "--freeze", "BH4").toArray(String[]::new))).isZero();
        List<String> thermo = Files.readAllLines(out.resolve("thermo.csv"));
        assertThat(thermo.get(0)).isEqualTo("step,time_ps,T_K,Epot_eV,Ekin_eV,Etot_eV,P_GPa,volume_A3");
        assertThat(thermo).hasSize(1 + 1 + 500 / 10);
        List<String> traj = Files.readAllLines(out.resolve("trajectory.extxyz"));
        int n = Integer.parseInt(traj.get(0).trim());
        int frames = traj.size() / (n + 2);
        assertThat(frames).isEqualTo(41);
        // every atom of every BH4 (B and its four H) keeps its position to the last printed digit
        Structure s = Formats.readStructure(in, "poscar");
        var top = org.paddlewheel.forcefield.Topology.build(TestCells.model(), s);
        int bh4 = TestCells.model().moleculeIndex("BH4"), checked = 0;
        for (int i = 0; i < n; i++) {
            if (top.moleculeKind[i] != bh4) continue;
            checked++;
            String first = traj.get(2 + i);
            for (int f = 1; f < frames; f++) assertThat(traj.get(f * (n + 2) + 2 + i)).isEqualTo(first);
        }
        assertThat(checked).isEqualTo(8 * 5);
    }

    /** Kill -9 a run after its first checkpoint, resume it, and compare every byte with an uninterrupted run. */
    @Test
    void resumeAfterKillGivesTheSameTrajectory() throws Exception {
        Path in = cell(4);
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        String time = "1500fs";
        assertThat(Main.run(args(in, a, time).toArray(String[]::new))).isZero();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (org.paddlewheel.forcefield.Simd.enabled()) cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.paddlewheel.cli.Main"));
        cmd.addAll(args(in, b, time));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        Path ck = b.resolve("checkpoint.bin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(ck) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
        Thread.sleep(30);
        p.destroyForcibly().waitFor();
        assertThat(Files.exists(ck)).as("child wrote a checkpoint before the kill").isTrue();
        long linesAtKill = Files.readAllLines(b.resolve("thermo.csv")).size();
        System.out.println("killed after " + linesAtKill + " thermo lines");
        assertThat(Main.run(args(in, b, time, "--resume").toArray(String[]::new))).isZero();
        assertThat(Files.readAllBytes(b.resolve("thermo.csv"))).isEqualTo(Files.readAllBytes(a.resolve("thermo.csv")));
        assertThat(Files.readAllBytes(b.resolve("trajectory.extxyz"))).isEqualTo(Files.readAllBytes(a.resolve("trajectory.extxyz")));
    }

    @Test
    void energyCommandPrintsJson() throws Exception {
        Path in = cell(5);
        var cl = Main.commandLine();
        var sw = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(sw));
        assertThat(cl.execute("energy", "-i", in.toString(), "--ff", "na-amide-borohydride", "--json", "--forces",
                tmp.resolve("f.csv").toString())).isZero();
        assertThat(sw.toString()).contains("\"total_eV\"", "\"coulomb_reciprocal\"", "\"stress_GPa\"");
        assertThat(Files.readAllLines(tmp.resolve("f.csv"))).hasSize(1 + 80);
    }

    @Test
    void energyTakesTheSameFormatOptionAsEveryReader() throws Exception {
        Path in = cell(5), odd = tmp.resolve("cell.bin");
        Files.copy(in, odd);
        var a = org.paddlewheel.cli.CliRunner.run("energy", "-i", in.toString(), "--ff", "na-amide-borohydride", "--json");
        var b = org.paddlewheel.cli.CliRunner.run("energy", "-i", odd.toString(), "--format", "poscar", "--ff", "na-amide-borohydride", "--json");
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out()).contains("\"total_eV\"");
        var c = org.paddlewheel.cli.CliRunner.run("energy", "-i", odd.toString(), "--ff", "na-amide-borohydride", "--json");
        assertThat(c.exitCode()).isEqualTo(2);
        assertThat(c.err()).contains("--format");
        // every command that reads a structure or trajectory file names its format with --format
        for (String[] cmd : new String[][] {{"info"}, {"convert"}, {"analyze"}, {"energy"}, {"relax"}, {"export-lammps"}, {"dft", "relax"},
            {"dft", "neb"}, {"dft", "single-point"}, {"eis", "fit"}, {"eis", "kk"}, {"eis", "linkk"}}) {
            picocli.CommandLine cl = org.paddlewheel.cli.Main.commandLine();
            for (String c2 : cmd) cl = cl.getSubcommands().get(c2);
            assertThat(cl.getCommandSpec().optionsMap()).as(String.join(" ", cmd)).containsKey("--format");
        }
    }
}
