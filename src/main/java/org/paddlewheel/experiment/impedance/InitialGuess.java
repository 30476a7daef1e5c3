package org.paddlewheel.experiment.impedance;

import java.util.ArrayList;
import java.util.List;

/**
 * Automatic starting values for a CNLS fit, read off the spectrum. The top-level series chain is
 * walked in string order (the usual convention: high-frequency parts first). A bare series R gets
 * the high-frequency intercept Z'(f_max); parallel blocks p(...) are matched, in order, with the
 * significant maxima of −Z'' (arcs; see {@link #peaks}) from high to low frequency, giving an arc
 * resistance R ≈ 2·(−Z''_peak)/tan(απ/4) and a peak frequency ω_p; elements inside the block start
 * from that pair (C = 1/(ω_p R), Q = 1/(R ω_p^α) with α = 0.9, τ = 1/ω_p, ...). Blocks without a
 * visible arc share the remaining Z' span (see {@link #candidates} for the alternatives tried). Series capacitive elements (C, CPE, W, Wo, Ws) are matched to
 * the low-frequency tail: a series CPE takes α from the slope of log(−Z'') against log ω over the
 * lowest frequencies and Q = sin(απ/2)/(ω^α·(−Z'')). A series L takes Z''(f_max)/ω_max when the
 * spectrum turns inductive. Values are in parameter units (Ω, F, H, S·s^α, s).
 */
public final class InitialGuess {
    private InitialGuess() {}

    /** Starting values for {@code circuit} from {@code data}: the first of {@link #candidates}. */
    public static double[] of(Circuit circuit, Spectrum data) {
        return candidates(circuit, data).get(0);
    }

    /**
     * Several automatic starts, the preferred one first. When the spectrum shows fewer arcs than
     * the circuit has parallel blocks, which blocks the visible arcs belong to is ambiguous (a
     * small high-frequency arc is often only a shoulder): every order-preserving assignment of
     * the arcs to the blocks is a candidate, the arcs on the first blocks first. A block without
     * an arc sits, in log ω, halfway between its assigned neighbours (or ω_max, ω_min) and shares
     * the Z' span the assigned arcs leave. When a block holds a diffusion element (Wo, Ws, G), each
     * assignment is also tried with its time constant at the slowest measured scale, τ = 1/ω_min
     * (a low-frequency diffusion tail rarely shows its own maximum). A CNLS fit is run from each;
     * there are at most C(blocks, arcs)·2 of them.
     */
    public static List<double[]> candidates(Circuit circuit, Spectrum data) {
        Spectrum s = data.sortedByDecreasingFrequency();
        List<Circuit.Node> parts = ((Circuit.Series) circuit.root()).parts();
        int blocks = (int) parts.stream().filter(x -> x instanceof Circuit.Parallel).count();
        List<double[]> peaks = peaks(s, blocks);
        boolean diffusion = parts.stream().anyMatch(x -> x instanceof Circuit.Parallel && containsDiffusion(x));
        List<double[]> out = new ArrayList<>();
        for (int[] assign : assignments(blocks, peaks.size())) {
            out.add(build(circuit, s, peaks, assign, false));
            if (diffusion) out.add(build(circuit, s, peaks, assign, true));
        }
        return out;
    }

    /** Order-preserving maps of {@code arcs} arcs into {@code blocks} blocks: a[b] = arc index or −1; lexicographically first = arcs on the first blocks. */
    private static List<int[]> assignments(int blocks, int arcs) {
        List<int[]> out = new ArrayList<>();
        choose(new int[blocks], 0, 0, arcs, out);
        return out;
    }

    private static void choose(int[] a, int b, int arc, int arcs, List<int[]> out) {
        if (b == a.length) {
            if (arc == arcs) out.add(a.clone());
            return;
        }
        if (arc < arcs) {
            a[b] = arc;
            choose(a, b + 1, arc + 1, arcs, out);
        }
        if (a.length - b - 1 >= arcs - arc) {
            a[b] = -1;
            choose(a, b + 1, arc, arcs, out);
        }
    }

