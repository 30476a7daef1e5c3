package org.paddlewheel.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.io.AtomicFile;
import org.paddlewheel.io.CompressedInput;
import org.paddlewheel.model.InputException;
import org.paddlewheel.study.MeltingBracket;
import org.paddlewheel.study.MeltingProtocol;
import org.paddlewheel.study.MeltingResult;
import org.paddlewheel.study.PhaseVerdict;

/**
 * One melting-point bracket from several {@code melting.json} files of the same model (runs made one
 * temperature or one seed at a time, on different machines, or continued separately): every run's
 * verdict enters {@link MeltingBracket#of}, so the bracket is [highest T where the solid grew in any
 * run, lowest T where it melted in any run], and replicates that disagree at one temperature make it
 * "inconsistent". The combined {@code melting.json} keeps each run as written (its series included)
 * with the file it came from ({@code source}), lists the files and their protocols
 * ({@code combined_from}) and the protocol settings that differ between them ({@code protocol_differences},
 * e.g. a shorter crystal stage in one file; seed, threads and run length aside), and is drawn as {@code solid-fraction.png|svg}. Temperatures in K, times
 * in ps.
 */
public final class MeltingCombination {
    private MeltingCombination() {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One run read back: its temperature, verdict, series and JSON object (with {@code source} added). */
    private record Run(double temperatureK, PhaseVerdict verdict, double[] timesPs, double[] solidFraction, ObjectNode json) {}

    /**
     * Reads every file (a {@code melting.json}, gzipped or not, or a folder holding one), checks that all were made
     * with one force field, and returns the combined document; throws {@link InputException} naming the file and what
     * was expected on the first problem.
     */
    public static ObjectNode combine(List<Path> files) {
        if (files.isEmpty()) throw new InputException("melting-combine needs at least one melting.json");
        List<Path> paths = new ArrayList<>();
        for (Path f : files) {
            Path p = Files.isDirectory(f) ? f.resolve("melting.json") : f;
            Path canonical = p.toAbsolutePath().normalize();
            if (paths.stream().anyMatch(q -> q.toAbsolutePath().normalize().equals(canonical))) {
                throw new InputException(p.toString(), 0, "given twice: each run would count twice");
            }
            paths.add(p);
        }
        String field = null;
        Path first = null;
        List<Run> runs = new ArrayList<>();
        ArrayNode from = JSON.createArrayNode();
        for (Path p : paths) {
            JsonNode doc = read(p);
            String ff = text(doc, "force_field", p);
            if (field == null) {
                field = ff;
                first = p;
            } else if (!field.equals(ff)) {
                throw new InputException(p.toString(), 0, "force field '" + ff + "', expected '" + field + "' as in " + first
                        + ": a bracket combines runs of one model");
            }
            ObjectNode src = from.addObject();
            src.put("file", p.toString());
            src.put("input", doc.path("input").asText(""));
            if (doc.has("protocol")) src.set("protocol", doc.get("protocol"));
            JsonNode list = doc.get("runs");
            if (list == null || !list.isArray() || list.isEmpty()) throw new InputException(p.toString(), 0, "expected a non-empty runs[] array");
            for (int i = 0; i < list.size(); i++) runs.add(run(list.get(i), p, i));
        }
        MeltingBracket bracket = MeltingBracket.of(runs.stream().map(r -> new MeltingBracket.Point(r.temperatureK(), r.verdict())).toList());
        ObjectNode root = JSON.createObjectNode();
        if (bracket.bracketed()) root.putArray("bracket_K").add(bracket.lowK()).add(bracket.highK());
        else root.putNull("bracket_K");
        root.put("bracket_reason", bracket.reason());
        root.put("measured_K", MeltingResult.MEASURED_K);
        root.put("measured_source", MeltingResult.MEASURED_SOURCE);
        root.put("measured_note", MeltingReport.MEASURED_NOTE);
        root.put("force_field", field);
        root.set("combined_from", from);
        ArrayNode differ = root.putArray("protocol_differences");
        protocolDifferences(from).forEach(differ::add);
        ArrayNode out = root.putArray("runs");
        runs.stream().sorted((a, b) -> Double.compare(a.temperatureK(), b.temperatureK())).forEach(r -> out.add(r.json()));
        return root;
    }

    /** Writes {@code dir/melting.json} and {@code dir/solid-fraction.png|svg} for a combined document. */
    public static void write(Path dir, ObjectNode combined) throws IOException {
        List<String> labels = new ArrayList<>();
        List<double[]> times = new ArrayList<>(), phi = new ArrayList<>();
        for (JsonNode r : combined.get("runs")) {
            String file = Path.of(r.get("source").asText()).getFileName().toString();
            labels.add(String.format(Locale.ROOT, "%d: %s: %s", labels.size() + 1, MeltingProtocol.folder(r.get("temperature_K").asDouble()),
                    r.get("verdict").asText()) + " (" + file + ")");
            times.add(doubles(r.get("times_ps")));
            phi.add(doubles(r.get("solid_fraction")));
        }
        MeltingReport.figure("Two-phase runs combined: solid fraction after release", labels, times, phi, dir.resolve("solid-fraction"));
        AtomicFile.writeText(dir.resolve("melting.json"), w -> w.write(JSON.writeValueAsString(combined) + "\n"));
    }

    /** Protocol keys (seed, threads and the run length aside) whose values differ between files, as "key: a, b". */
    private static List<String> protocolDifferences(ArrayNode from) {
        java.util.Map<String, java.util.Set<String>> values = new java.util.TreeMap<>();
        for (JsonNode f : from) {
            JsonNode pr = f.get("protocol");
            if (pr == null) continue;
            pr.fields().forEachRemaining(e -> {
                if (!List.of("seed", "threads", "time_ps").contains(e.getKey())) {
                    values.computeIfAbsent(e.getKey(), k -> new java.util.LinkedHashSet<>()).add(e.getValue().asText());
                }
            });
        }
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> { if (v.size() > 1) out.add(k + ": " + String.join(", ", v)); });
        return out;
    }

