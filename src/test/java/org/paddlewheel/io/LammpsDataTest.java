package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

class LammpsDataTest {
    @TempDir Path tmp;

    @Test
    void readsWriteDataOutputOfLammpsFullStyleTriclinic() {
        LammpsData.Content c = LammpsData.read(IoFixtures.resource("lammps/data_full_tri.data"));
        Structure s = c.structure();
        assertThat(c.typeOrder()).containsExactly(Element.NA, Element.B, Element.H); // nearest masses
        assertThat(s.lattice().rowMajor()).containsExactly(new double[] {6, 0, 0, 1, 6.5, 0, 0.5, -0.3, 7}, within(1e-12));
        assertThat(s.speciesArray()).containsExactly(Element.NA, Element.B, Element.H, Element.H, Element.H, Element.H);
        // atom 1: x + image (0 0 -1) → x − c
        assertThat(s.position(0)).containsExactly(new double[] {1.4562972088334538 - 0.5, 2.734912419197176 + 0.3,
            6.754200387139873 - 7}, within(1e-12));
        assertThat(s.position(1)).containsExactly(new double[] {2.861143702723279 - 1, 5.258720186192972 - 6.5,
            4.005780129254586}, within(1e-12));
        // metal velocities Å/ps → Å/fs
        assertThat(s.velocities()[0]).isCloseTo(3.7814860441672544e-3, within(1e-15));
        LammpsData.Topology t = c.topology();
        assertThat(t.moleculeIds()).containsExactly(1, 2, 2, 2, 2, 2);
        assertThat(t.charges()).containsExactly(new double[] {1, 0.2, -0.3, -0.3, -0.3, -0.3}, within(1e-12));
        assertThat(t.bonds()).hasNumberOfRows(4);
        assertThat(t.bonds()[0]).containsExactly(1, 1, 2);
        assertThat(t.angles()).hasNumberOfRows(6);
        assertThat(t.angles()[5]).containsExactly(1, 4, 1, 5);
        // the distance between atoms 2 and 3 (B–H) is the 1.2 Å bond as built
        double[] bh = s.lattice().minimumImage(new double[] {s.x(2, 0) - s.x(1, 0), s.x(2, 1) - s.x(1, 1), s.x(2, 2) - s.x(1, 2)});
        assertThat(Math.sqrt(bh[0] * bh[0] + bh[1] * bh[1] + bh[2] * bh[2])).isBetween(0.5, 2.5);
    }

    @Test
    void readsWriteDataOutputOfLammpsAtomicStyle() {
        LammpsData.Content c = LammpsData.read(IoFixtures.resource("lammps/data_atomic_ortho.data"));
        assertThat(c.topology()).isNull();
        assertThat(c.typeOrder()).containsExactly(Element.NA, Element.CL);
        assertThat(c.structure().lattice().isOrthorhombic()).isTrue();
        assertThat(c.structure().position(0)).containsExactly(new double[] {1.2932028319701792, 1.04332512023536,
            2.7545473569119787 - 5.64}, within(1e-12));
    }

    @Test
    void roundTripsOrthorhombicWithVelocities() {
        Structure s = Structure.builder(Lattice.orthorhombic(5, 6, 7))
                .add(Element.NA, 1, 2, 3).add(Element.CL, -1, 8, 3.5).add(Element.NA, 12, 0, 0)
                .velocity(0, 0.01, -0.02, 0.03).velocity(1, 0, 0, 0).velocity(2, 1e-3, 2e-3, 3e-3).build();
        Path f = tmp.resolve("nacl.data");
        LammpsData.writeAtomic(f, s, null);
        LammpsData.Content c = LammpsData.read(f);
        IoFixtures.assertSameStructure(c.structure(), s, 1e-9, "orthorhombic");
        assertThat(c.typeOrder()).containsExactly(Element.NA, Element.CL);
    }

