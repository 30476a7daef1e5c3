package org.paddlewheel.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.paddlewheel.model.Lattice;

/**
 * The other side of the paddle-wheel debate: rotation events of anion groups found with
 * quaternions and related to cation hops as Jun, Lee, Kam and Ceder do (PNAS 2024, "The
 * nonexistence of a paddlewheel effect in superionic conductors"; their CorrelationAnalyzer), beside
 * our {@link HopRotationCoupling}.
 *
 * <ol>
 * <li><b>Orientation</b>: for each anion and frame, the unit quaternion q(t) of the rotation that best
 *     maps its centre→ligand unit vectors at the first frame onto those at t (Horn's closed form:
 *     the top eigenvector of the 4×4 matrix built from Σ r_k v_kᵀ; fixed ligand order, no permutation,
 *     as their {@code find_rotation}). The angle between the orientations at t₁ and t₂ is
 *     θ = 2 arccos |q(t₁)·q(t₂)| (q and −q are one rotation).</li>
 * <li><b>Rotation events</b>: θ(t₀, t₀ + Δt_min) for every t₀ (Δt_min = {@code minDtFs}, 100 fs), values
 *     below {@code ignoredAngleDeg} (15°, vibrations) set to 0; each onset of a non-zero run is an event
 *     candidate; from it Δt grows until θ(t₀, t₀ + Δt) falls {@code toleranceDeg} (15°) below its running
 *     maximum (or {@code maxDelayFs} is reached): that first maximum is the event's angle, the event's time
 *     t₀ + Δt_min and its place the anion centre then.</li>
 * <li><b>Hops</b> (their definition): an ion's displacement summed since its last hop exceeds
 *     {@code hopLengthA} (3 Å); the hop goes from (position − that sum) to the position.</li>
 * <li><b>Rotation–hop correlation</b>: a hop is correlated when some rotation event lies within
 *     {@code timeScaleFs} of it in time and the mean distance of the event's anion centre to the hop's
 *     initial and final points is ≤ {@code lengthScaleA}; reported for all events and for large-angle
 *     ones (≥ {@code largeAngleDeg}, the "paddle-wheel" rotations).</li>
 * <li><b>Test</b> (ours: their paper's test is not reproduced here): the count of correlated hops against
 *     {@code nullDraws} copies of the run with every hop moved to a uniformly random time (cyclic), same
 *     places; p = (1 + #{null ≥ observed})/(1 + draws), one-sided.</li>
 * </ol>
 * Times fs, lengths Å, angles degrees; frames are the analysed (kept) frames, {@code dtFs} apart.
 */
public final class QuaternionRotationEvents {
    private QuaternionRotationEvents() {}

    /** Settings; {@link #defaults()} are CorrelationAnalyzer's where it has them (min_dt, ignored_angles, tolerance, max_time_delay, hopping_length). */
    public record Params(double minDtFs, double ignoredAngleDeg, double toleranceDeg, double maxDelayFs, double hopLengthA,
                         double timeScaleFs, double lengthScaleA, double largeAngleDeg, int nullDraws, long seed) {
        /** 100 fs, 15°, 15°, 5 ps, 3 Å; 0.5 ps and 5 Å for the correlation; large = 60°; 200 draws, seed 1. */
        public static Params defaults() { return new Params(100, 15, 15, 5000, 3.0, 500, 5.0, 60, 200, 1); }
    }

    /** One rotation event: anion index, frame, frames to the maximum, angle (degrees). */
    public record Event(int anion, int frame, int durationFrames, double angleDeg) {}

    /** One hop by the displacement rule: ion, frame, initial and final Cartesian points (Å, unwrapped). */
    public record Hop(int ion, int frame, double[] initial, double[] fin) {}

