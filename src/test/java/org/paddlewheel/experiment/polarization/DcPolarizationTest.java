package org.paddlewheel.experiment.polarization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Steady state and transference numbers from synthetic decays I(t) = I_ss + (I0 − I_ss)e^(−t/τ) +
 * white noise with known parameters (seeded), and the Bruce–Vincent formula's limits and error
 * propagation.
 */
class DcPolarizationTest {
    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static double[][] decay(long seed, double i0, double iss, double tau, double noise, double tEnd, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = tEnd * (i + 1) / n;
            y[i] = iss + (i0 - iss) * Math.exp(-t[i] / tau) + noise * gauss(r);
        }
        return new double[][] {t, y};
    }

    @Test
    void steadyStateErrorsCoverTheTruth() {
        // 40 seeds: I_ss within 2σ in ≥ 85 % of them (nominal 95 %; binomial 1st percentile at n = 40 is 87.5 %
        // for p = 0.95, so 85 % fails only if the error bars are too small or the plateau is biased)
        double i0 = 1e-6, iss = 2e-8, noise = 1e-10;
        int inside = 0;
        for (long seed = 1; seed <= 40; seed++) {
            double[][] d = decay(seed, i0, iss, 20, noise, 600, 600);
            CurrentDecay.Result r = CurrentDecay.analyse(d[0], d[1], CurrentDecay.InitialCurrent.FIRST_POINT);
            assertThat(r.plateauReached()).as("seed " + seed).isTrue();
            // the plateau cannot start before the decay has fallen to a few noise σ: 20·ln(0.98e-6/1e-9) ≈ 138 s
            assertThat(r.plateauStartS()).as("seed " + seed).isGreaterThan(138);
            // MAD of 300 differences: relative sd ≈ 1/√(2·0.37·300) ≈ 0.067 (37 % efficiency), so 4σ = 0.27
            assertThat(r.noiseA()).as("seed " + seed).isCloseTo(noise, within(0.27 * noise));
            if (Math.abs(r.issA() - iss) < 2 * r.issStdA()) inside++;
            double[] t = TransferenceNumber.blocking(r.i0A(), r.i0StdA(), r.issA(), r.issStdA());
            // I0 is the first sample (t = 1 s): I0 = iss + 0.98e-6·e^(−1/20), so t_ion is that ratio, not 0.98
            double i0Sample = iss + (i0 - iss) * Math.exp(-1.0 / 20);
            assertThat(t[0]).as("seed " + seed).isCloseTo((i0Sample - iss) / i0Sample, within(4 * t[1]));
        }
        assertThat(inside).isGreaterThanOrEqualTo(34);
    }

    @Test
    void exponentialFitGivesI0AtTimeZeroAndStandsInWithoutAPlateau() {
        double[][] d = decay(3, 1e-6, 1e-7, 20, 1e-10, 600, 600);
        CurrentDecay.Result r = CurrentDecay.analyse(d[0], d[1], CurrentDecay.InitialCurrent.EXPONENTIAL_FIT);
        assertThat(r.i0A()).isCloseTo(1e-6, within(4 * r.i0StdA()));
        assertThat(r.tauS()).isCloseTo(20, within(0.1));
        // record stops at 1.5 τ: no drift-free tail; I_ss from the fit, within 4σ of the truth
        double[][] s = decay(4, 1e-6, 1e-7, 400, 1e-10, 600, 600);
        CurrentDecay.Result q = CurrentDecay.analyse(s[0], s[1], CurrentDecay.InitialCurrent.FIRST_POINT);
        assertThat(q.plateauReached()).isFalse();
        assertThat(q.issA()).isCloseTo(1e-7, within(4 * q.issStdA()));
    }

    @Test
    void bruceVincentLimitsAndPropagation() {
        // no interfacial resistance: t₊ = I_ss/I0
        assertThat(TransferenceNumber.bruceVincent(0.01, 1e-5, 0, 4e-6, 0, 0, 0, 0, 0)[0]).isCloseTo(0.4, within(1e-15));
        // hand value: ΔV = 10 mV, I0 = 20 µA, R0 = 100 Ω, I_ss = 8 µA, R_ss = 150 Ω:
        // 8e-6·(0.01 − 0.002)/(2e-5·(0.01 − 0.0012)) = 6.4e-8/1.76e-7 = 0.363636…
        double[] bv = TransferenceNumber.bruceVincent(0.01, 2e-5, 2e-7, 8e-6, 1e-7, 100, 5, 150, 5);
        assertThat(bv[0]).isCloseTo(0.4 / 1.1, within(1e-12));
        // σ against central differences of the formula
        double h = 1e-6, var = 0;
        double[] p = {2e-5, 8e-6, 100, 150}, s = {2e-7, 1e-7, 5, 5};
        for (int k = 0; k < 4; k++) {
            double[] a = p.clone(), b = p.clone();
            a[k] *= 1 + h;
            b[k] *= 1 - h;
            double d = (TransferenceNumber.bruceVincent(0.01, a[0], 0, a[1], 0, a[2], 0, a[3], 0)[0]
                    - TransferenceNumber.bruceVincent(0.01, b[0], 0, b[1], 0, b[2], 0, b[3], 0)[0]) / (2 * h * p[k]);
            var += d * d * s[k] * s[k];
        }
        assertThat(bv[1]).isCloseTo(Math.sqrt(var), within(1e-6 * bv[1]));
        // blocking: t_ion + t_el = 1, error from both currents
        double[] b = TransferenceNumber.blocking(1e-6, 1e-9, 1e-8, 1e-10);
        assertThat(b[0] + 1e-8 / 1e-6).isCloseTo(1, within(1e-15));
        assertThat(b[1]).isCloseTo(Math.hypot(1e-8 / 1e-12 * 1e-9, 1e-10 / 1e-6), within(1e-15));
    }
}
