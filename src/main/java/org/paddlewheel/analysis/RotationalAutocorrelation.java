package org.paddlewheel.analysis;

/**
 * Orientational autocorrelation functions of unit vectors u, averaged over vectors (molecules ×
 * ligands) and all time origins: C1(t) = ⟨u(t)·u(0)⟩ (the paper's Eq. 1) and
 * C2(t) = ⟨P2(u(t)·u(0))⟩ = (3⟨(u(t)·u(0))²⟩ − 1)/2, with
 * (u(t)·u(0))² = Σ_ab u_a u_b(t) u_a u_b(0) expanded over the six distinct products u_a u_b (off-diagonal
 * ones counted twice), so that both are sums of autocorrelations computed by {@link FftCorrelation}
 * in O(N log N). For isotropic rotational diffusion with coefficient D_r, C_l(t) = exp(−l(l+1)D_r t).
 * Input: a {@link SeriesStore} whose channels are (x, y, z) triples of unit vectors. Dimensionless;
 * lag m corresponds to m·Δt.
 */
public final class RotationalAutocorrelation {
    private RotationalAutocorrelation() {}

    /** C1 and C2 at lags 0..maxLag. */
    public record Curves(double[] c1, double[] c2) {}

    /** Correlation functions of frames [from, from+len) of every vector in {@code vectors}, all lags. */
    public static Curves compute(SeriesStore vectors, int from, int len) {
        return compute(vectors, from, len, len - 1);
    }

    /** As {@link #compute(SeriesStore, int, int)} for lags 0..maxLag only (half-size transforms for maxLag = len/2). */
    public static Curves compute(SeriesStore vectors, int from, int len, int maxLag) {
        int nv = vectors.channels() / 3;
        if (nv == 0) throw new IllegalArgumentException("no vectors");
        FftCorrelation c1 = new FftCorrelation(len, maxLag);
        FftCorrelation c2 = new FftCorrelation(len, maxLag);
        double[] x = new double[len], y = new double[len], z = new double[len];
        double[] p = new double[len], q = new double[len];
        for (int v = 0; v < nv; v++) {
            vectors.copy(3 * v, from, len, x);
            vectors.copy(3 * v + 1, from, len, y);
            vectors.copy(3 * v + 2, from, len, z);
            c1.addPair(x, 1, y, 1);
            c1.add(z, 1);
            for (int t = 0; t < len; t++) { p[t] = x[t] * x[t]; q[t] = y[t] * y[t]; }
            c2.addPair(p, 1, q, 1);
            for (int t = 0; t < len; t++) { p[t] = z[t] * z[t]; q[t] = x[t] * y[t]; }
            c2.addPair(p, 1, q, 2);
            for (int t = 0; t < len; t++) { p[t] = x[t] * z[t]; q[t] = y[t] * z[t]; }
            c2.addPair(p, 2, q, 2);
        }
        double[] s1 = c1.sums(), s2 = c2.sums();
        double[] r1 = new double[maxLag + 1], r2 = new double[maxLag + 1];
        for (int m = 0; m <= maxLag; m++) {
            double norm = (double) nv * (len - m);
            r1[m] = s1[m] / norm;
            r2[m] = 1.5 * s2[m] / norm - 0.5;
        }
        return new Curves(r1, r2);
    }
}
