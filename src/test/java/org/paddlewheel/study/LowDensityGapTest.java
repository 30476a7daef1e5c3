package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * {@link LowDensityGap} on fcc argon 3x3x6 (a = 5.34 Å, 12 (001) planes of 18 atoms, one per slab): the
 * intact crystal has no gap; with three adjacent planes removed the gap is three slabs, 3 × 32.04/12 =
 * 8.01 Å; with the last and first planes removed it wraps through the periodic boundary, 2 slabs =
 * 5.34 Å; a plane thinned below half the mean count is a one-slab gap, one thinned less is not.
 */
class LowDensityGapTest {
    private static final Structure FCC = LennardJonesArgon.fcc(5.34, 3, 3, 6);
    private static final SlabOrder ORDER;

    static {
        int[] all = new int[FCC.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        ORDER = SlabOrder.of(FCC, all, 12);
    }

    private static Structure without(DoublePredicate dropAtFractionalZ, int keepInDropped) {
        Lattice l = FCC.lattice();
        Structure.Builder b = Structure.builder(l);
        int kept = 0;
        for (int i = 0; i < FCC.size(); i++) {
            double fz = l.toFractional(new double[] {FCC.x(i, 0), FCC.x(i, 1), FCC.x(i, 2)})[2];
            if (dropAtFractionalZ.test(((fz % 1) + 1) % 1) && kept++ >= keepInDropped) continue;
            b.add(FCC.species(i), FCC.x(i, 0), FCC.x(i, 1), FCC.x(i, 2));
        }
        return b.build();
    }

    @Test
    void intactCrystalHasNoGap() {
        assertThat(LowDensityGap.widthA(FCC, ORDER)).isZero();
    }

    @Test
    void removedPlanesGiveTheirSlabsWidthAlsoAcrossTheBoundary() {
        double slab = 6 * 5.34 / 12;
        assertThat(LowDensityGap.widthA(without(f -> f > 0.49 && f < 0.74, 0), ORDER)).isCloseTo(3 * slab, within(1e-9));
        assertThat(LowDensityGap.widthA(without(f -> f < 0.01 || f > 0.9, 0), ORDER)).isCloseTo(2 * slab, within(1e-9));
    }

    @Test
    void halfTheMeanIsTheLine() {
        // one plane (f = 0.5) keeps k of its 18 atoms: N = 306 + k, half the mean (306 + k)/24; k = 8: 8 < 13.1, a one-slab
        // gap; k = 14: 14 ≥ 13.3, none
        assertThat(LowDensityGap.widthA(without(f -> Math.abs(f - 0.5) < 0.01, 8), ORDER)).isCloseTo(6 * 5.34 / 12, within(1e-9));
        assertThat(LowDensityGap.widthA(without(f -> Math.abs(f - 0.5) < 0.01, 14), ORDER)).isZero();
    }
}