    @Test
    void typeOrderControlsTypeNumbersAndMassComments() throws IOException {
        Structure s = Structure.builder(Lattice.cubic(4)).add(Element.NA, 0, 0, 0).add(Element.CL, 2, 2, 2).build();
        Path f = tmp.resolve("t.data");
        LammpsData.writeAtomic(f, s, List.of(Element.LI, Element.CL, Element.NA));
        String text = Files.readString(f);
        assertThat(text).contains("3 atom types", "1 6.940000 # Li", "3 22.990000 # Na", "Atoms # atomic");
        assertThat(text).containsPattern("\n1 3 0\\.0+ ");
        LammpsData.Content c = LammpsData.read(f);
        assertThat(c.typeOrder()).containsExactly(Element.LI, Element.CL, Element.NA);
        assertThat(c.structure().speciesArray()).containsExactly(Element.NA, Element.CL);
        assertThatThrownBy(() -> LammpsData.writeAtomic(f, s, List.of(Element.NA)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cl");
    }

    @Test
    void fullStyleRoundTripsTopologyAndTypeNames() throws IOException {
        Structure s = Structure.builder(Lattice.fromParameters(7, 7.5, 8, 80, 95, 110))
                .add(Element.NA, 0.5, 0.5, 0.5).add(Element.B, 3, 3, 3).add(Element.H, 3.7, 3.7, 3.7)
                .add(Element.H, 2.3, 2.3, 3.7).build();
        LammpsData.Topology top = new LammpsData.Topology(new int[] {1, 2, 2, 2}, new double[] {1, -0.2, -0.4, -0.4},
                new int[][] {{1, 1, 2}, {1, 1, 3}}, new int[][] {{1, 2, 1, 3}}, List.of("B-H"), List.of("H-B-H"));
        Path f = tmp.resolve("full.data");
        LammpsData.writeFull(f, s, List.of(Element.NA, Element.B, Element.H), top);
        assertThat(Files.readString(f)).contains("Atoms # full", "# bond type 1 = B-H", "1 1 2 3 # B-H", "1 1 3 2 4 # H-B-H");
        LammpsData.Content c = LammpsData.read(f);
        IoFixtures.assertSameStructure(c.structure(), s, 1e-9, "full");
        LammpsData.Topology t = c.topology();
        assertThat(t.moleculeIds()).containsExactly(1, 2, 2, 2);
        assertThat(t.charges()).containsExactly(new double[] {1, -0.2, -0.4, -0.4}, within(1e-12));
        assertThat(t.bonds()).isDeepEqualTo(top.bonds());
        assertThat(t.angles()).isDeepEqualTo(top.angles());
        assertThat(t.bondTypeNames()).containsExactly("B-H");
        assertThat(t.angleTypeNames()).containsExactly("H-B-H");
    }

    /** Two H types (H on B, H on N) written with explicit per-atom types; read back by element (positions to 1e-9 Å). */
    @Test
    void explicitTypesAllowTwoTypesOfOneElement() throws IOException {
        Structure s = Structure.builder(Lattice.cubic(8)).add(Element.B, 1, 1, 1).add(Element.H, 2.2, 1, 1)
                .add(Element.N, 5, 5, 5).add(Element.H, 6, 5, 5).build();
        List<LammpsData.AtomType> types = List.of(new LammpsData.AtomType(Element.B, 10.81, "B"),
                new LammpsData.AtomType(Element.H, 1.008, "Hb"), new LammpsData.AtomType(Element.N, 14.007, "N"),
                new LammpsData.AtomType(Element.H, 1.008, "Hn"), new LammpsData.AtomType(Element.LI, 6.94, "Li"));
        Path f = tmp.resolve("typed.data");
        LammpsData.writeFull(f, s, new int[] {1, 2, 3, 4}, types, null);
        String text = Files.readString(f);
        assertThat(text).contains("5 atom types", "2 1.008000 # H Hb", "4 1.008000 # H Hn", "1 10.810000 # B\n".translateEscapes());
        assertThat(text).containsPattern("\n4 0 4 ");
        LammpsData.Content c = LammpsData.read(f);
        assertThat(c.typeOrder()).containsExactly(Element.B, Element.H, Element.N, Element.H, Element.LI);
        IoFixtures.assertSameStructure(c.structure(), s, 1e-9, "typed");
        assertThatThrownBy(() -> LammpsData.writeFull(f, s, new int[] {1, 3, 3, 4}, types, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("atom 2");
    }

    static List<Long> seeds() {
        return java.util.stream.LongStream.range(1, 41).boxed().toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomGeneralCellsRoundTripInLammpsOrientation(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Structure s = IoFixtures.randomStructure(rnd, IoFixtures.randomGeneralCell(rnd), rnd.nextBoolean());
        Structure oriented = LammpsData.toLammpsOrientation(s);
        String ctx = "seed " + seed;
        // the rotation is rigid: cell shape and inter-atomic distances are unchanged
        assertThat(oriented.lattice().lengths()).as(ctx).containsExactly(s.lattice().lengths(), within(1e-9));
        assertThat(oriented.lattice().anglesDeg()).as(ctx).containsExactly(s.lattice().anglesDeg(), within(1e-7));
        assertThat(IoFixtures.distancesFromFirst(oriented)).as(ctx).containsExactly(IoFixtures.distancesFromFirst(s), within(1e-9));
        assertThat(oriented.fractionalPositions()).as(ctx).containsExactly(s.fractionalPositions(), within(1e-9));
        Path f = tmp.resolve("r" + seed + ".data");
        if (rnd.nextBoolean()) {
            LammpsData.writeAtomic(f, s, null);
        } else {
            double[] q = new double[s.size()];
            for (int i = 0; i < q.length; i++) q[i] = rnd.nextGaussian();
            LammpsData.writeFull(f, s, null, LammpsData.Topology.ofCharges(q));
            assertThat(LammpsData.read(f).topology().charges()).as(ctx).containsExactly(q, within(1e-9));
        }
        IoFixtures.assertSameStructure(LammpsData.read(f).structure(), oriented, 1e-6, ctx);
    }

    @Test
    void massWithoutCommentMapsToNearestElementAndCommentWins() throws IOException {
        Path f = IoFixtures.write(tmp, "m.data", """
                title

                2 atoms
                2 atom types
                0 4 xlo xhi
                0 4 ylo yhi
                0 4 zlo zhi

                Masses

                1 11.009
                2 2.014 # D

                Atoms

                1 1 0 0 0
                2 2 1 1 1
                """);
        LammpsData.Content c = LammpsData.read(f);
        assertThat(c.typeOrder()).containsExactly(Element.B, Element.D);
        assertThat(LammpsData.read(f, List.of(Element.C, Element.H)).typeOrder()).containsExactly(Element.C, Element.H);
    }

    private static final String GOOD = """
            title

            2 atoms
            1 atom types
            0 4 xlo xhi
            0 4 ylo yhi
            0 4 zlo zhi

            Masses

            1 22.99

            Atoms # atomic

            1 1 0 0 0
            2 1 1 1 1
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "bad coordinate|2 1 1 1 1|2 1 1 x 1|16",
        "type out of range|2 1 1 1 1|2 2 1 1 1|16",
        "unknown header|1 atom types|1 atom kinds|4",
        "bad box|0 4 ylo yhi|0 four ylo yhi|6",
        "too few atom lines|2 1 1 1 1\n|\n|17",
        "wrong column count|1 1 0 0 0|1 1 0 0|15",
        "unknown section|Masses|Wombats|9"})
    void malformedInputNamesTheLine(String spec) throws IOException {
        String[] p = spec.split("\\|", -1);
        Path f = IoFixtures.write(tmp, "bad.data", GOOD.replace(p[1], p[2]));
        assertThatThrownBy(() -> LammpsData.read(f)).as(p[0]).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).as(p[0] + ": " + e.getMessage()).isEqualTo(Integer.parseInt(p[3])));
    }
}
