package org.paddlewheel.model;

import java.nio.file.Path;

/**
 * Bad user input: a file that does not say what its format promises, or an option value that
 * makes no sense. Carries the file and 1-based line so the CLI can print the one-line form
 * {@code paddlewheel: FILE:LINE: what was expected} and exit with status 2.
 */
public class InputException extends RuntimeException {
    private final String source;
    private final int line;

    /** A problem at {@code line} (1-based; 0 when no line applies) of {@code source}. */
    public InputException(String source, int line, String message) {
        super(message);
        this.source = source;
        this.line = line;
    }

    public InputException(Path file, int line, String message) {
        this(file == null ? null : file.toString(), line, message);
    }

    /** A problem not tied to a file, such as a bad option value. */
    public InputException(String message) {
        this((String) null, 0, message);
    }

    public InputException(String source, int line, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.line = line;
    }

    /** The file or stream name, or null. */
    public String source() { return source; }

    /** 1-based line number, or 0 when unknown or not applicable. */
    public int line() { return line; }

    /** {@code FILE:LINE: message}, {@code FILE: message} or {@code message}. */
    public String location() {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
            if (line > 0) sb.append(':').append(line);
            sb.append(": ");
        }
        return sb.append(getMessage()).toString();
    }
}
