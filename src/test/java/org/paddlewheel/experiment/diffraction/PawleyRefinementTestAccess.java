package org.paddlewheel.experiment.diffraction;

/** Lets tests in other packages make the synthetic patterns of {@link PawleyRefinementTest}. */
public final class PawleyRefinementTestAccess {
    private PawleyRefinementTestAccess() {}

    public static double[][] synthetic(Crystal c, Radiation rad, double zero, double[] uvw, double eta, long seed, double from, double to) {
        return PawleyRefinementTest.synthetic(c, rad, zero, uvw, eta, seed, from, to);
    }
}
