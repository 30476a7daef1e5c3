package org.paddlewheel.io;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;

/**
 * Extended XYZ as ASE and QUIP define it: per frame, a line with the atom count, a comment line of
 * key=value pairs ({@code Lattice="ax ay az bx by bz cx cy cz"} in Å, rows a, b, c;
 * {@code Properties=species:S:1:pos:R:3:...} naming the per-atom columns; {@code Time}/{@code time}
 * in fs; {@code step}; {@code pbc}; others such as {@code energy} are read past), then one line per
 * atom. Unknown properties are skipped by their declared column count. Positions {@code pos} are
 * Cartesian Å; species come from {@code species} (or atomic numbers {@code Z}).
 *
 * <p><b>Velocity units.</b> ASE stores velocities in its own unit Å/(Å·sqrt(amu/eV)) = sqrt(eV/amu):
 * ASE's time unit is Å·sqrt(amu/eV) = 1e10·sqrt(amu_kg/e) s = 10.1805 fs, so 1 ASE velocity unit
 * = 1/10.1805 Å/fs, and {@code ase.units.fs} = 0.0982269. Velocity columns {@code vel} and
 * {@code velocities} are read as ASE units and multiplied by {@link #ASE_VELOCITY_TO_A_PER_FS};
 * {@code momenta} (what {@code ase.io.write} emits for atoms with velocities, in amu·ASE velocity)
 * are divided by the {@code masses} column or the standard atomic mass. The writer emits
 * {@code vel} in ASE units as well, so files round-trip and agree with ASE-based tools; note that
 * ASE itself loads velocities only from {@code momenta} and keeps {@code vel} as a plain array.
 * Selective-dynamics flags travel as ASE's {@code move_mask:L:3} (true = free to move).
 *
 * <p>Plain XYZ (no Lattice) is accepted only when the caller supplies the cell. Frames without
 * {@code Time} get step × timestep (fs) when a timestep is given, else the frame index; frames
 * without {@code step} get the 0-based frame index. Readers hold one frame at a time; the writer
 * ({@link #create}) writes to a temporary file that replaces the target on close, the live writer
 * ({@link #append}) appends each frame to the file itself.
 */
public final class ExtendedXyz {
    private ExtendedXyz() {}

    /** Multiplies an ASE velocity (sqrt(eV/amu)) to give Å/fs: 1/sqrt(103.6427) = 0.0982269. */
    public static final double ASE_VELOCITY_TO_A_PER_FS = 1.0 / Math.sqrt(Units.AMU_A2_PER_FS2_TO_EV);

    /** Reads the first frame of an extended XYZ file (a Lattice is required). */
    public static Structure read(Path file) {
        return read(file, null);
    }

    /** Reads the first frame; {@code lattice} is used when the file has no Lattice (plain XYZ). */
    public static Structure read(Path file, Lattice lattice) {
        try (TrajectoryReader r = open(file, 0, lattice)) {
            return r.next().structure();
        }
    }

    /** Reads the first frame from a reader; {@code lattice} may be null. */
    public static Structure read(BufferedReader in, String sourceName, Lattice lattice) {
        try (TrajectoryReader r = open(in, sourceName, 0, lattice)) {
            return r.next().structure();
        }
    }

    /** Streams the frames; {@code timestepFs} ≤ 0 means unknown. */
    public static TrajectoryReader open(Path file, double timestepFs) {
        return open(file, timestepFs, null);
    }

    /** Streams the frames; {@code lattice} is used for frames without Lattice (plain XYZ). */
    public static TrajectoryReader open(Path file, double timestepFs, Lattice lattice) {
        return new Reader(LineSource.open(file), timestepFs, lattice);
    }

    /** Streams frames from a reader; {@code sourceName} names it in error messages. */
    public static TrajectoryReader open(BufferedReader in, String sourceName, double timestepFs, Lattice lattice) {
        return new Reader(new LineSource(in, sourceName), timestepFs, lattice);
    }

    /** Writes one structure atomically (no Time or step keys). */
    public static void write(Path file, Structure s) {
        AtomicFile.writeTextUnchecked(file, w -> {
            StringBuilder sb = new StringBuilder();
            appendFrame(sb, s, Double.NaN, -1);
            w.append(sb);
        });
    }

    /** Creates a trajectory writer (see class comment). */
    public static TrajectoryWriter create(Path file) {
        return new Writer(file);
    }

