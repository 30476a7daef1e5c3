package org.paddlewheel.experiment.impedance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses impedance.py's circuit-string language: series combinations joined by {@code -},
 * parallel ones written {@code p(a,b,...)} (nestable), elements named by their type followed by
 * an identifier made of digits and underscores ({@code R0}, {@code CPE1}, {@code Wo_gb}); element
 * types as in impedance.py: the name with digits and underscores removed. Grammar:
 * <pre>
 *   series   := term ('-' term)*
 *   term     := 'p' '(' series (',' series)+ ')' | element
 * </pre>
 * Whitespace is ignored. Errors are {@link CircuitSyntaxException}s whose message holds the
 * string, the 0-based index of the offending character and the string with a caret there.
 */
public final class CircuitParser {
    private final String text;
    private int pos;
    private final List<Circuit.Element> elements = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private int offset;

    private CircuitParser(String text) {
        this.text = text;
    }

    /** Parses {@code text}; throws {@link CircuitSyntaxException} pointing at the first bad character. */
    public static Circuit parse(String text) {
        if (text == null || text.isBlank()) throw new CircuitSyntaxException(text == null ? "" : text, 0, "empty circuit string");
        CircuitParser p = new CircuitParser(text);
        Circuit.Node root = p.series();
        p.skipSpace();
        if (p.pos < text.length()) {
            char c = text.charAt(p.pos);
            throw p.error(c == ')' ? "unbalanced ')'" : c == ',' ? "',' outside p(...)" : "expected '-' or end of circuit, found '" + c + "'");
        }
        return new Circuit(text, root, p.elements);
    }

    private Circuit.Series series() {
        List<Circuit.Node> parts = new ArrayList<>();
        parts.add(term());
        while (true) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '-') {
                pos++;
                parts.add(term());
            } else {
                return new Circuit.Series(parts);
            }
        }
    }

    private Circuit.Node term() {
        skipSpace();
        if (pos >= text.length()) throw error("expected an element or p(...) but the circuit ended");
        int start = pos;
        char c = text.charAt(pos);
        if (!Character.isLetter(c)) throw error("expected an element name or p(...), found '" + c + "'");
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        String name = text.substring(start, pos);
        skipSpace();
        if (name.equals("p") && pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            List<Circuit.Node> branches = new ArrayList<>();
            branches.add(series());
            skipSpace();
            while (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                branches.add(series());
                skipSpace();
            }
            if (pos >= text.length()) throw error("missing ')' to close p( opened at index " + start);
            if (text.charAt(pos) != ')') throw error("expected ',' or ')' in p(...), found '" + text.charAt(pos) + "'");
            if (branches.size() < 2) {
                pos = start;
                throw error("p(...) needs at least two branches separated by ','");
            }
            pos++;
            return new Circuit.Parallel(branches);
        }
        return element(name, start);
    }

    private Circuit.Element element(String name, int start) {
        StringBuilder type = new StringBuilder();
        for (char ch : name.toCharArray()) if (!Character.isDigit(ch) && ch != '_') type.append(ch);
        ElementType t = ElementType.byName(type.toString());
        if (t == null) {
            pos = start;
            throw error("unknown element '" + name + "' (type '" + type + "'); known types: R, C, L, CPE, W, Wo, Ws, G, K");
        }
        if (!seen.add(name)) {
            pos = start;
            throw error("element name '" + name + "' used twice; names must be unique");
        }
        Circuit.Element e = new Circuit.Element(name, t, offset, start);
        offset += t.parameterCount();
        elements.add(e);
        return e;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private CircuitSyntaxException error(String message) {
        return new CircuitSyntaxException(text, pos, message);
    }
}
