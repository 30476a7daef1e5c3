package org.paddlewheel.forcefield.fit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.io.LabelledXyz;

/**
 * Labelled configurations for a UF3 fit, read with {@link LabelledXyz} (gzip-compressed files are
 * unpacked to a temporary file first), each with its split key: the data file's name and the frame's
 * {@code source} up to its '#' ({@code md-x1-250K-1.extxyz:trajectory.extxyz}), else FILE#INDEX. So the
 * frames that {@code dft single-point} made from one input file (the snapshots of one MD piece, the
 * points of one scan) form one group and are held out together: neighbours along a trajectory or a
 * scan are correlated, and a test set that shares them with training would flatter the model. (Until
 * 2 Dec 2026 the key was the bare {@code source}, which every MD piece shares: "trajectory.extxyz#0".)
 * The split into test, validation and training is by whole groups of equal key and is fixed before
 * anything is fitted: a group's key is hashed (String.hashCode, then
 * the SplitMix64 finaliser) to u in [0, 1); u &lt; testFraction is test, and of the rest a second hash
 * (salted) below validationFraction is validation. The assignment of a group never depends on the
 * other data, so adding configurations does not move old ones between sets. If a set would be empty
 * while at least three groups exist, the group with the smallest u joins it.
 */
public final class Uf3Dataset {
    /** A configuration with its split key. */
    public record Frame(LabelledXyz.Labelled labelled, String group) {}

    /** The three sets, whole groups each. */
    public record Split(List<Frame> train, List<Frame> validation, List<Frame> test) {}

    private Uf3Dataset() {}

    /** Reads every frame of every file. */
    public static List<Frame> read(List<Path> files) {
        List<Frame> out = new ArrayList<>();
        for (Path f : files) {
            if (!Files.exists(f)) throw new org.paddlewheel.model.InputException(f.toString(), 0, "file not found");
            List<LabelledXyz.Labelled> frames = LabelledXyz.read(f); // .gz, .xz, .bz2 read in place, so errors name the file
            for (int i = 0; i < frames.size(); i++) {
                LabelledXyz.Labelled l = frames.get(i);
                out.add(new Frame(l, groupKey(f, l.info().get("source"), i)));
            }
        }
        return out;
    }

    /** The split key of frame i of data file f with the given source (see the class comment). */
    static String groupKey(Path f, String source, int i) {
        String file = f.getFileName().toString().replaceFirst("\\.gz$", "");
        if (source == null || source.isBlank()) return file + "#" + i;
        int h = source.lastIndexOf('#');
        return file + ":" + (h > 0 ? source.substring(0, h) : source);
    }

    /** Deterministic u in [0, 1) of a key and salt. */
    static double unit(String key, long salt) {
        long z = key.hashCode() * 0x9E3779B97F4A7C15L + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    /** Splits by group (see class comment). */
    public static Split split(List<Frame> frames, double testFraction, double validationFraction) {
        List<String> groups = frames.stream().map(Frame::group).distinct().toList();
        java.util.Set<String> test = new java.util.HashSet<>(), val = new java.util.HashSet<>();
        for (String g : groups) {
            if (unit(g, 1) < testFraction) test.add(g);
            else if (unit(g, 2) < validationFraction) val.add(g);
        }
        if (test.isEmpty() && testFraction > 0 && groups.size() >= 3) {
            test.add(groups.stream().min(java.util.Comparator.comparingDouble(g -> unit(g, 1))).orElseThrow());
        }
        if (val.isEmpty() && validationFraction > 0 && groups.size() - test.size() >= 2) {
            val.add(groups.stream().filter(g -> !test.contains(g)).min(java.util.Comparator.comparingDouble(g -> unit(g, 2))).orElseThrow());
        }
        List<Frame> tr = new ArrayList<>(), va = new ArrayList<>(), te = new ArrayList<>();
        for (Frame f : frames) (test.contains(f.group()) ? te : val.contains(f.group()) ? va : tr).add(f);
        return new Split(tr, va, te);
    }
    /**
     * {@code frames} with each non-test group whose frames' {@code config_type} matches {@code typeGlob} cut to at most
     * {@code maxPerGroup} frames, evenly spaced in file order and always ending on the group's last frame (for an optimisation, the
     * relaxed structure). The test groups, chosen by {@link #split} with {@code testFraction}, keep every frame, so the held-out
     * test set is the same with and without thinning. Why: 205 of the 316 labelled frames of 4 Dec 2026 are BFGS steps of ten
     * relaxations, neighbours a few mÅ apart, which outweigh the MD and scan data in an unweighted least-squares fit.
     */
    public static List<Frame> thin(List<Frame> frames, String typeGlob, int maxPerGroup, double testFraction) {
        if (maxPerGroup < 1) throw new IllegalArgumentException("thinning needs at least one frame per group, got " + maxPerGroup);
        java.nio.file.PathMatcher m = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + typeGlob);
        java.util.Set<String> test = new java.util.HashSet<>();
        for (Frame f : split(frames, testFraction, 0).test()) test.add(f.group());
        java.util.Map<String, List<Integer>> members = new java.util.LinkedHashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            String type = f.labelled().info().getOrDefault("config_type", "");
            if (!test.contains(f.group()) && m.matches(Path.of(type.isEmpty() ? "_" : type))) members.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(i);
        }
        java.util.Set<Integer> drop = new java.util.HashSet<>();
        for (List<Integer> idx : members.values()) {
            int n = idx.size();
            if (n <= maxPerGroup) continue;
            java.util.Set<Integer> keep = new java.util.HashSet<>();
            keep.add(n - 1); // the relaxed end; the others evenly spaced back to the first
            for (int k = 1; k < maxPerGroup; k++) keep.add(n - 1 - (int) Math.round(k * (n - 1.0) / (maxPerGroup - 1)));
            for (int j = 0; j < n; j++) if (!keep.contains(j)) drop.add(idx.get(j));
        }
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) if (!drop.contains(i)) out.add(frames.get(i));
        return out;
    }
}
