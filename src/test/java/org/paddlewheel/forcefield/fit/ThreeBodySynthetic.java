package org.paddlewheel.forcefield.fit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.SplineJson;
import org.paddlewheel.forcefield.SplinePair;
import org.paddlewheel.forcefield.SplineTriple;
import org.paddlewheel.forcefield.TestCells;
import org.paddlewheel.forcefield.TripleModels;
import org.paddlewheel.io.LabelledXyz;

/**
 * A known 2+3-body spline model on the bundled model's charges and Ewald (uf3 pairs Na–Na, Na–O,
 * O–O on [1.7, 5.0] Å; random 3-body terms for centres Na and O with neighbours NaNa, NaO, OO, arms
 * on [1.7, 3.5] Å with 3 spans, r_jk on [0.85, 7.0] Å with 6 spans) and random Na8O4 cells labelled
 * by it with the engine.
 */
final class ThreeBodySynthetic {
    final List<SplinePair> pairs = new ArrayList<>();
    final List<SplineTriple> triples = new ArrayList<>();
    final ObjectNode json;
    final ForceField truth;
    final List<LabelledXyz.Labelled> frames = new ArrayList<>();

    ThreeBodySynthetic(long seed, int cells) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ForceField base = TestCells.model();
        int na = base.speciesIndex("Na"), o = base.speciesIndex("O");
        double[] t2 = SplinePair.uniformKnots(1.7, 5.0, 8);
        for (int[] ab : new int[][] {{na, na}, {na, o}, {o, o}}) {
            double[] c = new double[t2.length - 4];
            for (int k = 0; k < c.length - 3; k++) c[k] = 0.8 * Math.exp(-(t2[k + 2] - 1.7) / 0.5) - 0.03 + 0.02 * rnd.nextGaussian();
            pairs.add(new SplinePair(ab[0], ab[1], t2, c, 500, 0.25));
        }
        double[] arm = SplinePair.uniformKnots(1.7, 3.5, 3), jk = SplinePair.uniformKnots(0.85, 7.0, 6);
        for (int c : new int[] {na, o}) for (int[] ab : new int[][] {{na, na}, {na, o}, {o, o}}) {
            SplineTriple z = new SplineTriple(c, ab[0], ab[1], new double[][] {arm, arm, jk}, new double[6 * 6 * 9]);
            triples.add(z.withCoefficients(TripleModels.random(z, rnd, 0.02)));
        }
        json = SplineJson.withSplines(SplineJson.baseJson("na-amide-borohydride"), base, false, pairs,
                new double[base.species().size()], "truth-2+3");
        SplineJson.withTriples(json, base, triples);
        truth = SplineJson.load(json, "truth-2+3");
        for (int k = 0; k < cells; k++) frames.add(Uf3SyntheticData.label(truth, Uf3SyntheticData.randomNa2O(rnd), "random-" + k, "random-Na2O"));
    }
}
