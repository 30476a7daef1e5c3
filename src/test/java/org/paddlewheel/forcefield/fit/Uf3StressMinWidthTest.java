package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.io.LabelledXyz;

/**
 * {@code fit-ff --stress-min-width L}: configurations whose cell is thinner than L keep their energy and force rows and lose
 * their stress rows (Γ-only DFT stress of thin cells is not converged, {@link Uf3FitOptions#withStressMinWidth}); the others
 * keep all three. On the synthetic set of {@link Uf3RecoveryTest} (cells of several sizes) with L between its smallest and
 * largest widths, the configurations with stress rows must be exactly the wide ones, and L is recorded in the model.
 */
class Uf3StressMinWidthTest {
    @TempDir
    Path tmp;

    @Test
    void thinCellsLoseOnlyTheirStressRows() throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(5, 8, 24);
        Path file = tmp.resolve("set.extxyz");
        LabelledXyz.write(file, data.frames);
        Files.writeString(tmp.resolve("truth.json"), data.truthJson.toPrettyString());
        double lo = Double.MAX_VALUE, hi = 0;
        for (var f : data.frames) {
            double w = new Cell(f.structure().lattice()).minWidth();
            lo = Math.min(lo, w);
            hi = Math.max(hi, w);
        }
        assertThat(hi - lo).as("the set must hold cells of different widths").isGreaterThan(0.5);
        double cut = (lo + hi) / 2;
        var opt = new Uf3FitOptions(tmp.resolve("truth.json").toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2).withStressMinWidth(cut);
        var read = Uf3Dataset.read(List.of(file));
        long wide = read.stream().filter(f -> f.labelled().stressEvPerA3() != null && Uf3Fitter.minWidth(f) >= cut).count();
        long thin = read.stream().filter(f -> f.labelled().stressEvPerA3() != null && Uf3Fitter.minWidth(f) < cut).count();
        assertThat(wide).isPositive();
        assertThat(thin).isPositive();
        Uf3Fitter.Result r = new Uf3Fitter(opt, new PrintStream(System.err, true)).fit(read);
        List<Uf3Design.Rows> all = new java.util.ArrayList<>(r.train());
        all.addAll(r.validation());
        all.addAll(r.test());
        assertThat(all).hasSize(read.size());
        assertThat(all.stream().filter(x -> x.stressRows() != null).count()).isEqualTo(wide);
        assertThat(all.stream().allMatch(x -> x.forceRows().length > 0)).isTrue();
        assertThat(r.model().path("fit").path("stress_min_width_A").asDouble()).isEqualTo(cut);
    }
}
