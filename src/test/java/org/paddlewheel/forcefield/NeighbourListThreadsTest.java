package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Structure;

/**
 * A neighbour list built on two or three threads is the serial one, pair for pair (same partners,
 * same image codes, same order), and holds exactly the pairs a brute-force search over images
 * finds within cut-off + skin, on a sheared 4x4x4 x = 0.5 cell (320 atoms, exclusions included).
 */
class NeighbourListThreadsTest {
    /**
     * A run that has blown up (a non-finite position, or a cell a barostat has inflated without bound) stops with one clear
     * message, not an index error from the bin arithmetic (4 Dec 2026: "fromIndex(0) > toIndex(-2147483648)" ended a
     * collapsing 3-body fit's guard MD), whether it is met on the first build or on an update of a valid list.
     */
    @Test
    void aBlownUpRunIsReportedAsUnstable() {
        Structure st = FiniteDifferenceTest.cell(3);
        Topology top = Topology.build(TestCells.model(), st);
        Cell cell = new Cell(st.lattice());
        NeighbourList nl = new NeighbourList(st.size(), 7.0, 1.0, top.specialI, top.specialJ);
        nl.update(st.positions(), cell);
        double[] x = st.positions();
        x[4] = Double.NaN;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> nl.update(x, cell)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unstable").hasMessageContaining("atom 2");
        double[] h = st.lattice().rowMajor();
        for (int k = 0; k < 9; k++) h[k] *= 1e6;
        NeighbourList fresh = new NeighbourList(st.size(), 7.0, 1.0, top.specialI, top.specialJ);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fresh.update(st.positions(), new Cell(h)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unstable").hasMessageContaining("width");
    }

    @Test
    void threadedBuildEqualsSerialBuild() {
        Structure s = FiniteDifferenceTest.cell(3);
        Structure big = TestCells.antiperovskite(0.5, 4, 5, 0.2);
        for (Structure st : List.of(s, big)) {
            Topology top = Topology.build(TestCells.model(), st);
            Cell cell = new Cell(st.lattice());
            NeighbourList serial = new NeighbourList(st.size(), 7.0, 1.0, top.specialI, top.specialJ);
            serial.update(st.positions(), cell);
            for (int threads : new int[] {2, 3}) {
                try (WorkerPool pool = new WorkerPool(threads)) {
                    NeighbourList par = new NeighbourList(st.size(), 7.0, 1.0, top.specialI, top.specialJ);
                    par.update(st.positions(), cell, pool);
                    assertThat(par.pairCount()).isEqualTo(serial.pairCount());
                    assertThat(par.start).containsExactly(serial.start);
                    for (int k = 0; k < serial.pairCount(); k++) {
                        assertThat(par.pairJ[k]).isEqualTo(serial.pairJ[k]);
                        assertThat(par.pairCode[k]).isEqualTo(serial.pairCode[k]);
                    }
                }
            }
            assertThat(serial.pairCount()).isEqualTo(bruteForce(st, top, 8.0));
        }
    }

    /**
     * The octant stencils leave out bins that cannot hold a pair within the radius of any atom in the
     * octant: on an orthogonal and a sheared (triclinic) cell, the list equals the brute-force search
     * at the start and after 0.5 % and 4 % compressions. (Pruning at 0.9 of the radius fails this.)
     */
    @Test
    void stencilPruningNeverDropsAPairUnderCompression() {
        Structure base = TestCells.antiperovskite(0.5, 4, 5, 0.2);
        double[][] rows = base.lattice().rows();
        double[][] tilted = {rows[0].clone(), rows[1].clone(), rows[2].clone()};
        tilted[1][0] += 0.18 * rows[1][1];
        tilted[2][0] -= 0.11 * rows[2][2];
        tilted[2][1] += 0.07 * rows[2][2];
        Topology top = Topology.build(TestCells.model(), base); // exclusions by index; the shear stretches bonds
        for (double[][] lat : List.of(rows, tilted)) {
            NeighbourList nl = new NeighbourList(base.size(), 7.0, 1.0, top.specialI, top.specialJ);
            for (double scale : new double[] {1.0, 0.995, 0.96}) {
                Structure s = affine(base, lat, scale);
                nl.invalidate();
                nl.update(s.positions(), new Cell(s.lattice()));
                assertThat(nl.pairCount()).as("scale " + scale).isEqualTo(bruteForce(s, top, 8.0));
            }
        }
    }

    /** base's atoms at the same fractional coordinates in the cell with rows lat × scale. */
    private static Structure affine(Structure base, double[][] lat, double scale) {
        double[][] r = new double[3][3];
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) r[a][b] = lat[a][b] * scale;
        org.paddlewheel.model.Lattice l = org.paddlewheel.model.Lattice.fromRows(r);
        return base.withLattice(l).withPositions(l.toCartesianAll(base.fractionalPositions()), null);
    }

    /** Half-list pairs (i ≤ j, every image within r, minus minimum-image exclusions) by direct search. */
    private static int bruteForce(Structure s, Topology top, double r) {
        double[] x = s.positions();
        double[] h = s.lattice().rowMajor();
        Cell cell = new Cell(s.lattice());
        int m = (int) Math.ceil(r / cell.minWidth()) + 1;
        List<Long> excluded = new ArrayList<>();
        for (int k = 0; k < top.specialI.length; k++) {
            int a = Math.min(top.specialI[k], top.specialJ[k]), b = Math.max(top.specialI[k], top.specialJ[k]);
            excluded.add((long) a * s.size() + b);
        }
        int count = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int j = i; j < s.size(); j++) {
                double best = Double.MAX_VALUE;
                int within = 0;
                for (int a = -m; a <= m; a++) for (int b = -m; b <= m; b++) for (int c = -m; c <= m; c++) {
                    if (j == i && (a < 0 || (a == 0 && (b < 0 || (b == 0 && c <= 0))))) continue;
                    double dx = x[3 * j] + a * h[0] + b * h[3] + c * h[6] - x[3 * i];
                    double dy = x[3 * j + 1] + a * h[1] + b * h[4] + c * h[7] - x[3 * i + 1];
                    double dz = x[3 * j + 2] + a * h[2] + b * h[5] + c * h[8] - x[3 * i + 2];
                    double d2 = dx * dx + dy * dy + dz * dz;
                    if (d2 < r * r) within++;
                    best = Math.min(best, d2);
                }
                // The minimum image of an excluded (bonded) pair is left out; its other images stay.
                if (within > 0 && excluded.contains((long) i * s.size() + j) && best < 0.25 * cell.minWidth() * cell.minWidth()) within--;
                count += within;
            }
        }
        return count;
    }
}
