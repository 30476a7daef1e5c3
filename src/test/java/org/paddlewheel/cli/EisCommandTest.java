package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.experiment.impedance.Circuit;
import org.paddlewheel.experiment.impedance.CircuitParser;
import org.paddlewheel.experiment.impedance.Spectrum;
import picocli.CommandLine;

/** {@code paddlewheel eis fit|kk} end to end on simulated pellet spectra written as CSV. */
class EisCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Three temperatures, R1 = R(T) from σ = σ0 exp(−Ea/kT), σ0 = 0.1 S/cm, Ea = 0.30 eV (R1 = 1.0e5 Ω at 25 °C to 9e3 Ω at 100 °C, arcs inside 1 MHz); 0.3 % noise.
     * The batch fit must return Ea within 3σ of 0.30 eV and write sigma_T.csv and plots.
     */
    @Test
    void batchFitGivesSigmaTableAndArrhenius() throws Exception {
        Circuit c = CircuitParser.parse("R0-p(R1,CPE1)-CPE2");
        double thicknessCm = 0.1, areaCm2 = Math.PI * 1.27 * 1.27 / 4;
        double[] tempsC = {25, 60, 100};
        SplittableRandom rnd = new SplittableRandom(42);
        Path[] files = new Path[3];
        for (int k = 0; k < 3; k++) {
            double t = tempsC[k] + 273.15;
            double sigma = 0.1 * Math.exp(-0.30 / (8.617333262e-5 * t));       // S/cm
            double r1 = thicknessCm / (sigma * areaCm2);
            Spectrum s = c.simulate(new double[] {200, r1, 1e-10, 0.9, 1e-6, 0.8}, Spectrum.logFrequencies(1e6, 0.05, 8), "x");
            StringBuilder b = new StringBuilder("f,Z',-Z''\n");
            for (int i = 0; i < s.size(); i++) {
                double m = s.modulus(i);
                b.append(String.format(Locale.ROOT, "%.8e,%.8e,%.8e%n", s.f(i), s.re(i) + 0.003 * m * rnd.nextGaussian(),
                        -(s.im(i) + 0.003 * m * rnd.nextGaussian())));
            }
            files[k] = dir.resolve(String.format(Locale.ROOT, "pellet_%.0fC.csv", tempsC[k]));
            Files.writeString(files[k], b);
        }
        Path out = dir.resolve("out");
        Run r = run("eis", "fit", files[0].toString(), files[1].toString(), files[2].toString(), "--circuit", "R0-p(R1,CPE1)-CPE2",
                "--thickness", "1mm", "--diameter", "12.7mm", "-o", out.toString(), "--json", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode first = doc.get("spectra").get(0);
        assertThat(first.get("parameters").has("R1_ohm")).isTrue();
        assertThat(first.get("standard_errors").get("R1_ohm").asDouble()).isPositive();
        assertThat(first.get("arcs").get(0).get("label").asText()).isEqualTo("bulk");
        assertThat(first.get("arcs").get(0).has("C_eff_F")).isTrue();
        assertThat(first.get("temperature_K").asDouble()).isEqualTo(298.15);
        JsonNode arr = doc.get("arrhenius");
        double ea = arr.get("sigma").get("Ea_eV").asDouble(), err = arr.get("sigma").get("Ea_err_eV").asDouble();
        System.out.printf("batch: Ea = %.4f +- %.4f eV (truth 0.30); sigma*T form Ea = %.4f%n", ea, err, arr.get("sigma_T").get("Ea_eV").asDouble());
        assertThat(Math.abs(ea - 0.30)).isLessThan(Math.max(3 * err, 1e-3));
        assertThat(out.resolve("sigma_T.csv")).exists();
        assertThat(Files.readAllLines(out.resolve("sigma_T.csv"))).hasSize(4);
        assertThat(out.resolve("arrhenius.png")).exists();
        assertThat(out.resolve("pellet_25C_nyquist.svg")).exists();
        assertThat(out.resolve("pellet_25C_bode.png")).exists();
        assertThat(out.resolve("fit.json")).exists();

        Run kk = run("eis", "kk", files[0].toString(), "-o", out.toString(), "--json");
        assertThat(kk.code()).as(kk.err()).isZero();
        JsonNode k = new ObjectMapper().readTree(kk.out());
        assertThat(k.get("pass").asBoolean()).isTrue();
        assertThat(k.get("M").asInt()).isPositive();
        assertThat(out.resolve("pellet_25C_kk_residuals.png")).exists();
    }

    @Test
    void badCircuitIsAOneLineErrorWithCaret() throws Exception {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "100,10,-5\n10,12,-8\n1,20,-3\n0.1,30,-1\n");
        Run r = run("eis", "fit", f.toString(), "--circuit", "R0-p(R1,Q1)");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("paddlewheel: --circuit: circuit 'R0-p(R1,Q1)' at index 8").contains("R0-p(R1,^Q1)");
        Run a = run("eis", "fit", f.toString(), "--circuit", "R0-p(R1,C1)", "--area", "3 furlongs2");
        assertThat(a.code()).isEqualTo(2);
    }

    @Test
    void readsRealExportFromCli() {
        Run r = run("eis", "fit", "src/test/resources/eis/exampleData.csv", "--circuit", "R0-p(R1,C1)-p(R2-Wo1,C2)");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wo1_tau");
    }
}
