package org.paddlewheel.model;

import java.util.Arrays;

/**
 * A periodic cell spanned by three lattice vectors a, b, c (rows of a 3x3 matrix, in Å), any
 * triclinic shape. Cartesian r and fractional f coordinates are related by r = f·M (row vector
 * times matrix). The minimum-image vector is exact for every cell shape: displacements are first
 * wrapped in an LLL-reduced basis of the same lattice, then the 27 neighbouring images are
 * searched, which is sufficient once the basis is reduced (for strongly skewed cells, wrapping
 * fractional coordinates alone can miss the shortest image). Immutable.
 */
public final class Lattice {
    private final double[] m;      // row-major, rows are a, b, c
    private final double[] inv;    // inverse of m
    private final double[] red;    // LLL-reduced basis of the same lattice, rows
    private final double[] redInv;
    private final boolean orthorhombic;
    private final double volume;

    private Lattice(double[] m) {
        this.m = m.clone();
        this.volume = det(this.m);
        if (!(Math.abs(volume) > 1e-8) || !Double.isFinite(volume)) {
            throw new IllegalArgumentException("lattice vectors are degenerate (volume " + volume + " Å³)");
        }
        if (volume < 0) {
            throw new IllegalArgumentException("lattice vectors are left-handed (a·(b×c) = " + volume + " Å³)");
        }
        this.inv = invert(this.m);
        this.orthorhombic = Math.abs(m[1]) + Math.abs(m[2]) + Math.abs(m[3]) + Math.abs(m[5])
                + Math.abs(m[6]) + Math.abs(m[7]) < 1e-12;
        this.red = lllReduce(this.m);
        this.redInv = invert(red);
    }

