package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

class LammpsDumpTest {
    @TempDir Path tmp;

    static List<Frame> readAll(Path f, double dt, List<Element> map) {
        List<Frame> out = new ArrayList<>();
        try (TrajectoryReader r = LammpsDump.open(f, dt, map)) {
            while (r.hasNext()) out.add(r.next());
        }
        return out;
    }

    @Test
    void readsTriclinicDumpCustomWithElementsAndImageFlags() {
        List<Frame> frames = readAll(IoFixtures.resource("lammps/dump_tri.lammpstrj"), 2.0, null);
        assertThat(frames).hasSize(3);
        assertThat(frames).extracting(Frame::step).containsExactly(0L, 50L, 100L);
        assertThat(frames).extracting(Frame::timeFs).containsExactly(0.0, 100.0, 200.0);
        Structure s = frames.get(0).structure();
        // bounds (0 7.5 1), (-0.3 6.5 0.5), (0 7 -0.3) → box 0..6, 0..6.5, 0..7 with xy=1 xz=0.5 yz=-0.3
        assertThat(s.lattice().rowMajor()).containsExactly(new double[] {6, 0, 0, 1, 6.5, 0, 0.5, -0.3, 7}, within(1e-12));
        assertThat(s.speciesArray()).containsExactly(Element.NA, Element.B, Element.H, Element.H, Element.H, Element.H);
        assertThat(s.position(0)).containsExactly(new double[] {0.2, 0.3, 0.4}, within(1e-12));
        assertThat(s.velocities()[0]).isCloseTo(3.78149e-3, within(1e-12));
    }

    @Test
    void lastDumpFrameAgreesWithWriteDataOfTheSameStep() {
        List<Frame> tri = readAll(IoFixtures.resource("lammps/dump_tri.lammpstrj"), 2.0, null);
        Structure data = LammpsData.read(IoFixtures.resource("lammps/data_full_tri.data")).structure();
        IoFixtures.assertSameStructure(tri.get(2).structure(), data, 1e-4, "triclinic x + image flags");
        List<Frame> ortho = readAll(IoFixtures.resource("lammps/dump_ortho.lammpstrj"), 2.0, List.of(Element.NA, Element.CL));
        Structure dataOrtho = LammpsData.read(IoFixtures.resource("lammps/data_atomic_ortho.data")).structure();
        assertThat(ortho.get(2).structure().positions()).as("orthogonal xs + image flags")
                .containsExactly(dataOrtho.positions(), within(1e-4));
        assertThat(ortho.get(2).structure().lattice()).isEqualTo(dataOrtho.lattice());
    }

    @Test
    void unwrappedColumnsInAnyOrderWithTypeMapMatchWrappedPlusImages() {
        Path unwrapped = IoFixtures.resource("lammps/dump_tri_unwrapped.lammpstrj");
        assertThatThrownBy(() -> LammpsDump.open(unwrapped, 2.0)).isInstanceOf(InputException.class)
                .hasMessageContaining("type map").extracting(e -> ((InputException) e).line()).isEqualTo(9);
        List<Frame> u = readAll(unwrapped, 2.0, List.of(Element.NA, Element.B, Element.H));
        List<Frame> w = readAll(IoFixtures.resource("lammps/dump_tri.lammpstrj"), 2.0, null);
        for (int f = 0; f < 3; f++) {
            assertThat(u.get(f).structure().positions()).as("frame " + f)
                    .containsExactly(w.get(f).structure().positions(), within(1e-4));
        }
        assertThat(u.get(0).structure().hasVelocities()).isFalse();
    }

