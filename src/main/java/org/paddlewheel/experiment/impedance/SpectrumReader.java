package org.paddlewheel.experiment.impedance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an impedance spectrum from any supported export, recognised by content first and file
 * extension second: BioLogic EC-Lab text ({@code .mpt}), Gamry ({@code .DTA}, the ZCURVE table),
 * Scribner ZPlot/ZView ({@code .z}), Princeton Applied Research VersaStudio ({@code .par}), and
 * delimited text (plain CSV f,Z',Z'' with or without header, Autolab, CH Instruments, Parstat,
 * PowerSuite; see {@link DelimitedFormat}). The imaginary part is returned as Im Z (negative
 * when capacitive) after applying {@link ImagSign}. Frequencies in Hz, impedances in Ω.
 * Malformed files raise {@link org.paddlewheel.model.InputException} naming file and line.
 */
public final class SpectrumReader {
    private SpectrumReader() {}

    /** Reads {@code file} with automatic sign detection. */
    public static Spectrum read(Path file) throws IOException {
        return read(file, ImagSign.AUTO);
    }

    /** Reads {@code file}; {@code sign} overrides what the format declares unless AUTO. */
    public static Spectrum read(Path file, ImagSign sign) throws IOException {
        return read(file, sign, null);
    }

    /**
     * Reads {@code file}; a data row that does not read (text, NaN, a missing column) is an error
     * naming its line, unless {@code skippedLine} is given: then the row is left out and its 1-based
     * line number passed on, so the caller can warn. (Applies to delimited text, the format of
     * hand-made and spreadsheet files.)
     */
    public static Spectrum read(Path file, ImagSign sign, java.util.function.IntConsumer skippedLine) throws IOException {
        return read(file, sign, skippedLine, null);
    }

    /**
     * As {@link #read(Path, ImagSign, java.util.function.IntConsumer)}, with the format named
     * ({@code mpt}, {@code gamry}, {@code zplot}, {@code versastudio}, {@code csv} or
     * {@code delimited}) instead of recognised; null recognises it.
     */
    public static Spectrum read(Path file, ImagSign sign, java.util.function.IntConsumer skippedLine, String format) throws IOException {
        TextLines t = TextLines.read(file);
        t.badRows = skippedLine;
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String f = format == null ? detect(t, name) : switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "mpt", "biologic", "ec-lab" -> "mpt";
            case "gamry", "dta" -> "gamry";
            case "zplot", "zview", "z" -> "zplot";
            case "versastudio", "par" -> "versastudio";
            case "csv", "delimited", "txt", "autolab", "chi", "parstat", "powersuite" -> "delimited";
            default -> throw new org.paddlewheel.model.InputException("unknown spectrum format '" + format
                    + "'; expected mpt, gamry, zplot, versastudio or csv");
        };
        return parse(t, f, sign, true);
    }

    /**
     * Reads a spectrum; with {@code skipBadRows}, unreadable rows are skipped and named in one
     * warning line on {@code warnings} (otherwise the first one is an error with its line).
     */
    public static Spectrum read(Path file, ImagSign sign, String format, boolean skipBadRows, java.io.PrintWriter warnings)
            throws IOException {
        if (!skipBadRows) return read(file, sign, null, format);
        java.util.List<Integer> skipped = new java.util.ArrayList<>();
        Spectrum s = read(file, sign, skipped::add, format);
        if (!skipped.isEmpty()) {
            warnings.println("warning: " + file + ": skipped " + skipped.size() + " unreadable row(s) at line(s) "
                    + skipped.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
            warnings.flush();
        }
        return s;
    }

    /** Reads from bytes (tests, streams); {@code name} gives the extension hint. */
    public static Spectrum read(String name, byte[] content, ImagSign sign) {
        return parse(TextLines.of(name, content), name, sign);
    }

    /** The format name detected for a file's content and name: mpt, gamry, zplot, versastudio or delimited. */
    static String detect(TextLines t, String name) {
        String first = "";
        for (String l : t.lines) {
            if (!l.isBlank()) {
                first = l.trim();
                break;
            }
        }
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String up = first.toUpperCase(Locale.ROOT);
        if (up.startsWith("EC-LAB ASCII FILE")) return "mpt";
        if (up.startsWith("EXPLAIN")) return "gamry";
        if (up.contains("ZPLOT")) return "zplot";
        if (up.startsWith("<APPLICATION>")) return "versastudio";
        return switch (ext) {
            case "mpt" -> "mpt";
            case "dta" -> "gamry";
            case "z" -> "zplot";
            case "par" -> "versastudio";
            default -> "delimited";
        };
    }

    private static Spectrum parse(TextLines t, String name, ImagSign sign) {
        return parse(t, detect(t, name), sign, true);
    }

    private static Spectrum parse(TextLines t, String format, ImagSign sign, boolean known) {
        ImpedanceTable table = switch (format) {
            case "mpt" -> BioLogicFormat.read(t);
            case "gamry" -> GamryFormat.read(t);
            case "zplot" -> ZPlotFormat.read(t);
            case "versastudio" -> VersaStudioFormat.read(t);
            default -> DelimitedFormat.read(t);
        };
        return table.toSpectrum(sign);
    }
}
