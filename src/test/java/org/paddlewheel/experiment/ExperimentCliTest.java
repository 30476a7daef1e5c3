package org.paddlewheel.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment commands through the CLI: the command forms and JSON keys the issue names. */
class ExperimentCliTest {
    @TempDir Path tmp;

    static Path resource(String name) throws Exception {
        return Path.of(ExperimentCliTest.class.getResource(name).toURI());
    }

    @Test
    void arrheniusOnTheLatpData() throws Exception {
        Cli c = Cli.run("arrhenius", resource("LATP_D_T.csv").toString(), "--json", "--form", "both", "--extrapolate", "300K", "-o", tmp.toString());
        assertThat(c.code).as(c.err).isZero();
        JsonNode j = c.json();
        // weighted by the D_error column: Ea = 0.258 ± 0.017 eV (D form), 0.339 ± 0.017 eV (D·T form)
        assertThat(j.get("weighted").asBoolean()).isTrue();
        assertThat(j.get("Ea_eV").asDouble()).isCloseTo(0.2581, within(5e-4));
        assertThat(j.get("Ea_std_eV").asDouble()).isCloseTo(0.0168, within(5e-4));
        assertThat(j.at("/fits/sigmaT/Ea_eV").asDouble()).isCloseTo(0.3391, within(5e-4));
        assertThat(j.get("prefactor").asDouble()).isPositive();
        assertThat(j.at("/extrapolated/sigma").asDouble()).isBetween(1e-9, 1e-6);
        assertThat(tmp.resolve("arrhenius-sigma.png")).exists();
        assertThat(tmp.resolve("arrhenius-sigmaT.svg")).exists();
        // unweighted: errors from the scatter
        JsonNode u = Cli.run("arrhenius", resource("LATP_D_T.csv").toString(), "--json", "--no-errors").json();
        assertThat(u.get("weighted").asBoolean()).isFalse();
        assertThat(u.get("Ea_eV").asDouble()).isBetween(0.2, 0.35);
    }

