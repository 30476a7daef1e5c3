package org.paddlewheel.experiment.calorimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A synthetic heat–hold–cool run through a transition like the paper's (cubic ↔ Pbcm near
 * 10–15 °C; the peak shapes and ΔH = 25 J/g are made up): Gaussian peaks in T of width s on a sloped,
 * curved baseline with seeded white noise. Closed forms: the extrapolated onset of a Gaussian is
 * T_peak ∓ 2s (tangent at the inflection point T_peak ∓ s meets the baseline at one more s), and
 * ΔH = ∫q dt is the same at every scan rate; heating and cooling peaks of equal and opposite area
 * must come back equal and opposite.
 */
public class DscAnalysisTest {
    static final double TH = 288.15, TC = 283.15, S = 1.0, DH = 25;

    /** {t (s), T (K), q (W/g)}: heat 233→313 K, hold 5 min, cool to 233 K, at {@code rate} K/min, 1 Hz sampling. */
    public static double[][] run(double rate, double noise, long seed) {
        double beta = rate / 60;
        int nh = (int) Math.round(80 / beta), hold = 300, n = 2 * nh + hold;
        double[] t = new double[n], tk = new double[n], q = new double[n];
        SplittableRandom r = new SplittableRandom(seed);
        double amp = DH * beta / (S * Math.sqrt(2 * Math.PI)); // ∫ amp·G dT/β = DH
        for (int i = 0; i < n; i++) {
            t[i] = i;
            double temp, peak;
            if (i < nh) { temp = 233.15 + beta * i; peak = amp * Math.exp(-0.5 * Math.pow((temp - TH) / S, 2)); }
            else if (i < nh + hold) { temp = 313.15; peak = 0; }
            else { temp = 313.15 - beta * (i - nh - hold); peak = -amp * Math.exp(-0.5 * Math.pow((temp - TC) / S, 2)); }
            double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            tk[i] = temp;
            q[i] = 0.05 + 1e-3 * (temp - 273.15) + 2e-5 * Math.pow(temp - 273.15, 2) + peak + noise * g;
        }
        return new double[][] {t, tk, q};
    }

    @ParameterizedTest(name = "{0} K/min seed {1}")
    @CsvSource({"2,1", "5,2", "10,3"})
    void onsetPeakAndEnthalpyAreTheClosedFormsAtThePapersRates(double rate, long seed) {
        double[][] d = run(rate, 0.002, seed);
        DscAnalysis.Result r = DscAnalysis.analyse(d[0], d[1], d[2]);
        assertThat(r.transitions()).as("seed " + seed).hasSize(2);
        DscAnalysis.Transition h = r.transitions().get(0), c = r.transitions().get(1);
        assertThat(h.branch()).isEqualTo("heating");
        assertThat(c.branch()).isEqualTo("cooling");
        // grid step is β·1 s = 0.03–0.17 K; onset from a local fit at the inflection point: 0.05 K
        assertThat(h.onsetK()).as("seed " + seed).isCloseTo(TH - 2 * S, within(0.05));
        assertThat(c.onsetK()).as("seed " + seed).isCloseTo(TC + 2 * S, within(0.05));
        assertThat(h.peakK()).isCloseTo(TH, within(0.02));
        assertThat(c.peakK()).isCloseTo(TC, within(0.02));
        // ΔH: noise error σ√(Σ Δt²) ~ 0.02–0.05 J/g, tails cut below 1σ lose < 0.1 %: 0.5 % total
        assertThat(h.enthalpyJPerG()).isCloseTo(DH, within(0.005 * DH));
        assertThat(c.enthalpyJPerG()).isCloseTo(-DH, within(0.005 * DH));
        assertThat(h.enthalpyJPerG() + c.enthalpyJPerG()).isCloseTo(0, within(4 * Math.hypot(h.enthalpyStdJPerG(), c.enthalpyStdJPerG()) + 0.05));
        assertThat(h.kind()).isEqualTo("endothermic");
        assertThat(c.kind()).isEqualTo("exothermic");
        assertThat(h.rateKPerMin()).isCloseTo(rate, within(1e-6));
        assertThat(c.rateKPerMin()).isCloseTo(-rate, within(1e-6));
    }

    @ParameterizedTest
    @CsvSource({"5,4"})
    void aFlatRunHasNoTransitions(double rate, long seed) {
        double[][] d = run(rate, 0.002, seed);
        // remove the peaks: the same baseline and noise without transitions
        double beta = rate / 60;
        for (int i = 0; i < d[0].length; i++) {
            double temp = d[1][i];
            boolean heating = i < Math.round(80 / beta);
            double amp = DH * beta / (S * Math.sqrt(2 * Math.PI));
            d[2][i] -= heating ? amp * Math.exp(-0.5 * Math.pow((temp - TH) / S, 2))
                    : (i >= Math.round(80 / beta) + 300 ? -amp * Math.exp(-0.5 * Math.pow((temp - TC) / S, 2)) : 0);
        }
        // 6σ threshold: a false peak in ~2000 Gaussian points has probability ~4e-6
        assertThat(DscAnalysis.analyse(d[0], d[1], d[2]).transitions()).isEmpty();
    }
}
