package org.paddlewheel.forcefield;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test models with UF3 spline pairs: the bundled model's species, charges, molecules and bonded
 * terms, with a seeded random spline between every pair of species (uniform knots on
 * [rMin, rCut], a decaying repulsive shape plus noise, last three coefficients 0, core prior
 * A 500 eV, ρ 0.25 Å), with or without the bundled Buckingham pairs.
 */
public final class SplineModels {
    private SplineModels() {}

    public static ForceField model(long seed, double rMin, double rCut, int intervals, boolean keepBuckingham) {
        ForceField base = TestCells.model();
        return SplineJson.load(SplineJson.withSplines(SplineJson.baseJson("na-amide-borohydride"), base, keepBuckingham,
                splines(base, seed, rMin, rCut, intervals), null, "spline-test"), "spline-test");
    }

    public static List<SplinePair> splines(ForceField base, long seed, double rMin, double rCut, int intervals) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<SplinePair> out = new ArrayList<>();
        int nt = base.species().size();
        double[] t = SplinePair.uniformKnots(rMin, rCut, intervals);
        for (int a = 0; a < nt; a++) {
            for (int b = a; b < nt; b++) {
                double[] c = new double[t.length - 4];
                for (int k = 0; k < c.length - SplinePair.FIXED_TAIL; k++) {
                    double r = t[k + 2];
                    c[k] = 1.5 * Math.exp(-(r - rMin) / 0.4) - 0.05 + 0.03 * rnd.nextGaussian();
                }
                out.add(new SplinePair(a, b, t, c, 500, 0.25));
            }
        }
        return out;
    }
}
