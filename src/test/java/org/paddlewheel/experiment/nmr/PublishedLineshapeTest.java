package org.paddlewheel.experiment.nmr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.paddlewheel.cli.Main;
import picocli.CommandLine;

/**
 * {@code nmr lineshape} and {@code nmr fit-lineshape} against a spectrum simulated by others: the
 * mrsimulator project's brute-force static ²³Na central transition (C_Q = 2.5 MHz, η = 0, δ_iso = 0,
 * B0 = 4.697 T, ν0 = 52.9297 MHz; BSD-3, see README-mrsimulator.md beside the data).
 */
class PublishedLineshapeTest {
    static final double LARMOR_MHZ = 4.697 * 11.268835291595886;

    private static JsonNode run(String... args) throws Exception {
        CommandLine cl = Main.commandLine();
        StringWriter o = new StringWriter(), e = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        assertThat(code).as(e.toString()).isZero();
        return new ObjectMapper().readTree(o.toString());
    }

    private static Path data() throws Exception {
        return Path.of(PublishedLineshapeTest.class.getResource("mrsimulator-23Na-static-cq2.5-eta0.csv").toURI());
    }

    @Test
    void fitRecoversTheParametersOfMrsimulatorsStaticSpectrum() throws Exception {
        JsonNode r = run("nmr", "fit-lineshape", data().toString(), "--nucleus", "23Na", "--larmor", LARMOR_MHZ + "MHz", "--lb", "100Hz", "--json");
        // tolerances: C_Q 0.5 %, η 0.02, δ_iso 0.5 ppm (26 Hz, 0.4 of the 68 Hz point spacing)
        assertThat(r.get("cq_MHz").asDouble()).isCloseTo(2.5, within(0.0125));
        assertThat(r.get("eta").asDouble()).isCloseTo(0.0, within(0.02));
        assertThat(r.get("iso_ppm").asDouble()).isCloseTo(0.0, within(0.5));
    }

    @Test
    void simulatedEdgesAndCentreOfGravityMatchTheirs() throws Exception {
        JsonNode ours = run("nmr", "lineshape", "--nucleus", "23Na", "--cq", "2.5MHz", "--eta", "0", "--larmor", LARMOR_MHZ + "MHz", "--json");
        // theirs: first and last non-zero points and the centre of gravity of the data
        var table = org.paddlewheel.experiment.NumericTable.readCurve(data(), 2);
        double[][] t = {table.column(0), table.column(1)};
        int lo = -1, hi = -1;
        double max = 0, s = 0, s1 = 0;
        for (double v : t[1]) max = Math.max(max, v);
        for (int i = 0; i < t[0].length; i++) {
            if (t[1][i] > 1e-6 * max) { if (lo < 0) lo = i; hi = i; }
            s += t[1][i];
            s1 += t[1][i] * t[0][i];
        }
        double step = t[0][1] - t[0][0];
        // closed form, k = C_Q²/(48 ν0): edges δ_iso − 4k and δ_iso + 9k/4
        double k = 2.5e6 * 2.5e6 / (48 * LARMOR_MHZ * 1e6) / LARMOR_MHZ;
        assertThat(t[0][lo]).isCloseTo(-4 * k, within(step));
        assertThat(t[0][hi]).isCloseTo(9 * k / 4, within(step));
        JsonNode edges = ours.get("edges_ppm");
        assertThat(edges.get(0).asDouble()).isCloseTo(t[0][lo], within(step));
        assertThat(edges.get(1).asDouble()).isCloseTo(t[0][hi], within(step));
        // centre of gravity: ours (analytic) vs the data's first moment, within 0.5 % of the 290 ppm width
        assertThat(ours.get("centre_of_gravity_ppm").asDouble()).isCloseTo(s1 / s, within(1.5));
    }
}
