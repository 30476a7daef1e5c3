package org.paddlewheel.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file written live: opened for append after its first {@code keepBytes} bytes (the rest is
 * cut off), every {@link #append} goes straight to the operating system unbuffered, so a process
 * killed with {@code kill -9} leaves everything appended so far. Used by the trajectory writers'
 * append mode ({@link Formats#openTrajectoryAppender}) and for step-keyed logs such as an MD run's
 * {@code thermo.csv}, whose resume length {@link #lengthThroughStep} finds. Not thread-safe.
 */
public final class LiveTextFile implements TextSink, AutoCloseable {
    private final Path file;
    private final RandomAccessFile out;

    private LiveTextFile(Path file, long keepBytes) throws IOException {
        this.file = file;
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        this.out = new RandomAccessFile(file.toFile(), "rw");
        long keep = Math.min(Math.max(0, keepBytes), out.length());
        out.setLength(keep);
        out.seek(keep);
    }

    /** Opens {@code file} (created if missing), keeping its first {@code keepBytes} bytes (never more than it has). */
    public static LiveTextFile open(Path file, long keepBytes) {
        try {
            return new LiveTextFile(file, keepBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    @Override
    public void append(CharSequence text) {
        try {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Bytes in the file now. */
    public long length() {
        try {
            return out.getFilePointer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void fail() {}

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    /**
     * Length to keep of a log whose first line is a header and whose other lines start with a step
     * number ({@code step,…} or {@code step …}): the header and the complete lines with step ≤
     * {@code step}, up to the first line that is incomplete, unparsable or later. 0 when the file is
     * missing or has no complete header.
     */
    public static long lengthThroughStep(Path file, long step) {
        if (!Files.exists(file)) return 0;
        try (Lines in = new Lines(file)) {
            if (in.next() == null) return 0;
            long keep = in.offset();
            for (String line; (line = in.next()) != null; keep = in.offset()) {
                String first = line.trim().split("[,\\s]", 2)[0];
                try {
                    if (Long.parseLong(first) > step) break;
                } catch (NumberFormatException e) {
                    break;
                }
            }
            return keep;
        }
    }

    /** Complete lines of a file (ending in '\n') with the byte offset after each; package-private. */
    static final class Lines implements AutoCloseable {
        private final Path file;
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        private long offset;

        Lines(Path file) {
            this.file = file;
            try {
                this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        /** The next complete line without its '\n', or null at the end or before an unterminated line. */
        String next() {
            buf.reset();
            try {
                for (int b; (b = in.read()) >= 0; ) {
                    if (b == '\n') {
                        offset += buf.size() + 1;
                        return buf.toString(StandardCharsets.UTF_8);
                    }
                    buf.write(b);
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        /** Bytes up to and including the last line {@link #next} returned. */
        long offset() { return offset; }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file, e);
            }
        }
    }
}
