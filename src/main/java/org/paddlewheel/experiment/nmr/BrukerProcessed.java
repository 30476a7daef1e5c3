package org.paddlewheel.experiment.nmr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paddlewheel.model.InputException;

/**
 * Reads a Bruker TopSpin processed 1D spectrum without vendor code: the folder {@code pdata/N} with
 * the real part {@code 1r} and the JCAMP-style parameter file {@code procs}. {@code 1r} holds SI
 * values, 32-bit integers scaled by 2^NC_proc (DTYPP = 0) or 64-bit doubles (DTYPP = 2), little-endian
 * when BYTORDP = 0, big-endian when 1. The ppm axis starts at OFFSET (ppm, left edge, highest shift)
 * and falls by SW_p/(SF·SI) per point (SW_p in Hz, SF in MHz), the convention nmrglue's
 * {@code bruker.guess_udic} follows. Returned ascending in ppm.
 */
public final class BrukerProcessed {
    private BrukerProcessed() {}

    /** {ppm[], intensity[]} from {@code dir} (containing 1r and procs), ascending in ppm. */
    public static double[][] read(Path dir) throws IOException {
        Path procs = dir.resolve("procs"), data = dir.resolve("1r");
        if (!Files.exists(procs) || !Files.exists(data)) {
            throw new InputException(dir.toString(), 0, "a Bruker processed-data folder needs files 1r and procs");
        }
        Map<String, String> p = new HashMap<>();
        List<String> lines = Files.readAllLines(procs, StandardCharsets.ISO_8859_1);
        for (String l : lines) {
            if (l.startsWith("##$")) {
                int eq = l.indexOf('=');
                if (eq > 3) p.put(l.substring(3, eq).strip().toUpperCase(java.util.Locale.ROOT), l.substring(eq + 1).strip());
            }
        }
        int si = (int) num(p, "SI", procs);
        double offset = num(p, "OFFSET", procs), swp = num(p, "SW_P", procs), sf = num(p, "SF", procs);
        int nc = p.containsKey("NC_PROC") ? (int) num(p, "NC_PROC", procs) : 0;
        int dtype = p.containsKey("DTYPP") ? (int) num(p, "DTYPP", procs) : 0;
        ByteOrder order = p.containsKey("BYTORDP") && num(p, "BYTORDP", procs) == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] bytes = Files.readAllBytes(data);
        int width = dtype == 2 ? 8 : 4;
        if (bytes.length < (long) si * width) {
            throw new InputException(data.toString(), 0, "holds " + bytes.length + " bytes, procs says SI = " + si + " values of " + width + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
        double scale = Math.pow(2, nc);
        double[] ppm = new double[si], y = new double[si];
        double step = swp / sf / si;
        for (int i = 0; i < si; i++) {
            int k = si - 1 - i; // ascending ppm
            ppm[k] = offset - i * step;
            y[k] = (dtype == 2 ? b.getDouble(i * 8) : b.getInt(i * 4)) * scale;
        }
        return new double[][] {ppm, y};
    }

    private static double num(Map<String, String> p, String key, Path file) {
        String v = p.get(key);
        if (v == null) throw new InputException(file.toString(), 0, "no ##$" + key + "= parameter");
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InputException(file.toString(), 0, "##$" + key + "= '" + v + "' is not a number");
        }
    }
}
