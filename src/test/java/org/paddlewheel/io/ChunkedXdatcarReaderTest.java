package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * The chunked (multi-threaded) XDATCAR reader must give exactly the sequential reader's frames —
 * bit-identical positions, same steps and times — for any chunk size (chunk edges fall anywhere
 * inside frames, lines and numbers), and hand over to the sequential reader, errors included, on
 * anything outside its fast shape.
 */
class ChunkedXdatcarReaderTest {
    @TempDir Path dir;

    private static List<Frame> all(TrajectoryReader r) {
        List<Frame> out = new ArrayList<>();
        try (r) {
            while (r.hasNext()) out.add(r.next());
        }
        return out;
    }

    /** A constant-cell file of {@code frames} frames of 7 atoms in a triclinic cell, random positions. */
    private Path write(String name, int frames, long seed) {
        Lattice l = Lattice.fromRowMajor(new double[] {7.1, 0, 0, 0.9, 6.8, 0, -0.4, 0.7, 7.4});
        SplittableRandom rng = new SplittableRandom(seed);
        Element[] sp = {Element.NA, Element.NA, Element.NA, Element.B, Element.H, Element.H, Element.O};
        Path f = dir.resolve(name);
        try (TrajectoryWriter w = Xdatcar.create(f)) {
            for (int k = 1; k <= frames; k++) {
                double[] frac = new double[3 * sp.length];
                for (int i = 0; i < frac.length; i++) frac[i] = rng.nextDouble() * 1.2 - 0.1;
                w.write(new Frame(Structure.ofFractional(l, sp, frac), k, k));
            }
        }
        return f;
    }

    private static void assertSameFrames(List<Frame> got, List<Frame> want) {
        assertThat(got).hasSameSizeAs(want);
        for (int k = 0; k < want.size(); k++) {
            assertThat(got.get(k).step()).isEqualTo(want.get(k).step());
            assertThat(got.get(k).timeFs()).isEqualTo(want.get(k).timeFs());
            // Bit-identical: both parse with a correctly rounded decimal conversion.
            assertThat(got.get(k).structure().positions()).containsExactly(want.get(k).structure().positions());
        }
    }

    @ParameterizedTest(name = "chunk {0} bytes")
    @ValueSource(ints = {1, 97, 500, 1024, 4093, 1 << 20})
    void sameFramesAsTheSequentialReaderForAnyChunkSize(int chunk) {
        Path f = write("XDATCAR", 300, chunk);
        List<Frame> want = all(Xdatcar.sequential(f, 0.5));
        TrajectoryReader r = ChunkedXdatcarReader.open(f, 0.5, 3, chunk);
        assertThat(r).isNotNull();
        assertThat(r.parsesAhead()).isTrue();
        assertSameFrames(all(r), want);
    }

    @Test
    void hardNumberShapesGoThroughTheExactRoute() throws Exception {
        Path f = write("XDATCAR", 50, 7);
        String text = Files.readString(f);
        // Exponents, 20-digit mantissas and '+' signs are outside the fast path; values must still match.
        text = text.replaceFirst(" 0\\.(\\d{12})\\n", " 5.5e-1\n").replaceFirst(" 0\\.(\\d{12}) ", " +0.12345678901234567890123 ");
        assertThat(text).contains(" 5.5e-1\n", " +0.12345678901234567890123 ");
        Files.writeString(f, text);
        assertSameFrames(all(ChunkedXdatcarReader.open(f, 1, 2, 300)), all(Xdatcar.sequential(f, 1)));
    }

    @Test
    void variableCellFilesFallBackToTheSequentialReader() throws Exception {
        Path f = dir.resolve("XDATCAR_npt");
        SplittableRandom rng = new SplittableRandom(3);
        try (TrajectoryWriter w = Xdatcar.create(f)) {
            for (int k = 1; k <= 200; k++) {
                Lattice l = Lattice.cubic(6 + 0.01 * rng.nextDouble());
                Structure s = Structure.builder(l).add(Element.NA, rng.nextDouble(), 1, 2).add(Element.CL, 3, 3, 3).build();
                w.write(new Frame(s, k, k));
            }
        }
        List<Frame> want = all(Xdatcar.sequential(f, 1));
        List<Frame> got = all(ChunkedXdatcarReader.open(f, 1, 2, 256));
        assertSameFrames(got, want);
        for (int k = 0; k < want.size(); k++) {
            assertThat(got.get(k).structure().lattice().rowMajor()).containsExactly(want.get(k).structure().lattice().rowMajor());
        }
    }

    @Test
    void aCorruptLineMidFileGivesTheSequentialReadersErrorAfterEveryGoodFrame() throws Exception {
        Path f = write("XDATCAR", 400, 11);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        int bad = 7 + 250 * 8 + 3;                            // 1-based: header 7 lines, frames of 8 lines
        lines.set(bad - 1, "  0.1 0.2 oops");
        Files.write(f, lines);
        TrajectoryReader r = ChunkedXdatcarReader.open(f, 1, 2, 512);
        int seen = 0;
        try (r) {
            for (; seen < 250; seen++) r.next();
            assertThatThrownBy(r::hasNext).isInstanceOf(InputException.class)
                    .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(bad))
                    .hasMessageContaining("configuration 251");
        }
    }

    @Test
    void aTruncatedLastFrameIsReportedAsTheSequentialReaderDoes() throws Exception {
        Path f = write("XDATCAR", 120, 5);
        String text = Files.readString(f);
        Files.writeString(f, text.substring(0, text.length() - 60));
        TrajectoryReader r = ChunkedXdatcarReader.open(f, 1, 2, 700);
        int seen = 0;
        try (r) {
            for (; seen < 119; seen++) r.next();
            assertThatThrownBy(r::hasNext).isInstanceOf(InputException.class).hasMessageContaining("end of file");
        }
    }

    @Test
    void largeFilesAreOpenedChunkedAndSmallOnesSequentially() throws Exception {
        Path small = write("XDATCAR_small", 10, 1);
        assertThat(Xdatcar.open(small, 1).parsesAhead()).isFalse();
        Path big = write("XDATCAR_big", (int) (Xdatcar.CHUNKED_FROM_BYTES / (7 * 51)) + 10, 2);
        assertThat(Files.size(big)).isGreaterThanOrEqualTo(Xdatcar.CHUNKED_FROM_BYTES);
        try (TrajectoryReader r = Xdatcar.open(big, 1)) {
            assertThat(r.parsesAhead()).isEqualTo(Runtime.getRuntime().availableProcessors() > 1);
        }
    }
}
