package org.paddlewheel.cp2k;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * The BAND replicas {@link Cp2kMotion#band} writes. CP2K interpolates the images linearly between the
 * replicas' Cartesian coordinates without minimum image, so the final replica must hold each atom at the
 * image nearest its initial position: an atom written at 0.1 Å in the first and 8.9 Å in the last (the same
 * site through the 9 Å cell) would be dragged across the cell. A hopping atom keeps its real 3 Å path.
 */
class Cp2kBandInputTest {
    @Test
    void theFinalReplicaIsUnwrappedTowardsTheInitialOne() {
        Lattice l = Lattice.orthorhombic(9, 9, 4.5);
        Element na = Element.of("Na"), o = Element.of("O");
        // Na: the same site, written through the cell (0.1 Å and 8.9 Å); O: a 3 Å hop along x, less than half the cell
        Structure first = Structure.of(l, new Element[] {na, o}, new double[] {0.1, 2.0, 2.0, 4.5, 4.5, 2.25});
        Structure last = Structure.of(l, new Element[] {na, o}, new double[] {8.9, 2.0, 2.0, 7.5, 4.5, 2.25 + 4.5});
        String band = Cp2kMotion.band(first, last, 3, 1, 0.05, 10);
        List<double[]> rows = new ArrayList<>();
        for (String line : band.split("\n")) {
            String t = line.trim();
            if (t.matches("-?[0-9.]+ -?[0-9.]+ -?[0-9.]+")) {
                String[] p = t.split(" ");
                rows.add(new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])});
            }
        }
        assertThat(rows).hasSize(4); // two atoms in each of the two replicas
        assertThat(rows.get(2)[0]).as("Na at the image nearest its start").isCloseTo(-0.1, within(1e-9));
        assertThat(rows.get(3)[0]).as("the hop kept").isCloseTo(7.5, within(1e-9));
        assertThat(rows.get(3)[2]).as("O's z brought back by c").isCloseTo(2.25, within(1e-9));
    }
}
