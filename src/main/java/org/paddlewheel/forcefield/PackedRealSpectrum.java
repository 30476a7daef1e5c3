package org.paddlewheel.forcefield;

/**
 * The frequency each number of JTransforms' packed 3-D real forward transform holds
 * ({@code DoubleFFT_3D.realForward}, power-of-two K1 × K2 × K3, row-major, K1K2K3 doubles):
 * columns 2k3 and 2k3 + 1 hold Re and Im of (k1, k2, k3) for 0 &lt; k3 &lt; K3/2; columns 0 and 1 pack
 * the k3 = 0 and k3 = K3/2 planes. Every stored number is the Re or Im part of one member of a
 * conjugate pair {m, −m} (Parseval weight 2), except the eight self-conjugate frequencies (every
 * index 0 or K/2), each stored once as a real number (weight 1); so Σ_m |F(m)|² = Σ_s w_s a_s².
 * Frequencies are signed: k ≤ K/2 → k, else k − K. Checked slot by slot against the complex
 * transform in PmeTest.
 */
final class PackedRealSpectrum {
    /** Per slot: signed frequency indices and Parseval weight. */
    final short[] m1, m2, m3;
    final byte[] weight;
    private final int k1, k2, k3;

    PackedRealSpectrum(int k1, int k2, int k3) {
        this.k1 = k1;
        this.k2 = k2;
        this.k3 = k3;
        int n = k1 * k2 * k3;
        m1 = new short[n];
        m2 = new short[n];
        m3 = new short[n];
        weight = new byte[n];
        int h1 = k1 / 2, h2 = k2 / 2, h3 = k3 / 2;
        for (int a = 0; a < k1; a++) {
            for (int b = 0; b < k2; b++) {
                int row = (a * k2 + b) * k3;
                for (int c = 2; c < k3; c++) set(row + c, a, b, c / 2, 2);
                // Columns 0 and 1 of this row (JTransforms' realForward Javadoc): interior rows of the
                // k3 = 0 plane (0 < k2 < K2/2) and of the k3 = K3/2 plane (k2 > K2/2); on the rows
                // k2 = 0 and K2/2 the same split by k1; at k1, k2 ∈ {0, K/2} the two self-conjugate values.
                int c0, c1, w;
                if (b > 0 && b < h2) { c0 = 0; c1 = 0; w = 2; }
                else if (b > h2) { c0 = h3; c1 = h3; w = 2; }
                else if (a > 0 && a < h1) { c0 = 0; c1 = 0; w = 2; }
                else if (a > h1) { c0 = h3; c1 = h3; w = 2; }
                else { c0 = 0; c1 = h3; w = 1; }
                set(row, a, b, c0, w);
                set(row + 1, a, b, c1, w);
            }
        }
    }

    private void set(int slot, int a, int b, int c, int w) {
        m1[slot] = (short) signed(a, k1);
        m2[slot] = (short) signed(b, k2);
        m3[slot] = (short) signed(c, k3);
        weight[slot] = (byte) w;
    }

    /** Signed frequency index of k on an axis of K points. */
    static int signed(int k, int kk) { return k <= kk / 2 ? k : k - kk; }
}
