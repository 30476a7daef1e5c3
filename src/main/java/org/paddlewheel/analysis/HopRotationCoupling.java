package org.paddlewheel.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.paddlewheel.model.Lattice;

/**
 * Paddle-wheel coupling between cation hops and the rotation of neighbouring anions of one kind.
 * For every hop (centre frame t0, from {@link HopDetector}) the neighbours are the anions whose
 * centre lies within a cut-off of the hop path (the segment between the two sites, minimum image,
 * at t0). Angular displacement θ(t; t_ref) of an anion is the mean over its ligands of
 * arccos(u(t)·u(t_ref)), in degrees.
 * <ul>
 * <li>Event statistic S_e: mean over the event's neighbours of θ(t0 + h; t0 − h), the rotation
 * across the hop interval of half-width h.</li>
 * <li>Control: the same statistic for the same anions at K random times t' (uniform over the run,
 * seeded), C_{e,k}. Coupling score = ⟨S_e⟩ − ⟨C_{e,k}⟩ (degrees of extra rotation during hops);
 * its significance z = mean(d_e)/(s(d_e)/√n) with paired differences d_e = S_e − mean_k C_{e,k}
 * (events taken as independent), and a one-sided Monte-Carlo p-value, the fraction of the K
 * pseudo-event sets {C_{e,k}}_e whose mean reaches ⟨S_e⟩ ((1 + count)/(1 + K)).</li>
 * <li>Profiles over [t0 − W, t0 + W]: cation displacement along the hop direction from its
 * position at t0 − W (Å) and anion θ(t; t0 − W) (degrees), averaged over events (and neighbours).</li>
 * <li>Synchronicity: Pearson cross-correlation of the time derivatives of the two event-averaged
 * profiles at lags up to ±W/2; the maximum and its lag (positive: anion lags the cation).</li>
 * </ul>
 * Events whose window does not fit in the run are skipped. Inputs are stores of per-frame data
 * recorded in one streaming pass. Å, fs, degrees.
 */
public final class HopRotationCoupling {
    private HopRotationCoupling() {}

    /** Parameters: cut-off Å, half-width h and profile half-width W in frames, control draws K, seed. */
    public record Params(double cutoffA, int halfWidthFrames, int windowFrames, int controlDraws, long seed) {}

    /** Data of one recorded run. */
    public record Inputs(List<HopDetector.Hop> hops, SeriesStore cationPositions, SeriesStore ligandVectors,
                         int ligands, SeriesStore centresFractional, SeriesStore lattices, double[] sitesFractional,
                         double timestepFs) {}

    /**
     * Result for one anion kind.
     *
     * @param events           hops used
     * @param meanNeighbours   neighbours per event
     * @param hopRotationDeg   ⟨S_e⟩, degrees
     * @param controlRotationDeg ⟨C⟩, degrees
     * @param scoreDeg         coupling score ⟨S⟩ − ⟨C⟩, degrees
     * @param z                paired z (t) statistic; NaN for fewer than 2 events
     * @param pValue           one-sided Monte-Carlo p-value
     * @param syncCorrelation  maximum cross-correlation of profile derivatives
     * @param syncLagFs        its lag, fs
     * @param profileTimeFs    t − t0, fs
     * @param cationProfileA   event-averaged cation displacement along the hop, Å
     * @param anionProfileDeg  event-averaged anion angular displacement, degrees
     * @param exampleCationA   one representative event: cation displacement |r(t) − r(t0−W)|, Å
     * @param exampleAnionDeg  its neighbours' angular displacements [neighbour][t], degrees
     * @param exampleHop       that event
     */
    public record Result(int events, double meanNeighbours, double hopRotationDeg, double controlRotationDeg,
                         double scoreDeg, double z, double pValue, double syncCorrelation, double syncLagFs,
                         double[] profileTimeFs, double[] cationProfileA, double[] anionProfileDeg,
                         double[] exampleCationA, double[][] exampleAnionDeg, HopDetector.Hop exampleHop) {}

