package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;
import org.paddlewheel.report.AnalysisReport;

/**
 * A whole cell random-walking (what a thermostat that does not conserve momentum does) is seen
 * through the centre of mass of a non-mobile sublattice: watched and reported when no framework is
 * given, removed from the mobile ions when it is. Synthetic rock-salt-like cell: 8 Na random-walk
 * with D_Na, 8 Cl vibrate about fixed sites, and every atom also carries one common random walk
 * with D_cell (per-frame Gaussian steps; D = σ²/(2Δt) per axis).
 */
class CellDriftTest {
    private static final double DT_FS = 10;
    private static final int FRAMES = 4000;

    private static List<Frame> trajectory(long seed, double sigmaNa, double sigmaCell) {
        SplittableRandom rng = new SplittableRandom(seed);
        Lattice l = Lattice.cubic(10);
        Element[] sp = new Element[16];
        double[] na = new double[24], site = new double[24];
        for (int i = 0; i < 8; i++) {
            sp[i] = Element.NA;
            sp[8 + i] = Element.CL;
            for (int k = 0; k < 3; k++) {
                na[3 * i + k] = 10 * rng.nextDouble();
                site[3 * i + k] = 10 * rng.nextDouble();
            }
        }
        double[] cell = new double[3];
        List<Frame> frames = new ArrayList<>();
        for (int t = 0; t < FRAMES; t++) {
            for (int k = 0; k < 3; k++) cell[k] += sigmaCell * rng.nextGaussian();
            double[] r = new double[48];
            for (int i = 0; i < 8; i++) {
                for (int k = 0; k < 3; k++) {
                    na[3 * i + k] += sigmaNa * rng.nextGaussian();
                    r[3 * i + k] = wrap(na[3 * i + k] + cell[k]);
                    r[24 + 3 * i + k] = wrap(site[3 * i + k] + cell[k] + 0.05 * rng.nextGaussian());
                }
            }
            frames.add(new Frame(Structure.of(l, sp, r), t * DT_FS, t));
        }
        return frames;
    }

    private static double wrap(double x) { return x - 10 * Math.floor(x / 10); }

    private static TrajectoryAnalysis.Config config(Set<Element> framework) {
        return new TrajectoryAnalysis.Config(Set.of(Element.NA), Map.of(Element.NA, 1.0), framework, List.of(),
                null, 500.0, 0.0, 1, DT_FS, 5, Double.NaN, Double.NaN, Double.NaN, 4.0, 250.0, 1000.0, 20, 1, Set.of(), 0.25, 0.3,
                new int[] {1, 1, 1});
    }

    private static TrajectoryAnalysis.Results analyse(List<Frame> frames, Set<Element> framework) {
        return new TrajectoryAnalysis(config(framework)).run(frames.iterator(), null);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void aDriftingCellIsReportedAndRemovedOnRequest(long seed) {
        double sigmaNa = 0.05, sigmaCell = 0.03;                   // Å per 10 fs frame
        double dNa = sigmaNa * sigmaNa / (2 * DT_FS) * 0.1, dCell = sigmaCell * sigmaCell / (2 * DT_FS) * 0.1; // cm²/s
        List<Frame> frames = trajectory(seed, sigmaNa, sigmaCell);

        TrajectoryAnalysis.Results watched = analyse(frames, Set.of());
        TrajectoryAnalysis.Drift d = watched.drift();
        assertThat(d.species()).containsExactly(Element.CL);
        assertThat(d.removed()).isFalse();
        // The Cl centre of mass moves with the cell (+ 0.05 Å vibrations averaged over 8 atoms): D within
        // 4σ of D_cell (4σ: two seeds, block errors from 5 blocks).
        assertThat(Math.abs(d.dCm2PerS() - dCell)).as("seed %d", seed).isLessThan(4 * d.dStdCm2PerS());
        // Not removed: Na's D is the sum of its own and the cell's.
        double dWatched = watched.diffusion().get(Element.NA).dCm2PerS();
        assertThat(dWatched).as("seed %d", seed).isGreaterThan(dNa * 1.1);
        var summary = AnalysisReport.summary(watched, config(Set.of()), "synthetic");
        assertThat(summary.get("drift").get("note").asText()).contains("--framework Cl");

        TrajectoryAnalysis.Results removed = analyse(frames, Set.of(Element.CL));
        assertThat(removed.drift().removed()).isTrue();
        Diffusivity.Result na = removed.diffusion().get(Element.NA);
        assertThat(Math.abs(na.dCm2PerS() - dNa)).as("seed %d", seed).isLessThan(4 * na.dStdCm2PerS());
        assertThat(AnalysisReport.summary(removed, config(Set.of(Element.CL)), "synthetic").get("drift").has("note")).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3})
    void aFixedCellGivesNoNote(long seed) {
        TrajectoryAnalysis.Results r = analyse(trajectory(seed, 0.05, 0.0), Set.of());
        assertThat(r.drift().dCm2PerS()).isLessThan(0.05 * r.diffusion().get(Element.NA).dCm2PerS());
        assertThat(AnalysisReport.summary(r, config(Set.of()), "synthetic").get("drift").has("note")).isFalse();
    }
}
