package org.paddlewheel.io;

import java.util.Locale;

/**
 * A crystallographic symmetry operation on fractional coordinates, f' = R·f + t, parsed from the
 * Jones-faithful form used by CIF ({@code _space_group_symop_operation_xyz}), e.g.
 * {@code 'x+1/2, -y, z'}, {@code '-x+y, y, 1/2+z'} or {@code 'x-0.25, y, z'}. Package-private.
 */
record SymOp(double[] rot, double[] trans) {

    /** Applies the operation to fractional coordinates f; a new array. */
    double[] apply(double[] f) {
        double[] g = new double[3];
        for (int i = 0; i < 3; i++) g[i] = rot[3 * i] * f[0] + rot[3 * i + 1] * f[1] + rot[3 * i + 2] * f[2] + trans[i];
        return g;
    }

    /** Parses 'x+1/2, -y, z'; IllegalArgumentException with the reason when malformed. */
    static SymOp parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) throw new IllegalArgumentException("needs three comma-separated components");
        double[] rot = new double[9], trans = new double[3];
        for (int i = 0; i < 3; i++) {
            String s = parts[i].replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            if (s.isEmpty()) throw new IllegalArgumentException("empty component " + (i + 1));
            int p = 0;
            while (p < s.length()) {
                int q = p + 1;
                while (q < s.length() && s.charAt(q) != '+' && s.charAt(q) != '-') q++;
                term(s.substring(p, q), rot, trans, i);
                p = q;
            }
        }
        return new SymOp(rot, trans);
    }

    private static void term(String t, double[] rot, double[] trans, int row) {
        double sign = 1;
        String body = t;
        if (body.startsWith("+")) body = body.substring(1);
        else if (body.startsWith("-")) { sign = -1; body = body.substring(1); }
        if (body.isEmpty()) throw new IllegalArgumentException("dangling sign in '" + t + "'");
        char last = body.charAt(body.length() - 1);
        if (last == 'x' || last == 'y' || last == 'z') {
            String coef = body.substring(0, body.length() - 1);
            if (coef.endsWith("*")) coef = coef.substring(0, coef.length() - 1);
            double c = coef.isEmpty() ? 1 : fraction(coef);
            rot[3 * row + (last - 'x')] += sign * c;
        } else {
            trans[row] += sign * fraction(body);
        }
    }

    private static double fraction(String s) {
        try {
            int slash = s.indexOf('/');
            if (slash >= 0) return Double.parseDouble(s.substring(0, slash)) / Double.parseDouble(s.substring(slash + 1));
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read '" + s + "'");
        }
    }
}
