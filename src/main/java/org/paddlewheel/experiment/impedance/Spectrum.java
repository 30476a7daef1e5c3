package org.paddlewheel.experiment.impedance;

import java.util.Arrays;

/**
 * An impedance spectrum: frequencies in Hz and the complex impedance Z = Z' + jZ'' in Ω, with the
 * physical sign convention (capacitive points have Z'' = Im Z &lt; 0). Readers convert files
 * that store −Z'' on the way in. {@code source} names where it came from (a file, "simulated").
 * Arrays are copied on the way in and out.
 */
public record Spectrum(String source, double[] frequencyHz, double[] zRealOhm, double[] zImagOhm) {

    public Spectrum {
        int n = frequencyHz.length;
        if (zRealOhm.length != n || zImagOhm.length != n) throw new IllegalArgumentException("arrays differ in length");
        frequencyHz = frequencyHz.clone();
        zRealOhm = zRealOhm.clone();
        zImagOhm = zImagOhm.clone();
    }

    /** Number of points. */
    public int size() { return frequencyHz.length; }

    @Override public double[] frequencyHz() { return frequencyHz.clone(); }
    @Override public double[] zRealOhm() { return zRealOhm.clone(); }
    @Override public double[] zImagOhm() { return zImagOhm.clone(); }

    /** Frequency of point i, Hz. */
    public double f(int i) { return frequencyHz[i]; }

    /** Z' of point i, Ω. */
    public double re(int i) { return zRealOhm[i]; }

    /** Z'' of point i, Ω (negative when capacitive). */
    public double im(int i) { return zImagOhm[i]; }

    /** |Z| of point i, Ω. */
    public double modulus(int i) { return Math.hypot(zRealOhm[i], zImagOhm[i]); }

    /** The same points sorted by decreasing frequency (the usual sweep order). */
    public Spectrum sortedByDecreasingFrequency() {
        Integer[] idx = new Integer[size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(frequencyHz[b], frequencyHz[a]));
        double[] f = new double[idx.length], re = new double[idx.length], im = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            f[i] = frequencyHz[idx[i]];
            re[i] = zRealOhm[idx[i]];
            im[i] = zImagOhm[idx[i]];
        }
        return new Spectrum(source, f, re, im);
    }

    /** Log-spaced frequencies from {@code fMaxHz} down to {@code fMinHz}, {@code perDecade} points per decade. */
    public static double[] logFrequencies(double fMaxHz, double fMinHz, int perDecade) {
        int n = (int) Math.round(Math.log10(fMaxHz / fMinHz) * perDecade) + 1;
        double[] f = new double[n];
        for (int i = 0; i < n; i++) f[i] = fMaxHz * Math.pow(10, -(double) i / perDecade);
        return f;
    }
}
