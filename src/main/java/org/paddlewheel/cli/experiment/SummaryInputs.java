package org.paddlewheel.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.model.InputException;

/**
 * The points of an Arrhenius fit taken from several {@code summary.json} files of
 * {@code paddlewheel analyze} (docs/summary-json.md): one point per file, T from
 * {@code input.temperature_K} (or given explicitly, one per file), the quantity
 * {@code diffusion.<Sp>.D_cm2_per_s} or {@code conductivity.<Sp>.sigma_S_per_cm} with its
 * {@code _std_} sibling as the 1σ error. Errors are null when any file lacks a usable one.
 * A file whose species made no site change ({@code diffusion.<Sp>.hops_detected == 0}) is skipped
 * unless {@code keepNoHop}: its D (and σ, which is D times a constant) is the floor of the
 * MSD-slope estimator — vibrations and cell fluctuations — not transport, and would flatten the
 * line. Files without the key (older analyses) are kept.
 *
 * @param temperatureK T per kept file, K
 * @param y            the quantity per kept file (cm²/s or S/cm)
 * @param error        its 1σ error per kept file, or null
 * @param name         the quantity's name with unit and species, e.g. "D_cm2_per_s(Na)"
 * @param skippedNoHop the files skipped because the species made no hop
 */
record SummaryInputs(double[] temperatureK, double[] y, double[] error, String name, List<Path> skippedNoHop) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** True when the file looks like JSON (its first non-blank character is '{'). */
    static boolean isJson(Path file) {
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".json")) return true;
        try {
            String s = Files.readString(file).stripLeading();
            return s.startsWith("{");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Reads the files. {@code quantity} is D or sigma; {@code species} null means the first species
     * of the first file; {@code temperaturesK} null means each file's {@code input.temperature_K}.
     */
    static SummaryInputs read(List<Path> files, String quantity, String species, List<Double> temperaturesK) {
        return read(files, quantity, species, temperaturesK, true);
    }

    /** As {@link #read(List, String, String, List)}, skipping files without a hop of the species unless {@code keepNoHop}. */
    static SummaryInputs read(List<Path> files, String quantity, String species, List<Double> temperaturesK, boolean keepNoHop) {
        boolean sigma = switch (quantity.toLowerCase(Locale.ROOT)) {
            case "d" -> false;
            case "sigma", "σ" -> true;
            default -> throw new InputException("--quantity must be D or sigma, got '" + quantity + "'");
        };
        if (temperaturesK != null && temperaturesK.size() != files.size()) {
            throw new InputException("--temperatures gives " + temperaturesK.size() + " values for " + files.size() + " summary files");
        }
        String section = sigma ? "conductivity" : "diffusion";
        String key = sigma ? "sigma_S_per_cm" : "D_cm2_per_s";
        String stdKey = sigma ? "sigma_std_S_per_cm" : "D_std_cm2_per_s";
        int n = files.size();
        double[] t = new double[n], y = new double[n], err = new double[n];
        boolean errors = true;
        String sp = species;
        List<Path> skipped = new ArrayList<>();
        int kept = 0;
        for (int k = 0; k < n; k++) {
            Path f = files.get(k);
            int i = kept;
            JsonNode root;
            try {
                root = MAPPER.readTree(f.toFile());
            } catch (NoSuchFileException | java.io.FileNotFoundException e) {
                throw new InputException(f.toString(), 0, "file not found");
            } catch (IOException e) {
                throw new InputException(f.toString(), 0, "not a summary.json: " + e.getMessage());
            }
            JsonNode sec = root.path(section);
            if (!sec.isObject() || sec.size() == 0) throw new InputException(f.toString(), 0, "no '" + section + "' section (is this a summary.json of paddlewheel analyze?)");
            if (sp == null) {
                Iterator<String> it = sec.fieldNames();
                sp = it.next();
            }
            JsonNode hops = root.path("diffusion").path(sp).path("hops_detected");
            if (!keepNoHop && hops.isNumber() && hops.asLong() == 0) {
                skipped.add(f);
                continue;
            }
            JsonNode v = sec.path(sp).path(key);
            if (!v.isNumber()) {
                throw new InputException(f.toString(), 0, "no number at " + section + "." + sp + "." + key
                        + (sigma ? " (σ needs --temperature in analyze)" : "") + "; species present: " + names(sec));
            }
            y[i] = v.asDouble();
            if (!(y[i] > 0)) throw new InputException(f.toString(), 0, section + "." + sp + "." + key + " = " + y[i] + " must be > 0 for an Arrhenius fit");
            JsonNode e = sec.path(sp).path(stdKey);
            if (e.isNumber() && e.asDouble() > 0) err[i] = e.asDouble();
            else errors = false;
            if (temperaturesK != null) {
                t[i] = temperaturesK.get(k);
            } else {
                JsonNode tk = root.path("input").path("temperature_K");
                if (!tk.isNumber()) {
                    throw new InputException(f.toString(), 0, "input.temperature_K is missing; run analyze with --temperature or give --temperatures");
                }
                t[i] = tk.asDouble();
            }
            if (!(t[i] > 0)) throw new InputException(f.toString(), 0, "temperature " + t[i] + " K is not > 0");
            kept++;
        }
        return new SummaryInputs(Arrays.copyOf(t, kept), Arrays.copyOf(y, kept), errors ? Arrays.copyOf(err, kept) : null,
                key + "(" + sp + ")", List.copyOf(skipped));
    }

    private static String names(JsonNode sec) {
        StringBuilder sb = new StringBuilder();
        sec.fieldNames().forEachRemaining(s -> sb.append(sb.length() == 0 ? "" : ", ").append(s));
        return sb.toString();
    }
}
