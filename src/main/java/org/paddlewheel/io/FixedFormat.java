package org.paddlewheel.io;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fast fixed-point number formatting for the text writers ({@code String.format} costs about a
 * microsecond per number, too slow for trajectories of many frames). Output matches
 * {@code %W.Df} in the C locale: right-aligned in {@code width} characters, D decimals, '.' as
 * the decimal point, no "-0.000". Package-private.
 */
final class FixedFormat {
    private FixedFormat() {}

    private static final long[] POW10 = new long[19];
    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    /** Appends x with {@code decimals} decimals, padded on the left to {@code width}. */
    static void append(StringBuilder sb, double x, int width, int decimals) {
        int start = sb.length();
        double ax = Math.abs(x);
        if (!Double.isFinite(x)) throw new IllegalArgumentException("non-finite value " + x);
        if (decimals > 18 || ax * POW10[decimals] >= 9.0e18 || decimals > 9 && ax >= 1) {
            // Exact decimal expansion where a long cannot hold the scaled value or the product
            // x·10^d would lose digits that %.Df keeps.
            String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
            if (s.startsWith("-") && isZero(s)) s = s.substring(1);
            pad(sb, start, width, s.length());
            sb.append(s);
            return;
        }
        long scaled = Math.round(ax * POW10[decimals]);
        long intPart = scaled / POW10[decimals];
        long frac = scaled % POW10[decimals];
        boolean negative = x < 0 && scaled != 0;
        String ip = Long.toString(intPart);
        int len = (negative ? 1 : 0) + ip.length() + (decimals > 0 ? decimals + 1 : 0);
        pad(sb, start, width, len);
        if (negative) sb.append('-');
        sb.append(ip);
        if (decimals > 0) {
            sb.append('.');
            String fs = Long.toString(frac);
            for (int i = fs.length(); i < decimals; i++) sb.append('0');
            sb.append(fs);
        }
    }

    private static void pad(StringBuilder sb, int start, int width, int len) {
        for (int i = len; i < width; i++) sb.append(' ');
    }

    private static boolean isZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') return false;
        }
        return true;
    }
}
