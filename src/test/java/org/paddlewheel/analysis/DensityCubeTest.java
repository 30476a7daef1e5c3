package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.io.Cube;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

class DensityCubeTest {

    /**
     * An analytic Gaussian blob (σ = 0.8 Å, normalised in Å⁻³) on a 0.1 Å grid of a 10 Å cell written
     * as CUBE (per Bohr³) and read back integrates to 1: the grid sum of a well-resolved Gaussian is
     * exact to ~1e-12 and the 6-digit text format adds ≤ 5e-6 relative per value, so we allow 1e-5.
     */
    @Test
    void gaussianBlobIntegratesToOne(@TempDir Path dir) throws Exception {
        Lattice cell = Lattice.of(new double[] {10, 0, 0}, new double[] {1, 9.5, 0}, new double[] {0, 0, 10});  // monoclinic: voxel volume matters
        int[] n = {100, 95, 100};
        double s = 0.8, norm = Math.pow(2 * Math.PI * s * s, -1.5);
        double[] rho = new double[n[0] * n[1] * n[2]];
        double[] c = cell.toCartesian(new double[] {0.5, 0.5, 0.5}), r = new double[3];
        for (int i = 0; i < n[0]; i++) for (int j = 0; j < n[1]; j++) for (int k = 0; k < n[2]; k++) {
            cell.toCartesian((double) i / n[0], (double) j / n[1], (double) k / n[2], r, 0);
            double d2 = Math.pow(r[0] - c[0], 2) + Math.pow(r[1] - c[1], 2) + Math.pow(r[2] - c[2], 2);
            rho[(i * n[1] + j) * n[2] + k] = norm * Math.exp(-d2 / (2 * s * s));
        }
        Structure atom = Structure.of(cell, new Element[] {Element.NA}, c);
        Path f = dir.resolve("blob.cube");
        Cube.write(f, "blob", cell, n, rho, atom);
        Cube.Data d = Cube.read(f);
        assertThat(d.integral()).isCloseTo(1.0, within(1e-5));
        assertThat(d.gridPoints()).containsExactly(100, 95, 100);
        assertThat(d.cell().volume()).isCloseTo(cell.volume(), within(1e-5 * cell.volume()));  // 6-decimal Bohr voxel vectors
        assertThat(d.atoms().x(0, 1)).isCloseTo(c[1], within(1e-5));
    }

    /** DensityMap of Gaussian-scattered atoms, smoothed, folded 2×2×2, integrates to 1 and peaks at the site. */
    @Test
    void densityMapIsNormalisedAndFolded(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        Lattice cell = Lattice.cubic(8.0);
        DensityMap map = new DensityMap(DensityMap.gridFor(cell, new int[] {2, 2, 2}, 0.2), new int[] {2, 2, 2}, new int[] {0, 1});
        for (int f = 0; f < 2000; f++) {
            double[] p = new double[6];
            for (int k = 0; k < 3; k++) { p[k] = 1.0 + 0.3 * rnd.nextGaussian(); p[3 + k] = 5.0 + 0.3 * rnd.nextGaussian(); }
            map.accept(Structure.of(cell, new Element[] {Element.NA, Element.NA}, p));
        }
        double[] rho = map.density(0.2);
        Path f = dir.resolve("na.cube");
        Cube.write(f, "Na", map.foldedCell(), map.gridPoints(), rho, null);
        Cube.Data d = Cube.read(f);
        assertThat(d.integral()).isCloseTo(1.0, within(1e-5));
        int best = 0;
        for (int i = 0; i < rho.length; i++) if (rho[i] > rho[best]) best = i;
        int[] g = map.gridPoints();
        assertThat(new int[] {best / (g[1] * g[2]), best / g[2] % g[1], best % g[2]}).containsExactly(5, 5, 5);  // 1.0 Å / 0.2 Å
    }
}
