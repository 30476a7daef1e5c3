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
}
