package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paddlewheel.cli.CliRunner;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Structure;

/**
 * Writers given a compressed name compress (issue 13): the file starts with the format's magic
 * bytes, is smaller than the plain one, and reads back (through {@link CompressedInput}) to the same
 * structure or the same frames as the plain output.
 */
class CompressedOutputTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "io/CONTCAR_Na3OBH4, out.vasp.gz, GZIP",
        "io/CONTCAR_Na3OBH4, out.cif.bz2, BZIP2",
        "io/CONTCAR_Na3OBH4, POSCAR.xz, XZ",
        "io/XDATCAR_variable, run.extxyz.gz, GZIP",
        "io/XDATCAR_variable, XDATCAR_copy.xz, XZ",
        "io/XDATCAR_variable, run.lammpstrj.bz2, BZIP2",
    })
    void convertCompressesByTheOutputName(String input, String name, CompressedInput.Kind kind) throws Exception {
        Path in = Path.of("src/test/resources", input), out = dir.resolve(name);
        String plainName = CompressedInput.baseName(out);
        Path plain = dir.resolve("plain-" + plainName);
        var r = CliRunner.run("convert", in.toString(), out.toString(), "-q", "--timestep", "1fs");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(CliRunner.run("convert", in.toString(), plain.toString(), "-q", "--timestep", "1fs").exitCode()).isZero();
        assertThat(CompressedInput.kind(out)).isEqualTo(kind);
        assertThat(Files.size(out)).isLessThan(Files.size(plain));
        assertThat(CompressedInput.readAllBytes(out)).isEqualTo(Files.readAllBytes(plain));
        if (Formats.isTrajectory(Formats.detect(out, null))) {
            int n = 0;
            try (TrajectoryReader a = Formats.openTrajectory(plain, null, 1); TrajectoryReader b = Formats.openTrajectory(out, null, 1)) {
                while (a.hasNext()) {
                    Frame fa = a.next(), fb = b.next();
                    assertThat(fb.structure().positions()).containsExactly(fa.structure().positions());
                    n++;
                }
                assertThat(b.hasNext()).isFalse();
            }
            assertThat(n).isGreaterThan(1);
        } else {
            Structure a = Formats.readStructure(plain, null), b = Formats.readStructure(out, null);
            assertThat(b.positions()).containsExactly(a.positions());
        }
    }

    @ParameterizedTest
    @CsvSource({"traj.extxyz.gz", "XDATCAR.bz2"})
    void aLiveTrajectoryRefusesACompressedName(String name) {
        assertThatThrownBy(() -> Formats.openTrajectoryAppender(dir.resolve(name), null, -1)).isInstanceOf(InputException.class)
                .hasMessageContaining("cannot be compressed");
        assertThat(dir.resolve(name)).doesNotExist();
    }
}
