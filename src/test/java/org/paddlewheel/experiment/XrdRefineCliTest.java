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
import org.paddlewheel.experiment.diffraction.BuiltinStructures;
import org.paddlewheel.experiment.diffraction.Radiation;

/** {@code xrd refine} and {@code xrd vegard} through the CLI: command forms, keys, files, errors. */
class XrdRefineCliTest {
    @TempDir Path tmp;

    @Test
    void refineAGsasXyePattern() throws Exception {
        Radiation cu = Radiation.xray("CuKa", Radiation.Geometry.UNPOLARIZED);
        double[][] d = org.paddlewheel.experiment.diffraction.PawleyRefinementTestAccess.synthetic(
                BuiltinStructures.na2nh2bh4(4.7050, 1.5), cu, -0.01, new double[] {0.008, -0.003, 0.005}, 0.5, 5, 15, 80);
        StringBuilder sb = new StringBuilder("/* synthetic Na2(NH2)(BH4), a = 4.7050 A */\n");
        for (int i = 0; i < d[0].length; i++) sb.append(String.format(Locale.ROOT, "%.4f %.3f %.4f%n", d[0][i], d[1][i], Math.sqrt(Math.max(d[1][i], 1))));
        Path f = tmp.resolve("p.xye");
        Files.writeString(f, sb.toString());
        Cli c = Cli.run("xrd", "refine", f.toString(), "--structure", "na2nh2bh4", "--wavelength", "CuKa", "--json", "-o", tmp.toString());
        assertThat(c.code).as(c.err).isZero();
        JsonNode j = c.json();
        assertThat(j.get("crystal_system").asText()).isEqualTo("cubic");
        assertThat(Math.abs(j.get("a_A").asDouble() - 4.7050)).isLessThan(4 * j.get("a_std_A").asDouble());
        assertThat(j.get("Rwp").asDouble()).isPositive();
        assertThat(j.get("chi2").asDouble()).isBetween(0.9, 1.15);
        assertThat(j.get("reflections").size()).isGreaterThan(8);
        assertThat(tmp.resolve("xrd-refine.png")).exists();
        assertThat(tmp.resolve("xrd-refine.svg")).exists();
        assertThat(tmp.resolve("xrd-refine.csv")).exists();
    }

