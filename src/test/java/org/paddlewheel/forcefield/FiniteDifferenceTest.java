package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Forces and virial against central finite differences of the energy, per term and in total, on a
 * 2x2x2 x = 0.5 antiperovskite with random displacements (0.15 Å) in a sheared (triclinic) cell.
 * The 9.4 Å cell is narrower than twice the 7 Å cut-off, so this also checks the sum over images.
 * The Ewald accuracy is tightened to 1e-10 so the un-shifted cut-off jump (~1e-9 eV) cannot spoil
 * a difference quotient, and pair energies are shifted to zero at the cut-off. Step 1e-4 Å: truncation error h²/6·|E'''| ≲ 1e-6 eV/Å; rounding
 * ε·|E|/h ≈ 1e-9 eV/Å; so the 1e-4 eV/Å tolerance of the issue has margin.
 */
class FiniteDifferenceTest {
    static final double H = 1e-4;

    static Structure cell(long seed) {
        Structure s = TestCells.antiperovskite(0.5, 2, seed, 0.15);
        double[] m = s.lattice().rowMajor();
        m[3] += 0.6; m[6] -= 0.4; m[7] += 0.5; // shear: triclinic
        double[] f = s.fractionalPositions();
        Lattice l = Lattice.fromRowMajor(m);
        return s.withLattice(l).withPositions(l.toCartesianAll(f), null);
    }

    static Stream<Arguments> terms() {
        return Stream.concat(Stream.of(Term.values()).map(t -> Arguments.of(EnumSet.of(t), t.key())),
                Stream.of(Arguments.of(EnumSet.allOf(Term.class), "total")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("terms")
    void forcesMatchFiniteDifferences(Set<Term> terms, String label) {
        long seed = 11;
        Structure s = cell(seed);
        ForceField ff = TestCells.model().withEwaldAccuracy(1e-10).withPairShift(true);
        Topology top = Topology.build(ff, s);
        Cell cell = new Cell(s.lattice());
        try (ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withTerms(terms))) {
            double[] x = s.positions(), f = new double[x.length];
            double e0 = eng.compute(x, cell, f);
            assertThat(e0).isFinite();
            double maxErr = maxForceError(eng, x, cell, f), maxF = 0;
            for (double fk : f) maxF = Math.max(maxF, Math.abs(fk));
            System.out.printf("FD %-20s max|F| %.4g eV/Å, max|F - FD| %.3g eV/Å%n", label, maxF, maxErr);
            assertThat(maxErr).as("term %s seed %d", label, seed).isLessThan(1e-4);
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("terms")
    void virialMatchesStrainDerivative(Set<Term> terms, String label) {
        long seed = 12;
        Structure s = cell(seed);
        ForceField ff = TestCells.model().withEwaldAccuracy(1e-10).withPairShift(true);
        Topology top = Topology.build(ff, s);
        Cell cell = new Cell(s.lattice());
        double[] h0 = s.lattice().rowMajor(), x0 = s.positions();
        try (ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withTerms(terms))) {
            double[] f = new double[x0.length];
            eng.compute(x0, cell, f);
            double[] w = eng.virial();
            int[][] idx = {{0, 3, 4}, {3, 1, 5}, {4, 5, 2}};
            double maxErr = 0, maxW = 0;
            double eps = 1e-6;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double ep = strained(eng, h0, x0, a, b, eps), em = strained(eng, h0, x0, a, b, -eps);
                    double fd = -(ep - em) / (2 * eps);
                    maxErr = Math.max(maxErr, Math.abs(fd - w[idx[a][b]]));
                    maxW = Math.max(maxW, Math.abs(w[idx[a][b]]));
                }
            }
            System.out.printf("strain %-20s max|W| %.4g eV, max|W - FD| %.3g eV%n", label, maxW, maxErr);
            // 1e-3 eV on the virial is 1e-3/830 eV/Å³ = 2e-4 GPa of stress
            assertThat(maxErr).as("term %s seed %d", label, seed).isLessThan(1e-3);
        }
    }

    /** Largest |F_k − (−∂E/∂x_k)| (eV/Å) over every coordinate, by central differences of step {@link #H} (x is restored). */
    static double maxForceError(ForceEngine eng, double[] x, Cell cell, double[] f) {
        double[] g = new double[x.length];
        double maxErr = 0;
        for (int k = 0; k < x.length; k++) {
            double x0 = x[k];
            x[k] = x0 + H;
            double ep = eng.compute(x, cell, g);
            x[k] = x0 - H;
            double em = eng.compute(x, cell, g);
            x[k] = x0;
            maxErr = Math.max(maxErr, Math.abs(-(ep - em) / (2 * H) - f[k]));
        }
        return maxErr;
    }

    /** Energy after r → r(I + ε) with only ε_ab nonzero, applied to cell rows and positions. */
    static double strained(ForceEngine eng, double[] h0, double[] x0, int a, int b, double e) {
        double[] h = h0.clone();
        for (int r = 0; r < 3; r++) h[3 * r + b] += e * h0[3 * r + a];
        double[] x = x0.clone();
        for (int i = 0; i < x.length / 3; i++) x[3 * i + b] += e * x0[3 * i + a];
        Cell c = new Cell(h);
        return eng.compute(x, c, new double[x.length]);
    }

    @Test
    void threadsGiveTheSameForces() {
        Structure s = TestCells.antiperovskite(1, 3, 5, 0.1);
        ForceField ff = TestCells.model();
        Topology top = Topology.build(ff, s);
        Cell cell = new Cell(s.lattice());
        double[] x = s.positions(), f1 = new double[x.length], f2 = new double[x.length];
        double e1, e2;
        try (ForceEngine a = new ForceEngine(top, cell, ForceEngine.Options.defaults());
             ForceEngine b = new ForceEngine(top, cell, ForceEngine.Options.defaults().withThreads(3))) {
            e1 = a.compute(x, cell, f1);
            e2 = b.compute(x, cell, f2);
        }
        assertThat(e2).isCloseTo(e1, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(e1)));
        for (int k = 0; k < x.length; k++) assertThat(f2[k]).isCloseTo(f1[k], org.assertj.core.data.Offset.offset(1e-9));
    }
}
