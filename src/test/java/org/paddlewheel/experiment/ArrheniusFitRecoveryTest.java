package org.paddlewheel.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.paddlewheel.analysis.Arrhenius;
import org.paddlewheel.model.Units;

/**
 * The shared Arrhenius fit (used by {@code paddlewheel arrhenius}) recovers known Ea from synthetic
 * σ(T) with 5 % log-normal noise, in both σ and σT forms, and its 1σ errors are honest: over 400
 * seeded data sets about 68 % of the ±1σ intervals contain the true Ea.
 */
class ArrheniusFitRecoveryTest {
    private static final double[] T = {313.15, 323.15, 333.15, 343.15, 353.15, 363.15, 373.15};

    @ParameterizedTest
    @EnumSource(value = Arrhenius.Form.class, names = {"PLAIN", "TIMES_T"})
    void recoversPaperActivationEnergiesWithinThreeSigma(Arrhenius.Form form) {
        double[] paperEa = {0.358, 0.299, 0.301, 0.278, 0.268}; // Figure 1B, x = 0 … 1
        long seed = 20230101L;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (double ea : paperEa) {
            double[] y = synth(ea, 1e3, form, 0.05, rnd);
            Arrhenius.Result r = Arrhenius.fit(T, y, form);
            assertThat(Math.abs(r.activationEnergyEv() - ea)).as("seed %d, Ea %s", seed, ea)
                    .isLessThan(3 * r.activationEnergyErrorEv());
            assertThat(r.activationEnergyErrorEv()).isBetween(0.002, 0.05);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Arrhenius.Form.class, names = {"PLAIN", "TIMES_T"})
    void oneSigmaIntervalsCoverAboutTwoThirds(Arrhenius.Form form) {
        int n = 400, inside = 0;
        long seed = 7L;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] err = new double[T.length];
        for (int k = 0; k < n; k++) {
            double[] y = synth(0.3, 10, form, 0.05, rnd);
            for (int i = 0; i < T.length; i++) err[i] = 0.05 * y[i];
            Arrhenius.Result r = Arrhenius.fit(T, y, err, form);
            if (Math.abs(r.activationEnergyEv() - 0.3) < r.activationEnergyErrorEv()) inside++;
        }
        // Binomial(400, 0.683): sd = 9.3 counts, so ±4 sd = ±0.093 in the fraction.
        assertThat(inside / (double) n).as("seed %d", seed).isBetween(0.59, 0.78);
    }

    private static double[] synth(double ea, double a, Arrhenius.Form form, double relNoise, SplittableRandom rnd) {
        double[] y = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            double v = a * Math.exp(-ea / (Units.BOLTZMANN_EV_PER_K * T[i]));
            if (form == Arrhenius.Form.TIMES_T) v /= T[i];
            y[i] = v * Math.exp(relNoise * gaussian(rnd));
        }
        return y;
    }

    static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble(), u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
