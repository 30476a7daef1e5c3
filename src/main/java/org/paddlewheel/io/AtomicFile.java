package org.paddlewheel.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that it is never seen half-written: output goes to a temporary file in the
 * same folder, which replaces the target by an atomic rename only when writing succeeded. On any
 * failure the temporary file is deleted and the target is left as it was. A target named
 * {@code .gz}, {@code .xz} or {@code .bz2} is written compressed ({@link CompressedOutput}).
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Body of a write that may throw IOException. */
    @FunctionalInterface
    public interface WriterBody {
        void write(BufferedWriter w) throws IOException;
    }

    /** Body of a binary write. */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** Writes UTF-8 text to {@code target} atomically. */
    public static void writeText(Path target, WriterBody body) throws IOException {
        writeBytes(target, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            body.write(w);
            w.flush();
        });
    }

    /** Writes bytes to {@code target} atomically. */
    public static void writeBytes(Path target, StreamBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) createFolder(dir);
        Path tmp = temporarySibling(dir, abs);
        boolean ok = false;
        try {
            try (OutputStream out = CompressedOutput.wrap(abs, new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                body.write(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            ok = true;
        } finally {
            if (!ok) Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new temporary file next to {@code target}, readable by all (rw-r--r--, what a umask of 022
     * gives an ordinary file): createTempFile makes it owner-only, and the rename would keep that,
     * leaving results other users and tools cannot open.
     */
    static Path temporarySibling(Path dir, Path target) throws IOException {
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (java.nio.file.FileSystemException e) {
            // name the folder the user chose, not the hidden temporary file nobody asked for
            throw new java.nio.file.FileSystemException(String.valueOf(dir), null,
                    "cannot write " + target.getFileName() + " in this folder (" + reason(e) + ")");
        }
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
        return tmp;
    }

    /** The reason of a file-system error without the path it names ("Permission denied", "Read-only file system"). */
    static String reason(java.nio.file.FileSystemException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return e.getReason() == null ? "permission denied" : e.getReason();
        return e.getReason() == null ? e.getClass().getSimpleName().replace("Exception", "") : e.getReason();
    }

    /**
     * Creates {@code dir} (and its parents) for an output file; a failure names the folder and why
     * (a parent that is a file, no permission, a read-only file system).
     */
    static void createFolder(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.FileSystemException e) {
            throw new java.nio.file.FileSystemException(String.valueOf(dir), null, "cannot create the output folder ("
                    + (e instanceof java.nio.file.FileAlreadyExistsException ? e.getFile() + " is a file" : reason(e)) + ")");
        }
    }

    /** {@link #writeText} with IOException wrapped as UncheckedIOException. */
    public static void writeTextUnchecked(Path target, WriterBody body) {
        try {
            writeText(target, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
