package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.SplineJson;

/**
 * A validation candidate whose solution is not a usable model is passed over for the next rank. Why: on the 594
 * PBE configurations of session 24 the best-scoring candidates fitted a quartic H–X–H angle term that turns over
 * 0.628 rad (36°) from its minimum, and fit-ff stopped without a model although lower ranks were usable.
 * <p>
 * The usability test itself is checked at its analytic boundary: an angle term K u² + K4 u⁴ with K4 &lt; 0 has its
 * restoring force vanish at u* = √(K / (2|K4|)); with K = 1 eV/rad² and K4 = −1 eV/rad⁴, u* = 0.7071 rad = 40.5°, just
 * outside the ±40° that must stay restoring (usable); K4 = −1.2 gives u* = 0.6455 rad = 37.0° (refused, naming the
 * term). The choice among ranked candidates is checked with solutions whose usability is known.
 */
class Uf3UsableCandidateTest {

    @Test
    void quarticAngleThatTurnsOverWithinFortyDegreesIsRefused() {
        Uf3SyntheticData data = new Uf3SyntheticData(5, 2, 4);
        ForceField base = SplineJson.load(data.truthJson, "truth");
        assertThat(base.angles()).isNotEmpty();
        BondedColumns cols = new BondedColumns(base, 0, true, 4);
        int nb = base.bonds().size(), na = base.angles().size();
        double[] usable = new double[4 * (nb + na)], foldsAt37 = new double[usable.length];
        for (int t = 0; t < nb + na; t++) {
            usable[4 * t] = 1; // K u²: restoring everywhere
            foldsAt37[4 * t] = 1;
        }
        int angle0 = 4 * nb;
        usable[angle0 + 3] = -1.0;    // u* = 0.7071 rad: restoring within ±40°
        foldsAt37[angle0 + 3] = -1.2; // u* = 0.6455 rad: turns over inside ±40°
        cols.checkUsable(usable);
        assertThatThrownBy(() -> cols.checkUsable(foldsAt37)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("angles[0]").hasMessageContaining("turns over");
        double[] noRestoring = usable.clone();
        noRestoring[0] = -0.5; // bond K < 0
        assertThatThrownBy(() -> cols.checkUsable(noRestoring)).hasMessageContaining("bonds[0]").hasMessageContaining("not positive");
    }

    @Test
    void passesOverUnusableCandidatesInScoreOrder() {
        List<Uf3Fitter.Candidate> ranked = List.of(cand(1e-6, 1.0), cand(1e-5, 1.1), cand(1e-4, 1.2), cand(1e-3, 1.3));
        // a candidate's "solution" is its curvature; the two best (smallest curvature) are unusable
        java.util.function.Function<Uf3Fitter.Candidate, double[]> solve = c -> new double[] {c.hyper().curvature()};
        java.util.function.Function<double[], String> unusable = c -> c[0] < 5e-5 ? "angle folds" : null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        Uf3CandidateChoice.Taken t = Uf3CandidateChoice.firstUsable(ranked, 1, solve, unusable, log);
        assertThat(t.rank()).isEqualTo(3);
        assertThat(t.candidate()).isSameAs(ranked.get(2));
        assertThat(t.solution()).containsExactly(1e-4);
        assertThat(t.passedOver()).hasSize(2);
        assertThat(t.passedOver().get(0)).startsWith("rank 1 ").contains("angle folds");
        String said = bytes.toString(StandardCharsets.UTF_8);
        assertThat(said).contains("candidate rank 1 of 4 is not a usable model (angle folds); taking rank 2")
                .contains("candidate rank 2 of 4 is not a usable model");

        // a usable rank asked for is taken as it is; asking past the unusable ones passes nothing over
        Uf3CandidateChoice.Taken four = Uf3CandidateChoice.firstUsable(ranked, 4, solve, unusable, log);
        assertThat(four.rank()).isEqualTo(4);
        assertThat(four.passedOver()).isEmpty();
        // none usable: refused, saying how many were passed over
        assertThatThrownBy(() -> Uf3CandidateChoice.firstUsable(ranked, 1, solve, c -> "no", log))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 passed over");
    }

    private static Uf3Fitter.Candidate cand(double curvature, double score) {
        return new Uf3Fitter.Candidate(new Uf3Solver.Hyper(1, 1, 1e-8, curvature, 1, 1, 1), score, new double[] {0, 0, 0});
    }
}
