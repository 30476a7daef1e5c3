package org.paddlewheel.experiment.impedance;

import org.hipparchus.complex.Complex;

/**
 * Circuit elements of the circuit-string language and their closed-form impedances Z(ω) in Ω,
 * with ω = 2πf in rad/s. Definitions follow impedance.py ({@code impedance/models/circuits/elements.py},
 * MIT) so that a circuit string and its parameter values mean the same in both programs:
 * <ul>
 * <li>{@code R}: Z = R (Ω)</li>
 * <li>{@code C}: Z = 1/(jωC) (F)</li>
 * <li>{@code L}: Z = jωL (H)</li>
 * <li>{@code CPE}: Z = 1/(Q·(jω)^α) (Q in S·s^α, α dimensionless, 0 &lt; α ≤ 1)</li>
 * <li>{@code W}: semi-infinite Warburg, Z = A_W·(1−j)/√ω (A_W in Ω·s^−1/2)</li>
 * <li>{@code Wo}: finite-space ("open") Warburg, Z = Z0·coth(√(jωτ))/√(jωτ) (Z0 in Ω, τ = L²/D in s)</li>
 * <li>{@code Ws}: finite-length ("short") Warburg, Z = Z0·tanh(√(jωτ))/√(jωτ) (Z0 in Ω, τ in s)</li>
 * <li>{@code G}: Gerischer, Z = R_G/√(1 + jωt_G) (Ω, s)</li>
 * <li>{@code K}: an RC element of the lin-KK test, Z = R/(1 + jωτ) (Ω, s)</li>
 * </ul>
 * New elements are added here: a name, parameter suffixes with units, and Z(p, ω).
 * coth and tanh of the Warburg argument are evaluated through e^(−2z) − 1 (a complex expm1), which
 * stays finite for large |z| where the textbook cosh/sinh form overflows and exact for small |z|.
 */
public enum ElementType {
    R(new String[] {""}, new String[] {"ohm"}),
    C(new String[] {""}, new String[] {"F"}),
    L(new String[] {""}, new String[] {"H"}),
    CPE(new String[] {"Q", "alpha"}, new String[] {"S_s^alpha", ""}),
    W(new String[] {""}, new String[] {"ohm_s^-0.5"}),
    Wo(new String[] {"Z0", "tau"}, new String[] {"ohm", "s"}),
    Ws(new String[] {"Z0", "tau"}, new String[] {"ohm", "s"}),
    G(new String[] {"R", "tau"}, new String[] {"ohm", "s"}),
    K(new String[] {"R", "tau"}, new String[] {"ohm", "s"});

    private final String[] suffixes;
    private final String[] units;

    ElementType(String[] suffixes, String[] units) {
        this.suffixes = suffixes;
        this.units = units;
    }

    /** Number of parameters. */
    public int parameterCount() { return suffixes.length; }

    /** Parameter name suffix ("" for single-parameter elements, "Q", "alpha", "Z0", "tau"). */
    public String suffix(int i) { return suffixes[i]; }

    /** Unit of parameter {@code i} as used in JSON keys ("ohm", "F", "S_s^alpha", "" when dimensionless). */
    public String unit(int i) { return units[i]; }

    /** True for an exponent parameter restricted to (0, 1] (CPE α). */
    public boolean isExponent(int i) { return this == CPE && i == 1; }

    /** The element type whose name is {@code name} (case-sensitive, as in impedance.py), or null. */
    public static ElementType byName(String name) {
        for (ElementType t : values()) if (t.name().equals(name)) return t;
        return null;
    }

    /**
     * Impedance in Ω at angular frequency {@code omega} (rad/s); parameters are read from
     * {@code p[offset..offset+parameterCount())}.
     */
    public Complex impedance(double[] p, int offset, double omega) {
        switch (this) {
            case R: return new Complex(p[offset], 0);
            case C: return new Complex(0, -1.0 / (omega * p[offset]));
            case L: return new Complex(0, omega * p[offset]);
            case CPE: {
                double q = p[offset], a = p[offset + 1];
                // (jω)^α = ω^α·(cos(απ/2) + j·sin(απ/2))
                double mag = q * Math.pow(omega, a);
                return new Complex(mag * Math.cos(a * Math.PI / 2), mag * Math.sin(a * Math.PI / 2)).reciprocal();
            }
            case W: {
                double s = p[offset] / Math.sqrt(omega);
                return new Complex(s, -s);
            }
            case Wo: {
                Complex z = new Complex(0, omega * p[offset + 1]).sqrt();
                return coth(z).divide(z).multiply(p[offset]);
            }
            case Ws: {
                Complex z = new Complex(0, omega * p[offset + 1]).sqrt();
                return tanhOverZ(z).multiply(p[offset]);
            }
            case G: return new Complex(1, omega * p[offset + 1]).sqrt().reciprocal().multiply(p[offset]);
            case K: return new Complex(1, omega * p[offset + 1]).reciprocal().multiply(p[offset]);
            default: throw new IllegalStateException(name());
        }
    }

    /** coth z for Re z ≥ 0: (1 + e^{−2z})/(1 − e^{−2z}); series for small |z|. */
    static Complex coth(Complex z) {
        if (z.norm() < 1e-4) return tanhSeries(z).reciprocal();
        Complex m = expm1(z.multiply(-2));  // e^{-2z} − 1, accurate for small z
        return m.add(2).divide(m.negate());
    }

    /** tanh(z)/z for Re z ≥ 0, finite as z → 0 (→ 1) and as |z| → ∞. */
    static Complex tanhOverZ(Complex z) {
        if (z.norm() < 1e-4) return tanhSeries(z).divide(z);
        Complex m = expm1(z.multiply(-2));
        return m.negate().divide(m.add(2)).divide(z);
    }

    /** e^w − 1 without cancellation: (expm1(x)·cos y − 2 sin²(y/2)) + j·e^x·sin y. */
    static Complex expm1(Complex w) {
        double x = w.getReal(), y = w.getImaginary();
        double s = Math.sin(y / 2);
        return new Complex(Math.expm1(x) * Math.cos(y) - 2 * s * s, Math.exp(x) * Math.sin(y));
    }

    /** tanh z ≈ z − z³/3 + 2z⁵/15 for |z| &lt; 1e-4 (error below 1e-20 relative). */
    private static Complex tanhSeries(Complex z) {
        Complex z2 = z.multiply(z);
        return z.multiply(Complex.ONE.subtract(z2.divide(3)).add(z2.multiply(z2).multiply(2.0 / 15)));
    }
}
