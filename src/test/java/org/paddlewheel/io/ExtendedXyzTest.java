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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;

class ExtendedXyzTest {
    @TempDir Path dir;

    static TrajectoryReader parse(String text, double timestepFs, Lattice lattice) {
        return ExtendedXyz.open(new BufferedReader(new StringReader(text)), "test.extxyz", timestepFs, lattice);
    }

    static List<Frame> readAll(TrajectoryReader r) {
        return XdatcarTest.readAll(r);
    }

    @Test
    void aseVelocityUnitIsAseFemtosecond() {
        // ase.units.fs = 1e-15 * 1e10 * sqrt(e / amu_kg): 0.0982269475 with CODATA 2018 constants,
        // 0.09822694788464063 in ASE's CODATA 2014 default.
        assertThat(ExtendedXyz.ASE_VELOCITY_TO_A_PER_FS).isCloseTo(1e-5 * Math.sqrt(Units.EV_J / Units.AMU_KG), within(1e-15));
        assertThat(ExtendedXyz.ASE_VELOCITY_TO_A_PER_FS).isCloseTo(0.09822694788464063, within(1e-9));
        // Kinetic energy is the same in both unit systems: ASE's ½·m·v² is already in eV.
        double vAse = 0.37, m = Element.NA.massAmu();
        double vAPerFs = vAse * ExtendedXyz.ASE_VELOCITY_TO_A_PER_FS;
        assertThat(0.5 * m * vAPerFs * vAPerFs * Units.AMU_A2_PER_FS2_TO_EV).isCloseTo(0.5 * m * vAse * vAse, within(1e-12));
    }

    @Test
    void readsAseWriteOutputWithMomentaForcesAndCalculatorKeys() {
        List<Frame> frames = readAll(ExtendedXyz.open(PoscarTest.fixture("ase_Na3OBH4.extxyz"), 2.0));
        assertThat(frames).hasSize(2);
        assertThat(frames).extracting(Frame::step).containsExactly(0L, 1L);
        assertThat(frames).extracting(Frame::timeFs).containsExactly(0.0, 2.0);
        Structure s = frames.get(0).structure();
        assertThat(s.formula()).isEqualTo("Na3OBH4");
        assertThat(s.lattice().rowMajor()).containsExactly(4.4903, 0, 0, 0, 4.4903, 0, 0, 0, 4.4903);
        assertThat(s.position(0)).containsExactly(2.21382124, 2.28150815, 0.02752572);
        // momenta (amu · ASE velocity) → Å/fs via the standard mass of Na (ASE's differs by < 1e-6 relative).
        double c = ExtendedXyz.ASE_VELOCITY_TO_A_PER_FS;
        assertThat(s.velocities()[0]).isCloseTo(-0.28681418 / 22.990 * c, within(1e-9));
        assertThat(s.velocities()[3 * 8 + 2]).isCloseTo(0.37377847 / Element.H.massAmu() * c, within(1e-9));
        assertThat(ExtendedXyz.read(PoscarTest.fixture("ase_Na3OBH4.extxyz")).size()).isEqualTo(9);
    }

    @Test
    void velColumnsAreAseUnitsAndTimeAndStepAreRead() {
        String text = "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3:vel:R:3 Time=12.5 step=25 pbc=\"T T T\"\n"
                + "Na 0 0 0 1.0 0 0\nCl 2.5 2.5 2.5 0 0 -2.0\n";
        Frame f = readAll(parse(text, 0.5, null)).get(0);
        assertThat(f.timeFs()).isEqualTo(12.5);
        assertThat(f.step()).isEqualTo(25);
        assertThat(f.structure().velocities()[0]).isCloseTo(0.0982269475, within(1e-9));
        assertThat(f.structure().velocities()[5]).isCloseTo(-2 * 0.0982269475, within(1e-9));
        // Without Time= the time is step × timestep.
        Frame g = readAll(parse(text.replace("Time=12.5 ", ""), 0.5, null)).get(0);
        assertThat(g.timeFs()).isEqualTo(12.5);
    }

