package org.paddlewheel.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * LAMMPS data files as described by the {@code read_data} command (LAMMPS manual, "read_data"),
 * in {@code units metal}: lengths Å, masses amu (g/mol), charges e, velocities Å/ps. Positions
 * and velocities are converted to paddlewheel's Å and Å/fs on read (v[Å/fs] = v[Å/ps] / 1000) and
 * back on write; a first line that says {@code units = real} (Å/fs velocities) is honoured on read.
 * Reads atom styles atomic, charge, bond, angle, molecular and full (style from the
 * {@code Atoms # style} comment, else guessed from the column count), optional image flags, the
 * {@code Masses}, {@code Velocities}, {@code Bonds} and {@code Angles} sections, and skips coefficient
 * and dihedral/improper sections. The box origin is moved to 0 and atoms are ordered by atom id.
 * Writes styles atomic and full. LAMMPS needs a lower-triangular cell (a along x, b in the xy
 * plane); a general cell is rigidly rotated into that orientation before writing, positions and
 * velocities with it ({@link #toLammpsOrientation}), so a read-back structure equals the rotated
 * one, not the input. Positions are written wrapped into the box with image flags, so unwrapped
 * coordinates survive. The type of each atom is the index (1-based) of its element in
 * {@code typeOrder}; the {@code Masses} lines carry a {@code # Na} comment naming the element, which
 * the reader prefers over matching the mass to the nearest element. Several types of one element
 * (such as H on B and H on N of a force field) are written with the explicit-type overload of
 * {@link #writeFull(Path, Structure, int[], List, Topology)}. Note: LAMMPS 2021 refuses
 * triclinic boxes with |xy| > lx/2 (and alike) unless the input says {@code box tilt large}.
 */
public final class LammpsData {
    private LammpsData() {}

    /**
     * Molecular topology for atom style {@code full}. {@code moleculeIds} and {@code charges} (e)
     * have one entry per atom in structure order (null means all 0); {@code bonds} rows are
     * {type, i, j} and {@code angles} rows {type, i, j, k} with 1-based LAMMPS type numbers and
     * 0-based atom indices (j is the angle's apex); {@code bondTypeNames}/{@code angleTypeNames}
     * name type t at index t−1 (such as "B-H", "H-B-H"), written as comments; may be empty.
     */
    public record Topology(int[] moleculeIds, double[] charges, int[][] bonds, int[][] angles,
                           List<String> bondTypeNames, List<String> angleTypeNames) {
        public Topology {
            bonds = bonds == null ? new int[0][] : bonds;
            angles = angles == null ? new int[0][] : angles;
            bondTypeNames = bondTypeNames == null ? List.of() : List.copyOf(bondTypeNames);
            angleTypeNames = angleTypeNames == null ? List.of() : List.copyOf(angleTypeNames);
        }

        /** A topology with charges only (no molecules, bonds or angles). */
        public static Topology ofCharges(double[] charges) {
            return new Topology(null, charges, null, null, null, null);
        }

        /** Number of bond types: the largest type used or named. */
        public int bondTypeCount() { return typeCount(bonds, bondTypeNames); }

        /** Number of angle types: the largest type used or named. */
        public int angleTypeCount() { return typeCount(angles, angleTypeNames); }

        private static int typeCount(int[][] rows, List<String> names) {
            int n = names.size();
            for (int[] r : rows) n = Math.max(n, r[0]);
            return n;
        }

        @Override
        public String toString() {
            return "Topology[" + bonds.length + " bonds, " + angles.length + " angles, bond types " + bondTypeNames
                    + ", angle types " + angleTypeNames + "]";
        }
    }

    /**
     * One atom type for the explicit-type writer: its element, mass (amu) and name; the
     * {@code Masses} comment is the element symbol followed by the name when they differ, so the
     * reader still recovers the element.
     */
    public record AtomType(Element element, double massAmu, String name) {
        public AtomType {
            Objects.requireNonNull(element, "element");
            name = name == null ? element.symbol() : name;
        }

        /** The type of a plain element: standard mass, named by its symbol. */
        public static AtomType of(Element e) { return new AtomType(e, e.massAmu(), e.symbol()); }

        String comment() { return name.equals(element.symbol()) ? name : element.symbol() + " " + name; }
    }

    /**
     * What a data file holds: the structure (Å, Å/fs), its topology (null for style atomic; for
     * style charge only charges), and the element of each atom type (index t−1 for type t).
     */
    public record Content(Structure structure, Topology topology, List<Element> typeOrder) {
        public Content {
            Objects.requireNonNull(structure, "structure");
            typeOrder = List.copyOf(typeOrder);
        }
    }

    /** Reads a data file; elements come from the {@code Masses} section. */
    public static Content read(Path file) {
        return LammpsDataReader.read(file, null);
    }

    /**
     * Reads a data file; {@code typeMap} (element of type t at index t−1) overrides the elements
     * inferred from {@code Masses}; null to infer.
     */
    public static Content read(Path file, List<Element> typeMap) {
        return LammpsDataReader.read(file, typeMap);
    }

    /** Writes atom style atomic; {@code typeOrder} null means order of first appearance. */
    public static void writeAtomic(Path file, Structure s, List<Element> typeOrder) {
        write(file, s, typeOrder, null);
    }

    /** Writes atom style full with bonds and angles; {@code typeOrder} null means order of first appearance. */
    public static void writeFull(Path file, Structure s, List<Element> typeOrder, Topology topology) {
        write(file, s, typeOrder, topology == null ? new Topology(null, null, null, null, null, null) : topology);
    }

    /**
     * Writes atom style full with an explicit type per atom: {@code atomTypes[i]} is the 1-based
     * index into {@code types}, whose element must be atom i's; all of {@code types} are declared,
     * used or not. For force fields with several types of one element.
     */
    public static void writeFull(Path file, Structure s, int[] atomTypes, List<AtomType> types, Topology topology) {
        if (atomTypes.length != s.size()) throw new IllegalArgumentException("atomTypes needs " + s.size() + " entries");
        for (int i = 0; i < atomTypes.length; i++) {
            int t = atomTypes[i];
            if (t < 1 || t > types.size()) throw new IllegalArgumentException("atom " + (i + 1) + " has type " + t + " outside 1.." + types.size());
            if (types.get(t - 1).element() != s.species(i)) {
                throw new IllegalArgumentException("atom " + (i + 1) + " is " + s.species(i).symbol() + " but type " + t + " is "
                        + types.get(t - 1).element().symbol());
            }
        }
        write(file, s, atomTypes.clone(), List.copyOf(types), topology == null ? new Topology(null, null, null, null, null, null) : topology);
    }

    /** Element order of first appearance in {@code s}, the default type order. */
    public static List<Element> firstAppearanceOrder(Structure s) {
        LinkedHashSet<Element> set = new LinkedHashSet<>();
        for (int i = 0; i < s.size(); i++) set.add(s.species(i));
        return new ArrayList<>(set);
    }

    /**
     * The structure rigidly rotated so that a lies along x and b in the xy plane (a lower-triangular
     * cell), as LAMMPS requires; positions and velocities rotate alike. Returns {@code s} itself
     * when the cell already has that orientation.
     */
    public static Structure toLammpsOrientation(Structure s) {
        return LammpsBox.orient(s);
    }

    /** Atom type (1-based) of each atom under {@code typeOrder}; IllegalArgumentException for a missing element. */
    static int[] typesOf(Structure s, List<Element> typeOrder) {
        int[] t = new int[s.size()];
        for (int i = 0; i < t.length; i++) {
            int k = typeOrder.indexOf(s.species(i));
            if (k < 0) throw new IllegalArgumentException("element " + s.species(i).symbol() + " is not in the type order " + typeOrder);
            t[i] = k + 1;
        }
        return t;
    }

    private static void write(Path file, Structure input, List<Element> typeOrder, Topology top) {
        List<Element> order = typeOrder == null ? firstAppearanceOrder(input) : List.copyOf(typeOrder);
        write(file, input, typesOf(input, order), order.stream().map(AtomType::of).toList(), top);
    }

    private static void write(Path file, Structure input, int[] types, List<AtomType> order, Topology top) {
        int n = input.size();
        if (top != null) validate(top, n);
        Structure s = LammpsBox.orient(input);
        LammpsBox box = LammpsBox.of(s.lattice());
        AtomicFile.writeTextUnchecked(file, w -> {
            w.write("LAMMPS data file written by paddlewheel, units = metal (Å, ps, amu, e)\n\n");
            line(w, "%d atoms", n);
            line(w, "%d atom types", order.size());
            if (top != null) {
                line(w, "%d bonds", top.bonds().length);
                line(w, "%d bond types", top.bondTypeCount());
                line(w, "%d angles", top.angles().length);
                line(w, "%d angle types", top.angleTypeCount());
                names(w, "bond", top.bondTypeNames());
                names(w, "angle", top.angleTypeNames());
            }
            w.write('\n');
            line(w, "%.10f %.10f xlo xhi", box.xlo(), box.xhi());
            line(w, "%.10f %.10f ylo yhi", box.ylo(), box.yhi());
            line(w, "%.10f %.10f zlo zhi", box.zlo(), box.zhi());
            if (!box.orthogonal()) line(w, "%.10f %.10f %.10f xy xz yz", box.xy(), box.xz(), box.yz());
            w.write("\nMasses\n\n");
            for (int t = 0; t < order.size(); t++) line(w, "%d %.6f # %s", t + 1, order.get(t).massAmu(), order.get(t).comment());
            writeAtoms(w, s, types, top);
            if (s.hasVelocities()) {
                w.write("\nVelocities\n\n");
                double[] v = s.velocities();
                for (int i = 0; i < n; i++) {
                    line(w, "%d %.10f %.10f %.10f", i + 1, v[3 * i] * 1000, v[3 * i + 1] * 1000, v[3 * i + 2] * 1000);
                }
            }
            if (top != null && top.bonds().length > 0) {
                w.write("\nBonds\n\n");
                int id = 1;
                for (int[] b : top.bonds()) {
                    line(w, "%d %d %d %d%s", id++, b[0], b[1] + 1, b[2] + 1, comment(top.bondTypeNames(), b[0]));
                }
            }
            if (top != null && top.angles().length > 0) {
                w.write("\nAngles\n\n");
                int id = 1;
                for (int[] a : top.angles()) {
                    line(w, "%d %d %d %d %d%s", id++, a[0], a[1] + 1, a[2] + 1, a[3] + 1, comment(top.angleTypeNames(), a[0]));
                }
            }
        });
    }

    private static void writeAtoms(BufferedWriter w, Structure s, int[] types, Topology top) throws IOException {
        Lattice l = s.lattice();
        w.write(top == null ? "\nAtoms # atomic\n\n" : "\nAtoms # full\n\n");
        double[] f = new double[3], r = new double[3];
        for (int i = 0; i < s.size(); i++) {
            l.toFractional(s.x(i, 0), s.x(i, 1), s.x(i, 2), f, 0);
            int[] img = new int[3];
            for (int k = 0; k < 3; k++) {
                img[k] = (int) Math.floor(f[k]);
                f[k] -= img[k];
            }
            l.toCartesian(f[0], f[1], f[2], r, 0);
            if (top == null) {
                line(w, "%d %d %.10f %.10f %.10f %d %d %d", i + 1, types[i], r[0], r[1], r[2], img[0], img[1], img[2]);
            } else {
                int mol = top.moleculeIds() == null ? 0 : top.moleculeIds()[i];
                double q = top.charges() == null ? 0 : top.charges()[i];
                line(w, "%d %d %d %.10f %.10f %.10f %.10f %d %d %d", i + 1, mol, types[i], q, r[0], r[1], r[2],
                        img[0], img[1], img[2]);
            }
        }
    }

    private static void validate(Topology t, int n) {
        if (t.moleculeIds() != null && t.moleculeIds().length != n) throw new IllegalArgumentException("moleculeIds needs " + n + " entries");
        if (t.charges() != null && t.charges().length != n) throw new IllegalArgumentException("charges needs " + n + " entries");
        for (int[] b : t.bonds()) checkRow(b, 3, n, "bond");
        for (int[] a : t.angles()) checkRow(a, 4, n, "angle");
    }

    private static void checkRow(int[] row, int len, int n, String what) {
        if (row.length != len) throw new IllegalArgumentException(what + " row needs " + len + " entries: " + Arrays.toString(row));
        if (row[0] < 1) throw new IllegalArgumentException(what + " type must be ≥ 1: " + Arrays.toString(row));
        for (int k = 1; k < len; k++) {
            if (row[k] < 0 || row[k] >= n) throw new IllegalArgumentException(what + " atom index out of range: " + Arrays.toString(row));
        }
    }

    private static void names(BufferedWriter w, String kind, List<String> names) throws IOException {
        for (int t = 0; t < names.size(); t++) line(w, "# %s type %d = %s", kind, t + 1, names.get(t));
    }

    private static String comment(List<String> names, int type) {
        return type <= names.size() && names.get(type - 1) != null ? " # " + names.get(type - 1) : "";
    }

    private static void line(BufferedWriter w, String fmt, Object... args) throws IOException {
        w.write(String.format(Locale.ROOT, fmt, args));
        w.write('\n');
    }
}
