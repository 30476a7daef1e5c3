package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.SplineJson;

/**
 * Quartic bonded terms ({@code fit-ff --fit-bonded --bonded-order 4}): the synthetic set of {@link Uf3RecoveryTest}
 * relabelled by the same model with Morse-like bonds (K ×1.1, r0 + 0.01 Å, K3 −15 eV/Å³, K4 +23 eV/Å⁴: the BH4 values
 * a fit to the DFT data gives) and anharmonic angles (θ0 − 1°, K3 −0.4, K4 −0.15 eV/rad^n), fitted from the unchanged
 * (harmonic) model. The energy is exactly a quartic polynomial in (r − r_ref), re-expanded exactly about the fitted
 * minimum, so K, K3, K4 must come back to 1e-3 relative, r0 to 1e-5 Å and θ0 to 1e-3°, and the written model must
 * reproduce the labels' forces (1e-3 eV/Å) and absolute energy (1e-5 eV/atom: the P(u0) constant put back into the
 * centre's atom energy). Control: the harmonic fit of the same data (order 2) is left with a test force RMSE more
 * than 100 times larger.
 */
class Uf3QuarticBondedRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void recoversQuarticBondsAndAngles() throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(5, 8, 24);
        ObjectNode changed = data.truthJson.deepCopy();
        for (var b : changed.withArray("bonds")) {
            ((ObjectNode) b).put("K", b.get("K").asDouble() * 1.1).put("r0", b.get("r0").asDouble() + 0.01).put("K3", -15.0).put("K4", 23.0);
        }
        for (var a : changed.withArray("angles")) ((ObjectNode) a).put("theta0_deg", a.get("theta0_deg").asDouble() - 1).put("K3", -0.4).put("K4", -0.15);
        ForceField truth = SplineJson.load(changed, "quartic-bonds");
        Path file = data.writeWithTruth(tmp, "quartic.extxyz", data.relabelledBy(truth));
        Path base = tmp.resolve("truth.json");
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2).withFitBonded(true);
        PrintStream log = new PrintStream(System.err, true);
        Uf3Fitter.Result r = new Uf3Fitter(opt.withBondedOrder(4), log).fit(Uf3Dataset.read(List.of(file)));
        Uf3Fitter.Result harmonic = new Uf3Fitter(opt, log).fit(Uf3Dataset.read(List.of(file)));

        double worstK = 0, worstR = 0, worstT = 0;
        for (String kind : List.of("bonds", "angles")) {
            for (int t = 0; t < changed.withArray(kind).size(); t++) {
                var want = changed.withArray(kind).get(t);
                var got = r.model().withArray(kind).get(t);
                for (String k : List.of("K", "K3", "K4")) worstK = Math.max(worstK, Math.abs(got.get(k).asDouble() / want.get(k).asDouble() - 1));
                if (kind.equals("bonds")) worstR = Math.max(worstR, Math.abs(got.get("r0").asDouble() - want.get("r0").asDouble()));
                else worstT = Math.max(worstT, Math.abs(got.get("theta0_deg").asDouble() - want.get("theta0_deg").asDouble()));
            }
        }
        double fQuartic = Uf3Solver.rmse(r.test(), r.coefficients())[1], fHarmonic = Uf3Solver.rmse(harmonic.test(), harmonic.coefficients())[1];
        var cmp = DftComparison.evaluate(r.fittedModel(), Uf3Dataset.read(List.of(file)).get(0));
        double worstF = 0;
        for (int k = 0; k < cmp.dftForces().length; k++) worstF = Math.max(worstF, Math.abs(cmp.dftForces()[k] - cmp.modelForces()[k]));
        double perAtom = Math.abs(cmp.modelEnergyEv() - cmp.dftEnergyEv()) / cmp.atoms();
        System.out.printf("quartic bonded recovery: K/K3/K4 worst relative %.3g, r0 %.3g Å, θ0 %.3g°; test F %.3g eV/Å (harmonic fit %.3g);"
                + " written model: max|ΔF| %.3g eV/Å, |ΔE| %.3g eV/atom%n", worstK, worstR, worstT, fQuartic, fHarmonic, worstF, perAtom);
        assertThat(worstK).isLessThan(1e-3);
        assertThat(worstR).isLessThan(1e-5);
        assertThat(worstT).isLessThan(1e-3);
        assertThat(worstF).isLessThan(1e-3);
        assertThat(perAtom).isLessThan(1e-5);
        assertThat(fHarmonic).as("control: a harmonic fit cannot reproduce quartic data").isGreaterThan(100 * Math.max(fQuartic, 1e-6));
        assertThat(r.model().path("fit").path("bonded_order").asInt()).isEqualTo(4);
    }

    /**
     * {@code --bonded-order 4 --angle-order 2}: data from quartic bonds and harmonic angles (θ0 − 1°, K × 0.9) come back
     * with the bonds' K3, K4 to 1e-3 relative and the angles' K3 = K4 = 0 exactly (their columns stay empty), K to 1e-3
     * and θ0 to 1e-3°; the model records {@code fit.angle_order} 2.
     */
    @Test
    void quarticBondsWithHarmonicAngles() throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(7, 8, 24);
        ObjectNode changed = data.truthJson.deepCopy();
        for (var b : changed.withArray("bonds")) {
            ((ObjectNode) b).put("K", b.get("K").asDouble() * 1.1).put("r0", b.get("r0").asDouble() + 0.01).put("K3", -15.0).put("K4", 23.0);
        }
        for (var a : changed.withArray("angles")) ((ObjectNode) a).put("theta0_deg", a.get("theta0_deg").asDouble() - 1).put("K", a.get("K").asDouble() * 0.9);
        ForceField truth = SplineJson.load(changed, "quartic-bonds-harmonic-angles");
        Path file = data.writeWithTruth(tmp, "mixed.extxyz", data.relabelledBy(truth));
        Path base = tmp.resolve("truth.json");
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2).withFitBonded(true).withBondedOrder(4);
        PrintStream log = new PrintStream(System.err, true);
        Uf3Fitter.Result r = new Uf3Fitter(opt.withAngleOrder(2), log).fit(Uf3Dataset.read(List.of(file)));

        double worstBond = 0, worstAngleK = 0, worstT = 0;
        for (int t = 0; t < changed.withArray("bonds").size(); t++) {
            var want = changed.withArray("bonds").get(t);
            var got = r.model().withArray("bonds").get(t);
            for (String k : List.of("K", "K3", "K4")) worstBond = Math.max(worstBond, Math.abs(got.get(k).asDouble() / want.get(k).asDouble() - 1));
        }
        for (int t = 0; t < changed.withArray("angles").size(); t++) {
            var want = changed.withArray("angles").get(t);
            var got = r.model().withArray("angles").get(t);
            assertThat(got.path("K3").asDouble(0)).as("angle K3").isZero();
            assertThat(got.path("K4").asDouble(0)).as("angle K4").isZero();
            worstAngleK = Math.max(worstAngleK, Math.abs(got.get("K").asDouble() / want.get("K").asDouble() - 1));
            worstT = Math.max(worstT, Math.abs(got.get("theta0_deg").asDouble() - want.get("theta0_deg").asDouble()));
        }
        System.out.printf("quartic bonds, harmonic angles: bond K/K3/K4 worst relative %.3g; angle K %.3g, θ0 %.3g°%n", worstBond, worstAngleK, worstT);
        assertThat(worstBond).isLessThan(1e-3);
        assertThat(worstAngleK).isLessThan(1e-3);
        assertThat(worstT).isLessThan(1e-3);
        assertThat(r.model().path("fit").path("angle_order").asInt()).isEqualTo(2);
        assertThat(r.model().path("fit").path("bonded_order").asInt()).isEqualTo(4);
    }
}
