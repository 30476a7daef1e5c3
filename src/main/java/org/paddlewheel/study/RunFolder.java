package org.paddlewheel.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.paddlewheel.io.AtomicFile;

/**
 * The on-disk layout of one run inside a study: {@code study/runs/<label>_<hash>/} holding
 * {@code spec.json}, the engine's output, {@code result.json} (the analysis) and finally the
 * completion marker {@code COMPLETE} (JSON: engine, wall time). A run counts as finished only
 * when the marker exists, so an interrupted study resumes by redoing unfinished folders. The hash
 * covers the spec, the engine name, the campaign's force field and {@link #DYNAMICS_REVISION}, so
 * changing any of them (a refitted model, a corrected integrator) gives a new folder, never a stale
 * hit. The force field enters as its JSON without the {@code dft_validation} block (documentation that
 * {@code dft compare --write-validation} rewrites without touching the dynamics), so rewriting that block
 * neither orphans a finished study nor reruns it; folders named by the older digest (all bytes of the
 * file, before 4 Dec 2026) are still found.
 */
public final class RunFolder {
    /** Jackson mapper for every study file. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static final String SPEC = "spec.json";
    public static final String RESULT = "result.json";
    public static final String COMPLETE = "COMPLETE";
    public static final String TRAJECTORY = "trajectory.extxyz";

    private final Path dir;
    private final RunSpec spec;

    private RunFolder(Path dir, RunSpec spec) { this.dir = dir; this.spec = spec; }

    /** The folder of {@code spec} run by {@code engineName} with the campaign's default force field under {@code studyDir}. */
    public static RunFolder of(Path studyDir, RunSpec spec, String engineName) {
        return of(studyDir, spec, engineName, Campaign.FORCE_FIELD);
    }

    /**
     * The folder of {@code spec} run by {@code engineName} with {@code forceField} (bundled name or JSON file) under
     * {@code studyDir}: the force field's content enters the folder's hash, so a study resumed with another model
     * (or an edited model file) starts new runs instead of mixing trajectories of two models.
     */
    public static RunFolder of(Path studyDir, RunSpec spec, String engineName, String forceField) {
        Path runs = studyDir.resolve("runs");
        Path dir = runs.resolve(spec.label() + "_" + hash(spec, engineName, forceField));
        if (!Files.isDirectory(dir)) {
            Path legacy = runs.resolve(spec.label() + "_" + hashWithDigest(spec, engineName, LEGACY_DIGESTS.computeIfAbsent(forceField, RunFolder::digestOfBytes)));
            if (Files.isDirectory(legacy)) dir = legacy;
        }
        return new RunFolder(dir, spec);
    }

    /** Run id: the folder name. */
    public String id() { return dir.getFileName().toString(); }

    public Path dir() { return dir; }

    public RunSpec spec() { return spec; }

    public Path file(String name) { return dir.resolve(name); }

    /** True when the completion marker exists. */
    public boolean isComplete() { return Files.isRegularFile(file(COMPLETE)); }

    /** Empties the folder (removing a partial run) and writes spec.json. */
    public void prepare() throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) if (!p.equals(dir)) Files.delete(p);
            }
        }
        Files.createDirectories(dir);
        writeJson(file(SPEC), spec);
    }

    /** Writes the completion marker last, atomically. */
    public void markComplete(String engine, String engineVersion, double wallSeconds) throws IOException {
        markComplete(engine, engineVersion, wallSeconds, false);
    }

    /** Writes the completion marker; {@code resumed}: continued from the engine's checkpoint. */
    public void markComplete(String engine, String engineVersion, double wallSeconds, boolean resumed) throws IOException {
        var n = JSON.createObjectNode();
        n.put("resumed_from_checkpoint", resumed);
        n.put("engine", engine);
        n.put("engine_version", engineVersion);
        n.put("wall_s", wallSeconds);
        n.put("finished_at", java.time.Instant.now().toString());
        writeJson(file(COMPLETE), n);
    }

    /** The marker's content. */
    public JsonNode completion() throws IOException { return JSON.readTree(file(COMPLETE).toFile()); }

    /** Writes any Jackson-serialisable value atomically as pretty JSON. */
    public static void writeJson(Path target, Object value) throws IOException {
        String text = JSON.writeValueAsString(value);
        AtomicFile.writeText(target, w -> w.write(text + "\n"));
    }

    /** SHA-256 prefixes of force fields (bundled resource or file), computed once per name or path. */
    private static final java.util.Map<String, String> FORCE_FIELD_DIGESTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, String> LEGACY_DIGESTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The digest of a force field's dynamics: its JSON without {@code dft_validation}, re-serialised compactly. */
    static String digestOfForceField(String nameOrPath) {
        byte[] bytes = forceFieldBytes(nameOrPath);
        try {
            JsonNode tree = new ObjectMapper().readTree(bytes);
            if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                o.remove("dft_validation");
                bytes = new ObjectMapper().writeValueAsBytes(o);
            }
        } catch (IOException e) {
            // not JSON: hash the bytes as they are (the engine will refuse the file with a clear message)
        }
        return sha256Prefix(bytes);
    }

    /** The digest used before 4 Dec 2026: every byte of the file. */
    static String digestOfBytes(String nameOrPath) { return sha256Prefix(forceFieldBytes(nameOrPath)); }

    private static byte[] forceFieldBytes(String nameOrPath) {
        try {
            Path p = Path.of(nameOrPath);
            if (java.nio.file.Files.isRegularFile(p)) return java.nio.file.Files.readAllBytes(p);
            try (var in = RunFolder.class.getResourceAsStream("/forcefields/" + nameOrPath + ".json")) {
                return in == null ? new byte[0] : in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Prefix(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Bumped whenever the embedded engine's trajectories change for the same inputs, so a resumed
     * study redoes its runs. 2: Langevin keeps the centre of mass fixed (earlier runs carry the
     * whole-crystal random walk of plain BAOAB).
     */
    static final int DYNAMICS_REVISION = 2;

    static String hash(RunSpec spec, String engineName, String forceField) {
        return hashWithDigest(spec, engineName, FORCE_FIELD_DIGESTS.computeIfAbsent(forceField, RunFolder::digestOfForceField));
    }

    /** The folder hash under the digest of before 4 Dec 2026 (tests). */
    static String legacyHashForTest(RunSpec spec, String engineName, String forceField) {
        return hashWithDigest(spec, engineName, digestOfBytes(forceField));
    }

    private static String hashWithDigest(RunSpec spec, String engineName, String forceFieldDigest) {
        try {
            String canonical = JSON.writeValueAsString(spec) + "|" + engineName + "|" + forceFieldDigest
                    + (DYNAMICS_REVISION > 1 ? "|dynamics " + DYNAMICS_REVISION : "");
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
