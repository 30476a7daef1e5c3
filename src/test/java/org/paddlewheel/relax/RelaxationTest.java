package org.paddlewheel.relax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * FIRE relaxation finds the rock-salt minimum of a Buckingham + Coulomb NaCl model: the relaxed
 * lattice parameter agrees with an independent Brent minimisation of the analytic lattice energy
 * within 2e-4 Å (isotropic and full cell, from a strained, rattled start), and the relaxed energy
 * per formula unit agrees with the analytic one within 1e-4 eV (Ewald accuracy 1e-7).
 */
class RelaxationTest {
    static final double A = 1170.1, RHO = 0.3235;

    private static Structure rattled(double a, long seed, double amp, double shear) {
        Structure s = NaClModel.cell(a);
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = s.positions();
        for (int k = 0; k < x.length; k++) x[k] += amp * (2 * r.nextDouble() - 1);
        double[] h = s.lattice().rowMajor();
        h[1] += shear;
        return s.withPositions(x, null).withLattice(Lattice.fromRowMajor(h));
    }

    @Test
    void isotropicCellFindsAnalyticMinimum() {
        double a0 = NaClModel.minimumA(A, RHO);
        ForceField ff = NaClModel.model(A, RHO);
        long seed = 11;
        Relaxation.Result r = Relaxation.relax(rattled(5.45, seed, 0.05, 0), ff,
                Relaxation.Options.defaults().withCell(Relaxation.CellMode.ISOTROPIC).withFmax(1e-4).withStressTol(1e-4));
        double a = Math.cbrt(r.structure().lattice().volume());
        System.out.printf("NaCl isotropic: a = %.6f Å (analytic %.6f), %d steps, E/fu %.6f (analytic %.6f)%n", a, a0, r.steps(),
                r.energyEv() / 4, NaClModel.energyPerFormulaUnit(a0, A, RHO));
        assertThat(r.converged()).as("seed %d", seed).isTrue();
        assertThat(Math.abs(a - a0)).as("seed %d", seed).isLessThan(2e-4);
        assertThat(Math.abs(r.energyEv() / 4 - NaClModel.energyPerFormulaUnit(a0, A, RHO))).isLessThan(1e-4);
    }

    @Test
    void fullCellRemovesShearAndFindsMinimum() {
        double a0 = NaClModel.minimumA(A, RHO);
        long seed = 12;
        Relaxation.Result r = Relaxation.relax(rattled(6.0, seed, 0.05, 0.15), NaClModel.model(A, RHO),
                Relaxation.Options.defaults().withCell(Relaxation.CellMode.FULL).withFmax(1e-4).withStressTol(1e-4));
        double[] len = r.structure().lattice().lengths(), ang = r.structure().lattice().anglesDeg();
        System.out.printf("NaCl full: a b c = %.6f %.6f %.6f, angles %.4f %.4f %.4f, %d steps%n", len[0], len[1], len[2],
                ang[0], ang[1], ang[2], r.steps());
        assertThat(r.converged()).as("seed %d", seed).isTrue();
        for (int k = 0; k < 3; k++) {
            assertThat(Math.abs(len[k] - a0)).as("seed %d", seed).isLessThan(2e-4);
            assertThat(Math.abs(ang[k] - 90)).as("seed %d", seed).isLessThan(0.01);
        }
    }

    @Test
    void fixedCellRelaxesRattledPositions() {
        double a0 = NaClModel.minimumA(A, RHO);
        Relaxation.Result r = Relaxation.relax(rattled(a0, 13, 0.1, 0), NaClModel.model(A, RHO),
                Relaxation.Options.defaults().withFmax(1e-4));
        assertThat(r.converged()).isTrue();
        assertThat(r.maxForceEvPerA()).isLessThan(1e-4);
        assertThat(r.pressureGPa()).isLessThan(1e-3).isGreaterThan(-1e-3);
    }
}
