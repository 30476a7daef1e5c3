package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.io.LabelledXyz;

/**
 * {@code fit-ff --energy-weight-of 'GLOB=W1,W2,…'}: the factor on one config_type's energy rows chosen by
 * cross-validation instead of by hand (issue 16: weights chosen by validation). On the synthetic set of
 * {@link Uf3RecoveryTest}, with the random-* cells grouped three to a relative-energy group and every force noisy
 * (0.3 eV/Å), the choice must follow the data: when the random-* differences are exact and the other energies carry
 * 5 meV/atom of noise, weighting them 100 times predicts held-out groups better and must be chosen; when instead the
 * random-* energies carry the noise (20 meV/atom) and the others are exact, weighting them up fits noise and factor 1
 * must be chosen. A one-value grid must be the fixed factor itself (training RMSEs equal to 1e-6 relative: the same
 * sums, accumulated in their own block of the normal equations), and two globs with several factors are refused.
 */
class Uf3EnergyWeightGridTest {
    @TempDir
    Path tmp;

    @Test
    void aOneValueGridIsTheFixedFactor() throws Exception {
        Path file = data(0.0, 0.005);
        var opt = options();
        PrintStream log = new PrintStream(System.err, true);
        var read = Uf3Dataset.read(List.of(file));
        Uf3Fitter.Result fixed = new Uf3Fitter(opt.withEnergyWeightOf(Map.of("random-*", 100.0)), log).fit(read);
        Uf3Fitter.Result grid = new Uf3Fitter(opt.withEnergyWeightGrid(Uf3FitOptions.WeightGrid.energy("random-*", new double[] {100})), log).fit(read);
        double[] a = Uf3Solver.rmse(fixed.train(), fixed.coefficients()), b = Uf3Solver.rmse(grid.train(), grid.coefficients());
        for (int q = 0; q < 4; q++) assertThat(b[q]).isCloseTo(a[q], org.assertj.core.data.Offset.offset(1e-6 * a[q]));
        assertThat(grid.model().path("fit").path("energy_weight_of").path("random-*").asDouble()).isEqualTo(100);
    }

    @Test
    void crossValidationWeightsUpExactDifferencesAndNotNoisyOnes() throws Exception {
        PrintStream log = new PrintStream(System.err, true);
        var grid = Uf3FitOptions.WeightGrid.energy("random-*", new double[] {1, 100});
        var exact = Uf3Dataset.read(List.of(data(0.0, 0.005)));
        Uf3Fitter.Result up = new Uf3Fitter(options().withEnergyWeightGrid(grid).withCrossValidation(4), log).fit(exact);
        var noisy = Uf3Dataset.read(List.of(data(0.020, 0.0)));
        Uf3Fitter.Result down = new Uf3Fitter(options().withEnergyWeightGrid(grid).withCrossValidation(4), log).fit(noisy);
        double wUp = up.model().path("fit").path("energy_weight_of").path("random-*").asDouble();
        double wDown = down.model().path("fit").path("energy_weight_of").path("random-*").asDouble();
        System.out.printf("energy-weight factor chosen among {1, 100}: %g with exact random-* differences (held-out RMSE %.3g eV/atom),"
                + " %g with noisy ones (%.3g)%n", wUp, up.cvRmse()[4], wDown, down.cvRmse()[4]);
        assertThat(wUp).isEqualTo(100);
        assertThat(wDown).isEqualTo(1);
        assertThat(up.model().path("fit").path("energy_weight_of_candidates").path("random-*")).hasSize(2);
        assertThat(up.cvRmse()[4]).as("the block's held-out energies are scored").isFinite();
    }

    /** The coarse grid (27 points) times the two factors: 54 candidates, recorded with the grid's name. */
    @Test
    void theCoarseGridTimesTheFactorsIsWhatIsSearched() throws Exception {
        var grid = Uf3FitOptions.WeightGrid.energy("random-*", new double[] {1, 100});
        Uf3Fitter.Result r = new Uf3Fitter(options().withEnergyWeightGrid(grid).withValidationGrid("coarse"), new PrintStream(System.err, true))
                .fit(Uf3Dataset.read(List.of(data(0.0, 0.005))));
        assertThat(r.candidates()).hasSize(54);
        assertThat(r.model().path("fit").path("validation_grid").asText()).isEqualTo("coarse");
        assertThatThrownBy(() -> options().withValidationGrid("fine")).hasMessageContaining("--validation-grid fine");
    }

    @Test
    void onlyOneGlobMayListSeveralFactors() {
        var opt = options();
        assertThatThrownBy(() -> org.paddlewheel.cli.FitFfCommand.energyWeights(opt, Map.of("a*", "1,10", "b*", "1,10")))
                .hasMessageContaining("only one glob may list several factors");
        assertThatThrownBy(() -> org.paddlewheel.cli.FitFfCommand.energyWeights(opt, Map.of("self-*", "10,x")))
                .hasMessageContaining("--energy-weight-of self-*=10,x");
        var both = org.paddlewheel.cli.FitFfCommand.energyWeights(opt, new LinkedHashMap<>(Map.of("self-*", "10,100")));
        assertThat(both.energyWeightGrid().weights()).containsExactly(10, 100);
        assertThat(both.energyWeightOf("self-x1-3")).isEqualTo(1);
    }

    private Uf3FitOptions options() {
        return new Uf3FitOptions(tmp.resolve("truth.json").toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2).withRelativeEnergy("random-*");
    }

    /**
     * The synthetic set, forces with 0.3 eV/Å noise, random-* cells three to a relative group with {@code relNoise}
     * eV/atom of noise on their energies, the other configurations with {@code absNoise}; writes truth.json beside it.
     */
    private Path data(double relNoise, double absNoise) throws Exception {
        return noisySet(tmp, relNoise, absNoise);
    }

    /** As {@link #data}, in {@code tmp}; also the set of {@link Uf3RelativeWeightTest} (relNoise 0: no draw for random-* energies). */
    static Path noisySet(Path tmp, double relNoise, double absNoise) throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(5, 8, 24);
        SplittableRandom rnd = new SplittableRandom(17);
        List<LabelledXyz.Labelled> frames = new ArrayList<>();
        int k = 0;
        for (var f : data.frames) {
            double[] fo = f.forcesEvPerA().clone();
            for (int q = 0; q < fo.length; q++) fo[q] += 0.3 * Uf3SyntheticData.gaussian(rnd);
            Map<String, String> info = new LinkedHashMap<>(f.info());
            double e = f.energyEv();
            if (info.get("config_type").startsWith("random")) {
                info.put("source", "scan-like-" + (k++ / 3) + "#" + k);
                if (relNoise != 0) e += relNoise * f.structure().size() * Uf3SyntheticData.gaussian(rnd);
            } else {
                e += absNoise * f.structure().size() * Uf3SyntheticData.gaussian(rnd);
            }
            frames.add(new LabelledXyz.Labelled(f.structure(), e, fo, f.stressEvPerA3(), f.charges(), info));
        }
        Path dir = Files.createDirectories(tmp.resolve("set-" + relNoise + "-" + absNoise));
        Path file = dir.resolve("noisy.extxyz");
        LabelledXyz.write(file, frames);
        Files.writeString(tmp.resolve("truth.json"), data.truthJson.toPrettyString());
        return file;
    }
}
