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
 * reciprocal energy to the model's relative accuracy 1e-5, so they may differ by about twice that.
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
            vp = p.virial().clone();
        }
        double df = 0, f2 = 0;
        for (int k = 0; k < x.length; k++) { df += (fe[k] - fp[k]) * (fe[k] - fp[k]); f2 += fe[k] * fe[k]; }
        double relForce = Math.sqrt(df / f2);
        System.out.printf("PME vs Ewald: ΔE = %.3e eV of %.3f eV, relative RMS force difference %.2e%n", ep - ee, ee, relForce);
        assertTrue(relForce < 2e-5, "relative RMS force difference " + relForce);
        assertEquals(ee, ep, 1e-5 * Math.abs(ee));
        for (int k = 0; k < 6; k++) assertEquals(ve[k], vp[k], 2e-5 * Math.abs(ve[0]) + 1e-4, "virial " + k);
    }
}
