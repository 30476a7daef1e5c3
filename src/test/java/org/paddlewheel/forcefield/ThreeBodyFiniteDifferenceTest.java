package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paddlewheel.model.Structure;

/**
 * The UF3 3-body term ({@link SplineTriple}, {@link ThreeBodyTerm}) against central finite
 * differences on the triclinic, rattled 2x2x2 x = 0.5 cell of {@link FiniteDifferenceTest}: a random
 * tensor for every species triple, arms on [2.0, 4.0] Å (3 spans, so some arms fall below r_min and
 * use the linear continuation), r_jk on [1.0, 8.0] Å (jk tail free) or [1.0, 6.0] Å (jk tail fixed
 * to 0). Alone (only the 3-body term: no 2-body splines in the model, Term.SPLINE only) and with
 * every term (spline pairs, Buckingham, Ewald, bonded). The tensor-product spline is C2 in each
 * distance, so the h = 1e-4 Å central difference has truncation error ~h²/6·|E'''| ≲ 1e-7 eV/Å
 * here; tolerances 1e-5 eV/Å (3-body alone) and 1e-4 eV/Å (all terms, as the existing FD test).
 * Virial against the strain derivative (step 1e-6): 1e-4 eV alone, 1e-3 eV with all terms.
 */
class ThreeBodyFiniteDifferenceTest {
    static final double H = 1e-4;

    static ForceField model(boolean only, double jkCut) {
        return TripleModels.model(5, 2.0, 4.0, 3, jkCut, !only, !only).withEwaldAccuracy(1e-10).withPairShift(true);
    }

