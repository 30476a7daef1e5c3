package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results are written whole or not at all, and readable by others like any ordinary file. */
class AtomicFileTest {
    @TempDir Path dir;

    @Test
    void writtenFilesAreWorldReadableNotOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path f = dir.resolve("out.csv");
        AtomicFile.writeText(f, w -> w.write("a,b\n"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
        Path g = dir.resolve("traj.xyz");
        TempFileWriter t = new TempFileWriter(g);
        t.append("1\n");
        t.close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(g))).isEqualTo("rw-r--r--");
    }

    @Test
    void aFailedWriteLeavesNeitherTargetNorTemporaryFile() throws IOException {
        Path f = dir.resolve("out.csv");
        assertThatThrownBy(() -> AtomicFile.writeText(f, w -> { w.write("half"); throw new IOException("disk full"); }))
                .hasMessageContaining("disk full");
        try (var s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
    }
}
