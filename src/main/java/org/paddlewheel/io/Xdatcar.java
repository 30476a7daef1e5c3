package org.paddlewheel.io;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * VASP XDATCAR trajectories as VASP 5.4 and 6 write them: a POSCAR-style header (comment,
 * scaling, lattice rows in Å, species line, counts; see {@link Poscar}) followed by blocks
 * {@code "Direct configuration=     N"} + one fractional position per atom. For constant-cell runs
 * the header appears once; for variable-cell runs (ISIF = 3) VASP repeats it before every
 * configuration, and the reader accepts any mixture. VASP wraps positions into the cell, so what
 * is read is wrapped; nothing is unwrapped here. XDATCAR has no velocities and no time: a frame's
 * step is its configuration number N and its time is N × timestep (fs), or N when no timestep is
 * given. The reader holds one frame at a time. The writer ({@link #create}) writes the header
 * once, and again before a frame whose header text (lattice as printed) differs from the last one; fractional
 * coordinates are written as given (not wrapped) to 12 decimals; it writes to a temporary file that
 * replaces the target on {@link TrajectoryWriter#close()}, so a failed run leaves no partial file;
 * the live writer ({@link #append}) appends each frame to the file itself.
 */
public final class Xdatcar {
    private Xdatcar() {}

    /** Files from this size up are parsed by {@link ChunkedXdatcarReader} where there are several cores. */
    static final long CHUNKED_FROM_BYTES = 8L << 20;
    /** Chunks stay below G1's humongous-object size (half a 1 MB region) with their read-ahead tail. */
    static final int CHUNK_BYTES = 320 << 10;

    /**
     * Opens an XDATCAR for streaming; {@code timestepFs} ≤ 0 means unknown (time = configuration
     * number). Large constant-cell files are parsed on all cores ({@link ChunkedXdatcarReader}), with
     * the same frames and errors as the sequential reader.
     */
    public static TrajectoryReader open(Path file, double timestepFs) {
        int threads = Math.min(8, Runtime.getRuntime().availableProcessors());
        if (threads > 1 && java.nio.file.Files.isRegularFile(file) && !CompressedInput.isCompressed(file)) {
            try {
                if (java.nio.file.Files.size(file) >= CHUNKED_FROM_BYTES) {
                    TrajectoryReader r = ChunkedXdatcarReader.open(file, timestepFs, threads, CHUNK_BYTES);
                    if (r != null) return r;
                }
            } catch (java.io.IOException e) {
                // the sequential reader reports it
            }
        }
        return sequential(file, timestepFs);
    }

    /** The single-threaded reader (any XDATCAR: variable cell, Cartesian, errors with their line). */
    static TrajectoryReader sequential(Path file, double timestepFs) {
        return new Reader(LineSource.open(file), timestepFs);
    }

    /** The first header of an XDATCAR and the number of lines it takes. */
    record HeaderInfo(VaspHeader header, int lines) {}

    static HeaderInfo readHeader(Path file) {
        LineSource src = LineSource.open(file);
        try {
            VaspHeader h = VaspHeader.read(src, src.require("a comment line"));
            return new HeaderInfo(h, src.lineNumber());
        } finally {
            src.close();
        }
    }

    /** Streams an XDATCAR from a reader; {@code sourceName} names it in error messages. */
    public static TrajectoryReader open(BufferedReader in, String sourceName, double timestepFs) {
        return new Reader(new LineSource(in, sourceName), timestepFs);
    }

    /** Creates an XDATCAR writer (see class comment). */
    public static TrajectoryWriter create(Path file) {
        return new Writer(new TempFileWriter(file), null, 0);
    }

    /**
     * A live writer appending to {@code file} (see {@link Formats#openTrajectoryAppender}): with
     * {@code resumeAfterStep} ≥ 0 it keeps the complete configurations numbered ≤ it (the number is
     * the frame's step whenever steps increase by more than one) and cuts the rest; below 0 it starts
     * the file afresh.
     */
    public static TrajectoryWriter append(Path file, long resumeAfterStep) {
        Resume r = resumeAfterStep < 0 ? new Resume(0, null, 0) : resume(file, resumeAfterStep);
        return new Writer(LiveTextFile.open(file, r.bytes()), r.header(), r.lastConfig());
    }

    /** Where to resume: bytes kept, the header text in force there and the last configuration number. */
    private record Resume(long bytes, String header, long lastConfig) {}

    private static Resume resume(Path file, long step) {
        Resume keep = new Resume(0, null, 0);
        if (!java.nio.file.Files.exists(file)) return keep;
        String header = null;
        int atoms = 0;
        try (LiveTextFile.Lines in = new LiveTextFile.Lines(file)) {
            while (true) {
                String line = in.next(), frameHeader = header;
                int frameAtoms = atoms;
                if (line != null && !isConfigurationLine(line)) {
                    StringBuilder h = new StringBuilder(line).append('\n');
                    String last = line;
                    for (int k = 0; k < 6 && last != null; k++) if ((last = in.next()) != null) h.append(last).append('\n');
                    if (last == null) break;
                    frameHeader = h.toString();
                    frameAtoms = 0;
                    for (String c : last.trim().split("\\s+")) frameAtoms += Integer.parseInt(c);
                    line = in.next();
                }
                if (line == null || !isConfigurationLine(line) || frameHeader == null) break;
                long config = Long.parseLong(line.substring(line.indexOf('=') + 1).trim());
                int read = 0;
                while (read < frameAtoms && in.next() != null) read++;
                if (read < frameAtoms || config > step) break;
                header = frameHeader;
                atoms = frameAtoms;
                keep = new Resume(in.offset(), header, config);
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // a damaged tail: keep what was complete before it
        }
        return keep;
    }

    /** True for a configuration line: "Direct configuration= N" (VASP 5/6) or "Konfig=N" (VASP 4). */
    static boolean isConfigurationLine(String line) {
        String t = line.trim().toLowerCase(java.util.Locale.ROOT);
        return t.contains("configuration") || t.startsWith("konfig") || t.equals("direct") || t.equals("cartesian");
    }

    private static final class Reader extends LineFrameReader {
        private final double timestepFs;
        private VaspHeader header;
        private final VaspHeader first;
        private long index;
        private final double[] p = new double[3];

        Reader(LineSource src, double timestepFs) {
            super(src);
            this.timestepFs = timestepFs;
            try {
                this.header = VaspHeader.read(src, src.require("a comment line"));
            } catch (RuntimeException e) {
                src.close();
                throw e;
            }
            this.first = header;
        }

        @Override public int atomCount() { return first.atomCount(); }

        @Override
        protected Frame readFrame() {
            String line = src.next();
            while (line != null && line.isBlank()) line = src.next();
            if (line == null) return null;
            if (!isConfigurationLine(line)) {
                String[] t = LineSource.tokens(line);
                boolean coordinates = t.length >= 3 && LineSource.parseNumber(t[0]) != null
                        && LineSource.parseNumber(t[1]) != null && LineSource.parseNumber(t[2]) != null;
                if (index == 0 || coordinates) {
                    throw src.error("expected 'Direct configuration=     N'" + (index == 0 ? "" : " or a new header after "
                            + first.atomCount() + " atoms") + ", got '" + line.trim() + "'");
                }
                // Variable cell: a new header precedes this configuration.
                int at = src.lineNumber();
                VaspHeader h = VaspHeader.read(src, line);
                if (!h.sameAtoms(first)) {
                    throw new InputException(src.source(), at + 5, "expected the same species and counts as the first header ("
                            + String.join(" ", first.speciesNames()) + " / " + Arrays.toString(first.counts()) + ")");
                }
                header = h;
                line = src.require("'Direct configuration=' after the header");
                if (!isConfigurationLine(line)) {
                    throw src.error("expected 'Direct configuration=     N', got '" + line.trim() + "'");
                }
            }
            index++;
            long config = configurationNumber(line, index);
            boolean cartesian = "cCkK".indexOf(line.trim().charAt(0)) >= 0;
            int n = first.atomCount();
            Lattice lattice = header.lattice();
            double[] cs = header.coordinateScale();
            double[] r = new double[3 * n];
            double[] p = this.p;
            for (int i = 0; i < n; i++) {
                int got = src.nextNumbers(p, 0, 3);
                if (got != 1) {
                    // Slow path (unusual number format, or an error): the String route decides.
                    String what = "the position of atom " + (i + 1) + " of configuration " + config;
                    if (got == 0) throw src.endOfFile(what);
                    System.arraycopy(src.numbers(src.currentLine(), 3, what), 0, p, 0, 3);
                }
                if (cartesian) {
                    r[3 * i] = p[0] * cs[0];
                    r[3 * i + 1] = p[1] * cs[1];
                    r[3 * i + 2] = p[2] * cs[2];
                } else {
                    lattice.toCartesian(p[0], p[1], p[2], r, 3 * i);
                }
            }
            Structure s = Structure.of(lattice, header.species(), r);
            double time = timestepFs > 0 ? config * timestepFs : config;
            return new Frame(s, time, config);
        }

        private long configurationNumber(String line, long fallback) {
            int eq = line.indexOf('=');
            if (eq < 0) return fallback;
            String t = line.substring(eq + 1).trim();
            if (t.isEmpty()) return fallback;
            try {
                return Long.parseLong(LineSource.tokens(t)[0]);
            } catch (NumberFormatException e) {
                throw src.error("expected an integer after 'configuration=', got '" + t + "'");
            }
        }
    }

    private static final class Writer implements TrajectoryWriter {
        private final TextSink out;
        private Element[] species;
        private int[] order;             // atom permutation grouping the species (VASP needs runs)
        private VaspHeader.Blocks blocks;
        private String previous;         // header text last written
        private long lastConfig;
        private final StringBuilder sb = new StringBuilder(1 << 16), header = new StringBuilder(512);

        Writer(TextSink out, String previousHeader, long lastConfig) {
            this.out = out;
            this.previous = previousHeader;
            this.lastConfig = lastConfig;
        }

        @Override
        public void write(Frame frame) {
            Structure s = frame.structure();
            try {
                if (species == null) {
                    species = s.speciesArray();
                    order = groupingOrder(species);
                    Element[] grouped = new Element[species.length];
                    for (int i = 0; i < order.length; i++) grouped[i] = species[order[i]];
                    blocks = VaspHeader.blocks(grouped);
                } else if (!Arrays.equals(species, s.speciesArray())) {
                    throw new IllegalArgumentException("frame at step " + frame.step()
                            + " has other atoms than the first frame (XDATCAR needs a fixed atom list)");
                }
                sb.setLength(0);
                header.setLength(0);
                VaspHeader.write(header, s.formula(), s.lattice(), blocks.names(), blocks.counts());
                if (previous == null || !previous.contentEquals(header)) {
                    sb.append(header);
                    previous = header.toString();
                }
                // VASP numbers configurations from 1; keep the frame's step when it increases.
                long config = frame.step() > lastConfig ? frame.step() : lastConfig + 1;
                lastConfig = config;
                sb.append("Direct configuration=").append(String.format(java.util.Locale.ROOT, "%6d", config)).append('\n');
                double[] f = new double[3];
                Lattice l = s.lattice();
                for (int i : order) {
                    l.toFractional(s.x(i, 0), s.x(i, 1), s.x(i, 2), f, 0);
                    for (int k = 0; k < 3; k++) FixedFormat.append(sb.append(' '), f[k], 16, 12);
                    sb.append('\n');
                }
                out.append(sb);
            } catch (RuntimeException e) {
                out.fail();
                throw e;
            }
        }

        @Override
        public void close() {
            out.close();
        }

        @Override
        public void abort() {
            out.fail();
            out.close();
        }
    }

    /** Stable permutation putting atoms in runs by order of first appearance of their element. */
    static int[] groupingOrder(Element[] species) {
        java.util.List<Element> firsts = new java.util.ArrayList<>();
        for (Element e : species) if (!firsts.contains(e)) firsts.add(e);
        int[] order = new int[species.length];
        int k = 0;
        for (Element e : firsts) for (int i = 0; i < species.length; i++) if (species[i] == e) order[k++] = i;
        return order;
    }
}
