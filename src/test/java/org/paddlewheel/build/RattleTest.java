package org.paddlewheel.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.paddlewheel.model.Structure;
import org.paddlewheel.relax.Relaxation;
import org.paddlewheel.forcefield.TestCells;
import org.junit.jupiter.api.Test;

/**
 * {@link Rattle}: bounded, seeded, held coordinates untouched; and the reason it exists. The classical model's
 * FIRE relaxation of the aligned x = 1 2x2x1 cell (doubled along c) keeps its symmetry and stops on a stationary
 * point; relaxed again after a 0.02 Å rattle it ends lower (measured: 0.70 eV per 80 atoms, 950 FIRE steps against
 * 423), and relaxed again without the rattle it stays (1e-3 eV). The bound of 0.05 eV is far above what FIRE's
 * tolerance leaves at one minimum (0.01 eV/Å on 240 coordinates over 0.02 Å: at most 0.05 eV, usually far less),
 * so only a lower basin passes it.
 */
class RattleTest {
    private static Structure cell() {
        return new AntiperovskiteBuilder().x(1).supercell(2, 2, 1).seed(3).orientation(AntiperovskiteBuilder.Orientation.ALIGNED)
                .build().structure();
    }

    @Test
    void displacementsAreBoundedSeededAndSpareHeldCoordinates() {
        Structure s = cell();
        Structure a = Rattle.of(s, 0.02, 7, new int[] {0}, new int[] {1}), b = Rattle.of(s, 0.02, 7, new int[] {0}, new int[] {1});
        Structure c = Rattle.of(s, 0.02, 8, new int[] {0}, new int[] {1});
        double max = 0, diff = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                double d = a.x(i, k) - s.x(i, k);
                max = Math.max(max, Math.abs(d));
                diff = Math.max(diff, Math.abs(c.x(i, k) - a.x(i, k)));
                assertThat(b.x(i, k)).isEqualTo(a.x(i, k));
            }
        }
        assertThat(max).isLessThanOrEqualTo(0.02).isGreaterThan(0.01); // 3 × 40 uniform draws: some exceed half the amplitude
        assertThat(diff).as("another seed, other displacements").isGreaterThan(1e-3);
        for (int k = 0; k < 3; k++) assertThat(a.x(0, k)).isEqualTo(s.x(0, k));
        assertThat(a.x(1, 0)).isEqualTo(s.x(1, 0));
        assertThat(a.x(1, 1)).isNotEqualTo(s.x(1, 1));
        assertThat(Rattle.of(s, 0, 7, null, null).positions()).containsExactly(s.positions());
    }

    @Test
    void aRattledStartLeavesTheSymmetricStationaryPointForALowerMinimum() {
        var model = TestCells.model();
        Relaxation.Options o = Relaxation.Options.defaults().withFmax(0.01).withMaxSteps(20000);
        Structure big = Supercell.of(cell(), 1, 1, 2); // c = 4.7 Å is below twice the cut-off: doubled, as dft compare does
        Relaxation.Result plain = Relaxation.relax(big, model, o);
        Relaxation.Result rattled = Relaxation.relax(Rattle.of(plain.structure(), 0.02, 1, null, null), model, o);
        assertThat(plain.converged()).isTrue();
        assertThat(rattled.converged()).isTrue();
        assertThat(rattled.energyEv()).isLessThan(plain.energyEv() - 0.05);
        assertThat(Relaxation.relax(plain.structure(), model, o).energyEv()).as("without the rattle it stays").isCloseTo(plain.energyEv(), within(1e-3));
    }
}
