package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paddlewheel.cli.CliRunner;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;

/**
 * Compressed files and ASE-style names (issue 13): every reader takes .gz/.xz/.bz2 and names such
 * as run1.XDATCAR, XDATCAR_500K, POSCAR.relaxed; the frames equal those of the plain file exactly.
 */
class CompressedInputTest {
    @TempDir Path dir;

    static void compress(Path plain, Path out, String kind) throws IOException {
        try (OutputStream raw = Files.newOutputStream(out);
             OutputStream c = switch (kind) {
                 case "gz" -> new GZIPOutputStream(raw);
                 case "xz" -> new XZCompressorOutputStream(raw);
                 case "bz2" -> new BZip2CompressorOutputStream(raw);
                 default -> throw new IllegalArgumentException(kind);
             }) {
            c.write(Files.readAllBytes(plain));
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "XDATCAR_variable, run1.XDATCAR.gz, gz",
        "XDATCAR_variable, XDATCAR_500K.xz, xz",
        "XDATCAR_constant, XDATCAR.bz2, bz2",
        "XDATCAR_constant, md.XDATCAR, none",
        "ase_Na3OBH4.extxyz, traj.extxyz.gz, gz",
        "lammps/dump_tri.lammpstrj, run.lammpstrj.xz, xz",
    })
    void compressedTrajectoriesReadAsThePlainFile(String fixture, String name, String kind) throws Exception {
        Path plain = PoscarTest.fixture(fixture);
        Path p = dir.resolve(name);
        if (kind.equals("none")) Files.copy(plain, p);
        else compress(plain, p, kind);
        List<Frame> expected = XdatcarTest.readAll(Formats.openTrajectory(plain, null, 1.0));
        List<Frame> actual = XdatcarTest.readAll(Formats.openTrajectory(p, null, 1.0));
        assertThat(actual).hasSameSizeAs(expected).isNotEmpty();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).step()).isEqualTo(expected.get(i).step());
            IoFixtures.assertSameStructure(actual.get(i).structure(), expected.get(i).structure(), 0.0, name + " frame " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({"CONTCAR_Na3OBH4, POSCAR.relaxed.gz, gz", "CONTCAR_Na3OBH4, Na3OBH4_CONTCAR, none", "cif/Na3OBH4_Pm-3m_vesta.cif, x.cif.bz2, bz2"})
    void compressedStructuresAndAseNames(String fixture, String name, String kind) throws Exception {
        Path plain = PoscarTest.fixture(fixture);
        Path p = dir.resolve(name);
        if (kind.equals("none")) Files.copy(plain, p);
        else compress(plain, p, kind);
        IoFixtures.assertSameStructure(Formats.readStructure(p, null), Formats.readStructure(plain, null), 0.0, name);
    }

    @Test
    void aTruncatedGzipIsAnErrorAtTheLineWhereItBreaksOff() throws Exception {
        // 2,000 frames of 40 atoms (≈ 3.3 MB): larger than the readers' 1 MB blocks, so the error
        // comes after many good lines (it names the first line of the block that failed)
        Path plain = dir.resolve("XDATCAR");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        var cell = IoFixtures.randomStandardCell(rnd);
        var s = IoFixtures.randomStructure(rnd, cell, false);
        while (s.size() < 20) s = IoFixtures.randomStructure(rnd, cell, false);
        try (TrajectoryWriter w = Formats.createTrajectoryWriter(plain, null)) {
            for (int f = 0; f < 2000; f++) w.write(new Frame(s, f, f + 1));
        }
        Path gz = dir.resolve("XDATCAR.gz");
        compress(plain, gz, "gz");
        byte[] b = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(b, b.length * 2 / 3));
        assertThatThrownBy(() -> XdatcarTest.readAll(Formats.openTrajectory(gz, null, 1.0)))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).isGreaterThan(1000))
                .satisfies(e -> assertThat(((InputException) e).source()).isEqualTo(gz.toString()));
        Path out = dir.resolve("out.extxyz");
        CliRunner.Result r = CliRunner.run("convert", gz.toString(), out.toString(), "-q");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).matches("paddlewheel: " + java.util.regex.Pattern.quote(gz.toString()) + ":\\d+: .*\\s*");
        assertThat(out).doesNotExist();
    }

    @Test
    void aCompressedImpedanceSpectrumReads() throws Exception {
        Path gz = dir.resolve("exampleData.csv.gz");
        compress(Path.of("src/test/resources/eis/exampleData.csv"), gz, "gz");
        CliRunner.Result r = CliRunner.run("eis", "kk", gz.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(org.paddlewheel.cli.Json.MAPPER.readTree(r.out()).get("points").asInt()).isEqualTo(66);
    }

    @Test
    void namesAreJudgedWithoutTheCompressionSuffix() {
        assertThat(Formats.detect(Path.of("run1.XDATCAR.gz"), null)).isEqualTo(Formats.Format.XDATCAR);
        assertThat(Formats.detect(Path.of("XDATCAR_500K"), null)).isEqualTo(Formats.Format.XDATCAR);
        assertThat(Formats.detect(Path.of("POSCAR.relaxed"), null)).isEqualTo(Formats.Format.POSCAR);
        assertThat(Formats.detect(Path.of("a.lammpstrj.bz2"), null)).isEqualTo(Formats.Format.LAMMPS_DUMP);
        assertThat(Formats.detect(Path.of("x.cif.xz"), null)).isEqualTo(Formats.Format.CIF);
        assertThatThrownBy(() -> Formats.detect(Path.of("notes.txt.gz"), null)).isInstanceOf(InputException.class);
    }

    /** One --format option on the commands that read files: a name nothing recognises reads with it. */
    @Test
    void formatOptionReadsAnUnrecognisedName() throws Exception {
        Path traj = dir.resolve("run.bin.gz");
        compress(PoscarTest.fixture("XDATCAR_constant"), traj, "gz");
        Path out = dir.resolve("out.extxyz");
        CliRunner.Result bad = CliRunner.run("convert", traj.toString(), out.toString(), "-q");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--format");
        CliRunner.Result ok = CliRunner.run("convert", traj.toString(), out.toString(), "--format", "xdatcar", "--timestep", "2fs", "-q");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(XdatcarTest.readAll(Formats.openTrajectory(out, null, 0))).hasSize(3);
        assertThat(CliRunner.run("info", traj.toString(), "--format", "xdatcar").exitCode()).isZero();
        Path spectrum = dir.resolve("spectrum.dat");
        java.nio.file.Files.copy(Path.of("src/test/resources/eis/exampleDataBioLogic.mpt"), spectrum);
        CliRunner.Result kk = CliRunner.run("eis", "kk", spectrum.toString(), "--format", "mpt", "--json");
        assertThat(kk.exitCode()).as(kk.err()).isZero();
        assertThat(org.paddlewheel.cli.Json.MAPPER.readTree(kk.out()).get("points").asInt()).isEqualTo(43);
        assertThat(CliRunner.run("eis", "kk", spectrum.toString(), "--format", "nonsense").exitCode()).isEqualTo(2);
    }
}
