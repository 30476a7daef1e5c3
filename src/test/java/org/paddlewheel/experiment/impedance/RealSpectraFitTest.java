package org.paddlewheel.experiment.impedance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fits of real instrument exports (impedance.py's example data, MIT) from the automatic start.
 * Deterministic (no random numbers). The regression: exampleDataBioLogic.mpt, a clean depressed arc
 * from Z' ≈ 62 to 111 Ω with a few inductive/noisy points (|Z''| up to 5 Ω, ±3 % of |Z|) above
 * 5 Hz, used to give R1 = 1e-12 Ω, α = 0.3 (bound): the arc search took the first local maximum
 * of the smoothed −Z'' — a noise wiggle at 770 Hz whose raw −Z'' is inductive — and clamped its
 * "resistance" 2·(−Z'') &lt; 0 to 1e-12 Ω; from there the parallel block is a short circuit with
 * no gradient to leave it.
 */
class RealSpectraFitTest {
    private static Spectrum read(String name) throws Exception {
        Path p = Paths.get("src/test/resources/eis", name);
        return SpectrumReader.read(p);
    }

    /** RMS of the modulus-weighted residuals, √(χ²/2N): the typical relative misfit per component. */
    private static double rmsRelative(FitResult r, Spectrum s) {
        return Math.sqrt(r.chiSquared() / (2 * s.size()));
    }

    @Test
    void bioLogicArcIsFoundDespiteNoisyHighFrequencyPoints() throws Exception {
        Spectrum s = read("exampleDataBioLogic.mpt");
        List<double[]> arcs = InitialGuess.peaks(s.sortedByDecreasingFrequency(), 3);
        // one arc only: the noise wiggles above 5 Hz rise < 2 % of |Z| above their surroundings
        assertThat(arcs).hasSize(1);
        assertThat(arcs.get(0)[0]).isBetween(0.3, 0.5);       // file: −Z'' peaks at 0.39 Hz
        assertThat(arcs.get(0)[1]).isBetween(19.0, 22.0);     // 21.5 Ω raw, smoothed over 3 points

        Circuit c = CircuitParser.parse("R0-p(R1,CPE1)");
        double[] guess = InitialGuess.of(c, s);
        FitResult r = ComplexNonlinearLeastSquares.standard().fit(s, c, guess);
        System.out.printf("BioLogic R0-p(R1,CPE1): guess %s -> %s, rms %.4f%n", Arrays.toString(guess), Arrays.toString(r.values()), rmsRelative(r, s));
        // measured: R0 = 63.56 ± 0.28, R1 = 48.20 ± 0.95 Ω, Q = 9.30e-3, α = 0.915 ± 0.019, rms 1.98 %
        assertThat(r.value("R0")).isBetween(60.0, 67.0);       // HF intercept 62–66 Ω
        assertThat(r.value("R1")).isBetween(40.0, 55.0);       // Z' span of the arc 111 − 63 Ω
        assertThat(r.value("CPE1_alpha")).isBetween(0.6, 1.0);
        assertThat(r.atBound()).containsOnly(false);
        assertThat(r.error("R1") / r.value("R1")).isLessThan(0.05);
        // 3 %: the scatter of the high-frequency points alone is about ±3 % of |Z|
        assertThat(rmsRelative(r, s)).isLessThan(0.03);
        // the automatic start is already within 5 % of the fitted arc resistance
        assertThat(guess[1] / r.value("R1")).isBetween(0.95, 1.05);
        assertThat(SpectrumAnalysis.warnings(r, s)).isEmpty();
    }

    /**
     * The automatic start must reach a χ² at least as good as a sensible hand start (read off
     * the Nyquist plot), fitted alone, and a good fit: RMS relative residual below the stated
     * bound (measured value + about 50 %), no parameter collapsed to the 1e-300 floor, no CPE
     * exponent pinned at 0.3, no parameter flagged as undetermined. χ² slack 1e-6 relative (LM tolerances) except where
     * the fit has a flat valley, noted in the row.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
        // file; circuit; hand start; rms bound (measured rms); χ² slack
        "exampleDataBioLogic.mpt; R0-p(R1,CPE1); 60,50,0.01,0.8; 0.03; 1e-6",                                   // 0.0198
        "exampleData.csv; L0-R0-p(R1,CPE1)-p(R2-Wo1,C2); 1e-7,0.015,0.01,1,0.8,0.005,0.05,100,1; 0.015; 1e-2", // 0.0089; Wo τ, Z0 in a flat valley (τ ± 65×): 0.4 % measured
        "Circuit1_EIS_1.z; R0-p(R1,C1); 29,47,1e-5; 0.01; 1e-6",                                               // 0.0054
        "Circuit2_EIS_1.z; R0-p(R1,C1); 145,500,3e-8; 0.01; 1e-6",                                             // 0.0060
        "Circuit3_EIS_1.z; R0-p(R1,C1); 1490,4600,2e-8; 0.01; 1e-6",                                           // 0.0068
        "exampleDataZPlot.z; R0-p(R1,C1); 145,500,3e-8; 0.015; 1e-6",                                          // 0.0096
        "exampleDataVersaStudio.par; R0-p(R1,C1)-p(R2,CPE2); 55,20,1e-6,1400,3e-4,0.8; 0.035; 1e-6",           // 0.0254; small HF arc is a shoulder
        "exampleDataCHInstruments.txt; R0-p(R1,CPE1)-CPE2; 99,100,1e-5,0.8,1e-4,0.8; 0.03; 1e-6",              // 0.0220
        "exampleDataAutolab.txt; L0-R0-p(R1,CPE1)-p(R2,CPE2); 1e-7,0.013,0.015,1,0.7,0.005,10,0.7; 0.025; 1e-6", // 0.0150 (hand: 0.0170)
    })
    void automaticStartFitsRealSpectra(String file, String circuit, String hand, double rmsBound, double slack) throws Exception {
        Spectrum s = read(file);
        Circuit c = CircuitParser.parse(circuit);
        double[] h = Arrays.stream(hand.split(",")).mapToDouble(Double::parseDouble).toArray();
        ComplexNonlinearLeastSquares fitter = ComplexNonlinearLeastSquares.standard();
        FitResult auto = fitter.fit(s, c, InitialGuess.of(c, s));
        FitResult byHand = fitter.fitFrom(s, c, h, null, null, null);
        System.out.printf("%s %s: auto chi2 %.5g rms %.4f %s; hand chi2 %.5g%n", file, circuit, auto.chiSquared(), rmsRelative(auto, s),
                Arrays.toString(auto.values()), byHand.chiSquared());
        assertThat(auto.chiSquared()).isLessThanOrEqualTo(byHand.chiSquared() * (1 + slack));
        assertThat(rmsRelative(auto, s)).isLessThan(rmsBound);
        for (int i = 0; i < c.parameterCount(); i++) {
            assertThat(auto.values()[i]).as(auto.names().get(i)).isGreaterThan(1e-200);
            if (c.isExponent(i)) assertThat(auto.values()[i]).as(auto.names().get(i)).isGreaterThan(ComplexNonlinearLeastSquares.MIN_EXPONENT + 0.01);
        }
        // no parameter left undetermined (an α reaching 1, an ideal capacitor, is only noted:
        // Autolab's CPE1); the flat-valley row's Warburg τ is undetermined and is flagged
        if (slack < 1e-3) assertThat(SpectrumAnalysis.warnings(auto, s)).noneMatch(x -> x.contains("not determined"));
        else assertThat(SpectrumAnalysis.warnings(auto, s)).anyMatch(x -> x.startsWith("Wo1_tau"));
    }

    /** The user's start is the first candidate: near its optimum it is kept, and reported as such. */
    @Test
    void givenStartIsHonoured() throws Exception {
        Spectrum s = read("exampleDataBioLogic.mpt");
        Circuit c = CircuitParser.parse("R0-p(R1,CPE1)");
        FitResult r = ComplexNonlinearLeastSquares.standard().fit(s, c, new double[] {63, 48, 9e-3, 0.9});
        assertThat(r.fromAutomaticStart()).isFalse();
        assertThat(r.value("R1")).isBetween(40.0, 55.0);
    }

    /**
     * The second case: an extra series CPE2 that the spectrum does not need and a poor
     * hand start (CPE1_Q = 1e-4, 100× off: it puts the arc at 120 Hz instead of 0.4 Hz). That
     * start alone ends in a collapsed arc (χ² ≈ 0.53); an automatic start wins (χ² 0.0338, the
     * value of the two-element fit, CPE2 vanishing), and CPE2 is flagged, not reported as a number.
     */
    @Test
    void poorGivenStartLosesToAutomaticAndSpareElementIsFlagged() throws Exception {
        Spectrum s = read("exampleDataBioLogic.mpt");
        Circuit c = CircuitParser.parse("R0-p(R1,CPE1)-CPE2");
        double[] start = {60, 50, 1e-4, 0.8, 1, 0.8};
        ComplexNonlinearLeastSquares fitter = ComplexNonlinearLeastSquares.standard();
        FitResult alone = fitter.fitFrom(s, c, start, null, null, null);
        FitResult r = fitter.fit(s, c, start);
        assertThat(alone.chiSquared()).isGreaterThan(0.1);
        assertThat(r.fromAutomaticStart()).isTrue();
        assertThat(r.chiSquared()).isLessThan(0.035);
        assertThat(r.value("R1")).isBetween(40.0, 55.0);
        assertThat(r.value("CPE1_alpha")).isBetween(0.6, 1.0);
        List<String> w = SpectrumAnalysis.warnings(r, s);
        assertThat(w).anyMatch(x -> x.startsWith("CPE2_Q"));
        assertThat(w).noneMatch(x -> x.startsWith("R0") || x.startsWith("R1") || x.startsWith("CPE1"));
    }

    /**
     * Gamry export whose high-frequency arc is cut off at 200 kHz: R0 is not resolved and
     * collapses to the 1e-300 Ω floor. It is flagged, and σ from it is withheld (NaN → null).
     */
    @Test
    void collapsedResistorIsFlaggedAndGivesNoSigma() throws Exception {
        Spectrum s = read("exampleDataGamry.DTA");
        Circuit c = CircuitParser.parse("R0-p(R1,CPE1)-p(R2,CPE2)");
        SpectrumAnalysis a = SpectrumAnalysis.run(s, c, Map.of(), List.of(), ComplexNonlinearLeastSquares.standard(), Double.NaN,
                0.1, 1.0, List.of("R0"));
        assertThat(a.fit().value("R0")).isLessThan(1e-6 * 1000);
        assertThat(a.warnings()).anyMatch(x -> x.startsWith("R0 ") && x.contains("collapsed"));
        assertThat(a.warnings()).anyMatch(x -> x.startsWith("sigma not reported"));
        assertThat(a.sigmaSPerCm()).isNaN();
        assertThat(a.toJson().get("sigma_S_per_cm")).isNull();
        // the arcs themselves are determined: R1 ≈ 4.1 kΩ, R2 ≈ 17.5 kΩ
        assertThat(a.warnings()).noneMatch(x -> x.startsWith("R1 ") || x.startsWith("R2 "));
    }
}