    private static double[] build(Circuit circuit, Spectrum s, List<double[]> peaks, int[] assign, boolean slowDiffusion) {
        int n = s.size();
        double[] p = new double[circuit.parameterCount()];
        double rHf = Math.max(s.re(0), 1e-3 * minModulus(s));
        double rLf = s.re(n - 1);
        double wMax = 2 * Math.PI * s.f(0), wMin = 2 * Math.PI * s.f(n - 1);
        List<Circuit.Node> parts = ((Circuit.Series) circuit.root()).parts();
        List<Circuit.Parallel> pars = parts.stream().filter(x -> x instanceof Circuit.Parallel).map(x -> (Circuit.Parallel) x).toList();
        int blocks = pars.size();
        double span = Math.max(rLf - rHf, 1e-3 * Math.abs(rHf) + 1e-12);
        // arc resistances: −Z''_peak = (R/2)·tan(απ/4) for R‖CPE (R/2 for R‖C); α starts at 0.9
        double[] r = new double[blocks], w = new double[blocks];
        double matched = 0;
        int unmatched = 0;
        for (int b = 0; b < blocks; b++) {
            if (assign[b] < 0) {
                unmatched++;
                continue;
            }
            double[] pk = peaks.get(assign[b]);
            r[b] = 2 * pk[1] / (containsCpe(pars.get(b)) ? Math.tan(0.9 * Math.PI / 4) : 1.0);
            w[b] = 2 * Math.PI * pk[0];
            matched += r[b];
        }
        double rest = Math.max(span - matched, 0.1 * span) / Math.max(unmatched, 1);
        for (int b = 0; b < blocks; b++) {
            if (assign[b] >= 0) continue;
            int hi = b - 1, lo = b + 1;
            while (hi >= 0 && assign[hi] < 0) hi--;
            while (lo < blocks && assign[lo] < 0) lo++;
            double wHi = hi >= 0 ? w[hi] : wMax, wLo = lo < blocks ? w[lo] : wMin;
            double t = (double) (b - hi) / (lo - hi);
            w[b] = wHi * Math.pow(wLo / wHi, t);
            r[b] = rest;
        }
        int block = 0;
        boolean firstR = true;
        for (Circuit.Node node : parts) {
            if (node instanceof Circuit.Parallel par) {
                fill(par, Math.max(r[block], 1e-12), w[block], p);
                if (slowDiffusion) slowDiffusion(par, wMin, p);
                block++;
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

    private static boolean containsDiffusion(Circuit.Node node) {
        if (node instanceof Circuit.Element e) return e.type() == ElementType.Wo || e.type() == ElementType.Ws || e.type() == ElementType.G;
        List<Circuit.Node> kids = node instanceof Circuit.Series s ? s.parts() : ((Circuit.Parallel) node).branches();
        return kids.stream().anyMatch(InitialGuess::containsDiffusion);
    }

    private static void slowDiffusion(Circuit.Node node, double wMin, double[] p) {
        if (node instanceof Circuit.Element e) {
            if (e.type() == ElementType.Wo || e.type() == ElementType.Ws || e.type() == ElementType.G) p[e.offset() + 1] = 1 / wMin;
            return;
        }
        List<Circuit.Node> kids = node instanceof Circuit.Series s ? s.parts() : ((Circuit.Parallel) node).branches();
        for (Circuit.Node k : kids) slowDiffusion(k, wMin, p);
    }

    private static boolean containsCpe(Circuit.Node node) {
        if (node instanceof Circuit.Element e) return e.type() == ElementType.CPE;
        List<Circuit.Node> kids = node instanceof Circuit.Series s ? s.parts() : ((Circuit.Parallel) node).branches();
        return kids.stream().anyMatch(InitialGuess::containsCpe);
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

    /**
     * The arcs visible in the spectrum, high to low frequency: {f (Hz), −Z''_peak (Ω)}. Candidates
     * are local maxima of −Z'' after 3-point smoothing (so a single noisy point is not a maximum);
     * each is ranked by its topographic prominence (height above the higher of the two lowest
     * points separating it from a higher maximum or the spectrum's end) relative to |Z| there,
     * i.e. by how much the phase rises. Candidates whose prominence is below 2 % of |Z| (a phase
     * bump of about 1°, the scatter of a noisy high-frequency end) or below a quarter of the
     * largest prominence are dropped; at most {@code maxArcs} of the most prominent are kept, in
     * frequency order. The height is the smoothed one (the raw value at a noisy maximum can even
     * be inductive).
     */
    static List<double[]> peaks(Spectrum s, int maxArcs) {
        int n = s.size();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 1), b = Math.min(n - 1, i + 1);
            double sum = 0;
            for (int k = a; k <= b; k++) sum += -s.im(k);
            y[i] = sum / (b - a + 1);
        }
        List<double[]> cand = new ArrayList<>();  // {index, relative prominence}
        double best = 0;
        for (int i = 1; i < n - 1; i++) {
            if (!(y[i] > 0 && y[i] > y[i - 1] && y[i] >= y[i + 1])) continue;
            double left = y[i], right = y[i];
            for (int k = i - 1; k >= 0 && y[k] <= y[i]; k--) left = Math.min(left, y[k]);
            for (int k = i + 1; k < n && y[k] <= y[i]; k++) right = Math.min(right, y[k]);
            double prom = (y[i] - Math.max(Math.max(left, right), 0)) / s.modulus(i);
            if (prom < 0.02) continue;
            best = Math.max(best, prom);
            cand.add(new double[] {i, prom});
        }
        final double cut = 0.25 * best;
        List<double[]> kept = new ArrayList<>(cand.stream().filter(c -> c[1] >= cut)
                .sorted((a, b) -> Double.compare(b[1], a[1])).limit(Math.max(maxArcs, 0)).toList());
        kept.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> out = new ArrayList<>();
        for (double[] c : kept) out.add(new double[] {s.f((int) c[0]), y[(int) c[0]]});
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
