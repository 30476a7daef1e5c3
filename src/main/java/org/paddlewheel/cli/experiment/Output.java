package org.paddlewheel.cli.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paddlewheel.io.AtomicFile;
import picocli.CommandLine.Option;

/**
 * The output options every experiment command shares ({@code --json}, {@code -o DIR}) and the JSON
 * writer they use: ordered maps, non-finite numbers written as null so the output stays valid JSON.
 */
public final class Output {
    @Option(names = "--json", description = "Print the results as JSON on stdout (keys carry their units, e.g. Ea_eV, tau_c_s).")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write plots (PNG + SVG) and tables into DIR.")
    Path dir;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Whether JSON was asked for. */
    public boolean json() { return json; }

    /** The output folder, or null. */
    public Path dir() { return dir; }

    /** Prints {@code value} as indented JSON. */
    public static void printJson(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(clean(value)));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes {@code value} as JSON into {@code file} atomically. */
    public static void writeJson(Path file, Object value) throws IOException {
        byte[] bytes = MAPPER.writeValueAsString(clean(value)).getBytes(StandardCharsets.UTF_8);
        AtomicFile.writeBytes(file, out -> out.write(bytes));
    }

    /** Writes text into {@code file} atomically. */
    public static void writeText(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFile.writeBytes(file, out -> out.write(bytes));
    }

    /** A new insertion-ordered map. */
    public static Map<String, Object> map() { return new LinkedHashMap<>(); }

    private static Object clean(Object v) {
        if (v instanceof Double d) return Double.isFinite(d) ? d : null;
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(e.getKey(), clean(e.getValue()));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            for (Object o : c) out.add(clean(o));
            return out;
        }
        if (v instanceof double[] a) {
            List<Object> out = new ArrayList<>();
            for (double d : a) out.add(clean(d));
            return out;
        }
        return v;
    }
}
