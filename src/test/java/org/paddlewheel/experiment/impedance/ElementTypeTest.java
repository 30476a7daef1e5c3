package org.paddlewheel.experiment.impedance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every element against its closed form, written independently of {@link ElementType} (real
 * arithmetic or cosh/sinh instead of e^{−2z}); definitions as in impedance.py's elements.py.
 * Tolerance 1e-12 relative: both sides are a handful of double operations.
 */
class ElementTypeTest {
    private static final double TOL = 1e-12;

    private static void close(Complex got, double re, double im) {
        double scale = Math.hypot(re, im);
        assertThat(got.getReal()).isCloseTo(re, within(TOL * scale));
        assertThat(got.getImaginary()).isCloseTo(im, within(TOL * scale));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 0.1, 1, 37.5, 1e3, 1e6})
    void simpleElements(double f) {
        double w = 2 * Math.PI * f;
        close(ElementType.R.impedance(new double[] {12.5}, 0, w), 12.5, 0);
        close(ElementType.C.impedance(new double[] {2e-6}, 0, w), 0, -1 / (w * 2e-6));
        close(ElementType.L.impedance(new double[] {3e-7}, 0, w), 0, w * 3e-7);
        // CPE: 1/(Q (jω)^α) = ω^-α/Q · (cos(απ/2) − j sin(απ/2))
        double q = 1e-10, a = 0.9, m = Math.pow(w, -a) / q;
        close(ElementType.CPE.impedance(new double[] {q, a}, 0, w), m * Math.cos(a * Math.PI / 2), -m * Math.sin(a * Math.PI / 2));
        // CPE with α = 1 is a capacitor
        close(ElementType.CPE.impedance(new double[] {q, 1.0}, 0, w), 0, -1 / (w * q));
        // W: A_W (1 − j)/√ω
        close(ElementType.W.impedance(new double[] {50}, 0, w), 50 / Math.sqrt(w), -50 / Math.sqrt(w));
        // G: R/√(1 + jωτ); K: R/(1 + jωτ)
        Complex g = new Complex(1, w * 0.01).sqrt().reciprocal().multiply(7);
        close(ElementType.G.impedance(new double[] {7, 0.01}, 0, w), g.getReal(), g.getImaginary());
        double x = w * 0.01;
        close(ElementType.K.impedance(new double[] {7, 0.01}, 0, w), 7 / (1 + x * x), -7 * x / (1 + x * x));
    }

    /** coth and tanh from cosh/sinh of z = a(1 + j), a = √(ωτ/2), valid while a is moderate. */
    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 0.01, 0.5, 3, 40})
    void finiteWarburgs(double omegaTau) {
        double tau = 2.0, w = omegaTau / tau, z0 = 100;
        Complex z = new Complex(0, omegaTau).sqrt();
        double a = z.getReal(), b = z.getImaginary();
        // cosh(a+jb) = cosh a cos b + j sinh a sin b; sinh(a+jb) = sinh a cos b + j cosh a sin b
        Complex cosh = new Complex(Math.cosh(a) * Math.cos(b), Math.sinh(a) * Math.sin(b));
        Complex sinh = new Complex(Math.sinh(a) * Math.cos(b), Math.cosh(a) * Math.sin(b));
        Complex wo = cosh.divide(sinh).divide(z).multiply(z0);   // Z0 coth(√(jωτ))/√(jωτ)
        Complex ws = sinh.divide(cosh).divide(z).multiply(z0);   // Z0 tanh(√(jωτ))/√(jωτ)
        double tol = 1e-9;  // cosh/sinh reference loses a few digits for small a
        Complex gotO = ElementType.Wo.impedance(new double[] {z0, tau}, 0, w);
        Complex gotS = ElementType.Ws.impedance(new double[] {z0, tau}, 0, w);
        assertThat(gotO.subtract(wo).norm()).isLessThan(tol * wo.norm());
        assertThat(gotS.subtract(ws).norm()).isLessThan(tol * ws.norm());
    }

    @Test
    void warburgLimits() {
        // ωτ → ∞: both finite Warburgs approach the semi-infinite form Z0/√(jωτ); no overflow at ωτ = 1e12
        double z0 = 10, tau = 1, w = 1e12;
        Complex inf = new Complex(0, w * tau).sqrt().reciprocal().multiply(z0);
        assertThat(ElementType.Wo.impedance(new double[] {z0, tau}, 0, w).subtract(inf).norm()).isLessThan(1e-12 * inf.norm());
        assertThat(ElementType.Ws.impedance(new double[] {z0, tau}, 0, w).subtract(inf).norm()).isLessThan(1e-12 * inf.norm());
        // ωτ → 0: Ws → Z0 (a resistor); Wo → Z0/(jωτ) + Z0/3 (a capacitor τ/Z0 in series with Z0/3)
        double small = 1e-8;
        Complex ws = ElementType.Ws.impedance(new double[] {z0, tau}, 0, small);
        assertThat(ws.getReal()).isCloseTo(z0, within(1e-6));
        Complex wo = ElementType.Wo.impedance(new double[] {z0, tau}, 0, small);
        assertThat(wo.getReal()).isCloseTo(z0 / 3, within(1e-6));
        assertThat(wo.getImaginary()).isCloseTo(-z0 / small, within(1e-6 * z0 / small));
    }
}
