package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.io.LammpsData.Content;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/** Files written here are read by the real LAMMPS ({@code lmp}) and back; skipped when lmp is absent. */
class LammpsInteropTest {
    @TempDir Path tmp;

    static Path lmp() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "lmp");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    private void runLammps(String script) throws IOException, InterruptedException {
        Path exe = lmp();
        Assumptions.assumeTrue(exe != null, "lmp not on PATH");
        Files.writeString(tmp.resolve("in.test"), script);
        Process p = new ProcessBuilder(exe.toString(), "-in", "in.test", "-log", "log.test")
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("out.test").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("lmp finished").isTrue();
        assertThat(p.exitValue()).as("lmp exit status; output:\n" + Files.readString(tmp.resolve("out.test"))).isZero();
    }

    @Test
    void lammpsReadsOurFullDataFileAndWritesTheSameSystemBack() throws Exception {
        Assumptions.assumeTrue(lmp() != null, "lmp not on PATH");
        SplittableRandom rnd = new SplittableRandom(7);
        // a general orientation with small tilts (LAMMPS 2021 rejects |xy| > lx/2 without 'box tilt large')
        Lattice std = Lattice.fromParameters(6, 6.5, 7, 85, 95, 100);
        double[] q = IoFixtures.randomRotation(rnd);
        double[] m = std.rowMajor(), g = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) g[3 * i + j] = m[3 * i] * q[j] + m[3 * i + 1] * q[3 + j] + m[3 * i + 2] * q[6 + j];
        Structure s = IoFixtures.randomStructure(rnd, Lattice.fromRowMajor(g), true);
        double[] charges = new double[s.size()];
        int[] mol = new int[s.size()];
        for (int i = 0; i < charges.length; i++) { charges[i] = rnd.nextGaussian(); mol[i] = 1 + i / 3; }
        int[][] bonds = s.size() > 2 ? new int[][] {{1, 0, 1}, {2, 1, 2}} : new int[0][];
        LammpsData.Topology top = new LammpsData.Topology(mol, charges, bonds, null, List.of("X-Y", "Y-Z"), null);
        List<Element> order = List.of(IoFixtures.POOL);
        LammpsData.writeFull(tmp.resolve("ours.data"), s, order, top);
        runLammps("""
                units metal
                atom_style full
                read_data ours.data
                write_data back.data
                dump d all custom 1 back.dump id type xu yu zu vx vy vz
                dump_modify d sort id format float %.12g
                run 0
                """);
        Structure expected = LammpsData.toLammpsOrientation(s);
        Content back = LammpsData.read(tmp.resolve("back.data"), order);
        IoFixtures.assertSameStructure(back.structure(), expected, 1e-6, "write_data");
        assertThat(back.topology().charges()).containsExactly(charges, within(1e-9));
        assertThat(back.topology().bonds()).isDeepEqualTo(bonds);
        try (TrajectoryReader r = LammpsDump.open(tmp.resolve("back.dump"), 1.0, order)) {
            Frame f = r.next();
            IoFixtures.assertSameStructure(f.structure(), expected, 1e-5, "dump");
        }
    }
}
