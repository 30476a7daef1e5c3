package org.paddlewheel.study;

import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Whether a two-phase cell has opened a gap along c: atoms (all of them) are counted in the order
 * parameter's slabs (fractions of c, each holding whole lattice planes of the starting crystal, so a
 * crystal fills them evenly and a liquid of ~45 atoms per slab fluctuates by ~√45), and the widest
 * run of adjacent slabs (periodic) holding fewer than half the mean count is the gap, Å (its share of
 * the cell's perpendicular width along c). A liquid that cannot hold its density at the run's
 * pressure and temperature (a model whose melt is too weakly bound) cavitates this way; its melting
 * verdict then compares the crystal with a liquid that is not bulk.
 */
final class LowDensityGap {
    private LowDensityGap() {}

    /** Width (Å) of the widest run of slabs below half the mean atom count; 0 when there is none. */
    static double widthA(Structure s, SlabOrder order) {
        int n = order.slabCount();
        int[] count = new int[n];
        Lattice l = s.lattice();
        double[] f = new double[3];
        for (int i = 0; i < s.size(); i++) {
            l.toFractional(s.x(i, 0), s.x(i, 1), s.x(i, 2), f, 0);
            count[order.slabOf(f[2])]++;
        }
        double half = 0.5 * s.size() / n;
        int longest = 0, run = 0;
        for (int k = 0; k < 2 * n; k++) { // twice round: a run may wrap past the last slab
            if (count[k % n] < half) longest = Math.max(longest, Math.min(n, ++run)); else run = 0;
        }
        return longest * l.perpendicularWidth(2) / n;
    }
}