    @ParameterizedTest(name = "only 3-body = {0}, r_jk cut {1}")
    @CsvSource({"true, 8.0", "true, 6.0", "false, 8.0"})
    void forcesMatchFiniteDifferences(boolean only, double jkCut) {
        long seed = 21;
        Structure s = FiniteDifferenceTest.cell(seed);
        Topology top = Topology.build(model(only, jkCut), s);
        Cell cell = new Cell(s.lattice());
        Set<Term> terms = only ? EnumSet.of(Term.SPLINE) : EnumSet.allOf(Term.class);
        try (ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withTerms(terms))) {
            double[] x = s.positions(), f = new double[x.length];
            eng.compute(x, cell, f);
            double e3 = eng.energy(Term.SPLINE);
            assertThat(Math.abs(e3)).isGreaterThan(1.0);
            double maxErr = FiniteDifferenceTest.maxForceError(eng, x, cell, f), maxF = 0;
            for (double fk : f) maxF = Math.max(maxF, Math.abs(fk));
            System.out.printf("FD 3-body%s (r_jk cut %.1f): E_uf3 %.4f eV, max|F| %.4g eV/Å, max|F - FD| %.3g eV/Å%n",
                    only ? "" : "+all", jkCut, e3, maxF, maxErr);
            assertThat(maxF).isGreaterThan(0.5);
            assertThat(maxErr).as("seed %d", seed).isLessThan(only ? 1e-5 : 1e-4);
        }
    }

    /**
     * Bases held constant below r_min ({@code "below_r_min": "constant"}, the guard against a fitted term attracting without
     * bound): the same cell and tensor, arms from 2.0 Å, so the arms below 2.0 Å take the constant branch. Forces still match
     * central differences (1e-5 eV/Å, as above: E is C0 at r_min and C2 elsewhere, and no arm sits within h of r_min here),
     * the energy differs from the linear continuation's by more than 1 meV (the branch is used), and the flag survives the
     * JSON round trip.
     */
    @Test
    void constantContinuationBelowRminMatchesFiniteDifferences() {
        ForceField cst = TripleModels.constantBelowModel(5, 2.0, 4.0, 3, 8.0), lin = TripleModels.model(5, 2.0, 4.0, 3, 8.0, false, false);
        assertThat(cst.splineTriples()).allMatch(SplineTriple::constantBelow);
        ForceField back = SplineJson.load(SplineJson.withTriples(SplineJson.baseJson("na-amide-borohydride"), TestCells.model(), cst.splineTriples()), "rt");
        assertThat(back.splineTriples()).allMatch(SplineTriple::constantBelow);
        Structure s = FiniteDifferenceTest.cell(21);
        Cell cell = new Cell(s.lattice());
        try (ForceEngine eng = new ForceEngine(Topology.build(cst, s), cell, ForceEngine.Options.defaults().withTerms(EnumSet.of(Term.SPLINE)));
             ForceEngine linEng = new ForceEngine(Topology.build(lin, s), cell, ForceEngine.Options.defaults().withTerms(EnumSet.of(Term.SPLINE)))) {
            double[] x = s.positions(), f = new double[x.length], g = new double[x.length];
            double e = eng.compute(x, cell, f);
            assertThat(Math.abs(e - linEng.compute(x, cell, g))).isGreaterThan(1e-3);
            assertThat(FiniteDifferenceTest.maxForceError(eng, x, cell, f)).isLessThan(1e-5);
        }
    }

    @ParameterizedTest(name = "only 3-body = {0}")
    @CsvSource({"true, 8.0", "false, 8.0"})
    void virialMatchesStrainDerivative(boolean only, double jkCut) {
        long seed = 22;
        Structure s = FiniteDifferenceTest.cell(seed);
        Topology top = Topology.build(model(only, jkCut), s);
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
            System.out.printf("strain 3-body%s max|W| %.4g eV, max|W - FD| %.3g eV%n", only ? "" : "+all", maxW, maxErr);
            assertThat(maxW).isGreaterThan(1.0);
            assertThat(maxErr).as("seed %d", seed).isLessThan(only ? 1e-4 : 1e-3);
        }
    }

    /** Three threads give the single-thread energy and forces; the engine agrees with a direct O(N³) sum of {@link SplineTriple#energy}. */
    @Test
    void threadsAndDirectSumAgree() {
        Structure s = FiniteDifferenceTest.cell(23);
        ForceField ff = model(true, 8.0);
        Topology top = Topology.build(ff, s);
        Cell cell = new Cell(s.lattice());
        double[] x = s.positions(), f1 = new double[x.length], f3 = new double[x.length];
        double e1, e3;
        try (ForceEngine a = new ForceEngine(top, cell, ForceEngine.Options.defaults().withTerms(EnumSet.of(Term.SPLINE)));
             ForceEngine b = new ForceEngine(top, cell, ForceEngine.Options.defaults().withTerms(EnumSet.of(Term.SPLINE)).withThreads(3))) {
            e1 = a.compute(x, cell, f1);
            e3 = b.compute(x, cell, f3);
        }
        assertThat(e3).isCloseTo(e1, Offset.offset(1e-9 * Math.abs(e1)));
        for (int k = 0; k < x.length; k++) assertThat(f3[k]).isCloseTo(f1[k], Offset.offset(1e-9));
        double direct = DirectThreeBody.energy(ff, top, s, 4.0);
        System.out.printf("3-body energy: engine %.10f eV, direct sum %.10f eV%n", e1, direct);
        assertThat(e1).isCloseTo(direct, Offset.offset(1e-9 * Math.abs(direct)));
    }

    /** A triple evaluated with j and k swapped (species order reversed) gives the same energy. */
    @Test
    void neighbourOrderDoesNotMatter() {
        ForceField ff = model(true, 8.0);
        double[] g = new double[3], h = new double[3];
        for (SplineTriple t : ff.splineTriples()) {
            SplineTriple swapped = new SplineTriple(t.centre(), t.b(), t.a(), new double[][] {t.knots(1), t.knots(0), t.knots(2)},
                    transpose(t));
            double e = t.energy(2.3, 3.1, 4.0, g), e2 = swapped.energy(2.3, 3.1, 4.0, h);
            assertThat(e2).isCloseTo(e, Offset.offset(1e-14));
            if (t.a() == t.b()) assertThat(t.energy(3.1, 2.3, 4.0, h)).isCloseTo(e, Offset.offset(1e-13));
        }
    }

    private static double[] transpose(SplineTriple t) {
        int[] sh = t.shape();
        double[] c = t.coefficients(), o = new double[c.length];
        for (int l = 0; l < sh[0]; l++) for (int m = 0; m < sh[1]; m++) for (int n = 0; n < sh[2]; n++) o[(m * sh[0] + l) * sh[2] + n] = c[t.index(l, m, n)];
        return o;
    }
}
