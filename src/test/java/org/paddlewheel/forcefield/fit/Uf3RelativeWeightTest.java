package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        Path file = noisyData();
        Path base = tmp.resolve("truth.json");
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
        assertThat(chosen.cvRmse()).hasSize(8);
        assertThat(chosen.cvRmse()[7]).as("no rigid-body rows: their term absent").isNaN();
        assertThat(chosen.cvRmse()[6]).as("no score group: its term absent").isNaN();
        assertThat(chosen.cvRmse()[3]).as("held-out relative-energy RMSE is scored").isFinite();
    }

    /**
     * {@code fit-ff --rigid-body-weight 0,3}: the weights join the cross-validation grid, the score adds the held-out
     * rigid-body RMSE (here the per-ion forces: Na8O4 has no molecules, so the rows repeat the noisy force rows), and the
     * model records the grid and the weight it chose; a single weight is recorded as given, without a grid.
     */
    @Test
    void rigidBodyWeightsJoinTheValidationGrid() throws Exception {
        Path file = noisyData();
        var opt = new Uf3FitOptions(tmp.resolve("truth.json").toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2).withCrossValidation(4);
        PrintStream log = new PrintStream(System.err, true);
        var read = Uf3Dataset.read(List.of(file));
        Uf3Fitter.Result grid = new Uf3Fitter(opt.withRigidBodyWeights(0, 3), log).fit(read);
        var fit = grid.model().path("fit");
        assertThat(fit.path("rigid_body_weights").size()).isEqualTo(2);
        assertThat(fit.path("rigid_body_weight").asDouble()).isIn(0.0, 3.0);
        assertThat(grid.cvRmse()[7]).as("held-out rigid-body RMSE is scored").isFinite().isPositive();
        org.paddlewheel.report.Uf3Report.write(grid, tmp.resolve("report"));
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("report/uf3-fit.json").toFile());
        assertThat(report.path("hyper").path("rigid_body_weight").asDouble()).isEqualTo(fit.path("rigid_body_weight").asDouble());
        var weights = new java.util.TreeSet<Double>();
        for (var c : report.path("candidates")) weights.add(c.path("rigid_body_weight").asDouble());
        assertThat(weights).containsExactly(0.0, 3.0);
        Uf3Fitter.Result one = new Uf3Fitter(opt.withRigidBodyWeight(3), log).fit(read);
        assertThat(one.model().path("fit").path("rigid_body_weight").asDouble()).isEqualTo(3.0);
        assertThat(one.model().path("fit").has("rigid_body_weights")).isFalse();
        Uf3Fitter.Result none = new Uf3Fitter(opt, log).fit(read);
        assertThat(none.model().path("fit").has("rigid_body_weight")).isFalse();
        assertThat(none.cvRmse()[7]).isNaN();
    }

    /**
     * {@code fit-ff --energy-weight-of GLOB=W} multiplies the squared energy error of the matching configurations only:
     * when every relative-energy group matches (random-*), weight 100 on them must be the relative-energy weight 100
     * itself (training RMSEs of energy, force, stress and energy differences equal to 1e-6 relative: the same normal
     * equations, the weight applied to the rows instead of the sum; the coefficients themselves differ by 1e-4 relative
     * at ridge 1e-8, in directions the data hardly fix); a glob no configuration matches must leave the plain fit; and weighting the other configurations' absolute energies instead
     * must not reproduce the relative groups (their RMSE stays above the relative-weight fit's). Bad weights are refused.
     */
    @Test
    void anEnergyWeightOnConfigTypesWeightsOnlyThoseConfigurations() throws Exception {
        Path file = noisyData();
        Path base = tmp.resolve("truth.json");
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2).withRelativeEnergy("random-*");
        PrintStream log = new PrintStream(System.err, true);
        var read = Uf3Dataset.read(List.of(file));
        Uf3Fitter.Result relative = new Uf3Fitter(opt.withRelativeWeights(100), log).fit(read);
        Uf3Fitter.Result byType = new Uf3Fitter(opt.withEnergyWeightOf(Map.of("random-*", 100.0)), log).fit(read);
        Uf3Fitter.Result none = new Uf3Fitter(opt.withEnergyWeightOf(Map.of("no-such-type-*", 100.0)), log).fit(read);
        Uf3Fitter.Result plain = new Uf3Fitter(opt, log).fit(read);
        Uf3Fitter.Result others = new Uf3Fitter(opt.withEnergyWeightOf(Map.of("[!r]*", 100.0)), log).fit(read);
        double[] eRel = Uf3Solver.rmse(relative.train(), relative.coefficients()), eType = Uf3Solver.rmse(byType.train(), byType.coefficients());
        for (int q = 0; q < 4; q++) assertThat(eType[q]).isCloseTo(eRel[q], org.assertj.core.data.Offset.offset(1e-6 * eRel[q]));
        for (int c = 0; c < plain.coefficients().length; c++) {
            assertThat(none.coefficients()[c]).isCloseTo(plain.coefficients()[c],
                    org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(plain.coefficients()[c]))));
        }
        double rRel = Uf3Solver.rmse(relative.train(), relative.coefficients())[3], rOthers = Uf3Solver.rmse(others.train(), others.coefficients())[3];
        System.out.printf("energy weight 100 on random-*: relative E RMSE %.3g eV/atom; on the other configurations: %.3g%n", rRel, rOthers);
        assertThat(rOthers).isGreaterThan(rRel);
        assertThat(byType.model().path("fit").path("energy_weight_of").path("random-*").asDouble()).isEqualTo(100);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> opt.withEnergyWeightOf(Map.of("self-*", -1.0)))
                .hasMessageContaining("--energy-weight-of self-*=-1.0");
    }

    /** The synthetic set with noisy forces and absolute energies, random-* cells grouped three to a scan (truth.json in tmp). */
    private Path noisyData() throws Exception {
        return Uf3EnergyWeightGridTest.noisySet(tmp, 0.0, 0.005);
    }
}
