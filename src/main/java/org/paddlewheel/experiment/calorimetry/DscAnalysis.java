package org.paddlewheel.experiment.calorimetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Phase transitions in a differential scanning calorimetry curve: time t (s), sample temperature T
 * (K) and specific heat flow q (W/g, positive = into the sample, i.e. endothermic up; the command
 * flips exo-up data). The curve is split into heating and cooling branches by the sign of dT/dt
 * (isothermal holds, |dT/dt| below a fifth of the median scan rate, are left out). Per branch:
 * <ol>
 * <li>Baseline: a quadratic in T fitted by least squares with the peaks excluded iteratively
 *     (points more than 3σ off the fit, σ = 1.4826·MAD of the residuals, and 3 neighbours each
 *     side, are dropped; 12 rounds).</li>
 * <li>Peaks: runs where |q − b| &gt; 6σ, widened until the deviation falls back below 1σ; runs
 *     shorter than 5 points are noise.</li>
 * <li>Enthalpy ΔH = ∫(q − b) dt (trapezoids, J/g): heat taken up by the sample, &gt; 0 endothermic.</li>
 * <li>Peak temperature: the extremum of q − b, refined by a parabola through 3 points.</li>
 * <li>Onset (ISO 11357-1 / ASTM E794 "extrapolated onset"): the tangent at the steepest point of the
 *     leading edge (in time order: low-T side on heating, high-T side on cooling; slope by a local
 *     straight-line fit over ±w points, w = 1/40 of the peak's range but ≥ 2 — a wider window
 *     underestimates the slope by g'''h²/10 and moves the onset outward) meets the baseline. For a
 *     Gaussian peak of width s in T it is T_peak ∓ 2s exactly.</li>
 * </ol>
 * A step in heat capacity across the transition is not modelled (one baseline per branch).
 */
public final class DscAnalysis {
    private DscAnalysis() {}

    /**
     * One transition.
     *
     * @param branch        "heating" or "cooling"
     * @param onsetK        extrapolated onset, K
     * @param peakK         peak temperature, K
     * @param endK          end of the integration range, K; {@code startK} its start
     * @param enthalpyJPerG ΔH, J/g (&gt; 0 endothermic)
     * @param enthalpyStdJPerG noise contribution to ΔH: σ·√(Σ Δt²), J/g
     * @param rateKPerMin   scan rate of the branch (median of dT/dt), K/min (signed)
     */
    public record Transition(String branch, double onsetK, double peakK, double startK, double endK, double enthalpyJPerG,
                             double enthalpyStdJPerG, double rateKPerMin, int from, int to) {
        /** "endothermic" or "exothermic". */
        public String kind() { return enthalpyJPerG > 0 ? "endothermic" : "exothermic"; }
    }

    /** Branch baselines, for plotting: index range and baseline values. */
    public record Branch(String name, int from, int to, double[] baseline, double noise) {}

    /** The result: transitions in time order and the branches they were found on. */
    public record Result(List<Transition> transitions, List<Branch> branches) {}

    /** Analyses the curve; arrays of equal length, time ascending. */
    public static Result analyse(double[] t, double[] tempK, double[] q) {
        int n = t.length;
        if (n < 20) throw new IllegalArgumentException("a DSC curve needs at least 20 points, got " + n);
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 2), b = Math.min(n - 1, i + 2);
            rate[i] = (tempK[b] - tempK[a]) / (t[b] - t[a]);
        }
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) abs[i] = Math.abs(rate[i]);
        double thr = 0.2 * median(abs);
        List<Transition> out = new ArrayList<>();
        List<Branch> branches = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int sign = rate[i] > thr ? 1 : rate[i] < -thr ? -1 : 0;
            int j = i;
            while (j < n && (sign == 0 ? Math.abs(rate[j]) <= thr : Math.signum(rate[j]) == sign && Math.abs(rate[j]) > thr)) j++;
            if (sign != 0 && j - i >= 20) {
                double r = median(Arrays.copyOfRange(rate, i, j)) * 60;
                analyseBranch(t, tempK, q, i, j, sign > 0 ? "heating" : "cooling", r, out, branches);
            }
            i = j;
        }
        return new Result(List.copyOf(out), List.copyOf(branches));
    }

    private static void analyseBranch(double[] t, double[] tk, double[] q, int from, int to, String name, double rateKPerMin,
                                      List<Transition> out, List<Branch> branches) {
        int m = to - from;
        boolean[] use = new boolean[m];
        Arrays.fill(use, true);
        double[] coef = null, res = new double[m];
        double sigma = 0;
        for (int round = 0; round < 12; round++) {
            coef = quadratic(tk, q, from, use);
            for (int k = 0; k < m; k++) res[k] = q[from + k] - poly(coef, tk[from + k]);
            double[] r = new double[m];
            int c = 0;
            for (int k = 0; k < m; k++) if (use[k]) r[c++] = Math.abs(res[k]);
            sigma = 1.4826 * median(Arrays.copyOf(r, c));
            boolean[] next = new boolean[m];
            Arrays.fill(next, true);
            for (int k = 0; k < m; k++) {
                if (Math.abs(res[k]) > 3 * sigma) for (int d = -3; d <= 3; d++) if (k + d >= 0 && k + d < m) next[k + d] = false;
            }
            int kept = 0;
            for (boolean b : next) if (b) kept++;
            if (kept < Math.max(10, m / 5)) break;
            if (Arrays.equals(next, use)) break;
            use = next;
        }
        double[] base = new double[m];
        for (int k = 0; k < m; k++) base[k] = poly(coef, tk[from + k]);
        branches.add(new Branch(name, from, to, base, sigma));
        int k = 0;
        while (k < m) {
            if (Math.abs(res[k]) <= 6 * sigma) { k++; continue; }
            int s = k, e = k;
            while (e < m && Math.abs(res[e]) > 6 * sigma && Math.signum(res[e]) == Math.signum(res[k])) e++;
            double sg = Math.signum(res[k]);
            while (s > 0 && res[s - 1] * sg > sigma) s--;
            while (e < m && res[e] * sg > sigma) e++;
            if (e - s >= 5) out.add(transition(t, tk, res, from, s, e, name, sigma, rateKPerMin));
            k = e;
        }
    }

    private static Transition transition(double[] t, double[] tk, double[] res, int off, int s, int e, String name, double sigma, double rate) {
        double h = 0, var = 0;
        int last = Math.min(e, res.length - 1);
        int peak = s;
        for (int k = s; k <= last; k++) if (Math.abs(res[k]) > Math.abs(res[peak])) peak = k;
        for (int k = Math.max(s, 1); k <= last; k++) {
            double dt = t[off + k] - t[off + k - 1];
            h += 0.5 * (res[k] + res[k - 1]) * dt;
            var += dt * dt;
        }
        double peakT = tk[off + peak];
        if (peak > s && peak < last) {
            double y0 = res[peak - 1], y1 = res[peak], y2 = res[peak + 1];
            double den = y0 - 2 * y1 + y2;
            if (den != 0) {
                double u = 0.5 * (y0 - y2) / den; // vertex offset in points
                double dT = u >= 0 ? tk[off + peak + 1] - tk[off + peak] : tk[off + peak] - tk[off + peak - 1];
                peakT += u * dT;
            }
        }
        // onset: steepest point of the leading edge (first in time) and its tangent to zero (the baseline)
        int w = Math.max(2, (last - s) / 40);
        double best = 0, onset = Double.NaN;
        for (int k = s; k < peak; k++) {
            int a = Math.max(s, k - w), b = Math.min(peak, k + w);
            if (b - a < 2) continue;
            double[] line = line(tk, res, off, a, b);
            double slopeTowardPeak = line[1] * Math.signum(res[peak]) * Math.signum(tk[off + peak] - tk[off + s]);
            if (slopeTowardPeak > best) {
                best = slopeTowardPeak;
                double yk = line[0] + line[1] * tk[off + k];
                onset = tk[off + k] - yk / line[1];
            }
        }
        return new Transition(name, onset, peakT, tk[off + s], tk[off + last], h, sigma * Math.sqrt(var), rate, off + s, off + last);
    }

    /** {intercept, slope} of res on T over [a, b]. */
    private static double[] line(double[] tk, double[] res, int off, int a, int b) {
        double st = 0, sy = 0;
        int n = b - a + 1;
        for (int k = a; k <= b; k++) { st += tk[off + k]; sy += res[k]; }
        double tm = st / n, ym = sy / n, stt = 0, sty = 0;
        for (int k = a; k <= b; k++) { stt += (tk[off + k] - tm) * (tk[off + k] - tm); sty += (tk[off + k] - tm) * (res[k] - ym); }
        double slope = stt > 0 ? sty / stt : 0;
        return new double[] {ym - slope * tm, slope};
    }

    private static double[] quadratic(double[] x, double[] y, int off, boolean[] use) {
        double mean = 0;
        int c = 0;
        for (int k = 0; k < use.length; k++) if (use[k]) { mean += x[off + k]; c++; }
        mean /= Math.max(1, c);
        double[][] a = new double[3][4];
        for (int k = 0; k < use.length; k++) {
            if (!use[k]) continue;
            double u = x[off + k] - mean;
            double[] f = {1, u, u * u};
            for (int r = 0; r < 3; r++) {
                for (int s = 0; s < 3; s++) a[r][s] += f[r] * f[s];
                a[r][3] += f[r] * y[off + k];
            }
        }
        double[] sol = solve3(a);
        return new double[] {sol[0], sol[1], sol[2], mean};
    }

    private static double poly(double[] c, double x) {
        double u = x - c[3];
        return c[0] + u * (c[1] + u * c[2]);
    }

    private static double[] solve3(double[][] a) {
        for (int p = 0; p < 3; p++) {
            int piv = p;
            for (int r = p + 1; r < 3; r++) if (Math.abs(a[r][p]) > Math.abs(a[piv][p])) piv = r;
            double[] tmp = a[p]; a[p] = a[piv]; a[piv] = tmp;
            if (Math.abs(a[p][p]) < 1e-300) return new double[] {0, 0, 0};
            for (int r = 0; r < 3; r++) {
                if (r == p) continue;
                double f = a[r][p] / a[p][p];
                for (int s = p; s < 4; s++) a[r][s] -= f * a[p][s];
            }
        }
        return new double[] {a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]};
    }

    private static double median(double[] v) {
        if (v.length == 0) return 0;
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
