package org.paddlewheel.experiment.impedance;

import java.util.ArrayList;
import java.util.List;

/**
 * Automatic starting values for a CNLS fit, read off the spectrum. The top-level series chain is
 * walked in string order (the usual convention: high-frequency parts first). A bare series R gets
 * the high-frequency intercept Z'(f_max); each parallel block p(...) is matched, in order, with a
 * maximum of −Z'' (an arc) from high to low frequency, giving an arc resistance R ≈ 2·(−Z''_peak)
 * and a peak frequency ω_p; elements inside the block start from that pair (C = 1/(ω_p R),
 * Q = 1/(R ω_p^α) with α = 0.9, τ = 1/ω_p, ...). Blocks without a visible arc share the remaining
 * Z' span at log-spaced frequencies. Series capacitive elements (C, CPE, W, Wo, Ws) are matched to
 * the low-frequency tail: a series CPE takes α from the slope of log(−Z'') against log ω over the
 * lowest frequencies and Q = sin(απ/2)/(ω^α·(−Z'')). A series L takes Z''(f_max)/ω_max when the
 * spectrum turns inductive. Values are in parameter units (Ω, F, H, S·s^α, s).
 */
public final class InitialGuess {
    private InitialGuess() {}

    /** Starting values for {@code circuit} from {@code data}. */
    public static double[] of(Circuit circuit, Spectrum data) {
        Spectrum s = data.sortedByDecreasingFrequency();
        int n = s.size();
        double[] p = new double[circuit.parameterCount()];
        double rHf = Math.max(s.re(0), 1e-3 * minModulus(s));
        double rLf = s.re(n - 1);
        double wMax = 2 * Math.PI * s.f(0), wMin = 2 * Math.PI * s.f(n - 1);
        List<double[]> peaks = peaks(s);
        List<Circuit.Node> parts = ((Circuit.Series) circuit.root()).parts();
        long blocks = parts.stream().filter(x -> x instanceof Circuit.Parallel).count();
        double span = Math.max(rLf - rHf, 1e-3 * Math.abs(rHf) + 1e-12);
        int block = 0;
        boolean firstR = true;
        for (Circuit.Node node : parts) {
            if (node instanceof Circuit.Parallel par) {
                double r, w;
                if (block < peaks.size()) {
                    r = 2 * peaks.get(block)[1];
                    w = 2 * Math.PI * peaks.get(block)[0];
                } else {
                    r = span / blocks;
                    double frac = (block + 0.5) / blocks;
                    w = wMax * Math.pow(wMin / wMax, frac);
                }
                block++;
                fill(par, Math.max(r, 1e-12), w, p);
            } else {
                Circuit.Element e = (Circuit.Element) node;
                switch (e.type()) {
                    case R -> {
                        p[e.offset()] = firstR ? rHf : Math.max(0.1 * rHf, 1e-3 * span);
                        firstR = false;
                    }
                    case L -> p[e.offset()] = s.im(0) > 0 ? s.im(0) / wMax : 1e-3 * s.modulus(0) / wMax;
                    case CPE -> {
                        double alpha = lowFrequencySlope(s);
                        double mIm = Math.max(-s.im(n - 1), 1e-3 * s.modulus(n - 1));
                        p[e.offset()] = Math.sin(alpha * Math.PI / 2) / (Math.pow(wMin, alpha) * mIm);
                        p[e.offset() + 1] = alpha;
                    }
                    default -> element(e, Math.max(s.modulus(n - 1), 1e-12), wMin, p);
                }
            }
        }
        return p;
    }

    private static void fill(Circuit.Node node, double r, double w, double[] p) {
        if (node instanceof Circuit.Element e) element(e, r, w, p);
        else if (node instanceof Circuit.Series s) for (Circuit.Node x : s.parts()) fill(x, r, w, p);
        else for (Circuit.Node x : ((Circuit.Parallel) node).branches()) fill(x, r, w, p);
    }

    /** Element values for resistance scale r (Ω) and angular frequency w (rad/s). */
    private static void element(Circuit.Element e, double r, double w, double[] p) {
        int o = e.offset();
        switch (e.type()) {
            case R -> p[o] = r;
            case C -> p[o] = 1 / (w * r);
            case L -> p[o] = r / w;
            case CPE -> {
                p[o + 1] = 0.9;
                p[o] = 1 / (r * Math.pow(w, 0.9));
            }
            case W -> p[o] = r * Math.sqrt(w);
            case Wo, Ws, G, K -> {
                p[o] = r;
                p[o + 1] = 1 / w;
            }
        }
    }

    /** Local maxima of −Z'' (3-point smoothed), high to low frequency: {f (Hz), −Z'' (Ω)}. */
    static List<double[]> peaks(Spectrum s) {
        int n = s.size();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 1), b = Math.min(n - 1, i + 1);
            double sum = 0;
            for (int k = a; k <= b; k++) sum += -s.im(k);
            y[i] = sum / (b - a + 1);
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 1; i < n - 1; i++) {
            if (y[i] > 0 && y[i] > y[i - 1] && y[i] >= y[i + 1]) out.add(new double[] {s.f(i), -s.im(i)});
        }
        return out;
    }

    /** α from −d log(−Z'')/d log ω over the lowest three frequencies, clamped to [0.3, 1]. */
    private static double lowFrequencySlope(Spectrum s) {
        int n = s.size();
        if (n < 3 || s.im(n - 1) >= 0 || s.im(n - 3) >= 0) return 0.8;
        double slope = Math.log(s.im(n - 1) / s.im(n - 3)) / Math.log(s.f(n - 1) / s.f(n - 3));
        return Math.min(1.0, Math.max(0.3, -slope));
    }

    private static double minModulus(Spectrum s) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) m = Math.min(m, s.modulus(i));
        return m;
    }
}