    /**
     * Result for one anion kind.
     *
     * @param events               rotation events
     * @param hops                 hops by the displacement rule
     * @param correlatedHops       hops with a rotation event near in time and space
     * @param correlatedHopsLarge  the same with large-angle events only
     * @param nullMean             mean correlated hops over the random-time copies
     * @param nullMeanLarge        the same for large-angle events
     * @param pValue               one-sided p of correlatedHops under the random-time null
     * @param pValueLarge          the same for large-angle events
     */
    public record Result(List<Event> events, List<Hop> hops, int correlatedHops, int correlatedHopsLarge, double nullMean,
                         double nullMeanLarge, double pValue, double pValueLarge, Params params) {
        /** Events with angle ≥ the large-angle threshold. */
        public long largeAngleEvents() { return events.stream().filter(e -> e.angleDeg() >= params.largeAngleDeg()).count(); }

        /** Mean event angle, degrees (NaN without events). */
        public double meanAngleDeg() { return events.stream().mapToDouble(Event::angleDeg).average().orElse(Double.NaN); }
    }

    /**
     * Runs the analysis.
     *
     * @param ligands   unit centre→ligand vectors, channels 3(m·L + k) + xyz ({@link OrientationSampler} LIGAND layout)
     * @param nLigands  ligands per anion (≥ 2: one bond has no defined spin about itself)
     * @param centres   anion centres, fractional, channels 3m + k
     * @param lattices  cell per frame, 9 channels row-major
     * @param mobile    unwrapped Cartesian ion positions, channels 3i + k
     */
    public static Result analyse(SeriesStore ligands, int molecules, int nLigands, SeriesStore centres, SeriesStore lattices,
                                 SeriesStore mobile, int ions, int frames, double dtFs, Params p) {
        if (nLigands < 2) throw new IllegalArgumentException("quaternion orientation needs at least two ligands");
        int nMin = Math.max(1, (int) Math.round(p.minDtFs() / dtFs));
        int nMax = Math.max(nMin, (int) Math.round(p.maxDelayFs() / dtFs));
        List<Event> events = new ArrayList<>();
        double[][] buf = new double[3 * nLigands][frames];
        for (int m = 0; m < molecules; m++) {
            for (int c = 0; c < 3 * nLigands; c++) ligands.copy(3 * m * nLigands + c, 0, frames, buf[c]);
            double[][] q = new double[frames][];
            for (int t = 0; t < frames; t++) q[t] = quaternion(buf, nLigands, t);
            events.addAll(events(m, q, nMin, nMax, p));
        }
        List<Hop> hops = hops(mobile, ions, frames, p.hopLengthA());
        double[][] site = new double[events.size()][];
        for (int e = 0; e < events.size(); e++) {
            Event ev = events.get(e);
            Lattice l = HopRotationCoupling.lattice(lattices, ev.frame());
            site[e] = l.toCartesian(new double[] {centres.get(3 * ev.anion(), ev.frame()), centres.get(3 * ev.anion() + 1, ev.frame()),
                centres.get(3 * ev.anion() + 2, ev.frame())});
        }
        Lattice l0 = HopRotationCoupling.lattice(lattices, 0);
        // near[h][e]: the event's anion is within the length scale of hop h (places fixed; the null moves times only)
        boolean[][] near = new boolean[hops.size()][events.size()];
        for (int h = 0; h < hops.size(); h++) {
            for (int e = 0; e < events.size(); e++) {
                double a = distance(l0, site[e], hops.get(h).initial()), b = distance(l0, site[e], hops.get(h).fin());
                near[h][e] = 0.5 * (a + b) <= p.lengthScaleA();
            }
        }
        double window = p.timeScaleFs() / dtFs;
        int[] hopFrame = hops.stream().mapToInt(Hop::frame).toArray();
        int obs = correlated(hopFrame, events, near, window, -1), obsLarge = correlated(hopFrame, events, near, window, p.largeAngleDeg());
        SplittableRandom rnd = new SplittableRandom(p.seed());
        double sum = 0, sumLarge = 0;
        int above = 0, aboveLarge = 0;
        int[] shifted = new int[hopFrame.length];
        for (int d = 0; d < p.nullDraws(); d++) {
            for (int h = 0; h < shifted.length; h++) shifted[h] = rnd.nextInt(frames);
            int c = correlated(shifted, events, near, window, -1), cl = correlated(shifted, events, near, window, p.largeAngleDeg());
            sum += c;
            sumLarge += cl;
            if (c >= obs) above++;
            if (cl >= obsLarge) aboveLarge++;
        }
        int n = Math.max(1, p.nullDraws());
        return new Result(List.copyOf(events), List.copyOf(hops), obs, obsLarge, sum / n, sumLarge / n,
                (1.0 + above) / (1.0 + p.nullDraws()), (1.0 + aboveLarge) / (1.0 + p.nullDraws()), p);
    }

