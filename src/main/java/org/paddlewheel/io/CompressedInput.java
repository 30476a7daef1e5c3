package org.paddlewheel.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.paddlewheel.model.InputException;

/**
 * Opens an input file whether or not it is compressed, as ASE and pymatgen do: gzip (JDK), xz and
 * bzip2 (Apache Commons Compress, with org.tukaani:xz) are recognised by their magic bytes
 * ({@code 1f 8b}, {@code fd 37 7a 58 5a 00}, {@code BZh}), not by the name, so {@code XDATCAR.gz},
 * a gzip'd file without a suffix and a plain file named {@code .gz} all read correctly;
 * concatenated members (pigz, pbzip2, {@code cat a.gz b.gz}) read as one stream. Names lose a
 * {@code .gz}, {@code .xz}, {@code .bz2} or {@code .bz} suffix before the format is judged from them
 * ({@link #baseName}). A damaged or truncated compressed stream surfaces as an IOException from
 * the stream's read, which the line readers report at the line they were reading.
 */
public final class CompressedInput {
    private CompressedInput() {}

    /** Compression suffixes stripped by {@link #baseName}, lower case. */
    static final List<String> SUFFIXES = List.of(".gz", ".xz", ".bz2", ".bz");

    /** The kinds of file content this class tells apart. */
    public enum Kind { PLAIN, GZIP, XZ, BZIP2 }

    /** The file name without a compression suffix ({@code XDATCAR.gz} → {@code XDATCAR}). */
    public static String baseName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String s : SUFFIXES) {
            if (lower.endsWith(s) && name.length() > s.length()) return name.substring(0, name.length() - s.length());
        }
        return name;
    }

    /** What the first bytes of {@code file} say it is; PLAIN for a missing or short file. */
    public static Kind kind(Path file) {
        byte[] head = new byte[6];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) n += r;
        } catch (IOException e) {
            return Kind.PLAIN;
        }
        return kind(head, n);
    }

    private static Kind kind(byte[] h, int n) {
        if (n >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) return Kind.GZIP;
        if (n >= 6 && (h[0] & 0xff) == 0xfd && h[1] == '7' && h[2] == 'z' && h[3] == 'X' && h[4] == 'Z' && h[5] == 0) return Kind.XZ;
        if (n >= 3 && h[0] == 'B' && h[1] == 'Z' && h[2] == 'h') return Kind.BZIP2;
        return Kind.PLAIN;
    }

    /** True when the content is compressed. */
    public static boolean isCompressed(Path file) { return kind(file) != Kind.PLAIN; }

    /**
     * The decompressed bytes of {@code file} as a stream (buffered). A missing file is an
     * InputException naming it.
     */
    public static InputStream open(Path file) {
        try {
            BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(8);
            byte[] head = new byte[6];
            int n = 0;
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) n += r;
            in.reset();
            try {
                return switch (kind(head, n)) {
                    case GZIP -> new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
                    case XZ -> new BufferedInputStream(new XZCompressorInputStream(in, true), 1 << 16);
                    case BZIP2 -> new BufferedInputStream(new BZip2CompressorInputStream(in, true), 1 << 16);
                    case PLAIN -> in;
                };
            } catch (IOException e) {
                in.close();
                throw new InputException(file.toString(), 0, "not a readable compressed file: " + e.getMessage());
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** All decompressed bytes (for the small whole-file readers: CIF, CUBE, tables, spectra). */
    public static byte[] readAllBytes(Path file) {
        try (InputStream in = open(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /** All lines, decoded as UTF-8 (with malformed bytes replaced), split at \n, \r\n or \r. */
    public static List<String> readAllLines(Path file) {
        return readAllLines(file, StandardCharsets.UTF_8);
    }

    /** All lines decoded with {@code charset} (ISO-8859-1 for instrument files), split at \n, \r\n or \r. */
    public static List<String> readAllLines(Path file, java.nio.charset.Charset charset) {
        String text = new String(readAllBytes(file), charset);
        if (text.isEmpty()) return List.of();
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }
}
