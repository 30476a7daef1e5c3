package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code fit-ff --relative-energy-weight}: on the synthetic set of {@link Uf3RecoveryTest}, every force carries
 * Gaussian noise (0.3 eV/Å, the size of the DFT model's force errors) and every absolute energy 5 meV/atom of noise,
 * while the random Na8O4 cells, grouped three to a group as a scan's points, keep exact energy differences and are
 * fitted as relative-energy groups. The fit's compromise then spends those exact differences: at weight 100 their
 * RMSE must fall at least three times below the one at weight 1 (the noise floor of the rest no longer outvotes them;
 * measured in the class's output). Weight 1 must be the plain fit itself (coefficients identical to 1e-12 relative),
 * so the option changes nothing unless asked. With candidates 1 and 100 under cross-validation the score adds the
 * held-out relative-energy RMSE and the model records the weight it chose.
 */
class Uf3RelativeWeightTest {
    @TempDir
    Path tmp;

    @Test
    void aLargerWeightReproducesTheRelativeGroupsAndWeightOneIsThePlainFit() throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(5, 8, 24);
        SplittableRandom rnd = new SplittableRandom(17);
        List<LabelledXyz.Labelled> frames = new ArrayList<>();
        int k = 0;
        for (var f : data.frames) {
            double[] fo = f.forcesEvPerA().clone();
            for (int q = 0; q < fo.length; q++) fo[q] += 0.3 * gaussian(rnd);
            Map<String, String> info = new LinkedHashMap<>(f.info());
            double e = f.energyEv();
            if (info.get("config_type").startsWith("random")) info.put("source", "scan-like-" + (k++ / 3) + "#" + k);
            else e += 0.005 * f.structure().size() * gaussian(rnd);
            frames.add(new LabelledXyz.Labelled(f.structure(), e, fo, f.stressEvPerA3(), f.charges(), info));
        }
        Path file = tmp.resolve("noisy.extxyz");
        LabelledXyz.write(file, frames);
        Path base = tmp.resolve("truth.json");
        Files.writeString(base, data.truthJson.toPrettyString());
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2).withRelativeEnergy("random-*");
        PrintStream log = new PrintStream(System.err, true);
        var read = Uf3Dataset.read(List.of(file));
        Uf3Fitter.Result plain = new Uf3Fitter(opt, log).fit(read);
        Uf3Fitter.Result one = new Uf3Fitter(opt.withRelativeWeights(1), log).fit(read);
        Uf3Fitter.Result heavy = new Uf3Fitter(opt.withRelativeWeights(100), log).fit(read);
        for (int c = 0; c < plain.coefficients().length; c++) {
            assertThat(one.coefficients()[c]).isCloseTo(plain.coefficients()[c],
                    org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(plain.coefficients()[c]))));
        }
        double r1 = Uf3Solver.rmse(plain.train(), plain.coefficients())[3], r100 = Uf3Solver.rmse(heavy.train(), heavy.coefficients())[3];
        double f1 = Uf3Solver.rmse(plain.train(), plain.coefficients())[1], f100 = Uf3Solver.rmse(heavy.train(), heavy.coefficients())[1];
        System.out.printf("relative-energy weight: relative E RMSE %.3g eV/atom at weight 1, %.3g at 100; F RMSE %.4f and %.4f eV/Å (noise 0.3)%n",
                r1, r100, f1, f100);
        assertThat(r100).isLessThan(r1 / 3);
        assertThat(heavy.model().path("fit").path("relative_energy_weight").asDouble()).isEqualTo(100);

        Uf3Fitter.Result chosen = new Uf3Fitter(opt.withRelativeWeights(1, 100).withCrossValidation(4), log).fit(read);
        double w = chosen.model().path("fit").path("relative_energy_weight").asDouble();
        System.out.printf("relative-energy weight chosen by 4-fold cross-validation among {1, 100}: %g%n", w);
        assertThat(w).isIn(1.0, 100.0);
        assertThat(chosen.cvRmse()).hasSize(4);
        assertThat(chosen.cvRmse()[3]).as("held-out relative-energy RMSE is scored").isFinite();
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
