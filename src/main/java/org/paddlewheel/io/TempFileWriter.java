package org.paddlewheel.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The streaming counterpart of {@link AtomicFile} for trajectory writers: text goes to a hidden
 * temporary file in the target's folder, renamed onto the target by {@link #close()}. After
 * {@link #fail()} (a write threw), close deletes the temporary file instead, so readers never see
 * a partial trajectory. A target named {@code .gz}, {@code .xz} or {@code .bz2} is written
 * compressed ({@link CompressedOutput}). Package-private.
 */
final class TempFileWriter implements TextSink {
    private final Path target;
    private final Path tmp;
    private final BufferedWriter w;
    private boolean failed;
    private boolean closed;

    TempFileWriter(Path target) {
        this.target = target.toAbsolutePath();
        try {
            Path dir = this.target.getParent();
            if (dir != null) AtomicFile.createFolder(dir);
            this.tmp = AtomicFile.temporarySibling(dir, this.target);
            this.w = new BufferedWriter(new java.io.OutputStreamWriter(CompressedOutput.wrap(this.target,
                    new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void append(CharSequence text) {
        if (closed) throw new IllegalStateException("writer for " + target + " is closed");
        try {
            w.append(text);
        } catch (IOException e) {
            failed = true;
            throw new UncheckedIOException(e);
        }
    }

    /** Marks the output as bad: {@link #close()} will delete it and leave the target alone. */
    @Override
    public void fail() { failed = true; }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            w.close();
            if (failed) {
                Files.deleteIfExists(tmp);
                return;
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original error matters more
            }
            throw new UncheckedIOException(e);
        }
    }
}
