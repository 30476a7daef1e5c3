package org.paddlewheel.forcefield;

import org.hipparchus.special.Erf;

/**
 * erfc(αr) on 0 ≤ r ≤ r_max as a piecewise cubic Hermite interpolant on a uniform grid (spacing
 * {@value #SPACING} Å), built from exact values and exact derivatives −2α/√π·exp(−α²r²) at the
 * nodes. The interpolation error is below h⁴·max|erfc''''|/384 ≈ 1e-12 for α ≲ 0.6 Å⁻¹, and the
 * derivative returned is the interpolant's own, so energies and forces are exactly consistent (finite
 * differences of {@link #value} match {@link #derivative}). Beyond r_max the exact function is
 * used. Used by the real-space Ewald sum (Frenkel &amp; Smit, eq. 12.1.25).
 */
public final class ErfcTable {
    /** Grid spacing, Å. */
    public static final double SPACING = 0.004;
    private final double alpha;
    private final double invH;
    private final double rMax;
    private final double[] c; // 4 coefficients per interval: p(u) = c0 + u(c1 + u(c2 + u c3)), u in [0,1)

    /** Table for splitting parameter α (1/Å) up to r_max (Å). */
    public ErfcTable(double alpha, double rMax) {
        this.alpha = alpha;
        this.invH = 1.0 / SPACING;
        int n = (int) Math.ceil(rMax / SPACING) + 2;
        this.rMax = (n - 1) * SPACING;
        this.c = new double[4 * n];
        double k = -2 * alpha / Math.sqrt(Math.PI);
        for (int i = 0; i < n; i++) {
            double r0 = i * SPACING, r1 = (i + 1) * SPACING;
            double y0 = Erf.erfc(alpha * r0), y1 = Erf.erfc(alpha * r1);
            double m0 = SPACING * k * Math.exp(-alpha * alpha * r0 * r0);
            double m1 = SPACING * k * Math.exp(-alpha * alpha * r1 * r1);
            c[4 * i] = y0;
            c[4 * i + 1] = m0;
            c[4 * i + 2] = 3 * (y1 - y0) - 2 * m0 - m1;
            c[4 * i + 3] = 2 * (y0 - y1) + m0 + m1;
        }
    }

    /** α in 1/Å. */
    public double alpha() { return alpha; }

    /** erfc(αr). */
    public double value(double r) {
        if (r >= rMax) return Erf.erfc(alpha * r);
        double t = r * invH;
        int i = (int) t;
        double u = t - i;
        int o = 4 * i;
        return c[o] + u * (c[o + 1] + u * (c[o + 2] + u * c[o + 3]));
    }

    /** d/dr erfc(αr) of the interpolant, 1/Å. */
    public double derivative(double r) {
        if (r >= rMax) return -2 * alpha / Math.sqrt(Math.PI) * Math.exp(-alpha * alpha * r * r);
        double t = r * invH;
        int i = (int) t;
        double u = t - i;
        int o = 4 * i;
        return (c[o + 1] + u * (2 * c[o + 2] + 3 * u * c[o + 3])) * invH;
    }

    /** Raw coefficient array for hot loops (4 per interval). */
    double[] coefficients() { return c; }

    /** 1/h, 1/Å. */
    double inverseSpacing() { return invH; }

    /** Largest tabulated r, Å. */
    double maxRadius() { return rMax; }
}