    /** Cell from the three lattice vectors in Å. */
    public static Lattice of(double[] a, double[] b, double[] c) {
        return new Lattice(new double[] {a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2]});
    }

    /** Cell from a 3x3 matrix whose rows are a, b, c in Å. */
    public static Lattice fromRows(double[][] rows) {
        return of(rows[0], rows[1], rows[2]);
    }

    /** Cell from a row-major array of 9 numbers (a, b, c), Å. */
    public static Lattice fromRowMajor(double[] nine) {
        if (nine.length != 9) throw new IllegalArgumentException("need 9 numbers, got " + nine.length);
        return new Lattice(nine);
    }

    /** Cubic cell of edge {@code aAngstrom}. */
    public static Lattice cubic(double aAngstrom) {
        return orthorhombic(aAngstrom, aAngstrom, aAngstrom);
    }

    /** Orthorhombic cell with edges a, b, c in Å along x, y, z. */
    public static Lattice orthorhombic(double a, double b, double c) {
        return new Lattice(new double[] {a, 0, 0, 0, b, 0, 0, 0, c});
    }

    /**
     * Cell from lengths (Å) and angles (degrees) in the standard orientation used by CIF, VASP and
     * LAMMPS: a along x, b in the xy plane.
     */
    public static Lattice fromParameters(double a, double b, double c, double alphaDeg, double betaDeg, double gammaDeg) {
        double al = Math.toRadians(alphaDeg), be = Math.toRadians(betaDeg), ga = Math.toRadians(gammaDeg);
        double cg = cosd(gammaDeg), sg = Math.sin(ga);
        double ca = cosd(alphaDeg), cb = cosd(betaDeg);
        double cx = c * cb;
        double cy = c * (ca - cb * cg) / sg;
        double cz2 = c * c - cx * cx - cy * cy;
        if (!(cz2 > 0) || !(sg > 0) || al <= 0 || be <= 0) {
            throw new IllegalArgumentException(String.format(
                    "cell angles α=%g β=%g γ=%g° do not form a cell", alphaDeg, betaDeg, gammaDeg));
        }
        return new Lattice(new double[] {a, 0, 0, b * cg, b * sg, 0, cx, cy, Math.sqrt(cz2)});
    }

    private static double cosd(double deg) {
        // exact zeros for right angles so orthorhombic cells stay orthorhombic
        if (deg == 90.0) return 0.0;
        return Math.cos(Math.toRadians(deg));
    }

    /** Lattice vector i (0 = a, 1 = b, 2 = c) in Å; a fresh array. */
    public double[] vector(int i) {
        return new double[] {m[3 * i], m[3 * i + 1], m[3 * i + 2]};
    }

    /** Matrix element (row i = vector, column j = Cartesian component) in Å. */
    public double get(int i, int j) { return m[3 * i + j]; }

    /** The 9 matrix elements row-major (a, b, c), Å; a copy. */
    public double[] rowMajor() { return m.clone(); }

    /** Rows a, b, c as a fresh 3x3 array, Å. */
    public double[][] rows() { return new double[][] {vector(0), vector(1), vector(2)}; }

    /** Cell volume in Å³ (positive). */
    public double volume() { return volume; }

    /** Length of lattice vector i in Å. */
    public double length(int i) {
        return Math.sqrt(m[3 * i] * m[3 * i] + m[3 * i + 1] * m[3 * i + 1] + m[3 * i + 2] * m[3 * i + 2]);
    }

    /** Lengths a, b, c in Å. */
    public double[] lengths() { return new double[] {length(0), length(1), length(2)}; }

    /** Angles α (b,c), β (a,c), γ (a,b) in degrees. */
    public double[] anglesDeg() {
        return new double[] {angle(1, 2), angle(0, 2), angle(0, 1)};
    }

    private double angle(int i, int j) {
        double d = m[3 * i] * m[3 * j] + m[3 * i + 1] * m[3 * j + 1] + m[3 * i + 2] * m[3 * j + 2];
        double c = Math.max(-1, Math.min(1, d / (length(i) * length(j))));
        return Math.toDegrees(Math.acos(c));
    }

    /**
     * Perpendicular width of the cell across the planes spanned by the two other vectors, Å
     * (V / |b×c| for i = 0). A cut-off sphere fits without self-overlap when r_c is below half the
     * smallest width.
     */
    public double perpendicularWidth(int i) {
        double[] u = vector((i + 1) % 3), v = vector((i + 2) % 3);
        double cx = u[1] * v[2] - u[2] * v[1], cy = u[2] * v[0] - u[0] * v[2], cz = u[0] * v[1] - u[1] * v[0];
        return volume / Math.sqrt(cx * cx + cy * cy + cz * cz);
    }

    /** Smallest of the three perpendicular widths, Å. */
    public double minPerpendicularWidth() {
        return Math.min(perpendicularWidth(0), Math.min(perpendicularWidth(1), perpendicularWidth(2)));
    }

    /** True when the cell vectors lie along x, y and z. */
    public boolean isOrthorhombic() { return orthorhombic; }

    /** Fractional → Cartesian (Å) for one point; writes into {@code out} (may alias nothing). */
    public void toCartesian(double f0, double f1, double f2, double[] out, int off) {
        out[off] = f0 * m[0] + f1 * m[3] + f2 * m[6];
        out[off + 1] = f0 * m[1] + f1 * m[4] + f2 * m[7];
        out[off + 2] = f0 * m[2] + f1 * m[5] + f2 * m[8];
    }

    /** Cartesian (Å) → fractional for one point; writes into {@code out}. */
    public void toFractional(double x, double y, double z, double[] out, int off) {
        out[off] = x * inv[0] + y * inv[3] + z * inv[6];
        out[off + 1] = x * inv[1] + y * inv[4] + z * inv[7];
        out[off + 2] = x * inv[2] + y * inv[5] + z * inv[8];
    }

    /** Fractional → Cartesian for a single point; a new array. */
    public double[] toCartesian(double[] f) {
        double[] r = new double[3];
        toCartesian(f[0], f[1], f[2], r, 0);
        return r;
    }

    /** Cartesian → fractional for a single point; a new array. */
    public double[] toFractional(double[] r) {
        double[] f = new double[3];
        toFractional(r[0], r[1], r[2], f, 0);
        return f;
    }

    /** Converts a flat array of 3N fractional coordinates into Cartesian ones (new array). */
    public double[] toCartesianAll(double[] frac) {
        double[] out = new double[frac.length];
        for (int i = 0; i < frac.length; i += 3) toCartesian(frac[i], frac[i + 1], frac[i + 2], out, i);
        return out;
    }

    /** Converts a flat array of 3N Cartesian coordinates into fractional ones (new array). */
    public double[] toFractionalAll(double[] cart) {
        double[] out = new double[cart.length];
        for (int i = 0; i < cart.length; i += 3) toFractional(cart[i], cart[i + 1], cart[i + 2], out, i);
        return out;
    }

    /**
     * Shortest lattice-equivalent of displacement (dx, dy, dz), Å, written into out[off..off+2].
     * Exact for any cell (see class comment).
     */
    public void minimumImage(double dx, double dy, double dz, double[] out, int off) {
        if (orthorhombic) {
            double a = m[0], b = m[4], c = m[8];
            out[off] = dx - a * Math.rint(dx / a);
            out[off + 1] = dy - b * Math.rint(dy / b);
            out[off + 2] = dz - c * Math.rint(dz / c);
            return;
        }
        double[] r = red, ri = redInv;
        double f0 = dx * ri[0] + dy * ri[3] + dz * ri[6];
        double f1 = dx * ri[1] + dy * ri[4] + dz * ri[7];
        double f2 = dx * ri[2] + dy * ri[5] + dz * ri[8];
        f0 -= Math.rint(f0);
        f1 -= Math.rint(f1);
        f2 -= Math.rint(f2);
        double bx = f0 * r[0] + f1 * r[3] + f2 * r[6];
        double by = f0 * r[1] + f1 * r[4] + f2 * r[7];
        double bz = f0 * r[2] + f1 * r[5] + f2 * r[8];
        double best = bx * bx + by * by + bz * bz, ox = bx, oy = by, oz = bz;
        for (int i = -1; i <= 1; i++) {
            for (int j = -1; j <= 1; j++) {
                for (int k = -1; k <= 1; k++) {
                    if (i == 0 && j == 0 && k == 0) continue;
                    double x = bx + i * r[0] + j * r[3] + k * r[6];
                    double y = by + i * r[1] + j * r[4] + k * r[7];
                    double z = bz + i * r[2] + j * r[5] + k * r[8];
                    double d2 = x * x + y * y + z * z;
                    if (d2 < best) { best = d2; ox = x; oy = y; oz = z; }
                }
            }
        }
        out[off] = ox;
        out[off + 1] = oy;
        out[off + 2] = oz;
    }

    /** Minimum-image displacement as a new array, Å. */
    public double[] minimumImage(double[] d) {
        double[] out = new double[3];
        minimumImage(d[0], d[1], d[2], out, 0);
        return out;
    }

    /** Minimum-image distance between Cartesian points p and q, Å. */
    public double distance(double[] p, double[] q) {
        double[] d = minimumImage(new double[] {q[0] - p[0], q[1] - p[1], q[2] - p[2]});
        return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    }

    /** This cell scaled by integer multiples along a, b, c (a supercell). */
    public Lattice supercell(int n1, int n2, int n3) {
        double[] s = m.clone();
        for (int j = 0; j < 3; j++) { s[j] *= n1; s[3 + j] *= n2; s[6 + j] *= n3; }
        return new Lattice(s);
    }

    /** Reciprocal vectors without the 2π factor, rows b_i* with a_i·b_j* = δ_ij, in 1/Å. */
    public double[][] reciprocalRows() {
        return new double[][] {{inv[0], inv[3], inv[6]}, {inv[1], inv[4], inv[7]}, {inv[2], inv[5], inv[8]}};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lattice l && Arrays.equals(m, l.m);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(m); }

    @Override
    public String toString() {
        double[] l = lengths(), an = anglesDeg();
        return String.format("Lattice[a=%.5f b=%.5f c=%.5f Å, α=%.3f β=%.3f γ=%.3f°]", l[0], l[1], l[2], an[0], an[1], an[2]);
    }

    static double det(double[] a) {
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }

    static double[] invert(double[] a) {
        double d = det(a);
        return new double[] {
            (a[4] * a[8] - a[5] * a[7]) / d, (a[2] * a[7] - a[1] * a[8]) / d, (a[1] * a[5] - a[2] * a[4]) / d,
            (a[5] * a[6] - a[3] * a[8]) / d, (a[0] * a[8] - a[2] * a[6]) / d, (a[2] * a[3] - a[0] * a[5]) / d,
            (a[3] * a[7] - a[4] * a[6]) / d, (a[1] * a[6] - a[0] * a[7]) / d, (a[0] * a[4] - a[1] * a[3]) / d};
    }

    /**
     * Lenstra–Lenstra–Lovász reduction (δ = 0.99) of the three row vectors. The result spans the
     * same lattice with short, nearly orthogonal vectors (Lenstra, Lenstra, Lovász, Math. Ann. 261,
     * 515 (1982)), which makes the 27-image search of {@link #minimumImage} exhaustive.
     */
    static double[] lllReduce(double[] rows) {
        double[][] b = {{rows[0], rows[1], rows[2]}, {rows[3], rows[4], rows[5]}, {rows[6], rows[7], rows[8]}};
        int k = 1;
        int guard = 0;
        while (k < 3 && guard++ < 10000) {
            for (int j = k - 1; j >= 0; j--) {
                double[][] gs = gramSchmidt(b);
                double mu = dot(b[k], gs[j]) / dot(gs[j], gs[j]);
                double q = Math.rint(mu);
                if (q != 0) for (int t = 0; t < 3; t++) b[k][t] -= q * b[j][t];
            }
            double[][] gs = gramSchmidt(b);
            double mu = dot(b[k], gs[k - 1]) / dot(gs[k - 1], gs[k - 1]);
            if (dot(gs[k], gs[k]) >= (0.99 - mu * mu) * dot(gs[k - 1], gs[k - 1])) {
                k++;
            } else {
                double[] t = b[k]; b[k] = b[k - 1]; b[k - 1] = t;
                k = Math.max(k - 1, 1);
            }
        }
        double[] out = {b[0][0], b[0][1], b[0][2], b[1][0], b[1][1], b[1][2], b[2][0], b[2][1], b[2][2]};
        if (det(out) < 0) for (int t = 0; t < 3; t++) out[6 + t] = -out[6 + t];
        return out;
    }

    private static double[][] gramSchmidt(double[][] b) {
        double[][] g = new double[3][];
        for (int i = 0; i < 3; i++) {
            g[i] = b[i].clone();
            for (int j = 0; j < i; j++) {
                double mu = dot(b[i], g[j]) / dot(g[j], g[j]);
                for (int t = 0; t < 3; t++) g[i][t] -= mu * g[j][t];
            }
        }
        return g;
    }

    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
}
