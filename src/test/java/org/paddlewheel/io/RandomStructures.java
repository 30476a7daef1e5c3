package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/** Seeded random triclinic cells and structures for the format round-trip property tests. */
final class RandomStructures {
    private RandomStructures() {}

    static final Element[] POOL = {Element.NA, Element.O, Element.B, Element.H, Element.N, Element.LI, Element.CL, Element.D};

    /** The seeds every property test runs over. */
    static LongStream seeds() { return LongStream.rangeClosed(1, 40); }

    /** A triclinic cell with edges 3–20 Å, angles 60–120°, in a random orientation. */
    static Lattice lattice(SplittableRandom rnd) {
        while (true) {
            try {
                Lattice l = Lattice.fromParameters(rnd.nextDouble(3, 20), rnd.nextDouble(3, 20), rnd.nextDouble(3, 20),
                        rnd.nextDouble(60, 120), rnd.nextDouble(60, 120), rnd.nextDouble(60, 120));
                if (l.volume() < 0.2 * l.length(0) * l.length(1) * l.length(2)) continue; // avoid near-flat cells
                return rotate(l, rnd);
            } catch (IllegalArgumentException e) {
                // angles that close no cell: draw again
            }
        }
    }

    /** The cell rotated by a uniformly random proper rotation (random unit quaternion). */
    static Lattice rotate(Lattice l, SplittableRandom rnd) {
        double q0 = rnd.nextGaussian(), q1 = rnd.nextGaussian(), q2 = rnd.nextGaussian(), q3 = rnd.nextGaussian();
        double n = Math.sqrt(q0 * q0 + q1 * q1 + q2 * q2 + q3 * q3);
        q0 /= n; q1 /= n; q2 /= n; q3 /= n;
        double[][] r = {
            {1 - 2 * (q2 * q2 + q3 * q3), 2 * (q1 * q2 - q0 * q3), 2 * (q1 * q3 + q0 * q2)},
            {2 * (q1 * q2 + q0 * q3), 1 - 2 * (q1 * q1 + q3 * q3), 2 * (q2 * q3 - q0 * q1)},
            {2 * (q1 * q3 - q0 * q2), 2 * (q2 * q3 + q0 * q1), 1 - 2 * (q1 * q1 + q2 * q2)}};
        double[][] rows = l.rows(), out = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) out[i][j] += rows[i][k] * r[j][k];
        return Lattice.fromRows(out);
    }

    /**
     * 1–40 atoms of random species in random order, fractional coordinates in [-0.3, 1.3) (not
     * wrapped), with velocities (Å/fs), selective flags and labels when asked.
     */
    static Structure structure(SplittableRandom rnd, Lattice l, boolean velocities, boolean selective, boolean labels) {
        int n = rnd.nextInt(1, 41);
        Structure.Builder b = Structure.builder(l);
        for (int i = 0; i < n; i++) {
            Element e = POOL[rnd.nextInt(POOL.length)];
            b.addFractional(e, rnd.nextDouble(-0.3, 1.3), rnd.nextDouble(-0.3, 1.3), rnd.nextDouble(-0.3, 1.3));
            if (velocities) b.velocity(i, rnd.nextGaussian() * 0.01, rnd.nextGaussian() * 0.01, rnd.nextGaussian() * 0.01);
            if (selective) b.selective(i, rnd.nextBoolean(), rnd.nextBoolean(), rnd.nextBoolean());
            if (labels) b.label(i, e.symbol() + (i + 1));
        }
        return b.build();
    }

    /** Asserts equal cells, species, positions (1e-6 Å), velocities (1e-9 Å/fs) and flags. */
    static void assertSameStructure(Structure actual, Structure expected, String context) {
        double[] la = actual.lattice().rowMajor(), le = expected.lattice().rowMajor();
        for (int i = 0; i < 9; i++) assertThat(la[i]).as(context + ": lattice element " + i).isCloseTo(le[i], within(1e-9));
        assertThat(actual.speciesArray()).as(context + ": species").containsExactly(expected.speciesArray());
        double[] pa = actual.positions(), pe = expected.positions();
        for (int i = 0; i < pa.length; i++) {
            assertThat(pa[i]).as(context + ": coordinate " + (i % 3) + " of atom " + i / 3).isCloseTo(pe[i], within(1e-6));
        }
        assertThat(actual.hasVelocities()).as(context + ": has velocities").isEqualTo(expected.hasVelocities());
        if (expected.hasVelocities()) {
            double[] va = actual.velocities(), ve = expected.velocities();
            for (int i = 0; i < va.length; i++) {
                assertThat(va[i]).as(context + ": velocity " + (i % 3) + " of atom " + i / 3).isCloseTo(ve[i], within(1e-9));
            }
        }
        assertThat(actual.hasSelectiveDynamics()).as(context + ": has selective flags").isEqualTo(expected.hasSelectiveDynamics());
        for (int i = 0; i < actual.size(); i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(actual.isFree(i, k)).as(context + ": selective flag " + k + " of atom " + i).isEqualTo(expected.isFree(i, k));
            }
        }
    }
}
