package org.paddlewheel.build;

import java.util.SplittableRandom;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Structure;

/**
 * Small random displacements that break a structure's symmetry before a relaxation. Gradient methods
 * (BFGS, FIRE) keep whatever symmetry the start has, because the forces share it, so a start built with
 * aligned anions can stop on a symmetric stationary point: the PBE relaxation of the x = 0 vacancy cell did,
 * and the lowest structure, with every BH4 turned by 17–59°, lies below it (forcefields/dft/README.md,
 * 4 Dec 2026). Each free Cartesian coordinate moves by a uniform amount in [−amplitude, +amplitude] (Å),
 * drawn from a seeded generator, so the same seed gives the same structure; held atoms and held
 * x coordinates do not move.
 */
public final class Rattle {
    private Rattle() {}

    /**
     * The structure with each free coordinate displaced uniformly within ±{@code amplitudeA} (Å).
     *
     * @param held   0-based atoms that keep all three coordinates (may be null)
     * @param heldX  0-based atoms that keep their x coordinate (may be null)
     */
    public static Structure of(Structure s, double amplitudeA, long seed, int[] held, int[] heldX) {
        if (!(amplitudeA >= 0) || amplitudeA > 0.5) {
            throw new InputException("--rattle: expected a displacement between 0 and 0.5 Å, got " + amplitudeA);
        }
        boolean[] fixedAll = mark(held, s.size()), fixedX = mark(heldX, s.size());
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = s.positions();
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                double d = (2 * rng.nextDouble() - 1) * amplitudeA; // drawn for every coordinate, so held atoms do not shift the others' draws
                if (fixedAll[i] || (k == 0 && fixedX[i]) || !s.isFree(i, k)) continue;
                x[3 * i + k] += d;
            }
        }
        return s.withPositions(x, s.velocities());
    }

    private static boolean[] mark(int[] atoms, int n) {
        boolean[] m = new boolean[n];
        if (atoms != null) {
            for (int a : atoms) {
                if (a < 0 || a >= n) throw new InputException("--fix/--fix-x: atom " + (a + 1) + " is not among the structure's " + n + " atoms");
                m[a] = true;
            }
        }
        return m;
    }
}
