package org.paddlewheel.io;

import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * A LAMMPS simulation box: bounds {@code xlo xhi ylo yhi zlo zhi} and tilt factors {@code xy xz yz},
 * all in Å. LAMMPS restricts triclinic boxes to a lower-triangular cell matrix (LAMMPS manual,
 * "Howto triclinic"): a = (xhi−xlo, 0, 0), b = (xy, yhi−ylo, 0), c = (xz, yz, zhi−zlo). A general
 * cell is brought into that orientation by the rigid rotation R with M·R = M_lammps, where
 * lx = |a|, xy = b·â, ly = √(|b|² − xy²), xz = c·â, yz = (b·c − xy·xz)/ly, lz = √(|c|² − xz² − yz²);
 * positions and velocities (row vectors) rotate as r·R. Package-private helper shared by
 * {@link LammpsData} and {@link LammpsDump}.
 */
record LammpsBox(double xlo, double xhi, double ylo, double yhi, double zlo, double zhi,
                 double xy, double xz, double yz) {

    /** True when all tilt factors are zero (an orthogonal box). */
    boolean orthogonal() { return xy == 0 && xz == 0 && yz == 0; }

    /** The cell as a {@link Lattice} (origin dropped). */
    Lattice lattice() {
        return Lattice.fromRowMajor(new double[] {xhi - xlo, 0, 0, xy, yhi - ylo, 0, xz, yz, zhi - zlo});
    }

    /** True when the lattice is already lower-triangular with a positive diagonal (no rotation needed). */
    static boolean isLammpsOriented(Lattice l) {
        return l.get(0, 1) == 0 && l.get(0, 2) == 0 && l.get(1, 2) == 0
                && l.get(0, 0) > 0 && l.get(1, 1) > 0 && l.get(2, 2) > 0;
    }

    /** The LAMMPS box (origin 0) of a lattice after rotation into the LAMMPS orientation. */
    static LammpsBox of(Lattice l) {
        if (isLammpsOriented(l)) {
            return new LammpsBox(0, l.get(0, 0), 0, l.get(1, 1), 0, l.get(2, 2), l.get(1, 0), l.get(2, 0), l.get(2, 1));
        }
        double[] a = l.vector(0), b = l.vector(1), c = l.vector(2);
        double lx = norm(a);
        double xy = dot(b, a) / lx;
        double ly = Math.sqrt(Math.max(0, dot(b, b) - xy * xy));
        double xz = dot(c, a) / lx;
        double yz = (dot(b, c) - xy * xz) / ly;
        double lz = Math.sqrt(Math.max(0, dot(c, c) - xz * xz - yz * yz));
        return new LammpsBox(0, lx, 0, ly, 0, lz, xy, xz, yz);
    }

    /**
     * The rotation R (row-major 3x3) that takes Cartesian row vectors of {@code l} into the LAMMPS
     * orientation, R = M⁻¹·M_lammps; null when {@code l} is already oriented (identity).
     */
    static double[] rotation(Lattice l) {
        if (isLammpsOriented(l)) return null;
        double[] target = of(l).lattice().rowMajor();
        double[][] rec = l.reciprocalRows(); // rows b_i*, so M⁻¹ has columns b_i*: inv[j][i] = rec[i][j]
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += rec[k][i] * target[3 * k + j];
                r[3 * i + j] = s;
            }
        }
        return r;
    }

    /** Applies r·R to a flat 3N array in place (no-op when R is null). */
    static void rotateInPlace(double[] v, double[] rot) {
        if (rot == null || v == null) return;
        for (int i = 0; i < v.length; i += 3) {
            double x = v[i], y = v[i + 1], z = v[i + 2];
            v[i] = x * rot[0] + y * rot[3] + z * rot[6];
            v[i + 1] = x * rot[1] + y * rot[4] + z * rot[7];
            v[i + 2] = x * rot[2] + y * rot[5] + z * rot[8];
        }
    }

    /**
     * The structure rigidly rotated into the LAMMPS orientation (a along x, b in the xy plane),
     * positions and velocities rotated alike; the same instance when no rotation is needed.
     */
    static Structure orient(Structure s) {
        double[] rot = rotation(s.lattice());
        if (rot == null) return s;
        double[] p = s.positions();
        double[] v = s.velocities();
        rotateInPlace(p, rot);
        rotateInPlace(v, rot);
        return s.withLattice(of(s.lattice()).lattice()).withPositions(p, v);
    }

    /**
     * Box from the dump header bounds (LAMMPS manual, "Howto triclinic"): xlo_bound = xlo +
     * min(0, xy, xz, xy+xz), xhi_bound = xhi + max(0, xy, xz, xy+xz), ylo_bound = ylo + min(0, yz),
     * yhi_bound = yhi + max(0, yz); inverted here.
     */
    static LammpsBox fromDumpBounds(double xlob, double xhib, double ylob, double yhib, double zlo, double zhi,
                                    double xy, double xz, double yz) {
        double xlo = xlob - Math.min(Math.min(0, xy), Math.min(xz, xy + xz));
        double xhi = xhib - Math.max(Math.max(0, xy), Math.max(xz, xy + xz));
        double ylo = ylob - Math.min(0, yz);
        double yhi = yhib - Math.max(0, yz);
        return new LammpsBox(xlo, xhi, ylo, yhi, zlo, zhi, xy, xz, yz);
    }

    /** The dump header bounds {xlo_bound, xhi_bound, ylo_bound, yhi_bound, zlo_bound, zhi_bound}. */
    double[] dumpBounds() {
        return new double[] {
            xlo + Math.min(Math.min(0, xy), Math.min(xz, xy + xz)), xhi + Math.max(Math.max(0, xy), Math.max(xz, xy + xz)),
            ylo + Math.min(0, yz), yhi + Math.max(0, yz), zlo, zhi};
    }

    private static double dot(double[] u, double[] v) { return u[0] * v[0] + u[1] * v[1] + u[2] * v[2]; }

    private static double norm(double[] u) { return Math.sqrt(dot(u, u)); }
}
