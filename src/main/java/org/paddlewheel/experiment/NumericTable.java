package org.paddlewheel.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.model.InputException;

/**
 * A small numeric table read from a delimited text file: one header line of column names, then rows
 * of numbers separated by commas, semicolons, tabs or spaces. Blank lines and lines starting with
 * {@code #} are skipped. Values are stored as read (no unit conversion); every cell that is not a
 * number is reported as {@code FILE:LINE: ...}. Used by the Arrhenius, vacancy-model and NMR
 * commands for their (T, σ), (x, T, σ) and (T, T1) tables.
 */
public final class NumericTable {
    private final String source;
    private final List<String> names;
    private final double[][] columns;
    private final int[] lines;

    private NumericTable(String source, List<String> names, double[][] columns, int[] lines) {
        this.source = source;
        this.names = names;
        this.columns = columns;
        this.lines = lines;
    }

    /** Reads {@code file}; throws {@link InputException} for malformed content. */
    public static NumericTable read(Path file) throws IOException {
        return parse(file.toString(), org.paddlewheel.io.CompressedInput.readAllLines(file));
    }

    /** Parses the lines of a table; {@code source} names it in error messages. */
    public static NumericTable parse(String source, List<String> text) {
        List<String> header = null;
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = line.split("\\s*[,;\\t]\\s*|\\s+");
            if (header == null) {
                header = new ArrayList<>();
                for (String c : cells) header.add(c.replace("\"", "").strip());
                continue;
            }
            if (cells.length != header.size()) {
                throw new InputException(source, i + 1, "expected " + header.size() + " values (" + String.join(",", header)
                        + "), found " + cells.length);
            }
            double[] row = new double[cells.length];
            for (int k = 0; k < cells.length; k++) {
                try {
                    row[k] = Double.parseDouble(cells[k].replace("\"", ""));
                } catch (NumberFormatException e) {
                    throw new InputException(source, i + 1, "column '" + header.get(k) + "': '" + cells[k] + "' is not a number");
                }
            }
            rows.add(row);
            rowLines.add(i + 1);
        }
        if (header == null) throw new InputException(source, 0, "empty table: expected a header line of column names");
        if (rows.isEmpty()) throw new InputException(source, 0, "no data rows after the header");
        double[][] cols = new double[header.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) for (int k = 0; k < header.size(); k++) cols[k][r] = rows.get(r)[k];
        return new NumericTable(source, Collections.unmodifiableList(header), cols,
                rowLines.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The file or stream name. */
    public String source() { return source; }

    /** Column names as written in the header. */
    public List<String> names() { return names; }

    /** Number of data rows. */
    public int rows() { return lines.length; }

    /** 1-based line number of data row {@code r}. */
    public int line(int r) { return lines[r]; }

    /** Column {@code k} (0-based), a copy. */
    public double[] column(int k) { return columns[k].clone(); }

    /**
     * Index of the first column whose name matches one of {@code aliases} (case-insensitive; a
     * unit in brackets or after an underscore-free space is ignored, so "T (K)" matches "T"), or −1.
     */
    public int find(String... aliases) {
        for (String a : aliases) {
            for (int k = 0; k < names.size(); k++) {
                if (bare(names.get(k)).equals(bare(a))) return k;
            }
        }
        return -1;
    }

    /** Like {@link #find} but an {@link InputException} naming the columns present when absent. */
    public int require(String what, String... aliases) {
        int k = find(aliases);
        if (k < 0) {
            throw new InputException(source, 1, "no " + what + " column (looked for " + String.join(", ", aliases)
                    + "); columns are " + String.join(", ", names));
        }
        return k;
    }

    private static String bare(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT);
        int p = s.indexOf('(');
        if (p < 0) p = s.indexOf('[');
        if (p > 0) s = s.substring(0, p).strip();
        return s;
    }
}
