package org.paddlewheel.analysis;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Site-to-site hops of mobile ions, detected with hysteresis. Sites are fixed fractional positions
 * (from a reference structure: the first frame, or an ideal structure given by the user, which
 * must contain vacant sites too if vacancies are to be hopped into); each site has a sphere of
 * radius r. An ion starts on its nearest site and changes site only when it enters another
 * site's sphere; leaving its own sphere is not enough, so vibrations and failed attempts are never
 * hops. Default r = 0.3 × the shortest site–site distance (spheres far apart, yet large enough to
 * contain thermal vibrations of ~0.3 Å rms). A hop is timed by the last frame inside the old
 * sphere (t_leave) and the first inside the new one (t_enter). Sites move with the cell (fractional),
 * so NPT runs work; distances use the minimum image of the current cell. Streaming: O(ions) memory
 * plus the hop list. Å, frame indices.
 */
public final class HopDetector {
    /**
     * One hop.
     *
     * @param atom        index into the tracked-ion list
     * @param fromSite    site left
     * @param toSite      site entered
     * @param leaveFrame  last frame inside the old site's sphere
     * @param enterFrame  first frame inside the new site's sphere
     * @param distanceA   site–site minimum-image distance at enterFrame, Å
     */
    public record Hop(int atom, int fromSite, int toSite, int leaveFrame, int enterFrame, double distanceA) {
        /** Centre of the hop, (leave + enter)/2 rounded down, frame index. */
        public int centreFrame() { return (leaveFrame + enterFrame) / 2; }
    }

    private final double[] sites;
    private final int[] atoms;
    private final double radius;
    private final int[] current;
    private final int[] lastInside;
    private final List<Hop> hops = new ArrayList<>();
    private final double[] f = new double[3];
    private final double[] d = new double[3];
    private final double[] bound = new double[3];
    private final int[] byF0;            // site indices sorted by wrapped first fractional coordinate
    private final double[] sortedF0;
    private int frame;

    /**
     * @param sitesFractional flat 3M fractional site coordinates
     * @param atoms           indices of the tracked ions in each frame
     * @param radiusA         sphere radius, Å; must be below half the shortest site–site distance
     */
    public HopDetector(double[] sitesFractional, int[] atoms, double radiusA) {
        this.sites = sitesFractional.clone();
        this.atoms = atoms.clone();
        this.radius = radiusA;
        this.current = new int[atoms.length];
        this.lastInside = new int[atoms.length];
        if (sites.length < 3) throw new IllegalArgumentException("no sites");
        int ns = sites.length / 3;
        Integer[] idx = new Integer[ns];
        for (int j = 0; j < ns; j++) idx[j] = j;
        java.util.Arrays.sort(idx, java.util.Comparator.comparingDouble(j -> wrapped(sites[3 * j])));
        this.byF0 = new int[ns];
        this.sortedF0 = new double[ns];
        for (int q = 0; q < ns; q++) { byF0[q] = idx[q]; sortedF0[q] = wrapped(sites[3 * idx[q]]); }
        if (!(radiusA > 0)) throw new IllegalArgumentException("site radius must be > 0 Å");
    }

    /** Default radius: 0.3 × the shortest site–site minimum-image distance in {@code lattice}, Å. */
    public static double defaultRadius(double[] sitesFractional, Lattice lattice) {
        return 0.3 * shortestSiteDistance(sitesFractional, lattice);
    }

