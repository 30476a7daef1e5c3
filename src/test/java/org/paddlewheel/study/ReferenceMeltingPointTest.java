package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Units;

/**
 * {@link ReferenceMeltingPoint} and {@link LatentHeat}: the limits of T_ref = T_m (1 + δ/ΔH_m), the second cumulant
 * against the exact Zwanzig average for Gaussian offsets, the convergence flag, and ΔH_m read from two thermo.csv files.
 */
class ReferenceMeltingPointTest {
    @TempDir
    Path tmp;

    private static ReferenceMeltingPoint.Frames frames(double... e) {
        int[] n = new int[e.length];
        java.util.Arrays.fill(n, 80);
        return new ReferenceMeltingPoint.Frames(e, n);
    }

    @Test
    void noShiftLeavesTheMeltingPointAndAShiftOfOneLatentHeatDoublesIt() {
        double dh = 0.020;
        var same = ReferenceMeltingPoint.estimate(500, new double[] {480, 520}, dh, 0, frames(0.003, 0.003), frames(0.003, 0.003));
        assertThat(same.referenceMeltingK()).isCloseTo(500, within(1e-9));
        assertThat(same.referenceBracketK()).containsExactly(480, 520);
        assertThat(same.firstOrderSigma()).isZero();
        assertThat(same.converged()).isTrue();
        // the reference puts the liquid higher by ΔH_m: ΔH_m(1 − T/T_m) + ΔH_m = 0 at T = 2 T_m, the bracket scaled alike
        var up = ReferenceMeltingPoint.estimate(500, new double[] {480, 520}, dh, 0, frames(0.021, 0.021), frames(0.001, 0.001));
        assertThat(up.referenceMeltingK()).isCloseTo(1000, within(1e-9));
        assertThat(up.referenceBracketK()[0]).isCloseTo(960, within(1e-9));
        // a liquid too high by more than ΔH_m in the model: the reference's liquid is stable everywhere (no T_ref)
        var none = ReferenceMeltingPoint.estimate(500, new double[] {500, 500}, dh, 0, frames(-0.025, -0.025), frames(0, 0));
        assertThat(none.referenceMeltingK()).isNaN();
        assertThat(none.notes()).anyMatch(n -> n.contains("below its crystal at every temperature"));
    }

    @Test
    void theSecondCumulantMatchesZwanzigsAverageForGaussianOffsets() {
        // e ~ N(μ, s²) per atom of an N-atom frame: −kT ln⟨exp(−β N e)⟩ / N = μ − β N s² / 2 exactly; the estimator on
        // 20000 frames must reach it to within its sampling error (the variance's relative error is √(2/n) ≈ 1 %)
        double t = 500, beta = 1 / (Units.BOLTZMANN_EV_PER_K * t), mu = 0.010, s = 0.0008;
        int n = 20000, atoms = 80;
        double[] e = new double[n];
        int[] a = new int[n];
        Random rng = new Random(7);
        double sum = 0;
        for (int k = 0; k < n; k++) {
            e[k] = mu + s * rng.nextGaussian();
            a[k] = atoms;
            sum += Math.exp(-beta * atoms * (e[k] - mu));
        }
        double zwanzig = mu - Math.log(sum / n) / (beta * atoms);
        var shift = ReferenceMeltingPoint.shift(new ReferenceMeltingPoint.Frames(e, a), t);
        double exact = mu - 0.5 * beta * atoms * s * s;
        assertThat(shift.meanEvPerAtom() + shift.secondOrderEvPerAtom()).isCloseTo(exact, within(0.02 * 0.5 * beta * atoms * s * s + 3 * s / Math.sqrt(n)));
        assertThat(zwanzig).isCloseTo(exact, within(0.05 * 0.5 * beta * atoms * s * s + 3 * s / Math.sqrt(n)));
        assertThat(shift.fluctuationKt()).isCloseTo(beta * atoms * s, within(0.02 * beta * atoms * s));
    }

