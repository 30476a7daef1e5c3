package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

class XdatcarTest {
    @TempDir Path dir;

    static List<Frame> readAll(TrajectoryReader r) {
        List<Frame> frames = new ArrayList<>();
        try (r) {
            while (r.hasNext()) frames.add(r.next());
        }
        return frames;
    }

    static TrajectoryReader parse(String text) {
        return Xdatcar.open(new BufferedReader(new StringReader(text)), "XDATCAR", 0);
    }

    @Test
    void readsConstantCellFileAsVasp54WritesIt() {
        List<Frame> frames = readAll(Xdatcar.open(PoscarTest.fixture("XDATCAR_constant"), 2.0));
        assertThat(frames).hasSize(3);
        Frame last = frames.get(2);
        assertThat(last.step()).isEqualTo(3);
        assertThat(last.timeFs()).isEqualTo(6.0);
        Structure s = last.structure();
        assertThat(s.formula()).isEqualTo("Na3OBH4");
        assertThat(s.lattice().get(1, 1)).isEqualTo(4.4903);
        assertThat(frames.get(0).structure().x(0, 1)).isCloseTo(0.48156829 * 4.4903, within(1e-12));
        assertThat(s.hasVelocities()).isFalse();
    }

    @Test
    void readsVariableCellFileWithRepeatedHeaders() {
        List<Frame> frames = readAll(Xdatcar.open(PoscarTest.fixture("XDATCAR_variable"), 0));
        assertThat(frames).extracting(Frame::step).containsExactly(1L, 2L, 3L);
        // No timestep: time is the configuration number.
        assertThat(frames).extracting(Frame::timeFs).containsExactly(1.0, 2.0, 3.0);
        assertThat(frames).extracting(f -> f.structure().lattice().get(0, 0)).containsExactly(4.4903, 4.4951, 4.5012);
        assertThat(frames.get(2).structure().lattice().get(1, 0)).isCloseTo(0.0369, within(1e-12));
        Structure s = frames.get(1).structure();
        double[] f = s.fractionalPositions();
        assertThat(f[0]).isCloseTo(s.lattice().toFractional(s.position(0))[0], within(1e-12));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.paddlewheel.io.RandomStructures#seeds")
    void randomTrajectoriesRoundTrip(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Lattice l = RandomStructures.lattice(rnd);
        Structure s0 = RandomStructures.structure(rnd, l, false, false, false).groupedBySpecies();
        boolean variableCell = rnd.nextBoolean();
        int nFrames = rnd.nextInt(1, 8);
        List<Frame> written = new ArrayList<>();
        Path file = dir.resolve("XDATCAR_" + seed);
        try (TrajectoryWriter w = Xdatcar.create(file)) {
            for (int k = 0; k < nFrames; k++) {
                Lattice lk = variableCell && k % 2 == 1 ? RandomStructures.lattice(rnd) : l;
                // same species as frame 0, new positions in the (possibly new) cell
                double[] f = new double[3 * s0.size()];
                for (int i = 0; i < f.length; i++) f[i] = rnd.nextDouble(-0.2, 1.2);
                Structure frame = Structure.ofFractional(lk, s0.speciesArray(), f);
                Frame fr = new Frame(frame, (k + 1) * 0.5, k + 1);
                written.add(fr);
                w.write(fr);
            }
        }
        List<Frame> read = readAll(Xdatcar.open(file, 0.5));
        assertThat(read).as("seed " + seed).hasSize(nFrames);
        for (int k = 0; k < nFrames; k++) {
            RandomStructures.assertSameStructure(read.get(k).structure(), written.get(k).structure(), "seed " + seed + " frame " + k);
            assertThat(read.get(k).step()).as("seed " + seed).isEqualTo(written.get(k).step());
            assertThat(read.get(k).timeFs()).as("seed " + seed).isCloseTo(written.get(k).timeFs(), within(1e-12));
        }
    }

    @Test
    void writerRepeatsHeaderOnlyWhenTheCellChanges() throws Exception {
        Lattice a = Lattice.cubic(4), b = Lattice.cubic(4.1);
        Structure s = Structure.builder(a).add(Element.NA, 0, 0, 0).add(Element.CL, 2, 2, 2).build();
        Path file = dir.resolve("XDATCAR");
        try (TrajectoryWriter w = Xdatcar.create(file)) {
            w.write(new Frame(s, 0, 0));
            w.write(new Frame(s, 1, 1));
            w.write(new Frame(s.withLattice(b), 2, 2));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.stream().filter(x -> x.startsWith("Direct configuration="))).containsExactly(
                "Direct configuration=     1", "Direct configuration=     2", "Direct configuration=     3");
        assertThat(lines.stream().filter(x -> x.trim().equals("Na   Cl") || x.trim().equals("Na Cl"))).hasSize(2);
        assertThat(lines).hasSize(7 + 3 + 3 + 7 + 3);
    }

    @Test
    void failedWriteLeavesNoFile() throws Exception {
        Path file = dir.resolve("XDATCAR");
        Structure s = Structure.builder(Lattice.cubic(4)).add(Element.NA, 0, 0, 0).build();
        Structure other = Structure.builder(Lattice.cubic(4)).add(Element.CL, 0, 0, 0).build();
        TrajectoryWriter w = Xdatcar.create(file);
        w.write(new Frame(s, 0, 1));
        assertThatThrownBy(() -> w.write(new Frame(other, 1, 2))).isInstanceOf(IllegalArgumentException.class);
        w.close();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void streamsTwoThousandFramesAndFailsLazilyAtACorruptLastFrame() throws Exception {
        Lattice l = Lattice.cubic(10);
        Path file = dir.resolve("XDATCAR_long");
        int n = 2000;
        try (TrajectoryWriter w = Xdatcar.create(file)) {
            for (int k = 1; k <= n; k++) {
                Structure s = Structure.builder(l).add(Element.NA, k * 1e-3, 0, 0).add(Element.O, 5, 5, 5).add(Element.O, 1, 2, 3).build();
                w.write(new Frame(s, k, k));
            }
        }
        int count = 0;
        Frame last = null;
        try (TrajectoryReader r = Xdatcar.open(file, 1.0)) {
            assertThat(r.atomCount()).isEqualTo(3);
            while (r.hasNext()) { last = r.next(); count++; }
        }
        assertThat(count).isEqualTo(n);
        assertThat(last.step()).isEqualTo(n);
        assertThat(last.structure().x(0, 0)).isCloseTo(2.0, within(1e-9));

        // Corrupt the very last coordinate: every earlier frame still comes out before the error,
        // so the reader parses frame by frame instead of loading the file.
        List<String> lines = Files.readAllLines(file);
        int bad = lines.size();
        lines.set(bad - 1, "  0.1 0.2 oops");
        Files.write(file, lines);
        int seen = 0;
        try (TrajectoryReader r = Xdatcar.open(file, 1.0)) {
            for (; seen < n - 1; seen++) r.next();
            assertThatThrownBy(r::hasNext).isInstanceOf(InputException.class)
                    .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(bad))
                    .hasMessageContaining("position of atom 3 of configuration 2000");
        }
        assertThat(seen).isEqualTo(n - 1);
    }

    private static final String HEAD = "NaCl\n 1\n 4 0 0\n 0 4 0\n 0 0 4\n Na Cl\n 1 1\n";

    @Test
    void cartesianConfigurationsAreScaled() {
        String text = HEAD.replace("\n 1\n", "\n 2.0\n") + "Cartesian configuration=     7\n 1 1 1\n 2 2 2\n";
        Frame f = readAll(parse(text)).get(0);
        assertThat(f.step()).isEqualTo(7);
        assertThat(f.structure().lattice().get(0, 0)).isEqualTo(8.0);
        assertThat(f.structure().position(1)).containsExactly(4, 4, 4);
    }

    @Test
    void truncatedFrameReportsTheLineAfterTheEnd() {
        TrajectoryReader r = parse(HEAD + "Direct configuration=     1\n 0 0 0\n 0.5 0.5 0.5\nDirect configuration=     2\n 0 0 0\n");
        r.next();
        assertThatThrownBy(r::next).isInstanceOf(InputException.class).hasMessageContaining("end of file")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(13));
    }

