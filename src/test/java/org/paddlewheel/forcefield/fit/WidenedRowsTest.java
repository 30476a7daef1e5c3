package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.paddlewheel.build.Supercell;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.SplineJson;
import org.paddlewheel.forcefield.TestCells;
import org.paddlewheel.forcefield.TripleModels;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Structure;

/**
 * A configuration whose cell is thinner than the engine allows for the model's molecules (a 4.70 Å
 * x = 1 cell, as the 2x2x1 DFT scans are along c) gets the design rows of its 2x2x2 replica
 * ({@code Uf3Design.widened}): the same per-atom energy row and target, the original atoms' force
 * rows, the same stress rows — compared with the rows of the explicit replica labelled by the engine,
 * to 1e-9 (same arithmetic up to summation order).
 */
class WidenedRowsTest {
    @Test
    void thinCellGetsTheRowsOfItsReplica() {
        ForceField truth = TripleModels.model(2, 2.0, 4.0, 2, 8.0, true, false);
        Structure thin = TestCells.antiperovskite(1.0, 1, 3, 0.1);
        Structure big = Supercell.of(thin, 2, 2, 2);
        LabelledXyz.Labelled lb = Uf3SyntheticData.label(truth, big, "big", "t");
        double[] f = java.util.Arrays.copyOf(lb.forcesEvPerA(), 3 * thin.size());
        LabelledXyz.Labelled lt = new LabelledXyz.Labelled(thin, lb.energyEv() / 8, f, lb.stressEvPerA3(), null, lb.info());
        Uf3Design d = new Uf3Design(SplineJson.baseJson("na-amide-borohydride"), truth, truth.splinePairs(), truth.splineTriples(), false,
                List.of(Element.NA, Element.B, Element.H, Element.N));
        Uf3Design.Rows rt = d.rows(lt, "thin"), rb = d.rows(lb, "big");
        assertThat(rt.atoms()).isEqualTo(thin.size());
        assertThat(rt.energyTarget()).isCloseTo(rb.energyTarget(), Offset.offset(1e-9));
        double worst = 0;
        for (int k = 0; k < d.columns(); k++) {
            worst = Math.max(worst, Math.abs(rt.energyRow()[k] - rb.energyRow()[k]));
            for (int q = 0; q < 3 * thin.size(); q++) worst = Math.max(worst, Math.abs(rt.forceRows()[q][k] - rb.forceRows()[q][k]));
            for (int m = 0; m < 6; m++) worst = Math.max(worst, Math.abs(rt.stressRows()[m][k] - rb.stressRows()[m][k]));
        }
        for (int q = 0; q < 3 * thin.size(); q++) assertThat(rt.forceTarget()[q]).isCloseTo(rb.forceTarget()[q], Offset.offset(1e-9));
        assertThat(worst).isLessThan(1e-9);
    }
}
