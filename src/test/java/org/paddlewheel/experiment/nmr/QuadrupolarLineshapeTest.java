package org.paddlewheel.experiment.nmr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The second-order central-transition powder pattern against closed forms: for η = 0 the static
 * shift is k·g(μ), g = (9/4)(9μ² − 10μ + 1), μ = cos²θ, k = q²(I(I+1) − ¾)/ν0, so the pattern
 * runs from δ_iso − 4k (θ = 41.8°, divergent edge) to δ_iso + 9k/4 (θ = 90°, divergent horn) with a
 * step at δ_iso (θ = 0); the cumulative distribution is √min(μ₊,1) − √max(μ₋,0) with μ± the roots
 * of g(μ) = g0. Centre of gravity for any η: −(3/40)(C_Q/ν0)²(1+η²/3) for I = 3/2 (×10⁶ ppm).
 */
class QuadrupolarLineshapeTest {
    static final double LARMOR = 105.8e6, CQ = 3e6;

    /** k in ppm for I = 3/2: q = C_Q/12, I(I+1) − ¾ = 3. */
    static double kPpm() { double q = CQ / 12; return 3 * q * q / LARMOR / LARMOR * 1e6; }

    static double cdf(double g0) {
        // g(μ) ≤ g0 for μ between the roots of 9μ² − 10μ + 1 − 4g0/9 = 0
        double disc = 100 - 36 * (1 - 4 * g0 / 9);
        if (disc <= 0) return 0;
        double lo = (10 - Math.sqrt(disc)) / 18, hi = (10 + Math.sqrt(disc)) / 18;
        return Math.sqrt(Math.min(hi, 1)) - Math.sqrt(Math.max(lo, 0));
    }

    @Test
    void staticEtaZeroEdgesStepAndDistributionAreTheClosedForm() {
        QuadrupolarLineshape q = new QuadrupolarLineshape(1.5, false, 20000, 2);
        double k = kPpm(), iso = 5;
        double[] range = q.rangePpm(CQ, 0, iso, LARMOR);
        // edges: grid midpoints reach μ = 1/(4N²) and within (1/N)² of 5/9, so 1e-6 relative
        assertThat(range[0]).isCloseTo(iso - 4 * k, within(1e-6 * k));
        assertThat(range[1]).isCloseTo(iso + 2.25 * k, within(1e-6 * k));
        assertThat(k).isCloseTo(16.75, within(0.01)); // C_Q = 3 MHz at 105.8 MHz: pattern −67 … +37.7 ppm
        // cumulative distribution on a 0.05-ppm grid: the histogram's linear splitting moves mass by
        // ≤ one step, i.e. ≤ density·step; with the 1/√ divergences this bounds |ΔCDF| by ~0.01
        int n = 4001;
        double[] ppm = new double[n];
        for (int i = 0; i < n; i++) ppm[i] = iso - 100 + 0.05 * i;
        double[] s = q.spectrum(CQ, 0, iso, LARMOR, 0, 0, ppm);
        double cum = 0, worst = 0;
        for (int i = 0; i < n - 1; i++) {
            cum += s[i] * 0.05;
            double g = (ppm[i] + 0.025 - iso) / k;
            worst = Math.max(worst, Math.abs(cum - cdf(g)));
        }
        assertThat(cum).isCloseTo(1, within(1e-9));
        assertThat(worst).as("max |CDF − closed form|").isLessThan(0.01);
        // the step at δ_iso: density just below minus just above = P_μ(1)/|g'(1)| = (1/2)/18 per unit g
        double below = (cdf(-0.05) - cdf(-0.15)) / 0.1, above = (cdf(0.15) - cdf(0.05)) / 0.1;
        assertThat(below - above).isCloseTo(1.0 / 36, within(0.003));
        double mBelow = mean(s, ppm, iso - 0.15 * k, iso - 0.05 * k) * k, mAbove = mean(s, ppm, iso + 0.05 * k, iso + 0.15 * k) * k;
        assertThat(mBelow).isCloseTo(below, within(0.02 * below));
        assertThat(mAbove).isCloseTo(above, within(0.02 * above));
    }

