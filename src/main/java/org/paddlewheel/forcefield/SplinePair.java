package org.paddlewheel.forcefield;

import java.util.Arrays;

/**
 * One UF3-style 2-body term (Xie, Rupp, Hennig, npj Comput. Mater. 9, 162 (2023)) between species a
 * and b: V(r) = Σ_k c_k B_k(r) on a clamped cubic B-spline basis (knot vector t, Å; the first four
 * and the last four knots equal r_min and r_cut), c_k in eV. The last three coefficients must be 0,
 * so V, V' and V'' vanish at r_cut (≤ the force field's cut-off) and V = 0 beyond. Below r_min the
 * spline continues linearly, V(r_min) + V'(r_min)(r − r_min), and a fixed repulsive core prior is
 * added there: E_core = A[exp(−r/ρ) − exp(−r_min/ρ)(1 − (r − r_min)/ρ)] for r &lt; r_min (A eV, ρ Å),
 * which is 0 with zero slope at r_min and grows without bound as r → 0, so no configuration can
 * collapse; it is not fitted. Each knot span is converted to a cubic polynomial in u = r − b_s
 * ({@link #spanPolynomials}) for the engine's hot loop. Immutable.
 */
public final class SplinePair {
    /** Number of trailing coefficients fixed to zero (value, slope and curvature vanish at r_cut). */
    public static final int FIXED_TAIL = 3;
    private final int a, b;
    private final double[] knots, coefficients;
    private final double coreA, coreRho;
    private final double[] breaks;      // distinct knots r_min = b_0 < … < b_m = r_cut
    private final int[] spanKnot;       // knot index i of span s (t_i ≤ r < t_{i+1})
    private final double[][] basisPoly; // [span][4 active basis × 4 powers]

    public SplinePair(int a, int b, double[] knots, double[] coefficients, double coreA, double coreRho) {
        this.a = Math.min(a, b);
        this.b = Math.max(a, b);
        this.knots = knots.clone();
        this.coefficients = coefficients.clone();
        this.coreA = coreA;
        this.coreRho = coreRho;
        String bad = check(knots, coefficients);
        if (bad != null) throw new IllegalArgumentException(bad);
        if (coreA < 0 || (coreA > 0 && !(coreRho > 0))) throw new IllegalArgumentException("core A must be ≥ 0 and rho > 0");
        int nb = coefficients.length;
        int spans = 0;
        for (int i = 3; i < nb; i++) if (knots[i + 1] > knots[i]) spans++;
        breaks = new double[spans + 1];
        spanKnot = new int[spans];
        basisPoly = new double[spans][16];
        int s = 0;
        for (int i = 3; i < nb; i++) {
            if (!(knots[i + 1] > knots[i])) continue;
            breaks[s] = knots[i];
            spanKnot[s] = i;
            double h = knots[i + 1] - knots[i];
            double[][] vals = new double[4][];
            for (int q = 0; q < 4; q++) vals[q] = basis(knots, i, knots[i] + q * h / 3);
            for (int m = 0; m < 4; m++) {
                double[] p = cubicThrough(h, vals[0][m], vals[1][m], vals[2][m], vals[3][m]);
                System.arraycopy(p, 0, basisPoly[s], 4 * m, 4);
            }
            s++;
        }
        breaks[spans] = knots[knots.length - 1];
    }

    /** A uniform clamped knot vector with {@code intervals} spans on [rMin, rCut], Å. */
    public static double[] uniformKnots(double rMin, double rCut, int intervals) {
        double[] t = new double[intervals + 7];
        for (int k = 0; k < t.length; k++) {
            int j = Math.max(0, Math.min(intervals, k - 3));
            t[k] = j == intervals ? rCut : rMin + (rCut - rMin) * j / intervals;
        }
        return t;
    }

    /** Null if knots and coefficients form a valid term, else what is wrong. */
    static String check(double[] t, double[] c) {
        if (t.length < 9) return "need at least 9 knots (4 at r_min, ≥ 1 inside, 4 at r_cut)";
        if (c.length != t.length - 4) return "need " + (t.length - 4) + " coefficients for " + t.length + " knots, got " + c.length;
        for (int k = 1; k < t.length; k++) if (!(t[k] >= t[k - 1])) return "knots must be non-decreasing";
        if (t[0] != t[3] || t[t.length - 1] != t[t.length - 4]) return "the first four and the last four knots must be equal (clamped)";
        if (!(t[0] > 0) || !(t[t.length - 1] > t[0])) return "need 0 < r_min < r_cut";
        for (int k = 4; k < t.length - 4; k++) if (t[k] == t[k + 1] && t[k] == t[k - 1] && t[k] == t[k + 2]) return "interior knot of multiplicity 4";
        for (int k = c.length - FIXED_TAIL; k < c.length; k++) if (c[k] != 0) return "the last " + FIXED_TAIL + " coefficients must be 0 (smooth cut-off)";
        for (double v : c) if (!Double.isFinite(v)) return "coefficients must be finite";
        return null;
    }

