package org.paddlewheel.forcefield;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test models with UF3 3-body terms: the bundled model's species, charges, molecules and bonded
 * terms, optional random spline pairs ({@link SplineModels}), and a seeded random 3-body term for
 * every (centre; j ≤ k) species triple: arms on uniform knots [rMin, rCut] with {@code intervals}
 * spans, r_jk on [rMin/2, jkCut] with {@code 2·intervals} spans, coefficients 0.05·N(0, 1) eV on
 * the free entries (symmetrised for equal neighbour species).
 */
public final class TripleModels {
    private TripleModels() {}

    public static ForceField model(long seed, double rMin, double rCut, int intervals, double jkCut, boolean pairs, boolean keepBuckingham) {
        ForceField base = TestCells.model();
        var json = SplineJson.withSplines(SplineJson.baseJson("na-amide-borohydride"), base, keepBuckingham,
                pairs ? SplineModels.splines(base, seed, 2.2, 5.0, 8) : List.of(), null, "triple-test");
        SplineJson.withTriples(json, base, triples(base, seed, rMin, rCut, intervals, jkCut));
        return SplineJson.load(json, "triple-test");
    }

    /** As {@link #model} without spline pairs, every triple taking bonded arms ({@link SplineTriple#bondedArms}). */
    public static ForceField bondedArmsModel(long seed, double rMin, double rCut, int intervals, double jkCut) {
        ForceField base = TestCells.model();
        var json = SplineJson.withSplines(SplineJson.baseJson("na-amide-borohydride"), base, false, List.of(), null, "triple-bonded-test");
        List<SplineTriple> ts = new ArrayList<>();
        for (SplineTriple t : triples(base, seed, rMin, rCut, intervals, jkCut)) {
            ts.add(new SplineTriple(t.centre(), t.a(), t.b(), new double[][] {t.knots(0), t.knots(1), t.knots(2)}, t.coefficients(), true));
        }
        SplineJson.withTriples(json, base, ts);
        return SplineJson.load(json, "triple-bonded-test");
    }

    /** As {@link #model} without spline pairs, every triple's bases held constant below r_min ({@link SplineTriple#constantBelow}). */
    public static ForceField constantBelowModel(long seed, double rMin, double rCut, int intervals, double jkCut) {
        ForceField base = TestCells.model();
        var json = SplineJson.withSplines(SplineJson.baseJson("na-amide-borohydride"), base, false, List.of(), null, "triple-constant-test");
        List<SplineTriple> ts = new ArrayList<>();
        for (SplineTriple t : triples(base, seed, rMin, rCut, intervals, jkCut)) {
            ts.add(new SplineTriple(t.centre(), t.a(), t.b(), new double[][] {t.knots(0), t.knots(1), t.knots(2)}, t.coefficients(), false, true));
        }
        SplineJson.withTriples(json, base, ts);
        return SplineJson.load(json, "triple-constant-test");
    }

    public static List<SplineTriple> triples(ForceField base, long seed, double rMin, double rCut, int intervals, double jkCut) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int nt = base.species().size();
        double[] arm = SplinePair.uniformKnots(rMin, rCut, intervals), jk = SplinePair.uniformKnots(rMin / 2, jkCut, 2 * intervals);
        List<SplineTriple> out = new ArrayList<>();
        for (int c = 0; c < nt; c++) for (int a = 0; a < nt; a++) for (int b = a; b < nt; b++) {
            SplineTriple t0 = new SplineTriple(c, a, b, new double[][] {arm, arm, jk}, new double[(arm.length - 4) * (arm.length - 4) * (jk.length - 4)]);
            out.add(t0.withCoefficients(random(t0, rnd, 0.05)));
        }
        return out;
    }

    /** Random coefficients on the free entries of t's tensor, symmetric in l ↔ m when t's neighbour species are equal. */
    public static double[] random(SplineTriple t, SplittableRandom rnd, double scale) {
        int[] sh = t.shape();
        double[] c = new double[sh[0] * sh[1] * sh[2]];
        for (int l = 0; l < sh[0]; l++) for (int m = 0; m < sh[1]; m++) for (int n = 0; n < sh[2]; n++) {
            if (!t.free(l, m, n) || (t.a() == t.b() && m < l)) continue;
            double v = scale * rnd.nextGaussian();
            c[t.index(l, m, n)] = v;
            if (t.a() == t.b()) c[t.index(m, l, n)] = v;
        }
        return c;
    }
}
