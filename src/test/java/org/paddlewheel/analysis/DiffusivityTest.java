package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Units;

class DiffusivityTest {
    static final double STEP_A = 1.0;     // lattice walk step, Å
    static final double DT_FS = 10.0;     // time per step, fs
    /** D = a²/(6Δt) for a simple-cubic lattice walk (one of ±x, ±y, ±z per step). */
    static final double D_TRUE_CM2 = STEP_A * STEP_A / (6 * DT_FS) * Units.A2_PER_FS_TO_CM2_PER_S;

    static final long SEED = 1;

    static SeriesStore walk(long seed, int atoms, int frames) {
        SplittableRandom rnd = new SplittableRandom(seed);
        SeriesStore s = new SeriesStore(3 * atoms, false);
        double[] r = new double[3 * atoms];
        for (int f = 0; f < frames; f++) {
            if (f > 0) {
                for (int i = 0; i < atoms; i++) {
                    int dir = rnd.nextInt(6);
                    r[3 * i + dir / 2] += (dir % 2 == 0 ? STEP_A : -STEP_A);
                }
            }
            s.append(r);
        }
        return s;
    }

    @Test
    void recoversKnownDiffusivityWithinStatedError() {
        Diffusivity.Result r = Diffusivity.analyse(walk(SEED, 32, 5000), 32, DT_FS, 5, Double.NaN, Double.NaN, null);
        assertThat(Math.abs(r.dCm2PerS() - D_TRUE_CM2)).as("D=%g ± %g vs %g (seed %d)", r.dCm2PerS(), r.dStdCm2PerS(), D_TRUE_CM2, SEED)
                .isLessThan(2 * r.dStdCm2PerS());   // 2σ: fails 5 % of seeds by chance; seed 42 fixed
        System.out.printf("D = %.5g ± %.3g cm2/s (true %.5g)%n", r.dCm2PerS(), r.dStdCm2PerS(), D_TRUE_CM2);
        assertThat(r.dStdCm2PerS() / D_TRUE_CM2).isBetween(0.002, 0.2);
        for (int k = 0; k < 3; k++) assertThat(Math.abs(r.axisDCm2PerS()[k] - D_TRUE_CM2)).isLessThan(3 * r.axisDStdCm2PerS()[k]);
    }

    /**
     * Honesty of the 1σ interval: over 200 seeds the fraction of intervals D ± σ holding the true D is
     * 0.683 in expectation; its binomial standard deviation is √(0.683·0.317/200) = 0.033, so we accept
     * 0.683 ± 0.10 (3σ). An under-stated error (e.g. σ/√B without the t factor for B = 5, coverage 0.63,
     * or a naive fit-residual error, coverage ≪ 0.5) fails.
     */
    @Test
    void oneSigmaIntervalsCover68Percent() {
        int seeds = 200, hit = 0, hit2 = 0;
        for (int s = 0; s < seeds; s++) {
            Diffusivity.Result r = Diffusivity.analyse(walk(9000 + s, 16, 1000), 16, DT_FS, 5, Double.NaN, Double.NaN, null);
            double dev = Math.abs(r.dCm2PerS() - D_TRUE_CM2);
            if (dev <= r.dStdCm2PerS()) hit++;
            if (dev <= 2 * r.dStdCm2PerS()) hit2++;
        }
        double cover = hit / (double) seeds;
        System.out.printf("1σ coverage %.3f, 2σ coverage %.3f over %d seeds%n", cover, hit2 / (double) seeds, seeds);
        assertThat(cover).isBetween(0.583, 0.783);
    }

    @Test
    void frozenSpeciesAndDriftRemoval() {
        // Every atom shares a uniform drift of 0.01 Å/fs along x; subtracting the framework COM (the drift) removes it.
        SeriesStore s = walk(5, 16, 2000);
        SeriesStore moved = new SeriesStore(48, false);
        double[][] drift = new double[3][2000];
        double[] row = new double[48];
        for (int f = 0; f < 2000; f++) {
            drift[0][f] = 0.01 * f * DT_FS;
            for (int c = 0; c < 48; c++) row[c] = s.get(c, f) + (c % 3 == 0 ? drift[0][f] : 0);
            moved.append(row);
        }
        Diffusivity.Result plain = Diffusivity.analyse(s, 16, DT_FS, 5, Double.NaN, Double.NaN, null);
        Diffusivity.Result corrected = Diffusivity.analyse(moved, 16, DT_FS, 5, Double.NaN, Double.NaN, drift);
        assertThat(corrected.dCm2PerS()).isCloseTo(plain.dCm2PerS(), org.assertj.core.data.Percentage.withPercentage(1e-6));
        // A frozen species: D = 0 exactly, error 0, no NaN.
        SeriesStore frozen = new SeriesStore(3, false);
        for (int f = 0; f < 100; f++) frozen.append(new double[] {1, 2, 3});
        Diffusivity.Result z = Diffusivity.analyse(frozen, 1, DT_FS, 5, Double.NaN, Double.NaN, null);
        assertThat(z.dCm2PerS()).isEqualTo(0.0, org.assertj.core.data.Offset.offset(1e-18));
        assertThat(z.dStdCm2PerS()).isEqualTo(0.0, org.assertj.core.data.Offset.offset(1e-18));
    }
}
