package org.paddlewheel.analysis;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.model.Lattice;

/**
 * Hop sites found from a trajectory, as peaks of the time-averaged density of the mobile ions, so
 * that sites empty in the first frame (vacancies) are found too. The wrapped fractional positions
 * of every ion in every kept frame are binned on a periodic grid of about {@code spacingA} Å
 * (from the first frame's cell; fractional, so NPT cells work), smoothed by a periodic 3×3×3 box,
 * and every bin higher than its 26 neighbours is a candidate. A candidate's centre is the mean
 * fractional position of the counts within {@code captureA} Å of its bin, and its occupancy the
 * mean number of ions within that radius per frame (1 = always occupied). Candidates below
 * {@code minOccupancy} are dropped (transit paths and rare excursions), the rest are merged:
 * taken by decreasing occupancy, a candidate closer than {@code mergeA} Å to a kept site is
 * dropped. Like pymatgen-analysis-diffusion's {@code ProbabilityDensityAnalysis} peak search, but
 * streaming over stored series, Å and frame counts throughout.
 */
public final class SiteFinder {
    private SiteFinder() {}

    /** Defaults: 0.2 Å grid, 0.5 Å capture radius, occupancy ≥ 0.01, merge within 1.0 Å. */
    public static final double SPACING_A = 0.2, CAPTURE_A = 0.5, MIN_OCCUPANCY = 0.01, MERGE_A = 1.0;

    /**
     * Sites found.
     *
     * @param fractional   flat 3M fractional coordinates in [0, 1)
     * @param occupancy    mean ions within the capture radius per frame, per site
     * @param method       how the sites were found, one sentence
     * @param candidates   density peaks before the occupancy cut and the merge
     * @param symmetryOperations operations (per reference cell × reference cells) the sites were merged
     *                     under ({@link SiteSymmetry}), 0 when none
     * @param beforeSymmetry sites before the symmetry merge, −1 when none
     */
    public record Sites(double[] fractional, double[] occupancy, String method, int candidates, int symmetryOperations,
                        int beforeSymmetry) {
        /** Sites without a symmetry merge. */
        public Sites(double[] fractional, double[] occupancy, String method, int candidates) {
            this(fractional, occupancy, method, candidates, 0, -1);
        }

        /** Number of sites. */
        public int count() { return occupancy.length; }

        /**
         * These sites merged under {@code symmetry} ({@code mergeA} Å): occupancy is kept for a site
         * whose cluster holds a density-found site and is NaN for a site only the symmetry supplies.
         */
        public Sites symmetrised(SiteSymmetry symmetry, Lattice cell, double mergeA, double toleranceA) {
            List<Integer> source = new ArrayList<>();
            double[] f = symmetry.merge(fractional, cell, mergeA, source);
            double[] occ = new double[source.size()];
            int recovered = 0;
            for (int i = 0; i < occ.length; i++) {
                occ[i] = source.get(i) >= 0 ? occupancy[source.get(i)] : Double.NaN;
                if (source.get(i) < 0) recovered++;
            }
            String m = method + "; merged under the reference's symmetry (" + symmetry.describe(toleranceA) + "; images within "
                    + String.format(java.util.Locale.ROOT, "%.2f", mergeA) + " A averaged): " + count() + " sites found, " + occ.length
                    + " after the merge, " + recovered + " supplied by symmetry alone";
            return new Sites(f, occ, m, candidates, symmetry.operationCount() * symmetry.cellsInSupercell(), count());
        }
    }

