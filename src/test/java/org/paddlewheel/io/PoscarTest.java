package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

class PoscarTest {
    @TempDir Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(PoscarTest.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Structure parse(String text) {
        return Poscar.read(new BufferedReader(new StringReader(text)), "test.vasp");
    }

    private static final String HEAD = "Na2 O\n 1.0\n 4 0 0\n 0 4 0\n 0 0 4\n Na O\n 2 1\n";

    @Test
    void readsVaspContcarWithSelectiveDynamicsAndVelocities() {
        Structure s = Poscar.read(fixture("CONTCAR_Na3OBH4"));
        assertThat(s.formula()).isEqualTo("Na3OBH4");
        assertThat(s.lattice().get(0, 0)).isCloseTo(4.4903, within(1e-12));
        assertThat(s.hasSelectiveDynamics()).isTrue();
        assertThat(s.isFree(1, 2)).isFalse();
        assertThat(s.isFree(1, 1)).isTrue();
        for (int k = 0; k < 3; k++) assertThat(s.isFree(4, k)).isFalse();
        assertThat(s.x(0, 0)).isCloseTo(0.4964766552966632 * 4.4903, within(1e-12));
        assertThat(s.hasVelocities()).isTrue();
        double[] v = s.velocities();
        // CONTCAR velocities are Cartesian Å/fs; the predictor-corrector block after them is ignored.
        assertThat(v[0]).isCloseTo(0.10194261e-02, within(1e-12));
        assertThat(v[1]).isCloseTo(-0.23107487e-02, within(1e-12));
        assertThat(v[3 * 8 + 2]).isCloseTo(0.10301887e-03, within(1e-12));
        assertThat(s.hasLabels()).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.paddlewheel.io.RandomStructures#seeds")
    void randomStructuresRoundTrip(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        Structure s = RandomStructures.structure(rnd, RandomStructures.lattice(rnd), rnd.nextBoolean(), rnd.nextBoolean(), rnd.nextBoolean());
        Path file = dir.resolve("POSCAR_" + seed);
        Poscar.write(file, s);
        Structure back = Poscar.read(file);
        Structure expected = s.groupedBySpecies();
        RandomStructures.assertSameStructure(back, expected, "seed " + seed);
        if (s.hasLabels()) {
            for (int i = 0; i < s.size(); i++) assertThat(back.label(i)).as("seed " + seed).isEqualTo(expected.label(i));
        }
    }

    @Test
    void writerUsesVasp5DirectFormatAndGroupsSpecies() {
        Lattice l = Lattice.cubic(5);
        Structure s = Structure.builder(l).add(Element.O, 0, 0, 0).add(Element.NA, 2.5, 0, 0).add(Element.O, 0, 2.5, 0).build();
        StringWriter w = new StringWriter();
        Poscar.write(w, s, "test");
        String[] lines = w.toString().split("\n");
        assertThat(lines[0]).isEqualTo("test");
        assertThat(lines[5].trim().split("\\s+")).containsExactly("O", "Na");
        assertThat(lines[6].trim().split("\\s+")).containsExactly("2", "1");
        assertThat(lines[7]).isEqualTo("Direct");
        assertThat(lines).hasSize(11);
        assertThat(lines[10].trim().split("\\s+")[0]).isEqualTo("0.5000000000000000");
    }

    @Test
    void negativeScaleIsTargetVolume() {
        Structure s = parse("x\n -125.0\n 1 0 0\n 0 1 0\n 0 0 1\nNa\n1\nCartesian\n 0.5 0.5 0.5\n");
        assertThat(s.lattice().volume()).isCloseTo(125.0, within(1e-9));
        // Cartesian coordinates are scaled like the lattice (VASP wiki, POSCAR).
        assertThat(s.x(0, 0)).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void threeScaleFactorsScaleCartesianComponents() {
        Structure s = parse("x\n 2.0 3.0 4.0\n 1 0 0\n 0 1 0\n 0.5 0 1\nNa\n1\nkartesian\n 1 1 1\n");
        assertThat(s.lattice().rowMajor()).containsExactly(2, 0, 0, 0, 3, 0, 1, 0, 4);
        assertThat(s.position(0)).containsExactly(2, 3, 4);
    }

    @Test
    void vasp4FileTakesSpeciesFromComment() {
        Structure s = parse("Na O\n 1.0\n 4 0 0\n 0 4 0\n 0 0 4\n 2 1\nDirect\n 0 0 0\n 0.5 0 0\n 0 0.5 0.5\n");
        assertThat(s.speciesArray()).containsExactly(Element.NA, Element.NA, Element.O);
        assertThat(s.hasVelocities()).isFalse();
    }

    @Test
    void directVelocitiesAreConvertedToCartesian() {
        Structure s = parse(HEAD + "Direct\n 0 0 0\n 0.5 0 0\n 0 0.5 0.5\nDirect\n 0.01 0 0\n 0 0 0\n 0 0 0.02\n");
        assertThat(s.velocities()).containsExactly(new double[] {0.04, 0, 0, 0, 0, 0, 0, 0, 0.08}, within(1e-15));
    }

    @Test
    void readsTrailingSiteLabels() {
        Structure s = parse(HEAD + "Direct\n 0 0 0 Na1\n 0.5 0 0 Na2\n 0 0.5 0.5 O\n");
        assertThat(s.label(1)).isEqualTo("Na2");
    }

    @ParameterizedTest(name = "line {0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "4 | x\\n 1.0\\n 4 0 0\\n x y\\n 0 0 4\\nNa\\n1\\nDirect\\n0 0 0\\n | lattice vector b",
        "2 | x\\n abc\\n 4 0 0\\n 0 4 0\\n 0 0 4\\nNa\\n1\\nDirect\\n0 0 0\\n | scaling factor",
        "7 | x\\n 1.0\\n 4 0 0\\n 0 4 0\\n 0 0 4\\nNa O\\n1\\nDirect\\n0 0 0\\n | expected 2 atom counts",
        "6 | x\\n 1.0\\n 4 0 0\\n 0 4 0\\n 0 0 4\\nXx\\n1\\nDirect\\n0 0 0\\n | unknown element 'Xx'",
        "6 | comment\\n 1.0\\n 4 0 0\\n 0 4 0\\n 0 0 4\\n1\\nDirect\\n0 0 0\\n | VASP 4",
        "5 | x\\n 1.0\\n 4 0 0\\n 0 0 4\\n 0 4 0\\nNa\\n1\\nDirect\\n0 0 0\\n | left-handed",
        "8 | x\\n 1.0\\n 4 0 0\\n 0 4 0\\n 0 0 4\\nNa\\n1\\n0 0 0\\n | 'Direct' or 'Cartesian'",
        "10 | x\\n 1.0\\n 4 0 0\\n 0 4 0\\n 0 0 4\\nNa\\n2\\nDirect\\n0 0 0\\n | end of file",
        "10 | x\\n 1.0\\n 4 0 0\\n 0 4 0\\n 0 0 4\\nNa\\n2\\nDirect\\n0 0 0\\n0.5 0.5 z\\n | position of atom 2",
        "10 | x\\n 1.0\\n 4 0 0\\n 0 4 0\\n 0 0 4\\nNa\\n1\\nSelective dynamics\\nDirect\\n0 0 0 T T\\n | selective-dynamics flags",
        "12 | x\\n 1.0\\n 4 0 0\\n 0 4 0\\n 0 0 4\\nNa\\n2\\nDirect\\n0 0 0\\n0.5 0.5 0.5\\n\\n0.1 0.1\\n | velocity of atom 1",
        "13 | x\\n 1.0\\n 4 0 0\\n 0 4 0\\n 0 0 4\\nNa\\n2\\nDirect\\n0 0 0\\n0.5 0.5 0.5\\n\\n0.1 0.1 0.1\\n | velocity of atom 2",
    })
    void malformedInputNamesLineAndExpectation(int line, String text, String expected) {
        String input = text.replace("\\n", "\n");
        assertThatThrownBy(() -> parse(input))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(line))
                .satisfies(e -> assertThat(((InputException) e).source()).isEqualTo("test.vasp"));
    }

    @Test
    void missingFileIsInputException() {
        assertThatThrownBy(() -> Poscar.read(dir.resolve("nope"))).isInstanceOf(InputException.class).hasMessageContaining("not found");
    }

    @Test
    void writeLeavesOnlyTheTarget() throws Exception {
        Path file = dir.resolve("POSCAR");
        Structure s = Structure.builder(Lattice.cubic(3)).add(Element.NA, 0, 0, 0).build();
        Poscar.write(file, s);
        assertThat(Files.exists(file)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("POSCAR");
        }
        assertThat(Poscar.read(file).size()).isEqualTo(1);
    }
}
