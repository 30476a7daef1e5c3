package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/** Shared helpers for the IO tests: fixture paths and seeded random structures. */
final class IoFixtures {
    private IoFixtures() {}

    static final Element[] POOL = {Element.NA, Element.B, Element.H, Element.N, Element.CL, Element.LI, Element.O};

    static Path resource(String name) {
        try {
            return Path.of(IoFixtures.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource io/" + name, e);
        }
    }

    /** A triclinic cell in the standard orientation with random lengths 3–12 Å and angles 60–120°. */
    static Lattice randomStandardCell(SplittableRandom rnd) {
        while (true) {
            try {
                return Lattice.fromParameters(3 + 9 * rnd.nextDouble(), 3 + 9 * rnd.nextDouble(), 3 + 9 * rnd.nextDouble(),
                        60 + 60 * rnd.nextDouble(), 60 + 60 * rnd.nextDouble(), 60 + 60 * rnd.nextDouble());
            } catch (IllegalArgumentException e) {
                // angles that do not close a cell: draw again
            }
        }
    }

    /** A random cell, then rigidly rotated by a random proper rotation (a general orientation). */
    static Lattice randomGeneralCell(SplittableRandom rnd) {
        double[] m = randomStandardCell(rnd).rowMajor();
        double[] q = randomRotation(rnd);
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[3 * i + j] = m[3 * i] * q[j] + m[3 * i + 1] * q[3 + j] + m[3 * i + 2] * q[6 + j];
            }
        }
        return Lattice.fromRowMajor(out);
    }

    /** Random rotation matrix (row-major) from a uniformly random unit quaternion. */
    static double[] randomRotation(SplittableRandom rnd) {
        double w = rnd.nextGaussian(), x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian();
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        w /= n; x /= n; y /= n; z /= n;
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)};
    }

    /**
     * A random structure of 1–40 atoms in {@code l}; fractional coordinates in [−1, 2) so some atoms
     * lie outside the cell (unwrapped); velocities (Å/fs, ~0.01) when asked.
     */
    static Structure randomStructure(SplittableRandom rnd, Lattice l, boolean velocities) {
        int n = 1 + rnd.nextInt(40);
        Structure.Builder b = Structure.builder(l);
        for (int i = 0; i < n; i++) {
            b.addFractional(POOL[rnd.nextInt(POOL.length)], -1 + 3 * rnd.nextDouble(), -1 + 3 * rnd.nextDouble(),
                    -1 + 3 * rnd.nextDouble());
            if (velocities) b.velocity(i, 0.01 * rnd.nextGaussian(), 0.01 * rnd.nextGaussian(), 0.01 * rnd.nextGaussian());
        }
        return b.build();
    }

    /** Asserts same species, lattice and positions (and velocities) within {@code tol} (Å, Å/fs). */
    static void assertSameStructure(Structure actual, Structure expected, double tol, String context) {
        assertThat(actual.size()).as(context + ": atom count").isEqualTo(expected.size());
        double[] la = actual.lattice().rowMajor(), le = expected.lattice().rowMajor();
        for (int k = 0; k < 9; k++) assertThat(la[k]).as(context + ": lattice element " + k).isCloseTo(le[k], org.assertj.core.data.Offset.offset(tol));
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.species(i)).as(context + ": species of atom " + i).isEqualTo(expected.species(i));
            for (int d = 0; d < 3; d++) {
                assertThat(actual.x(i, d)).as(context + ": coordinate %d of atom %d", d, i)
                        .isCloseTo(expected.x(i, d), org.assertj.core.data.Offset.offset(tol));
            }
        }
        if (expected.hasVelocities()) {
            assertThat(actual.hasVelocities()).as(context + ": has velocities").isTrue();
            double[] va = actual.velocities(), ve = expected.velocities();
            for (int k = 0; k < ve.length; k++) assertThat(va[k]).as(context + ": velocity " + k).isCloseTo(ve[k], org.assertj.core.data.Offset.offset(tol));
        }
    }

    /** |r_i − r_0| for every atom: invariant under the rigid rotation into the LAMMPS orientation. */
    static double[] distancesFromFirst(Structure s) {
        double[] d = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            double dx = s.x(i, 0) - s.x(0, 0), dy = s.x(i, 1) - s.x(0, 1), dz = s.x(i, 2) - s.x(0, 2);
            d[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return d;
    }

    static Path write(Path dir, String name, String text) throws java.io.IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
