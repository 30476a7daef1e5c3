package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit-ff --score-group}: the validation score's extra term is the out-of-fold error of exactly the configurations the
 * glob names. On the synthetic set of {@link Uf3RecoveryTest} with Gaussian force noise of 0.2 eV/Å on the x = 1 frames
 * and 0.02 eV/Å on the rest, {@code --score-group 'x1*'} must record a held-out force RMSE for the group that (a) pools back,
 * weighted by force components, from the per-group out-of-fold RMSEs of the x = 1 groups alone (1e-9 relative: the same
 * sums regrouped; a term that counted the other groups would come out near the pooled RMSE instead), and (b) sits at the
 * group's noise, within [0.15, 0.3] eV/Å (a model cannot predict noise it never saw; 0.02 eV/Å elsewhere keeps the pooled
 * value well below 0.15). Without the option the model records no score group.
 *
 * <p>{@code --force-weight-of}: a factor of 1 on the force block is the plain fit (coefficients equal to 1e-9 relative: the same
 * normal equations summed in two blocks: the same hyper-parameters chosen and the
 * held-out test RMSEs equal to 1e-7 relative (the energies are exact, their RMSE of 2e-6 eV/atom is round-off itself,
 * hence an absolute floor of 1e-9); the coefficients themselves differ by ~1e-6 relative at a ridge of 1e-8, the
 * summation order meeting an ill-conditioned system, while what they predict does not). With forces of the random Na2O cells corrupted (1 eV/Å noise, the x cells exact) and
 * {@code --score-group 'x*'}, the validation must choose the smallest factor offered on {@code random-*} (0.01 of {0.01, 1}),
 * and the x frames' held-out force RMSE it records must then be below the plain fit's (noise that counts less teaches less).
 */
class Uf3ScoreGroupTest {
    @TempDir
    Path tmp;

    @Test
    void theScoreGroupTermIsTheHeldOutErrorOfTheNamedConfigurationsOnly() throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(7, 6, 18);
        Path file = data.writeWithTruth(tmp, "noisy.extxyz", data.withForceNoise(5, type -> type.startsWith("x1") ? 0.2 : 0.02));
        Path base = tmp.resolve("truth.json");
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2).withCrossValidation(5);
        PrintStream log = new PrintStream(System.err, true);
        List<Uf3Dataset.Frame> frames = Uf3Dataset.read(List.of(file));

        Uf3Fitter.Result plain = new Uf3Fitter(opt, log).fit(frames);
        assertThat(plain.model().path("fit").has("score_group")).isFalse();
        assertThat(plain.cvRmse()[6]).isNaN();

        Uf3Fitter.Result r = new Uf3Fitter(opt.withScoreGroup("x1*"), log).fit(frames);
        var fit = r.model().path("fit");
        assertThat(fit.path("score_group").asText()).isEqualTo("x1*");
        double group = fit.path("score_group_validation_force_rmse_eV_per_A").asDouble();
        java.util.Set<String> x1Groups = r.train().stream().filter(x -> x.configType().startsWith("x1")).map(Uf3Design.Rows::group)
                .collect(Collectors.toSet());
        assertThat(x1Groups).isNotEmpty();
        double sum = 0;
        long n = 0;
        for (var g : fit.path("cross_validation_groups")) {
            String name = g.path("group").asText();
            if (!x1Groups.contains(name)) continue;
            long comps = r.train().stream().filter(x -> x.group().equals(name)).mapToLong(x -> x.forceRows().length).sum();
            sum += comps * Math.pow(g.path("force_rmse_eV_per_A").asDouble(), 2);
            n += comps;
        }
        System.out.printf("score group x1*: held-out F RMSE %.4f eV/Å (noise 0.2), pooled %.4f eV/Å%n", group, r.cvRmse()[1]);
        assertThat(group).isCloseTo(Math.sqrt(sum / n), Offset.offset(1e-9 * group));
        assertThat(group).isBetween(0.15, 0.3);
        assertThat(r.cvRmse()[1]).isLessThan(0.15);
    }

    @Test
    void theForceWeightOfACorruptedBlockIsChosenSmall() throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(9, 6, 18);
        Path file = data.writeWithTruth(tmp, "corrupted.extxyz", data.withForceNoise(3, type -> type.startsWith("random") ? 1.0 : 0));
        Path base = tmp.resolve("truth.json");
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2).withCrossValidation(5).withScoreGroup("x*");
        PrintStream log = new PrintStream(System.err, true);
        List<Uf3Dataset.Frame> frames = Uf3Dataset.read(List.of(file));

        Uf3Fitter.Result plain = new Uf3Fitter(opt, log).fit(frames);
        Uf3Fitter.Result one = new Uf3Fitter(opt.withForceWeightGrid(Uf3FitOptions.WeightGrid.force("random-*", new double[] {1})), log).fit(frames);
        assertThat(one.hyper()).isEqualTo(plain.hyper());
        double[] e1 = Uf3Solver.rmse(one.test(), one.coefficients()), e0 = Uf3Solver.rmse(plain.test(), plain.coefficients());
        for (int q = 0; q < 3; q++) assertThat(e1[q]).isCloseTo(e0[q], Offset.offset(1e-7 * e0[q] + 1e-9));

        Uf3Fitter.Result r = new Uf3Fitter(opt.withForceWeightGrid(Uf3FitOptions.WeightGrid.force("random-*", new double[] {0.01, 1})), log)
                .fit(frames);
        var fit = r.model().path("fit");
        assertThat(fit.path("force_weight_of").path("random-*").asDouble()).isEqualTo(0.01);
        double chosen = fit.path("score_group_validation_force_rmse_eV_per_A").asDouble(),
                unweighted = plain.model().path("fit").path("score_group_validation_force_rmse_eV_per_A").asDouble();
        System.out.printf("force-weight-of random-*: x frames held-out F RMSE %.3e eV/Å at 0.01, %.3e eV/Å plain%n", chosen, unweighted);
        assertThat(chosen).isLessThan(unweighted);
    }

    @Test
    void aBlankGlobIsRefused() {
        assertThatThrownBy(() -> Uf3FitOptions.defaults().withScoreGroup(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--score-group");
    }
}
