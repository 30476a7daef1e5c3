package org.paddlewheel.report;

/**
 * Fast {@code %.Pg} formatting (C locale) for large CSV files, where {@code String.format} costs
 * about a microsecond per number. Same layout as {@link java.util.Formatter}'s %g: P significant
 * digits, decimal notation when the rounded magnitude is in [10⁻⁴, 10^P), otherwise
 * {@code d.ddde±XX}. The digits come from one correctly rounded double product, so a value lying
 * (within rounding) exactly half-way between two P-digit decimals may end in the other digit than
 * Formatter's — a difference of one unit in the P-th digit at most. Non-finite values are written
 * as Formatter writes them ("NaN", "Infinity", "-Infinity"); magnitudes beyond 10^±18 go to
 * Formatter itself.
 */
public final class GFormat {
    private GFormat() {}

    private static final double[] POW10 = new double[41];
    static {
        for (int i = 0; i < POW10.length; i++) POW10[i] = Double.parseDouble("1e" + (i - 20));
    }

    /** Appends v as %.{precision}g; precision 1..17. */
    public static StringBuilder append(StringBuilder sb, double v, int precision) {
        if (!Double.isFinite(v)) return sb.append(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        if (precision < 1 || precision > 17) throw new IllegalArgumentException("precision 1..17, got " + precision);
        if (Double.doubleToRawLongBits(v) < 0) sb.append('-');
        double a = Math.abs(v);
        long limit = (long) POW10[20 + precision];
        long digits;
        int e;
        if (a == 0) {
            digits = 0;
            e = 0;
        } else {
            e = (int) Math.floor(Math.log10(a));
            if (Math.abs(precision - 1 - e) > 18) {          // far from unit magnitudes: the exact route
                return sb.append(String.format(java.util.Locale.ROOT, "%." + precision + "g", a));
            }
            digits = scaled(a, precision - 1 - e);
            if (digits >= limit) { e++; digits = scaled(a, precision - 1 - e); }
            else if (digits < limit / 10) { e--; digits = scaled(a, precision - 1 - e); }
            if (digits >= limit) { e++; digits /= 10; }  // rounding carried to a new digit (e.g. 9.9999999995)
        }
        String ds = Long.toString(digits);
        if (digits == 0) ds = "0".repeat(precision);
        if (a != 0 && (e < -4 || e >= precision)) {
            sb.append(ds.charAt(0));
            if (precision > 1) sb.append('.').append(ds, 1, precision);
            sb.append(e < 0 ? "e-" : "e+");
            int ae = Math.abs(e);
            if (ae < 10) sb.append('0');
            return sb.append(ae);
        }
        int intDigits = e + 1;                        // digits before the point (≤ 0: leading "0.")
        if (intDigits <= 0) {
            sb.append("0.");
            for (int i = 0; i < -intDigits; i++) sb.append('0');
            return sb.append(ds);
        }
        sb.append(ds, 0, intDigits);
        if (intDigits < precision) sb.append('.').append(ds, intDigits, precision);
        return sb;
    }

    /** round(a·10^k), |k| ≤ 20. */
    private static long scaled(double a, int k) {
        return Math.round(k >= 0 ? a * POW10[20 + k] : a / POW10[20 - k]);
    }
}
