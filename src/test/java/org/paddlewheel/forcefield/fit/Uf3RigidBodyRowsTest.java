package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paddlewheel.build.AntiperovskiteBuilder;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.SplineJson;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Structure;

/**
 * The rigid-body rows of {@code fit-ff --rigid-body-weight} ({@link Uf3Design#rigidBodyWeight}) against {@link RigidBodyForces},
 * which sums the force vectors directly: for any coefficient vector the rows' squared residuals must equal w times the summed
 * squared rigid-body errors of the forces those coefficients give, w = W·3N / (rows). Two implementations (row algebra on the
 * design, vector sums on the forces) of the same net forces and torques; torques about centres whose ligands wrap across the cell.
 */
class Uf3RigidBodyRowsTest {
    @Test
    void rowsResidualsAreTheRigidBodyErrorsOfTheForcesTheyGive() {
        ObjectNode json = SplineJson.baseJson("na-amide-borohydride-dft");
        ForceField base = SplineJson.load(json, "na-amide-borohydride-dft");
        Uf3Design design = new Uf3Design(json, base, base.splinePairs(), base.splineTriples(), false,
                List.of(Element.of("Na"), Element.of("B"), Element.of("H"), Element.of("N"))).rigidBodyWeight(2.0);
        Structure s = new AntiperovskiteBuilder().x(1).supercell(2, 2, 2).seed(7).build().structure();
        SplittableRandom rnd = new SplittableRandom(3);
        double[] dft = new double[3 * s.size()];
        for (int k = 0; k < dft.length; k++) dft[k] = rnd.nextDouble(-1, 1);
        var rows = design.rows(new LabelledXyz.Labelled(s, -100, dft, null, null, Map.of("config_type", "t")), "g");
        assertThat(rows.rigidRows()).isNotNull();
        int nRows = rows.rigidRows().length;
        assertThat(nRows).isEqualTo(16 * 6 + 16 * 3); // 8 BH4 + 8 NH2 (force, torque), 16 Na
        double[] c = new double[design.columns()];
        for (int k = 0; k < c.length; k++) c[k] = rnd.nextDouble(-0.05, 0.05);
        double[] model = new double[dft.length];
        for (int k = 0; k < model.length; k++) model[k] = rows.forceFixed()[k] + Uf3Solver.dot(rows.forceRows()[k], c);
        double rowSq = 0;
        for (int k = 0; k < nRows; k++) rowSq += Math.pow(Uf3Solver.dot(rows.rigidRows()[k], c) - rows.rigidTarget()[k], 2);
        double direct = 0;
        for (var st : RigidBodyForces.ofFrame(base, s, dft, model).values()) direct += st.diffDiff();
        double w = 2.0 * 3 * s.size() / nRows;
        assertThat(direct).isGreaterThan(1.0);
        assertThat(rowSq).isCloseTo(w * direct, within(1e-9 * w * direct));
        // weight 0: no rows
        assertThat(design.rigidBodyWeight(0).rows(new LabelledXyz.Labelled(s, -100, dft, null, null, Map.of()), "g").rigidRows()).isNull();
    }

    /**
     * The grid's factor ({@link Uf3Solver.Hyper#rigidWeight}) and the design's weight are one weight: rows built at W = 2 and
     * solved with factor 1 give the coefficients of rows built at W = 1 solved with factor 2 (to 1e-6 of the largest coefficient: the two
     * normal matrices differ by round-off, ~1e-16 relative, which a condition number near 1e8 (ridge 1e-4 against entries of
     * order 1e4) amplifies to ~1e-8..1e-7); factor 0 gives the fit without rigid-body rows; and the score's
     * rigid-body RMSE ({@link Uf3Solver#sse}'s last pair) is √(Σ row residual² / 3N) of rows at W = 1.
     */
    @Test
    void gridFactorAndDesignWeightAreOneWeight() {
        ObjectNode json = SplineJson.baseJson("na-amide-borohydride-dft");
        ForceField base = SplineJson.load(json, "na-amide-borohydride-dft");
        List<Element> els = List.of(Element.of("Na"), Element.of("B"), Element.of("H"), Element.of("N"));
        Uf3Design d1 = new Uf3Design(json, base, base.splinePairs(), base.splineTriples(), false, els).rigidBodyWeight(1.0);
        Uf3Design d2 = new Uf3Design(json, base, base.splinePairs(), base.splineTriples(), false, els).rigidBodyWeight(2.0);
        Uf3Design d0 = new Uf3Design(json, base, base.splinePairs(), base.splineTriples(), false, els);
        SplittableRandom rnd = new SplittableRandom(11);
        List<Uf3Design.Rows> r1 = new java.util.ArrayList<>(), r2 = new java.util.ArrayList<>(), r0 = new java.util.ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            Structure s = new AntiperovskiteBuilder().x(1).supercell(2, 2, 2).seed(seed).build().structure();
            double[] dft = new double[3 * s.size()];
            for (int k = 0; k < dft.length; k++) dft[k] = rnd.nextDouble(-1, 1);
            var l = new LabelledXyz.Labelled(s, -100 - seed, dft, null, null, Map.of("config_type", "t"));
            r1.add(d1.rows(l, "g" + seed));
            r2.add(d2.rows(l, "g" + seed));
            r0.add(d0.rows(l, "g" + seed));
        }
        int p = d1.columns();
        var h = new Uf3Solver.Hyper(1, 0, 1e-4, 1e-4, 1, 1, 1, 1);
        double[] c2 = Uf3Solver.solve(d2, Uf3Solver.Normal.of(p, r2), h);
        double[] c1x2 = Uf3Solver.solve(d1, Uf3Solver.Normal.of(p, r1), new Uf3Solver.Hyper(1, 0, 1e-4, 1e-4, 1, 1, 1, 2));
        double[] c1x0 = Uf3Solver.solve(d1, Uf3Solver.Normal.of(p, r1), new Uf3Solver.Hyper(1, 0, 1e-4, 1e-4, 1, 1, 1, 0));
        double[] cNone = Uf3Solver.solve(d0, Uf3Solver.Normal.of(p, r0), h);
        double[] c1 = Uf3Solver.solve(d1, Uf3Solver.Normal.of(p, r1), h);
        double scale = 0, moved = 0;
        for (int k = 0; k < p; k++) {
            scale = Math.max(scale, Math.abs(c2[k]));
            moved = Math.max(moved, Math.abs(c1[k] - c2[k]));
        }
        assertThat(moved).as("W = 1 and W = 2 must differ, or the check below proves nothing").isGreaterThan(1e-3 * scale);
        for (int k = 0; k < p; k++) {
            assertThat(c1x2[k]).isCloseTo(c2[k], within(1e-6 * scale));
            assertThat(c1x0[k]).isCloseTo(cNone[k], within(1e-6 * scale));
        }
        double sq = 0, n3 = 0;
        for (Uf3Design.Rows r : r1) {
            for (int k = 0; k < r.rigidRows().length; k++) sq += Math.pow(Uf3Solver.dot(r.rigidRows()[k], c1) - r.rigidTarget()[k], 2);
            n3 += r.forceRows().length;
        }
        assertThat(Uf3Solver.rmse(r1, c1)[7]).isCloseTo(Math.sqrt(sq / n3), within(1e-12));
        assertThat(Uf3Solver.rmse(r0, cNone)[7]).isNaN();
    }
}
