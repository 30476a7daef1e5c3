package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Split keys: the snapshots {@code dft single-point} made from one input file share a key within one
 * data file (an MD piece or a scan is held out whole), the same source name in two data files does not
 * (every MD piece's inputs are called trajectory.extxyz), and frames without a source are keyed one by one.
 */
class Uf3DatasetGroupTest {
    @Test
    void framesOfOneInputFileShareAKeyAndFilesDoNot() {
        Path a = Path.of("forcefields/dft/md-x1-250K-1.extxyz"), b = Path.of("data/md-x05-900K-2.extxyz.gz");
        assertThat(Uf3Dataset.groupKey(a, "trajectory.extxyz#0", 0)).isEqualTo(Uf3Dataset.groupKey(a, "trajectory.extxyz#2", 2))
                .isEqualTo("md-x1-250K-1.extxyz:trajectory.extxyz");
        assertThat(Uf3Dataset.groupKey(a, "trajectory.extxyz#0", 0)).isNotEqualTo(Uf3Dataset.groupKey(b, "trajectory.extxyz#0", 0));
        assertThat(Uf3Dataset.groupKey(b, "trajectory.extxyz#1", 1)).isEqualTo("md-x05-900K-2.extxyz:trajectory.extxyz");
        assertThat(Uf3Dataset.groupKey(a, null, 4)).isEqualTo("md-x1-250K-1.extxyz#4");
        assertThat(Uf3Dataset.groupKey(a, "synthetic-5", 5)).isNotEqualTo(Uf3Dataset.groupKey(a, "synthetic-6", 6));
    }

    /**
     * Thinning keeps at most N frames of each non-test optimisation group, evenly spaced and always the last (the relaxed
     * structure); other config_types and every test group keep all their frames, so the test set is the same with and
     * without it.
     */
    @Test
    void thinningCutsOptimisationRunsButNeverTheTestSet() {
        java.util.List<Uf3Dataset.Frame> frames = new java.util.ArrayList<>();
        org.paddlewheel.model.Structure s = org.paddlewheel.model.Structure.of(org.paddlewheel.model.Lattice.cubic(5),
                new org.paddlewheel.model.Element[] {org.paddlewheel.model.Element.of("Na")}, new double[3]);
        for (int g = 0; g < 40; g++) {
            String type = g % 2 == 0 ? "opt-barrier-run" : "md-x1-500K";
            for (int i = 0; i < 11; i++) {
                var l = new org.paddlewheel.io.LabelledXyz.Labelled(s, -i, new double[3], null, null, java.util.Map.of("config_type", type, "step", "" + i));
                frames.add(new Uf3Dataset.Frame(l, "file-" + g + ":relax.out"));
            }
        }
        var thinned = Uf3Dataset.thin(frames, "opt-*", 3, 0.1);
        var test = Uf3Dataset.split(frames, 0.1, 0).test();
        assertThat(test).isNotEmpty();
        assertThat(Uf3Dataset.split(thinned, 0.1, 0).test()).containsExactlyElementsOf(test);
        for (int g = 0; g < 40; g++) {
            String key = "file-" + g + ":relax.out";
            var kept = thinned.stream().filter(f -> f.group().equals(key)).map(f -> f.labelled().info().get("step")).toList();
            boolean inTest = test.stream().anyMatch(f -> f.group().equals(key));
            if (g % 2 == 1 || inTest) assertThat(kept).as(key).hasSize(11);
            else assertThat(kept).as(key).containsExactly("0", "5", "10");
        }
        assertThat(Uf3Dataset.thin(frames, "opt-*", 20, 0.1)).isEqualTo(frames);
    }
}
