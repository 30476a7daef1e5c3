package org.paddlewheel.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Extended XYZ files of labelled configurations (reference data for fitting) in ASE's conventions:
 * {@code energy} (eV) and {@code stress} (9 values, eV/Å³, ASE's sign: positive under tension)
 * on the comment line; per-atom {@code forces} (eV/Å) and optional {@code charges} (e). ASE's
 * {@code ase.io.read(..., index=':')} returns these as SinglePointCalculator results. Any other
 * comment-line keys (config_type, source, level of theory) travel in {@link Labelled#info()}.
 */
public final class LabelledXyz {
    private LabelledXyz() {}

    /**
     * One labelled configuration.
     *
     * @param structure     positions (Å) and cell
     * @param energyEv      total energy, eV
     * @param forcesEvPerA  3N forces, eV/Å
     * @param stressEvPerA3 9 stress components row-major, eV/Å³ (ASE sign), or null
     * @param charges       N charges, e, or null
     * @param info          other comment-line keys, in order (values unquoted)
     */
    public record Labelled(Structure structure, double energyEv, double[] forcesEvPerA, double[] stressEvPerA3,
                           double[] charges, Map<String, String> info) {}

    /** Writes all frames to {@code file} atomically. */
    public static void write(Path file, List<Labelled> frames) {
        try {
            AtomicFile.writeText(file, w -> {
                for (Labelled l : frames) writeFrame(w, l);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeFrame(BufferedWriter w, Labelled l) throws IOException {
        Structure s = l.structure();
        StringBuilder sb = new StringBuilder(128 + 120 * s.size());
        sb.append(s.size()).append('\n').append("Lattice=\"");
        double[] m = s.lattice().rowMajor();
        for (int i = 0; i < 9; i++) sb.append(i == 0 ? "" : " ").append(m[i]);
        sb.append("\" Properties=species:S:1:pos:R:3:forces:R:3");
        if (l.charges() != null) sb.append(":charges:R:1");
        sb.append(String.format(Locale.ROOT, " energy=%.10f", l.energyEv()));
        if (l.stressEvPerA3() != null) {
            sb.append(" stress=\"");
            for (int i = 0; i < 9; i++) sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.10e", l.stressEvPerA3()[i]));
            sb.append('"');
        }
        for (Map.Entry<String, String> e : l.info().entrySet()) {
            String v = e.getValue();
            sb.append(' ').append(e.getKey()).append('=');
            if (v.isEmpty() || v.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '=')) {
                sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        sb.append(" pbc=\"T T T\"\n");
        for (int i = 0; i < s.size(); i++) {
            sb.append(s.species(i).symbol());
            for (int k = 0; k < 3; k++) sb.append(String.format(Locale.ROOT, " %16.10f", s.x(i, k)));
            for (int k = 0; k < 3; k++) sb.append(String.format(Locale.ROOT, " %16.10f", l.forcesEvPerA()[3 * i + k]));
            if (l.charges() != null) sb.append(String.format(Locale.ROOT, " %10.6f", l.charges()[i]));
            sb.append('\n');
        }
        w.write(sb.toString());
    }

    /** Reads every frame; frames must carry {@code energy} and {@code forces}. A missing file reads as empty. */
    public static List<Labelled> read(Path file) {
        List<Labelled> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        try (LineSource src = LineSource.open(file)) {
            String countLine;
            while ((countLine = src.next()) != null) {
                if (countLine.isBlank()) continue;
                int n;
                try {
                    n = Integer.parseInt(countLine.trim());
                } catch (NumberFormatException e) {
                    throw src.error("expected an atom count, got '" + countLine.trim() + "'");
                }
                if (n < 1) throw src.error("expected a positive atom count, got " + n);
                String header = src.next();
                if (header == null) throw src.error("expected the comment line of a frame");
                Map<String, String> kv = ExtXyzHeader.parse(header, src);
                String lat = ExtXyzHeader.get(kv, "Lattice");
                String props = ExtXyzHeader.get(kv, "Properties");
                String energyKey = firstKey(kv, ENERGY_KEYS), stressKey = firstKey(kv, STRESS_KEYS);
                String energy = energyKey == null ? null : kv.get(energyKey);
                if (lat == null || props == null || energy == null) {
                    throw src.error("expected Lattice, Properties and energy (or REF_energy, dft_energy, free_energy) on a labelled frame");
                }
                double[] l9 = numbers(lat, 9, src, "Lattice");
                List<ExtXyzHeader.Column> cols = ExtXyzHeader.properties(props, src);
                ExtXyzHeader.Column sp = ExtXyzHeader.find(cols, "species"), pos = ExtXyzHeader.find(cols, "pos", "positions");
                ExtXyzHeader.Column f = ExtXyzHeader.find(cols, "REF_forces", "dft_forces", "DFT_forces", "forces", "force"), q = ExtXyzHeader.find(cols, "charges", "initial_charges");
                if (sp == null || pos == null || f == null) throw src.error("expected species, pos and forces (or REF_forces, dft_forces) in Properties");
                double e = numbers(energy, 1, src, "energy")[0];
                double[] stress = null;
                String virialKey = stressKey == null ? firstKey(kv, VIRIAL_KEYS) : null;
                if (stressKey != null) {
                    stress = tensor(kv.get(stressKey), src, stressKey);
                } else if (virialKey != null) {
                    // ASE/GAP convention: virial W = −σ V (eV), so σ = −W / V (eV/Å³)
                    double[] w = tensor(kv.get(virialKey), src, virialKey);
                    double vol = Math.abs(Lattice.fromRowMajor(l9).volume());
                    stress = new double[9];
                    for (int k = 0; k < 9; k++) stress[k] = -w[k] / vol;
                }
                Element[] species = new Element[n];
                double[] xyz = new double[3 * n], forces = new double[3 * n];
                double[] charges = q == null ? null : new double[n];
                for (int i = 0; i < n; i++) {
                    String line = src.next();
                    if (line == null) throw src.error("expected " + n + " atom lines, file ends after " + i);
                    String[] t = line.trim().split("\\s+");
                    int width = cols.get(cols.size() - 1).start() + cols.get(cols.size() - 1).width();
                    if (t.length != width) throw src.error("expected " + width + " columns, found " + t.length);
                    species[i] = Element.of(t[sp.start()]);
                    for (int k = 0; k < 3; k++) {
                        xyz[3 * i + k] = number(t[pos.start() + k], src);
                        forces[3 * i + k] = number(t[f.start() + k], src);
                    }
                    if (q != null) charges[i] = number(t[q.start()], src);
                }
                Map<String, String> info = new LinkedHashMap<>();
                for (Map.Entry<String, String> en : kv.entrySet()) {
                    String k = en.getKey();
                    if (!k.equalsIgnoreCase("Lattice") && !k.equals("Properties") && !k.equals(energyKey) && !k.equals(stressKey)
                            && !k.equals(virialKey) && !k.equals("pbc")) {
                        info.put(k, en.getValue());
                    }
                }
                out.add(new Labelled(Structure.of(Lattice.fromRowMajor(l9), species, xyz), e, forces, stress, charges, info));
            }
        }
        return out;
    }

    /**
     * Header keys of the reference energy, most explicit first: MACE-style {@code REF_energy} and GAP-style
     * {@code dft_energy} name the DFT label where a file also carries a model's {@code energy}; then ASE's own keys.
     */
    private static final List<String> ENERGY_KEYS = List.of("REF_energy", "dft_energy", "DFT_energy", "energy", "free_energy");
    private static final List<String> STRESS_KEYS = List.of("REF_stress", "dft_stress", "DFT_stress", "stress");
    private static final List<String> VIRIAL_KEYS = List.of("REF_virial", "dft_virial", "DFT_virial", "virial");

    private static String firstKey(Map<String, String> kv, List<String> keys) {
        for (String k : keys) if (kv.containsKey(k)) return k;
        return null;
    }

    /** A 3x3 tensor given as 9 numbers (row-major) or 6 in Voigt order xx yy zz yz xz xy. */
    private static double[] tensor(String s, LineSource src, String what) {
        String[] t = s.trim().split("\\s+");
        if (t.length == 9) return numbers(s, 9, src, what);
        if (t.length != 6) throw src.error("expected 9 or 6 " + what + " components, found " + t.length);
        double[] v = numbers(s, 6, src, what);
        return new double[] {v[0], v[5], v[4], v[5], v[1], v[3], v[4], v[3], v[2]};
    }

    private static double[] numbers(String s, int count, LineSource src, String what) {
        String[] t = s.trim().split("\\s+");
        if (t.length != count) throw src.error("expected " + count + " numbers for " + what + ", found " + t.length);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = number(t[i], src);
        return v;
    }

    private static double number(String t, LineSource src) {
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) throw src.error("expected a finite number, found '" + t + "'");
            return v;
        } catch (NumberFormatException e) {
            throw src.error("expected a number, found '" + t + "'");
        }
    }
}
