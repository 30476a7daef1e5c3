package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutations of valid files, one reader at a time (issue 13): each mutation below makes the
 * file invalid by construction, and the command reading it must answer with exactly one line
 * {@code paddlewheel: FILE:LINE: …} (LINE ≥ 1), exit status 2, and leave no output file (nor a
 * temporary one) behind. Mutations: a coordinate replaced by NaN, by a number that overflows a
 * double (1e999), or by a word (a token of the wrong kind); the file cut off after the first one or
 * two tokens of a data line; an atom count raised by one or to 2³¹−1. Data lines are those with
 * at least three decimal numbers (coordinates, lattice rows, box rows), within the reader's sections.
 * A failing case names its reader, mutation and seed.
 *
 * <p>The binary ASE {@code .traj} reader gets byte-level mutations of a real file, each invalid by
 * construction: truncation anywhere, a position overwritten by NaN or +∞, a number of the cell
 * replaced by letters (JSON no longer parses), the item count raised by one (the next offset slot
 * is ASE's zero padding) or to 2³¹−1, and the positions' shape raised by one atom. It must answer
 * {@code paddlewheel: FILE:byte N: …}, exit 2, no output.
 */
class ReaderFuzzTest {
    @TempDir
    Path dir;

    /**
     * A valid file and how to read it. {@code firstData}/{@code endData}: 0-based line range that holds
     * what the reader parses (−1: to the end); {@code countLines}: lines whose first integer is an
     * atom count; {@code command}: the arguments reading {@code in} and writing {@code out}.
     */
    record Fixture(String name, String resource, String fileName, int firstData, int endData, int[] countLines,
                   BiFunction<Path, Path, String[]> command) {
        @Override public String toString() { return name; }
    }

    private static final BiFunction<Path, Path, String[]> CONVERT_TO_EXTXYZ =
            (in, out) -> new String[] {"convert", in.toString(), out.resolve("out.extxyz").toString(), "-q", "--timestep", "1fs"};
    private static final BiFunction<Path, Path, String[]> CONVERT_TO_POSCAR =
            (in, out) -> new String[] {"convert", in.toString(), out.resolve("out.vasp").toString(), "-q"};

    static final List<Fixture> FIXTURES = List.of(
            new Fixture("poscar", "io/CONTCAR_Na3OBH4", "CONTCAR", 2, 18, new int[] {6}, CONVERT_TO_POSCAR),
            new Fixture("xdatcar-constant", "io/XDATCAR_constant", "XDATCAR", 2, -1, new int[] {6}, CONVERT_TO_EXTXYZ),
            new Fixture("xdatcar-variable", "io/XDATCAR_variable", "XDATCAR", 2, -1, new int[] {6}, CONVERT_TO_EXTXYZ),
            new Fixture("extxyz", "io/ase_Na3OBH4.extxyz", "a.extxyz", 0, -1, new int[] {0, 11},
                    (in, out) -> new String[] {"convert", in.toString(), out.resolve("out.dump").toString(), "-q"}),
            new Fixture("lammps-dump", "io/lammps/dump_tri.lammpstrj", "a.lammpstrj", 0, -1, new int[] {3}, CONVERT_TO_EXTXYZ),
            new Fixture("lammps-data", "io/lammps/data_full_tri.data", "a.data", 0, -1, new int[] {2}, CONVERT_TO_POSCAR),
            new Fixture("cif", "io/cif/Na3OBH4_Pm-3m_vesta.cif", "a.cif", 0, -1, new int[0], CONVERT_TO_POSCAR),
            new Fixture("impedance-csv", "eis/exampleData.csv", "a.csv", 0, -1, new int[0],
                    (in, out) -> new String[] {"eis", "kk", in.toString(), "-o", out.toString(), "-q"}),
            new Fixture("cp2k-pos", "io/cp2k/NaCl-pos-1.xyz", "NaCl-pos-1.xyz", 0, -1, new int[] {0}, CONVERT_TO_EXTXYZ),
            new Fixture("cp2k-cell", "io/cp2k/NaCl-1.cell", "NaCl-1.cell", 1, -1, new int[0],
                    (in, out) -> CONVERT_TO_EXTXYZ.apply(in.resolveSibling("NaCl-pos-1.xyz"), out)));

    /** Files a fixture's reader needs beside the mutated one, copied unchanged: resource → file name. */
    static final java.util.Map<String, String[]> COMPANIONS = java.util.Map.of(
            "cp2k-pos", new String[] {"io/cp2k/NaCl-1.cell", "NaCl-1.cell"},
            "cp2k-cell", new String[] {"io/cp2k/NaCl-pos-1.xyz", "NaCl-pos-1.xyz"});

    static final List<String> MUTATIONS = List.of("nan", "overflow", "word", "truncate", "count+1", "count-huge");
    static final int SEEDS = 5;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Fixture f : FIXTURES) {
            for (String m : MUTATIONS) {
                if (m.startsWith("count") && f.countLines().length == 0) continue;
                for (int s = 0; s < SEEDS; s++) out.add(Arguments.of(f, m, 1300L + 17 * s));
            }
        }
        return out.stream();
    }

    private static boolean isDecimal(String t) {
        if (!(t.contains(".") || t.contains("e") || t.contains("E"))) return false;
        try {
            Double.parseDouble(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String[] tokens(String line) {
        String t = line.trim();
        return t.isEmpty() ? new String[0] : t.split("[\\s,]+");
    }

    /** Lines (0-based) with at least three decimal numbers inside the fixture's data range. */
    private static List<Integer> dataLines(Fixture f, List<String> lines) {
        List<Integer> out = new ArrayList<>();
        int end = f.endData() < 0 ? lines.size() : f.endData();
        for (int i = f.firstData(); i < end; i++) {
            long n = Stream.of(tokens(lines.get(i))).filter(ReaderFuzzTest::isDecimal).count();
            if (n >= 3) out.add(i);
        }
        return out;
    }

    /** Replaces one of the first three decimal tokens of line i with {@code with}, keeping the layout. */
    private static String replaceDecimal(String line, SplittableRandom rnd, String with) {
        List<int[]> spans = new ArrayList<>();
        var m = Pattern.compile("[^\\s,]+").matcher(line);
        while (m.find() && spans.size() < 3) if (isDecimal(m.group())) spans.add(new int[] {m.start(), m.end()});
        int[] s = spans.get(rnd.nextInt(spans.size()));
        return line.substring(0, s[0]) + with + line.substring(s[1]);
    }

    static String mutate(Fixture f, List<String> lines, String kind, SplittableRandom rnd) {
        List<String> l = new ArrayList<>(lines);
        List<Integer> data = dataLines(f, lines);
        int i = data.get(rnd.nextInt(data.size()));
        switch (kind) {
            case "nan" -> l.set(i, replaceDecimal(l.get(i), rnd, rnd.nextBoolean() ? "NaN" : "nan"));
            case "overflow" -> l.set(i, replaceDecimal(l.get(i), rnd, rnd.nextBoolean() ? "1e999" : "-2.5E+400"));
            case "word" -> l.set(i, replaceDecimal(l.get(i), rnd, rnd.nextBoolean() ? "Na" : "x1"));
            case "truncate" -> {
                var m = Pattern.compile("[^\\s,]+").matcher(l.get(i));
                int keep = 1 + rnd.nextInt(2), seen = 0, cut = 0;
                while (m.find()) {
                    if (seen++ == keep) { cut = m.start(); break; }
                }
                String head = l.get(i).substring(0, cut);
                l = new ArrayList<>(l.subList(0, i));
                l.add(head.stripTrailing());
                return String.join("\n", l);       // no newline after the cut: a file that broke off
            }
            case "count+1", "count-huge" -> {
                int c = f.countLines()[rnd.nextInt(f.countLines().length)];
                var m = Pattern.compile("\\d+").matcher(l.get(c));
                List<int[]> ints = new ArrayList<>();
                while (m.find()) ints.add(new int[] {m.start(), m.end()});
                int[] s = ints.get(rnd.nextInt(ints.size()));
                long v = Long.parseLong(l.get(c).substring(s[0], s[1]));
                String nv = kind.equals("count+1") ? Long.toString(v + 1) : "2147483647";
                l.set(c, l.get(c).substring(0, s[0]) + nv + l.get(c).substring(s[1]));
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return String.join("\n", l) + "\n";
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("cases")
    void aBrokenFileGivesOneLineExit2AndNoOutput(Fixture f, String kind, long seed) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources", f.resource()), StandardCharsets.UTF_8);
        String text = mutate(f, lines, kind, new SplittableRandom(seed));
        Path in = dir.resolve(f.fileName());
        Files.writeString(in, text);
        String[] companion = COMPANIONS.get(f.name());
        if (companion != null) Files.copy(Path.of("src/test/resources", companion[0]), dir.resolve(companion[1]));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        CliRunner.Result r = CliRunner.run(f.command().apply(in, out));
        String ctx = f.name() + " " + kind + " seed " + seed + "\n--- file ---\n" + text + "--- stderr ---\n" + r.err();
        assertThat(r.exitCode()).as(ctx).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(ctx).isEqualTo(1);
        assertThat(r.err().strip()).as(ctx).matches("paddlewheel: " + Pattern.quote(in.toString()) + ":[1-9]\\d*: \\S.*");
        try (var s = Files.list(out)) {
            assertThat(s.toList()).as(ctx).isEmpty();
        }
    }

    static final List<String> TRAJ_MUTATIONS = List.of("truncate", "nan", "overflow", "word", "count+1", "count-huge", "shape");

    static Stream<Arguments> trajCases() {
        List<Arguments> out = new ArrayList<>();
        for (String m : TRAJ_MUTATIONS) for (int s = 0; s < SEEDS; s++) out.add(Arguments.of(m, 1300L + 17 * s));
        return out.stream();
    }

    /** The byte offsets of every item's JSON text and every positions array, read as ASE lays them out. */
    private static List<long[]> trajLayout(byte[] b) throws Exception {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long n = bb.getLong(32), pos0 = bb.getLong(40);
        List<long[]> items = new ArrayList<>();   // {jsonStart, jsonLength, positionsOffset}
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < n; i++) {
            long at = bb.getLong((int) (pos0 + 8 * i)), len = bb.getLong((int) at);
            var json = mapper.readTree(new String(b, (int) at + 8, (int) len, StandardCharsets.UTF_8));
            items.add(new long[] {at + 8, len, json.get("positions.").get("ndarray").get(2).asLong()});
        }
        return items;
    }

    @ParameterizedTest(name = "traj {0} seed {1}")
    @MethodSource("trajCases")
    void aBrokenTrajGivesOneLineWithItsByteOffsetExit2AndNoOutput(String kind, long seed) throws Exception {
        byte[] b = Files.readAllBytes(Path.of("src/test/resources/io/ase/chgnet_md_out.traj"));
        SplittableRandom rnd = new SplittableRandom(seed);
        List<long[]> items = trajLayout(b);
        long[] item = items.get(rnd.nextInt(items.size()));
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        switch (kind) {
            case "truncate" -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
            case "nan", "overflow" -> bb.putDouble((int) item[2] + 8 * rnd.nextInt(24), kind.equals("nan") ? Double.NaN : Double.POSITIVE_INFINITY);
            case "word", "shape" -> {
                String text = new String(b, (int) item[0], (int) item[1], StandardCharsets.ISO_8859_1);
                String from = kind.equals("word") ? "\"cell\": [[2.868779" : "\"positions.\": {\"ndarray\": [[8, 3]";
                String to = kind.equals("word") ? "\"cell\": [[xyzxyzxy" : "\"positions.\": {\"ndarray\": [[9, 3]";
                int k = text.indexOf(from);
                assertThat(k).as(kind).isNotNegative();
                System.arraycopy(to.getBytes(StandardCharsets.ISO_8859_1), 0, b, (int) item[0] + k, to.length());
            }
            case "count+1" -> bb.putLong(32, bb.getLong(32) + 1);
            case "count-huge" -> bb.putLong(32, Integer.MAX_VALUE);
            default -> throw new IllegalArgumentException(kind);
        }
        Path in = dir.resolve("md.traj");
        Files.write(in, b);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        CliRunner.Result r = CliRunner.run(CONVERT_TO_EXTXYZ.apply(in, out));
        String ctx = "traj " + kind + " seed " + seed + "\n--- stderr ---\n" + r.err();
        assertThat(r.exitCode()).as(ctx).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(ctx).isEqualTo(1);
        assertThat(r.err().strip()).as(ctx).matches("paddlewheel: " + Pattern.quote(in.toString()) + ":byte \\d+: \\S.*");
        try (var s = Files.list(out)) {
            assertThat(s.toList()).as(ctx).isEmpty();
        }
    }
}
