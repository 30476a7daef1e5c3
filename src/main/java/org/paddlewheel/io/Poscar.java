package org.paddlewheel.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * VASP POSCAR and CONTCAR files, as defined on the VASP wiki ("POSCAR"): comment line; scaling
 * line (one factor; a negative one is the target cell volume in Å³; or three factors for the x,
 * y, z Cartesian components); lattice vectors a, b, c as rows (Å); the VASP-5 species line (VASP 4
 * files without it take the symbols from the comment line); atom counts; an optional line
 * starting with 'S' for selective dynamics; the coordinate mode ('C'/'c'/'K'/'k' = Cartesian in
 * Å, times the scaling; 'D'/'d' = Direct, i.e. fractional); one position per atom, with three T/F
 * flags under selective dynamics and an optional trailing site label; and, as VASP writes in
 * CONTCAR after MD, an optional velocity block. That block starts with a mode line (blank or 'C'/'K'
 * = Cartesian Å/fs, 'D' = fractional per fs); a "Lattice velocities and vectors" block before it
 * (NPT runs) is skipped. Velocities are not multiplied by the scaling factor. The writer produces
 * VASP-5 files with scale 1.0, Direct coordinates to 16 decimals, atoms grouped by element
 * ({@link Structure#groupedBySpecies()}), selective flags and site labels when the structure has
 * them, and Cartesian velocities (Å/fs) after a blank line when it has them.
 */
public final class Poscar {
    private Poscar() {}

    /** Reads a POSCAR/CONTCAR file. */
    public static Structure read(Path file) {
        try (LineSource src = LineSource.open(file)) {
            return read(src);
        }
    }

    /** Reads a POSCAR/CONTCAR from a reader; {@code sourceName} names it in error messages. */
    public static Structure read(BufferedReader in, String sourceName) {
        return read(new LineSource(in, sourceName));
    }

    static Structure read(LineSource src) {
        VaspHeader h = VaspHeader.read(src, src.require("a comment line"));
        int n = h.atomCount();
        String line = src.require("'Direct' or 'Cartesian' (or 'Selective dynamics')");
        boolean selective = startsWith(line, "sS");
        if (selective) line = src.require("'Direct' or 'Cartesian'");
        boolean cartesian = coordinateMode(src, line, "'Direct' or 'Cartesian'");

        Lattice lattice = h.lattice();
        double[] cs = h.coordinateScale();
        Structure.Builder b = Structure.builder(lattice);
        for (int i = 0; i < n; i++) {
            String what = "the position of atom " + (i + 1) + " (" + h.species()[i].symbol() + ")";
            String pl = src.require(what);
            double[] p = src.numbers(pl, 3, what);
            String[] t = LineSource.tokens(pl);
            if (cartesian) {
                b.add(h.species()[i], p[0] * cs[0], p[1] * cs[1], p[2] * cs[2]);
            } else {
                b.addFractional(h.species()[i], p[0], p[1], p[2]);
            }
            int next = 3;
            if (selective) {
                boolean[] f = new boolean[3];
                for (int k = 0; k < 3; k++) {
                    Boolean v = t.length > 3 + k ? flag(t[3 + k]) : null;
                    if (v == null) {
                        throw src.error("expected 3 selective-dynamics flags (T or F) after the position of atom "
                                + (i + 1) + ", got '" + pl.trim() + "'");
                    }
                    f[k] = v;
                }
                b.selective(i, f[0], f[1], f[2]);
                next = 6;
            }
            if (t.length > next && !t[next].startsWith("!") && !t[next].startsWith("#")) b.label(i, t[next]);
        }
        readVelocities(src, b, lattice, n);
        return b.build();
    }

    /** The optional velocity block of CONTCAR (VASP wiki, "POSCAR": initial velocities). */
    private static void readVelocities(LineSource src, Structure.Builder b, Lattice lattice, int n) {
        String mode = src.next();
        if (mode == null) return;
        if (mode.trim().toLowerCase(java.util.Locale.ROOT).startsWith("lattice velocities")) {
            // NPT CONTCAR: "Lattice velocities and vectors", a flag line, 3 velocity rows, 3 vector rows.
            for (int k = 0; k < 7; k++) src.require("the lattice velocities and vectors block");
            mode = src.next();
            if (mode == null) return;
        }
        boolean blank = mode.isBlank();
        if (!blank && !startsWith(mode, "cCkKdD")) {
            throw src.error("expected a blank line or 'Cartesian'/'Direct' before the velocities, got '" + mode.trim() + "'");
        }
        boolean direct = startsWith(mode, "dD");
        String first = src.next();
        if (first == null || first.isBlank()) {
            if (!blank) throw new InputException(src.source(), src.lineNumber() + (first == null ? 1 : 0),
                    "expected " + n + " velocity lines after '" + mode.trim() + "'");
            return; // a trailing blank line is not a velocity block
        }
        double[] v = new double[3];
        for (int i = 0; i < n; i++) {
            String what = "the velocity of atom " + (i + 1);
            String vl = i == 0 ? first : src.require(what);
            double[] u = src.numbers(vl, 3, what);
            if (direct) lattice.toCartesian(u[0], u[1], u[2], v, 0);
            else System.arraycopy(u, 0, v, 0, 3);
            b.velocity(i, v[0], v[1], v[2]);
        }
        // What follows (VASP's predictor-corrector block) is not needed for a structure.
    }

    private static boolean coordinateMode(LineSource src, String line, String expected) {
        if (startsWith(line, "cCkK")) return true;
        if (startsWith(line, "dD")) return false;
        throw src.error("expected " + expected + ", got '" + line.trim() + "'");
    }

    private static boolean startsWith(String line, String chars) {
        String t = line.trim();
        return !t.isEmpty() && chars.indexOf(t.charAt(0)) >= 0;
    }

    /** VASP reads selective flags as Fortran logicals: T/F, .TRUE./.FALSE. */
    private static Boolean flag(String token) {
        String t = token.startsWith(".") ? token.substring(1) : token;
        if (t.isEmpty()) return null;
        char c = Character.toUpperCase(t.charAt(0));
        return c == 'T' ? Boolean.TRUE : c == 'F' ? Boolean.FALSE : null;
    }

    /** Writes {@code s} atomically (temporary file, then rename); the comment is the formula. */
    public static void write(Path file, Structure s) {
        AtomicFile.writeTextUnchecked(file, w -> write(w, s, s.formula()));
    }

    /** Writes {@code s} in VASP-5 format (see class comment) with the given comment line. */
    public static void write(Writer out, Structure s, String comment) {
        Structure g = s.groupedBySpecies();
        VaspHeader.Blocks blocks = VaspHeader.blocks(g.speciesArray());
        StringBuilder sb = new StringBuilder(128 + 80 * g.size());
        VaspHeader.write(sb, comment, g.lattice(), blocks.names(), blocks.counts());
        if (g.hasSelectiveDynamics()) sb.append("Selective dynamics\n");
        sb.append("Direct\n");
        double[] f = g.fractionalPositions();
        for (int i = 0; i < g.size(); i++) {
            for (int k = 0; k < 3; k++) FixedFormat.append(sb.append(' '), f[3 * i + k], 20, 16);
            if (g.hasSelectiveDynamics()) {
                for (int k = 0; k < 3; k++) sb.append(g.isFree(i, k) ? "   T" : "   F");
            }
            if (g.hasLabels() && isToken(g.label(i))) sb.append(' ').append(g.label(i));
            sb.append('\n');
        }
        if (g.hasVelocities()) {
            double[] v = g.velocities();
            sb.append('\n');
            for (int i = 0; i < g.size(); i++) {
                for (int k = 0; k < 3; k++) FixedFormat.append(sb.append(' '), v[3 * i + k], 20, 16);
                sb.append('\n');
            }
        }
        try {
            out.write(sb.toString());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isToken(String label) {
        if (label == null || label.isEmpty() || label.startsWith("!") || label.startsWith("#")) return false;
        for (int i = 0; i < label.length(); i++) if (Character.isWhitespace(label.charAt(i))) return false;
        return true;
    }
}
