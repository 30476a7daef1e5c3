package org.paddlewheel.experiment.nmr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Quadrupolar BPP relaxation: minimum position, prefactor, limits, and T1 ↔ τc on both branches. */
class BppTest {
    @Test
    void minimumSitsAtTheAnalyticOmegaTau() {
        // 32u³ + 20u² + u − 5 = 0 has the root u = 0.379195…; y* = √u = 0.615788… (the textbook 0.616).
        double y = Bpp.OMEGA_TAU_AT_MINIMUM;
        double u = y * y;
        assertThat(((32 * u + 20) * u + 1) * u - 5).isCloseTo(0, within(1e-13));
        assertThat(y).isCloseTo(0.6158, within(1e-4));
        Bpp b = new Bpp(1.5, 1.2e6, 0.3, 105.8e6);
        double tm = b.tauAtMinimum();
        // T1 is smallest there: 1e-4 relative steps either way raise T1 (the minimum is quadratic, ~1e-8).
        assertThat(b.t1(tm * 1.0001)).isGreaterThan(b.t1(tm));
        assertThat(b.t1(tm / 1.0001)).isGreaterThan(b.t1(tm));
        // and a brute-force scan over 8 decades finds no smaller T1 (grid 1e-3 in log10).
        double best = Double.MAX_VALUE, bestTau = 0;
        for (int k = -4000; k <= 4000; k++) {
            double tau = tm * Math.pow(10, k * 1e-3);
            if (b.t1(tau) < best) { best = b.t1(tau); bestTau = tau; }
        }
        assertThat(bestTau / tm).isCloseTo(1.0, within(2.5e-3));
    }

    @Test
    void prefactorIsThePaperFigure5ValueForSpinThreeHalves() {
        assertThat(Bpp.spinFactor(1.5)).isCloseTo(2 * Math.PI * Math.PI / 25, within(1e-15));
        assertThat(Bpp.spinFactor(1)).isCloseTo(3 * Math.PI * Math.PI / 10, within(1e-14));
    }

    @Test
    void extremeNarrowingIsAbragamsFormulaWithCqInHz() {
        // 1/T1 = (3/40)(2I+3)/(I²(2I−1))(1+η²/3)(e²qQ/ħ)²τc with e²qQ/ħ = 2π·C_Q.
        double i = 2.5, cq = 3.1e6, eta = 0.7, tau = 1e-16; // ω0τc = 6e-8: corrections ~(ω0τc)² ≈ 4e-15
        Bpp b = new Bpp(i, cq, eta, 100e6);
        double abragam = 3.0 / 40 * (2 * i + 3) / (i * i * (2 * i - 1)) * (1 + eta * eta / 3) * Math.pow(2 * Math.PI * cq, 2) * tau;
        assertThat(b.rate(tau) / abragam).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void paperBoronCorrelationTimesGiveTheseT1() {
        // ¹¹B, C_Q = 0.1 MHz, η = 0.4, 160.49 MHz (paper Fig. 5): τc = 1 µs ↔ T1 = 61.13 s, 7 µs ↔ 427.9 s.
        Bpp b = new Bpp(Nucleus.of("11B").spin(), 0.1e6, 0.4, 160.49e6);
        assertThat(b.t1(1e-6)).isCloseTo(61.13, within(0.01));
        assertThat(b.t1(7e-6)).isCloseTo(427.9, within(0.1));
        assertThat(b.branchOf(1e-6)).isEqualTo(Bpp.Branch.SLOW);
    }

    static LongStream seeds() { return LongStream.range(0, 25); }

    @ParameterizedTest
    @MethodSource("seeds")
    void t1ToTauToT1RoundTripsOnBothBranches(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double spin = 1 + 0.5 * r.nextInt(7);                 // 1 … 4
        double cq = Math.pow(10, 4 + 3 * r.nextDouble());      // 10 kHz … 10 MHz
        double eta = r.nextDouble();
        double larmor = Math.pow(10, 7 + 2 * r.nextDouble());  // 10 MHz … 1 GHz
        Bpp b = new Bpp(spin, cq, eta, larmor);
        double y = Math.pow(10, -3 + 6 * r.nextDouble());      // ω0τc from 1e-3 to 1e3
        double tau = y / (2 * Math.PI * larmor);
        Bpp.Branch branch = b.branchOf(tau);
        double back = b.tau(b.t1(tau), branch);
        assertThat(back / tau).as("seed %d", seed).isCloseTo(1.0, within(1e-9));
        // the other branch gives the other root, with the same T1
        Bpp.Branch other = branch == Bpp.Branch.FAST ? Bpp.Branch.SLOW : Bpp.Branch.FAST;
        double mirror = b.tau(b.t1(tau), other);
        assertThat(b.t1(mirror) / b.t1(tau)).as("seed %d", seed).isCloseTo(1.0, within(1e-9));
        assertThat(b.branchOf(mirror)).isEqualTo(other);
    }

    @Test
    void t1BelowTheMinimumIsRejected() {
        Bpp b = new Bpp(1.5, 1e6, 0, 100e6);
        assertThatThrownBy(() -> b.tau(0.5 * b.t1Minimum(), Bpp.Branch.SLOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below the BPP minimum");
    }
}