    /**
     * A live writer appending to {@code file} (see {@link Formats#openTrajectoryAppender}): with
     * {@code resumeAfterStep} ≥ 0 it keeps the complete frames with {@code step} ≤ it and cuts the
     * rest; below 0 it starts the file afresh.
     */
    public static TrajectoryWriter append(Path file, long resumeAfterStep) {
        return new Writer(LiveTextFile.open(file, resumeAfterStep < 0 ? 0 : resumeLength(file, resumeAfterStep)));
    }

    private static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile("(?<![\\w])step=(-?\\d+)");

    /** Bytes of the leading complete frames whose step (else 0-based index) is ≤ {@code step}. */
    static long resumeLength(Path file, long step) {
        if (!java.nio.file.Files.exists(file)) return 0;
        long keep = 0;
        try (LiveTextFile.Lines in = new LiveTextFile.Lines(file)) {
            for (long index = 0; ; index++) {
                String count = in.next(), comment = count == null ? null : in.next();
                if (comment == null) break;
                int n;
                try {
                    n = Integer.parseInt(count.trim());
                } catch (NumberFormatException e) {
                    break;
                }
                int read = 0;
                while (read < n && in.next() != null) read++;
                if (read < n) break;
                java.util.regex.Matcher m = STEP.matcher(comment);
                if ((m.find() ? Long.parseLong(m.group(1)) : index) > step) break;
                keep = in.offset();
            }
        }
        return keep;
    }

    static void appendFrame(StringBuilder sb, Structure s, double timeFs, long step) {
        sb.append(s.size()).append('\n');
        sb.append("Lattice=\"");
        double[] m = s.lattice().rowMajor();
        for (int i = 0; i < 9; i++) sb.append(i == 0 ? "" : " ").append(m[i]);
        sb.append("\" Properties=species:S:1:pos:R:3");
        if (s.hasVelocities()) sb.append(":vel:R:3");
        if (s.hasSelectiveDynamics()) sb.append(":move_mask:L:3");
        if (!Double.isNaN(timeFs)) sb.append(" Time=").append(timeFs);
        if (step >= 0) sb.append(" step=").append(step);
        sb.append(" pbc=\"T T T\"\n");
        double[] v = s.hasVelocities() ? s.velocities() : null;
        for (int i = 0; i < s.size(); i++) {
            String sym = s.species(i).symbol();
            sb.append(sym);
            for (int k = sym.length(); k < 2; k++) sb.append(' ');
            for (int k = 0; k < 3; k++) FixedFormat.append(sb.append(' '), s.x(i, k), 18, 10);
            if (v != null) {
                for (int k = 0; k < 3; k++) FixedFormat.append(sb.append(' '), v[3 * i + k] / ASE_VELOCITY_TO_A_PER_FS, 18, 12);
            }
            if (s.hasSelectiveDynamics()) for (int k = 0; k < 3; k++) sb.append(s.isFree(i, k) ? " T" : " F");
            sb.append('\n');
        }
    }

    private static final class Reader extends LineFrameReader {
        private final double timestepFs;
        private final Lattice fallback;
        private Element[] firstSpecies;
        private long index;

        Reader(LineSource src, double timestepFs, Lattice fallback) {
            super(src);
            this.timestepFs = timestepFs;
            this.fallback = fallback;
            // Read the first frame now so atomCount() is known and a bad file fails at open.
            if (prefetch() == null) {
                throw new InputException(src.source(), 1, "expected the number of atoms, got an empty file");
            }
        }

        @Override public int atomCount() { return firstSpecies.length; }

