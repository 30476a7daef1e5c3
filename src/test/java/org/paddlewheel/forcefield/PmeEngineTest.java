package org.paddlewheel.forcefield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Structure;

/**
 * The engine with PME in place of Ewald's reciprocal sum (same splitting parameter α, mesh from the
 * requested accuracy) gives the same energy, forces and stress as plain Ewald on the sheared
 * x = 0.5 antiperovskite of {@link FiniteDifferenceTest}: both sums approximate the same
 * reciprocal energy to the model's accuracy ε = 1e-5 in LAMMPS's sense (RMS force error ε·k_e/Å²),
 * so their forces may differ by √2 of that.
 */
class PmeEngineTest {
    @Test
    void pmeAgreesWithEwaldWithinTheRequestedAccuracy() {
        Structure s = FiniteDifferenceTest.cell(5);
        ForceField ff = TestCells.model();
        Topology top = Topology.build(ff, s);
        Cell cell = new Cell(s.lattice());
        double[] x = s.positions(), fe = new double[x.length], fp = new double[x.length];
        double ee, ep;
        double[] ve, vp;
        try (ForceEngine e = new ForceEngine(top, cell, ForceEngine.Options.defaults())) {
            ee = e.compute(x, cell, fe);
            ve = e.virial().clone();
        }
        try (ForceEngine p = new ForceEngine(top, cell, ForceEngine.Options.defaults().withKSpace(ForceEngine.KSpace.PME))) {
            assertNotNull(p.pme());
            ep = p.compute(x, cell, fp);
            System.out.println("PME mesh " + java.util.Arrays.toString(p.pme().mesh()));
            vp = p.virial().clone();
        }
        double df = 0, f2 = 0;
        for (int k = 0; k < x.length; k++) { df += (fe[k] - fp[k]) * (fe[k] - fp[k]); f2 += fe[k] * fe[k]; }
        double relForce = Math.sqrt(df / f2);
        System.out.printf("PME vs Ewald: ΔE = %.3e eV of %.3f eV, relative RMS force difference %.2e, RMS %.2e eV/Å of RMS force %.3f eV/Å%n",
                ep - ee, ee, relForce, Math.sqrt(df / x.length), Math.sqrt(f2 / x.length));
        // Accuracy ε in LAMMPS's sense: RMS force error ≤ ε k_e/(1 Å)² for each sum; two independent
        // errors within budget differ by at most √2 of it in RMS (2.0e-4 eV/Å at ε = 1e-5).
        double budget = Math.sqrt(2) * ff.ewaldAccuracy() * org.paddlewheel.model.Units.COULOMB_EV_ANGSTROM;
        assertTrue(Math.sqrt(df / x.length) < budget, "RMS force difference " + Math.sqrt(df / x.length) + " eV/Å above " + budget);
        assertEquals(ee, ep, 1e-5 * Math.abs(ee));
        // Stress within 1 MPa (virial W = σV): under 1 % of the pressure noise of an 80-atom NPT run (~0.3 GPa).
        double tolVirial = 1e-3 / 160.21766 * cell.volume();
        for (int k = 0; k < 6; k++) assertEquals(ve[k], vp[k], tolVirial, "virial " + k);
    }

    /**
     * With two or more threads PME runs on thread 0 while the other threads do the real-space pairs:
     * energy, every force component and the virial equal the one-thread engine's to summation-order
     * rounding (1e-9 relative), for 2 and 3 threads. The last pair thread also runs the bonded terms
     * and half of PME's force gather, handed over within the evaluation: three evaluations in a row
     * (the second and third on moved atoms) check that the hand-over resets per evaluation.
     */
    @Test
    void overlappedPmeEqualsTheSerialEngine() {
        Structure s = FiniteDifferenceTest.cell(7);
        Topology top = Topology.build(TestCells.model(), s);
        Cell cell = new Cell(s.lattice());
        double[] x = s.positions(), f1 = new double[x.length];
        double e1;
        double[] v1;
        try (ForceEngine one = new ForceEngine(top, cell, ForceEngine.Options.defaults().withKSpace(ForceEngine.KSpace.PME))) {
            e1 = one.compute(x, cell, f1);
            v1 = one.virial().clone();
        }
        for (int threads : new int[] {2, 3}) {
            double[] ft = new double[x.length];
            try (ForceEngine many = new ForceEngine(top, cell, ForceEngine.Options.defaults().withKSpace(ForceEngine.KSpace.PME).withThreads(threads))) {
                double[] moved = x.clone();
                for (int k = 0; k < moved.length; k++) moved[k] += 0.01 * Math.sin(k);
                many.compute(x, cell, ft);
                many.compute(moved, cell, ft);
                double et = many.compute(x, cell, ft);
                assertEquals(e1, et, 1e-9 * Math.abs(e1), threads + " threads: energy");
                for (int k = 0; k < x.length; k++) assertEquals(f1[k], ft[k], 1e-9 * (1 + Math.abs(f1[k])), threads + " threads: force " + k);
                for (int k = 0; k < 6; k++) assertEquals(v1[k], many.virial()[k], 1e-9 * (1 + Math.abs(v1[k])), threads + " threads: virial " + k);
            }
        }
    }
}
