package org.paddlewheel.cp2k;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CP2K's grid rule against grids CP2K 2023.1 itself chose. The cells and point counts below were read from
 * the outputs of the dataset's single points (forcefields/dft/, 800 Ry: 2x2x2 x = 1 at 10.1018 Å, x = 0.5 at
 * 9.878 Å, the Na2O 7.849 x 7.849 x 11.100 Å cell, NaBH4's fcc primitive vectors of 8.977 Å); the H2 outputs
 * under src/test/resources/cp2k/ are parsed here directly (4 Å cube at 150 and 1500 Ry). 175 (= 5²·7) is
 * skipped for the x = 0.5 cell while the odd 135 is taken for Na2O, which pins the allowed factors to 2, 3, 5.
 */
class GpwGridTest {
    @Test
    void pointsMatchTheGridsCp2kChose() {
        assertThat(GpwGrid.points(10.1018, 800)).isEqualTo(180);
        assertThat(GpwGrid.points(9.878, 800)).isEqualTo(180);
        assertThat(GpwGrid.points(7.849, 800)).isEqualTo(135);
        assertThat(GpwGrid.points(11.100, 800)).isEqualTo(192);
        assertThat(GpwGrid.points(6.348 * Math.sqrt(2), 800)).isEqualTo(160);
        // x = 1 2x2x2 cells at a = 4.559, 4.70 and 4.841 Å (MD round 1), probed with a one-atom CP2K 2023.1 input of the same cell
        assertThat(GpwGrid.points(9.118, 800)).isEqualTo(160);
        assertThat(GpwGrid.points(9.400, 800)).isEqualTo(160);
        assertThat(GpwGrid.points(9.682, 800)).isEqualTo(180);
    }

    @Test
    void parsedGridsOfStoredOutputsAgreeWithTheRule() {
        Path dir = Path.of("src/test/resources/cp2k");
        double[][] cube = {{4, 0, 0}, {0, 4, 0}, {0, 0, 4}};
        // h2-converged.out: CUTOFF 75 Ha = 150 Ry; h2-killed.out: 750 Ha = 1500 Ry
        assertThat(GpwGrid.read(dir.resolve("h2-converged.out"))).containsExactly(GpwGrid.points(cube, 150));
        assertThat(GpwGrid.read(dir.resolve("h2-killed.out"))).containsExactly(GpwGrid.points(cube, 1500));
        assertThat(GpwGrid.read(dir.resolve("h2-converged.out"))).containsExactly(30, 30, 30);
    }

    @Test
    void effectiveCutoffBrackets() {
        // n ≥ 2⌊x⌋ + 1 > 2x − 1 (x = √E·L/2π), so the Nyquist cut-off (πn/L)² exceeds (√E − π/L)²; the next
        // 2,3,5-smooth number is at most ~12 % above n here, so it stays below 1.3 E
        for (double l = 4.0; l < 14; l += 0.037) {
            int n = GpwGrid.points(l, 800);
            double e = GpwGrid.effectiveCutoffsRy(new double[][] {{l, 0, 0}, {0, l, 0}, {0, 0, l}}, new int[] {n, n, n})[0];
            double floor = Math.pow(Math.sqrt(800) - Math.PI / (l / Cp2kOutput.BOHR_A), 2);
            assertThat(e).isGreaterThan(floor).isLessThan(800 * 1.3);
        }
        // x = 1 at 5.051 Å: 180 points over 19.09 bohr resolve (π·180/19.09)² = 877 Ry, not 800
        double[][] x1 = {{10.1018, 0, 0}, {0, 10.1018, 0}, {0, 0, 10.1018}};
        assertThat(GpwGrid.meanEffectiveCutoffRy(x1, GpwGrid.points(x1, 800))).isCloseTo(877.4, within(0.5));
    }

    @Test
    void frameGridComesFromItsKeyOrItsLevelOfTheory() {
        double[][] x1 = {{10.1018, 0, 0}, {0, 10.1018, 0}, {0, 0, 10.1018}};
        assertThat(GpwGrid.ofFrame(Map.of("cp2k_grid", "160 162 180"), x1)).containsExactly(160, 162, 180);
        assertThat(GpwGrid.ofFrame(Map.of("level_of_theory", "PBE/DZVP-MOLOPT-SR-GTH GTH, GPW 800 Ry (rel 60)"), x1)).containsExactly(180, 180, 180);
        assertThat(GpwGrid.ofFrame(Map.of("config_type", "x"), x1)).isNull();
    }
}
