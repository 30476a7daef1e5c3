package org.paddlewheel.forcefield;

/**
 * The bin stencils of a {@link NeighbourList} build: for each octant of a home bin, the offsets (in
 * bins) of the neighbour bins that can hold a partner within the list radius (half stencil, zero offset
 * first), and per axis the wrap tables that turn a bin coordinate into the wrapped bin's index share
 * and the lattice image's code share. Rebuilt at every list build (a few hundred entries). Lengths in Å.
 */
final class OctantStencil {
    // Half stencil per octant of the home bin: offsets (in bins) of the neighbour bins to visit, the
    // zero offset first; and per axis, for c = b + o in [−R, nb + R), the wrapped bin's contribution
    // to the bin index and the image's to the image code, so the search does no integer division.
    int[] octStart = new int[9], octOff = new int[0];
    /** Per bin: its integer coordinates along the three axes. */
    int[] homeBin0 = new int[0], homeBin1 = new int[0], homeBin2 = new int[0];
    int[] wrapBin0 = new int[0], wrapBin1 = new int[0], wrapBin2 = new int[0];
    int[] wrapCode0 = new int[0], wrapCode1 = new int[0], wrapCode2 = new int[0];

    /**
     * Builds the octant stencils for the current bin grid. An atom's octant (which half of its bin
     * it sits in, per axis) bounds its distance to every neighbour bin from below: along axis d the gap
     * between the octant [h/2, h/2 + 1/2] and the bin [o, o + 1] (in bins) times the bin's
     * perpendicular width. The gaps add in quadrature in an orthogonal cell, and the largest alone
     * bounds the distance in any cell; bins at or beyond the list radius are left out (no pair can be
     * lost: the bound holds for every atom of the octant and every atom of the bin).
     */
    void build(int[] nb, int[] range, int m, Cell cell, double rcs) {
        int bins = nb[0] * nb[1] * nb[2];
        if (homeBin0.length < bins) { homeBin0 = new int[bins]; homeBin1 = new int[bins]; homeBin2 = new int[bins]; }
        for (int b = 0; b < bins; b++) { homeBin2[b] = b % nb[2]; homeBin1[b] = (b / nb[2]) % nb[1]; homeBin0[b] = b / (nb[2] * nb[1]); }
        double[] w = {cell.width(0) / nb[0], cell.width(1) / nb[1], cell.width(2) / nb[2]};
        double[] h = cell.h;
        boolean ortho = h[1] == 0 && h[2] == 0 && h[3] == 0 && h[5] == 0 && h[6] == 0 && h[7] == 0;
        int side = 2 * m + 1;
        int per = 1 + ((2 * range[0] + 1) * (2 * range[1] + 1) * (2 * range[2] + 1) - 1) / 2;
        if (octOff.length < 3 * 8 * per) octOff = new int[3 * 8 * per];
        int e = 0;
        for (int oct = 0; oct < 8; oct++) {
            octStart[oct] = e;
            int[] hh = {oct >> 2, (oct >> 1) & 1, oct & 1};
            octOff[3 * e] = 0; octOff[3 * e + 1] = 0; octOff[3 * e + 2] = 0;
            e++;
            for (int o0 = -range[0]; o0 <= range[0]; o0++) {
                for (int o1 = -range[1]; o1 <= range[1]; o1++) {
                    for (int o2 = -range[2]; o2 <= range[2]; o2++) {
                        // Half stencil (as LAMMPS's half/bin): a pair seen from i at bin offset o is
                        // seen from j at −o, so only lexicographically positive offsets are visited,
                        // and in the zero offset (same bin, same image) only partners j > i. A self
                        // image (j = i) sits at an offset n·nb, positive exactly when n is.
                        boolean positiveOffset = o0 > 0 || (o0 == 0 && (o1 > 0 || (o1 == 0 && o2 > 0)));
                        if (!positiveOffset) continue;
                        int[] o = {o0, o1, o2};
                        double sum = 0, max = 0;
                        for (int d = 0; d < 3; d++) {
                            double lo = 0.5 * hh[d], hi = lo + 0.5;
                            double gap = Math.max(0, Math.max(o[d] - hi, lo - (o[d] + 1))) * w[d];
                            sum += gap * gap;
                            max = Math.max(max, gap);
                        }
                        if ((ortho ? Math.sqrt(sum) : max) >= rcs) continue;
                        octOff[3 * e] = o0; octOff[3 * e + 1] = o1; octOff[3 * e + 2] = o2;
                        e++;
                    }
                }
            }
        }
        octStart[8] = e;
        wrapBin0 = wrapTable(nb[0], range[0], nb[1] * nb[2], false, m, side * side, wrapBin0);
        wrapCode0 = wrapTable(nb[0], range[0], nb[1] * nb[2], true, m, side * side, wrapCode0);
        wrapBin1 = wrapTable(nb[1], range[1], nb[2], false, m, side, wrapBin1);
        wrapCode1 = wrapTable(nb[1], range[1], nb[2], true, m, side, wrapCode1);
        wrapBin2 = wrapTable(nb[2], range[2], 1, false, m, 1, wrapBin2);
        wrapCode2 = wrapTable(nb[2], range[2], 1, true, m, 1, wrapCode2);
    }

    /** For c in [−range, nb + range): the wrapped bin times binStride, or (image + m) times codeStride. */
    private static int[] wrapTable(int nb, int range, int binStride, boolean code, int m, int codeStride, int[] reuse) {
        int len = nb + 2 * range;
        int[] t = reuse.length >= len ? reuse : new int[len];
        for (int k = 0; k < len; k++) {
            int c = k - range, n = Math.floorDiv(c, nb);
            t[k] = code ? (n + m) * codeStride : (c - n * nb) * binStride;
        }
        return t;
    }
}
