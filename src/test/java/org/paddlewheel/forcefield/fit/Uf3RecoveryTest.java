package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.forcefield.SplinePair;

/**
 * Refits a synthetic dataset labelled by a known spline model ({@link Uf3SyntheticData}: 24 rattled,
 * scaled, sheared 2x2x2 antiperovskites, x = 0/0.5/1, and 24 random Na8O4 cells; energies, forces
 * and stresses from the engine)
 * through the whole dataset path (extxyz file, hash split, validation grid) and checks that the known
 * coefficients come back. The base model given to the fitter is the truth itself, so its uf3 pairs
 * define the basis and its charges/bonded terms the fixed part; the data are noise-free and the model
 * is exactly representable, so the only error is the bias of the smallest ridge/curvature penalty on
 * the grid (1e-8 against normal-equation entries of order 1–100) and the conditioning of the few
 * basis functions that see only a handful of distances near r_min. Coefficients are compared for the
 * pairs of the molecule-free species (Na–Na, Na–O, O–O), which the random cells sample over the
 * whole [r_min, r_cut]; pairs that occur only in the antiperovskites see one narrow shell of
 * distances (e.g. Na–HB between about 2.3 and 3.0 Å), where five overlapping cubic B-splines carry only a
 * cubic's four degrees of freedom: there the coefficients are not identifiable from any data of
 * that kind (the fitted curve is, and the test-set force RMSE checks it; measured worst coefficient
 * error over all pairs 0.32 eV, seed 5). Tolerances: every compared coefficient within 1e-5 eV (the
 * smallest grid penalties, 1e-8, against normal-equation diagonals of order 1–100 bias a coefficient
 * of ≲ 1 eV by ≲ 1e-6 eV; measured 2.4e-8 eV; the truth's coefficients are 0.03–0.8 eV with a random
 * part of 0.02 eV, so a fit that ignored the data fails by orders of magnitude), test-set force RMSE
 * below 1e-4 eV/Å (measured 4e-6; forces are of order 1 eV/Å) and energy RMSE below 1e-6 eV/atom.
 */
class Uf3RecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void recoversTheCoefficientsOfAKnownModel() throws Exception {
        long seed = 5;
        Uf3SyntheticData data = new Uf3SyntheticData(seed, 8, 24);
        Path file = data.write(tmp.resolve("synthetic.extxyz"));
        Path base = tmp.resolve("truth.json");
        Files.writeString(base, data.truthJson.toPrettyString());
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2);
        Uf3Fitter.Result r = new Uf3Fitter(opt, new PrintStream(System.err, true)).fit(Uf3Dataset.read(List.of(file)));
        assertThat(r.test()).isNotEmpty();
        assertThat(r.validation()).isNotEmpty();
        double worst = 0, worstAll = 0;
        String where = "";
        List<SplinePair> truth = data.truth.splinePairs();
        for (int p = 0; p < truth.size(); p++) {
            double[] a0 = truth.get(p).coefficients(), b0 = r.fitted().get(p).coefficients();
            for (int k = 0; k < a0.length; k++) worstAll = Math.max(worstAll, Math.abs(a0[k] - b0[k]));
            boolean naO = data.truth.species().get(truth.get(p).a()).molecule() == null
                    && data.truth.species().get(truth.get(p).b()).molecule() == null;
            if (!naO) continue;
            double[] a = truth.get(p).coefficients(), b = r.fitted().get(p).coefficients();
            for (int k = 0; k < a.length; k++) {
                if (Math.abs(a[k] - b[k]) > worst) { worst = Math.abs(a[k] - b[k]); where = "pair " + p + " k " + k; }
            }
        }
        double[] test = Uf3Solver.rmse(r.test(), r.coefficients());
        System.out.printf("UF3 recovery: all pairs' worst coefficient error %.3g eV;%n", worstAll);
        System.out.printf("UF3 recovery: Na/O pairs' worst coefficient error %.3g eV (%s); test RMSE E %.3g eV/atom, F %.3g eV/Å, σ %.3g eV/Å³;"
                + " chosen %s%n", worst, where, test[0], test[1], test[2], r.hyper());
        assertThat(worst).as("seed %d, %s", seed, where).isLessThan(1e-5);
        assertThat(test[1]).as("seed %d", seed).isLessThan(1e-4);
        assertThat(test[0]).as("seed %d", seed).isLessThan(1e-6);
    }
}
