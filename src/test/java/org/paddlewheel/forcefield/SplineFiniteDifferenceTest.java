package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.model.Structure;

/**
 * The UF3 spline term ({@link SplinePair}, {@link SplineTerm}) against central finite differences,
 * alone and with every other term, on the triclinic, rattled 2x2x2 x = 0.5 cell of
 * {@link FiniteDifferenceTest} (narrower than twice the cut-off, so images count). Knots on
 * [2.2, 5.0] Å, 8 spans, so some pairs fall below r_min (linear continuation + core prior) and the
 * 0.35 Å spans are crossed by every step. The spline is C2 at the knots and at r_cut, so a central
 * difference with h = 1e-4 Å has truncation error h²/6·|V'''| ≲ 1e-8·|V'''| (|V'''| ≲ 10² eV/Å³
 * here) and rounding ε|E|/h ≈ 1e-9 eV/Å: the 1e-5 eV/Å tolerance on the term alone has a wide
 * margin, and the total uses the 1e-4 eV/Å of the existing FD test (Ewald 1e-10, pair shift on).
 * Virial: strain step 1e-6, tolerance 1e-4 eV on the term (5e-5 eV/Å³·V… ≈ 1e-5 GPa), 1e-3 eV total.
 */
class SplineFiniteDifferenceTest {
    static final double H = 1e-4;

    static ForceField model() { return SplineModels.model(21, 2.2, 5.0, 8, true).withEwaldAccuracy(1e-10).withPairShift(true); }

