package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
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
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;
import org.rcsb.cif.CifIO;
import org.rcsb.cif.schema.StandardSchemata;
import org.rcsb.cif.schema.core.CifCoreBlock;
import org.rcsb.cif.schema.core.CifCoreFile;

class CifTest {
    @TempDir Path tmp;

    /** Sorted fractional positions of one element, as "x y z" strings rounded to 1e-4. */
    static List<String> sites(Structure s, Element e) {
        List<String> out = new ArrayList<>();
        double[] f = s.fractionalPositions();
        for (int i : s.indicesOf(e)) {
            out.add(String.format(java.util.Locale.ROOT, "%.4f %.4f %.4f", f[3 * i], f[3 * i + 1], f[3 * i + 2]));
        }
        out.sort(null);
        return out;
    }

    @Test
    void rockSaltFromFm3mWith192OperatorsExpandsToEightAtoms() {
        Cif.Result r = Cif.readWithWarnings(IoFixtures.resource("cif/NaCl_Fm-3m_pymatgen.cif"));
        Structure s = r.structure();
        assertThat(s.size()).isEqualTo(8);
        assertThat(r.warnings()).isEmpty();
        assertThat(s.lattice().lengths()).containsExactly(new double[] {5.6402, 5.6402, 5.6402}, within(1e-12));
        assertThat(sites(s, Element.NA)).containsExactly("0.0000 0.0000 0.0000", "0.0000 0.5000 0.5000",
                "0.5000 0.0000 0.5000", "0.5000 0.5000 0.0000");
        assertThat(sites(s, Element.CL)).containsExactly("0.0000 0.0000 0.5000", "0.0000 0.5000 0.0000",
                "0.5000 0.0000 0.0000", "0.5000 0.5000 0.5000");
        assertThat(s.label(0)).isEqualTo("Na0");
        // nearest Na–Cl distance a/2
        assertThat(s.distance(s.indicesOf(Element.NA)[0], s.indicesOf(Element.CL)[0])).isCloseTo(2.8201, within(1e-9));
    }

    @Test
    void vestaAntiperovskiteWithUncertaintiesAndPartialOccupancy() {
        Cif.Result r = Cif.readWithWarnings(IoFixtures.resource("cif/Na3OBH4_Pm-3m_vesta.cif"));
        Structure s = r.structure();
        assertThat(s.lattice().length(0)).isEqualTo(4.4960);
        assertThat(s.composition()).containsEntry(Element.NA, 3).containsEntry(Element.O, 1).containsEntry(Element.B, 1)
                .containsEntry(Element.H, 8);
        assertThat(r.warnings()).singleElement().asString().contains("H1", "0.5", "8 fully occupied");
        assertThat(sites(s, Element.NA)).containsExactly("0.0000 0.0000 0.5000", "0.0000 0.5000 0.0000", "0.5000 0.0000 0.0000");
        assertThat(sites(s, Element.H)).contains("0.6353 0.6353 0.6353", "0.3647 0.3647 0.3647", "0.6353 0.3647 0.3647");
    }

    @Test
    void aseStyleMonoclinicP1() {
        Structure s = Cif.read(IoFixtures.resource("cif/monoclinic_P1_ase.cif"));
        assertThat(s.speciesArray()).containsExactly(Element.NA, Element.NA, Element.CL, Element.B);
        assertThat(s.lattice().anglesDeg()).containsExactly(new double[] {90, 101.5, 90}, within(1e-9));
        assertThat(s.fractionalPositions()).startsWith(new double[] {0.1, 0.2, 0.3}, within(1e-12));
    }

    @Test
    void writtenFileIsReadableByCiftoolsJava() throws IOException {
        Structure s = Structure.builder(Lattice.fromParameters(5, 6, 7, 80, 95, 100)).add(Element.NA, 1, 1, 1)
                .add(Element.CL, -2, 3, 9).build();
        Path f = tmp.resolve("s.cif");
        Cif.write(f, s);
        try (InputStream in = Files.newInputStream(f)) {
            CifCoreFile file = CifIO.readFromInputStream(in).as(StandardSchemata.CIF_CORE);
            CifCoreBlock b = file.getFirstBlock();
            assertThat(b.getCell().getLengthB().get(0)).isCloseTo(6.0, within(1e-9));
            assertThat(b.getCell().getAngleAlpha().get(0)).isCloseTo(80.0, within(1e-9));
            assertThat(b.getAtomSite().getTypeSymbol().values()).containsExactly("Na", "Cl");
            assertThat(b.getAtomSite().getFractZ().get(1)).isBetween(0.0, 1.0);
            assertThat(b.getSpaceGroupSymop().getOperationXyz().get(0)).isEqualTo("x, y, z");
        }
    }