        @Override
        protected Frame readFrame() {
            String countLine = src.next();
            while (countLine != null && countLine.isBlank()) countLine = src.next();
            if (countLine == null) return null;
            String[] ct = LineSource.tokens(countLine);
            if (ct.length != 1 || !LineSource.isInteger(ct[0])) {
                throw src.error("expected the number of atoms on a line of its own, got '" + countLine.trim() + "'");
            }
            int n = src.count(ct[0], "the number of atoms");
            src.atomCount(n, "number of atoms");
            if (firstSpecies != null && n != firstSpecies.length) {
                throw src.error("expected " + firstSpecies.length + " atoms as in the first frame, got " + n);
            }
            String comment = src.require("the comment line (Lattice=\"...\" Properties=...)");
            Map<String, String> kv = ExtXyzHeader.parse(comment, src);
            Lattice lattice = lattice(ExtXyzHeader.get(kv, "Lattice"));
            String props = ExtXyzHeader.get(kv, "Properties");
            List<ExtXyzHeader.Column> cols = ExtXyzHeader.properties(props == null ? "species:S:1:pos:R:3" : props, src);
            ExtXyzHeader.Column sp = ExtXyzHeader.find(cols, "species", "Z");
            ExtXyzHeader.Column pos = ExtXyzHeader.find(cols, "pos", "positions");
            ExtXyzHeader.Column vel = ExtXyzHeader.find(cols, "vel", "velocities", "momenta");
            ExtXyzHeader.Column mass = ExtXyzHeader.find(cols, "masses");
            ExtXyzHeader.Column mask = ExtXyzHeader.find(cols, "move_mask");
            if (sp == null || sp.width() != 1) throw src.error("expected a species:S:1 (or Z:I:1) column in Properties");
            if (pos == null || pos.width() != 3 || pos.type() != 'R') throw src.error("expected a pos:R:3 column in Properties");
            if (vel != null && (vel.width() != 3 || vel.type() != 'R')) throw src.error("expected " + vel.name() + ":R:3 in Properties");
            if (mask != null && (mask.type() != 'L' || (mask.width() != 1 && mask.width() != 3))) {
                throw src.error("expected move_mask:L:3 or move_mask:L:1 in Properties");
            }
            int total = cols.get(cols.size() - 1).start() + cols.get(cols.size() - 1).width();
            Double time = optionalNumber(kv, "Time", "time");
            Double stepValue = optionalNumber(kv, "step", "Step");
            long step = stepValue == null ? index : Math.round(stepValue);

            Structure.Builder b = Structure.builder(lattice, n);
            Element[] species = new Element[n];
            if (fs.length < total + 1) { fs = new int[total + 1]; fe = new int[total + 1]; }
            boolean plain = vel == null && mask == null && sp.name().equals("species");
            for (int i = 0; i < n; i++) {
                if (plain && fastAtom(i, total, sp, pos, species, b)) continue;
                String line = src.require("atom " + (i + 1) + " of " + n);
                atom(i, line, total, props, sp, pos, vel, mass, mask, species, b);
            }
            if (firstSpecies == null) {
                firstSpecies = species;
            } else if (!Arrays.equals(firstSpecies, species)) {
                throw src.error("expected the same species order in every frame (frame " + (index + 1) + " differs)");
            }
            double timeFs = time != null ? time : timestepFs > 0 ? (stepValue != null ? step : index) * timestepFs : index;
            index++;
            return new Frame(b.build(), timeFs, step);
        }

        private int[] fs = new int[8], fe = new int[8];
        private final double[] xyz = new double[3];

        /**
         * The common line "Sp x y z [other columns]" parsed from the bytes, no String made. False
         * when the line is not in that shape (other column count, a label for a species, a number
         * outside {@link FastDecimal}'s fast path): the line is then pushed back for the String
         * route, so values and error messages are always the String route's.
         */
        private boolean fastAtom(int i, int total, ExtXyzHeader.Column sp, ExtXyzHeader.Column pos, Element[] species,
                                 Structure.Builder b) {
            int got = src.nextFields(fs, fe, total + 1);
            if (got == -2) return false;
            if (got == -1) throw src.endOfFile("atom " + (i + 1) + " of " + species.length);
            byte[] bytes = src.lineBytes();
            Element e = got == total ? knownSpecies(i, bytes, fs[sp.start()], fe[sp.start()]) : null;
            for (int k = 0; k < 3 && e != null; k++) {
                int c = pos.start() + k;
                xyz[k] = FastDecimal.parse(bytes, fs[c], fe[c]);
                if (xyz[k] != xyz[k]) e = null;
            }
            if (e == null) {
                String line = src.currentLine();
                src.pushBack(line);
                return false;
            }
            species[i] = e;
            lastSpecies = e;
            b.add(e, xyz[0], xyz[1], xyz[2]);
            return true;
        }

