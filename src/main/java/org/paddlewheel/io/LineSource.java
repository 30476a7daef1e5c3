package org.paddlewheel.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;

/**
 * A text file read line by line with its 1-based line number, plus the token parsers the text
 * formats share, so every parse error names the file, the line and what was expected. Holds one
 * line at a time (constant memory). Package-private helper of the format classes.
 */
final class LineSource implements Closeable {
    private final BufferedReader in;
    private final String source;
    private int lineNumber;
    private String pushedBack;

    LineSource(BufferedReader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Opens a UTF-8 file; a missing file is an InputException (user error), not a stack trace. */
    static LineSource open(Path file) {
        try {
            return new LineSource(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String source() { return source; }

    /** 1-based number of the line most recently returned (0 before the first). */
    int lineNumber() { return lineNumber; }

    /** The next line, or null at end of file. */
    String next() {
        if (pushedBack != null) {
            String s = pushedBack;
            pushedBack = null;
            lineNumber++;
            return s;
        }
        try {
            String s = in.readLine();
            if (s != null) lineNumber++;
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the line just read so that {@link #next()} gives it again. */
    void pushBack(String line) {
        pushedBack = line;
        lineNumber--;
    }

    /** The next line; end of file is an error naming {@code what} was expected there. */
    String require(String what) {
        String s = next();
        if (s == null) throw new InputException(source, lineNumber + 1, "unexpected end of file, expected " + what);
        return s;
    }

    /** An error at the current line. */
    InputException error(String message) {
        return new InputException(source, lineNumber, message);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- token helpers ----

    static String[] tokens(String line) {
        String t = line.trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /** A finite number; Fortran's 'D' exponent (1.0D-3) is accepted because VASP tools write it. */
    static Double parseNumber(String token) {
        String t = token.indexOf('D') >= 0 || token.indexOf('d') >= 0 ? token.replace('D', 'E').replace('d', 'E') : token;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        if (last == 'f' || last == 'F') return null; // Java's parser would accept "1.0f"
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses the token as a number or throws naming {@code what}. */
    double number(String token, String what) {
        Double v = parseNumber(token);
        if (v == null) throw error("expected a number for " + what + ", got '" + token + "'");
        return v;
    }

    /** The first {@code count} tokens of {@code line} as numbers (extra tokens ignored). */
    double[] numbers(String line, int count, String what) {
        String[] t = tokens(line);
        if (t.length < count) {
            throw error("expected " + count + " numbers for " + what + ", got '" + line.trim() + "'");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            Double v = parseNumber(t[i]);
            if (v == null) throw error("expected " + count + " numbers for " + what + ", got '" + line.trim() + "'");
            out[i] = v;
        }
        return out;
    }

    /** A non-negative integer or an error naming {@code what}. */
    int count(String token, String what) {
        try {
            int n = Integer.parseInt(token);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw error("expected a non-negative integer for " + what + ", got '" + token + "'");
    }

    /** The element named by {@code token}, or an error. */
    Element element(String token) {
        Element e = Element.find(token);
        if (e == null) throw error("unknown element '" + token + "'");
        return e;
    }

    static boolean isInteger(String token) {
        if (token.isEmpty()) return false;
        for (int i = 0; i < token.length(); i++) if (!Character.isDigit(token.charAt(i))) return false;
        return true;
    }
}
