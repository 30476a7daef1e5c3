package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * ASE's binary {@code .traj} read without Python: a real file written by ASE 3.22 (CHGNet's MD
 * example, src/test/resources/io/ase/README.md), whose expected values were read off the file's own
 * JSON and raw arrays with Python's struct module, and files from {@link UlmTestWriter} that follow
 * ASE's layout, compared with the structures written into them.
 */
class AseTrajectoryTest {
    static final Path CHGNET = Path.of("src/test/resources/io/ase/chgnet_md_out.traj");

    @TempDir
    Path dir;

    @Test
    void readsAnAseMdTrajectoryWithMomentaForcesAndItsTimeStep() {
        List<Frame> frames = new ArrayList<>();
        List<AseTrajectory.Results> results = new ArrayList<>();
        try (AseTrajectory.Reader r = AseTrajectory.open(CHGNET, 0)) {
            assertThat(r.atomCount()).isEqualTo(8);
            while (r.hasNext()) {
                frames.add(r.next());
                results.add(r.results());
            }
        }
        assertThat(frames).hasSize(3);
        Structure s0 = frames.get(0).structure();
        assertThat(s0.formula()).isEqualTo("Li2Mn2O4");
        assertThat(s0.species(0)).isEqualTo(Element.LI);
        assertThat(s0.lattice().get(0, 0)).isCloseTo(2.868779, within(1e-12));
        assertThat(s0.lattice().get(1, 1)).isCloseTo(4.634475, within(1e-12));
        assertThat(s0.lattice().get(2, 2)).isCloseTo(5.832507, within(1e-12));
        assertThat(s0.position(0)).containsExactly(new double[] {1.4343894999999998, 2.3172375, 2.2148974495035}, within(1e-12));
        assertThat(s0.position(7)[2]).isCloseTo(3.7279955779785, within(1e-12));
        // description: timestep 0.19645389576928127 ASE units = 2 fs, written every 100 steps (ASE's
        // unit constants and ours come from different CODATA releases: 4e-9 relative)
        assertThat(AseTrajectory.timing(CHGNET).timestepFs()).isCloseTo(2.0, within(1e-7));
        assertThat(frames.get(1).step()).isEqualTo(100);
        assertThat(frames.get(2).timeFs()).isCloseTo(400.0, within(1e-5));
        // momenta (amu·Å per ASE time) ÷ mass → Å/fs; Li's 6.94 amu is ASE's mass too
        double pz = -1.2285066693601108;
        assertThat(frames.get(1).structure().velocities()[2]).isCloseTo(pz / 6.94 * 0.0982269479, within(1e-10));
        assertThat(frames.get(0).structure().velocities()).containsOnly(0.0);
        // calculator results: energy, float32 forces, a 3×3 stress turned into Voigt order
        assertThat(results.get(1).energyEv()).isCloseTo(-58.924400329589844, within(1e-12));
        assertThat(results.get(0).forcesEvPerA()[2]).isCloseTo(0.024071063846349716, within(1e-9));
        assertThat(results.get(0).stressEvPerA3()).hasSize(6);
        assertThat(results.get(0).stressEvPerA3()[0]).isCloseTo(0.002101992955431342, within(1e-15));
        assertThat(results.get(0).stressEvPerA3()[3]).isCloseTo(1.1532873145370104e-07, within(1e-15));
    }

    @Test
    void aCallersTimestepOverridesTheFileAndKeepsItsInterval() {
        try (TrajectoryReader r = Formats.openTrajectory(CHGNET, null, 0.5)) {
            r.next();
            Frame f = r.next();
            assertThat(f.step()).isEqualTo(100);
            assertThat(f.timeFs()).isCloseTo(50.0, within(1e-12));
        }
    }

    @Test
    void writtenStructuresReadBackExactlyInBothByteOrders() throws Exception {
        for (boolean le : new boolean[] {true, false}) {
            for (long seed = 1; seed <= 10; seed++) {
                SplittableRandom rnd = new SplittableRandom(seed);
                List<Structure> frames = new ArrayList<>();
                List<double[]> momenta = new ArrayList<>();
                Lattice l = RandomStructures.lattice(rnd);
                Element[] pool = {Element.NA, Element.O, Element.B, Element.H, Element.N, Element.LI, Element.CL};
                int n = rnd.nextInt(1, 30);
                Element[] sp = new Element[n];
                for (int i = 0; i < n; i++) sp[i] = pool[rnd.nextInt(pool.length)];
                for (int f = 0; f < 4; f++) {
                    double[] x = new double[3 * n], p = new double[3 * n];
                    for (int k = 0; k < 3 * n; k++) { x[k] = rnd.nextDouble(-5, 20); p[k] = rnd.nextGaussian(); }
                    frames.add(Structure.of(l, sp, x));
                    momenta.add(p);
                }
                Path file = dir.resolve("seed" + seed + (le ? "le" : "be") + ".traj");
                Files.write(file, UlmTestWriter.trajectory(frames, momenta, 0.1, 5, null, le));
                try (TrajectoryReader r = Formats.openTrajectory(file, null, 0)) {
                    for (int f = 0; f < 4; f++) {
                        Frame got = r.next();
                        String ctx = "seed " + seed + (le ? " little" : " big") + "-endian, frame " + f;
                        assertThat(got.structure().speciesArray()).as(ctx).containsExactly(sp);
                        assertThat(got.structure().positions()).as(ctx).containsExactly(frames.get(f).positions());
                        assertThat(got.structure().lattice().rowMajor()).as(ctx).containsExactly(l.rowMajor(), within(1e-12));
                        for (int a = 0; a < n; a++) {
                            double v = momenta.get(f)[3 * a] / sp[a].massAmu() * AseTrajectory.ASE_TIME_PER_FS;
                            assertThat(got.structure().velocities()[3 * a]).as(ctx + " atom " + a).isCloseTo(v, within(1e-12));
                        }
                        assertThat(got.timeFs()).as(ctx).isCloseTo(f * 5 * 0.1 / AseTrajectory.ASE_TIME_PER_FS, within(1e-9));
                    }
                    assertThat(r.hasNext()).isFalse();
                }
            }
        }
    }