    static List<Long> seeds() { return LongStream.range(1, 31).boxed().toList(); }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomTriclinicStructuresRoundTrip(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Structure s = IoFixtures.randomStructure(rnd, IoFixtures.randomGeneralCell(rnd), false);
        Path f = tmp.resolve("r" + seed + ".cif");
        Cif.write(f, s);
        Cif.Result r = Cif.readWithWarnings(f);
        Structure back = r.structure();
        String ctx = "seed " + seed;
        assertThat(back.lattice().lengths()).as(ctx).containsExactly(s.lattice().lengths(), within(1e-9));
        assertThat(back.lattice().anglesDeg()).as(ctx).containsExactly(s.lattice().anglesDeg(), within(1e-8));
        assertThat(back.speciesArray()).as(ctx).containsExactly(s.speciesArray());
        // same atoms modulo lattice translations: compare in the standard orientation, minimum image
        Structure expected = LammpsData.toLammpsOrientation(s);
        for (int i = 0; i < s.size(); i++) {
            double[] d = back.lattice().minimumImage(new double[] {back.x(i, 0) - expected.x(i, 0),
                back.x(i, 1) - expected.x(i, 1), back.x(i, 2) - expected.x(i, 2)});
            assertThat(Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2])).as(ctx + " atom " + i).isLessThan(1e-6);
            for (int k = 0; k < 3; k++) assertThat(back.fractionalPositions()[3 * i + k]).as(ctx).isBetween(0.0, 1.0);
        }
        // P 1 is exact: a second round trip changes nothing
        Cif.write(f, back);
        IoFixtures.assertSameStructure(Cif.read(f), back, 1e-9, ctx + " second round trip");
    }

    @Test
    void symmetryOperatorForms() {
        assertThat(SymOp.parse("-x+y, y, 1/2+z").apply(new double[] {0.1, 0.3, 0.2}))
                .containsExactly(new double[] {0.2, 0.3, 0.7}, within(1e-12));
        assertThat(SymOp.parse("X-0.25,-Y , +z").apply(new double[] {0.5, 0.5, 0.5}))
                .containsExactly(new double[] {0.25, -0.5, 0.5}, within(1e-12));
        assertThatThrownBy(() -> SymOp.parse("x, y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SymOp.parse("x, y+, z")).isInstanceOf(IllegalArgumentException.class);
    }

    private static final String GOOD = """
            data_test
            _cell_length_a 4.0(1)
            _cell_length_b 4.0
            _cell_length_c 4.0
            _cell_angle_alpha 90
            _cell_angle_beta 90
            _cell_angle_gamma 90
            _symmetry_space_group_name_H-M 'P m -3 m'
            loop_
            _symmetry_equiv_pos_as_xyz
            'x, y, z'
            '-x, -y, -z'
            loop_
            _atom_site_label
            _atom_site_fract_x
            _atom_site_fract_y
            _atom_site_fract_z
            Na1 0.1 0.2 0.3
            Cl1 0.5 0.5 0.5
            """;

    @Test
    void inversionCentreDoublesGeneralSiteAndMergesSpecialOne() throws IOException {
        Structure s = Cif.read(IoFixtures.write(tmp, "ok.cif", GOOD));
        assertThat(s.speciesArray()).containsExactly(Element.NA, Element.NA, Element.CL);
        assertThat(s.fractionalPositions()).containsExactly(new double[] {0.1, 0.2, 0.3, 0.9, 0.8, 0.7, 0.5, 0.5, 0.5}, within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "bad cell number|4.0(1)|4.0x|2",
        "bad operator|'-x, -y, -z'|'-x, -q, -z'|12",
        "unterminated quote|'-x, -y, -z'|'-x, -y, -z|12",
        "loop size|Cl1 0.5 0.5 0.5|Cl1 0.5 0.5|19",
        "unknown element|Cl1 0.5|Qq1 0.5|19",
        "bad coordinate|Na1 0.1 0.2|Na1 0.1 0.2.2|18",
        "named group without operators|loop_\n_symmetry_equiv_pos_as_xyz\n'x, y, z'\n'-x, -y, -z'\n||8"})
    void malformedCifNamesTheLine(String spec) throws IOException {
        String[] p = spec.split("\\|", -1);
        Path f = IoFixtures.write(tmp, "bad.cif", GOOD.replace(p[1], p[2]));
        assertThatThrownBy(() -> Cif.read(f)).as(p[0]).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).as(p[0] + ": " + e.getMessage()).isEqualTo(Integer.parseInt(p[3])));
    }
}