    @ParameterizedTest(name = "only uf3 = {0}")
    @ValueSource(booleans = {true, false})
    void forcesMatchFiniteDifferences(boolean only) {
        long seed = 11;
        Structure s = FiniteDifferenceTest.cell(seed);
        Topology top = Topology.build(model(), s);
        Cell cell = new Cell(s.lattice());
        Set<Term> terms = only ? EnumSet.of(Term.SPLINE) : EnumSet.allOf(Term.class);
        try (ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withTerms(terms))) {
            double[] x = s.positions(), f = new double[x.length];
            eng.compute(x, cell, f);
            assertThat(Math.abs(eng.energy(Term.SPLINE))).isGreaterThan(1.0);
            double maxErr = FiniteDifferenceTest.maxForceError(eng, x, cell, f), maxF = 0;
            for (double fk : f) maxF = Math.max(maxF, Math.abs(fk));
            System.out.printf("FD uf3%s max|F| %.4g eV/Å, max|F - FD| %.3g eV/Å%n", only ? "" : "+all", maxF, maxErr);
            assertThat(maxF).isGreaterThan(0.5);
            assertThat(maxErr).as("seed %d", seed).isLessThan(only ? 1e-5 : 1e-4);
        }
    }

    @ParameterizedTest(name = "only uf3 = {0}")
    @ValueSource(booleans = {true, false})
    void virialMatchesStrainDerivative(boolean only) {
        long seed = 12;
        Structure s = FiniteDifferenceTest.cell(seed);
        Topology top = Topology.build(model(), s);
        Cell cell = new Cell(s.lattice());
        double[] h0 = s.lattice().rowMajor(), x0 = s.positions();
        Set<Term> terms = only ? EnumSet.of(Term.SPLINE) : EnumSet.allOf(Term.class);
        try (ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withTerms(terms))) {
            eng.compute(x0, cell, new double[x0.length]);
            double[] w = eng.virial();
            int[][] idx = {{0, 3, 4}, {3, 1, 5}, {4, 5, 2}};
            double maxErr = 0, maxW = 0, eps = 1e-6;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double fd = -(FiniteDifferenceTest.strained(eng, h0, x0, a, b, eps)
                            - FiniteDifferenceTest.strained(eng, h0, x0, a, b, -eps)) / (2 * eps);
                    maxErr = Math.max(maxErr, Math.abs(fd - w[idx[a][b]]));
                    maxW = Math.max(maxW, Math.abs(w[idx[a][b]]));
                }
            }
            System.out.printf("strain uf3%s max|W| %.4g eV, max|W - FD| %.3g eV%n", only ? "" : "+all", maxW, maxErr);
            assertThat(maxW).isGreaterThan(1.0);
            assertThat(maxErr).as("seed %d", seed).isLessThan(only ? 1e-4 : 1e-3);
        }
    }

    /** Three threads give the single-thread energy and forces (per-thread buffers, fixed reduction order). */
    @Test
    void threadsGiveTheSameForces() {
        Structure s = FiniteDifferenceTest.cell(13);
        Topology top = Topology.build(model(), s);
        Cell cell = new Cell(s.lattice());
        double[] x = s.positions(), f1 = new double[x.length], f3 = new double[x.length];
        double e1, e3;
        try (ForceEngine a = new ForceEngine(top, cell, ForceEngine.Options.defaults());
             ForceEngine b = new ForceEngine(top, cell, ForceEngine.Options.defaults().withThreads(3))) {
            e1 = a.compute(x, cell, f1);
            e3 = b.compute(x, cell, f3);
            assertThat(b.energy(Term.SPLINE)).isCloseTo(a.energy(Term.SPLINE), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(e3).isCloseTo(e1, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(e1)));
        for (int k = 0; k < x.length; k++) assertThat(f3[k]).isCloseTo(f1[k], org.assertj.core.data.Offset.offset(1e-9));
    }

    /** The test cell really probes the region below r_min (core prior and linear continuation). */
    @Test
    void testCellHasPairsBelowRMin() {
        Structure s = FiniteDifferenceTest.cell(11);
        int below = 0;
        for (int i = 0; i < s.size(); i++) for (int j = i + 1; j < s.size(); j++) {
            double d = s.distance(i, j);
            if (d < 2.2 && d > 1.6) below++;
        }
        assertThat(below).isGreaterThan(5);
    }

    /** Cubic B-splines on a clamped knot vector sum to 1 on [r_min, r_cut) and their derivatives to 0. */
    @Test
    void basisIsAPartitionOfUnity() {
        SplinePair sp = new SplinePair(0, 0, new double[] {1.5, 1.5, 1.5, 1.5, 2.0, 2.6, 3.0, 4.1, 5.0, 5.0, 5.0, 5.0},
                new double[8], 0, 1);
        double[] out = new double[16];
        for (double r = 1.5; r < 5.0; r += 0.0137) {
            sp.basisAt(r, out);
            double s = 0, d = 0;
            for (int k = 0; k < 8; k++) { s += out[k]; d += out[8 + k]; assertThat(out[k]).isGreaterThanOrEqualTo(-1e-14); }
            assertThat(s).as("r %.4f", r).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(d).as("r %.4f", r).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-10));
        }
    }

    /** Value, slope and curvature vanish at r_cut; the core is zero with zero slope at r_min and repulsive below. */
    @Test
    void smoothAtCutoffAndCore() {
        SplinePair sp = SplineModels.splines(TestCells.model(), 3, 1.8, 5.0, 6).get(0);
        double[] g = new double[1];
        double h = 1e-4;
        double e1 = sp.energy(5.0 - h, g), d1 = g[0];
        double e2 = sp.energy(5.0 - 2 * h, g);
        assertThat(Math.abs(e1)).isLessThan(1e-10);
        assertThat(Math.abs(d1)).isLessThan(1e-6);
        assertThat(Math.abs(e2 - 2 * e1) / (h * h)).isLessThan(1e-2);
        assertThat(sp.core(1.8, g)).isEqualTo(0.0);
        assertThat(sp.core(1.0, g)).isGreaterThan(5.0); // 500(e^-4 − e^-7.2·4.2) = 7.59 eV
        assertThat(g[0]).isLessThan(-30.0); // 500(e^-7.2 − e^-4)/0.25 = −35.1 eV/Å
    }
}