    @Test
    void compressedTrajReadsAsThePlainOne() throws Exception {
        Path gz = dir.resolve("md.traj.gz"), xz = dir.resolve("md.traj.xz");
        CompressedInputTest.compress(CHGNET, gz, "gz");
        CompressedInputTest.compress(CHGNET, xz, "xz");
        assertThat(Formats.detect(gz, null)).isEqualTo(Formats.Format.TRAJ);
        for (Path p : List.of(gz, xz)) {
            try (TrajectoryReader a = Formats.openTrajectory(CHGNET, null, 0); TrajectoryReader b = Formats.openTrajectory(p, null, 0)) {
                while (a.hasNext()) assertThat(b.next().structure().positions()).containsExactly(a.next().structure().positions());
                assertThat(b.hasNext()).isFalse();
            }
        }
    }

    @Test
    void withoutADescriptionTimesAreFrameIndicesAndTheTimingIsUnknown() throws Exception {
        Structure s = Structure.of(Lattice.cubic(5), new Element[] {Element.NA}, new double[] {1, 2, 3});
        Path file = dir.resolve("plain.traj");
        Files.write(file, UlmTestWriter.trajectory(List.of(s, s, s), null, null, 1, new double[] {1, 2, 3}, true));
        assertThat(AseTrajectory.timing(file).known()).isFalse();
        try (TrajectoryReader r = Formats.openTrajectory(file, "traj", 0)) {
            r.next();
            r.next();
            assertThat(r.next().timeFs()).isEqualTo(2.0);
        }
        assertThat(Formats.readStructure(file, null).position(0)).containsExactly(1, 2, 3);
    }

    @Test
    void aChangingAtomCountOrAMissingCellIsRefusedWithItsByteOffset() throws Exception {
        Structure a = Structure.of(Lattice.cubic(5), new Element[] {Element.NA}, new double[] {1, 2, 3});
        UlmTestWriter w = new UlmTestWriter("ASE-Trajectory", true);
        w.item("{\"pbc\": [true, true, true], \"numbers.\": " + w.array(new double[] {11}, new int[] {1}, "int32") + ", \"positions.\": "
                + w.array(a.positions(), new int[] {1, 3}, "float64") + ", \"cell\": [[5, 0, 0], [0, 5, 0], [0, 0, 5]]}");
        w.item("{\"pbc\": [true, true, true], \"numbers.\": " + w.array(new double[] {11, 11}, new int[] {2}, "int32") + ", \"positions.\": "
                + w.array(new double[6], new int[] {2, 3}, "float64") + ", \"cell\": [[5, 0, 0], [0, 5, 0], [0, 0, 5]]}");
        Path file = dir.resolve("grow.traj");
        Files.write(file, w.finish());
        try (TrajectoryReader r = AseTrajectory.open(file, 1)) {
            r.next();
            assertThatThrownBy(r::next).isInstanceOf(InputException.class)
                    .hasMessageContaining("constant size")
                    .satisfies(e -> assertThat(((InputException) e).location()).matches(Path.of(file.toString()) + ":byte \\d+: .*"));
        }
        UlmTestWriter m = new UlmTestWriter("ASE-Trajectory", true);
        m.item("{\"pbc\": [false, false, false], \"numbers.\": " + m.array(new double[] {8}, new int[] {1}, "int64") + ", \"positions.\": "
                + m.array(new double[3], new int[] {1, 3}, "float64") + ", \"cell\": [[0, 0, 0], [0, 0, 0], [0, 0, 0]]}");
        Path mol = dir.resolve("molecule.traj");
        Files.write(mol, m.finish());
        assertThatThrownBy(() -> Formats.readStructure(mol, null)).isInstanceOf(InputException.class).hasMessageContaining("periodic cell");
        UlmTestWriter h = new UlmTestWriter("ASE-Trajectory", true);
        String numbers = h.array(new double[] {11}, new int[] {1}, "int32");
        h.item("{\"pbc\": [true, true, true], \"numbers.\": " + numbers + ", \"positions.\": {\"ndarray\": [[2147483647, 2147483647, 3],"
                + " \"float64\", 56]}, \"cell\": [[5, 0, 0], [0, 5, 0], [0, 0, 5]]}");
        Path huge = dir.resolve("huge.traj");
        Files.write(huge, h.finish());
        assertThatThrownBy(() -> Formats.readStructure(huge, null)).isInstanceOf(InputException.class).hasMessageContaining("inside the file");
        Path other = dir.resolve("other.traj");
        UlmTestWriter g = new UlmTestWriter("GPAW", true);
        g.item("{\"x\": 1}");
        Files.write(other, g.finish());
        assertThatThrownBy(() -> Formats.readStructure(other, null)).isInstanceOf(InputException.class).hasMessageContaining("ASE-Trajectory");
    }
}
