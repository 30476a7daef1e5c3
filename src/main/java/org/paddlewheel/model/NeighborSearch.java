package org.paddlewheel.model;

import java.util.Arrays;

/**
 * Finds every atom pair closer than a cut-off under periodic boundary conditions, with a cell list
 * (linked list of atoms per bin) so the cost is O(N) for a fixed cut-off. Bins are laid out along the
 * fractional axes, n_i = floor(w_i / r_c) of them along axis i (w_i the perpendicular width), so any
 * pair within r_c sits in neighbouring bins. When r_c < w_min / 2 every fractional component of a
 * within-cut-off displacement is below ½ in magnitude (|f_i| ≤ |d|/w_i), so rounding the fractional
 * difference gives the one image inside the cut-off. Larger cut-offs (small cells) fall back to an
 * explicit sum over all periodic images, and then one pair of atoms may appear several times, once per
 * image within reach (including an atom with its own images).
 */
public final class NeighborSearch {
    private NeighborSearch() {}

    /** Receives each pair: atoms i and j, the displacement r_j − r_i + image (Å) and its length. */
    @FunctionalInterface
    public interface PairVisitor {
        void visit(int i, int j, double dx, double dy, double dz, double r);
    }

    /**
     * Visits each pair with distance below {@code cutoffAngstrom}. For cut-offs below half the
     * smallest perpendicular width every unordered pair is visited once with i &lt; j.
     */
    public static void forEachPair(Structure s, double cutoffAngstrom, PairVisitor visitor) {
        Lattice lat = s.lattice();
        int n = s.size();
        double rc2 = cutoffAngstrom * cutoffAngstrom;
        if (cutoffAngstrom >= 0.5 * lat.minPerpendicularWidth()) {
            bruteForceImages(s, cutoffAngstrom, visitor);
            return;
        }
        int[] nb = new int[3];
        for (int k = 0; k < 3; k++) nb[k] = Math.max(1, Math.min(256, (int) Math.floor(lat.perpendicularWidth(k) / cutoffAngstrom)));
        int nbins = nb[0] * nb[1] * nb[2];
        int[] head = new int[nbins];
        Arrays.fill(head, -1);
        int[] next = new int[n];
        int[] binOf = new int[n];
        double[] f = s.fractionalPositions();
        for (int i = 0; i < n; i++) {
            int b = 0;
            for (int k = 0; k < 3; k++) {
                double u = f[3 * i + k] - Math.floor(f[3 * i + k]);
                int c = (int) (u * nb[k]);
                if (c >= nb[k]) c = nb[k] - 1;
                b = b * nb[k] + c;
            }
            binOf[i] = b;
            next[i] = head[b];
            head[b] = i;
        }
        double[] d = new double[3];
        int[] stencil = new int[27];
        for (int b = 0; b < nbins; b++) {
            if (head[b] < 0) continue;
            int c0 = b / (nb[1] * nb[2]), c1 = (b / nb[2]) % nb[1], c2 = b % nb[2];
            int ns = 0;
            for (int a0 = -1; a0 <= 1; a0++) {
                for (int a1 = -1; a1 <= 1; a1++) {
                    for (int a2 = -1; a2 <= 1; a2++) {
                        int q = (Math.floorMod(c0 + a0, nb[0]) * nb[1] + Math.floorMod(c1 + a1, nb[1])) * nb[2]
                                + Math.floorMod(c2 + a2, nb[2]);
                        if (q < b) continue; // each bin pair once
                        boolean seen = false;
                        for (int t = 0; t < ns; t++) if (stencil[t] == q) { seen = true; break; }
                        if (!seen) stencil[ns++] = q;
                    }
                }
            }
            for (int t = 0; t < ns; t++) {
                int q = stencil[t];
                for (int i = head[b]; i >= 0; i = next[i]) {
                    for (int j = (q == b ? next[i] : head[q]); j >= 0; j = next[j]) {
                        lat.minimumImage(s.x(j, 0) - s.x(i, 0), s.x(j, 1) - s.x(i, 1), s.x(j, 2) - s.x(i, 2), d, 0);
                        double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                        if (r2 < rc2) {
                            if (i < j) visitor.visit(i, j, d[0], d[1], d[2], Math.sqrt(r2));
                            else visitor.visit(j, i, -d[0], -d[1], -d[2], Math.sqrt(r2));
                        }
                    }
                }
            }
        }
    }

    private static void bruteForceImages(Structure s, double rc, PairVisitor visitor) {
        Lattice lat = s.lattice();
        int[] m = new int[3];
        for (int k = 0; k < 3; k++) m[k] = (int) Math.ceil(rc / lat.perpendicularWidth(k)) + 1;
        double rc2 = rc * rc;
        double[] a = lat.vector(0), b = lat.vector(1), c = lat.vector(2);
        int n = s.size();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double dx0 = s.x(j, 0) - s.x(i, 0), dy0 = s.x(j, 1) - s.x(i, 1), dz0 = s.x(j, 2) - s.x(i, 2);
                for (int p = -m[0]; p <= m[0]; p++) {
                    for (int q = -m[1]; q <= m[1]; q++) {
                        for (int r = -m[2]; r <= m[2]; r++) {
                            if (i == j && (p < 0 || (p == 0 && (q < 0 || (q == 0 && r <= 0))))) continue;
                            double dx = dx0 + p * a[0] + q * b[0] + r * c[0];
                            double dy = dy0 + p * a[1] + q * b[1] + r * c[1];
                            double dz = dz0 + p * a[2] + q * b[2] + r * c[2];
                            double r2 = dx * dx + dy * dy + dz * dz;
                            if (r2 < rc2) visitor.visit(i, j, dx, dy, dz, Math.sqrt(r2));
                        }
                    }
                }
            }
        }
    }

    /**
     * The closest pair of atoms not excluded by {@code excluded} (e.g. bonded pairs), searching up
     * to {@code searchRadius} Å. Returns {i, j} and the distance via {@code outDistance[0]}, or
     * null when no pair lies within the radius.
     */
    public static int[] closestPair(Structure s, double searchRadius, java.util.function.BiPredicate<Integer, Integer> excluded,
                                    double[] outDistance) {
        int[] best = {-1, -1};
        double[] bd = {Double.POSITIVE_INFINITY};
        forEachPair(s, searchRadius, (i, j, dx, dy, dz, r) -> {
            if (r < bd[0] && !excluded.test(i, j)) { bd[0] = r; best[0] = i; best[1] = j; }
        });
        if (best[0] < 0) return null;
        if (outDistance != null) outDistance[0] = bd[0];
        return best;
    }
}