    /** Hops with an event (of angle ≥ minAngle, or any when minAngle &lt; 0) within ±window frames and near in space. */
    static int correlated(int[] hopFrame, List<Event> events, boolean[][] near, double window, double minAngle) {
        int count = 0;
        for (int h = 0; h < hopFrame.length; h++) {
            for (int e = 0; e < events.size(); e++) {
                Event ev = events.get(e);
                if (near[h][e] && Math.abs(ev.frame() - hopFrame[h]) < window && ev.angleDeg() >= minAngle) { count++; break; }
            }
        }
        return count;
    }

    /** Events of one anion from its quaternions (see the class comment, step 2). */
    static List<Event> events(int anion, double[][] q, int nMin, int nMax, Params p) {
        int frames = q.length;
        List<Event> out = new ArrayList<>();
        boolean onset = false;
        for (int t0 = 0; t0 + nMin < frames; t0++) {
            boolean rotating = angleDeg(q[t0], q[t0 + nMin]) >= p.ignoredAngleDeg();
            if (rotating && !onset) {
                double max = 0;
                int at = 0;
                for (int d = 0; d <= nMax && t0 + d < frames; d++) {
                    double a = angleDeg(q[t0], q[t0 + d]);
                    if (a > max) { max = a; at = d; }
                    if (a < max - p.toleranceDeg()) break;
                }
                out.add(new Event(anion, t0 + nMin, at - nMin, max));
            }
            onset = rotating;
        }
        return out;
    }

    /** Hops by the displacement rule (step 3). */
    static List<Hop> hops(SeriesStore mobile, int ions, int frames, double lengthA) {
        List<Hop> out = new ArrayList<>();
        double[][] x = new double[3][frames];
        for (int i = 0; i < ions; i++) {
            for (int k = 0; k < 3; k++) mobile.copy(3 * i + k, 0, frames, x[k]);
            int ref = 0;
            for (int t = 1; t < frames; t++) {
                double dx = x[0][t] - x[0][ref], dy = x[1][t] - x[1][ref], dz = x[2][t] - x[2][ref];
                if (dx * dx + dy * dy + dz * dz > lengthA * lengthA) {
                    out.add(new Hop(i, t, new double[] {x[0][ref], x[1][ref], x[2][ref]}, new double[] {x[0][t], x[1][t], x[2][t]}));
                    ref = t;
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.frame(), b.frame()));
        return out;
    }

    /** Rotation angle between two orientations, degrees. */
    static double angleDeg(double[] a, double[] b) {
        double d = Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3]);
        return Math.toDegrees(2 * Math.acos(Math.min(1, d)));
    }

    /** Horn's quaternion (w, x, y, z) of the rotation taking the frame-0 vectors onto those of frame t. */
    static double[] quaternion(double[][] v, int nLigands, int t) {
        double[][] s = new double[3][3];
        for (int k = 0; k < nLigands; k++) {
            for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) s[a][b] += v[3 * k + a][0] * v[3 * k + b][t];
        }
        double sxx = s[0][0], sxy = s[0][1], sxz = s[0][2], syx = s[1][0], syy = s[1][1], syz = s[1][2], szx = s[2][0], szy = s[2][1], szz = s[2][2];
        double[][] n = {
            {sxx + syy + szz, syz - szy, szx - sxz, sxy - syx},
            {syz - szy, sxx - syy - szz, sxy + syx, szx + sxz},
            {szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy},
            {sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz}};
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(n, false));
        double[] ev = e.getEigenvalues();
        int best = 0;
        for (int i = 1; i < 4; i++) if (ev[i] > ev[best]) best = i;
        return e.getEigenvector(best).toArray();
    }

    private static double distance(Lattice l, double[] a, double[] b) {
        double[] d = new double[3];
        l.minimumImage(a[0] - b[0], a[1] - b[1], a[2] - b[2], d, 0);
        return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    }
}
