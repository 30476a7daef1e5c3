package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Melting and lattice-drift detection on synthetic sublattices (seed in each test): a vibrating
 * crystal, the same crystal carried along by a rigid drift, a liquid whose centres random-walk, and
 * a cell that swells by 10 %.
 */
class LatticeStabilityTest {
    static final double A = 4.8;
    static final int N = 3;

    /** A simple-cubic N×N×N sublattice of B atoms, cell a·N, displaced by {@code shift} plus Gaussian noise of rms {@code u} per axis. */
    static Structure frame(double a, double[][] offsets, double[] shift, double u, SplittableRandom rng) {
        int n = N * N * N;
        double[] pos = new double[3 * n];
        Element[] sp = new Element[n];
        int k = 0;
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) for (int l = 0; l < N; l++, k++) {
            int[] ijk = {i, j, l};
            for (int d = 0; d < 3; d++) pos[3 * k + d] = a * ijk[d] + offsets[k][d] + shift[d] + u * gauss(rng);
            sp[k] = Element.B;
        }
        return Structure.of(Lattice.cubic(a * N), sp, pos);
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static int[] all() {
        int[] c = new int[N * N * N];
        for (int i = 0; i < c.length; i++) c[i] = i;
        return c;
    }

    static LatticeStability.Result run(double walkStep, double driftPerFrame, double swell, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        LatticeStability s = new LatticeStability(all());
        double[][] off = new double[N * N * N][3];
        int frames = 400;
        for (int f = 0; f < frames; f++) {
            for (double[] o : off) for (int d = 0; d < 3; d++) o[d] += walkStep * gauss(rng);
            double a = A * (1 + swell * f / (frames - 1));
            s.accept(frame(a, off, new double[] {driftPerFrame * f, 0.5 * driftPerFrame * f, 0}, 0.2, rng));
        }
        return s.result();
    }

    @Test
    void aVibratingCrystalIsStable() {
        LatticeStability.Result r = run(0, 0, 0, 11);
        // rms 0.2 Å per axis: δ_L = √3·0.2/4.8 = 0.072, MSD → 2·3·0.04 = 0.24 Å²
        assertThat(r.nearestNeighbourA()).isCloseTo(A, within(0.2));
        assertThat(r.lindemann()).as("seed 11").isCloseTo(0.072, within(0.008));
        assertThat(r.msdA2()).as("seed 11").isCloseTo(0.24, within(0.05));
        assertThat(r.problem()).isNull();
    }

    @Test
    void aRigidDriftOfTheWholeCellIsNotMelting() {
        LatticeStability.Result r = run(0, 0.05, 0, 12);   // 20 Å of drift over the run, crossing the cell
        assertThat(r.problem()).as("seed 12").isNull();
        assertThat(r.lindemann()).isLessThan(0.09);
    }

    @Test
    void randomWalkingCentresAreMolten() {
        LatticeStability.Result r = run(0.15, 0, 0, 13);   // D-like walk: 400 steps of 0.15 Å per axis → rms 3 Å per axis
        assertThat(r.problem()).as("seed 13").contains("molten", "anion centres diffuse");
        assertThat(r.lindemann()).isGreaterThan(0.3);
    }

    @Test
    void aSwellingCellIsLatticeDrift() {
        LatticeStability.Result r = run(0, 0, 0.10, 14);
        assertThat(r.cellDrift()).as("seed 14").isCloseTo(0.09, within(0.01));   // means of the first and last tenth
        assertThat(r.problem()).contains("lattice drift");
    }
}
