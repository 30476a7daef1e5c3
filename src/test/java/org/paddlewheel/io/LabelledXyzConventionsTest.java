package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.forcefield.fit.Uf3Dataset;
import org.paddlewheel.model.InputException;

/**
 * DFT data written by other tools: MACE-style files keep the reference under {@code REF_energy}, {@code REF_forces} and
 * {@code REF_stress} beside a model's {@code energy} and {@code forces}; GAP-style files use {@code dft_energy},
 * {@code dft_forces} and a {@code virial} (eV, W = −σV, as ASE and QUIP write it). The reference labels must win, the
 * virial must become σ = −W/V (checked on a 2 × 3 × 4 Å cell, V = 24 Å³), and a broken frame inside a gzip-compressed
 * dataset must be reported with the .gz file's own name and the line.
 */
class LabelledXyzConventionsTest {
    @TempDir
    Path tmp;

    private static final String CELL = "Lattice=\"2 0 0 0 3 0 0 0 4\" ";

    @Test
    void referenceLabelsWinOverAModelsPredictions() throws Exception {
        Path f = tmp.resolve("mace.extxyz");
        Files.writeString(f, "1\n" + CELL + "Properties=species:S:1:pos:R:3:forces:R:3:REF_forces:R:3 energy=-1.0 REF_energy=-2.5"
                + " REF_stress=\"1 2 3 4 5 6\" config_type=x pbc=\"T T T\"\nNa 0 0 0 9 9 9 0.1 0.2 0.3\n");
        var l = LabelledXyz.read(f).get(0);
        assertThat(l.energyEv()).isEqualTo(-2.5);
        assertThat(l.forcesEvPerA()).containsExactly(0.1, 0.2, 0.3);
        // Voigt xx yy zz yz xz xy → row-major 3x3
        assertThat(l.stressEvPerA3()).containsExactly(1, 6, 5, 6, 2, 4, 5, 4, 3);
        assertThat(l.info()).containsKey("energy").doesNotContainKey("REF_energy").containsEntry("config_type", "x");
    }

    @Test
    void aVirialBecomesStress() throws Exception {
        Path f = tmp.resolve("gap.extxyz");
        Files.writeString(f, "1\n" + CELL + "Properties=species:S:1:pos:R:3:dft_forces:R:3 dft_energy=-3.0"
                + " virial=\"24 0 0 0 48 0 0 0 -12\"\nNa 0 0 0 0.1 0.2 0.3\n");
        var l = LabelledXyz.read(f).get(0);
        assertThat(l.energyEv()).isEqualTo(-3.0);
        double[] s = l.stressEvPerA3();
        assertThat(s[0]).isCloseTo(-1.0, within(1e-12));
        assertThat(s[4]).isCloseTo(-2.0, within(1e-12));
        assertThat(s[8]).isCloseTo(0.5, within(1e-12));
        assertThat(l.info()).doesNotContainKey("virial");
    }

    @Test
    void aBrokenFrameInAGzipDatasetNamesTheFileAndLine() throws Exception {
        Path f = tmp.resolve("data.extxyz.gz");
        String good = "1\n" + CELL + "Properties=species:S:1:pos:R:3:forces:R:3 energy=-1.0\nNa 0 0 0 0 0 0\n";
        String bad = "1\n" + CELL + "Properties=species:S:1:pos:R:3:forces:R:3 energy=-1.0\nNa 0 0 zero 0 0 0\n";
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write((good + bad).getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> Uf3Dataset.read(List.of(f)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("zero")
                .satisfies(e -> {
                    assertThat(((InputException) e).source()).endsWith("data.extxyz.gz");
                    assertThat(((InputException) e).line()).isEqualTo(6);
                });
        Path ok = tmp.resolve("ok.extxyz.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(ok))) {
            out.write((good + good).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Uf3Dataset.read(List.of(ok))).hasSize(2);
    }

    @Test
    void aFrameWithoutAnyEnergyKeySaysWhichKeysAreRead() throws Exception {
        Path f = tmp.resolve("none.extxyz");
        Files.writeString(f, "1\n" + CELL + "Properties=species:S:1:pos:R:3:forces:R:3\nNa 0 0 0 0 0 0\n");
        assertThatThrownBy(() -> LabelledXyz.read(f)).isInstanceOf(InputException.class).hasMessageContaining("REF_energy")
                .satisfies(e -> assertThat(((InputException) e).source()).endsWith("none.extxyz"));
    }
}
