package org.paddlewheel.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.paddlewheel.model.InputException;

/**
 * A text file read line by line with the 1-based number of the last line returned, so parsers can
 * raise {@link InputException}s that point at the offending line. Package-private helper.
 */
final class LineCursor implements Closeable {
    private final Path file;
    private final BufferedReader in;
    private int line;

    LineCursor(Path file) {
        this.file = file;
        try {
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** The next line (without terminator) or null at end of file. */
    String next() {
        try {
            String s = in.readLine();
            if (s != null) line++;
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The next line; an InputException naming {@code expected} at end of file. */
    String require(String expected) {
        String s = next();
        if (s == null) throw new InputException(file, line + 1, "unexpected end of file, expected " + expected);
        return s;
    }

    /** 1-based number of the line last returned (0 before the first). */
    int line() { return line; }

    Path file() { return file; }

    /** An InputException at the line last returned. */
    InputException error(String message) { return new InputException(file, line, message); }

    double parseDouble(String token, String what) {
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw error("expected a number for " + what + ", got '" + token + "'");
        }
    }

    long parseLong(String token, String what) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", got '" + token + "'");
        }
    }

    int parseInt(String token, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", got '" + token + "'");
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
