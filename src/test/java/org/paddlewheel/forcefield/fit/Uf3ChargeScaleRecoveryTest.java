package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.SplineJson;
import org.paddlewheel.forcefield.SplinePair;
import org.paddlewheel.io.LabelledXyz;

/**
 * The fitted charge scale ({@code fit-ff --fit-charge-scale}): the synthetic set of {@link Uf3RecoveryTest}
 * is relabelled by the same spline model with every charge multiplied by s = 0.8, and fitted from the
 * truth's unscaled charges. Every Ewald term is exactly quadratic in a common charge factor, so the
 * model with t = s² as one more column is representable up to the Ewald sum's own error: its
 * splitting parameter and k-space cut-off are chosen for a relative accuracy of 1e-5 from the
 * charges, so the labels (scaled charges) and the design (base charges) carry different 1e-5-level
 * truncation errors. s must come back to 1e-4 (measured 7.8e-6), the Na/O coefficients to
 * 1e-3 eV (measured 2.0e-4) and the test-set force RMSE below 1e-3 eV/Å (measured 3.7e-5); with exact electrostatics the only bias would be the smallest grid penalty's
 * ({@link Uf3RecoveryTest}: 1e-5 eV). The control fits the same data
 * with the charges held at 1.0: its test-set force RMSE (measured 0.094 eV/Å) must be far above the scaled fit's (the
 * 36 % error in the Coulomb energy that fixed charges leave reaches beyond the 5 Å cut-off and cannot
 * be absorbed by the splines), which shows the check can fail.
 */
class Uf3ChargeScaleRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void recoversAChargeScaleAndTheSplines() throws Exception {
        double sTrue = 0.8;
        Uf3SyntheticData data = new Uf3SyntheticData(5, 8, 24);
        ObjectNode scaled = data.truthJson.deepCopy();
        for (var sp : scaled.withArray("species")) ((ObjectNode) sp).put("charge", sp.get("charge").asDouble() * sTrue);
        ForceField scaledTruth = SplineJson.load(scaled, "scaled-truth");
        List<LabelledXyz.Labelled> relabelled = new ArrayList<>();
        for (var f : data.frames) {
            relabelled.add(Uf3SyntheticData.label(scaledTruth, f.structure(), f.info().get("source"), f.info().get("config_type")));
        }
        Path file = tmp.resolve("scaled.extxyz");
        LabelledXyz.write(file, relabelled);
        Path base = tmp.resolve("truth.json");
        Files.writeString(base, data.truthJson.toPrettyString());
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2);
        PrintStream log = new PrintStream(System.err, true);
        Uf3Fitter.Result r = new Uf3Fitter(opt.withChargeScale(true), log).fit(Uf3Dataset.read(List.of(file)));
        Uf3Fitter.Result fixed = new Uf3Fitter(opt, log).fit(Uf3Dataset.read(List.of(file)));

        double worst = 0;
        List<SplinePair> truth = data.truth.splinePairs();
        for (int p = 0; p < truth.size(); p++) {
            boolean naO = data.truth.species().get(truth.get(p).a()).molecule() == null
                    && data.truth.species().get(truth.get(p).b()).molecule() == null;
            if (!naO) continue;
            double[] a = truth.get(p).coefficients(), b = r.fitted().get(p).coefficients();
            for (int k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]));
        }
        double[] test = Uf3Solver.rmse(r.test(), r.coefficients());
        double[] testFixed = Uf3Solver.rmse(fixed.test(), fixed.coefficients());
        System.out.printf("charge scale: fitted s %.8f (true %.2f); Na/O coefficients worst error %.3g eV; test F RMSE %.3g eV/Å"
                + " (charges held at 1: %.3g eV/Å)%n", r.chargeScale(), sTrue, worst, test[1], testFixed[1]);
        assertThat(r.chargeScaleFitted()).isTrue();
        assertThat(r.chargeScale()).isCloseTo(sTrue, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(worst).isLessThan(1e-3);
        assertThat(test[1]).isLessThan(1e-3);
        assertThat(testFixed[1]).as("control: fixed charges cannot fit scaled-charge data").isGreaterThan(100 * Math.max(test[1], 1e-6));
        double qNa = r.model().withArray("species").get(0).get("charge").asDouble();
        double qNa0 = data.truthJson.withArray("species").get(0).get("charge").asDouble();
        assertThat(qNa).isCloseTo(r.chargeScale() * qNa0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fixed.chargeScaleFitted()).isFalse();
        assertThat(fixed.chargeScale()).isEqualTo(1.0);
    }
}
