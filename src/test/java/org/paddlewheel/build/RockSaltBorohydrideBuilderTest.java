package org.paddlewheel.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.MoleculeFinder;
import org.paddlewheel.model.Structure;

/** Geometry of rock-salt NaBH4 ({@link RockSaltBorohydrideBuilder}) against the Fm-3m structure and Soldate's density. */
class RockSaltBorohydrideBuilderTest {
    static final double TETRAHEDRAL_DEG = Math.toDegrees(Math.acos(-1.0 / 3.0));   // 109.4712°

    @Test
    void tetrahedraHaveTheBondLengthAndTheTetrahedralAngle() {
        Structure s = new RockSaltBorohydrideBuilder().supercell(2, 2, 2).seed(7).build().structure();
        List<Molecule> bh4 = MoleculeFinder.find(s);
        assertThat(bh4).hasSize(32).allMatch(m -> m.formula().equals("BH4") && m.ligandCount() == 4);
        for (Molecule m : bh4) {
            for (int k = 0; k < 4; k++) assertThat(s.distance(m.centre(), m.ligand(k))).isCloseTo(1.21, within(1e-9));
            for (int i = 0; i < 4; i++) {
                for (int j = i + 1; j < 4; j++) assertThat(angleDeg(s, m.ligand(i), m.centre(), m.ligand(j))).isCloseTo(TETRAHEDRAL_DEG, within(1e-6));
            }
        }
    }

    @Test
    void sodiumAndBoronAreHalfACellApartAndTheDensityIsSoldates() {
        var r = new RockSaltBorohydrideBuilder().supercell(3, 3, 3).build();
        Structure s = r.structure();
        assertThat(s.formula()).isEqualTo("Na108B108H432");
        int[] na = s.indicesOf(Element.NA), b = s.indicesOf(Element.B);
        for (int i : na) {
            double nearest = Double.MAX_VALUE;
            int six = 0;
            for (int j : b) {
                double d = s.distance(i, j);
                nearest = Math.min(nearest, d);
                if (Math.abs(d - 6.163 / 2) < 1e-6) six++;
            }
            assertThat(nearest).isCloseTo(6.163 / 2, within(1e-9));
            assertThat(six).as("octahedral Na–B coordination").isEqualTo(6);
        }
        // Z = 4 NaBH4 (37.83 g/mol) in (6.163 Å)³: 1.0735 g/cm³; Soldate (1947) calculated 1.074
        assertThat(s.densityGramsPerCm3()).isCloseTo(1.074, within(0.001));
        // no H closer than 2 Å to an atom of another ion
        for (int h : s.indicesOf(Element.H)) {
            for (int j = 0; j < s.size(); j++) {
                if (j == h || s.species(j) == Element.B && s.distance(h, j) < 1.3) continue;
                if (s.species(j) == Element.H && s.distance(h, j) < 2.0 && nearestB(s, h) == nearestB(s, j)) continue;
                assertThat(s.distance(h, j)).as("H %d – %s %d", h, s.species(j), j).isGreaterThan(2.0);
            }
        }
    }

    @Test
    void randomOrientationsAreSeededAndBothOccurAlignedAreOne() {
        var a = new RockSaltBorohydrideBuilder().supercell(3, 3, 3).seed(3).build();
        var again = new RockSaltBorohydrideBuilder().supercell(3, 3, 3).seed(3).build();
        var other = new RockSaltBorohydrideBuilder().supercell(3, 3, 3).seed(4).build();
        assertThat(again.structure().positions()).containsExactly(a.structure().positions());
        assertThat(other.structure().positions()).isNotEqualTo(a.structure().positions());
        // 108 fair coins: 54 ± 5.2; 30..78 is beyond 4.6σ
        assertThat(a.oddAnions()).isBetween(30, 78);
        var aligned = new RockSaltBorohydrideBuilder().supercell(2, 2, 2).orientation(RockSaltBorohydrideBuilder.Orientation.ALIGNED).build();
        assertThat(aligned.oddAnions()).isZero();
        // an odd anion is the even one turned by 90° about z: H directions (x, y, z) -> (-y, x, z) map the sets onto each other
        for (double[] h : RockSaltBorohydrideBuilder.EVEN) assertThat(h[0] * h[1] * h[2]).isPositive();
        for (double[] h : RockSaltBorohydrideBuilder.EVEN) assertThat(-h[1] * h[0] * h[2]).isNegative();
    }

    private static int nearestB(Structure s, int h) {
        int best = -1;
        for (int j : s.indicesOf(Element.B)) if (best < 0 || s.distance(h, j) < s.distance(h, best)) best = j;
        return best;
    }

    private static double angleDeg(Structure s, int a, int c, int b) {
        double[] u = new double[3], v = new double[3];
        s.lattice().minimumImage(s.x(a, 0) - s.x(c, 0), s.x(a, 1) - s.x(c, 1), s.x(a, 2) - s.x(c, 2), u, 0);
        s.lattice().minimumImage(s.x(b, 0) - s.x(c, 0), s.x(b, 1) - s.x(c, 1), s.x(b, 2) - s.x(c, 2), v, 0);
        double dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
        return Math.toDegrees(Math.acos(dot / Math.sqrt((u[0] * u[0] + u[1] * u[1] + u[2] * u[2]) * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]))));
    }
}
