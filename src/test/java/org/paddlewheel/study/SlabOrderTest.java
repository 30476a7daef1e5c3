package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paddlewheel.build.AntiperovskiteBuilder;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.md.RegionFreeze;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

/**
 * The per-slab order parameter: 1 for a perfect crystal, the Debye–Waller factor exp(−k²σ²) for
 * Gaussian displacements of variance σ² per axis, √(π/(4N)) for random positions; and the region
 * freeze keeps molecules whole.
 */
class SlabOrderTest {
    private static int[] all(Structure s) {
        int[] a = new int[s.size()];
        for (int i = 0; i < a.length; i++) a[i] = i;
        return a;
    }

    @Test
    void perfectFccCrystalIsOneInEverySlab() {
        Structure s = LennardJonesArgon.fcc(5.3, 4, 4, 8);
        SlabOrder o = SlabOrder.of(s, all(s), 0);
        assertThat(o.slabCount()).isEqualTo(16);                 // 16 (002) planes of 32 atoms
        assertThat(o.millerIndices()).extracting(m -> Arrays.toString(m)).containsExactlyInAnyOrder("[8, 0, 0]", "[0, 8, 0]");
        for (double v : o.perSlab(s)) assertThat(v).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void thermalDisplacementsGiveTheDebyeWallerFactor() {
        Structure s = LennardJonesArgon.fcc(5.3, 6, 6, 8);
        SlabOrder o = SlabOrder.of(s, all(s), 4);
        double sigma = 0.15, k = 2 * Math.PI / (5.3 / 2);        // (200) of the conventional cell
        SplittableRandom rnd = new SplittableRandom(3);
        double[] x = s.positions();
        for (int i = 0; i < x.length; i++) x[i] += sigma * gauss(rnd);
        double mean = Arrays.stream(o.perSlab(s.withPositions(x, null))).average().orElseThrow();
        // <exp(i k u_x)> = exp(−k²σ²/2) per component; the k along x feels one component
        assertThat(mean).as("seed 3").isCloseTo(Math.exp(-k * k * sigma * sigma / 2), within(0.03));
    }

    @Test
    void randomPositionsGiveTheRandomWalkLevel() {
        Structure s = LennardJonesArgon.fcc(5.3, 4, 4, 8);
        SlabOrder o = SlabOrder.of(s, all(s), 0);
        SplittableRandom rnd = new SplittableRandom(11);
        double sum = 0;
        int n = 0;
        for (int rep = 0; rep < 40; rep++) {
            double[] f = new double[3 * s.size()];
            for (int i = 0; i < f.length; i++) f[i] = rnd.nextDouble();
            Structure r = Structure.ofFractional(s.lattice(), s.speciesArray(), f);
            for (double v : o.perSlab(r)) if (!Double.isNaN(v)) { sum += v; n++; }
        }
        double expected = SlabOrder.randomLevel(o.sitesPerSlab());
        assertThat(expected).isCloseTo(1 / Math.sqrt(32) * Math.sqrt(Math.PI) / 2, within(1e-12));
        assertThat(sum / n).as("seed 11, %d slab samples", n).isCloseTo(expected, within(0.1 * expected));
    }

    @Test
    void antiperovskiteAnionCentresPickTheInPlane110Vectors() {
        Structure s = new AntiperovskiteBuilder().x(1).supercell(2, 2, 6).seed(1).build().structure();
        Topology top = Topology.build(ForceField.resolve("na-amide-borohydride"), s);
        java.util.List<String> used = new java.util.ArrayList<>();
        int[] sites = TwoPhaseMelting.sites(top, s, java.util.List.of(), used);
        assertThat(used).containsExactlyInAnyOrder("BH4", "NH2");
        SlabOrder o = SlabOrder.of(s, sites, 0);
        // B at the corners, N at the body centres: (100) cancels, (110) adds in phase
        assertThat(o.millerIndices()).extracting(m -> Arrays.toString(m)).containsExactlyInAnyOrder("[2, 2, 0]", "[2, -2, 0]");
        assertThat(o.slabCount()).isEqualTo(6);
        for (double v : o.perSlab(s)) assertThat(v).isCloseTo(1.0, within(1e-9));
        // freezing the lower half moves whole molecules
        boolean[] mobile = RegionFreeze.mobileMask(top, s, f -> o.slabOf(f) < 3);
        int frozenCentres = 0;
        for (int i : sites) if (!mobile[i]) frozenCentres++;
        assertThat(frozenCentres).isEqualTo(sites.length / 2);      // Na vacancies are random, so count the anion centres
        for (Molecule m : top.molecules) for (int i : m.atoms()) assertThat(mobile[i]).isEqualTo(mobile[m.centre()]);
    }

    @Test
    void tooShortACellIsRefused() {
        Structure s = LennardJonesArgon.fcc(5.3, 1, 1, 1);
        assertThatThrownBy(() -> SlabOrder.of(s, all(s), 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sublattice has 4 sites");
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
