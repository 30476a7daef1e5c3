package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.InputException;

/** The "three_body" list in force-field JSON: round trip, and errors that name the key. */
class ThreeBodyJsonTest {
    static ObjectNode json() {
        ForceField base = TestCells.model();
        List<SplineTriple> ts = TripleModels.triples(base, 3, 2.0, 4.0, 3, 8.0);
        ObjectNode j = SplineJson.withSplines(SplineJson.baseJson("na-amide-borohydride"), base, true, List.of(), null, "t");
        return SplineJson.withTriples(j, base, List.of(ts.get(0), ts.get(1)));
    }

    @Test
    void roundTripKeepsSpeciesKnotsAndCoefficients() {
        ForceField ff = SplineJson.load(json(), "t");
        SplineTriple want = TripleModels.triples(TestCells.model(), 3, 2.0, 4.0, 3, 8.0).get(1);
        SplineTriple got = ff.splineTriples().get(1);
        assertThat(got.centre()).isEqualTo(want.centre());
        assertThat(got.b()).isEqualTo(want.b());
        for (int d = 0; d < 3; d++) assertThat(got.knots(d)).containsExactly(want.knots(d));
        assertThat(got.coefficients()).containsExactly(want.coefficients());
        ObjectNode again = SplineJson.withTriples(json(), ff, ff.splineTriples());
        assertThat(again.get("three_body")).isEqualTo(json().get("three_body"));
    }

    @Test
    void nonZeroTailIsRejectedWithTheKey() {
        ObjectNode j = json();
        ArrayNode c = (ArrayNode) j.get("three_body").get(1).get("coefficients");
        c.set(c.size() - 1, 0.1); // l = L−1: inside the fixed tail
        assertThatThrownBy(() -> SplineJson.load(j, "t")).isInstanceOf(InputException.class)
                .hasMessageContaining("three_body[1]").hasMessageContaining("must be 0");
    }

    @Test
    void asymmetricTensorForEqualNeighboursIsRejected() {
        ObjectNode j = json();
        // three_body[0] is (Na; Na, Na): c[0][1][0] ≠ c[1][0][0] breaks j ↔ k symmetry
        ArrayNode c = (ArrayNode) j.get("three_body").get(0).get("coefficients");
        int nn = j.get("three_body").get(0).get("knots").get(2).size() - 4;
        c.set(nn, c.get(nn).asDouble() + 0.1);
        assertThatThrownBy(() -> SplineJson.load(j, "t")).isInstanceOf(InputException.class)
                .hasMessageContaining("three_body[0]").hasMessageContaining("symmetric");
    }

    @Test
    void armsBeyondTheCutoffAreRejected() {
        ObjectNode j = json();
        j.put("cutoff", 3.5);
        assertThatThrownBy(() -> SplineJson.load(j, "t")).isInstanceOf(InputException.class).hasMessageContaining("three_body[0].knots");
    }
}