    @Test
    void writerRoundTripsFramesWithVelocitiesAndChangingCell() {
        Structure a = Structure.builder(Lattice.orthorhombic(5, 6, 7)).add(Element.NA, 1, 2, 3).add(Element.CL, -1, 9, 3.5)
                .velocity(0, 0.01, 0.02, 0.03).velocity(1, -0.01, 0, 0.005).build();
        Structure b = a.withLattice(Lattice.fromParameters(5.1, 6.1, 7.1, 88, 91, 95));
        Path f = tmp.resolve("t.lammpstrj");
        try (TrajectoryWriter w = LammpsDump.create(f, List.of(Element.CL, Element.NA))) {
            w.write(new Frame(a, 0, 0));
            w.write(new Frame(b, 10, 10));
        }
        List<Frame> back = readAll(f, 1.0, null);
        assertThat(back).hasSize(2);
        IoFixtures.assertSameStructure(back.get(0).structure(), a, 1e-9, "frame 0");
        IoFixtures.assertSameStructure(back.get(1).structure(), LammpsData.toLammpsOrientation(b), 1e-9, "frame 1");
        // types follow the given order; a type map gives the same answer without the element column
        assertThat(lines(f)).contains("1 2 Na 1.0000000000 2.0000000000 3.0000000000 10.0000000000 20.0000000000 30.0000000000");
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Long> seeds() { return LongStream.range(1, 31).boxed().toList(); }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomTriclinicTrajectoriesRoundTrip(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Structure s = IoFixtures.randomStructure(rnd, IoFixtures.randomGeneralCell(rnd), rnd.nextBoolean());
        int nFrames = 1 + rnd.nextInt(3);
        Path f = tmp.resolve("r" + seed + ".lammpstrj");
        List<Structure> written = new ArrayList<>();
        try (TrajectoryWriter w = LammpsDump.create(f, null)) {
            for (int k = 0; k < nFrames; k++) {
                double[] p = s.positions();
                for (int i = 0; i < p.length; i++) p[i] += rnd.nextGaussian();
                Structure sk = s.withPositions(p, s.velocities());
                written.add(sk);
                w.write(new Frame(sk, 5.0 * k, 5L * k));
            }
        }
        List<Frame> back = readAll(f, 0.5, null);
        assertThat(back).as("seed " + seed).hasSize(nFrames);
        for (int k = 0; k < nFrames; k++) {
            IoFixtures.assertSameStructure(back.get(k).structure(), LammpsData.toLammpsOrientation(written.get(k)), 1e-6,
                    "seed " + seed + " frame " + k);
            assertThat(back.get(k).timeFs()).as("seed " + seed).isEqualTo(2.5 * k);
        }
    }

    private static final String GOOD = """
            ITEM: TIMESTEP
            0
            ITEM: NUMBER OF ATOMS
            2
            ITEM: BOX BOUNDS pp pp pp
            0 4
            0 4
            0 4
            ITEM: ATOMS id element x y z
            2 Na 1 1 1
            1 Cl 0 0 0
            ITEM: TIMESTEP
            5
            ITEM: NUMBER OF ATOMS
            2
            ITEM: BOX BOUNDS pp pp pp
            0 4
            0 4
            0 4
            ITEM: ATOMS id element x y z
            2 Na 1 1 1.5
            1 Cl 0 0 0
            """;

    @Test
    void sortsAtomsByIdAndUsesStepNumberWithoutTimestep() {
        List<Frame> f = readAll(tmpFile(GOOD), 0, null);
        assertThat(f.get(0).structure().speciesArray()).containsExactly(Element.CL, Element.NA);
        assertThat(f.get(1).timeFs()).isEqualTo(5.0);
        assertThat(f.get(1).structure().x(1, 2)).isEqualTo(1.5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "bad number|2 Na 1 1 1.5|2 Na 1 1 1.5.5|21",
        "missing column|2 Na 1 1 1.5|2 Na 1 1|21",
        "unknown element|2 Na 1 1 1.5|2 Xq 1 1 1.5|21",
        "not an item|ITEM: TIMESTEP\n5|TIMESTEP\n5|12",
        "atom count changes|2\nITEM: BOX BOUNDS pp pp pp\n0 4\n0 4\n0 4\nITEM: ATOMS id element x y z\n2 Na 1 1 1.5|1\nITEM: BOX BOUNDS pp pp pp\n0 4\n0 4\n0 4\nITEM: ATOMS id element x y z\n2 Na 1 1 1.5|15",
        "truncated|1 Cl 0 0 0\n|\n|22",
        "no positions|ITEM: ATOMS id element x y z\n2 Na 1 1 1.5|ITEM: ATOMS id element q\n2 Na 1|20"})
    void malformedDumpNamesTheLine(String spec) {
        String[] p = spec.split("\\|", -1);
        int last = GOOD.lastIndexOf(p[1]);
        String text = GOOD.substring(0, last) + p[2] + GOOD.substring(last + p[1].length());
        Path f = tmpFile(text);
        assertThatThrownBy(() -> readAll(f, 1.0, null)).as(p[0]).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).as(p[0] + ": " + e.getMessage()).isEqualTo(Integer.parseInt(p[3])));
    }

    private Path tmpFile(String text) {
        try {
            return IoFixtures.write(tmp, "x" + text.hashCode() + ".lammpstrj", text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
