package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cli.Main;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.io.LabelledXyz;

/**
 * {@code paddlewheel fit-ff --dataset FILE.extxyz.gz --form uf3 -o model.json --report DIR} end to
 * end on a small synthetic set (12 antiperovskites + 8 random Na8O4 cells, known spline model, the
 * truth's knots given through {@code --base}): the report files and plots exist, and the written
 * model, loaded back through {@link ForceField#load} and run in the engine with its atom energies,
 * reproduces the held-out test configurations' energies within 1e-4 eV/atom and forces within
 * 1e-3 eV/Å RMS (noise-free data from an exactly representable model; the recovery test holds the
 * tighter numbers, this one checks that nothing is lost between the fit and the JSON file).
 */
class FitFfUf3CliTest {
    @TempDir
    Path tmp;

    @Test
    void fitsADatasetWritesTheReportAndAModelThatReproducesTheTestSet() throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(9, 4, 8);
        Path plain = data.write(tmp.resolve("d.extxyz")), gz = tmp.resolve("d.extxyz.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) { Files.copy(plain, out); }
        Path base = tmp.resolve("truth.json");
        Files.writeString(base, data.truthJson.toPrettyString());
        Path model = tmp.resolve("model.json"), rep = tmp.resolve("report");
        var cl = Main.commandLine(new String[] {"fit-ff"});
        StringWriter sw = new StringWriter();
        cl.setOut(new PrintWriter(sw));
        int rc = cl.execute("fit-ff", "--dataset", gz.toString(), "--form", "uf3", "--base", base.toString(), "-o", model.toString(),
                "--report", rep.toString());
        assertThat(rc).as(sw.toString()).isZero();
        for (String f : List.of("uf3-fit.json", "uf3-fit.md", "parity-energy.png", "parity-force.svg", "parity-stress.png",
                "learning-curve.png", "pair-curves.svg")) {
            assertThat(rep.resolve(f)).exists();
        }
        ForceField ff = ForceField.load(model);
        assertThat(ff.splinePairs()).hasSize(data.truth.splinePairs().size());
        var split = Uf3Dataset.split(Uf3Dataset.read(List.of(plain)), 0.1, 0.2);
        assertThat(split.test()).isNotEmpty();
        double worstE = 0, ss = 0;
        long n = 0;
        for (Uf3Dataset.Frame fr : split.test()) {
            LabelledXyz.Labelled l = fr.labelled();
            Cell cell = new Cell(l.structure().lattice());
            double[] f = new double[3 * l.structure().size()];
            double e;
            try (ForceEngine eng = new ForceEngine(Topology.build(ff, l.structure()), cell, ForceEngine.Options.defaults())) {
                e = eng.compute(l.structure().positions(), cell, f);
            }
            worstE = Math.max(worstE, Math.abs(e - l.energyEv()) / l.structure().size());
            for (int k = 0; k < f.length; k++) { ss += Math.pow(f[k] - l.forcesEvPerA()[k], 2); n++; }
        }
        double rms = Math.sqrt(ss / n);
        System.out.printf("fit-ff uf3 CLI: test frames %d, worst |ΔE| %.3g eV/atom, force RMS %.3g eV/Å%n", split.test().size(), worstE, rms);
        assertThat(worstE).isLessThan(1e-4);
        assertThat(rms).isLessThan(1e-3);
    }

    /**
     * {@code dft compare} judges a model on the split it was fitted with: a fit with {@code --test-fraction 0.4} holds out
     * more groups than the default 0.1, and the comparison's "test" set must be exactly those configurations (before
     * 3 Dec 2026 it always used 0.1 / 0.2, calling fitted configurations "test").
     */
    @Test
    void dftCompareUsesTheModelsOwnSplit() throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(9, 4, 8);
        Path d = data.write(tmp.resolve("d.extxyz"));
        Path base = tmp.resolve("truth.json");
        Files.writeString(base, data.truthJson.toPrettyString());
        Path model = tmp.resolve("model.json");
        var cl = Main.commandLine(new String[] {"fit-ff"});
        cl.setOut(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("fit-ff", "--dataset", d.toString(), "--form", "uf3", "--base", base.toString(), "-o", model.toString(),
                "--test-fraction", "0.4")).isZero();
        int fitted = new com.fasterxml.jackson.databind.ObjectMapper().readTree(model.toFile()).path("fit").path("test_configurations").asInt();
        int defaults = Uf3Dataset.split(Uf3Dataset.read(List.of(d)), 0.1, 0.2).test().size();
        assertThat(fitted).as("the check needs a fraction that changes the test set").isNotEqualTo(defaults);
        var cmp = Main.commandLine(new String[] {"dft"});
        StringWriter out = new StringWriter();
        cmp.setOut(new PrintWriter(out));
        assertThat(cmp.execute("dft", "compare", "--ff", model.toString(), "--json", "--dataset", d.toString())).isZero();
        var js = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(js.path("sets").path("test").path("configs").asInt()).isEqualTo(fitted);
    }
}