    @Test
    void arrheniusCelsiusColumnsAndBadInput() throws Exception {
        Path f = tmp.resolve("s.csv");
        Files.writeString(f, "temp_C,cond\n40,1e-5\n60,2.2e-5\n80,4.5e-5\n100,8.0e-5\n");
        Cli c = Cli.run("arrhenius", f.toString(), "--columns", "temp_C,cond", "--temperature-unit", "C", "--json");
        assertThat(c.code).as(c.err).isZero();
        assertThat(c.json().get("Ea_eV").asDouble()).isBetween(0.3, 0.4);
        Files.writeString(f, "T,sigma\n300,1e-5\n310,abc\n");
        Cli bad = Cli.run("arrhenius", f.toString());
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err).startsWith("paddlewheel: " + f + ":3: column 'sigma'");
    }

    @Test
    void vacancyModelCommand() throws Exception {
        StringBuilder sb = new StringBuilder("x,T,sigma\n");
        for (VacancyDiffusionModel.Point p : VacancyDiffusionModelTest.synthetic(42)) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%s%n", p.x(), p.temperatureK(), p.sigma()));
        }
        Path f = tmp.resolve("v.csv");
        Files.writeString(f, sb.toString());
        Cli c = Cli.run("vacancy-model", f.toString(), "--x-max", "0.75", "--json", "-o", tmp.toString());
        assertThat(c.code).as(c.err).isZero();
        JsonNode j = c.json();
        assertThat(j.get("A").asDouble()).isCloseTo(VacancyDiffusionModelTest.A, within(3 * j.get("A_std").asDouble()));
        assertThat(j.get("B_K").asDouble()).isCloseTo(VacancyDiffusionModelTest.B, within(3 * j.get("B_std_K").asDouble()));
        assertThat(j.get("points")).hasSize(20);
        for (JsonNode p : j.get("points")) {
            if (p.get("x").asDouble() == 1.0) assertThat(p.get("deviation").asDouble()).isBetween(70.0, 140.0);
            if (p.get("x").asDouble() == 0.0) assertThat(p.get("deviation").isNull()).isTrue();
        }
        assertThat(j.at("/deviation_at_max_x/x").asDouble()).isEqualTo(1.0);
        assertThat(tmp.resolve("vacancy-model.png")).exists();
        assertThat(tmp.resolve("vacancy-deviation.svg")).exists();
        // the brief's spelling of the options works too
        assertThat(Cli.run("vacancy-model", f.toString(), "--fit-max-x", "0.5", "--site-fraction", "1-x/3", "--json")
                .json().get("n_fitted").asInt()).isEqualTo(8);
    }

    @Test
    void nmrBppBothDirectionsAndTable() throws Exception {
        JsonNode j = Cli.run("nmr", "bpp", "--nucleus", "11B", "--cq", "0.1MHz", "--eta", "0.4", "--larmor", "160.49MHz",
                "--t1", "61s", "--branch", "slow", "--json").json();
        assertThat(j.at("/rows/0/tau_c_s").asDouble()).isCloseTo(0.9978e-6, within(1e-9));
        assertThat(j.get("tau_c_s").asDouble()).isCloseTo(0.9978e-6, within(1e-9));
        assertThat(j.get("omega0_tau_c_at_min").asDouble()).isCloseTo(0.6158, within(1e-4));
        JsonNode fast = Cli.run("nmr", "t1-to-tau", "--spin", "3/2", "--cq", "0.1MHz", "--eta", "0.4", "--larmor", "160.49MHz",
                "--t1", "61s", "--branch", "fast", "--json").json();
        double tauFast = fast.get("tau_c_s").asDouble();
        assertThat(2 * Math.PI * 160.49e6 * tauFast).isLessThan(0.6158);
        JsonNode back = Cli.run("nmr", "tau-to-t1", "--spin", "3/2", "--cq", "0.1MHz", "--eta", "0.4", "--larmor", "160.49MHz",
                "--tau", tauFast + "s", "--json").json();
        assertThat(back.get("T1_s").asDouble()).isCloseTo(61.0, within(1e-6));
        // a (T, T1) table → τc per row and an Arrhenius fit on τc that recovers 0.40 eV (exact synthetic data)
        org.paddlewheel.experiment.nmr.Bpp bpp = new org.paddlewheel.experiment.nmr.Bpp(1.5, 0.1e6, 0.4, 160.49e6);
        StringBuilder sb = new StringBuilder("T,T1\n");
        for (double t = 288.15; t <= 333.15; t += 5) {
            double tau = 1e-6 * Math.exp(0.40 / 8.617333262e-5 * (1 / t - 1 / 333.15));
            sb.append(String.format(Locale.ROOT, "%s,%s%n", t, bpp.t1(tau)));
        }
        Path f = tmp.resolve("t1.csv");
        Files.writeString(f, sb.toString());
        JsonNode tab = Cli.run("nmr", "bpp", "--nucleus", "11B", "--cq", "0.1MHz", "--eta", "0.4", "--larmor", "160.49MHz",
                "--table", f.toString(), "--json", "-o", tmp.toString()).json();
        assertThat(tab.get("rows")).hasSize(10);
        assertThat(tab.at("/arrhenius/Ea_eV").asDouble()).isCloseTo(0.40, within(1e-6));
        assertThat(tab.at("/rows/9/tau_c_s").asDouble()).isCloseTo(1e-6, within(1e-12));
        assertThat(tmp.resolve("nmr-bpp.png")).exists();
        Cli low = Cli.run("nmr", "bpp", "--nucleus", "11B", "--cq", "0.1MHz", "--eta", "0.4", "--larmor", "160.49MHz", "--t1", "1ms");
        assertThat(low.code).isEqualTo(2);
        assertThat(low.err).contains("below the BPP minimum");
    }

    @Test
    void autoBranchFollowsTheT1MinimumThroughATable() throws Exception {
        // τc from 30 ns (cold) to 0.1 ns (hot) crosses ω0τc = 0.616 at 160.49 MHz (τc* = 0.61 ns).
        org.paddlewheel.experiment.nmr.Bpp bpp = new org.paddlewheel.experiment.nmr.Bpp(1.5, 1e6, 0, 160.49e6);
        StringBuilder sb = new StringBuilder("T,T1\n");
        double[] temps = {250, 275, 300, 325, 350, 375, 400};
        double[] taus = new double[temps.length];
        for (int i = 0; i < temps.length; i++) {
            taus[i] = 3e-8 * Math.pow(1e-4 / 3e-2, (double) i / (temps.length - 1)); // log-spaced 30 ns → 0.1 ns
            sb.append(String.format(Locale.ROOT, "%s,%s%n", temps[i], bpp.t1(taus[i])));
        }
        Path f = tmp.resolve("auto.csv");
        Files.writeString(f, sb.toString());
        JsonNode j = Cli.run("nmr", "bpp", "--spin", "3/2", "--cq", "1MHz", "--larmor", "160.49MHz", "--table", f.toString(),
                "--branch", "auto", "--json").json();
        for (int i = 0; i < temps.length; i++) {
            assertThat(j.at("/rows/" + i + "/tau_c_s").asDouble() / taus[i]).as("row %d", i).isCloseTo(1.0, within(1e-8));
        }
        assertThat(j.at("/rows/0/side").asText()).isEqualTo("slow");
        assertThat(j.at("/rows/6/side").asText()).isEqualTo("fast");
    }

    @Test
    void efgCommandForms() throws Exception {
        JsonNode j = Cli.run("nmr", "efg", "--tensor", "1,0,0,0,2,0,0,0,-3", "--nucleus", "23Na", "--json").json();
        assertThat(j.get("Vzz").asDouble()).isCloseTo(-3, within(1e-12));
        assertThat(j.get("eta").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(j.get("Cq_MHz").asDouble()).isCloseTo(-0.754413, within(1e-6));
        assertThat(j.get("CQ_Hz").asDouble()).isCloseTo(-754413, within(1.0));
        JsonNode au = Cli.run("efg", "--tensor", "-0.5,-0.5,1", "--unit", "au", "--nucleus", "11B", "--json").json();
        assertThat(au.get("Cq_MHz").asDouble()).isCloseTo(9.5372, within(2e-4));
        JsonNode out = Cli.run("efg", "--outcar", resource("nmr/OUTCAR_efg_fixture").toString(), "--json").json();
        assertThat(out.get("ions")).hasSize(3);
        assertThat(out.at("/ions/0/nucleus").asText()).isEqualTo("23Na");
        assertThat(out.at("/ions/2/nucleus").asText()).isEqualTo("11B");
        JsonNode na = Cli.run("efg", "--outcar", resource("nmr/OUTCAR_efg_fixture").toString(), "--nucleus", "23Na", "--json").json();
        assertThat(na.get("ions")).hasSize(2);
    }

    @Test
    void xrdAndDiffractionCommands() throws Exception {
        JsonNode j = Cli.run("xrd", "--builtin", "nacl", "--wavelength", "1.5406Å", "--two-theta-max", "90", "--json", "-o", tmp.toString()).json();
        JsonNode p200 = j.get("peaks").get(1);
        assertThat(p200.get("h").asInt() * 100 + p200.get("k").asInt() * 10 + p200.get("l").asInt()).isEqualTo(200);
        assertThat(p200.get("d_A").asDouble()).isCloseTo(2.8201, within(1e-4));
        assertThat(p200.get("two_theta_deg").asDouble()).isCloseTo(Math.toDegrees(2 * Math.asin(1.5406 / (2 * 2.8201))), within(1e-3));
        assertThat(p200.get("intensity_rel").asDouble()).isEqualTo(100.0);
        assertThat(p200.get("multiplicity").asInt()).isEqualTo(6);
        assertThat(tmp.resolve("pattern.csv")).exists();
        assertThat(tmp.resolve("pattern.png")).exists();
        JsonNode k = Cli.run("diffraction", "pattern", "--builtin", "na2nh2bh4", "--a", "4.70Å", "--energy", "27keV", "--json").json();
        assertThat(k.get("wavelength_A").asDouble()).isCloseTo(12.398419843 / 27, within(1e-9));
        assertThat(k.get("geometry").asText()).isEqualTo("synchrotron");
        JsonNode n = Cli.run("xrd", "na2nh2bh4", "--neutron", "--wavelength", "1.54Å", "--isotope", "B=11B,H=D", "--json").json();
        assertThat(n.get("probe").asText()).isEqualTo("neutron");
        assertThat(n.get("peaks").size()).isGreaterThan(5);
    }

    @Test
    void tofCommands() {
        JsonNode j = Cli.run("tof", "--zero", "5", "--difc", "10000", "--difa", "-2.5", "--d", "2.35", "--json").json();
        double tof = j.get("tof_us").asDouble();
        assertThat(tof).isCloseTo(5 + 23500 - 2.5 * 2.35 * 2.35, within(1e-9));
        JsonNode back = Cli.run("diffraction", "tof-to-d", "--zero", "5", "--difc", "10000", "--difa", "-2.5", "--tof", Double.toString(tof), "--json").json();
        assertThat(back.get("d_A").asDouble()).isCloseTo(2.35, within(1e-12));
        JsonNode fwd = Cli.run("diffraction", "d-to-tof", "--difc", "10000", "--d", "1,2", "--json").json();
        assertThat(fwd.get("results")).hasSize(2);
        assertThat(Cli.run("tof", "--difc", "10000").code).isEqualTo(2);
    }
}