    /** A melting.json (gzipped or not) as a JSON object; a folder holding one is not resolved here. */
    public static JsonNode read(Path p) {
        if (!Files.isRegularFile(p)) throw new InputException(p.toString(), 0, "no such melting.json");
        try (InputStream in = CompressedInput.open(p)) {
            JsonNode doc = JSON.readTree(in);
            if (doc == null || !doc.isObject()) throw new InputException(p.toString(), 1, "expected a JSON object (a melting.json)");
            return doc;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(p.toString(), line, "expected JSON (a melting.json): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(p.toString(), 0, "cannot be read: " + e.getMessage());
        }
    }

    private static Run run(JsonNode r, Path p, int i) {
        String where = "runs[" + i + "]";
        JsonNode t = r.get("temperature_K");
        if (t == null || !t.isNumber() || !(t.asDouble() > 0)) throw new InputException(p.toString(), 0, where + ": expected a positive temperature_K");
        String v = r.path("verdict").asText("");
        PhaseVerdict verdict = Arrays.stream(PhaseVerdict.values()).filter(x -> x.text().equals(v)).findFirst()
                .orElseThrow(() -> new InputException(p.toString(), 0, where + ": verdict '" + v + "', expected one of "
                        + Arrays.stream(PhaseVerdict.values()).map(PhaseVerdict::text).toList()));
        double[] times = doubles(r.get("times_ps")), phi = doubles(r.get("solid_fraction"));
        if (times == null || phi == null || times.length != phi.length || times.length == 0) {
            throw new InputException(p.toString(), 0, where + ": expected times_ps and solid_fraction arrays of one length");
        }
        ObjectNode copy = ((ObjectNode) r).deepCopy();
        copy.put("source", p.toString());
        return new Run(t.asDouble(), verdict, times, phi, copy);
    }

    private static double[] doubles(JsonNode a) {
        if (a == null || !a.isArray()) return null;
        double[] d = new double[a.size()];
        for (int k = 0; k < d.length; k++) {
            if (!a.get(k).isNumber()) return null;
            d[k] = a.get(k).asDouble();
        }
        return d;
    }

    private static String text(JsonNode doc, String key, Path p) {
        JsonNode n = doc.get(key);
        if (n == null || !n.isTextual()) throw new InputException(p.toString(), 0, "expected a \"" + key + "\" string (a melting.json)");
        return n.asText();
    }
}
