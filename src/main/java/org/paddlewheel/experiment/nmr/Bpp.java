package org.paddlewheel.experiment.nmr;

import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * Quadrupolar spin-lattice relaxation in the Bloembergen–Purcell–Pound (BPP) form with Abragam's
 * spin-dependent prefactor (A. Abragam, The Principles of Nuclear Magnetism, Oxford 1961, ch. VIII;
 * the single-rate form used by Indris et al., J. Phys. Chem. C 116 (2012) 14243, the paper's ref. 47):
 * <pre>
 *   1/T1 = (3π²/50)·(2I+3)/(I²(2I−1))·C_Q²·(1 + η_Q²/3)·[J(ω0) + 4·J(2ω0)],   J(ω) = τc/(1 + ω²τc²)
 * </pre>
 * with C_Q = e²qQ/h in Hz (not rad/s), ω0 = 2π·ν0 the Larmor angular frequency and τc the motional
 * correlation time in s. For I = 3/2 (²³Na, ¹¹B, ⁷Li) the prefactor is 2π²/25, exactly the paper's
 * Figure 5 caption, whose bracket (garbled in the published typesetting) is this J(ω0) + 4J(2ω0).
 * In extreme narrowing it reduces to Abragam's 1/T1 = (3/40)(2I+3)/(I²(2I−1))(1+η²/3)(e²qQ/ħ)²τc;
 * entering C_Q as an angular frequency (2π × the Hz value) would multiply 1/T1 by (2π)². The rate has one
 * maximum (T1 minimum) at ω0τc = y*, where y*² is the positive root of 32u³ + 20u² + u − 5 = 0
 * (y* ≈ 0.6158, independent of I, C_Q and η). The inverse τc(T1) has two solutions: the fast-motion
 * branch ω0τc &lt; y* (high temperature) and the slow-motion branch ω0τc &gt; y* (low temperature,
 * where the paper's cubic Na2(NH2)(BH4) data lie: τc ≈ µs, ω0τc ≈ 10³). For I &gt; 1 and outside
 * extreme narrowing the true recovery is multi-exponential; this is the usual effective rate.
 */
public final class Bpp {
    /** ω0τc at the T1 minimum: sqrt of the positive root of 32u³ + 20u² + u − 5 = 0. */
    public static final double OMEGA_TAU_AT_MINIMUM = minimumOmegaTau();

    /** Which side of the T1 minimum a correlation time lies on. */
    public enum Branch {
        /** ω0τc &lt; y*: fast motion, T1 falls as τc grows (high-temperature side). */
        FAST,
        /** ω0τc &gt; y*: slow motion, T1 grows with τc (low-temperature side). */
        SLOW
    }

    private final double spin;
    private final double cqHz;
    private final double eta;
    private final double larmorHz;
    private final double prefactor;
    private final double omega0;

    /**
     * @param spin     nuclear spin I (≥ 1)
     * @param cqHz     quadrupolar coupling constant C_Q = e²qQ/h in Hz (sign irrelevant)
     * @param eta      asymmetry parameter η_Q in [0, 1]
     * @param larmorHz Larmor frequency ν0 in Hz (ω0 = 2πν0)
     */
    public Bpp(double spin, double cqHz, double eta, double larmorHz) {
        if (!(spin >= 1)) throw new IllegalArgumentException("spin must be ≥ 1 for quadrupolar relaxation, got " + spin);
        if (!(Math.abs(cqHz) > 0) || !Double.isFinite(cqHz)) throw new IllegalArgumentException("C_Q must be non-zero, got " + cqHz + " Hz");
        if (!(eta >= 0 && eta <= 1)) throw new IllegalArgumentException("η_Q must lie in [0, 1], got " + eta);
        if (!(larmorHz > 0)) throw new IllegalArgumentException("Larmor frequency must be > 0, got " + larmorHz + " Hz");
        this.spin = spin;
        this.cqHz = cqHz;
        this.eta = eta;
        this.larmorHz = larmorHz;
        this.omega0 = 2 * Math.PI * larmorHz;
        this.prefactor = spinFactor(spin) * cqHz * cqHz * (1 + eta * eta / 3);
    }

    /** (3π²/50)·(2I+3)/(I²(2I−1)): 2π²/25 for I = 3/2, 3π²/10 for I = 1. */
    public static double spinFactor(double spin) {
        return 3 * Math.PI * Math.PI / 50 * (2 * spin + 3) / (spin * spin * (2 * spin - 1));
    }

    public double spin() { return spin; }
    public double cqHz() { return cqHz; }
    public double eta() { return eta; }
    public double larmorHz() { return larmorHz; }

    /** Relaxation rate 1/T1 in 1/s at correlation time {@code tauS} (s). */
    public double rate(double tauS) {
        double wt = omega0 * tauS;
        return prefactor * (tauS / (1 + wt * wt) + 4 * tauS / (1 + 4 * wt * wt));
    }

    /** T1 in s at correlation time τc in s. */
    public double t1(double tauS) { return 1.0 / rate(tauS); }

    /** τc at the T1 minimum, s. */
    public double tauAtMinimum() { return OMEGA_TAU_AT_MINIMUM / omega0; }

    /** The smallest T1 these parameters allow, s. */
    public double t1Minimum() { return t1(tauAtMinimum()); }

    /** The branch a correlation time lies on. */
    public Branch branchOf(double tauS) { return omega0 * tauS < OMEGA_TAU_AT_MINIMUM ? Branch.FAST : Branch.SLOW; }

    /**
     * τc in s that gives {@code t1S} on the chosen branch, by bracketed Brent root finding on
     * ln(1/T1) against ln τc (Hipparchus, relative accuracy 1e-13).
     *
     * @throws IllegalArgumentException when T1 is below the minimum T1 for these parameters
     */
    public double tau(double t1S, Branch branch) {
        if (!(t1S > 0) || !Double.isFinite(t1S)) throw new IllegalArgumentException("T1 must be > 0 s, got " + t1S);
        double uMin = Math.log(tauAtMinimum());
        double t1Min = t1Minimum();
        if (t1S < t1Min * (1 - 1e-12)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "T1 = %.6g s is below the BPP minimum T1 = %.6g s for I = %s, C_Q = %.6g Hz, η = %.3g at %.6g Hz;"
                            + " no correlation time gives it", t1S, t1Min, spin, cqHz, eta, larmorHz));
        }
        if (t1S <= t1Min) return Math.exp(uMin);
        double target = -Math.log(t1S);
        // Far from the minimum 1/T1 ∝ τc (fast) or ∝ 1/τc (slow): a bracket of 80 in ln τ spans
        // 35 decades, far wider than any physical T1/T1min.
        double lo = branch == Branch.FAST ? uMin - 80 : uMin;
        double hi = branch == Branch.FAST ? uMin : uMin + 80;
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-13, 1e-15, 1e-300, 5);
        double u = solver.solve(10_000, v -> Math.log(rate(Math.exp(v))) - target, lo, hi);
        return Math.exp(u);
    }

    private static double minimumOmegaTau() {
        // d/dy [y/(1+y²) + 4y/(1+4y²)] = 0 ⇔ 32u³ + 20u² + u − 5 = 0 with u = y².
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-15, 1e-16, 1e-300, 5);
        double u = solver.solve(1000, v -> ((32 * v + 20) * v + 1) * v - 5, 0.0, 1.0);
        return Math.sqrt(u);
    }
}
