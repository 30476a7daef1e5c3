package org.paddlewheel.study;

import java.util.Arrays;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * How far the order parameter's sites (the cluster-anion centres by default) moved over a two-phase
 * run, split by where each started: in the molten half (slabs at or above the frozen block's end at
 * the first frame) or in the crystal half. Positions are unwrapped frame to frame in fractional
 * coordinates (a site moves far less than half a cell between samples) and the displacement is taken
 * in the first frame's cell, so the barostat's affine rescaling of c adds nothing. The RMS
 * displacement of the molten half, against the crystal's site spacing (nearest-neighbour distance of
 * the sublattice, Å), tells an "undecided" run whose liquid barely rearranged (too short a run for that
 * liquid) from one whose liquid moved while its interface held level (near coexistence, or slow growth);
 * {@link MeltingResult.Run#note()} words it.
 */
final class SiteMobility {
    /** RMS displacements (Å) over the run of the sites that started in the molten and in the crystal half. */
    record Result(double moltenRmsA, double crystalRmsA) {}

    private final int[] sites;
    private final SlabOrder order;
    private final int frozenSlabs;
    private double[] start, prev, unwrapped;
    private Lattice first;
    private boolean[] molten;

    SiteMobility(SlabOrder order, int frozenSlabs) {
        this.order = order;
        this.sites = order.sites();
        this.frozenSlabs = frozenSlabs;
    }

    /** Adds the next frame (same atom order as the crystal). */
    void add(Structure frame) {
        double[] f = SlabOrder.fractional(frame, sites);
        if (start == null) {
            first = frame.lattice();
            start = f.clone();
            unwrapped = f.clone();
            molten = new boolean[sites.length];
            for (int j = 0; j < sites.length; j++) molten[j] = order.slabOf(f[3 * j + 2]) >= frozenSlabs;
        } else {
            for (int k = 0; k < f.length; k++) {
                double d = f[k] - prev[k];
                unwrapped[k] += d - Math.rint(d);
            }
        }
        prev = f;
    }

    /** RMS displacements from the first frame to the last added; NaN for a half without sites or before two frames. */
    Result result() {
        double[] sum = new double[2];
        int[] n = new int[2];
        double[] d = new double[3];
        for (int j = 0; start != null && j < sites.length; j++) {
            first.toCartesian(unwrapped[3 * j] - start[3 * j], unwrapped[3 * j + 1] - start[3 * j + 1], unwrapped[3 * j + 2] - start[3 * j + 2], d, 0);
            int h = molten[j] ? 0 : 1;
            sum[h] += d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            n[h]++;
        }
        return new Result(n[0] == 0 ? Double.NaN : Math.sqrt(sum[0] / n[0]), n[1] == 0 ? Double.NaN : Math.sqrt(sum[1] / n[1]));
    }

    /** Median over the sites of the distance to the nearest other site (minimum image), Å: the sublattice's site spacing. */
    static double siteSpacing(Structure crystal, int[] sites) {
        Lattice l = crystal.lattice();
        double[] nearest = new double[sites.length];
        double[] d = new double[3];
        for (int a = 0; a < sites.length; a++) {
            double best = Double.POSITIVE_INFINITY;
            for (int b = 0; b < sites.length; b++) {
                if (a == b) continue;
                int i = sites[a], k = sites[b];
                l.minimumImage(crystal.x(k, 0) - crystal.x(i, 0), crystal.x(k, 1) - crystal.x(i, 1), crystal.x(k, 2) - crystal.x(i, 2), d, 0);
                best = Math.min(best, Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
            }
            nearest[a] = best;
        }
        Arrays.sort(nearest);
        int m = nearest.length;
        return m == 0 ? Double.NaN : m % 2 == 1 ? nearest[m / 2] : 0.5 * (nearest[m / 2 - 1] + nearest[m / 2]);
    }
}
