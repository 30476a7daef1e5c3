package org.paddlewheel.analysis;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Did the crystal stay a crystal? Fed frame by frame with the centre atoms of one anion sublattice
 * (e.g. the B of every BH4), it measures three things a melted or drifting cell shows:
 * <ul>
 *   <li><b>anion-centre MSD</b>, Å²: ⟨|r_i(t) − r_i(0)|²⟩ over the centres, with the sublattice's own
 *       centre-of-mass displacement removed (so a rigid drift of the whole cell does not count),
 *       averaged over the last tenth of the frames. In a crystal it saturates near 2⟨u²⟩
 *       (≈ 0.1–0.5 Å² for these cells at 250–700 K); in a liquid it grows without bound.</li>
 *   <li><b>Lindemann ratio</b> δ_L = √⟨|r_i − ⟨r_i⟩|²⟩ / d_nn (Lindemann 1910): the root-mean-square
 *       fluctuation of each centre about its own time-averaged (unwrapped, drift-removed) position,
 *       divided by the site spacing d_nn = (V/N)^{1/3} of the sublattice in the first frame (the
 *       nearest-neighbour distance of a simple-cubic sublattice, as both anion sublattices of the
 *       antiperovskite are; unlike the closest pair it is not biased low by thermal noise).
 *       Crystals melt near δ_L ≈ 0.1–0.15; a diffusing centre gives δ_L of order 1.</li>
 *   <li><b>cell-length drift</b>: the relative change of the mean cell length (a+b+c)/3 between the
 *       first and the last tenth of the frames (an NPT cell that swells as it melts, or collapses).</li>
 * </ul>
 * Unwrapping: the minimum-image step between consecutive frames in the current cell's fractional
 * coordinates (as {@link Unwrapper}). Memory: O(centres) plus two doubles per frame.
 */
public final class LatticeStability {
    /** Lindemann ratio above which a sublattice counts as molten (Lindemann criterion, 0.1). */
    public static final double LINDEMANN_MAX = 0.10;
    /** Anion-centre MSD above which a sublattice counts as diffusing: (0.25·d_nn)², as a fraction of d_nn². */
    public static final double MSD_MAX_FRACTION_OF_DNN2 = 0.0625;
    /** Relative cell-length change above which the cell counts as drifting (3 %). */
    public static final double CELL_DRIFT_MAX = 0.03;

    /**
     * Measured stability of one sublattice.
     *
     * @param centres          number of centres watched
     * @param msdA2            drift-removed anion-centre MSD over the last tenth of the run, Å²
     * @param lindemann        Lindemann ratio δ_L (dimensionless)
     * @param nearestNeighbourA site spacing (V/N)^{1/3} of the sublattice in the first frame, Å
     * @param cellDrift        (L_last − L_first)/L_first of the mean cell length, first vs last tenth (signed)
     */
    public record Result(int centres, double msdA2, double lindemann, double nearestNeighbourA, double cellDrift) {
        /** Why this run is not a stable crystal, or null when it is (thresholds in the class constants). */
        public String problem() {
            List<String> p = new ArrayList<>();
            if (lindemann > LINDEMANN_MAX) p.add(String.format(java.util.Locale.ROOT, "molten: anion-centre Lindemann ratio %.2f > %.2f", lindemann, LINDEMANN_MAX));
            double msdMax = MSD_MAX_FRACTION_OF_DNN2 * nearestNeighbourA * nearestNeighbourA;
            if (msdA2 > msdMax) p.add(String.format(java.util.Locale.ROOT, "anion centres diffuse: MSD %.2f Å² > %.2f Å²", msdA2, msdMax));
            if (Math.abs(cellDrift) > CELL_DRIFT_MAX) p.add(String.format(java.util.Locale.ROOT, "lattice drift: cell length changed %+.1f %% (limit ±%.0f %%)", 100 * cellDrift, 100 * CELL_DRIFT_MAX));
            return p.isEmpty() ? null : String.join("; ", p);
        }
    }

    private final int[] centres;
    private double[] prevFrac, unwrapped, first, sum, sumSq;
    private final List<Double> msdSeries = new ArrayList<>(), lengthSeries = new ArrayList<>();
    private double dnn = Double.NaN;
    private int frames;

    /** Watches the atoms {@code centreAtoms} (indices into every frame's structure). */
    public LatticeStability(int[] centreAtoms) {
        if (centreAtoms.length == 0) throw new IllegalArgumentException("no centres to watch");
        this.centres = centreAtoms.clone();
    }

    /** Feeds the next frame. */
    public void accept(Structure s) {
        Lattice lat = s.lattice();
        int n = centres.length;
        double[] frac = new double[3 * n];
        for (int i = 0; i < n; i++) lat.toFractional(s.x(centres[i], 0), s.x(centres[i], 1), s.x(centres[i], 2), frac, 3 * i);
        if (frames == 0) {
            unwrapped = new double[3 * n];
            for (int i = 0; i < n; i++) lat.toCartesian(frac[3 * i], frac[3 * i + 1], frac[3 * i + 2], unwrapped, 3 * i);
            first = unwrapped.clone();
            sum = new double[3 * n];
            sumSq = new double[n];
            dnn = nearestNeighbour(s);
        } else {
            double[] d = new double[3];
            for (int i = 0; i < n; i++) {
                double f0 = wrap(frac[3 * i] - prevFrac[3 * i]), f1 = wrap(frac[3 * i + 1] - prevFrac[3 * i + 1]),
                        f2 = wrap(frac[3 * i + 2] - prevFrac[3 * i + 2]);
                lat.toCartesian(f0, f1, f2, d, 0);
                for (int k = 0; k < 3; k++) unwrapped[3 * i + k] += d[k];
            }
        }
        prevFrac = frac;
        double[] com = new double[3];
        for (int i = 0; i < n; i++) for (int k = 0; k < 3; k++) com[k] += (unwrapped[3 * i + k] - first[3 * i + k]) / n;
        double msd = 0;
        for (int i = 0; i < n; i++) {
            double r2 = 0;
            for (int k = 0; k < 3; k++) {
                double u = unwrapped[3 * i + k] - com[k];   // drift-removed position
                sum[3 * i + k] += u;
                r2 += u * u;
                double dd = u - first[3 * i + k];
                msd += dd * dd / n;
            }
            sumSq[i] += r2;
        }
        msdSeries.add(msd);
        double[] l = lat.lengths();
        lengthSeries.add((l[0] + l[1] + l[2]) / 3);
        frames++;
    }

    /** The result after the last frame (null before any frame). */
    public Result result() {
        if (frames == 0) return null;
        int n = centres.length;
        double fluct = 0;
        for (int i = 0; i < n; i++) {
            double m2 = 0;
            for (int k = 0; k < 3; k++) { double m = sum[3 * i + k] / frames; m2 += m * m; }
            fluct += Math.max(0, sumSq[i] / frames - m2) / n;
        }
        int tenth = Math.max(1, frames / 10);
        double msd = mean(msdSeries, frames - tenth, frames);
        double l0 = mean(lengthSeries, 0, tenth), l1 = mean(lengthSeries, frames - tenth, frames);
        return new Result(n, msd, Math.sqrt(fluct) / dnn, dnn, (l1 - l0) / l0);
    }

    private static double mean(List<Double> v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += v.get(i);
        return s / (to - from);
    }

    private static double wrap(double f) { return f - Math.rint(f); }

    /** Site spacing (V/N)^{1/3} of the watched sublattice, Å. */
    private double nearestNeighbour(Structure s) {
        return Math.cbrt(s.lattice().volume() / centres.length);
    }
}
