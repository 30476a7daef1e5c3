package org.paddlewheel.forcefield;

/**
 * The forces of a three-body angle term i–j–k (centre j) with energy V(θ), shared by the engine's bonded terms and
 * the fitter's bonded columns so that both use one formula. With d = (r_i − r_j, r_k − r_j) (Å), cosθ = c and
 * g = −(dV/dθ)/sinθ (eV; LAMMPS angle_harmonic's a, sinθ floored at 1e-3 by the caller), F_i = −dV/dr_i =
 * −g ∂cosθ/∂r_i = g (c d_i/r1² − d_k/(r1 r2)), F_k likewise, and F_j = −(F_i + F_k) (no net force); the virial
 * of the term is Σ d_a ⊗ F over the two arms.
 */
public final class AngleForces {
    private AngleForces() {}

    /** Writes F_i into out[0..2] and F_k into out[3..5] (eV/Å) for the arms d[0..2] = r_i − r_j and d[3..5] = r_k − r_j. */
    public static void of(double g, double c, double r1, double r2, double[] d, double[] out) {
        double a11 = g * c / (r1 * r1), a12 = -g / (r1 * r2), a22 = g * c / (r2 * r2);
        out[0] = a11 * d[0] + a12 * d[3];
        out[1] = a11 * d[1] + a12 * d[4];
        out[2] = a11 * d[2] + a12 * d[5];
        out[3] = a22 * d[3] + a12 * d[0];
        out[4] = a22 * d[4] + a12 * d[1];
        out[5] = a22 * d[5] + a12 * d[2];
    }
}