    /** Shortest distance between two distinct sites, Å (∞ for one site). */
    public static double shortestSiteDistance(double[] s, Lattice lattice) {
        double best = Double.POSITIVE_INFINITY;
        double[] c = new double[3];
        for (int i = 0; i < s.length / 3; i++) {
            for (int j = i + 1; j < s.length / 3; j++) {
                double[] r = lattice.toCartesian(new double[] {s[3 * j] - s[3 * i], s[3 * j + 1] - s[3 * i + 1], s[3 * j + 2] - s[3 * i + 2]});
                lattice.minimumImage(r[0], r[1], r[2], c, 0);
                best = Math.min(best, Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]));
            }
        }
        return best;
    }

    /** Feeds the next frame. */
    public void accept(Structure s) {
        Lattice lat = s.lattice();
        if (frame == 0) {
            double minSep = shortestSiteDistance(sites, lat);
            if (radius >= 0.5 * minSep) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "site radius %.3f Å must be below half the shortest site distance (%.3f Å)", radius, minSep));
            }
        }
        double r2 = radius * radius;
        // |Δf_k| ≤ |d|·|b_k*| for any image d of the ion–site vector (b_k* reciprocal rows), and the
        // rint-wrapped |Δf_k| is the smallest over images: a site failing this bound cannot be within r.
        double[][] rec = lat.reciprocalRows();
        for (int k = 0; k < 3; k++) bound[k] = radius * Math.sqrt(rec[k][0] * rec[k][0] + rec[k][1] * rec[k][1] + rec[k][2] * rec[k][2]) * (1 + 1e-9);
        for (int i = 0; i < atoms.length; i++) {
            int a = atoms[i];
            lat.toFractional(s.x(a, 0), s.x(a, 1), s.x(a, 2), f, 0);
            if (frame == 0) {
                int best = 0;
                double bd = Double.POSITIVE_INFINITY;
                for (int j = 0; j < sites.length / 3; j++) {
                    double q = dist2(lat, j);
                    if (q < bd) { bd = q; best = j; }
                }
                current[i] = best;
                lastInside[i] = 0;
                continue;
            }
            if (dist2(lat, current[i]) < r2) { lastInside[i] = frame; continue; }
            int j = enteredSite(lat, i, r2);
            if (j >= 0) {
                hops.add(new Hop(i, current[i], j, lastInside[i], frame, siteDistance(lat, current[i], j)));
                current[i] = j;
                lastInside[i] = frame;
            }
        }
        frame++;
    }

    /**
     * The site other than ion i's own whose sphere holds the ion at fractional f, or −1. Spheres are
     * disjoint, so at most one can; only sites whose wrapped first fractional coordinate is within
     * bound[0] of the ion's are tried (binary search in the sorted list), then {@link #far}.
     */
    private int enteredSite(Lattice lat, int i, double r2) {
        double b = bound[0];
        int ns = byF0.length;
        if (b >= 0.5) {
            for (int j = 0; j < ns; j++) if (j != current[i] && !far(j) && dist2(lat, j) < r2) return j;
            return -1;
        }
        double x = wrapped(f[0]);
        for (int pass = -1; pass <= 1; pass++) {         // the window [x−b, x+b] and its images ±1
            double lo = x - b + pass, hi = x + b + pass;
            if (hi < 0 || lo >= 1) continue;
            for (int q = lowerBound(Math.max(0, lo)); q < ns && sortedF0[q] <= hi; q++) {
                int j = byF0[q];
                if (j != current[i] && !far(j) && dist2(lat, j) < r2) return j;
            }
        }
        return -1;
    }

    private int lowerBound(double v) {
        int lo = 0, hi = sortedF0.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedF0[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** True when site j is certainly farther than the radius from the ion at fractional f. */
    private boolean far(int j) {
        for (int k = 0; k < 3; k++) {
            double a = f[k] - sites[3 * j + k];
            if (Math.abs(a - Math.rint(a)) > bound[k]) return true;
        }
        return false;
    }

    /** Squared minimum-image distance from the ion at fractional f to site j, Å². */
    private double dist2(Lattice lat, int j) {
        double a = f[0] - sites[3 * j], b = f[1] - sites[3 * j + 1], c = f[2] - sites[3 * j + 2];
        a -= Math.rint(a); b -= Math.rint(b); c -= Math.rint(c);
        lat.toCartesian(a, b, c, d, 0);
        if (!lat.isOrthorhombic()) lat.minimumImage(d[0], d[1], d[2], d, 0);
        return d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
    }

    private double siteDistance(Lattice lat, int i, int j) {
        double[] r = lat.toCartesian(new double[] {sites[3 * j] - sites[3 * i], sites[3 * j + 1] - sites[3 * i + 1], sites[3 * j + 2] - sites[3 * i + 2]});
        lat.minimumImage(r[0], r[1], r[2], d, 0);
        return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    }

    /** v mod 1 in [0, 1) (v − floor(v) can round to 1 for tiny negative v). */
    private static double wrapped(double v) {
        double w = v - Math.floor(v);
        return w < 1 ? w : 0;
    }

    /** Hops found so far, in detection order. */
    public List<Hop> hops() { return List.copyOf(hops); }

    /** Current site of every tracked ion. */
    public int[] currentSites() { return current.clone(); }

    /** Frames seen. */
    public int frames() { return frame; }

    /** Site radius, Å. */
    public double radius() { return radius; }
}
