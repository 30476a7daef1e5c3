package org.paddlewheel.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cli.Main;
import org.paddlewheel.forcefield.Lammps;
import org.paddlewheel.forcefield.TestCells;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.TrajectoryReader;
import org.paddlewheel.model.Frame;

/**
 * {@code md --engine lammps} gives the embedded engine's outputs (issue 13): thermo.csv with the
 * same header and rows every --thermo-every, and a trajectory of production frames only, the first
 * at time 0 and step = equilibration steps. Needs {@code lmp} on the PATH.
 */
class MdLammpsOutputsTest {
    @TempDir Path tmp;

    static List<String> args(Path in, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("md", "-i", in.toString(), "--ff", "na-amide-borohydride", "--temperature", "500K",
                "--time", "40fs", "--equilibrate", "20fs", "--timestep", "0.5fs", "--every", "5fs", "--checkpoint-every", "20fs",
                "--seed", "3", "-o", out.toString(), "-q"));
        a.addAll(List.of(extra));
        return a;
    }

    static List<Frame> frames(Path p) {
        List<Frame> f = new ArrayList<>();
        try (TrajectoryReader r = Formats.openTrajectory(p, null, 0.5)) {
            while (r.hasNext()) f.add(r.next());
        }
        return f;
    }

    @Test
    void lammpsEngineWritesTheSameOutputs() throws Exception {
        assumeTrue(Lammps.available(), "lmp not on the PATH");
        Path in = tmp.resolve("cell.vasp");
        Formats.writeStructure(in, TestCells.antiperovskite(1, 2, 2, 0.02), "poscar");
        Path emb = tmp.resolve("embedded"), lmp = tmp.resolve("lammps");
        assertThat(Main.run(args(in, emb).toArray(String[]::new))).isZero();
        assertThat(Main.run(args(in, lmp, "--engine", "lammps").toArray(String[]::new))).isZero();
        List<String> te = Files.readAllLines(emb.resolve("thermo.csv")), tl = Files.readAllLines(lmp.resolve("thermo.csv"));
        assertThat(tl.get(0)).isEqualTo(te.get(0));
        assertThat(tl).hasSameSizeAs(te);                           // steps 0..120 every 10: 13 rows + header
        String[] last = tl.get(tl.size() - 1).split(",");
        assertThat(Long.parseLong(last[0])).isEqualTo(120);
        assertThat(Double.parseDouble(last[1])).isCloseTo(0.060, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Double.parseDouble(last[2])).isBetween(50.0, 3000.0);
        List<Frame> fe = frames(emb.resolve("trajectory.extxyz")), fl = frames(lmp.resolve("trajectory.extxyz"));
        assertThat(fl).hasSameSizeAs(fe).hasSize(9);
        assertThat(fl.get(0).step()).isEqualTo(40);
        assertThat(fl.get(0).timeFs()).isEqualTo(0.0);
        assertThat(fl.get(8).timeFs()).isEqualTo(40.0);
    }
}
