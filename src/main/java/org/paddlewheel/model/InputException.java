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
    private final long byteOffset;

    /** A problem at {@code line} (1-based; 0 when no line applies) of {@code source}. */
    public InputException(String source, int line, String message) {
        super(message);
        this.source = source;
        this.line = line;
        this.byteOffset = -1;
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
        this.byteOffset = -1;
    }

    /**
     * A problem at byte {@code offset} (0-based) of a binary file such as an ASE {@code .traj},
     * where lines mean nothing: {@link #location()} reads {@code FILE:byte N: message}.
     */
    public static InputException atByte(String source, long offset, String message) {
        return new InputException(source, message, Math.max(0, offset));
    }

    private InputException(String source, String message, long byteOffset) {
        super(message);
        this.source = source;
        this.line = 0;
        this.byteOffset = byteOffset;
    }

    /** The 0-based byte offset of a problem in a binary file, or −1 when the problem has a line instead. */
    public long byteOffset() { return byteOffset; }

    /** The file or stream name, or null. */
    public String source() { return source; }

    /** 1-based line number, or 0 when unknown or not applicable. */
    public int line() { return line; }

    /** {@code FILE:LINE: message}, {@code FILE:byte N: message}, {@code FILE: message} or {@code message}. */
    public String location() {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
            if (byteOffset >= 0) sb.append(":byte ").append(byteOffset);
            else if (line > 0) sb.append(':').append(line);
            sb.append(": ");
        }
        return sb.append(getMessage()).toString();
    }
}
