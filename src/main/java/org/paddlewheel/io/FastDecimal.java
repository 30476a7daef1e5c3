package org.paddlewheel.io;

/**
 * Allocation-free parsing of decimal numbers from ASCII bytes, for the trajectory readers' hot
 * loop. Only the common shape is handled — optional sign, digits with an optional '.', an optional
 * e/E exponent, at most 18 mantissa digits (leading zeros included) with a value below 2^53 and a decimal exponent within
 * ±22 — where the result is one correctly rounded IEEE multiplication or division of two exactly
 * representable doubles (Clinger's fast path, W. D. Clinger, PLDI 1990), hence bit-identical to
 * {@link Double#parseDouble}. Anything else (more digits, Fortran 'D' exponents, "NaN", other
 * separators) reports failure and the caller falls back to the String route, so correctness and
 * error messages never depend on this class. Package-private.
 */
final class FastDecimal {
    private FastDecimal() {}

    private static final double[] POW10 = new double[23];
    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) { POW10[i] = p; p *= 10; }
    }
    private static final long MAX_EXACT = 1L << 53;

    /**
     * Parses b[from, to) as one number; returns NaN when the fast path does not apply (this parser
     * never yields NaN otherwise).
     */
    static double parse(byte[] b, int from, int to) {
        int i = from;
        if (i >= to) return Double.NaN;
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') { neg = b[i] == '-'; i++; }
        long m = 0;
        int nd = 0, dexp = 0;                  // nd counts every mantissa digit, leading zeros included
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            m = m * 10 + d;
            nd++;
        }
        if (i < to && b[i] == '.') {
            int start = ++i;
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) break;
                m = m * 10 + d;
            }
            nd += i - start;
            dexp = start - i;
        }
        boolean any = nd > 0;
        if (nd > 18) return Double.NaN;        // m may have overflowed: the exact route decides
        if (!any) return Double.NaN;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) { eneg = b[i] == '-'; i++; }
            int e = 0, ed = 0;
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) break;
                if (++ed > 4) return Double.NaN;
                e = e * 10 + d;
            }
            if (ed == 0) return Double.NaN;
            dexp += eneg ? -e : e;
        }
        if (i != to) return Double.NaN;
        if (m == 0) return neg ? -0.0 : 0.0;
        if (m >= MAX_EXACT) return Double.NaN;
        double v;
        if (dexp == 0) v = m;
        else if (dexp < 0 && dexp >= -22) v = m / POW10[-dexp];
        else if (dexp > 0 && dexp <= 22) v = m * POW10[dexp];
        else return Double.NaN;
        return neg ? -v : v;
    }

    /**
     * Parses the first {@code count} space- or tab-separated fields of b[from, to) into
     * out[off..off+count); extra fields are ignored. False when a field is missing or not in the
     * fast shape (out may then be partly written).
     */
    static boolean fields(byte[] b, int from, int to, double[] out, int off, int count) {
        int i = from;
        for (int k = 0; k < count; k++) {
            while (i < to && (b[i] == ' ' || b[i] == '\t')) i++;
            if (i >= to) return false;
            int s = i;
            while (i < to && b[i] != ' ' && b[i] != '\t') i++;
            double v = parse(b, s, i);
            if (v != v) return false;
            out[off + k] = v;
        }
        return true;
    }
}
