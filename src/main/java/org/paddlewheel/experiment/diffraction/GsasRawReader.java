package org.paddlewheel.experiment.diffraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.model.InputException;

/**
 * Reads the first constant-wavelength bank of a GSAS raw powder file (A. C. Larson, R. B. Von
 * Dreele, GSAS manual, LAUR 86-748, "Powder data files"): a title line, then
 * {@code BANK n NCHAN NREC CONST start step 0 0 [STD|ESD|FXYE|ALT]} with start and step in
 * centidegrees (FXYE: 2θ given per row, in centidegrees). STD (the default): ten (I2 counters, F6
 * counts) pairs per 80-column record, esd √(counts/counters) as GSAS-II reads it; ESD: five
 * (F8 y, F8 esd) pairs; FXYE: free-format rows x y esd. Returned as {2θ (deg), y, esd}.
 */
public final class GsasRawReader {
    private GsasRawReader() {}

    /** Whether {@code file} looks like a GSAS raw file (a line starting with "BANK" in its first 10). */
    public static boolean looksLikeGsas(Path file) throws IOException {
        List<String> lines = org.paddlewheel.io.CompressedInput.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < Math.min(10, lines.size()); i++) if (lines.get(i).startsWith("BANK")) return true;
        return false;
    }

    /** {2θ (deg), y, esd} of the first bank. */
    public static double[][] read(Path file) throws IOException {
        List<String> lines = org.paddlewheel.io.CompressedInput.readAllLines(file, StandardCharsets.ISO_8859_1);
        int b = 0;
        while (b < lines.size() && !lines.get(b).startsWith("BANK")) b++;
        if (b == lines.size()) throw new InputException(file.toString(), 0, "no BANK line: not a GSAS raw file");
        String[] t = lines.get(b).trim().split("\\s+");
        if (t.length < 7 || !t[4].equalsIgnoreCase("CONST")) {
            throw new InputException(file.toString(), b + 1, "only constant-step CW banks are read: BANK n NCHAN NREC CONST start step …");
        }
        int nch;
        double start, step;
        try {
            nch = Integer.parseInt(t[2]);
            start = Double.parseDouble(t[5]) / 100;
            step = Double.parseDouble(t[6]) / 100;
        } catch (NumberFormatException e) {
            throw new InputException(file.toString(), b + 1, "BANK line: NCHAN, start and step must be numbers");
        }
        String type = t.length > 9 ? t[9].toUpperCase(Locale.ROOT) : "STD";
        List<double[]> pts = new ArrayList<>();
        for (int i = b + 1; i < lines.size() && pts.size() < nch; i++) {
            String s = lines.get(i);
            if (s.startsWith("BANK")) break;
            try {
                switch (type) {
                    case "ESD" -> {
                        for (int c = 0; c + 16 <= Math.max(s.length(), 16) && pts.size() < nch && c < 80; c += 16) {
                            if (c + 16 > s.length()) break;
                            double y = Double.parseDouble(s.substring(c, c + 8).trim()), e = Double.parseDouble(s.substring(c + 8, c + 16).trim());
                            pts.add(new double[] {start + step * pts.size(), y, e > 0 ? e : 1});
                        }
                    }
                    case "FXYE" -> {
                        String[] f = s.trim().split("\\s+");
                        if (f.length >= 3) pts.add(new double[] {Double.parseDouble(f[0]) / 100, Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                    }
                    case "STD" -> {
                        for (int c = 0; c + 8 <= s.length() && c < 80 && pts.size() < nch; c += 8) {
                            String nc = s.substring(c, c + 2).trim(), cs = s.substring(c + 2, c + 8).trim();
                            int n = nc.isEmpty() ? 1 : Math.max(1, Integer.parseInt(nc));
                            double y = Math.max(0, Double.parseDouble(cs));
                            pts.add(new double[] {start + step * pts.size(), y, y > 0 ? Math.sqrt(y / n) : 1});
                        }
                    }
                    default -> throw new InputException(file.toString(), b + 1, "unsupported GSAS data type " + type + " (STD, ESD, FXYE)");
                }
            } catch (NumberFormatException e) {
                throw new InputException(file.toString(), i + 1, "not a GSAS " + type + " data record");
            }
        }
        if (pts.size() < nch) throw new InputException(file.toString(), 0, "BANK says " + nch + " points, found " + pts.size());
        double[][] out = new double[3][nch];
        for (int k = 0; k < nch; k++) for (int j = 0; j < 3; j++) out[j][k] = pts.get(k)[j];
        return out;
    }
}
