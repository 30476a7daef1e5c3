package org.paddlewheel.experiment.impedance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Delimited text spectra: plain CSV {@code f, Z', Z''} with or without a header (impedance.py's
 * format), and the text exports of Autolab, CH Instruments, Parstat and PowerSuite. Rows are
 * split on tabs, else ';', else ',', else white space. The data block is the longest run of
 * all-numeric rows with one column count (≥ 3), extended back to the first such row and on to the end
 * of the file; any other non-blank row in it is an error at its line (or skipped and reported, see
 * {@link SpectrumReader#read(java.nio.file.Path, ImagSign, java.util.function.IntConsumer)}). The
 * non-blank line just above it, if any, is the header. Header names pick the columns: frequency ({@code freq…}, {@code f}), real part
 * ({@code Z'}, {@code Zre}, {@code Re(Z)}, {@code Z Real}, …) and imaginary part ({@code Z''},
 * {@code Z"}, {@code Zim}, {@code Zimg}, {@code Im(Z)}, {@code -Im(Z)}, …); a leading minus
 * declares the column to be −Im Z. Without a usable header the first three columns are f, Z', Z''
 * and the sign is detected ({@link ImagSign#AUTO}).
 */
final class DelimitedFormat {
    private DelimitedFormat() {}

    static ImpedanceTable read(TextLines t) {
        int bestStart = -1, bestLen = 0, bestCols = 0;
        int runStart = -1, runLen = 0, runCols = 0;
        for (int i = 0; i <= t.size(); i++) {
            String line = i < t.size() ? t.get(i) : "x";
            if (line.isBlank()) continue;
            String[] tok = split(line);
            boolean numeric = tok.length >= 3 && Arrays.stream(tok).allMatch(TextLines::isNumber);
            if (numeric && runLen > 0 && tok.length == runCols) {
                runLen++;
                continue;
            }
            if (runLen > bestLen) {
                bestStart = runStart;
                bestLen = runLen;
                bestCols = runCols;
            }
            if (numeric) {
                runStart = i;
                runLen = 1;
                runCols = tok.length;
            } else {
                runLen = 0;
            }
        }
        if (bestLen == 0) throw t.error(0, "no rows of at least three numbers (f, Z', Z'') found");
        // The data block runs from the first numeric row of the longest run's width to the end of the
        // file: a row in it that does not read (text, NaN, a missing column) is an error at its line,
        // or skipped and reported when the caller asked for that; it never silently cuts the data.
        for (int i = 0; i < bestStart; i++) {
            String line = t.get(i);
            if (line.isBlank()) continue;
            String[] tok = split(line);
            if (tok.length == bestCols && Arrays.stream(tok).allMatch(TextLines::isNumber)) {
                bestStart = i;
                break;
            }
        }
        List<Integer> rowsAt = new ArrayList<>();
        for (int i = bestStart; i < t.size(); i++) {
            String line = t.get(i);
            if (line.isBlank()) continue;
            String[] tok = split(line);
            if (tok.length == bestCols && Arrays.stream(tok).allMatch(TextLines::isNumber)) {
                rowsAt.add(i);
            } else if (t.badRows != null) {
                t.badRows.accept(i + 1);
            } else {
                throw t.error(i, "expected a row of " + bestCols + " numbers like the rows above (f, Z', Z''), found '" + line.trim()
                        + "' (--skip-bad-rows skips such rows with a warning)");
            }
        }
        bestLen = rowsAt.size();
        int fc = 0, rc = 1, ic = 2;
        Boolean negated = null;
        String format = "delimited text";
        int h = bestStart - 1;
        while (h >= 0 && t.get(h).isBlank()) h--;
        if (h >= 0) {
            List<String> names = headerNames(t.get(h), bestCols);
            if (names != null) {
                int f = -1, r = -1, im = -1;
                for (int k = 0; k < names.size(); k++) {
                    String n = names.get(k).toLowerCase(Locale.ROOT).replace(" ", "");
                    if (f < 0 && (n.contains("freq") || n.equals("f") || n.startsWith("f/") || n.startsWith("f("))) f = k;
                    else if (im < 0 && isImag(n)) im = k;
                    else if (r < 0 && isReal(n)) r = k;
                }
                if (f >= 0 && r >= 0 && im >= 0) {
                    fc = f;
                    rc = r;
                    ic = im;
                    String n = names.get(im).trim();
                    if (n.startsWith("-") || n.startsWith("−")) negated = true;
                    format = "delimited text with header";
                }
            }
        }
        ImpedanceTable table = new ImpedanceTable(t, format, negated);
        for (int i : rowsAt) {
            String[] tok = split(t.get(i));
            table.add(i, t.number(tok[fc], i, "frequency"), t.number(tok[rc], i, "Z'"), t.number(tok[ic], i, "Z''"));
        }
        return table;
    }

    private static boolean isImag(String n) {
        return n.contains("z''") || n.contains("z\"") || n.contains("zim") || n.contains("im(z)") || n.contains("imag")
                || n.contains("z_im") || n.equals("-z''") || n.startsWith("im");
    }

    private static boolean isReal(String n) {
        return n.contains("z'") || n.contains("zre") || n.contains("re(z)") || n.contains("real") || n.contains("z_re")
                || n.startsWith("re");
    }

    /** Header names matching the data column count, trying the row delimiter, then 2+ spaces, then white space. */
    private static List<String> headerNames(String header, int cols) {
        String h = header.trim();
        if (h.length() >= 2 && h.startsWith("\"") && h.endsWith("\"") && h.indexOf('"', 1) == h.length() - 1) {
            h = h.substring(1, h.length() - 1).trim();
        }
        for (String[] tok : new String[][] {split(h), h.split("\\s{2,}"), h.split("\\s+")}) {
            List<String> names = new ArrayList<>();
            for (String s : tok) names.add(s.trim().replaceAll("^\"|\"$", ""));
            if (names.size() == cols) return names;
        }
        return null;
    }

    /** Splits a row on tab, ';', ',' or white space; trailing empty fields are dropped. */
    static String[] split(String line) {
        String l = line.trim();
        String[] tok;
        if (line.indexOf('\t') >= 0) tok = l.split("\t");
        else if (l.indexOf(';') >= 0) tok = l.split(";");
        else if (l.indexOf(',') >= 0) tok = l.split(",");
        else tok = l.split("\\s+");
        int n = tok.length;
        while (n > 0 && tok[n - 1].isBlank()) n--;
        String[] out = new String[n];
        for (int i = 0; i < n; i++) out[i] = tok[i].trim();
        return out;
    }
}