    static double mean(double[] s, double[] ppm, double lo, double hi) {
        double sum = 0;
        int c = 0;
        for (int i = 0; i < s.length; i++) if (ppm[i] >= lo && ppm[i] <= hi) { sum += s[i]; c++; }
        return sum / c;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.2, 0.5, 0.8, 1})
    void centreOfGravityIsTheQuadrupoleInducedShiftStaticAndMas(double eta) {
        for (boolean mas : new boolean[] {false, true}) {
            QuadrupolarLineshape q = new QuadrupolarLineshape(1.5, mas, 300);
            double mean = 0;
            double[] v = q.shiftsPpm(CQ, eta, 0, LARMOR);
            for (double x : v) mean += x / v.length;
            double exact = -0.075 * Math.pow(CQ / LARMOR, 2) * 3 / (2.25 * 4) * (1 + eta * eta / 3) * 1e6;
            assertThat(q.centreOfGravityPpm(CQ, eta, 0, LARMOR)).isCloseTo(exact, within(1e-12));
            // midpoint quadrature of a degree-4 polynomial in cos β on 300 points: error ~1e-5 relative
            assertThat(mean).as("mas=" + mas + " eta=" + eta).isCloseTo(exact, within(1e-4 * Math.abs(exact)));
        }
        assertThat(new QuadrupolarLineshape(1.5, false, 8).centreOfGravityPpm(CQ, 0, 0, LARMOR)).isCloseTo(-20.10, within(0.01));
    }

    @Test
    void masEtaZeroSpansThreeSeventhsOfItsScale() {
        // fast MAS, η = 0: shift = −6k·(21/16 μ² − 9/8 μ + 5/16), μ = cos²β of the rotor axis;
        // the polynomial runs from 1/14 (μ = 3/7) to 1/2 (μ = 1)
        QuadrupolarLineshape q = new QuadrupolarLineshape(1.5, true, 4000, 2);
        double k = kPpm();
        double[] r = q.rangePpm(CQ, 0, 0, LARMOR);
        // −3k sits at μ = 1, the grid's end: the last midpoint has μ = 1 − 1/N, slope 9k ⇒ 9k/N
        assertThat(r[0]).isCloseTo(-3 * k, within(9 * k / 4000 * 1.05));
        assertThat(r[1]).isCloseTo(-3.0 / 7 * k, within(1e-5 * k));
        // MAS narrows the static η = 0 pattern (width 25k/4) by (25/4)/(18/7) = 2.43
        assertThat((6.25 * k) / (r[1] - r[0])).isCloseTo(175.0 / 72, within(3e-3));
    }

    @Test
    void staticShapeMatchesTheLiteratureCoefficientsForEveryEta() {
        // Δν = −(ν_Q²/6ν0)(I(I+1) − ¾)(A cos⁴θ + B cos²θ + C) with (Samoson et al. 1982; Man, eMagRes)
        // A = −27/8 + 9/4 η cos2φ − 3/8 η² cos²2φ, B = 30/8 − η²/2 − 2η cos2φ + 3/4 η² cos²2φ,
        // C = −3/8 + η²/3 − η/4 cos2φ − 3/8 η² cos²2φ; here g = −6(A cos⁴θ + B cos²θ + C).
        SplittableRandom rnd = new SplittableRandom(15);
        for (int t = 0; t < 200; t++) {
            double eta = rnd.nextDouble(), ct = rnd.nextDouble(-1, 1), ph = rnd.nextDouble(0, 2 * Math.PI);
            double st = Math.sqrt(1 - ct * ct), c2 = Math.cos(2 * ph);
            double a = -27.0 / 8 + 9.0 / 4 * eta * c2 - 3.0 / 8 * eta * eta * c2 * c2;
            double b = 30.0 / 8 - eta * eta / 2 - 2 * eta * c2 + 3.0 / 4 * eta * eta * c2 * c2;
            double c = -3.0 / 8 + eta * eta / 3 - eta / 4 * c2 - 3.0 / 8 * eta * eta * c2 * c2;
            double lit = -6 * (a * Math.pow(ct, 4) + b * ct * ct + c);
            double ours = QuadrupolarLineshape.staticShape(new double[] {st * Math.cos(ph), st * Math.sin(ph), ct}, eta);
            assertThat(ours).as("seed 15 case %d", t).isCloseTo(lit, within(1e-12));
        }
    }
}
