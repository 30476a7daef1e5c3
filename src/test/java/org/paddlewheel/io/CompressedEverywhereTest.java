package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cp2k.Cp2kOutput;
import org.paddlewheel.experiment.NumericTable;

/**
 * The readers outside the structure formats read compressed files too (issue 13): the experiment
 * * tables ({@link NumericTable} curves, used by the XRD, DSC and polarisation commands) and CP2K outputs, each
 * compared with the plain file; and CP2K's positions file with its .cell file, each compressed.
 */
class CompressedEverywhereTest {
    @TempDir
    Path dir;

    @Test
    void experimentTablesAndCp2kOutputsReadCompressed() throws Exception {
        Path csv = Path.of("src/test/resources/eis/exampleData.csv"), gz = dir.resolve("exampleData.csv.gz");
        CompressedInputTest.compress(csv, gz, "gz");
        NumericTable a = NumericTable.readCurve(csv, 2), b = NumericTable.readCurve(gz, 2);
        assertThat(b.rows()).isEqualTo(a.rows()).isGreaterThan(10);
        for (int c = 0; c < a.width(); c++) assertThat(b.column(c)).containsExactly(a.column(c));

        Path out = Path.of("src/test/resources/cp2k/h2-converged.out"), xz = dir.resolve("h2.out.xz");
        CompressedInputTest.compress(out, xz, "xz");
        assertThat(Cp2kOutput.read(xz, 2).energyEv()).isEqualTo(Cp2kOutput.read(out, 2).energyEv());
    }

    @Test
    void aCp2kTrajectoryAndItsCellFileReadCompressed() throws Exception {
        Path res = Path.of("src/test/resources/io/cp2k");
        Path pos = dir.resolve("NaCl-pos-1.xyz.bz2"), cell = dir.resolve("NaCl-1.cell.xz");
        CompressedInputTest.compress(res.resolve("NaCl-pos-1.xyz"), pos, "bz2");
        CompressedInputTest.compress(res.resolve("NaCl-1.cell"), cell, "xz");
        assertThat(Cp2kTrajectory.isPositionsFile(pos)).isTrue();
        assertThat(Cp2kTrajectory.cellFileFor(pos)).isEqualTo(cell);
        int n = 0;
        try (TrajectoryReader a = Formats.openTrajectory(res.resolve("NaCl-pos-1.xyz"), null, 0);
             TrajectoryReader b = Formats.openTrajectory(pos, null, 0)) {
            while (a.hasNext()) {
                var fa = a.next();
                var fb = b.next();
                assertThat(fb.structure().positions()).containsExactly(fa.structure().positions());
                assertThat(fb.structure().lattice().rowMajor()).containsExactly(fa.structure().lattice().rowMajor());
                assertThat(fb.timeFs()).isEqualTo(fa.timeFs());
                n++;
            }
            assertThat(b.hasNext()).isFalse();
        }
        assertThat(n).isEqualTo(4);
    }
}
