package org.paddlewheel.experiment;

import org.paddlewheel.model.InputException;

/**
 * The sodium site fraction c(x) as a small arithmetic expression in the substitution fraction x,
 * e.g. {@code "1-x/3"} for Na(3−x)O(1−x)(NH2)x(BH4), where 3 − x Na ions fill 3 sites per formula unit.
 * Grammar: numbers, {@code x}, {@code + - * /}, parentheses and unary minus (recursive descent).
 * A syntax error is reported with the offending character's column.
 */
public final class SiteFraction {
    private final String text;

    private SiteFraction(String text) { this.text = text; }

    /** The antiperovskite Na(3−x)O(1−x)(NH2)x(BH4) default: c = 1 − x/3. */
    public static final String ANTIPEROVSKITE = "1-x/3";

    /** Parses and checks {@code expression} (evaluating it once at x = 0). */
    public static SiteFraction parse(String expression) {
        SiteFraction f = new SiteFraction(expression);
        f.evaluate(0.0);
        return f;
    }

    /** The expression as given. */
    public String text() { return text; }

    /** c at substitution fraction {@code x} (dimensionless). */
    public double evaluate(double x) {
        Parser p = new Parser(text, x);
        double v = p.sum();
        p.skip();
        if (p.pos < text.length()) throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        return v;
    }

    private static final class Parser {
        final String s;
        final double x;
        int pos;

        Parser(String s, double x) { this.s = s; this.x = x; }

        void skip() { while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++; }

        InputException error(String msg) {
            return new InputException("site fraction '" + s + "': " + msg + " at column " + (pos + 1));
        }

        double sum() {
            double v = product();
            while (true) {
                skip();
                if (pos < s.length() && s.charAt(pos) == '+') { pos++; v += product(); }
                else if (pos < s.length() && s.charAt(pos) == '-') { pos++; v -= product(); }
                else return v;
            }
        }

        double product() {
            double v = unary();
            while (true) {
                skip();
                if (pos < s.length() && s.charAt(pos) == '*') { pos++; v *= unary(); }
                else if (pos < s.length() && s.charAt(pos) == '/') { pos++; v /= unary(); }
                else return v;
            }
        }

        double unary() {
            skip();
            if (pos < s.length() && s.charAt(pos) == '-') { pos++; return -unary(); }
            if (pos < s.length() && s.charAt(pos) == '+') { pos++; return unary(); }
            return atom();
        }

        double atom() {
            skip();
            if (pos >= s.length()) throw error("expression ends early");
            char ch = s.charAt(pos);
            if (ch == '(') {
                pos++;
                double v = sum();
                skip();
                if (pos >= s.length() || s.charAt(pos) != ')') throw error("expected ')'");
                pos++;
                return v;
            }
            if (ch == 'x' || ch == 'X') { pos++; return x; }
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                    || ((s.charAt(pos) == 'e' || s.charAt(pos) == 'E') && pos > start))) pos++;
            if (start == pos) throw error("unexpected '" + ch + "'");
            try {
                return Double.parseDouble(s.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("bad number");
            }
        }
    }
}
