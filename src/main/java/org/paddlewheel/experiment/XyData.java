package org.paddlewheel.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.model.InputException;

/**
 * Columns of numbers from a measured curve: a powder pattern (2θ/intensity, GSAS {@code .xye} with
 * esd, {@code .xy}), an NMR spectrum (ppm/intensity), a current–time or a DSC curve. Rows are numbers
 * separated by commas, semicolons, tabs or spaces; lines starting with {@code #}, {@code !},
 * {@code ;}, {@code %} or {@code //} are comments; non-numeric lines before the first data row are
 * a header (the last one is kept as column names when it has as many cells as the data). A
 * non-numeric cell after data has started is reported as {@code FILE:LINE: ...}. Values are as read,
 * no unit conversion.
 */
public final class XyData {
    private final String source;
    private final List<String> names;
    private final double[][] columns;
    private final int[] lines;

    private XyData(String source, List<String> names, double[][] columns, int[] lines) {
        this.source = source;
        this.names = names;
        this.columns = columns;
        this.lines = lines;
    }

    /** Reads {@code file}, which must have at least {@code minColumns} numeric columns. */
    public static XyData read(Path file, int minColumns) throws IOException {
        return parse(file.toString(), org.paddlewheel.io.CompressedInput.readAllLines(file, StandardCharsets.ISO_8859_1), minColumns);
    }

    /** Parses {@code text}; {@code source} names it in error messages. */
    public static XyData parse(String source, List<String> text, int minColumns) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        String[] header = null;
        int width = -1;
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!") || line.startsWith(";") || line.startsWith("%")
                    || line.startsWith("//")) continue;
            String[] cells = line.split("\\s*[,;\\t]\\s*|\\s+");
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
        double[][] cols = new double[width][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            for (int k = 0; k < width; k++) {
                if (!Double.isFinite(row[k])) throw new InputException(source, rowLines.get(r), "non-finite value in column " + (k + 1));
                cols[k][r] = row[k];
            }
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < width; k++) {
            names.add(header != null && header.length == width ? header[k].replace("\"", "").strip() : "col" + (k + 1));
        }
        return new XyData(source, List.copyOf(names), cols, rowLines.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The file name. */
    public String source() { return source; }

    /** Column names (from a header, else col1, col2, …). */
    public List<String> names() { return names; }

    /** Number of columns. */
    public int width() { return columns.length; }

    /** Number of rows. */
    public int rows() { return lines.length; }

    /** 1-based line of row {@code r}. */
    public int line(int r) { return lines[r]; }

    /** Column {@code k} (0-based), a copy. */
    public double[] column(int k) { return columns[k].clone(); }

    /**
     * Index of the first column whose header name, lower-cased and cut at the first space, '(' or
     * '[', equals one of {@code aliases}; −1 when none does.
     */
    public int find(String... aliases) {
        for (String a : aliases) {
            for (int k = 0; k < names.size(); k++) {
                String n = names.get(k).toLowerCase(Locale.ROOT).split("[\\s(\\[]")[0];
                if (n.equals(a.toLowerCase(Locale.ROOT))) return k;
            }
        }
        return -1;
    }
}