    public static Result analyse(Inputs in, Params p) {
        int frames = in.ligandVectors().frames();
        int h = p.halfWidthFrames(), w = Math.max(p.windowFrames(), h);
        int mols = in.centresFractional().channels() / 3;
        SplittableRandom rnd = new SplittableRandom(p.seed());
        int span = 2 * w + 1;
        double[] cation = new double[span], anion = new double[span];
        List<Double> s = new ArrayList<>(), dpair = new ArrayList<>();
        double[] controlSetSums = new double[p.controlDraws()];
        double controlSum = 0;
        long controlN = 0, neighbourCount = 0;
        double[] exampleC = null;
        double[][] exampleA = null;
        HopDetector.Hop exampleHop = null;
        double exampleScore = Double.NEGATIVE_INFINITY;
        for (HopDetector.Hop hop : in.hops()) {
            int t0 = hop.centreFrame();
            if (t0 - w < 0 || t0 + w >= frames || frames <= 2 * h + 1) continue;
            Lattice lat = lattice(in.lattices(), t0);
            double[] a = sitePos(in.sitesFractional(), hop.fromSite(), lat);
            double[] dir = lat.minimumImage(sub(sitePos(in.sitesFractional(), hop.toSite(), lat), a));
            List<Integer> nb = new ArrayList<>();
            for (int m = 0; m < mols; m++) {
                double[] c = lat.toCartesian(new double[] {in.centresFractional().get(3 * m, t0),
                    in.centresFractional().get(3 * m + 1, t0), in.centresFractional().get(3 * m + 2, t0)});
                double[] rel = lat.minimumImage(sub(c, a));
                if (segmentDistance(rel, dir) <= p.cutoffA()) nb.add(m);
            }
            if (nb.isEmpty()) continue;
            neighbourCount += nb.size();
            double se = 0;
            for (int m : nb) se += angle(in, m, t0 - h, t0 + h);
            se /= nb.size();
            double ce = 0;
            for (int k = 0; k < p.controlDraws(); k++) {
                int tr = h + rnd.nextInt(frames - 2 * h);
                double c = 0;
                for (int m : nb) c += angle(in, m, tr - h, tr + h);
                c /= nb.size();
                ce += c;
                controlSetSums[k] += c;
            }
            controlSum += ce;
            controlN += p.controlDraws();
            s.add(se);
            dpair.add(se - ce / p.controlDraws());
            // Profiles.
            double len = Math.sqrt(dot(dir, dir));
            double[] e = {dir[0] / len, dir[1] / len, dir[2] / len};
            double[] c0 = pos(in.cationPositions(), hop.atom(), t0 - w);
            double[] exC = new double[span];
            double[][] exA = new double[nb.size()][span];
            for (int j = 0; j < span; j++) {
                double[] r = pos(in.cationPositions(), hop.atom(), t0 - w + j);
                double[] dr = sub(r, c0);
                cation[j] += dot(dr, e);
                exC[j] = Math.sqrt(dot(dr, dr));
                double th = 0;
                for (int q = 0; q < nb.size(); q++) {
                    exA[q][j] = angle(in, nb.get(q), t0 - w, t0 - w + j);
                    th += exA[q][j];
                }
                anion[j] += th / nb.size();
            }
            if (se > exampleScore) { exampleScore = se; exampleC = exC; exampleA = exA; exampleHop = hop; }
        }
        int n = s.size();
        double[] times = new double[span];
        for (int j = 0; j < span; j++) {
            times[j] = (j - w) * in.timestepFs();
            if (n > 0) { cation[j] /= n; anion[j] /= n; }
        }
        if (n == 0) {
            return new Result(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    times, cation, anion, null, null, null);
        }
        double meanS = s.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double meanC = controlSum / controlN;
        double z = Double.NaN;
        if (n >= 2) {
            double md = dpair.stream().mapToDouble(Double::doubleValue).average().orElse(0), ss = 0;
            for (double d : dpair) ss += (d - md) * (d - md);
            double se = Math.sqrt(ss / (n - 1) / n);
            z = se > 0 ? md / se : (md == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, md));
        }
        int reach = 0;
        for (double c : controlSetSums) if (c / n >= meanS) reach++;
        double pv = (1.0 + reach) / (1.0 + p.controlDraws());
        double[] sync = synchronicity(cation, anion, w / 2);
        return new Result(n, neighbourCount / (double) n, meanS, meanC, meanS - meanC, z, pv, sync[0],
                sync[1] * in.timestepFs(), times, cation, anion, exampleC, exampleA, exampleHop);
    }

    /** {max Pearson correlation of the derivatives of x and y over lags −L..L, its lag}. */
    static double[] synchronicity(double[] x, double[] y, int maxLag) {
        int n = x.length - 1;
        double[] dx = new double[n], dy = new double[n];
        for (int i = 0; i < n; i++) { dx[i] = x[i + 1] - x[i]; dy[i] = y[i + 1] - y[i]; }
        double best = Double.NaN;
        int bestLag = 0;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            int c = 0;
            for (int i = Math.max(0, -lag); i < n && i + lag < n; i++) {
                double a = dx[i], b = dy[i + lag];
                sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b; c++;
            }
            if (c < 3) continue;
            double cov = sxy - sx * sy / c, vx = sxx - sx * sx / c, vy = syy - sy * sy / c;
            if (!(vx > 0 && vy > 0)) continue;
            double r = cov / Math.sqrt(vx * vy);
            if (Double.isNaN(best) || r > best) { best = r; bestLag = lag; }
        }
        return new double[] {best, bestLag};
    }

    /** Mean over ligands of the angle between u(t1) and u(t2) of molecule m, degrees. */
    static double angle(Inputs in, int m, int t1, int t2) {
        SeriesStore v = in.ligandVectors();
        int l = in.ligands();
        double sum = 0;
        for (int k = 0; k < l; k++) {
            int c = 3 * (m * l + k);
            double d = v.get(c, t1) * v.get(c, t2) + v.get(c + 1, t1) * v.get(c + 1, t2) + v.get(c + 2, t1) * v.get(c + 2, t2);
            sum += Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, d))));
        }
        return sum / l;
    }

    /** Distance from point p to the segment from the origin to d. */
    static double segmentDistance(double[] p, double[] d) {
        double dd = dot(d, d);
        double u = dd > 0 ? Math.max(0, Math.min(1, dot(p, d) / dd)) : 0;
        double x = p[0] - u * d[0], y = p[1] - u * d[1], z = p[2] - u * d[2];
        return Math.sqrt(x * x + y * y + z * z);
    }

    static Lattice lattice(SeriesStore l, int t) {
        double[] m = new double[9];
        for (int i = 0; i < 9; i++) m[i] = l.get(i, t);
        return Lattice.fromRowMajor(m);
    }

    private static double[] sitePos(double[] s, int j, Lattice lat) {
        return lat.toCartesian(new double[] {s[3 * j], s[3 * j + 1], s[3 * j + 2]});
    }

    private static double[] pos(SeriesStore s, int atom, int t) {
        return new double[] {s.get(3 * atom, t), s.get(3 * atom + 1, t), s.get(3 * atom + 2, t)};
    }

    private static double[] sub(double[] a, double[] b) { return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
}