    /**
     * The four cubic B-splines B_{i−3..i}(r) that are non-zero on knot span i, evaluated as that
     * span's polynomials (also outside the span); Cox–de Boor recursion (Piegl &amp; Tiller, The NURBS
     * Book, algorithm A2.2).
     */
    static double[] basis(double[] t, int i, double r) {
        double[] n = new double[4], left = new double[4], right = new double[4];
        n[0] = 1;
        for (int j = 1; j <= 3; j++) {
            left[j] = r - t[i + 1 - j];
            right[j] = t[i + j] - r;
            double saved = 0;
            for (int q = 0; q < j; q++) {
                double tmp = n[q] / (right[q + 1] + left[j - q]);
                n[q] = saved + right[q + 1] * tmp;
                saved = left[j - q] * tmp;
            }
            n[j] = saved;
        }
        return n;
    }

    /** Power coefficients p0..p3 of the cubic through (0, y0), (h/3, y1), (2h/3, y2), (h, y3). */
    static double[] cubicThrough(double h, double y0, double y1, double y2, double y3) {
        double d = h / 3;
        double d1 = (y1 - y0) / d, d2 = (y2 - y1) / d, d3 = (y3 - y2) / d;
        double e1 = (d2 - d1) / (2 * d), e2 = (d3 - d2) / (2 * d);
        double f1 = (e2 - e1) / (3 * d);
        // Newton form y0 + d1 u + e1 u(u − d) + f1 u(u − d)(u − 2d)
        return new double[] {y0, d1 - e1 * d + 2 * f1 * d * d, e1 - 3 * f1 * d, f1};
    }

    public int a() { return a; }
    public int b() { return b; }
    public double[] knots() { return knots.clone(); }
    public double[] coefficients() { return coefficients.clone(); }
    public int basisSize() { return coefficients.length; }
    /** Coefficients that are fitted: all but the fixed tail. */
    public int freeSize() { return coefficients.length - FIXED_TAIL; }
    public double rMin() { return knots[0]; }
    public double rCut() { return knots[knots.length - 1]; }
    public double coreA() { return coreA; }
    public double coreRho() { return coreRho; }
    /** Distinct knots b_0 = r_min … b_m = r_cut, Å. */
    double[] breaks() { return breaks; }

    /** A copy with other coefficients (same knots and core). */
    public SplinePair withCoefficients(double[] c) { return new SplinePair(a, b, knots, c, coreA, coreRho); }

    /** Span index s with b_s ≤ r &lt; b_{s+1} (r in [r_min, r_cut)). */
    int span(double r) {
        int s = Arrays.binarySearch(breaks, r);
        if (s < 0) s = -s - 2;
        return Math.max(0, Math.min(breaks.length - 2, s));
    }

    /**
     * Value (written to out[k]) and r-derivative (out[nb + k]) of every basis function at r,
     * including the linear continuation below r_min and zero at and beyond r_cut; out has length
     * 2·basisSize and is overwritten.
     */
    public void basisAt(double r, double[] out) {
        int nb = coefficients.length;
        Arrays.fill(out, 0, 2 * nb, 0);
        if (r >= rCut()) return;
        double rr = Math.max(r, rMin());
        int s = span(rr);
        double u = rr - breaks[s];
        int k0 = spanKnot[s] - 3;
        double[] p = basisPoly[s];
        for (int m = 0; m < 4; m++) {
            int o = 4 * m;
            double v = p[o] + u * (p[o + 1] + u * (p[o + 2] + u * p[o + 3]));
            double d = p[o + 1] + u * (2 * p[o + 2] + 3 * u * p[o + 3]);
            if (r < rMin()) v += d * (r - rMin());
            out[k0 + m] = v;
            out[nb + k0 + m] = d;
        }
    }

    /** Per-span power coefficients of V (4 per span: V = p0 + p1 u + p2 u² + p3 u³, u = r − b_s). */
    double[] spanPolynomials() {
        double[] out = new double[4 * spanKnot.length];
        for (int s = 0; s < spanKnot.length; s++) {
            int k0 = spanKnot[s] - 3;
            for (int m = 0; m < 4; m++) for (int d = 0; d < 4; d++) out[4 * s + d] += coefficients[k0 + m] * basisPoly[s][4 * m + d];
        }
        return out;
    }

    /** The fixed core prior at r (eV), its r-derivative in dEdr[0]; 0 at and beyond r_min. */
    public double core(double r, double[] dEdr) {
        if (coreA == 0 || r >= rMin()) { dEdr[0] = 0; return 0; }
        double em = Math.exp(-rMin() / coreRho), e = Math.exp(-r / coreRho);
        dEdr[0] = coreA * (em - e) / coreRho;
        return coreA * (e - em * (1 - (r - rMin()) / coreRho));
    }

    /** Spline plus core at r (eV), the r-derivative (eV/Å) in dEdr[0]. Not for hot loops. */
    public double energy(double r, double[] dEdr) {
        double e = core(r, dEdr);
        double g = dEdr[0];
        double[] bv = new double[2 * coefficients.length];
        basisAt(r, bv);
        for (int k = 0; k < coefficients.length; k++) {
            e += coefficients[k] * bv[k];
            g += coefficients[k] * bv[coefficients.length + k];
        }
        dEdr[0] = g;
        return e;
    }
}
