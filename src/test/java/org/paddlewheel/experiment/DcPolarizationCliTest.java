package org.paddlewheel.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paddlewheel dc-polarization} through the CLI: units from the header, keys, Bruce–Vincent, errors. */
class DcPolarizationCliTest {
    @TempDir Path tmp;

    Path curve(double i0mA, double issmA, double noisemA) throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder("time/s\t<I>/mA\n");
        for (int i = 1; i <= 900; i++) {
            double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            sb.append(String.format(Locale.ROOT, "%d\t%.9e%n", i, issmA + (i0mA - issmA) * Math.exp(-i / 15.0) + noisemA * g));
        }
        Path f = tmp.resolve("dc.txt");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void blockingElectrodesGiveTionNearOne() throws Exception {
        // paper-like cell: 10 mV, electronic leakage 0.2 % of I0 ⇒ t_ion ≈ 0.998
        Path f = curve(1e-3, 2e-6, 2e-8);
        Cli c = Cli.run("dc-polarization", f.toString(), "--voltage", "10mV", "--json", "-o", tmp.toString());
        assertThat(c.code).as(c.err).isZero();
        JsonNode j = c.json();
        double i0Sample = 2e-9 + (1e-6 - 2e-9) * Math.exp(-1 / 15.0);
        assertThat(j.get("I0_A").asDouble()).isCloseTo(i0Sample, within(1e-10));
        assertThat(j.get("Iss_A").asDouble()).isCloseTo(2e-9, within(4 * j.get("Iss_std_A").asDouble()));
        assertThat(j.get("t_ion").asDouble()).isCloseTo(1 - 2e-9 / i0Sample, within(4 * j.get("t_ion_std").asDouble()));
        // σ ≈ σ_noise/(I0·√n_plateau) = 2e-11/(9.4e-7·√~570) ≈ 0.9e-6 (the I0 term is 100× smaller)
        assertThat(j.get("t_ion_std").asDouble()).isBetween(0.5e-6, 2e-6);
        assertThat(j.get("plateau_reached").asBoolean()).isTrue();
        assertThat(j.get("R_total_ohm").asDouble()).isCloseTo(0.01 / i0Sample, within(1.0));
        assertThat(tmp.resolve("dc-polarization.png")).exists();
        assertThat(tmp.resolve("dc-polarization.svg")).exists();
    }

    @Test
    void bruceVincentWithInterfacialResistances() throws Exception {
        Path f = curve(2e-2, 8e-3, 1e-6);
        Cli c = Cli.run("dc-polarization", f.toString(), "--voltage", "10mV", "--r0", "100Ω", "--rss", "150ohm", "--i0", "20uA", "--json");
        assertThat(c.code).as(c.err).isZero();
        JsonNode j = c.json();
        // 8e-6·(0.01 − 2e-5·100)/(2e-5·(0.01 − 8e-6·150)) = 0.3636
        assertThat(j.get("method").asText()).isEqualTo("bruce-vincent");
        assertThat(j.get("t_ion").asDouble()).isCloseTo(0.4 / 1.1, within(4 * j.get("t_ion_std").asDouble() + 1e-4));
    }

    @Test
    void badFiles() throws Exception {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "t,I\n1,2e-6\n2,oops\n");
        Cli c = Cli.run("dc-polarization", f.toString(), "--voltage", "10mV");
        assertThat(c.code).isEqualTo(2);
        assertThat(c.err.strip()).isEqualTo("paddlewheel: " + f + ":3: 'oops' is not a number (column 2)");
        Files.writeString(f, "t,I\n1,2e-6\n2,1e-6\n");
        Cli d = Cli.run("dc-polarization", f.toString(), "--voltage", "10mV");
        assertThat(d.code).isEqualTo(2);
        assertThat(d.err).contains("at least 20 points");
        Cli e = Cli.run("dc-polarization", f.toString(), "--voltage", "10mV", "--r0", "5ohm");
        assertThat(e.code).isEqualTo(2);
        assertThat(e.err).contains("--rss");
    }
}
