package org.paddlewheel.experiment.polarization;

import java.util.Arrays;
import org.paddlewheel.experiment.LeastSquares;

/**
 * A potentiostatic current–time curve I(t) after a voltage step at t = 0 (A, s) and what DC
 * polarisation needs from it: the initial current I0, the steady-state current I_ss found from the
 * data, and their standard errors.
 * <p><b>Plateau detection.</b> The noise σ is the robust scatter of the first differences
 * over the record's second half, 1.4826·MAD(ΔI)/√2 (insensitive to the decay's trend). For start indices k on a grid of 200, the tail
 * [k, n) is fitted with a straight line; the plateau is the longest tail (smallest k, at least 10
 * points and 5 % of the record) whose fitted change across its length is below twice its standard
 * error — no detectable drift. A slope test is blind to the last of an exponential bunched at the
 * tail's start (on synthetic decays that bias I_ss by ~1σ), so the tail's first third is dropped and
 * the plateau is the rest. I_ss is the plateau's mean, its error s/√n_eff with
 * n_eff = n(1 − ρ1)/(1 + ρ1) (ρ1 the lag-1 autocorrelation of the tail's residuals, ≥ 0).
 * <p><b>Exponential check.</b> I(t) = I_∞ + A·exp(−t/τ) is also fitted (Levenberg–Marquardt) to the
 * whole curve; when no plateau exists (the record ends before the decay does), I_ss is I_∞ from that
 * fit and {@link Result#plateauReached()} is false.
 * <p><b>I0.</b> The first sample after t ≥ 0 by default (its error σ), the exponential fit's
 * I_∞ + A at t = 0, or a value given by the user (e.g. ΔV/R_total from impedance).
 */
public final class CurrentDecay {
    /** How I0 is taken. */
    public enum InitialCurrent { FIRST_POINT, EXPONENTIAL_FIT }

    /**
     * @param i0A I0 (A) and {@code i0StdA}
     * @param issA steady-state current (A) and {@code issStdA}
     * @param plateauReached whether a drift-free tail was found
     * @param plateauStartS time where the plateau starts (s; NaN without one)
     * @param plateauPoints points in the plateau
     * @param noiseA robust noise σ of the current, A
     * @param tauS time constant of the single-exponential fit (s) and its fit values
     */
    public record Result(double i0A, double i0StdA, double issA, double issStdA, boolean plateauReached, double plateauStartS,
                         int plateauPoints, double noiseA, double tauS, double fitInfA, double fitAmpA, double fitInfStdA) {}

    private CurrentDecay() {}

    /** Analyses {@code t} (s, ascending) and {@code current} (A). */
    public static Result analyse(double[] t, double[] current, InitialCurrent mode) {
        int n = t.length;
        if (n < 20) throw new IllegalArgumentException("a current–time curve needs at least 20 points, got " + n);
        for (int i = 1; i < n; i++) {
            if (!(t[i] > t[i - 1])) throw new IllegalArgumentException("time must increase (row " + (i + 1) + ")");
        }
        double noise = noise(current);
        // plateau: earliest k with an insignificant trend over [k, n)
        int minLen = Math.max(10, n / 20), best = -1;
        int steps = Math.min(200, n - minLen);
        for (int s = 0; s <= steps; s++) {
            int k = (int) ((long) s * (n - minLen) / Math.max(1, steps));
            double[] fit = line(t, current, k, n);
            double change = Math.abs(fit[1]) * (t[n - 1] - t[k]);
            double changeStd = fit[2] * (t[n - 1] - t[k]);
            if (change < 2 * changeStd) {
                // a slope test misses an exponential tail bunched at the segment's start: drop its first third
                best = k + (n - k) / 3;
                break;
            }
        }
        double[] expo = exponential(t, current, noise);
        double issA, issStd;
        int pts = 0;
        if (best >= 0) {
            pts = n - best;
            double m = 0;
            for (int i = best; i < n; i++) m += current[i];
            m /= pts;
            double ss = 0, c1 = 0;
            for (int i = best; i < n; i++) ss += (current[i] - m) * (current[i] - m);
            for (int i = best + 1; i < n; i++) c1 += (current[i] - m) * (current[i - 1] - m);
            double rho = ss > 0 ? Math.max(0, c1 / ss) : 0;
            double nEff = Math.max(1, pts * (1 - rho) / (1 + rho));
            issA = m;
            issStd = Math.sqrt(ss / Math.max(1, pts - 1) / nEff);
        } else {
            issA = expo[0];
            issStd = expo[3];
        }
        double i0, i0Std;
        if (mode == InitialCurrent.EXPONENTIAL_FIT) {
            i0 = expo[0] + expo[1];
            i0Std = expo[4];
        } else {
            i0 = current[0];
            i0Std = noise;
        }
        return new Result(i0, i0Std, issA, issStd, best >= 0, best >= 0 ? t[best] : Double.NaN, pts, noise, expo[2], expo[0], expo[1], expo[3]);
    }

