package org.paddlewheel.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paddlewheel.model.InputException;

/**
 * A small CIF 1.1 syntax reader (IUCr, "CIF 1.1 syntax specification", sections 2.2.7 and 2.2.5):
 * data blocks, tag–value pairs, {@code loop_} tables, quoted strings ('…' and "…" closed by a quote
 * followed by white space), semicolon text fields and {@code #} comments. Every value keeps its
 * 1-based line so readers can point at it. Tags are folded to lower case with '.' replaced by '_',
 * so DDLm names ({@code _cell.length_a}) and DDL1 names ({@code _cell_length_a}) are one key.
 * Package-private; the crystallographic meaning lives in {@link Cif}.
 */
final class CifParser {
    private CifParser() {}

    /** One value: its text, 1-based line, and whether it was quoted (so '?' quoted is a string). */
    record Token(String text, int line, boolean quoted) {
        boolean isUnknown() { return !quoted && (text.equals("?") || text.equals(".")); }
    }

    /** A data block: its name and, per normalised tag, its column of values (one for a plain item). */
    record Block(String name, int line, Map<String, List<Token>> items) {
        List<Token> column(String... tags) {
            for (String t : tags) {
                List<Token> c = items.get(t);
                if (c != null) return c;
            }
            return null;
        }
    }

    static String normalise(String tag) {
        return tag.toLowerCase(Locale.ROOT).replace('.', '_');
    }

    /** Parses every data block of {@code file}. */
    static List<Block> parse(Path file) {
        List<String> lines = CompressedInput.readAllLines(file);
        List<Token> tokens = tokenize(file, lines);
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            String low = t.quoted() ? "" : t.text().toLowerCase(Locale.ROOT);
            if (low.startsWith("data_")) {
                current = new Block(t.text().substring(5), t.line(), new LinkedHashMap<>());
                blocks.add(current);
                i++;
            } else if (low.equals("global_") || low.startsWith("save_") || low.equals("stop_")) {
                i++; // frames and global blocks: tolerated, their items land in the current block
            } else if (current == null) {
                throw new InputException(file, t.line(), "expected 'data_' before '" + t.text() + "'");
            } else if (low.equals("loop_")) {
                i = loop(file, tokens, i, current);
            } else if (!t.quoted() && t.text().startsWith("_")) {
                if (i + 1 >= tokens.size() || isTagOrKeyword(tokens.get(i + 1))) {
                    throw new InputException(file, t.line(), "tag " + t.text() + " has no value");
                }
                current.items().put(normalise(t.text()), List.of(tokens.get(i + 1)));
                i += 2;
            } else {
                throw new InputException(file, t.line(), "value '" + t.text() + "' without a tag");
            }
        }
        return blocks;
    }

    private static int loop(Path file, List<Token> tokens, int start, Block block) {
        int i = start + 1;
        List<String> tags = new ArrayList<>();
        while (i < tokens.size() && !tokens.get(i).quoted() && tokens.get(i).text().startsWith("_")) {
            tags.add(normalise(tokens.get(i).text()));
            i++;
        }
        int loopLine = tokens.get(start).line();
        if (tags.isEmpty()) throw new InputException(file, loopLine, "loop_ without tags");
        List<List<Token>> cols = new ArrayList<>();
        for (int k = 0; k < tags.size(); k++) cols.add(new ArrayList<>());
        int n = 0;
        while (i < tokens.size() && !isTagOrKeyword(tokens.get(i))) {
            cols.get(n % tags.size()).add(tokens.get(i));
            n++;
            i++;
        }
        if (n % tags.size() != 0) {
            int line = i > 0 ? tokens.get(i - 1).line() : loopLine;
            throw new InputException(file, line, "loop_ starting at line " + loopLine + " has " + n
                    + " values, not a multiple of its " + tags.size() + " tags");
        }
        for (int k = 0; k < tags.size(); k++) block.items().put(tags.get(k), cols.get(k));
        return i;
    }

    private static boolean isTagOrKeyword(Token t) {
        if (t.quoted()) return false;
        String low = t.text().toLowerCase(Locale.ROOT);
        return low.startsWith("_") || low.equals("loop_") || low.startsWith("data_") || low.startsWith("save_")
                || low.equals("global_") || low.equals("stop_");
    }

    static List<Token> tokenize(Path file, List<String> lines) {
        List<Token> out = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String s = lines.get(ln);
            if (s.startsWith(";")) { // semicolon text field up to the next line starting with ';'
                StringBuilder text = new StringBuilder(s.substring(1));
                int startLine = ln + 1;
                ln++;
                while (ln < lines.size() && !lines.get(ln).startsWith(";")) text.append('\n').append(lines.get(ln++));
                if (ln >= lines.size()) throw new InputException(file, startLine, "text field opened with ';' is never closed");
                out.add(new Token(text.toString().strip(), startLine, true));
                if (lines.get(ln).length() > 1) tokenizeLine(file, lines.get(ln).substring(1), ln + 1, out);
                continue;
            }
            tokenizeLine(file, s, ln + 1, out);
        }
        return out;
    }

    private static void tokenizeLine(Path file, String s, int line, List<Token> out) {
        int p = 0, n = s.length();
        while (p < n) {
            char c = s.charAt(p);
            if (Character.isWhitespace(c)) { p++; continue; }
            if (c == '#') return;
            if (c == '\'' || c == '"') {
                int q = p + 1;
                while (q < n && !(s.charAt(q) == c && (q + 1 == n || Character.isWhitespace(s.charAt(q + 1))))) q++;
                if (q >= n) throw new InputException(file, line, "unterminated quoted string " + s.substring(p));
                out.add(new Token(s.substring(p + 1, q), line, true));
                p = q + 1;
                continue;
            }
            int q = p;
            while (q < n && !Character.isWhitespace(s.charAt(q))) q++;
            out.add(new Token(s.substring(p, q), line, false));
            p = q;
        }
    }
}
