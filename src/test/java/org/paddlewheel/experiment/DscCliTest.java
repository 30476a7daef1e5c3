package org.paddlewheel.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.experiment.calorimetry.DscAnalysisTest;

/** {@code paddlewheel dsc} on a TA-style export (minutes, °C, mW, exo up) of the synthetic run. */
class DscCliTest {
    @TempDir Path tmp;

    @Test
    void taStyleExportGivesBothBranches() throws Exception {
        double[][] d = DscAnalysisTest.run(5, 0.002, 9);
        double mg = 4.0;
        StringBuilder sb = new StringBuilder("Time (min),Temperature (°C),Heat Flow (mW)\n");
        for (int i = 0; i < d[0].length; i++) {
            // file: exo up, so the endothermic-positive synthetic q is written with its sign flipped; W/g · mg = mW
            sb.append(String.format(Locale.ROOT, "%.5f,%.4f,%.6f%n", d[0][i] / 60, d[1][i] - 273.15, -d[2][i] * mg));
        }
        Path f = tmp.resolve("dsc.csv");
        Files.writeString(f, sb.toString());
        Cli c = Cli.run("dsc", f.toString(), "--mass", "4mg", "--json", "-o", tmp.toString());
        assertThat(c.code).as(c.err).isZero();
        JsonNode tr = c.json().get("transitions");
        assertThat(tr.size()).isEqualTo(2);
        assertThat(tr.get(0).get("branch").asText()).isEqualTo("heating");
        assertThat(tr.get(0).get("onset_K").asDouble()).isCloseTo(286.15, within(0.1));
        assertThat(tr.get(0).get("peak_K").asDouble()).isCloseTo(288.15, within(0.05));
        assertThat(tr.get(0).get("enthalpy_J_per_g").asDouble()).isCloseTo(25, within(0.15));
        assertThat(tr.get(1).get("branch").asText()).isEqualTo("cooling");
        assertThat(tr.get(1).get("enthalpy_J_per_g").asDouble()).isCloseTo(-25, within(0.15));
        assertThat(tr.get(1).get("onset_K").asDouble()).isCloseTo(285.15, within(0.1));
        assertThat(tmp.resolve("dsc.png")).exists();
        assertThat(tmp.resolve("dsc.svg")).exists();
        // mW without a mass is an input error naming the fix
        Cli bad = Cli.run("dsc", f.toString());
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err.strip()).isEqualTo("paddlewheel: " + f + ":1: heat flow in mw: give --mass (e.g. 5.2mg)");
    }
}