    /**
     * Finds sites from {@code atoms} tracked ions whose Cartesian positions (Å; unwrapped is fine)
     * are channels 3i..3i+2 of {@code positions}, with the cell of frame t in {@code lattices}
     * (9 channels, row-major), over {@code frames} frames.
     */
    public static Sites find(SeriesStore positions, int atoms, SeriesStore lattices, int frames,
                             double spacingA, double captureA, double minOccupancy, double mergeA) {
        Lattice l0 = HopRotationCoupling.lattice(lattices, 0);
        double[][] rows = l0.rows();
        int[] n = new int[3];
        for (int k = 0; k < 3; k++) n[k] = Math.max(8, (int) Math.ceil(Math.sqrt(dot(rows[k], rows[k])) / spacingA));
        int total = n[0] * n[1] * n[2];
        if (total > 64_000_000) throw new IllegalArgumentException("site grid too fine: " + total + " bins");
        int[] counts = new int[total];
        int block = 4096;
        double[] x = new double[block], y = new double[block], z = new double[block], f = new double[3];
        Lattice[] lat = new Lattice[Math.min(block, frames)];
        for (int t0 = 0; t0 < frames; t0 += block) {
            int len = Math.min(block, frames - t0);
            for (int t = 0; t < len; t++) lat[t] = HopRotationCoupling.lattice(lattices, t0 + t);
            for (int i = 0; i < atoms; i++) {
                positions.copy(3 * i, t0, len, x);
                positions.copy(3 * i + 1, t0, len, y);
                positions.copy(3 * i + 2, t0, len, z);
                for (int t = 0; t < len; t++) {
                    lat[t].toFractional(x[t], y[t], z[t], f, 0);
                    int a = bin(f[0], n[0]), b = bin(f[1], n[1]), c = bin(f[2], n[2]);
                    counts[(a * n[1] + b) * n[2] + c]++;
                }
            }
        }
        double[] smooth = new double[total];
        for (int a = 0; a < n[0]; a++) for (int b = 0; b < n[1]; b++) for (int c = 0; c < n[2]; c++) {
            double s = 0;
            for (int da = -1; da <= 1; da++) for (int db = -1; db <= 1; db++) for (int dc = -1; dc <= 1; dc++) {
                s += counts[idx(a + da, b + db, c + dc, n)];
            }
            smooth[(a * n[1] + b) * n[2] + c] = s;
        }
        List<double[]> cand = new ArrayList<>();          // {fa, fb, fc, occupancy}
        int reach0 = (int) Math.ceil(captureA / spacing(rows[0], n[0])), reach1 = (int) Math.ceil(captureA / spacing(rows[1], n[1])),
                reach2 = (int) Math.ceil(captureA / spacing(rows[2], n[2]));
        double[] d = new double[3];
        for (int a = 0; a < n[0]; a++) for (int b = 0; b < n[1]; b++) for (int c = 0; c < n[2]; c++) {
            int self = (a * n[1] + b) * n[2] + c;
            double v = smooth[self];
            if (v <= 0) continue;
            boolean peak = true;
            for (int da = -1; da <= 1 && peak; da++) for (int db = -1; db <= 1 && peak; db++) for (int dc = -1; dc <= 1 && peak; dc++) {
                if (da == 0 && db == 0 && dc == 0) continue;
                int o = idx(a + da, b + db, c + dc, n);
                double w = smooth[o];
                if (w > v || (w == v && o < self)) peak = false;      // ties: the lowest index wins
            }
            if (!peak) continue;
            double sum = 0, sa = 0, sb = 0, sc = 0;
            for (int da = -reach0; da <= reach0; da++) for (int db = -reach1; db <= reach1; db++) for (int dc = -reach2; dc <= reach2; dc++) {
                double fa = (double) da / n[0], fb = (double) db / n[1], fc = (double) dc / n[2];
                l0.toCartesian(fa, fb, fc, d, 0);
                if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] > captureA * captureA) continue;
                int w = counts[idx(a + da, b + db, c + dc, n)];
                sum += w;
                sa += w * fa;
                sb += w * fb;
                sc += w * fc;
            }
            if (sum <= 0) continue;
            cand.add(new double[] {wrap((a + 0.5) / n[0] + sa / sum), wrap((b + 0.5) / n[1] + sb / sum), wrap((c + 0.5) / n[2] + sc / sum),
                sum / frames});
        }
        cand.sort((p, q) -> Double.compare(q[3], p[3]));
        List<double[]> kept = new ArrayList<>();
        for (double[] c : cand) {
            if (c[3] < minOccupancy) continue;
            boolean near = false;
            for (double[] k : kept) {
                double fa = c[0] - k[0], fb = c[1] - k[1], fc = c[2] - k[2];
                l0.toCartesian(fa - Math.rint(fa), fb - Math.rint(fb), fc - Math.rint(fc), d, 0);
                l0.minimumImage(d[0], d[1], d[2], d, 0);
                if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < mergeA * mergeA) { near = true; break; }
            }
            if (!near) kept.add(c);
        }
        double[] frac = new double[3 * kept.size()], occ = new double[kept.size()];
        for (int s = 0; s < kept.size(); s++) {
            for (int k = 0; k < 3; k++) frac[3 * s + k] = kept.get(s)[k];
            occ[s] = kept.get(s)[3];
        }
        String method = String.format(java.util.Locale.ROOT, "peaks of the time-averaged mobile-ion density (grid %dx%dx%d, %.2f A;"
                + " occupancy within %.2f A >= %.3g; peaks closer than %.2f A merged)", n[0], n[1], n[2], spacingA, captureA,
                minOccupancy, mergeA);
        return new Sites(frac, occ, method, cand.size());
    }

    /**
     * A {@link HopDetector} on {@code sites} fed every stored frame: tracked ion i has positions in
     * channels 3i..3i+2 of {@code positions} (Cartesian Å) and species {@code species[i]}; frames are
     * rebuilt in blocks of 1,024.
     */
    public static HopDetector replay(double[] sites, double radiusA, org.paddlewheel.model.Element[] species, SeriesStore positions,
                                     SeriesStore lattices, int frames) {
        int n = species.length;
        int[] tracked = new int[n];
        for (int i = 0; i < n; i++) tracked[i] = i;
        HopDetector d = new HopDetector(sites, tracked, radiusA);
        int block = 1024;
        double[][] ch = new double[3 * n][block];
        double[] pos = new double[3 * n];
        for (int t0 = 0; t0 < frames; t0 += block) {
            int len = Math.min(block, frames - t0);
            for (int c = 0; c < 3 * n; c++) positions.copy(c, t0, len, ch[c]);
            for (int t = 0; t < len; t++) {
                for (int c = 0; c < 3 * n; c++) pos[c] = ch[c][t];
                d.accept(org.paddlewheel.model.Structure.of(HopRotationCoupling.lattice(lattices, t0 + t), species, pos));
            }
        }
        return d;
    }

    private static double spacing(double[] row, int n) { return Math.sqrt(dot(row, row)) / n; }

    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    private static int bin(double f, int n) {
        int b = (int) Math.floor((f - Math.floor(f)) * n);
        return b >= n ? n - 1 : Math.max(b, 0);
    }

    private static int idx(int a, int b, int c, int[] n) {
        return (Math.floorMod(a, n[0]) * n[1] + Math.floorMod(b, n[1])) * n[2] + Math.floorMod(c, n[2]);
    }

    private static double wrap(double v) {
        double w = v - Math.floor(v);
        return w < 1 ? w : 0;
    }
}
