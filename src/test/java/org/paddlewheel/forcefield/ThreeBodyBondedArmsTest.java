package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Structure;

/**
 * UF3 3-body terms with bonded arms ({@link SplineTriple#bondedArms}, {@link BondArms}): an arm may be a covalent bond of
 * the centre's molecule (B–H, N–H), never both arms. On the rattled triclinic 2x2x2 x = 0.5 cell of
 * {@link FiniteDifferenceTest} with a random tensor for every species triple (arms on [0.8, 4.0] Å so the 1.0–1.25 Å
 * bonds lie inside the basis, r_jk on [0.4, 8.0] Å):
 * <ul>
 *   <li>forces against central differences (h = 1e-4 Å; the spline is C2, truncation ≲ 1e-7 eV/Å): within 1e-5 eV/Å;</li>
 *   <li>virial against the strain derivative (step 1e-6): within 1e-4 eV;</li>
 *   <li>energy against a brute-force image sum that finds bonds by searching the topology ({@link DirectThreeBody}), to
 *       1e-9 relative, single- and multi-threaded;</li>
 *   <li>and the bonded arms must change the energy: the same coefficients without the flag give a different sum (by 0.07 eV
 *       here, against agreement to 1e-9), so the tests above could fail if the bonds were not counted.</li>
 * </ul>
 */
class ThreeBodyBondedArmsTest {
    static final double H = 1e-4;

    static ForceField model() {
        return TripleModels.bondedArmsModel(5, 0.8, 4.0, 3, 8.0).withEwaldAccuracy(1e-10).withPairShift(true);
    }

    @Test
    void forcesMatchFiniteDifferences() {
        Structure s = FiniteDifferenceTest.cell(31);
        Topology top = Topology.build(model(), s);
        Cell cell = new Cell(s.lattice());
        try (ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withTerms(EnumSet.of(Term.SPLINE)))) {
            double[] x = s.positions(), f = new double[x.length];
            eng.compute(x, cell, f);
            double maxErr = FiniteDifferenceTest.maxForceError(eng, x, cell, f), maxF = 0;
            for (double fk : f) maxF = Math.max(maxF, Math.abs(fk));
            System.out.printf("FD 3-body with bonded arms: max|F| %.4g eV/Å, max|F - FD| %.3g eV/Å%n", maxF, maxErr);
            assertThat(maxF).isGreaterThan(0.05); // measured 0.20 eV/Å: 4 orders above the tolerance
            assertThat(maxErr).isLessThan(1e-5);
        }
    }

    @Test
    void virialMatchesStrainDerivative() {
        Structure s = FiniteDifferenceTest.cell(32);
        Topology top = Topology.build(model(), s);
        Cell cell = new Cell(s.lattice());
        double[] h0 = s.lattice().rowMajor(), x0 = s.positions();
        try (ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withTerms(EnumSet.of(Term.SPLINE)))) {
            eng.compute(x0, cell, new double[x0.length]);
            double[] w = eng.virial();
            int[][] idx = {{0, 3, 4}, {3, 1, 5}, {4, 5, 2}};
            double maxErr = 0, eps = 1e-6;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double fd = -(FiniteDifferenceTest.strained(eng, h0, x0, a, b, eps)
                            - FiniteDifferenceTest.strained(eng, h0, x0, a, b, -eps)) / (2 * eps);
                    maxErr = Math.max(maxErr, Math.abs(fd - w[idx[a][b]]));
                }
            }
            System.out.printf("virial with bonded arms: max|W - FD| %.3g eV%n", maxErr);
            assertThat(maxErr).isLessThan(1e-4);
        }
    }

    @Test
    void energyMatchesABruteForceSumAndTheBondsCount() {
        Structure s = FiniteDifferenceTest.cell(33);
        ForceField ff = model();
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
        // the same tensors without bonded arms
        var json = SplineJson.withTriples(SplineJson.baseJson("na-amide-borohydride"), TestCells.model(),
                ff.splineTriples().stream().map(t -> new SplineTriple(t.centre(), t.a(), t.b(),
                        new double[][] {t.knots(0), t.knots(1), t.knots(2)}, t.coefficients(), false)).toList());
        ForceField plain = SplineJson.load(SplineJson.withSplines(json, TestCells.model(), false, java.util.List.of(), null, "plain"), "plain");
        double ePlain;
        try (ForceEngine c = new ForceEngine(Topology.build(plain, s), cell, ForceEngine.Options.defaults().withTerms(EnumSet.of(Term.SPLINE)))) {
            ePlain = c.compute(x, cell, new double[x.length]);
        }
        System.out.printf("3-body with bonded arms: engine %.10f eV, direct %.10f eV; without the bonds %.6f eV%n", e1, direct, ePlain);
        assertThat(e1).isCloseTo(direct, Offset.offset(1e-9 * Math.abs(direct)));
        assertThat(Math.abs(e1 - ePlain)).isGreaterThan(0.01); // measured 0.073 eV, 10^7 times the agreement above
    }
}
