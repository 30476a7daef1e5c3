package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.io.LabelledXyz;

/**
 * {@code fit-ff --relative-energy GLOB --relative-energy-key REGEX}: relaxations of one cell written to several files
 * (the start and the saddle-plane optimisation of a hop) must share one relative group, so that the energy difference
 * between them, the relaxed barrier, is a target. Synthetic set of {@link Uf3RecoveryTest} (exactly representable): the
 * Na8O4 cells become "relaxations" {@code random-a-start} and {@code random-a-plane} (Na8O4 throughout, so energies of
 * different cells compare), three frames to a file; the plane frames carry an extra +20 meV/atom that the truth does not
 * have, a wrong barrier. Kept apart (no key), each group's level is free and the fit stays exact (energy RMSE on the
 * antiperovskites below 1e-4 eV/atom, as {@link Uf3RelativeEnergyTest}); joined, the rows' centred energy
 * targets must carry the data's plane − start difference (shift included) to 1e-9 eV/atom, where apart they carry none,
 * and the rows must carry the joined group's name. (In this exactly representable set the force rows pin the model: the
 * wrong barrier moves the fitted difference by only ~6e-6 eV/atom, so the test reads the targets, not the fit.)
 */
class Uf3RelativeEnergyKeyTest {
    @TempDir
    Path tmp;

    @Test
    void joinedGroupsMakeTheDifferenceBetweenFilesATarget() throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(5, 8, 24);
        List<LabelledXyz.Labelled> out = new ArrayList<>();
        int k = 0;
        for (var f : data.frames) {
            if (!f.info().get("config_type").startsWith("random")) { out.add(f); continue; }
            boolean plane = (k / 3) % 2 == 1;
            String cell = "c" + (k / 6);
            Map<String, String> info = new LinkedHashMap<>(f.info());
            info.put("config_type", "random-" + cell + (plane ? "-plane" : "-start"));
            info.put("source", "opt-" + cell + (plane ? "-plane" : "-start") + "#" + k++);
            double e = f.energyEv() + (plane ? 0.020 * f.structure().size() : 0);
            out.add(new LabelledXyz.Labelled(f.structure(), e, f.forcesEvPerA(), f.stressEvPerA3(), f.charges(), info));
        }
        Path file = tmp.resolve("relaxations.extxyz");
        LabelledXyz.write(file, out);
        Path base = tmp.resolve("truth.json");
        Files.writeString(base, data.truthJson.toPrettyString());
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2).withRelativeEnergy("random-*");
        PrintStream log = new PrintStream(System.err, true);
        Uf3Fitter.Result apart = new Uf3Fitter(opt, log).fit(Uf3Dataset.read(List.of(file)));
        Uf3Fitter.Result joined = new Uf3Fitter(opt.withRelativeEnergyKey("random-(c\\d+)-(?:start|plane)"), log)
                .fit(Uf3Dataset.read(List.of(file)));
        double dApart = planeMinusStart(apart, out), dJoined = planeMinusStart(joined, out);
        String cell = firstPairInTraining(joined);
        double tApart = rowsPlaneMinusStart(apart, cell), tJoined = rowsPlaneMinusStart(joined, cell), raw = dataPlaneMinusStart(out, cell);
        System.out.printf("%s plane - start in the rows: apart %.4g, joined %.4g eV/atom (data %.4g); model over the truth: apart %.3g, joined %.3g%n",
                cell, tApart, tJoined, raw, dApart, dJoined);
        assertThat(Math.abs(tApart)).as("apart: each file's energies are centred on their own mean").isLessThan(1e-12);
        assertThat(tJoined).as("joined: the rows carry the data's difference between the files").isCloseTo(raw, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Math.abs(dApart)).as("apart: the shift is not learned; the fit stays exact").isLessThan(2e-4);
        assertThat(joined.train().stream().filter(r -> r.configType().startsWith("random")).map(Uf3Design.Rows::group))
                .allMatch(g -> g.startsWith("relative:c"));
        assertThat(apart.train().stream().filter(r -> r.configType().startsWith("random")).map(Uf3Design.Rows::group))
                .noneMatch(g -> g.startsWith("relative:"));
        assertThat(joined.model().path("fit").path("relative_energy_key").asText()).startsWith("random-");
    }

    /** The first cell whose start and plane files are both in training. */
    private static String firstPairInTraining(Uf3Fitter.Result r) {
        for (int c = 0; c < 10; c++) {
            String cell = "random-c" + c;
            if (r.train().stream().anyMatch(x -> x.configType().equals(cell + "-plane"))
                    && r.train().stream().anyMatch(x -> x.configType().equals(cell + "-start"))) return cell;
        }
        throw new AssertionError("no relaxation pair in training");
    }

    /** Mean centred energy (target + fixed part, eV/atom) of the cell's plane rows minus that of its start rows. */
    private static double rowsPlaneMinusStart(Uf3Fitter.Result r, String cell) {
        return r.train().stream().filter(x -> x.configType().equals(cell + "-plane")).mapToDouble(x -> x.energyTarget() + x.energyFixed()).average().orElseThrow()
                - r.train().stream().filter(x -> x.configType().equals(cell + "-start")).mapToDouble(x -> x.energyTarget() + x.energyFixed()).average().orElseThrow();
    }

    /** The same difference from the data file's energies, eV/atom. */
    private static double dataPlaneMinusStart(List<LabelledXyz.Labelled> frames, String cell) {
        double p = frames.stream().filter(l -> l.info().get("config_type").equals(cell + "-plane")).mapToDouble(l -> l.energyEv() / l.structure().size()).average().orElseThrow();
        double q = frames.stream().filter(l -> l.info().get("config_type").equals(cell + "-start")).mapToDouble(l -> l.energyEv() / l.structure().size()).average().orElseThrow();
        return p - q;
    }

    /** Mean over cells of (model − truth) of the plane frames minus that of the start frames, eV/atom. */
    private static double planeMinusStart(Uf3Fitter.Result r, List<LabelledXyz.Labelled> frames) {
        double plane = 0, start = 0;
        int np = 0, ns = 0;
        for (int i = 0; i < frames.size(); i++) {
            var l = frames.get(i);
            String t = l.info().get("config_type");
            if (!t.startsWith("random")) continue;
            var fr = DftComparison.evaluate(r.fittedModel(), new Uf3Dataset.Frame(l, "x"));
            double err = (fr.modelEnergyEv() - fr.dftEnergyEv()) / l.structure().size();
            if (t.endsWith("-plane")) { plane += err + 0.020; np++; } else { start += err; ns++; }
        }
        return plane / np - start / ns;
    }
}
