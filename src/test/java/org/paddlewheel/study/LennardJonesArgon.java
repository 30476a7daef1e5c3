package org.paddlewheel.study;

import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Argon as a Lennard-Jones model for melting tests: ε/k_B = 119.8 K (0.010323 eV), σ = 3.405 Å,
 * truncated and shifted at 2.5σ (8.5125 Å), no charges; and its fcc crystal.
 */
final class LennardJonesArgon {
    private LennardJonesArgon() {}

    static final double EPSILON_EV = 0.010323, SIGMA_A = 3.405;
    /** ε/k_B, K: T* = T / this. */
    static final double EPSILON_K = 119.8;

    static ForceField forceField() {
        String json = """
            {"name": "lj-argon", "species": [{"name": "Ar", "element": "Ar", "charge": 0.0}],
             "molecules": [], "bonds": [], "angles": [],
             "pairs": [{"species": ["Ar", "Ar"], "style": "lennard-jones", "epsilon": %s, "sigma": %s}],
             "cutoff": %s, "ewald_accuracy": 1e-5, "pair_shift": true}
            """.formatted(EPSILON_EV, SIGMA_A, 2.5 * SIGMA_A);
        return ForceField.parse(json, "lj-argon");
    }

    /** An n1×n2×n3 supercell of the fcc conventional cell (edge a, Å). */
    static Structure fcc(double a, int n1, int n2, int n3) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        Structure.Builder b = Structure.builder(Lattice.orthorhombic(n1 * a, n2 * a, n3 * a));
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                for (int k = 0; k < n3; k++) {
                    for (double[] u : basis) b.addFractional(Element.find("Ar"), (i + u[0]) / n1, (j + u[1]) / n2, (k + u[2]) / n3);
                }
            }
        }
        return b.build();
    }
}
