package org.paddlewheel.build;

import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Replicates a structure n1 × n2 × n3 times along its lattice vectors. Atoms are ordered image by
 * image (the original cell first), velocities, labels and selective-dynamics flags are copied.
 */
public final class Supercell {
    private Supercell() {}

    /** The n1 × n2 × n3 supercell of {@code s}. */
    public static Structure of(Structure s, int n1, int n2, int n3) {
        if (n1 < 1 || n2 < 1 || n3 < 1) throw new IllegalArgumentException("supercell multiples must be ≥ 1, got " + n1 + "x" + n2 + "x" + n3);
        Lattice l = s.lattice();
        double[] a = l.vector(0), b = l.vector(1), c = l.vector(2);
        Structure.Builder out = Structure.builder(l.supercell(n1, n2, n3));
        double[] v = s.velocities();
        int idx = 0;
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                for (int k = 0; k < n3; k++) {
                    for (int t = 0; t < s.size(); t++, idx++) {
                        out.add(s.species(t),
                                s.x(t, 0) + i * a[0] + j * b[0] + k * c[0],
                                s.x(t, 1) + i * a[1] + j * b[1] + k * c[1],
                                s.x(t, 2) + i * a[2] + j * b[2] + k * c[2]);
                        if (v != null) out.velocity(idx, v[3 * t], v[3 * t + 1], v[3 * t + 2]);
                        if (s.hasLabels()) out.label(idx, s.label(t));
                        if (s.hasSelectiveDynamics()) out.selective(idx, s.isFree(t, 0), s.isFree(t, 1), s.isFree(t, 2));
                    }
                }
            }
        }
        return out.build();
    }

    /** Parses "3x3x3" (or "3" for 3x3x3) into three multiples. */
    public static int[] parse(String text) {
        String[] p = text.trim().toLowerCase(java.util.Locale.ROOT).split("[x×*, ]+");
        try {
            if (p.length == 1) { int n = Integer.parseInt(p[0]); return new int[] {n, n, n}; }
            if (p.length == 3) return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("supercell '" + text + "': expected N1xN2xN3 such as 3x3x3");
    }
}