    @Test
    void refineANeutronTofPattern() throws Exception {
        var conv = new org.paddlewheel.experiment.diffraction.TofConversion(-3.0, org.paddlewheel.experiment.diffraction.TofPawleyRefinementTest.DIFC, 0.5);
        double[][] p = org.paddlewheel.experiment.diffraction.TofPawleyRefinementTest.synthetic(BuiltinStructures.na2nh2bh4(4.6941, 1.0), conv,
                2e-4, 1.2e-3, 3e-4, 0.2, 5);
        StringBuilder sb = new StringBuilder("# TOF_us counts esd\n");
        for (int i = 0; i < p[0].length; i++) sb.append(String.format(Locale.ROOT, "%.4f %.3f %.4f%n", p[3][i], p[1][i], p[2][i]));
        Path f = tmp.resolve("tof.dat");
        Files.writeString(f, sb.toString());
        Cli c = Cli.run("xrd", "refine", f.toString(), "--structure", "na2nh2bh4", "--tof", "--difc", Double.toString(conv.difcUsPerA()),
                "--zero-tof", "-3", "--difa", "0.5", "--json", "-o", tmp.toString());
        assertThat(c.code).as(c.err).isZero();
        JsonNode j = c.json();
        assertThat(Math.abs(j.get("a_A").asDouble() - 4.6941)).isLessThan(4 * j.get("a_std_A").asDouble());
        assertThat(j.get("chi2").asDouble()).isBetween(0.85, 1.2);
        assertThat(j.get("Rwp").asDouble()).isPositive();
        assertThat(j.get("reflections").get(0).has("tof_us")).isTrue();
        assertThat(tmp.resolve("xrd-refine.png")).exists();
        // TOF without DIFC is an input error naming the missing constant
        Cli bad = Cli.run("xrd", "refine", f.toString(), "--structure", "na2nh2bh4", "--tof", "--json");
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err).contains("--difc");
    }

    @Test
    void vegardSlopeAndCurvature() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        double[] xs = {0, 0.2, 0.5, 0.75, 1.0};
        StringBuilder lin = new StringBuilder("x,a,a_std\n"), bent = new StringBuilder("x,a\n");
        for (double x : xs) {
            double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            lin.append(x).append(',').append(4.60 + 0.10 * x + 5e-4 * g).append(",5e-4\n");
            bent.append(x).append(',').append(4.60 + 0.10 * x - 0.05 * x * x).append('\n');
        }
        Path f = tmp.resolve("v.csv"), b = tmp.resolve("b.csv");
        Files.writeString(f, lin.toString());
        Files.writeString(b, bent.toString());
        Cli c = Cli.run("xrd", "vegard", f.toString(), "--json", "-o", tmp.toString());
        assertThat(c.code).as(c.err).isZero();
        JsonNode j = c.json();
        assertThat(Math.abs(j.get("slope_A").asDouble() - 0.10)).isLessThan(4 * j.get("slope_std_A").asDouble());
        assertThat(Math.abs(j.get("intercept_A").asDouble() - 4.60)).isLessThan(4 * j.get("intercept_std_A").asDouble());
        assertThat(j.get("max_deviation_A").asDouble()).isLessThan(4 * 5e-4);
        assertThat(tmp.resolve("xrd-vegard.svg")).exists();
        // a parabola through the same ends: the chord misses the middle by c/4 = 0.0125 Å at x = ½
        JsonNode q = Cli.run("xrd", "vegard", b.toString(), "--json").json();
        assertThat(q.get("curvature_A").asDouble()).isCloseTo(-0.05, within(1e-9));
        assertThat(q.get("max_deviation_A").asDouble()).isBetween(0.005, 0.0125);
    }

    @Test
    void badPatternFile() throws Exception {
        Path f = tmp.resolve("bad.xy");
        Files.writeString(f, "10 5\n10.01 6\n10.02 abc\n");
        Cli c = Cli.run("xrd", "refine", f.toString(), "--structure", "nacl");
        assertThat(c.code).isEqualTo(2);
        assertThat(c.err.strip()).isEqualTo("paddlewheel: " + f + ":3: 'abc' is not a number (column 2)");
    }

    @Test
    void refineWhatXrdWrites() throws Exception {
        // end to end: `xrd -o` writes the pattern (max 100), we add counts, background and noise, then refine
        Path dir = tmp.resolve("made");
        Cli made = Cli.run("xrd", "--builtin", "na2nh2bh4", "--a", "4.7180Å", "--biso", "1.5", "--caglioti", "0.01,-0.004,0.004",
                "--pv-eta", "0.4", "--two-theta-min", "10", "--two-theta-max", "90", "--step", "0.01", "-o", dir.toString());
        assertThat(made.code).as(made.err).isZero();
        java.util.List<String> lines = Files.readAllLines(dir.resolve("pattern.csv"));
        SplittableRandom r = new SplittableRandom(17);
        StringBuilder sb = new StringBuilder("two_theta_deg,counts\n");
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            double mean = 100 * Double.parseDouble(c[1]) + 300;
            double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            sb.append(c[0]).append(',').append(String.format(Locale.ROOT, "%.2f", mean + Math.sqrt(mean) * g)).append('\n');
        }
        Path f = tmp.resolve("made.csv");
        Files.writeString(f, sb.toString());
        JsonNode j = Cli.run("xrd", "refine", f.toString(), "--structure", "na2nh2bh4", "--json").json();
        // start 4.70 Å (the builtin), truth 4.7180 Å: within 4σ; χ² ≈ 1 with Poisson weights
        assertThat(Math.abs(j.get("a_A").asDouble() - 4.7180)).as(j.toString()).isLessThan(4 * j.get("a_std_A").asDouble());
        assertThat(Math.abs(j.get("zero_deg").asDouble())).isLessThan(4 * j.get("zero_std_deg").asDouble());
        assertThat(j.get("chi2").asDouble()).isBetween(0.9, 1.15);
    }
}
