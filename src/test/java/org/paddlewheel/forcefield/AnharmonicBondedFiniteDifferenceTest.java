package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.paddlewheel.model.Structure;

/**
 * The quartic bonded terms (E = K u² + K3 u³ + K4 u⁴, "K3"/"K4" in a model's bonds and angles; LAMMPS class2): forces
 * and virial of {@link Term#BOND} and {@link Term#ANGLE} against central differences of their energy, on the sheared,
 * rattled cell of {@link FiniteDifferenceTest} (same steps and tolerances, 1e-4 eV/Å and 1e-3 eV). K3 and K4 are a few
 * times the size a fit to the DFT data gives (bonds −45 eV/Å³, +70 eV/Å⁴; angles −6, +8 eV/rad^n), so that at the
 * test's 0.15 Å rattle the anharmonic part changes the energy by more than 0.05 eV (checked: the test would notice a
 * wrong K3 or K4 term).
 */
class AnharmonicBondedFiniteDifferenceTest {
    static ForceField anharmonic() {
        ObjectNode j = SplineJson.baseJson("na-amide-borohydride");
        for (var b : j.withArray("bonds")) ((ObjectNode) b).put("K3", -45.0).put("K4", 70.0);
        for (var a : j.withArray("angles")) ((ObjectNode) a).put("K3", -6.0).put("K4", 8.0);
        return SplineJson.load(j, "anharmonic-test").withEwaldAccuracy(1e-10).withPairShift(true);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Term.class, names = {"BOND", "ANGLE"})
    void forcesAndVirialMatchFiniteDifferences(Term term) {
        Structure s = FiniteDifferenceTest.cell(21);
        ForceField ff = anharmonic();
        assertThat(ff.bonds().get(0).anharmonic()).isTrue();
        Cell cell = new Cell(s.lattice());
        double[] x = s.positions(), f = new double[x.length], g = new double[x.length];
        double eHarm;
        try (ForceEngine eng = new ForceEngine(Topology.build(TestCells.model(), s), cell, ForceEngine.Options.defaults().withTerms(EnumSet.of(term)))) {
            eHarm = eng.compute(x, cell, g);
        }
        try (ForceEngine eng = new ForceEngine(Topology.build(ff, s), cell, ForceEngine.Options.defaults().withTerms(EnumSet.of(term)))) {
            double e0 = eng.compute(x, cell, f);
            System.out.printf("%s: E %.4f eV anharmonic, %.4f eV harmonic%n", term, e0, eHarm);
            assertThat(Math.abs(e0 - eHarm)).as("the K3, K4 terms must matter here").isGreaterThan(0.05);
            double maxErr = 0;
            double h = FiniteDifferenceTest.H;
            for (int k = 0; k < x.length; k++) {
                double x0 = x[k];
                x[k] = x0 + h;
                double ep = eng.compute(x, cell, g);
                x[k] = x0 - h;
                double em = eng.compute(x, cell, g);
                x[k] = x0;
                maxErr = Math.max(maxErr, Math.abs(-(ep - em) / (2 * h) - f[k]));
            }
            eng.compute(x, cell, f);
            double[] w = eng.virial();
            int[][] idx = {{0, 3, 4}, {3, 1, 5}, {4, 5, 2}};
            double maxW = 0, eps = 1e-6;
            double[] h0 = s.lattice().rowMajor();
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double fd = -(FiniteDifferenceTest.strained(eng, h0, x, a, b, eps) - FiniteDifferenceTest.strained(eng, h0, x, a, b, -eps)) / (2 * eps);
                    maxW = Math.max(maxW, Math.abs(fd - w[idx[a][b]]));
                }
            }
            System.out.printf("%s anharmonic: max|F - FD| %.3g eV/Å, max|W - FD| %.3g eV%n", term, maxErr, maxW);
            assertThat(maxErr).isLessThan(1e-4);
            assertThat(maxW).isLessThan(1e-3);
        }
    }
}
