package org.paddlewheel.experiment.impedance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** lin-KK (Schönleber et al. 2014) on simulated valid and drifting spectra. */
class LinearKramersKronigTest {
    static final Circuit TWO_ARCS = CircuitParser.parse("R0-p(R1,CPE1)-p(R2,C2)");
    static final double[] P = {100, 1e4, 1e-9, 0.85, 3e4, 1e-6};
    static final double[] F = Spectrum.logFrequencies(1e6, 0.01, 10);

    @Test
    void validCircuitPasses() {
        LinearKramersKronig.Result r = new LinearKramersKronig().test(TWO_ARCS.simulate(P, F, "valid"));
        System.out.printf("lin-KK valid: M = %d, mu = %.3f, max = %.2e, rms = %.2e%n", r.m(), r.mu(), r.maxAbsResidual(), r.rmsResidual());
        assertThat(r.pass()).isTrue();
        assertThat(r.maxAbsResidual()).isLessThan(1e-3);   // measured 7.7e-5 (M = 48)
        assertThat(r.m()).isBetween(3, 50);
        // blocking-electrode pellet (series CPE tail) passes too, thanks to the series C term
        Circuit pellet = ComplexNonlinearLeastSquaresTest.PELLET;
        assertThat(new LinearKramersKronig().test(pellet.simulate(ComplexNonlinearLeastSquaresTest.TRUTH,
                ComplexNonlinearLeastSquaresTest.FREQ, "pellet")).pass()).isTrue();
    }

    /** Noise of 0.2 % of |Z| stays below the 1 % threshold (max of 2·71 Gaussian draws ≈ 3σ = 0.6 %). */
    @Test
    void noisyValidSpectrumPasses() {
        Spectrum s = ComplexNonlinearLeastSquaresTest.noisy(TWO_ARCS, P, F, 0.002, 5);
        LinearKramersKronig.Result r = new LinearKramersKronig().test(s);
        System.out.printf("lin-KK noisy valid: M = %d, mu = %.3f, max = %.2e, rms = %.2e%n", r.m(), r.mu(), r.maxAbsResidual(), r.rmsResidual());
        assertThat(r.pass()).isTrue();
    }

    /**
     * Drift: R2 grows by 50 % over the sweep (the sample changing while it is measured), so the
     * spectrum is no longer that of one linear time-invariant system; lin-KK must flag it.
     */
    @Test
    void driftingSpectrumFails() {
        double[] re = new double[F.length], im = new double[F.length];
        for (int i = 0; i < F.length; i++) {
            double[] p = P.clone();
            p[4] *= 1 + 0.5 * i / (F.length - 1.0);
            var z = TWO_ARCS.impedance(p, F[i]);
            re[i] = z.getReal();
            im[i] = z.getImaginary();
        }
        LinearKramersKronig.Result r = new LinearKramersKronig().test(new Spectrum("drift", F, re, im));
        System.out.printf("lin-KK drift: M = %d, mu = %.3f, max = %.2e, rms = %.2e%n", r.m(), r.mu(), r.maxAbsResidual(), r.rmsResidual());
        assertThat(r.pass()).isFalse();
        assertThat(r.maxAbsResidual()).isGreaterThan(1.5 * r.maxResidual());
    }
}
