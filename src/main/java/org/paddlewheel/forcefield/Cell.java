package org.paddlewheel.forcefield;

import org.paddlewheel.model.Lattice;

/**
 * A mutable periodic cell for hot loops: rows a, b, c of h (Å, row-major; r = f·h), its inverse,
 * volume (Å³) and perpendicular widths (Å). {@link #set} updates in place without allocating, so
 * barostats can change the cell every step. {@link #toLattice} gives the immutable model value.
 */
public final class Cell {
    /** Row-major 3x3, rows are lattice vectors, Å. */
    public final double[] h = new double[9];
    /** Inverse of h, 1/Å (f = r·hInv). */
    public final double[] hInv = new double[9];
    private double volume;
    private final double[] width = new double[3];

    public Cell(Lattice lattice) { set(lattice.rowMajor()); }

    public Cell(double[] rowMajor) { set(rowMajor); }

    /** Sets the cell from 9 row-major numbers, Å. */
    public void set(double[] m) {
        System.arraycopy(m, 0, h, 0, 9);
        double d = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
        if (!(d > 1e-8)) throw new IllegalArgumentException("cell is degenerate or left-handed (volume " + d + " Å³)");
        volume = d;
        hInv[0] = (m[4] * m[8] - m[5] * m[7]) / d; hInv[1] = (m[2] * m[7] - m[1] * m[8]) / d; hInv[2] = (m[1] * m[5] - m[2] * m[4]) / d;
        hInv[3] = (m[5] * m[6] - m[3] * m[8]) / d; hInv[4] = (m[0] * m[8] - m[2] * m[6]) / d; hInv[5] = (m[2] * m[3] - m[0] * m[5]) / d;
        hInv[6] = (m[3] * m[7] - m[4] * m[6]) / d; hInv[7] = (m[1] * m[6] - m[0] * m[7]) / d; hInv[8] = (m[0] * m[4] - m[1] * m[3]) / d;
        // width_i = 1/|b*_i|, b*_i = column i of hInv
        for (int i = 0; i < 3; i++) {
            double x = hInv[i], y = hInv[3 + i], z = hInv[6 + i];
            width[i] = 1.0 / Math.sqrt(x * x + y * y + z * z);
        }
    }

    public double volume() { return volume; }

    /** Perpendicular width across lattice planes i, Å. */
    public double width(int i) { return width[i]; }

    public double minWidth() { return Math.min(width[0], Math.min(width[1], width[2])); }

    /** Fractional coordinate k of Cartesian point (x, y, z). */
    public double fractional(double x, double y, double z, int k) {
        return x * hInv[k] + y * hInv[3 + k] + z * hInv[6 + k];
    }

    /**
     * Replaces (dx, dy, dz) in {@code d[off..]} by the image with fractional components in
     * [−½, ½): the minimum image whenever |d| is below half the smallest width.
     */
    public void wrapDisplacement(double[] d, int off) {
        double dx = d[off], dy = d[off + 1], dz = d[off + 2];
        double f0 = dx * hInv[0] + dy * hInv[3] + dz * hInv[6];
        double f1 = dx * hInv[1] + dy * hInv[4] + dz * hInv[7];
        double f2 = dx * hInv[2] + dy * hInv[5] + dz * hInv[8];
        f0 = Math.rint(f0); f1 = Math.rint(f1); f2 = Math.rint(f2);
        d[off] = dx - f0 * h[0] - f1 * h[3] - f2 * h[6];
        d[off + 1] = dy - f0 * h[1] - f1 * h[4] - f2 * h[7];
        d[off + 2] = dz - f0 * h[2] - f1 * h[5] - f2 * h[8];
    }

    public Lattice toLattice() { return Lattice.fromRowMajor(h.clone()); }
}
