package org.paddlewheel.io;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;

/**
 * The header shared by VASP's POSCAR, CONTCAR and XDATCAR files (VASP wiki, "POSCAR"): comment
 * line, scaling line, three lattice vectors (rows, Å after scaling), optional VASP-5 species
 * line, and the atom counts per species. The scaling line holds one factor (positive: multiplies
 * lattice and Cartesian coordinates; negative: the target cell volume in Å³) or three positive
 * factors applied to the x, y and z Cartesian components. VASP 4 files have no species line; the
 * symbols are then taken from the comment line, as ASE and pymatgen do. Package-private.
 *
 * @param comment        first line, as written
 * @param lattice        the scaled cell, Å
 * @param coordinateScale factors for the x, y, z components of Cartesian coordinates
 * @param speciesNames   one name per species block, as written (e.g. "Na_pv")
 * @param counts         atoms per species block
 * @param species        one element per atom, in file order
 */
record VaspHeader(String comment, Lattice lattice, double[] coordinateScale, String[] speciesNames,
                  int[] counts, Element[] species) {

    private static final String[] AXES = {"a", "b", "c"};

    int atomCount() { return species.length; }

    /** Reads the header whose comment line {@code commentLine} was just read from {@code src}. */
    static VaspHeader read(LineSource src, String commentLine) {
        String scaleLine = src.require("the scaling factor (line 2)");
        String[] st = LineSource.tokens(scaleLine);
        int nScale = st.length >= 3 && LineSource.parseNumber(st[1]) != null && LineSource.parseNumber(st[2]) != null ? 3 : 1;
        if (st.length == 0) throw src.error("expected a scaling factor, got an empty line");
        double[] scale = src.numbers(scaleLine, nScale, "the scaling factor");
        if (nScale == 3) {
            for (double s : scale) if (!(s > 0)) throw src.error("expected three positive scaling factors, got '" + scaleLine.trim() + "'");
        } else if (scale[0] == 0) {
            throw src.error("expected a non-zero scaling factor (negative = cell volume in Å³), got 0");
        }
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) {
            double[] v = src.numbers(src.require("lattice vector " + AXES[i]), 3, "lattice vector " + AXES[i]);
            System.arraycopy(v, 0, m, 3 * i, 3);
        }
        int latticeLine = src.lineNumber();
        double[] cs;
        if (nScale == 3) {
            cs = scale.clone();
        } else if (scale[0] > 0) {
            cs = new double[] {scale[0], scale[0], scale[0]};
        } else {
            double raw = Math.abs(det(m));
            if (!(raw > 0)) throw src.error("lattice vectors are degenerate (zero volume)");
            double f = Math.cbrt(-scale[0] / raw);
            cs = new double[] {f, f, f};
        }
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) m[3 * i + j] *= cs[j];
        Lattice lattice;
        try {
            lattice = Lattice.fromRowMajor(m);
        } catch (IllegalArgumentException e) {
            throw new InputException(src.source(), latticeLine, "expected a valid cell: " + e.getMessage());
        }

        String line = src.require("the species names or atom counts (line 6)");
        String[] t = LineSource.tokens(line);
        if (t.length == 0) throw src.error("expected species names or atom counts, got an empty line");
        String[] names;
        String countLine;
        boolean vasp4 = LineSource.isInteger(t[0]);
        if (vasp4) {
            names = null;
            countLine = line;
        } else {
            names = t;
            countLine = src.require("the atom counts (line 7)");
        }
        String[] ct = LineSource.tokens(countLine);
        if (ct.length == 0) throw src.error("expected atom counts, got an empty line");
        int[] counts = new int[ct.length];
        long total = 0;
        for (int i = 0; i < ct.length; i++) {
            counts[i] = src.count(ct[i], "the number of atoms of species " + (i + 1));
            total += counts[i];
        }
        src.atomCount(total, "number of atoms");
        Element[] elements = new Element[counts.length];
        if (vasp4) {
            // VASP 4: no species line. ASE and pymatgen read the symbols from the comment line.
            String[] c = LineSource.tokens(commentLine);
            boolean ok = c.length >= counts.length;
            for (int i = 0; ok && i < counts.length; i++) ok = Element.find(c[i]) != null;
            if (!ok) {
                throw src.error("no species line (VASP 4 format) and the comment line does not name "
                        + counts.length + " element symbols; add a VASP-5 species line above the counts");
            }
            names = new String[counts.length];
            for (int i = 0; i < counts.length; i++) {
                names[i] = c[i];
                elements[i] = Element.find(c[i]);
            }
        } else {
            if (names.length != counts.length) {
                throw src.error("expected " + names.length + " atom counts, one per species " + String.join(" ", names)
                        + ", got '" + countLine.trim() + "'");
            }
            for (int i = 0; i < names.length; i++) {
                elements[i] = Element.find(names[i]);
                if (elements[i] == null) {
                    throw new InputException(src.source(), src.lineNumber() - 1,
                            "unknown element '" + names[i] + "' in the species line");
                }
            }
        }
        List<Element> perAtom = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) for (int k = 0; k < counts[i]; k++) perAtom.add(elements[i]);
        if (perAtom.isEmpty()) throw src.error("expected at least one atom, the counts add up to 0");
        return new VaspHeader(commentLine, lattice, cs, names, counts, perAtom.toArray(new Element[0]));
    }

    /** True when another header describes the same atoms (names and counts) as this one. */
    boolean sameAtoms(VaspHeader o) {
        return java.util.Arrays.equals(species, o.species) && java.util.Arrays.equals(counts, o.counts);
    }

    /** Writes a VASP-5 header with scale 1 and the lattice at full double precision. */
    static void write(StringBuilder sb, String comment, Lattice lattice, String[] names, int[] counts) {
        sb.append(comment.replace('\n', ' ').replace('\r', ' ')).append('\n');
        sb.append("   1.0\n");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) FixedFormat.append(sb.append(' '), lattice.get(i, j), 21, 16);
            sb.append('\n');
        }
        for (String n : names) sb.append(String.format(java.util.Locale.ROOT, "%5s", n));
        sb.append('\n');
        for (int c : counts) sb.append(String.format(java.util.Locale.ROOT, "%6d", c));
        sb.append('\n');
    }

    /** Species blocks (names and counts) of a structure whose atoms are grouped by element. */
    static Blocks blocks(Element[] species) {
        List<String> names = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < species.length; i++) {
            if (i == 0 || species[i] != species[i - 1]) {
                names.add(species[i].symbol());
                counts.add(1);
            } else {
                counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
            }
        }
        return new Blocks(names.toArray(new String[0]), counts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Consecutive runs of one element: the VASP species line and counts line. */
    record Blocks(String[] names, int[] counts) {}

    private static double det(double[] a) {
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }
}