    @Test
    void unknownColumnsAreSkippedByDeclaredWidth() {
        String text = "2\nlattice={5 0 0 0 5 0 0 0 5} properties=tag:I:1:species:S:1:name:S:2:pos:R:3:masses:R:1:momenta:R:3:forces:R:3 "
                + "comment=\"a \\\"quoted\\\" note\" energy=-1.5 flag\n"
                + "7 Na a b 1 2 3 20.0 2 0 0 0.1 0.2 0.3\n8 B c d 4 3 2 10.0 0 0 0 0 0 0\n";
        Structure s = readAll(parse(text, 0, null)).get(0).structure();
        assertThat(s.speciesArray()).containsExactly(Element.NA, Element.B);
        assertThat(s.position(1)).containsExactly(4, 3, 2);
        // momenta are divided by the masses column when present.
        assertThat(s.velocities()[0]).isCloseTo(0.1 * ExtendedXyz.ASE_VELOCITY_TO_A_PER_FS, within(1e-15));
    }

    @Test
    void atomicNumbersAndMoveMask() {
        String text = "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=Z:I:1:pos:R:3:move_mask:L:3\n11 0 0 0 T F T\n8 1 1 1 F F F\n";
        Structure s = readAll(parse(text, 0, null)).get(0).structure();
        assertThat(s.speciesArray()).containsExactly(Element.NA, Element.O);
        assertThat(s.isFree(0, 1)).isFalse();
        assertThat(s.isFree(0, 2)).isTrue();
        assertThat(s.isFree(1, 0)).isFalse();
    }

