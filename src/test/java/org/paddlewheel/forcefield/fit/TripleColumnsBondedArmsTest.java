package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.SplineJson;
import org.paddlewheel.forcefield.SplineTriple;
import org.paddlewheel.forcefield.Term;
import org.paddlewheel.forcefield.TestCells;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.forcefield.TripleModels;
import org.paddlewheel.model.Structure;

/**
 * The fit's 3-body design rows ({@link TripleColumns}) against the engine, with and without bonded arms: a model whose
 * every species triple has a random tensor (arms on [0.8, 4.0] Å, so the 1.0–1.25 Å B–H and N–H bonds lie inside the
 * basis) on a rattled 2x2x2 x = 0.5 cell; the rows times the model's own coefficients must give the engine's 3-body
 * energy and forces to 1e-9 (relative, eV) and 1e-9 eV/Å — both are the same sums in another order, so only rounding
 * separates them. A fit can only recover a model (and a model fitted with bonded arms only behaves in MD as fitted)
 * if the two count the same triples.
 */
class TripleColumnsBondedArmsTest {
    @ParameterizedTest(name = "bonded arms = {0}")
    @ValueSource(booleans = {true, false})
    void designRowsReproduceTheEngine(boolean bonded) {
        ForceField withArms = TripleModels.bondedArmsModel(5, 0.8, 4.0, 3, 8.0);
        ForceField ff = bonded ? withArms : SplineJson.load(SplineJson.withTriples(SplineJson.baseJson("na-amide-borohydride")
                        .put("name", "plain"), TestCells.model(), withArms.splineTriples().stream().map(t -> new SplineTriple(t.centre(),
                        t.a(), t.b(), new double[][] {t.knots(0), t.knots(1), t.knots(2)}, t.coefficients(), false)).toList()), "plain");
        Structure s = TestCells.antiperovskite(0.5, 2, 41, 0.15);
        Topology top = Topology.build(ff, s);
        Cell cell = new Cell(s.lattice());
        double[] x = s.positions(), f = new double[x.length];
        double e;
        try (ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withTerms(EnumSet.of(Term.SPLINE)))) {
            e = eng.compute(x, cell, f);
        }
        TripleColumns tc = new TripleColumns(ff.splineTriples(), 0);
        int n = s.size(), nc = tc.end(), nt = ff.species().size();
        double[] eRow = new double[nc], c = new double[nc];
        double[][] fRows = new double[3 * n][nc], wRows = new double[6][nc];
        tc.addRows(top, x, cell, nt, eRow, fRows, wRows);
        for (int t = 0; t < ff.splineTriples().size(); t++) tc.coefficientsInto(t, c);
        double eRows = dot(eRow, c), worst = 0, maxF = 0;
        for (int q = 0; q < 3 * n; q++) {
            worst = Math.max(worst, Math.abs(dot(fRows[q], c) - f[q]));
            maxF = Math.max(maxF, Math.abs(f[q]));
        }
        System.out.printf("3-body rows vs engine (bonded arms %s): E %.10f / %.10f eV, max|ΔF| %.2g eV/Å (max|F| %.3g)%n",
                bonded, eRows, e, worst, maxF);
        assertThat(eRows).isCloseTo(e, Offset.offset(1e-9 * Math.abs(e)));
        assertThat(worst).isLessThan(1e-9);
        assertThat(maxF).isGreaterThan(0.01);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }
}
