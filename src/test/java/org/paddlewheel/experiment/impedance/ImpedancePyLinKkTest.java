package org.paddlewheel.experiment.impedance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.paddlewheel.cli.CliRunner;
import org.paddlewheel.cli.Json;

/**
 * impedance.py's lin-KK ({@link ImpedancePyLinKk}). A spectrum made from the lin-KK model itself on
 * impedance.py's τ grid must be fitted exactly by every fit type (this pins the τ grid, the columns
 * and Boukamp's R₀); on impedance.py's exampleData.csv (MIT, src/test/resources/eis) the chosen M is
 * the first with μ ≤ c, checked against fits at every smaller M.
 */
class ImpedancePyLinKkTest {
    static final double[] F = Spectrum.logFrequencies(1e5, 0.1, 8);

    /** Z of R0 + Σ R_k/(1 + jωτ_k) + jωL (+ 1/(jωC)) on impedance.py's τ grid for F. */
    static Spectrum fromModel(double[] el, int m) {
        Spectrum grid = new Spectrum("grid", F, new double[F.length], new double[F.length]);
        double[] tau = ImpedancePyLinKk.taus(grid, m), re = new double[F.length], im = new double[F.length];
        for (int i = 0; i < F.length; i++) {
            double[] z = ImpedancePyLinKk.model(el, tau, F[i]);
            re[i] = z[0];
            im[i] = z[1];
        }
        return new Spectrum("model", F, re, im);
    }

    @ParameterizedTest
    @EnumSource(ImpedancePyLinKk.FitType.class)
    void aSpectrumOfTheModelIsFittedExactly(ImpedancePyLinKk.FitType type) {
        double[] el = {12.0, 100, 50, 200, 30, 80, 2e-6};          // R0, R1..R5 (Ω), L (H)
        ImpedancePyLinKk.Result r = ImpedancePyLinKk.fixedM(fromModel(el, 5), 5, type, false);
        for (int k = 0; k < el.length; k++) assertThat(r.elements()[k]).as(type + " element " + k).isCloseTo(el[k], within(1e-7 * Math.abs(el[k]) + 1e-12));
        assertThat(r.maxAbsResidual()).isLessThan(1e-9);
        assertThat(r.mu()).isEqualTo(1.0);
    }

    @Test
    void seriesCapacitanceIsFittedByComplexAndImag() {
        double[] el = {12.0, 100, -20, 200, 30, 1e3, 2e-6};         // ..., 1/C (1/F), L
        for (var type : new ImpedancePyLinKk.FitType[] {ImpedancePyLinKk.FitType.COMPLEX, ImpedancePyLinKk.FitType.IMAG}) {
            ImpedancePyLinKk.Result r = ImpedancePyLinKk.fixedM(fromModel(el, 4), 4, type, true);
            for (int k = 0; k < el.length; k++) assertThat(r.elements()[k]).as(type + " element " + k).isCloseTo(el[k], within(1e-6 * Math.abs(el[k])));
            assertThat(r.mu()).isCloseTo(1 - 20.0 / 330, within(1e-9));
        }
    }

    @Test
    void tauGridIsImpedancePys() {
        Spectrum s = new Spectrum("g", new double[] {1e4, 10, 1}, new double[3], new double[3]);
        assertThat(ImpedancePyLinKk.taus(s, 1)).containsExactly(1 / (2 * Math.PI * 1));     // ts[-1] overwrites ts[0]
        double[] t3 = ImpedancePyLinKk.taus(s, 3);
        assertThat(t3[0]).isEqualTo(1 / (2 * Math.PI * 1e4));
        assertThat(t3[1]).isCloseTo(Math.sqrt(t3[0] * t3[2]), within(1e-12 * t3[1]));
        assertThat(t3[2]).isEqualTo(1 / (2 * Math.PI * 1));
    }

    /** c = 0.85 (impedance.py's default) and 0.5 (its validation example) on exampleData.csv, each fit type. */
    @ParameterizedTest
    @CsvSource({"real,0.85", "imag,0.85", "complex,0.85", "real,0.5", "complex,0.5"})
    void stopsAtTheFirstMWithMuAtMostC(String type, double c) throws Exception {
        Spectrum s = SpectrumReader.read(Path.of("src/test/resources/eis/exampleData.csv"));
        var ft = ImpedancePyLinKk.FitType.parse(type);
        ImpedancePyLinKk.Result r = ImpedancePyLinKk.test(s, c, 50, ft, false);
        System.out.printf("impedance.py lin-KK on exampleData.csv: fit_type %s, c %.2f -> M = %d, mu = %.4f, max |res| = %.3g%n",
                type, c, r.m(), r.mu(), r.maxAbsResidual());
        assertThat(r.m()).isBetween(1, 50);
        assertThat(r.mu()).isLessThanOrEqualTo(c);
        for (int m = 1; m < r.m(); m++) assertThat(ImpedancePyLinKk.fixedM(s, m, ft, false).mu()).as("M = %d", m).isGreaterThan(c);
        assertThat(ImpedancePyLinKk.fixedM(s, r.m(), ft, false).elements()).containsExactly(r.elements());
    }

    @Test
    void linkkCommandIsImpedancePysCall() throws Exception {
        String file = "src/test/resources/eis/exampleData.csv";
        CliRunner.Result cli = CliRunner.run("eis", "linkk", file, "--c", "0.85", "--json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        var j = Json.MAPPER.readTree(cli.out());
        ImpedancePyLinKk.Result r = ImpedancePyLinKk.test(SpectrumReader.read(Path.of(file)), 0.85, 50, ImpedancePyLinKk.FitType.REAL, false);
        assertThat(j.get("fit_type").asText()).isEqualTo("real");
        assertThat(j.get("M").asInt()).isEqualTo(r.m());
        assertThat(j.get("mu").asDouble()).isEqualTo(r.mu());
        assertThat(j.get("rule").asText()).contains("impedance.py", "mu <= c");
        CliRunner.Result kk = CliRunner.run("eis", "kk", file, "--fit-type", "complex", "--json");
        assertThat(Json.MAPPER.readTree(kk.out()).get("rule").asText()).contains("fit_type complex");
    }
}
