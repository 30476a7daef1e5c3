package org.paddlewheel.experiment.impedance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.model.InputException;

/**
 * The lines of an instrument export and number parsing with file:line errors. Decodes UTF-8 and
 * falls back to ISO-8859-1 (EC-Lab and Gamry write "°" and "µ" in Latin-1), drops a byte-order
 * mark, and accepts \n, \r\n, \r and the \r\r\n that some Windows exporters write.
 */
final class TextLines {
    final String source;
    final List<String> lines;
    /** Where a reader reports the 1-based lines of data rows it skips; null: such a row is an error. */
    java.util.function.IntConsumer badRows;

    private TextLines(String source, List<String> lines) {
        this.source = source;
        this.lines = lines;
    }

    static TextLines read(Path file) throws IOException {
        return of(file.toString(), org.paddlewheel.io.CompressedInput.readAllBytes(file));
    }

    static TextLines of(String source, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        text = text.replace("\r\r\n", "\n");
        return new TextLines(source, List.of(text.split("\r\n|\r|\n", -1)));
    }

    int size() { return lines.size(); }

    /** Line i (0-based). */
    String get(int i) { return lines.get(i); }

    /** Parses a number on 0-based line i; a decimal comma without any '.' is accepted. */
    double number(String token, int i, String what) {
        String t = token.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1).trim();
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) t = t.replace(',', '.');
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error(i, "expected a number for " + what + ", found '" + token.trim() + "'");
        }
    }

    /** True if the token parses as a number. */
    static boolean isNumber(String token) {
        String t = token.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1).trim();
        if (t.isEmpty()) return false;
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) t = t.replace(',', '.');
        String low = t.toLowerCase(Locale.ROOT);
        if (low.contains("nan") || low.contains("infinity")) return false;
        try {
            Double.parseDouble(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** An error at 0-based line i. */
    InputException error(int i, String message) {
        return new InputException(source, i + 1, message);
    }
}
