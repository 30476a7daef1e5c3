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

    /**
     * An output folder that cannot be made or written is named with the reason, never the hidden
     * temporary file (issue 13). Made impossible here by a file in its place (root ignores
     * permissions); read-only folders take the same path through {@link AtomicFile#temporarySibling}.
     */
    @Test
    void anUnwritableOutputFolderIsNamed() throws IOException {
        Path blocker = dir.resolve("results");
        Files.writeString(blocker, "not a folder");
        org.paddlewheel.cli.CliRunner.Result r = org.paddlewheel.cli.CliRunner.run("build", "antiperovskite", "--x", "0", "--supercell", "1x1x1",
                "-o", blocker.resolve("cell.vasp").toString(), "-q");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("paddlewheel: " + blocker + ": cannot create the output folder (" + blocker + " is a file)");
        assertThat(r.err()).doesNotContain(".tmp");
        java.nio.file.FileSystemException e = new java.nio.file.AccessDeniedException("/x/.cell.vasp.123.tmp");
        assertThat(AtomicFile.reason(e)).isEqualTo("permission denied");
    }
}
