package org.paddlewheel.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MoleculeFinderTest {

    /** BH4 straddling the periodic boundary is still one molecule, centre first in the formula. */
    @Test
    void findsMoleculesAcrossTheBoundary() {
        Lattice l = Lattice.cubic(6.0);
        Structure.Builder b = Structure.builder(l);
        b.add(Element.B, 0.1, 0.1, 0.1);
        double s = 1.21 / Math.sqrt(3);
        double[][] h = {{s, s, s}, {s, -s, -s}, {-s, s, -s}, {-s, -s, s}};
        for (double[] v : h) b.add(Element.H, Math.floorMod((long) 0, 1) + ((0.1 + v[0]) % 6 + 6) % 6, ((0.1 + v[1]) % 6 + 6) % 6, ((0.1 + v[2]) % 6 + 6) % 6);
        b.add(Element.N, 3, 3, 3).add(Element.H, 3.8, 3, 3.6).add(Element.H, 2.2, 3, 3.6);
        b.add(Element.NA, 3, 0, 3);
        List<Molecule> m = MoleculeFinder.find(b.build());
        assertThat(m).extracting(Molecule::formula).containsExactly("BH4", "NH2");
        assertThat(m.get(0).centre()).isZero();
        assertThat(m.get(0).ligands()).containsExactly(1, 2, 3, 4);
    }

    static LongStream seeds() { return LongStream.range(0, 20); }

    /**
     * Neighbour search equals the all-pairs minimum-image answer on random triclinic cells and
     * cut-offs, including cut-offs beyond half the cell width (explicit image sum).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neighborSearchMatchesAllPairs(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Lattice l = LatticeTest.randomCell(r);
        int n = 40 + r.nextInt(60);
        Element[] sp = new Element[n];
        double[] f = new double[3 * n];
        for (int i = 0; i < n; i++) { sp[i] = Element.NA; for (int k = 0; k < 3; k++) f[3 * i + k] = 2 * r.nextDouble() - 0.5; }
        Structure s = Structure.ofFractional(l, sp, f);
        double rc = 0.45 * l.minPerpendicularWidth() * (r.nextBoolean() ? 1 : 0.5);
        long[] found = {0};
        NeighborSearch.forEachPair(s, rc, (i, j, dx, dy, dz, d) -> {
            assertThat(d).isCloseTo(s.distance(i, j), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(i).isLessThan(j);
            found[0]++;
        });
        long expect = 0;
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) if (s.distance(i, j) < rc) expect++;
        assertThat(found[0]).as("seed %d", seed).isEqualTo(expect);
    }

    /** A 10,000-atom cell of BH4 molecules is resolved exactly (and fast: see the closing note). */
    @Test
    void largeCellAllMoleculesFound() {
        int cells = 14; // 14³ BH4 + 14³ Na ≈ 16,500 atoms
        Lattice l = Lattice.cubic(4.5 * cells);
        Structure.Builder b = Structure.builder(l);
        double s = 1.21 / Math.sqrt(3);
        for (int i = 0; i < cells; i++) for (int j = 0; j < cells; j++) for (int k = 0; k < cells; k++) {
            double x = 4.5 * i, y = 4.5 * j, z = 4.5 * k;
            b.add(Element.B, x, y, z);
            b.add(Element.H, x + s, y + s, z + s).add(Element.H, x + s, y - s, z - s).add(Element.H, x - s, y + s, z - s).add(Element.H, x - s, y - s, z + s);
            b.add(Element.NA, x + 2.25, y + 2.25, z);
        }
        Structure st = b.build();
        long t0 = System.nanoTime();
        List<Molecule> m = MoleculeFinder.find(st);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(m).hasSize(cells * cells * cells).allMatch(x -> x.formula().equals("BH4"));
        System.out.printf("MoleculeFinder: %d atoms in %d ms%n", st.size(), ms);
    }
}
