package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cp2k.Cp2kOutput;
import org.paddlewheel.experiment.XyData;

/**
 * The readers outside the structure formats read compressed files too (issue 13): the experiment
 * tables ({@link XyData}, used by the XRD, DSC and polarisation commands) and CP2K outputs, each
 * compared with the plain file.
 */
class CompressedEverywhereTest {
    @TempDir
    Path dir;

    @Test
    void experimentTablesAndCp2kOutputsReadCompressed() throws Exception {
        Path csv = Path.of("src/test/resources/eis/exampleData.csv"), gz = dir.resolve("exampleData.csv.gz");
        CompressedInputTest.compress(csv, gz, "gz");
        XyData a = XyData.read(csv, 2), b = XyData.read(gz, 2);
        assertThat(b.rows()).isEqualTo(a.rows()).isGreaterThan(10);
        for (int c = 0; c < a.width(); c++) assertThat(b.column(c)).containsExactly(a.column(c));

        Path out = Path.of("src/test/resources/cp2k/h2-converged.out"), xz = dir.resolve("h2.out.xz");
        CompressedInputTest.compress(out, xz, "xz");
        assertThat(Cp2kOutput.read(xz, 2).energyEv()).isEqualTo(Cp2kOutput.read(out, 2).energyEv());
    }
}