    @Test
    void variableCellHeaderWithOtherAtomsIsRejected() {
        TrajectoryReader r = parse(HEAD + "Direct configuration=     1\n 0 0 0\n 0.5 0.5 0.5\n" + HEAD.replace(" 1 1\n", " 2 1\n")
                + "Direct configuration=     2\n 0 0 0\n 0 0 0\n 0.5 0.5 0.5\n");
        r.next();
        assertThatThrownBy(r::next).isInstanceOf(InputException.class).hasMessageContaining("same species and counts")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(16));
    }

    @Test
    void badConfigurationLineAfterHeader() {
        assertThatThrownBy(() -> parse(HEAD + " 0 0 0\n").next()).isInstanceOf(InputException.class)
                .hasMessageContaining("expected 'Direct configuration=     N', got '0 0 0'")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(8));
        TrajectoryReader r = parse(HEAD + "Direct configuration=     1\n 0 0 0\n 0.5 0.5 0.5\n 0.1 0.1 0.1\n");
        r.next();
        assertThatThrownBy(r::next).isInstanceOf(InputException.class).hasMessageContaining("after 2 atoms")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(11));
    }

    @Test
    void badLatticeInHeaderFailsAtOpen() {
        assertThatThrownBy(() -> parse("NaCl\n 1\n 4 0 0\n 0 4\n 0 0 4\n Na Cl\n 1 1\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("expected 3 numbers for lattice vector b, got '0 4'")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(4));
    }
}
