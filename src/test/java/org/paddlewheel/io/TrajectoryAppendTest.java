package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * The live append mode of the trajectory writers: same bytes as the normal writer, and a resume
 * after a cut-off partial frame continues byte for byte (exact comparison, no tolerance).
 */
class TrajectoryAppendTest {
    @TempDir
    Path tmp;

    static Frame frame(int k) {
        // the cell changes at frame 3 so XDATCAR repeats its header there
        Lattice l = k < 3 ? Lattice.cubic(5) : Lattice.orthorhombic(5, 5, 5.1);
        Structure s = Structure.builder(l).add(Element.NA, 0.1 * k, 0, 0).add(Element.CL, 2.5, 2.5, 2.5 + 0.01 * k)
                .add(Element.NA, 7.0 + k, 1, 1).build();
        return new Frame(s, 5.0 * k, 10L * k + 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XDATCAR", "t.extxyz", "t.dump"})
    void resumeAfterPartialFrameContinuesByteForByte(String name) throws IOException {
        Path normal = tmp.resolve("normal").resolve(name), live = tmp.resolve("live").resolve(name);
        try (TrajectoryWriter w = Formats.createTrajectoryWriter(normal, null)) {
            for (int k = 0; k < 6; k++) w.write(frame(k));
        }
        try (TrajectoryWriter w = Formats.openTrajectoryAppender(live, null, -1)) {
            for (int k = 0; k < 5; k++) w.write(frame(k));
        }
        byte[] partial = Files.readAllBytes(normal);
        // a killed run: frames 0..4 complete, then half of frame 5's text
        byte[] five = Files.readAllBytes(live);
        Files.write(live, java.util.Arrays.copyOfRange(partial, five.length, five.length + (partial.length - five.length) / 2),
                StandardOpenOption.APPEND);
        // checkpoint at step 125: frames 0..2 (steps 100..120) stay, 3 and 4 are cut with the partial frame
        try (TrajectoryWriter w = Formats.openTrajectoryAppender(live, null, 125)) {
            for (int k = 3; k < 6; k++) w.write(frame(k));
        }
        assertThat(new String(Files.readAllBytes(live))).isEqualTo(new String(Files.readAllBytes(normal)));
        try (TrajectoryReader r = Formats.openTrajectory(live, null, 0)) {
            int n = 0;
            while (r.hasNext()) { r.next(); n++; }
            assertThat(n).isEqualTo(6);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 99})
    void nothingToKeepStartsAfresh(long resumeAfter) throws IOException {
        Path f = tmp.resolve("t.extxyz");
        Files.writeString(f, "garbage\n");
        try (TrajectoryWriter w = Formats.openTrajectoryAppender(f, null, resumeAfter)) {
            w.write(frame(0));
        }
        assertThat(Files.readString(f)).startsWith("3\nLattice=");
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 20})
    void stepKeyedLogKeepsHeaderAndLinesThroughTheStep(long step) throws IOException {
        Path f = tmp.resolve("thermo.csv");
        Files.writeString(f, "step,x\n0,1\n10,2\n20,3\n30,4\n40,");
        long keep = LiveTextFile.lengthThroughStep(f, step);
        assertThat(Files.readString(f).substring(0, (int) keep)).isEqualTo(step == 5 ? "step,x\n0,1\n" : "step,x\n0,1\n10,2\n20,3\n");
        assertThat(LiveTextFile.lengthThroughStep(tmp.resolve("missing.csv"), step)).isZero();
    }
}
