package org.paddlewheel.numerics;

/**
 * In-place radix-2 complex FFT of one power-of-two size, split real/imaginary arrays, for the
 * correlation sums of {@link FftCorrelation}. It exists because those sums are the bulk of an
 * analysis after parsing (one forward transform per two atoms' axis series) and a plan made once
 * per size is about three times faster than Hipparchus' general transform, which recomputes its
 * roots of unity and allocates on every call. Iterative decimation in time (Cooley and Tukey, Math.
 * Comp. 19, 297 (1965)): bit-reversal permutation, then log₂N butterfly stages whose twiddle
 * factors are stored contiguously per stage, so the inner loop reads memory in order. Forward
 * transform X_k = Σ_t x_t e^{−2πikt/N}; the inverse has e^{+2πikt/N} and is not scaled (divide by N).
 * Twiddles come from Math.cos/Math.sin of exact angles (no recurrence), so the rounding error grows
 * as O(ε log N). An instance is immutable and may be shared between threads.
 */
public final class ComplexFft {
    private final int n;
    private final int[] reversed;      // pairs (i, j), i < j, to swap
    private final double[] cos;        // stage with half-length h: entries h..2h−1 = cos(π j / h)
    private final double[] sin;

    public ComplexFft(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT size must be a power of two, got " + n);
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        int pairs = 0;
        for (int i = 0; i < n; i++) if (i < reverse(i, bits)) pairs++;
        reversed = new int[2 * pairs];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int j = reverse(i, bits);
            if (i < j) { reversed[k++] = i; reversed[k++] = j; }
        }
        cos = new double[Math.max(2, n)];
        sin = new double[Math.max(2, n)];
        for (int h = 1; h < n; h <<= 1) {
            for (int j = 0; j < h; j++) {
                double a = Math.PI * j / h;
                cos[h + j] = Math.cos(a);
                sin[h + j] = Math.sin(a);
            }
        }
    }

    private static int reverse(int i, int bits) { return bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits); }

    public int size() { return n; }

    /** Forward transform of (re, im) in place. */
    public void forward(double[] re, double[] im) { transform(re, im, -1.0); }

    /** Unscaled inverse transform of (re, im) in place. */
    public void inverse(double[] re, double[] im) { transform(re, im, 1.0); }

    private void transform(double[] re, double[] im, double sign) {
        int[] rev = reversed;
        for (int k = 0; k < rev.length; k += 2) {
            int i = rev[k], j = rev[k + 1];
            double t = re[i]; re[i] = re[j]; re[j] = t;
            t = im[i]; im[i] = im[j]; im[j] = t;
        }
        // First stage (h = 1): twiddle 1, no multiplications.
        for (int i = 0; i + 1 < n; i += 2) {
            double ar = re[i], ai = im[i], br = re[i + 1], bi = im[i + 1];
            re[i] = ar + br; im[i] = ai + bi;
            re[i + 1] = ar - br; im[i + 1] = ai - bi;
        }
        for (int h = 2; h < n; h <<= 1) {
            int len = h << 1;
            for (int start = 0; start < n; start += len) {
                for (int j = 0; j < h; j++) {
                    double wr = cos[h + j], wi = sign * sin[h + j];
                    int a = start + j, b = a + h;
                    double br = re[b], bi = im[b];
                    double tr = wr * br - wi * bi, ti = wr * bi + wi * br;
                    double ar = re[a], ai = im[a];
                    re[a] = ar + tr; im[a] = ai + ti;
                    re[b] = ar - tr; im[b] = ai - ti;
                }
            }
        }
    }
}