    @Test
    void plainXyzNeedsACell() {
        String text = "2\nwater-free salt\nNa 0 0 0\nCl 2.5 2.5 2.5\n";
        assertThatThrownBy(() -> parse(text, 0, null)).isInstanceOf(InputException.class)
                .hasMessageContaining("Lattice=")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
        Structure s = ExtendedXyz.read(new BufferedReader(new StringReader(text)), "plain.xyz", Lattice.cubic(5));
        assertThat(s.lattice()).isEqualTo(Lattice.cubic(5));
        assertThat(s.position(1)).containsExactly(2.5, 2.5, 2.5);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.paddlewheel.io.RandomStructures#seeds")
    void randomStructuresAndTrajectoriesRoundTrip(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Structure s = RandomStructures.structure(rnd, RandomStructures.lattice(rnd), rnd.nextBoolean(), rnd.nextBoolean(), false);
        Path single = dir.resolve("single_" + seed + ".extxyz");
        ExtendedXyz.write(single, s);
        RandomStructures.assertSameStructure(ExtendedXyz.read(single), s, "seed " + seed);

        Path traj = dir.resolve("traj_" + seed + ".extxyz");
        List<Frame> written = new ArrayList<>();
        try (TrajectoryWriter w = ExtendedXyz.create(traj)) {
            for (int k = 0; k < rnd.nextInt(1, 6); k++) {
                Lattice lk = k == 0 ? s.lattice() : RandomStructures.lattice(rnd);
                double[] f = new double[3 * s.size()];
                for (int i = 0; i < f.length; i++) f[i] = rnd.nextDouble(-0.3, 1.3);
                Structure sk = s.withLattice(lk).withPositions(lk.toCartesianAll(f), s.velocities());
                Frame fr = new Frame(sk, rnd.nextDouble(0, 1e5), rnd.nextLong(0, 1_000_000));
                written.add(fr);
                w.write(fr);
            }
        }
        List<Frame> read = readAll(ExtendedXyz.open(traj, 1.0));
        assertThat(read).as("seed " + seed).hasSize(written.size());
        for (int k = 0; k < read.size(); k++) {
            RandomStructures.assertSameStructure(read.get(k).structure(), written.get(k).structure(), "seed " + seed + " frame " + k);
            assertThat(read.get(k).timeFs()).as("seed " + seed).isEqualTo(written.get(k).timeFs());
            assertThat(read.get(k).step()).as("seed " + seed).isEqualTo(written.get(k).step());
        }
    }

    @Test
    void writerOutputShape() throws Exception {
        Structure s = Structure.builder(Lattice.cubic(5)).add(Element.NA, 0, 0, 0).velocity(0, 0.01, 0, 0).build();
        Path file = dir.resolve("out.extxyz");
        try (TrajectoryWriter w = ExtendedXyz.create(file)) {
            w.write(new Frame(s, 2.5, 5));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("1");
        assertThat(lines.get(1)).isEqualTo("Lattice=\"5.0 0.0 0.0 0.0 5.0 0.0 0.0 0.0 5.0\" "
                + "Properties=species:S:1:pos:R:3:vel:R:3 Time=2.5 step=5 pbc=\"T T T\"");
        assertThat(lines.get(2)).startsWith("Na ");
    }

    @ParameterizedTest(name = "line {0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1 | abc\\nLattice='4 0 0 0 4 0 0 0 4'\\nNa 0 0 0\\n | number of atoms",
        "2 | 1\\nLattice='4 0 0 0 4 0 0'\\nNa 0 0 0\\n | 9 numbers for Lattice",
        "2 | 1\\nLattice='4 0 0 0 0 4 0 4 0'\\nNa 0 0 0\\n | left-handed",
        "2 | 1\\nLattice='4 0 0 0 4 0 0 0 4\\nNa 0 0 0\\n | closing",
        "2 | 1\\nLattice='4 0 0 0 4 0 0 0 4' Properties=species:S:1:pos:Q:3\\nNa 0 0 0\\n | property type",
        "2 | 1\\nLattice='4 0 0 0 4 0 0 0 4' Properties=species:S:1\\nNa\\n | pos:R:3",
        "3 | 1\\nLattice='4 0 0 0 4 0 0 0 4'\\nNa 0 0\\n | expected 4 columns",
        "3 | 1\\nLattice='4 0 0 0 4 0 0 0 4'\\nXx 0 0 0\\n | unknown element 'Xx'",
        "3 | 1\\nLattice='4 0 0 0 4 0 0 0 4'\\nNa 0 zero 0\\n | y of atom 1",
        "4 | 2\\nLattice='4 0 0 0 4 0 0 0 4'\\nNa 0 0 0\\n | end of file",
        "2 | 1\\nLattice='4 0 0 0 4 0 0 0 4' Time=soon\\nNa 0 0 0\\n | number for Time",
    })
    void malformedInputNamesLineAndExpectation(int line, String text, String expected) {
        String input = text.replace("\\n", "\n").replace('\'', '"');
        assertThatThrownBy(() -> readAll(parse(input, 0, null)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(line));
    }

    @Test
    void laterFrameWithOtherAtomCountIsRejected() {
        String f1 = "1\nLattice=\"4 0 0 0 4 0 0 0 4\"\nNa 0 0 0\n";
        TrajectoryReader r = parse(f1 + "2\nLattice=\"4 0 0 0 4 0 0 0 4\"\nNa 0 0 0\nNa 1 1 1\n", 0, null);
        r.next();
        assertThatThrownBy(r::hasNext).isInstanceOf(InputException.class).hasMessageContaining("expected 1 atoms as in the first frame")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(4));
    }

    @Test
    void streamsTwoThousandFrames() throws Exception {
        Path file = dir.resolve("long.extxyz");
        int n = 2000;
        try (TrajectoryWriter w = ExtendedXyz.create(file)) {
            for (int k = 0; k < n; k++) {
                Structure s = Structure.builder(Lattice.cubic(10)).add(Element.NA, k * 1e-3, 0, 0).add(Element.B, 5, 5, 5).build();
                w.write(new Frame(s, k * 0.5, k));
            }
        }
        int count = 0;
        Frame last = null;
        try (TrajectoryReader r = ExtendedXyz.open(file, 0.5)) {
            assertThat(r.atomCount()).isEqualTo(2);
            while (r.hasNext()) { last = r.next(); count++; }
        }
        assertThat(count).isEqualTo(n);
        assertThat(last.step()).isEqualTo(n - 1);
        assertThat(last.timeFs()).isEqualTo((n - 1) * 0.5);
        assertThat(last.structure().x(0, 0)).isCloseTo(1.999, within(1e-9));

        // Corrupt the last line: all earlier frames are delivered first (frame-by-frame parsing).
        List<String> lines = Files.readAllLines(file);
        lines.set(lines.size() - 1, "B 5 5");
        Files.write(file, lines);
        try (TrajectoryReader r = ExtendedXyz.open(file, 0.5)) {
            for (int k = 0; k < n - 1; k++) r.next();
            assertThatThrownBy(r::hasNext).isInstanceOf(InputException.class)
                    .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(4 * n));
        }
    }

    @Test
    void failedWriteLeavesNoFile() throws Exception {
        Path file = dir.resolve("bad.extxyz");
        Structure a = Structure.builder(Lattice.cubic(4)).add(Element.NA, 0, 0, 0).build();
        Structure b = Structure.builder(Lattice.cubic(4)).add(Element.NA, 0, 0, 0).add(Element.NA, 1, 1, 1).build();
        TrajectoryWriter w = ExtendedXyz.create(file);
        w.write(new Frame(a, 0, 0));
        assertThatThrownBy(() -> w.write(new Frame(b, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        w.close();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
