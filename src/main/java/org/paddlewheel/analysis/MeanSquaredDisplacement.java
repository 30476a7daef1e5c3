package org.paddlewheel.analysis;

/**
 * Mean squared displacement averaged over all time origins, MSD(m) = ⟨|x(t+m) − x(t)|²⟩_t, by the
 * FFT algorithm of nMoldyn (Kneller, Keiner, Kneller, Schiller, Comput. Phys. Commun. 91, 191
 * (1995); Calandrini et al., Collection SFN 12, 201 (2011)): MSD(m) = S1(m) − 2·S2(m) with
 * S2(m) = Σ_t x(t)x(t+m)/(N−m) from {@link FftCorrelation} and S1(m) from the recursion
 * Q ← Q − x(m−1)² − x(N−m)², S1(m) = Q/(N−m), Q₀ = 2Σx². O(N log N). One accumulator sums many
 * one-dimensional series (atoms × axes) and returns their average; the result is in the squared
 * unit of the input (Å² for positions in Å) at lags m·Δt. Each series has its mean subtracted
 * first (the MSD is shift-invariant), which keeps the two large terms from cancelling badly.
 */
public final class MeanSquaredDisplacement {
    private final int n;
    private final int maxLag;
    private final FftCorrelation fft;
    private final double[] s1Sum;
    private double[] bufX;             // released by compact()
    private double[] bufY;
    /** Lags m ≥ directFrom have few origins (N−m ≤ DIRECT_TAIL): summed directly, exact to rounding. */
    private final int directFrom;
    private final double[] directSum;
    private static final int DIRECT_TAIL = 256;
    private double weightSum;
    private double pendingW;
    private boolean pending;

    /** An accumulator for series of length N ≥ 1, all lags 0..N−1. */
    public MeanSquaredDisplacement(int n) {
        this(n, n - 1);
    }

    /**
     * An accumulator for series of length N ≥ 1 that returns lags 0..{@code maxLag} only (e.g. N/2:
     * longer lags average over fewer than N/2 origins, and the FFT is then half the size).
     */
    public MeanSquaredDisplacement(int n, int maxLag) {
        this.n = n;
        this.maxLag = maxLag;
        this.fft = new FftCorrelation(n, maxLag);
        this.s1Sum = new double[maxLag + 1];
        this.bufX = new double[n];
        this.bufY = new double[n];
        this.directFrom = Math.max(1, n - DIRECT_TAIL);
        this.directSum = new double[maxLag + 1];
    }

    /** Series length N. */
    public int length() { return n; }

    /** Adds one 1-D series (the first N entries of {@code x}) with weight w. */
    public void add(double[] x, double w) {
        double[] target = pending ? bufY : bufX;
        double mean = 0;
        for (int t = 0; t < n; t++) mean += x[t];
        mean /= n;
        for (int t = 0; t < n; t++) target[t] = x[t] - mean;
        // S1 recursion (nMoldyn): Q = 2 Σ x², then remove the end points one lag at a time.
        // Every series shares the divisor N−m, so the sums of w·Q_m are kept and divided once in result().
        double q = 0;
        for (int t = 0; t < n; t++) q += target[t] * target[t];
        q *= 2;
        s1Sum[0] += w * q;
        for (int m = 1; m <= maxLag; m++) {
            double a = target[m - 1], b = target[n - m];
            q -= a * a + b * b;
            s1Sum[m] += w * q;
        }
        // Long lags average over few origins, so FFT rounding (absolute, ~ε·Σx²) divided by N−m
        // would dominate there; these lags are summed directly (cost ≤ DIRECT_TAIL²/2).
        for (int m = directFrom; m <= maxLag; m++) {
            double s = 0;
            for (int t = 0; t + m < n; t++) {
                double d = target[t + m] - target[t];
                s += d * d;
            }
            directSum[m] += w * s;
        }
        weightSum += w;
        if (pending) {
            fft.addPair(bufX, pendingW, bufY, w);
            pending = false;
        } else {
            pendingW = w;
            pending = true;
        }
    }

    /**
     * Adds everything accumulated in {@code other} (same length) to this accumulator, as if its
     * series had been added here: the MSD of a union of atom groups computed in parallel.
     */
    public void merge(MeanSquaredDisplacement other) {
        if (other.n != n || other.maxLag != maxLag) throw new IllegalArgumentException("lengths differ: " + other.n + " vs " + n);
        flush();
        other.flush();
        fft.addPower(other.fft);
        for (int m = 0; m <= maxLag; m++) {
            s1Sum[m] += other.s1Sum[m];
            directSum[m] += other.directSum[m];
        }
        weightSum += other.weightSum;
    }

    /**
     * Frees the per-series work arrays once every series is added (the result or a merge still
     * work): what a finished partial accumulator keeps is its power spectrum and lag sums.
     */
    public void compact() {
        flush();
        bufX = null;
        bufY = null;
        fft.compact();
    }

    private void flush() {
        if (pending) {
            fft.addPair(bufX, pendingW, null, 0.0);
            pending = false;
        }
    }

    /** The weighted average MSD over all series added, lags 0..maxLag (new array). */
    public double[] result() {
        flush();
        if (!(weightSum > 0)) throw new IllegalStateException("no series added");
        double[] s2 = fft.sums();
        double[] msd = new double[maxLag + 1];
        for (int m = 0; m <= maxLag; m++) {
            msd[m] = (m >= directFrom ? directSum[m] : s1Sum[m] - 2.0 * s2[m]) / ((n - m) * weightSum);
        }
        msd[0] = 0.0;
        return msd;
    }

    /** MSD of one series by FFT. */
    public static double[] of(double[] x) {
        MeanSquaredDisplacement m = new MeanSquaredDisplacement(x.length);
        m.add(x, 1.0);
        return m.result();
    }

    /** Reference O(N²) direct average over time origins, for tests and tiny inputs. */
    public static double[] direct(double[] x) {
        int n = x.length;
        double[] msd = new double[n];
        for (int m = 1; m < n; m++) {
            double s = 0;
            for (int t = 0; t + m < n; t++) {
                double d = x[t + m] - x[t];
                s += d * d;
            }
            msd[m] = s / (n - m);
        }
        return msd;
    }
}