    @Test
    void offsetsThatFluctuateByMoreThanKtAreFlaggedAsNotConverged() {
        // 80-atom frames whose model error scatters by 3 meV/atom: 0.24 eV per frame, 5.6 kT at 500 K
        var r = ReferenceMeltingPoint.estimate(500, new double[] {500, 500}, 0.02, 0.002, frames(0.010, 0.016, 0.013),
                frames(0.001, -0.002, 0.002, 0.0));
        assertThat(r.converged()).isFalse();
        assertThat(r.liquid().fluctuationKt()).isGreaterThan(1);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("perturbation not converged"));
        // first order: δ = 13 − 0.25 = 12.75 meV/atom
        assertThat(r.firstOrderEvPerAtom()).isCloseTo(0.01275, within(1e-12));
        assertThat(r.referenceMeltingK()).isCloseTo(500 * (1 + 0.01275 / 0.02), within(1e-9));
        // σ_T from δ's standard error and ΔH_m's, in quadrature
        double sd = r.firstOrderSigma(), expect = Math.hypot(500 / 0.02 * sd, 500 * 0.01275 / 4e-4 * 0.002);
        assertThat(r.referenceSigmaK()).isCloseTo(expect, within(1e-9));
        var one = ReferenceMeltingPoint.estimate(500, new double[] {500, 500}, 0.02, 0, frames(0.01), frames(0.0, 0.001));
        assertThat(one.secondOrderEvPerAtom()).isNaN();
        assertThat(one.notes()).anyMatch(n -> n.contains("one labelled frame"));
        assertThat(one.notes()).noneMatch(n -> n.contains("differ in size"));
        var sizes = ReferenceMeltingPoint.estimate(500, new double[] {500, 500}, 0.02, 0, frames(0.01, 0.011),
                new ReferenceMeltingPoint.Frames(new double[] {0, 0.001}, new int[] {96, 96}));
        assertThat(sizes.notes()).anyMatch(n -> n.contains("differ in size"));
    }

    private Path run(String name, int atoms, double hPerAtom, double noise, double temperature) throws Exception {
        return run(name, atoms, hPerAtom, noise, temperature, 0.01);
    }

    /** A run folder whose enthalpy per atom relaxes linearly (driftPerPs eV/atom per ps) to hPerAtom over its first 10 ps. */
    private Path run(String name, int atoms, double hPerAtom, double noise, double temperature, double driftPerPs) throws Exception {
        Path d = tmp.resolve(name);
        Files.createDirectories(d);
        Files.writeString(d.resolve("trajectory.extxyz"), atoms + "\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3\n");
        StringBuilder b = new StringBuilder("step,time_ps,T_K,Epot_eV,Ekin_eV,Etot_eV,P_GPa,volume_A3\n");
        Random rng = new Random(name.hashCode());
        double v = 1000, pGPa = 0.5, pv = pGPa / Units.EV_PER_A3_TO_GPA * v, ekin = 10;
        for (int k = 0; k <= 200; k++) {
            double t = 0.1 * k;
            // the first half drifts (equilibration), the second is stationary at H per atom
            double drift = t < 10 ? (10 - t) * driftPerPs * atoms : 0;
            double epot = hPerAtom * atoms - ekin - pv + drift + noise * rng.nextGaussian();
            b.append(String.format(Locale.ROOT, "%d,%.1f,%.1f,%.6f,%.6f,%.6f,%.4f,%.3f%n", k, t, temperature, epot, ekin, epot + ekin, pGPa, v));
        }
        Files.writeString(d.resolve("thermo.csv"), b.toString());
        return d;
    }

    @Test
    void latentHeatIsTheEnthalpyDifferencePerAtomOverEachRunsSecondHalf() throws Exception {
        Path liq = run("liq", 270, -301.170, 0, 525), cry = run("cry", 540, -301.195, 0, 525, 0);
        var r = LatentHeat.fromRuns(liq, cry, Double.NaN);
        assertThat(r.latentHeatEvPerAtom()).isCloseTo(0.025, within(1e-9));
        assertThat(r.sigma()).isCloseTo(0, within(1e-9));
        assertThat(r.liquid().atoms()).isEqualTo(270);
        assertThat(r.liquid().samples()).isEqualTo(101);
        // with the drifting first half kept, the enthalpy is biased: the default must not include it
        assertThat(LatentHeat.fromRuns(liq, cry, 0).latentHeatEvPerAtom()).isNotCloseTo(0.025, within(1e-3));
        // noisy runs: the block standard error is of the size of noise/√samples per atom
        Path nl = run("nl", 270, -301.170, 0.5, 525);
        var noisy = LatentHeat.fromRuns(nl, cry, Double.NaN);
        assertThat(noisy.latentHeatEvPerAtom()).isCloseTo(0.025, within(5 * 0.5 / Math.sqrt(101) / 270));
        assertThat(noisy.sigma()).isBetween(0.2 * 0.5 / Math.sqrt(101) / 270, 3 * 0.5 / Math.sqrt(101) / 270);
    }

    @Test
    void aThermoFileWithoutItsColumnsOrSamplesNamesTheFile() throws Exception {
        Path d = run("bad", 80, -300, 0, 500);
        Files.writeString(d.resolve("thermo.csv"), "step,time_ps,T_K,Epot_eV\n0,0.0,500,-1\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatentHeat.run(d, Double.NaN))
                .isInstanceOf(InputException.class).hasMessageContaining("thermo.csv").hasMessageContaining("Ekin_eV");
        Files.writeString(d.resolve("thermo.csv"), "step,time_ps,T_K,Epot_eV,Ekin_eV,Etot_eV,P_GPa,volume_A3\n0,0.0,500,-1,1,0,0,10\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatentHeat.run(d, Double.NaN))
                .isInstanceOf(InputException.class).hasMessageContaining("samples");
    }

    private static ReferenceMeltingPoint.Frames gaussian(Random rng, int n, double mu, double s) {
        double[] e = new double[n];
        for (int k = 0; k < n; k++) e[k] = mu + s * rng.nextGaussian();
        return frames(e);
    }

    @Test
    void spreadFramesPoolTheVarianceAndTheOwnEnsembleSitsBetaNVarHigher() {
        // PBE-ensemble offsets e ~ N(μ_g, s²) in four groups of different means (other samplers, other states), the model's own
        // ensemble tilted by exp(β N e): N(μ + β N s², s²). The pooled s must come back (each group centred on its own mean, so
        // the groups' different means add nothing), the free-energy shift μ + β N s²/2 (Zwanzig, exact for Gaussians) from
        // own mean + second-order term, and the observed own-minus-spread shift must match β N s² (a check that can fail: below)
        double t = 550, beta = 1 / (Units.BOLTZMANN_EV_PER_K * t), mu = 0.002, s = 0.0015;
        int atoms = 80;
        double tilt = beta * atoms * s * s;
        Random rng = new Random(11);
        var own = gaussian(rng, 60, mu + tilt, s);
        List<ReferenceMeltingPoint.Frames> spread = new ArrayList<>();
        for (int g = 0; g < 4; g++) spread.add(gaussian(rng, 100, mu + (g == 0 ? 0 : 0.01 * g), s));
        var shift = ReferenceMeltingPoint.shift(own, spread, t);
        assertThat(shift.varianceFrames()).isEqualTo(460);
        assertThat(shift.spreadFrames()).isEqualTo(400);
        // Var's relative standard error √(2/456) ≈ 6.6 %: sd within 3 × 3.3 %
        assertThat(shift.sdEvPerAtom()).isCloseTo(s, within(0.1 * s));
        // own mean's error s/√60 = 0.19 meV/atom, the second-order term's 6.6 % of 4.1 meV/atom: 3σ of both
        assertThat(shift.meanEvPerAtom() + shift.secondOrderEvPerAtom()).isCloseTo(mu + 0.5 * tilt,
                within(3 * Math.hypot(s / Math.sqrt(60), 0.066 * 0.5 * tilt)));
        // the spread's mean here holds the groups' offsets (+0, +10, +20, +30 meV): compare one group only for the check
        var one = ReferenceMeltingPoint.shift(own, List.of(spread.get(0)), t);
        assertThat(one.samplingShiftObservedEvPerAtom()).isCloseTo(tilt, within(3 * one.samplingShiftSigmaEvPerAtom()));
        assertThat(one.samplingShiftExpectedEvPerAtom()).isCloseTo(tilt, within(0.2 * tilt));
        assertThat(one.samplingShiftConsistent()).isTrue();
        // own frames not tilted (the same ensemble as the spread's) while β N s² = 3.8 meV/atom ≫ the standard error: flagged
        var untilted = ReferenceMeltingPoint.estimate(t, new double[] {t, t}, 0.02, 0, gaussian(rng, 60, mu, s), List.of(gaussian(rng, 100, mu, s)),
                frames(0.001, 0.0012), List.of());
        assertThat(untilted.liquid().samplingShiftConsistent()).isFalse();
        assertThat(untilted.crystal().samplingShiftConsistent()).isNull();
        assertThat(untilted.notes()).anyMatch(n -> n.startsWith("liquid: Var(e) pooled over 160 frames") && n.contains("inconsistent"));
    }

    @Test
    void oneOwnFrameGetsASecondOrderTermFromItsSpreadFrames() {
        // the own phase alone has no variance; with a spread group of known scatter the second-order term exists
        var alone = ReferenceMeltingPoint.shift(frames(0.01), 500);
        assertThat(alone.secondOrderEvPerAtom()).isNaN();
        var pooled = ReferenceMeltingPoint.shift(frames(0.01), List.of(frames(0.001, 0.003)), 500);
        double var = 2 * 0.001 * 0.001 / 1, beta = 1 / (Units.BOLTZMANN_EV_PER_K * 500);
        assertThat(pooled.sdEvPerAtom()).isCloseTo(Math.sqrt(var), within(1e-12));
        assertThat(pooled.secondOrderEvPerAtom()).isCloseTo(-0.5 * beta * 80 * var, within(1e-12));
        assertThat(pooled.sigmaMeanEvPerAtom()).isNaN();
    }
}
