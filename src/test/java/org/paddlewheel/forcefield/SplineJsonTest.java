package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.InputException;

/** The "uf3" pair style in force-field JSON: round trip, and errors that name the key. */
class SplineJsonTest {
    static ObjectNode json() {
        return SplineJson.withSplines(SplineJson.baseJson("na-amide-borohydride"), TestCells.model(), true,
                SplineModels.splines(TestCells.model(), 4, 1.8, 5.0, 6).subList(0, 2), new double[6], "t");
    }

    @Test
    void roundTripKeepsKnotsCoefficientsAndCore() {
        ForceField ff = SplineJson.load(json(), "t");
        SplinePair want = SplineModels.splines(TestCells.model(), 4, 1.8, 5.0, 6).get(1);
        SplinePair got = ff.splinePairs().get(1);
        assertThat(got.knots()).containsExactly(want.knots());
        assertThat(got.coefficients()).containsExactly(want.coefficients());
        assertThat(got.coreA()).isEqualTo(500.0);
        assertThat(ff.pairs()).isNotEmpty(); // Buckingham entries for the same species pairs are allowed beside uf3
    }

    @Test
    void nonZeroTailIsRejectedWithTheKey() {
        ObjectNode j = json();
        ArrayNode c = (ArrayNode) findUf3(j).get("coefficients");
        c.set(c.size() - 1, 0.1);
        assertThatThrownBy(() -> SplineJson.load(j, "t")).isInstanceOf(InputException.class)
                .hasMessageContaining("coefficients must be 0");
    }

    @Test
    void knotsBeyondTheCutoffAreRejected() {
        ObjectNode j = json();
        j.put("cutoff", 4.0);
        assertThatThrownBy(() -> SplineJson.load(j, "t")).isInstanceOf(InputException.class).hasMessageContaining("beyond the cut-off");
    }

    @Test
    void unknownAtomEnergySpeciesIsRejected() {
        ObjectNode j = json();
        ((ObjectNode) j.get("atom_energies")).put("Xx", 1.0);
        assertThatThrownBy(() -> SplineJson.load(j, "t")).isInstanceOf(InputException.class).hasMessageContaining("atom_energies.Xx");
    }

    private static ObjectNode findUf3(ObjectNode j) {
        for (var p : j.get("pairs")) if ("uf3".equals(p.path("style").asText())) return (ObjectNode) p;
        throw new AssertionError("no uf3 pair");
    }
}
