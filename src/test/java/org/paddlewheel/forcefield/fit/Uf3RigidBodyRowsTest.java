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
}
