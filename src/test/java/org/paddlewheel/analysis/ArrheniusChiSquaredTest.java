package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cli.CliRunner;
import org.paddlewheel.model.Units;

/**
 * Weighted Arrhenius fits whose points scatter far beyond their errors (issue 13: Ea ± 0.0003 eV
 * at R² 0.65): σ(Ea) is scaled by √(reduced χ²) and the fit is flagged inconsistent.
 */
class ArrheniusChiSquaredTest {
    private static final double[] T = {300, 320, 340, 360, 380, 400};

    /** σ = 10·exp(−0.3 eV/kT) with 30 % log-normal scatter, seed 11, but errors claimed as 0.1 %. */
    private static double[] scattered() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] y = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            double g = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
            y[i] = 10 * Math.exp(-0.3 / (Units.BOLTZMANN_EV_PER_K * T[i])) * Math.exp(0.3 * g);
        }
        return y;
    }

    @Test
    void understatedErrorsAreScaledToTheScatterAndFlagged() {
        double[] y = scattered(), err = new double[T.length];
        for (int i = 0; i < T.length; i++) err[i] = 1e-3 * y[i];
        Arrhenius.Result w = Arrhenius.fit(T, y, err, Arrhenius.Form.PLAIN);
        Arrhenius.Result ols = Arrhenius.fit(T, y, null, Arrhenius.Form.PLAIN);
        // equal relative errors: the χ²-scaled weighted error is exactly the OLS error
        assertThat(w.reducedChiSquared()).isGreaterThan(1000);
        assertThat(w.activationEnergyErrorEv()).isCloseTo(ols.activationEnergyErrorEv(), within(1e-9 * ols.activationEnergyErrorEv()));
        assertThat(w.activationEnergyErrorEv()).isGreaterThan(0.01);   // not 0.0003-like
        assertThat(w.consistent()).isFalse();
        assertThat(w.warning()).contains("reduced chi2");
    }

    @Test
    void honestErrorsAreNotShrunkAndPassTheTest() {
        double[] y = scattered(), err = new double[T.length];
        for (int i = 0; i < T.length; i++) err[i] = 0.3 * y[i];   // the true scatter
        Arrhenius.Result w = Arrhenius.fit(T, y, err, Arrhenius.Form.PLAIN);
        assertThat(w.consistent()).isTrue();
        assertThat(w.warning()).isNull();
        // the unscaled covariance error: 0.3 / sqrt(Σ (x − x̄)²), x = 1/kT
        double mx = 0, sxx = 0;
        for (double t : T) mx += 1 / (Units.BOLTZMANN_EV_PER_K * t) / T.length;
        for (double t : T) sxx += Math.pow(1 / (Units.BOLTZMANN_EV_PER_K * t) - mx, 2);
        double unscaled = 0.3 / Math.sqrt(sxx);
        assertThat(w.activationEnergyErrorEv()).isCloseTo(unscaled * Math.max(1, Math.sqrt(w.reducedChiSquared())), within(1e-9));
    }

    @Test
    void theCommandWarnsOnStderr(@TempDir Path dir) throws Exception {
        double[] y = scattered();
        StringBuilder sb = new StringBuilder("T_K,sigma,sigma_err\n");
        for (int i = 0; i < T.length; i++) sb.append(T[i]).append(',').append(y[i]).append(',').append(1e-3 * y[i]).append('\n');
        Path f = dir.resolve("s.csv");
        Files.writeString(f, sb);
        CliRunner.Result r = CliRunner.run("arrhenius", f.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning", "scatter more than their errors allow");
        var j = org.paddlewheel.cli.Json.MAPPER.readTree(r.out());
        assertThat(j.get("consistent").asBoolean()).isFalse();
        assertThat(j.get("Ea_std_eV").asDouble()).isGreaterThan(0.01);
    }
}
