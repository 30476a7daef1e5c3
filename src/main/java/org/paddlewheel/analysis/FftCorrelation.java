package org.paddlewheel.analysis;

import org.paddlewheel.numerics.ComplexFft;

/**
 * Sums of time-origin products of real series, Σ_{t=0}^{N−1−m} x(t)·x(t+m) for every lag m, by the
 * Wiener–Khinchin route: zero-pad to a power of two ≥ 2N (so the circular correlation equals the
 * linear one), forward FFT, power spectrum, inverse FFT — O(N log N) instead of O(N²). Two real
 * series share one complex transform (x + i·y; their spectra are separated by the symmetry
 * X_k = (Z_k + Z*_{−k})/2, Y_k = (Z_k − Z*_{−k})/2i). Power spectra of many series are accumulated
 * with weights and inverted once, so the sum of autocorrelations over atoms, axes or molecules
 * costs one forward FFT per two series and one inverse FFT in all. Transforms by {@link ComplexFft}
 * (plans shared per size). Units are those of the series squared.
 * Not thread-safe: one accumulator per thread.
 */
public final class FftCorrelation {
    private final int n;
    private final int maxLag;
    private final int size;
    private double[] re;               // work arrays; released by compact(), made again by sums()
    private double[] im;
    private final double[] power;
    private final ComplexFft fft;
    private static final java.util.concurrent.ConcurrentHashMap<Integer, ComplexFft> PLANS = new java.util.concurrent.ConcurrentHashMap<>();

    /** An accumulator for series of length {@code n} (≥ 1), all lags 0..n−1. */
    public FftCorrelation(int n) {
        this(n, n - 1);
    }

    /**
     * An accumulator for series of length {@code n} that needs lags 0..{@code maxLag} only: the
     * circular correlation of a transform of size ≥ n + maxLag already equals the linear one at
     * those lags, so capping the lag at n/2 halves the transform size.
     */
    public FftCorrelation(int n, int maxLag) {
        if (n < 1) throw new IllegalArgumentException("series length must be ≥ 1, got " + n);
        if (maxLag < 0 || maxLag > n - 1) throw new IllegalArgumentException("max lag must be in 0.." + (n - 1) + ", got " + maxLag);
        this.n = n;
        this.maxLag = maxLag;
        int s = 1;
        while (s < n + maxLag + 1) s <<= 1;
        this.size = s;
        this.re = new double[s];
        this.im = new double[s];
        this.power = new double[s];
        this.fft = PLANS.computeIfAbsent(s, ComplexFft::new);
    }

    /** Series length N. */
    public int length() { return n; }

    /** Clears the accumulated power spectrum. */
    public void reset() { java.util.Arrays.fill(power, 0.0); }

    /**
     * Adds wx·|X|² + wy·|Y|² to the accumulated power spectrum, X and Y the transforms of the
     * first N entries of {@code x} and {@code y} (either may be null: treated as zero).
     */
    public void addPair(double[] x, double wx, double[] y, double wy) {
        if (x != null) System.arraycopy(x, 0, re, 0, n); else java.util.Arrays.fill(re, 0, n, 0.0);
        if (y != null) System.arraycopy(y, 0, im, 0, n); else java.util.Arrays.fill(im, 0, n, 0.0);
        java.util.Arrays.fill(re, n, size, 0.0);
        java.util.Arrays.fill(im, n, size, 0.0);
        fft.forward(re, im);
        // |X_k|² and |Y_k|² of real series are even in k: compute k ≤ size/2, mirror to size − k.
        for (int k = 0; k <= size / 2; k++) {
            int mk = (size - k) & (size - 1);
            double zr = re[k], zi = im[k], cr = re[mk], ci = -im[mk]; // c = conj(Z_{−k})
            double xr = 0.5 * (zr + cr), xi = 0.5 * (zi + ci);     // X_k
            double yr = 0.5 * (zi - ci), yi = -0.5 * (zr - cr);    // Y_k = (Z − c)/2i
            double p = wx * (xr * xr + xi * xi) + wy * (yr * yr + yi * yi);
            power[k] += p;
            if (mk != k) power[mk] += p;
        }
    }

    /** Frees the work arrays (two thirds of the memory) of an accumulator that will only be summed or merged now. */
    void compact() {
        re = null;
        im = null;
    }

    /** Adds the power spectrum accumulated in {@code other} (same length) to this one. */
    public void addPower(FftCorrelation other) {
        if (other.size != size || other.n != n || other.maxLag != maxLag) throw new IllegalArgumentException("lengths differ");
        for (int k = 0; k < size; k++) power[k] += other.power[k];
    }

    /** Adds w·|X|² of one series. */
    public void add(double[] x, double w) { addPair(x, w, null, 0.0); }

    /**
     * The accumulated sums S(m) = Σ_series w·Σ_{t=0}^{N−1−m} x(t)x(t+m), m = 0..maxLag, in a new
     * array. The accumulator is left unchanged.
     */
    public double[] sums() {
        if (re == null) { re = new double[size]; im = new double[size]; }
        System.arraycopy(power, 0, re, 0, size);
        java.util.Arrays.fill(im, 0.0);
        fft.inverse(re, im);
        double[] out = new double[maxLag + 1];
        double scale = 1.0 / size;
        for (int m = 0; m <= maxLag; m++) out[m] = re[m] * scale;
        return out;
    }

    /** Σ_{t} x(t)x(t+m) of one series, m = 0..N−1 (convenience; allocates). */
    public static double[] autocorrelationSums(double[] x, int n) {
        FftCorrelation c = new FftCorrelation(n);
        c.add(x, 1.0);
        return c.sums();
    }
}
