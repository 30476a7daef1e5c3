package org.paddlewheel.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;

/**
 * A text file read line by line with its 1-based line number, plus the token parsers the text
 * formats share, so every parse error names the file, the line and what was expected. Holds one
 * line at a time (constant memory). Files are read as bytes in large blocks; {@link #next()}
 * decodes a line (UTF-8, strictly, like {@link Files#newBufferedReader}) only when asked, while
 * {@link #nextNumbers} parses the numbers of a line straight from the bytes ({@link FastDecimal}),
 * without a String, for the readers' per-atom loops. Package-private helper of the format classes.
 */
final class LineSource implements Closeable {
    private static final int BLOCK = 1 << 20;
    private final BufferedReader reader;   // Reader-backed source (tests, strings), else null
    private final InputStream stream;      // byte-backed source (files), else null
    private final String source;
    private int lineNumber;
    private String pushedBack;
    private byte[] buf;
    private int pos, limit, lineStart, lineEnd;
    private boolean eof;
    private String lastLine;               // Reader-backed: the line last returned
    private long maxAtoms = Long.MAX_VALUE; // most atoms the file can describe (see atomCount)

    LineSource(BufferedReader in, String source) {
        this.reader = in;
        this.stream = null;
        this.source = source;
    }

    private LineSource(InputStream in, String source) {
        this.reader = null;
        this.stream = in;
        this.source = source;
        this.buf = new byte[BLOCK];
    }

    /** Opens a UTF-8 file; a missing file is an InputException (user error), not a stack trace. */
    static LineSource open(Path file) {
        LineSource s = new LineSource(CompressedInput.open(file), file.toString());
        try {
            // an atom takes ≥ 6 bytes of text ("0 0 0\n"); DEFLATE, xz and bzip2 expand ≤ ~1,100×
            long bytes = Files.size(file);
            s.maxAtoms = Math.max(16, (CompressedInput.isCompressed(file) ? bytes * 1100 : bytes) / 6);
        } catch (IOException e) {
            // no bound
        }
        return s;
    }

    /**
     * Checks an atom (or row) count read from the file against what the file's size can hold, so a
     * damaged count is an error at its line instead of a multi-gigabyte allocation.
     */
    long atomCount(long n, String what) {
        if (n < 0) throw error("negative " + what + ": " + n);
        if (n > maxAtoms) throw error(what + " " + n + " is more than a file of this size can hold");
        return n;
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
        if (reader != null) {
            try {
                String s = reader.readLine();
                if (s != null) lineNumber++;
                lastLine = s;
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!advance()) return null;
        lineNumber++;
        return currentLine();
    }

    /**
     * Reads the next line and parses its first {@code count} numbers into out[off..off+count)
     * without making a String. Returns 1 when done, 0 at end of file (nothing consumed), −1 when
     * the line is not in the fast shape: the line is consumed, and the caller parses
     * {@link #currentLine()} with {@link #numbers} to get the value or the proper error.
     */
    int nextNumbers(double[] out, int off, int count) {
        if (reader != null || pushedBack != null) {
            String s = next();
            if (s == null) return 0;
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            lastLine = s;
            return FastDecimal.fields(b, 0, b.length, out, off, count) ? 1 : -1;
        }
        if (!advance()) return 0;
        lineNumber++;
        return FastDecimal.fields(buf, lineStart, lineEnd, out, off, count) ? 1 : -1;
    }

    /**
     * Reads the next line and splits it at spaces and tabs without making a String: the byte
     * ranges of its first {@code max} fields go to start/end (indices into {@link #lineBytes()},
     * valid until the next read). Returns the number of fields on the line (which may exceed
     * {@code max}), −1 at end of file, or −2 when this source cannot do it (a reader-backed source,
     * or a pushed-back line): the caller then reads the line with {@link #next()}.
     */
    int nextFields(int[] start, int[] end, int max) {
        if (reader != null || pushedBack != null) return -2;
        if (!advance()) return -1;
        lineNumber++;
        byte[] b = buf;
        int i = lineStart, to = lineEnd, count = 0;
        while (true) {
            while (i < to && (b[i] == ' ' || b[i] == '\t')) i++;
            if (i >= to) return count;
            int s = i;
            while (i < to && b[i] != ' ' && b[i] != '\t') i++;
            if (count < max) { start[count] = s; end[count] = i; }
            count++;
        }
    }

    /** The buffer that {@link #nextFields} indexes into. */
    byte[] lineBytes() { return buf; }

    /** The line last consumed by {@link #next()} or {@link #nextNumbers}, as a String. */
    String currentLine() {
        if (reader != null) return lastLine;
        boolean ascii = true;
        for (int i = lineStart; i < lineEnd && ascii; i++) ascii = buf[i] >= 0;
        if (ascii) return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buf, lineStart, lineEnd - lineStart)).toString();
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves lineStart/lineEnd to the next line ('\n', '\r' or "\r\n" ends a line); false at end of file. */
    private boolean advance() {
        int scan = pos;
        while (true) {
            for (int i = scan; i < limit; i++) {
                byte c = buf[i];
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 == limit && !eof) break;     // need the next byte: CRLF?
                    lineStart = pos;
                    lineEnd = i;
                    pos = c == '\r' && i + 1 < limit && buf[i + 1] == '\n' ? i + 2 : i + 1;
                    return true;
                }
            }
            if (eof) {
                if (pos >= limit) return false;
                lineStart = pos;
                lineEnd = limit;
                pos = limit;
                return true;
            }
            scan = limit - pos;
            if (scan > 0 && buf[limit - 1] == '\r') scan--;
            fill();
        }
    }

    /** Moves the unread bytes to the front (growing the buffer for a very long line) and reads more. */
    private void fill() {
        int rest = limit - pos;
        if (rest == buf.length) buf = java.util.Arrays.copyOf(buf, 2 * buf.length);
        System.arraycopy(buf, pos, buf, 0, rest);
        pos = 0;
        limit = rest;
        try {
            int r = stream.read(buf, limit, buf.length - limit);
            if (r < 0) eof = true;
            else limit += r;
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new InputException(source, lineNumber + 1, "the compressed data end early or are damaged (" + e.getMessage() + ")");
        } catch (IOException e) {
            if (e.getClass().getName().startsWith("org.apache.commons.compress") || e.getClass().getName().startsWith("org.tukaani")) {
                throw new InputException(source, lineNumber + 1, "the compressed data end early or are damaged (" + e.getMessage() + ")");
            }
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
        if (s == null) throw endOfFile(what);
        return s;
    }

    /** The error for a file that ends where {@code what} was expected. */
    InputException endOfFile(String what) {
        return new InputException(source, lineNumber + 1, "unexpected end of file, expected " + what);
    }

    /** An error at the current line. */
    InputException error(String message) {
        return new InputException(source, lineNumber, message);
    }

    @Override
    public void close() {
        try {
            if (reader != null) reader.close();
            else stream.close();
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

    /** A (signed) integer or an error naming {@code what}. */
    int integer(String token, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", got '" + token + "'");
        }
    }

    /** A (signed) long integer or an error naming {@code what}. */
    long longInteger(String token, String what) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", got '" + token + "'");
        }
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
