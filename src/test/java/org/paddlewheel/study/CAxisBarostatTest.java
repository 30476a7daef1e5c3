package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.md.LangevinThermostat;
import org.paddlewheel.md.MaxwellBoltzmann;
import org.paddlewheel.md.MdState;
import org.paddlewheel.md.Rng;
import org.paddlewheel.md.StochasticCellRescaling;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;

/**
 * The c-axis stochastic cell rescaling ({@code --ensemble npt-c}) on Lennard-Jones argon at T* = 0.4
 * (48 K), started with the cross-section squeezed by 2 % and c stretched by 2 %: the barostat must
 * leave a and b untouched (to the last bit), move c, and bring the normal stress P_cc to the target
 * (0.05 GPa) while the lateral stress stays far above it. The same run with the isotropic pressure in
 * place of P_cc would stop at ⟨P⟩ = P0 with P_cc well below it, so the test tells them apart.
 * Tolerance: 3 standard errors of block averages (10 blocks of 2 ps) plus 0.01 GPa.
 */
class CAxisBarostatTest {
    @Test
    void normalStressReachesTheTargetAtFixedCrossSection() {
        Structure base = LennardJonesArgon.fcc(5.34, 4, 4, 6);
        double[][] rows = base.lattice().rows();
        for (int d = 0; d < 3; d++) { rows[0][d] *= 0.98; rows[1][d] *= 0.98; rows[2][d] *= 1.02; }
        Lattice lat = Lattice.fromRows(rows);
        Structure s = base.withLattice(lat).withPositions(lat.toCartesianAll(base.fractionalPositions()), null);
        Topology top = Topology.build(LennardJonesArgon.forceField(), s);
        Cell cell = new Cell(s.lattice());
        double tK = 0.4 * LennardJonesArgon.EPSILON_K, p0 = 0.05, dt = 5;
        boolean[] mobile = new boolean[s.size()];
        java.util.Arrays.fill(mobile, true);
        MdState st = new MdState(s.positions(), top.mass, mobile, cell);
        Rng rng = new Rng(11);
        MaxwellBoltzmann.assign(st, tK, rng, true);
        double[] h0 = cell.h.clone();
        try (ForceEngine engine = new ForceEngine(top, cell, ForceEngine.Options.defaults())) {
            st.computeForces(engine);
            var baro = new StochasticCellRescaling(new LangevinThermostat(dt, tK, 2, top.mass, rng), dt, tK, p0, 0.5, 1000, 10, rng, true);
            for (int k = 0; k < 3000; k++) { st.step++; baro.step(st, engine); }
            int blocks = 10, per = 400;
            double[] pn = new double[blocks], pIso = new double[blocks];
            for (int b = 0; b < blocks; b++) {
                for (int k = 0; k < per; k++) {
                    st.step++;
                    baro.step(st, engine);
                    pn[b] += st.pressureNormalToAb() * Units.EV_PER_A3_TO_GPA / per;
                    pIso[b] += st.pressure() * Units.EV_PER_A3_TO_GPA / per;
                }
            }
            double mean = 0, meanIso = 0;
            for (int b = 0; b < blocks; b++) { mean += pn[b] / blocks; meanIso += pIso[b] / blocks; }
            double var = 0;
            for (double v : pn) var += (v - mean) * (v - mean) / (blocks - 1);
            double se = Math.sqrt(var / blocks);
            System.out.printf("npt-c argon: <P_cc> = %.4f ± %.4f GPa (target %.2f), <P> = %.4f GPa, c %.3f -> %.3f Å%n",
                    mean, se, p0, meanIso, Math.sqrt(h0[6] * h0[6] + h0[7] * h0[7] + h0[8] * h0[8]), st.cell.h[8]);
            for (int k = 0; k < 6; k++) assertThat(st.cell.h[k]).as("a and b untouched").isEqualTo(h0[k]);
            assertThat(Math.abs(st.cell.h[8] / h0[8] - 1)).as("c moved").isGreaterThan(0.005);
            assertThat(Math.abs(mean - p0)).isLessThan(3 * se + 0.01);
            assertThat(meanIso - p0).as("the lateral stress stays high: P_iso is not what was controlled").isGreaterThan(0.03);
        }
    }

    @Test
    void aTiltedCAxisIsRefused() {
        double[] h = {10, 0, 0, 0, 10, 0, 1, 0, 10};
        assertThatThrownBy(() -> StochasticCellRescaling.checkCAxis(h)).hasMessageContaining("npt-c").hasMessageContaining("perpendicular");
    }
}
