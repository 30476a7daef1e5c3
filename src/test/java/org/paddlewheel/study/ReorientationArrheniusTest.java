package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paddlewheel.analysis.TetrahedralReorientationJumps;
import org.paddlewheel.md.Ensemble;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Units;

/**
 * The Arrhenius step of {@link ReorientationArrhenius}: Poisson jump counts drawn from a known
 * k(T) = A·exp(−Ea/k_B T) (Ea 0.117 eV, A 40/ps, 108 anions, 10 ps per temperature) give back Ea within
 * 2.5σ of the fit's own error; rates from too few jumps are flagged and left out, a temperature without
 * jumps gives only an upper bound.
 */
class ReorientationArrheniusTest {
    static final double EA = 0.117, A = 40;
    static final int ANIONS = 108;
    static final double PS = 10;

    static ReorientationArrhenius.Settings settings(double... t) {
        return new ReorientationArrhenius.Settings(t, PS * 1000, 2000, 0.5, 20, Ensemble.NVT, 1, 0, 1, 1, null, 30, 10, "BH4");
    }

    static long poisson(SplittableRandom r, double mean) {
        // sum of exponential gaps up to the mean (exact Poisson draw)
        long n = 0;
        double t = -Math.log(1 - r.nextDouble());
        while (t < mean) { n++; t += -Math.log(1 - r.nextDouble()); }
        return n;
    }

    @Test
    void knownActivationEnergyIsRecoveredFromPoissonCounts() {
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] temps = {250, 300, 400, 500};
            List<ReorientationArrhenius.Run> runs = new ArrayList<>();
            for (double t : temps) {
                double k = A * Math.exp(-EA / (Units.BOLTZMANN_EV_PER_K * t));
                long n = poisson(r, k * ANIONS * PS);
                runs.add(ReorientationArrhenius.classify(t, TetrahedralReorientationJumps.rate(n, ANIONS, PS), Double.NaN, 0.0, 0, 0, 1, 1000, 0.2, 10));
            }
            var res = ReorientationArrhenius.fit(runs, settings(temps), ANIONS, "Na108B108H432");
            System.out.printf("seed %d: jumps %s, Ea = %.4f ± %.4f eV (true %.3f)%n", seed,
                    runs.stream().map(x -> Long.toString(x.rate().jumps())).toList(), res.fit().activationEnergyEv(),
                    res.fit().activationEnergyErrorEv(), EA);
            assertThat(runs).allMatch(ReorientationArrhenius.Run::fitted);
            assertThat(res.fit().points()).isEqualTo(4);
            assertThat(res.fit().activationEnergyEv()).as("seed %d", seed).isCloseTo(EA, within(2.5 * res.fit().activationEnergyErrorEv()));
            // ~100–5000 jumps per temperature: Ea to better than 0.01 eV
            assertThat(res.fit().activationEnergyErrorEv()).isLessThan(0.01);
            assertThat(res.fit().prefactor()).isCloseTo(A, within(0.5 * A));
        }
    }

    @Test
    void fewJumpsAreFlaggedAndNoJumpIsOnlyABound() {
        var none = ReorientationArrhenius.classify(200, TetrahedralReorientationJumps.rate(0, ANIONS, PS), Double.NaN, 0.0, 0, 0, 1, 1000, 0.2, 10);
        var few = ReorientationArrhenius.classify(250, TetrahedralReorientationJumps.rate(7, ANIONS, PS), Double.NaN, 0.0, 0, 0, 1, 1000, 0.2, 10);
        var ok1 = ReorientationArrhenius.classify(400, TetrahedralReorientationJumps.rate(500, ANIONS, PS), Double.NaN, 0.0, 0, 0, 1, 1000, 0.2, 10);
        var molten = ReorientationArrhenius.classify(500, TetrahedralReorientationJumps.rate(900, ANIONS, PS), Double.NaN, 0.0, 0, 0, 1, 1000, 1.7, 10);
        assertThat(none.flag()).contains("no jump").contains("upper bound");
        assertThat(none.rate().ratePerPs()).isNaN();
        assertThat(none.rate().upper95PerPs()).isCloseTo(-Math.log(0.05) / (ANIONS * PS), within(1e-12));
        assertThat(few.flag()).contains("only 7 jumps");
        assertThat(molten.flag()).contains("not a crystal");
        assertThat(ok1.fitted()).isTrue();
        // 4000 jumps of 108 anions in 10 ps with a 100 fs dead time: blind 37 % of the time
        var fast = ReorientationArrhenius.classify(600, TetrahedralReorientationJumps.rate(4000, ANIONS, PS), Double.NaN, 0.1, 0, 0, 1, 1000, 0.2, 10);
        assertThat(fast.flag()).contains("too frequent");
        assertThat(fast.deadFraction()).isCloseTo(0.37, within(0.01));
        assertThat(fast.rate().ratePerPs()).isCloseTo(3.7037 / (1 - 0.37037), within(1e-3));
        var res = ReorientationArrhenius.fit(List.of(none, few, ok1, molten), settings(200, 250, 400, 500), ANIONS, "x");
        assertThat(res.fit()).isNull();
        assertThat(res.fitNote()).contains("1 temperature(s)");
    }

    @Test
    void settingsRefuseAnArrheniusFitThatCannotBeMade() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings(300)).isInstanceOf(InputException.class).hasMessageContaining("two");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings(300, 300)).isInstanceOf(InputException.class).hasMessageContaining("twice");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings(300, -5)).isInstanceOf(InputException.class);
    }
}
