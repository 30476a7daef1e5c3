package org.paddlewheel.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nmr lineshape} and {@code nmr fit-lineshape} through the CLI: the command forms and keys. */
class NmrLineshapeCliTest {
    @TempDir Path tmp;

    @Test
    void lineshapeThenFitRecoversTheParameters() throws Exception {
        Cli c = Cli.run("nmr", "lineshape", "--nucleus", "23Na", "--cq", "3MHz", "--eta", "0.2", "--larmor", "105.8MHz",
                "--iso", "0ppm", "--lb", "300Hz", "--json", "-o", tmp.toString());
        assertThat(c.code).as(c.err).isZero();
        JsonNode j = c.json();
        // δ_cg = −(3/40)(C_Q/ν0)²·3/(9/4·4)·(1 + η²/3)·1e6 = −20.10·(1.01333) ppm
        assertThat(j.get("centre_of_gravity_ppm").asDouble()).isCloseTo(-20.100 * (1 + 0.04 / 3), within(0.01));
        JsonNode ppm = j.at("/spectrum/ppm"), in = j.at("/spectrum/intensity");
        assertThat(ppm.size()).isEqualTo(1024).isEqualTo(in.size());
        double area = 0, first = 0;
        for (int i = 1; i < ppm.size(); i++) area += in.get(i).asDouble() * (ppm.get(i).asDouble() - ppm.get(i - 1).asDouble());
        for (int i = 0; i < ppm.size(); i++) first += in.get(i).asDouble() * ppm.get(i).asDouble() * (ppm.get(1).asDouble() - ppm.get(0).asDouble());
        assertThat(area).isCloseTo(1, within(0.02)); // Lorentzian tails beyond the axis
        assertThat(first / area).isCloseTo(j.get("centre_of_gravity_ppm").asDouble(), within(0.5));
        assertThat(tmp.resolve("nmr-lineshape.png")).exists();
        assertThat(tmp.resolve("nmr-lineshape.svg")).exists();
        // noisy copy, descending ppm, then fit
        SplittableRandom rnd = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder("# ppm intensity\n");
        for (int i = ppm.size() - 1; i >= 0; i--) {
            double noise = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
            sb.append(ppm.get(i).asDouble()).append(' ').append(1e5 * in.get(i).asDouble() + 30 * noise).append('\n');
        }
        Path f = tmp.resolve("na.txt");
        Files.writeString(f, sb.toString());
        Cli fit = Cli.run("nmr", "fit-lineshape", f.toString(), "--nucleus", "23Na", "--larmor", "105.8MHz", "--json", "-o", tmp.toString());
        assertThat(fit.code).as(fit.err).isZero();
        JsonNode r = fit.json();
        assertThat(Math.abs(r.get("cq_MHz").asDouble() - 3)).isLessThan(4 * r.get("cq_std_MHz").asDouble());
        assertThat(Math.abs(r.get("eta").asDouble() - 0.2)).isLessThan(4 * r.get("eta_std").asDouble() + 0.01);
        assertThat(Math.abs(r.get("iso_ppm").asDouble())).isLessThan(4 * r.get("iso_std_ppm").asDouble());
        assertThat(tmp.resolve("nmr-fit.svg")).exists();
    }

    @Test
    void fitsABrukerProcessedFolder() throws Exception {
        Cli c = Cli.run("nmr", "lineshape", "--nucleus", "11B", "--cq", "1.2MHz", "--eta", "0.5", "--larmor", "160.49MHz",
                "--iso", "-20ppm", "--lb", "200Hz", "--points", "2048", "--range", "-60,20", "--json");
        JsonNode j = c.json();
        Path pdata = Files.createDirectories(tmp.resolve("10/pdata/1"));
        int si = 2048;
        double sf = 160.49, swp = 80 * sf * si / (si - 1.0); // spacing SW_p/(SF·SI) = 80/(SI−1) ppm
        Files.writeString(pdata.resolve("procs"), "##TITLE= test\n##$SI= " + si + "\n##$OFFSET= 20\n##$SW_p= " + swp
                + "\n##$SF= " + sf + "\n##$NC_proc= -2\n##$BYTORDP= 0\n##$DTYPP= 0\n##END=\n");
        ByteBuffer b = ByteBuffer.allocate(4 * si).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < si; i++) b.putInt((int) Math.round(4 * 1e6 * j.at("/spectrum/intensity").get(si - 1 - i).asDouble()));
        Files.write(pdata.resolve("1r"), b.array());
        Cli fit = Cli.run("nmr", "fit-lineshape", pdata.toString(), "--nucleus", "11B", "--larmor", "160.49MHz", "--json");
        assertThat(fit.code).as(fit.err).isZero();
        // noise-free apart from integer rounding: the fit must land on the truth to the grid's accuracy
        assertThat(fit.json().get("cq_MHz").asDouble()).isCloseTo(1.2, within(0.01));
        assertThat(fit.json().get("eta").asDouble()).isCloseTo(0.5, within(0.02));
        assertThat(fit.json().get("iso_ppm").asDouble()).isCloseTo(-20, within(0.1));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path f = tmp.resolve("bad.txt");
        Files.writeString(f, "1 2\n2 3\n3 x\n");
        Cli c = Cli.run("nmr", "fit-lineshape", f.toString(), "--nucleus", "23Na", "--larmor", "105.8MHz");
        assertThat(c.code).isEqualTo(2);
        assertThat(c.err.strip()).isEqualTo("paddlewheel: " + f + ":3: 'x' is not a number (column 2)");
        Cli d = Cli.run("nmr", "lineshape", "--nucleus", "14N", "--cq", "1MHz", "--larmor", "30MHz");
        assertThat(d.code).isEqualTo(2);
        assertThat(d.err).contains("no central transition");
    }
}
