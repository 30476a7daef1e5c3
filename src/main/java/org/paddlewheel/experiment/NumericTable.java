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
 * Columns of numbers read from a delimited text file — the one reader behind every experiment
 * command. Cells are separated by commas, semicolons, tabs or spaces; values are stored as read (no
 * unit conversion); a cell that is not a number is reported as {@code FILE:LINE: ...}. Two layouts:
 * <ul>
 * <li><b>Tables</b> ({@link #read}, {@link #parse}): one header line of column names, then rows with
 *     exactly as many numbers; blank lines and {@code #} lines skipped; gzip/xz/bzip2 accepted. Used for
 *     the (T, σ), (x, T, σ), (T, T1) and (x, a) tables of the Arrhenius, vacancy-model, NMR and Vegard
 *     commands. Column names match {@link #find} case-insensitively with a unit in brackets ignored
 *     ("T (K)" matches "T").</li>
 * <li><b>Measured curves</b> ({@link #readCurve}, {@link #parseCurve}): a powder pattern (2θ or TOF /
 *     intensity[, esd]), an NMR spectrum (ppm / intensity), a current–time or DSC curve. The header is
 *     optional: non-numeric lines before the first data row are a header (the last one names the
 *     columns when it has as many cells as the data, else col1, col2, …); {@code #}, {@code !},
 *     {@code ;}, {@code %} and {@code //} lines are comments; rows may carry extra cells; values must
 *     be finite. Names match {@link #find} on their first word, lower-cased and cut at a space,
 *     '(' or '[' ("Heat Flow (W/g)" matches "heat").</li>
 * </ul>
 */
public final class NumericTable {
    private final String source;
    private final List<String> names;
    private final double[][] columns;
    private final int[] lines;
    private final boolean curve;

    private NumericTable(String source, List<String> names, double[][] columns, int[] lines, boolean curve) {
        this.source = source;
        this.names = names;
        this.columns = columns;
        this.lines = lines;
        this.curve = curve;
    }

    /** Reads a table with a header line from {@code file}; throws {@link InputException} for malformed content. */
    public static NumericTable read(Path file) throws IOException {
        return parse(file.toString(), org.paddlewheel.io.CompressedInput.readAllLines(file));
    }

    /** Reads a measured curve with at least {@code minColumns} numeric columns (ISO-8859-1, as instruments export). */
    public static NumericTable readCurve(Path file, int minColumns) throws IOException {
        return parseCurve(file.toString(), org.paddlewheel.io.CompressedInput.readAllLines(file, StandardCharsets.ISO_8859_1), minColumns);
    }

    /** Parses the lines of a table with a header; {@code source} names it in error messages. */
    public static NumericTable parse(String source, List<String> text) {
        List<String> header = null;
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = clean(text.get(i), i);
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = split(line);
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
        return new NumericTable(source, Collections.unmodifiableList(header), transpose(rows, header.size()), toArray(rowLines), false);
    }

    /** Parses the lines of a measured curve (optional header); {@code source} names it in error messages. */
    public static NumericTable parseCurve(String source, List<String> text, int minColumns) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        String[] header = null;
        int width = -1;
        for (int i = 0; i < text.size(); i++) {
            String line = clean(text.get(i), i);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!") || line.startsWith(";") || line.startsWith("%")
                    || line.startsWith("//")) continue;
            String[] cells = split(line);
            double[] row = new double[cells.length];
            int bad = -1;
            for (int k = 0; k < cells.length; k++) {
                try {
                    row[k] = Double.parseDouble(cells[k].replace("\"", ""));
                } catch (NumberFormatException e) {
                    bad = k;
                    break;
                }
            }
            if (bad >= 0) {
                if (rows.isEmpty()) {
                    header = line.matches(".*[,;\\t].*") ? line.split("\\s*[,;\\t]\\s*") : cells;
                    continue;
                }
                throw new InputException(source, i + 1, "'" + cells[bad] + "' is not a number (column " + (bad + 1) + ")");
            }
            if (width < 0) {
                width = cells.length;
                if (width < minColumns) {
                    throw new InputException(source, i + 1, "expected at least " + minColumns + " numeric columns, found " + width);
                }
            } else if (cells.length < width) {
                throw new InputException(source, i + 1, "expected " + width + " values like the first data row, found " + cells.length);
            }
            rows.add(row);
            rowLines.add(i + 1);
        }
        if (rows.isEmpty()) throw new InputException(source, 0, "no numeric data rows (expected at least " + minColumns + " columns of numbers)");
        for (int r = 0; r < rows.size(); r++) {
            for (int k = 0; k < width; k++) {
                if (!Double.isFinite(rows.get(r)[k])) throw new InputException(source, rowLines.get(r), "non-finite value in column " + (k + 1));
            }
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < width; k++) {
            names.add(header != null && header.length == width ? header[k].replace("\"", "").strip() : "col" + (k + 1));
        }
        return new NumericTable(source, List.copyOf(names), transpose(rows, width), toArray(rowLines), true);
    }

    private static String clean(String raw, int index) {
        String line = raw.strip();
        return index == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String[] split(String line) { return line.split("\\s*[,;\\t]\\s*|\\s+"); }

    private static double[][] transpose(List<double[]> rows, int width) {
        double[][] cols = new double[width][rows.size()];
        for (int r = 0; r < rows.size(); r++) for (int k = 0; k < width; k++) cols[k][r] = rows.get(r)[k];
        return cols;
    }

    private static int[] toArray(List<Integer> l) { return l.stream().mapToInt(Integer::intValue).toArray(); }

    /** The file or stream name. */
    public String source() { return source; }

    /** Column names (from the header; for a curve without one, col1, col2, …). */
    public List<String> names() { return names; }

    /** Number of columns. */
    public int width() { return columns.length; }

    /** Number of data rows. */
    public int rows() { return lines.length; }

    /** 1-based line number of data row {@code r}. */
    public int line(int r) { return lines[r]; }

    /** Column {@code k} (0-based), a copy. */
    public double[] column(int k) { return columns[k].clone(); }

    /**
     * Index of the first column whose name matches one of {@code aliases} (tried in order), or −1.
     * Tables: case-insensitive with a unit in brackets ignored ("T (K)" matches "T"). Curves: the name's
     * first word, lower-cased and cut at a space, '(' or '[' ("Heat Flow (W/g)" matches "heat").
     */
    public int find(String... aliases) {
        for (String a : aliases) {
            for (int k = 0; k < names.size(); k++) {
                boolean hit = curve ? firstWord(names.get(k)).equals(a.toLowerCase(Locale.ROOT)) : bare(names.get(k)).equals(bare(a));
                if (hit) return k;
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

    private static String firstWord(String name) { return name.toLowerCase(Locale.ROOT).split("[\\s(\\[]")[0]; }

    private static String bare(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT);
        int p = s.indexOf('(');
        if (p < 0) p = s.indexOf('[');
        if (p > 0) s = s.substring(0, p).strip();
        return s;
    }
}
