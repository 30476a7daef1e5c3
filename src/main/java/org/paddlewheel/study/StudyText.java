package org.paddlewheel.study;

import java.util.Locale;

/** Number formatting shared by the claims and their evidence rows. */
final class StudyText {
    private StudyText() {}

    /** 1 → "1", 0.5 → "0.5", 363.0 → "363". */
    static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
