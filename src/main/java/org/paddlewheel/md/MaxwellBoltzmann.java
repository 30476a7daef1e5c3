package org.paddlewheel.md;

import org.paddlewheel.model.Units;

/**
 * Seeded Maxwell–Boltzmann initial velocities: each mobile component drawn from N(0, k_B T/m), the
 * mobile centre-of-mass momentum removed, then rescaled to exactly T with the given degrees of
 * freedom. Frozen atoms get zero velocity. Units Å/fs.
 */
public final class MaxwellBoltzmann {
    private MaxwellBoltzmann() {}

    public static void assign(MdState s, double temperatureK, Rng rng, boolean momentumConserved) {
        double kT = Units.BOLTZMANN_EV_PER_K * temperatureK * Units.ACCELERATION_EV_PER_A_AMU_TO_A_PER_FS2;
        for (int i = 0; i < s.n; i++) {
            double sd = Math.sqrt(kT * s.invMass[i]);
            for (int k = 0; k < 3; k++) s.v[3 * i + k] = s.mobile[i] ? sd * rng.nextGaussian() : 0;
        }
        double mTot = 0;
        for (int i = 0; i < s.n; i++) if (s.mobile[i]) mTot += s.mass[i];
        for (int k = 0; k < 3; k++) {
            double vc = s.momentum(k) / mTot;
            for (int i = 0; i < s.n; i++) if (s.mobile[i]) s.v[3 * i + k] -= vc;
        }
        double t = s.temperature(momentumConserved);
        if (t > 0 && temperatureK > 0) {
            double c = Math.sqrt(temperatureK / t);
            for (int k = 0; k < 3 * s.n; k++) s.v[k] *= c;
        }
    }
}