        /** The element of atom i when its token is exactly the symbol it had in the first frame (or the previous atom's), else null. */
        private Element knownSpecies(int i, byte[] bytes, int from, int to) {
            Element guess = firstSpecies != null && i < firstSpecies.length ? firstSpecies[i] : lastSpecies;
            if (guess == null) {
                String token = new String(bytes, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
                guess = Element.find(token);
                if (guess == null) return null;
            }
            String sym = guess.symbol();
            if (to - from != sym.length()) return null;
            for (int k = 0; k < sym.length(); k++) if (bytes[from + k] != sym.charAt(k)) return null;
            return guess;
        }

        private Element lastSpecies;

        /** One atom line by the String route: every error names the line. */
        private void atom(int i, String line, int total, String props, ExtXyzHeader.Column sp, ExtXyzHeader.Column pos,
                          ExtXyzHeader.Column vel, ExtXyzHeader.Column mass, ExtXyzHeader.Column mask, Element[] species,
                          Structure.Builder b) {
            String[] t = LineSource.tokens(line);
            if (t.length != total) throw src.error("expected " + total + " columns (" + props + ") for atom " + (i + 1) + ", got " + t.length);
            species[i] = sp.name().equals("Z") ? byNumber(t[sp.start()]) : src.element(t[sp.start()]);
            int p = pos.start();
            b.add(species[i], src.number(t[p], "x of atom " + (i + 1)), src.number(t[p + 1], "y of atom " + (i + 1)),
                    src.number(t[p + 2], "z of atom " + (i + 1)));
            if (vel != null) {
                double f = ASE_VELOCITY_TO_A_PER_FS;
                if (vel.name().equals("momenta")) {
                    f /= mass == null ? species[i].massAmu() : src.number(t[mass.start()], "the mass of atom " + (i + 1));
                }
                int q = vel.start();
                b.velocity(i, f * src.number(t[q], "velocity of atom " + (i + 1)), f * src.number(t[q + 1], "velocity of atom " + (i + 1)),
                        f * src.number(t[q + 2], "velocity of atom " + (i + 1)));
            }
            if (mask != null) {
                boolean[] free = new boolean[3];
                for (int k = 0; k < 3; k++) {
                    Boolean v = ExtXyzHeader.logical(t[mask.start() + (mask.width() == 3 ? k : 0)]);
                    if (v == null) throw src.error("expected T or F in move_mask of atom " + (i + 1));
                    free[k] = v;
                }
                b.selective(i, free[0], free[1], free[2]);
            }
        }

        private String lastLatticeText;
        private Lattice lastLattice;

        private Lattice lattice(String value) {
            if (value == null) {
                if (fallback != null) return fallback;
                throw src.error("expected Lattice=\"ax ay az bx by bz cx cy cz\" on the comment line "
                        + "(plain XYZ has no cell; give the cell explicitly)");
            }
            // A constant cell comes back as the same Lattice object, so what analyses derive from a
            // cell (reduced basis, inverse) is computed once, not once per frame.
            if (value.equals(lastLatticeText)) return lastLattice;
            double[] m = src.numbers(value, 9, "Lattice");
            if (LineSource.tokens(value).length != 9) throw src.error("expected 9 numbers for Lattice, got '" + value + "'");
            try {
                lastLattice = Lattice.fromRowMajor(m);
                lastLatticeText = value;
                return lastLattice;
            } catch (IllegalArgumentException e) {
                throw src.error("expected a valid cell in Lattice: " + e.getMessage());
            }
        }

        private Double optionalNumber(Map<String, String> kv, String... keys) {
            for (String k : keys) {
                String v = kv.get(k);
                if (v != null) return src.number(v, k);
            }
            return null;
        }

        private Element byNumber(String token) {
            int z = src.count(token, "atomic number Z");
            if (z < 1 || z > 94) throw src.error("expected an atomic number 1..94, got " + z);
            return Element.ofAtomicNumber(z);
        }
    }

    private static final class Writer implements TrajectoryWriter {
        private final TextSink out;
        private final StringBuilder sb = new StringBuilder(1 << 16);
        private Element[] species;

        Writer(Path file) { this(new TempFileWriter(file)); }

        Writer(TextSink out) { this.out = out; }

        @Override
        public void write(Frame frame) {
            Structure s = frame.structure();
            try {
                if (species == null) {
                    species = s.speciesArray();
                } else if (!Arrays.equals(species, s.speciesArray())) {
                    throw new IllegalArgumentException("frame at step " + frame.step() + " has other atoms than the first frame");
                }
                sb.setLength(0);
                appendFrame(sb, s, frame.timeFs(), frame.step());
                out.append(sb);
            } catch (RuntimeException e) {
                out.fail();
                throw e;
            }
        }

        @Override
        public void close() { out.close(); }

        @Override
        public void abort() {
            out.fail();
            out.close();
        }
    }
}