    /** Robust σ: median absolute deviation of the first differences over the second half of the record, /√2. */
    static double noise(double[] y) {
        int from = y.length / 2;
        double[] d = new double[y.length - 1 - from];
        for (int i = from + 1; i < y.length; i++) d[i - 1 - from] = y[i] - y[i - 1];
        double med = median(d.clone());
        for (int i = 0; i < d.length; i++) d[i] = Math.abs(d[i] - med);
        return 1.4826 * median(d) / Math.sqrt(2);
    }

    private static double median(double[] d) {
        Arrays.sort(d);
        return d.length % 2 == 1 ? d[d.length / 2] : 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]);
    }

    /** {intercept, slope, slope std} of y on t over [k, n). */
    static double[] line(double[] t, double[] y, int k, int n) {
        int m = n - k;
        double st = 0, sy = 0;
        for (int i = k; i < n; i++) { st += t[i]; sy += y[i]; }
        double tm = st / m, ym = sy / m, stt = 0, sty = 0;
        for (int i = k; i < n; i++) { stt += (t[i] - tm) * (t[i] - tm); sty += (t[i] - tm) * (y[i] - ym); }
        double b = sty / stt, a = ym - b * tm, rss = 0;
        for (int i = k; i < n; i++) { double r = y[i] - a - b * t[i]; rss += r * r; }
        return new double[] {a, b, Math.sqrt(rss / Math.max(1, m - 2) / stt)};
    }

    /** {I_∞, A, τ, σ(I_∞), σ(I_∞ + A)} of I = I_∞ + A·exp(−t/τ). */
    static double[] exponential(double[] t, double[] y, double noise) {
        int n = t.length;
        double last = 0;
        int tail = Math.max(1, n / 10);
        for (int i = n - tail; i < n; i++) last += y[i] / tail;
        double amp = y[0] - last;
        // τ start: time where the excess first falls below 1/e of its initial value
        double tau = (t[n - 1] - t[0]) / 5;
        for (int i = 0; i < n; i++) if (Math.abs(y[i] - last) < Math.abs(amp) / Math.E) { tau = Math.max(t[i] - t[0], 1e-12); break; }
        double t0 = t[0], sigma = noise > 0 ? noise : 1;
        double[] start = {last, amp, Math.log(tau)};
        double scaleY = Math.max(Math.abs(amp), Math.abs(last)) + 1e-300;
        LeastSquares.Result r = LeastSquares.fit(p -> {
            double[] res = new double[n];
            double tt = Math.exp(p[2]);
            for (int i = 0; i < n; i++) res[i] = (p[0] + p[1] * Math.exp(-(t[i] - t0) / tt) - y[i]) / sigma;
            return res;
        }, start, new double[] {scaleY, scaleY, 1}, null, null, 200, true);
        double[] p = r.p();
        double tauFit = Math.exp(p[2]);
        // the fit is in (t − t0); at t = 0 the amplitude is A·exp(t0/τ)
        double a0 = p[1] * Math.exp(t0 / tauFit);
        double[][] c = r.covariance();
        double varSum = c[0][0] + c[1][1] + 2 * c[0][1];
        return new double[] {p[0], a0, tauFit, r.std()[0], Math.sqrt(Math.max(0, varSum)) * Math.exp(t0 / tauFit)};
    }
}
