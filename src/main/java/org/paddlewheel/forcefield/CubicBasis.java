package org.paddlewheel.forcefield;

/**
 * A clamped cubic B-spline basis on one distance axis (knot vector t in Å, four knots at r_min and
 * four at r_cut), evaluated for the hot loops of the UF3 3-body term ({@link SplineTriple}): each
 * knot span stores the power coefficients of its four non-zero basis functions (u = r − b_s), and a
 * span is found through a 0.01 Å lookup grid. {@link #eval} gives the index of the first non-zero
 * function and the four values and r-derivatives (Å⁻¹); below r_min every function continues
 * linearly (value + slope·(r − r_min)), or with {@code constantBelow} keeps its value at r_min (a term that bounds
 * what it can do where no data were; the force is continuous there only when the spline's slope at r_min is zero,
 * which the fitter ensures by tying the first two coefficients, TripleColumns#canonical), at and beyond r_cut all are
 * zero. Immutable.
 */
final class CubicBasis {
    private static final double GRID = 0.01;
    final int size;
    final double rMin, rCut;
    final boolean constantBelow;
    private final double[] breaks;
    private final int[] first;
    private final double[] poly; // [span*16 + 4*m + power]
    private final int[] lookup;

    CubicBasis(double[] t) { this(t, false); }

    CubicBasis(double[] t, boolean constantBelow) {
        this.constantBelow = constantBelow;
        String bad = SplinePair.check(t, new double[t.length - 4]);
        if (bad != null) throw new IllegalArgumentException(bad);
        size = t.length - 4;
        rMin = t[0];
        rCut = t[t.length - 1];
        int spans = 0;
        for (int i = 3; i < size; i++) if (t[i + 1] > t[i]) spans++;
        breaks = new double[spans + 1];
        first = new int[spans];
        poly = new double[16 * spans];
        int s = 0;
        for (int i = 3; i < size; i++) {
            if (!(t[i + 1] > t[i])) continue;
            breaks[s] = t[i];
            first[s] = i - 3;
            double h = t[i + 1] - t[i];
            double[][] vals = new double[4][];
            for (int q = 0; q < 4; q++) vals[q] = SplinePair.basis(t, i, t[i] + q * h / 3);
            for (int m = 0; m < 4; m++) {
                double[] p = SplinePair.cubicThrough(h, vals[0][m], vals[1][m], vals[2][m], vals[3][m]);
                System.arraycopy(p, 0, poly, 16 * s + 4 * m, 4);
            }
            s++;
        }
        breaks[spans] = rCut;
        int cells = (int) Math.ceil((rCut - rMin) / GRID) + 1;
        lookup = new int[cells];
        for (int c = 0; c < cells; c++) lookup[c] = span(Math.min(rMin + c * GRID, rCut));
    }

    private int span(double r) {
        int s = java.util.Arrays.binarySearch(breaks, r);
        if (s < 0) s = -s - 2;
        return Math.max(0, Math.min(breaks.length - 2, s));
    }

    /**
     * Values v[o..o+3] and r-derivatives d[o..o+3] of basis functions k0 … k0+3 at r; returns k0, or
     * −1 (nothing written) if r ≥ r_cut.
     */
    int eval(double r, double[] v, double[] d, int o) {
        if (r >= rCut) return -1;
        int s;
        double u, lin = 0;
        if (r >= rMin) {
            s = lookup[(int) ((r - rMin) * (1 / GRID))];
            while (s + 2 < breaks.length && r >= breaks[s + 1]) s++;
            u = r - breaks[s];
        } else {
            s = 0;
            u = 0;
            lin = r - rMin;
            if (constantBelow) {
                int b = 0;
                for (int m = 0; m < 4; m++, b += 4) {
                    v[o + m] = poly[b];
                    d[o + m] = 0;
                }
                return first[0];
            }
        }
        int b = 16 * s;
        for (int m = 0; m < 4; m++, b += 4) {
            double p0 = poly[b], p1 = poly[b + 1], p2 = poly[b + 2], p3 = poly[b + 3];
            double dv = p1 + u * (2 * p2 + 3 * u * p3);
            v[o + m] = p0 + u * (p1 + u * (p2 + u * p3)) + dv * lin;
            d[o + m] = dv;
        }
        return first[s];
    }
}
