package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit-ff --cv-folds}: on the synthetic set of {@link Uf3RecoveryTest} (each frame its own group) every
 * non-test group lands in exactly one of the k folds, the folds differ by at most one group, and the final
 * model's training set is every non-test configuration (train ∪ validation of the hold-out split, the test set
 * untouched), the model records {@code fit.cv_folds}, and {@code dft compare} then counts the validation groups as train.
 * Exact data: the out-of-fold force RMSE must stay below 1e-3 eV/Å (the model is representable and
 * every fold leaves enough data; measured ~1e-5). Data with 0.05 eV/Å Gaussian noise on every force component: the
 * pooled out-of-fold force RMSE cannot be below the final model's in-sample RMSE (it predicts configurations it
 * never saw) and both must sit near the noise, within [0.04, 0.1] eV/Å; a scorer that leaked the held-out fold
 * into its fit would come out below the in-sample value.
 */
class Uf3CrossValidationTest {
    @TempDir
    Path tmp;

    @Test
    void foldsPartitionTheGroupsAndTheFinalFitUsesThemAll() throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(5, 6, 18);
        Path base = tmp.resolve("truth.json");
        Files.writeString(base, data.truthJson.toPrettyString());
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2);
        PrintStream log = new PrintStream(System.err, true);
        List<Uf3Dataset.Frame> frames = Uf3Dataset.read(List.of(data.write(tmp.resolve("exact.extxyz"))));
        Uf3Fitter.Result hold = new Uf3Fitter(opt, log).fit(frames);
        Uf3Fitter.Result cv = new Uf3Fitter(opt.withCrossValidation(4), log).fit(frames);
        assertThat(cv.cvFolds()).isEqualTo(4);
        assertThat(cv.train()).hasSize(hold.train().size() + hold.validation().size());
        assertThat(cv.validation()).isEmpty();
        assertThat(cv.test().stream().map(Uf3Design.Rows::group).toList()).isEqualTo(hold.test().stream().map(Uf3Design.Rows::group).toList());
        assertThat(cv.cvRmse()[1]).isLessThan(1e-3);
        assertThat(cv.model().path("fit").path("cv_folds").asInt()).isEqualTo(4);
        assertThat(hold.model().path("fit").path("cv_folds").asInt()).isZero();
        // dft compare on a cross-validated model: the validation groups were fitted, so no set is called "validation"
        var cmp = DftComparison.compare(cv.fittedModel(), frames, List.of(), true, new PrintStream(java.io.OutputStream.nullOutputStream()));
        assertThat(cmp.bySet()).doesNotContainKey("validation").containsKeys("train", "test");

        CrossValidation folds = CrossValidation.of(hold.train(), hold.validation(), 4, hold.design().columns(), hold.design().elements());
        Map<String, Integer> seen = new HashMap<>();
        int[] groupsPerFold = new int[folds.folds()];
        for (int f = 0; f < folds.folds(); f++) {
            var groups = foldsOf(folds, f);
            groupsPerFold[f] = groups.size();
            for (String g : groups) assertThat(seen.put(g, f)).as("group " + g + " in one fold only").isNull();
        }
        assertThat(seen).hasSize(folds.groups());
        int max = java.util.Arrays.stream(groupsPerFold).max().orElseThrow(), min = java.util.Arrays.stream(groupsPerFold).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @Test
    void outOfFoldErrorIsNotBelowTheInSampleErrorOnNoisyData() throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(7, 6, 18);
        Path file = data.writeWithTruth(tmp, "noisy.extxyz", data.withForceNoise(11, type -> 0.05));
        Path base = tmp.resolve("truth.json");
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2).withCrossValidation(5);
        Uf3Fitter.Result r = new Uf3Fitter(opt, new PrintStream(System.err, true)).fit(Uf3Dataset.read(List.of(file)));
        double inSample = Uf3Solver.rmse(r.train(), r.coefficients())[1], outOfFold = r.cvRmse()[1];
        System.out.printf("cross-validation: out-of-fold F RMSE %.4f eV/Å, in-sample %.4f eV/Å (noise 0.05)%n", outOfFold, inSample);
        assertThat(outOfFold).isGreaterThanOrEqualTo(inSample);
        assertThat(outOfFold).isBetween(0.04, 0.1);
        assertThat(inSample).isBetween(0.04, 0.1);

        // fit.cross_validation_groups: one entry per non-test group, worst first, and the per-group force RMSEs pool back
        // (weighted by force components) to the pooled out-of-fold RMSE the hyper-parameters were chosen by (1e-9 relative:
        // the same sums regrouped)
        var groups = r.model().path("fit").path("cross_validation_groups");
        java.util.Set<String> expected = r.train().stream().map(Uf3Design.Rows::group).collect(Collectors.toSet());
        assertThat(groups.size()).isEqualTo(expected.size());
        double sum = 0;
        long n = 0;
        double prev = Double.POSITIVE_INFINITY;
        for (var g : groups) {
            String name = g.path("group").asText();
            assertThat(expected).contains(name);
            long comps = r.train().stream().filter(x -> x.group().equals(name)).mapToLong(x -> x.forceRows().length).sum();
            sum += comps * Math.pow(g.path("force_rmse_eV_per_A").asDouble(), 2);
            n += comps;
            double e = g.path("energy_rmse_eV_per_atom").asDouble(Double.NEGATIVE_INFINITY);
            assertThat(e).as("worst energy first").isLessThanOrEqualTo(prev);
            prev = e;
        }
        assertThat(Math.sqrt(sum / n)).isCloseTo(outOfFold, org.assertj.core.data.Offset.offset(1e-9 * outOfFold));
    }

    private static List<String> foldsOf(CrossValidation cv, int f) {
        return cv.foldRows(f).stream().map(Uf3Design.Rows::group).distinct().toList();
    }
}
