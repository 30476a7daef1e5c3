package org.paddlewheel.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Parser behind {@link LammpsData#read}: header keywords and sections as listed in the LAMMPS
 * {@code read_data} documentation. Section lengths come from the header counts, as in LAMMPS.
 */
final class LammpsDataReader {
    private final LineSource in;
    private final Map<String, Long> counts = new HashMap<>();
    private double xlo = 0, xhi = 1, ylo = 0, yhi = 1, zlo = 0, zhi = 1, xy, xz, yz;
    private double velocityScale = 1e-3; // metal: Å/ps → Å/fs
    // per atom, in file order
    private long[] ids;
    private int[] type, mol, img;
    private double[] q, pos, vel;
    private boolean hasMol, hasQ;
    private String[] massComment;
    private double[] mass;
    private String[] typeLabels;
    private final List<int[]> bonds = new ArrayList<>(), angles = new ArrayList<>();
    private final List<Long> bondAtomIds = new ArrayList<>(), angleAtomIds = new ArrayList<>();
    private final List<Integer> bondLines = new ArrayList<>(), angleLines = new ArrayList<>();
    private final Map<Integer, String> bondNames = new HashMap<>(), angleNames = new HashMap<>();
    private String style;

    private static final String[] HEADER_KEYS = {
        "atoms", "bonds", "angles", "dihedrals", "impropers", "atom types", "bond types", "angle types",
        "dihedral types", "improper types", "extra bond per atom", "extra angle per atom",
        "extra dihedral per atom", "extra improper per atom", "extra special per atom", "ellipsoids",
        "lines", "triangles", "bodies"};

    private LammpsDataReader(LineSource in) { this.in = in; }

    static LammpsData.Content read(Path file, List<Element> typeMap) {
        try (LineSource in = LineSource.open(file)) {
            return new LammpsDataReader(in).parse(typeMap);
        }
    }

    private LammpsData.Content parse(List<Element> typeMap) {
        String title = in.require("a title line");
        String t = title.toLowerCase(Locale.ROOT);
        int u = t.indexOf("units = ");
        if (u >= 0) {
            String unit = t.substring(u + 8).trim().split("[\\s,(]+")[0];
            if (unit.equals("real")) velocityScale = 1.0;
            else if (!unit.equals("metal")) throw in.error("units '" + unit + "' not supported (metal or real)");
        }
        String section = header();
        while (section != null) section = section(section);
        return build(typeMap);
    }

    /** Reads header lines; returns the first section keyword (or null at end of file). */
    private String header() {
        for (String raw = in.next(); raw != null; raw = in.next()) {
            String s = strip(raw);
            if (s.isEmpty()) continue;
            if (Character.isUpperCase(s.charAt(0))) return raw;
            String[] tok = s.split("\\s+");
            if (s.endsWith("xlo xhi")) { xlo = num(tok, 0, "xlo"); xhi = num(tok, 1, "xhi"); continue; }
            if (s.endsWith("ylo yhi")) { ylo = num(tok, 0, "ylo"); yhi = num(tok, 1, "yhi"); continue; }
            if (s.endsWith("zlo zhi")) { zlo = num(tok, 0, "zlo"); zhi = num(tok, 1, "zhi"); continue; }
            if (s.endsWith("xy xz yz")) { xy = num(tok, 0, "xy"); xz = num(tok, 1, "xz"); yz = num(tok, 2, "yz"); continue; }
            String key = null;
            for (String k : HEADER_KEYS) {
                if (s.endsWith(" " + k) && (key == null || k.length() > key.length())) key = k;
            }
            if (key == null) throw in.error("unknown header line '" + s + "'");
            long n = in.longInteger(tok[0], key);
            if (n < 0) throw in.error("negative count for " + key);
            in.atomCount(n, "number of " + key);
            counts.put(key, n);
        }
        return null;
    }

    private int count(String key) { return (int) (long) counts.getOrDefault(key, 0L); }

    /** Parses one section; returns the next section keyword or null. */
    private String section(String keywordLine) {
        String keyword = strip(keywordLine);
        int nTypes = count("atom types");
        int n = switch (keyword) {
            case "Atoms", "Velocities" -> count("atoms");
            case "Masses", "Pair Coeffs", "Atom Type Labels" -> nTypes;
            case "PairIJ Coeffs" -> nTypes * (nTypes + 1) / 2;
            case "Bonds" -> count("bonds");
            case "Angles" -> count("angles");
            case "Dihedrals" -> count("dihedrals");
            case "Impropers" -> count("impropers");
            case "Bond Coeffs", "Bond Type Labels" -> count("bond types");
            case "Angle Coeffs", "BondBond Coeffs", "BondAngle Coeffs", "Angle Type Labels" -> count("angle types");
            case "Dihedral Coeffs", "MiddleBondTorsion Coeffs", "EndBondTorsion Coeffs", "AngleTorsion Coeffs",
                 "AngleAngleTorsion Coeffs", "BondBond13 Coeffs", "Dihedral Type Labels" -> count("dihedral types");
            case "Improper Coeffs", "AngleAngle Coeffs", "Improper Type Labels" -> count("improper types");
            case "Ellipsoids" -> count("ellipsoids");
            case "Lines" -> count("lines");
            case "Triangles" -> count("triangles");
            default -> throw in.error("unknown or unsupported section '" + keyword + "'");
        };
        if (keyword.equals("Atoms")) {
            int h = keywordLine.indexOf('#');
            style = h >= 0 ? keywordLine.substring(h + 1).trim().toLowerCase(Locale.ROOT) : null;
            if (style != null && style.isEmpty()) style = null;
            allocateAtoms(n);
        }
        if (keyword.equals("Masses")) { mass = new double[nTypes]; massComment = new String[nTypes]; }
        if (keyword.equals("Atom Type Labels")) typeLabels = new String[nTypes];
        for (int k = 0; k < n; k++) {
            String raw = in.require(n + " lines of section " + keyword);
            if (strip(raw).isEmpty()) { k--; continue; }
            dataLine(keyword, k, raw);
        }
        for (String raw = in.next(); raw != null; raw = in.next()) {
            String s = strip(raw);
            if (s.isEmpty()) continue;
            if (!Character.isUpperCase(s.charAt(0))) throw in.error("section " + keyword + " has more than " + n + " lines");
            return raw;
        }
        return null;
    }

    private void allocateAtoms(int n) {
        ids = new long[n]; type = new int[n]; mol = new int[n]; img = new int[3 * n];
        q = new double[n]; pos = new double[3 * n];
    }

    private void dataLine(String keyword, int k, String raw) {
        String[] tok = strip(raw).split("\\s+");
        String comment = raw.contains("#") ? raw.substring(raw.indexOf('#') + 1).trim() : "";
        switch (keyword) {
            case "Atoms" -> atom(k, tok);
            case "Velocities" -> {
                if (vel == null) vel = new double[pos == null ? 0 : pos.length];
                need(tok, 4, "id vx vy vz");
                int i = indexOfId(in.longInteger(tok[0], "atom id"));
                for (int c = 0; c < 3; c++) vel[3 * i + c] = num(tok, 1 + c, "velocity") * velocityScale;
            }
            case "Masses" -> {
                need(tok, 2, "type mass");
                int t = typeIndex(tok[0], mass.length);
                mass[t] = num(tok, 1, "mass");
                massComment[t] = comment;
            }
            case "Atom Type Labels" -> {
                need(tok, 2, "type label");
                typeLabels[typeIndex(tok[0], typeLabels.length)] = tok[1];
            }
            case "Bonds" -> topoLine(tok, 2, bonds, bondAtomIds, bondLines, bondNames, comment, "bond types");
            case "Angles" -> topoLine(tok, 3, angles, angleAtomIds, angleLines, angleNames, comment, "angle types");
            case "Bond Type Labels" -> { need(tok, 2, "type label"); bondNames.put(typeIndex(tok[0], count("bond types")) + 1, tok[1]); }
            case "Angle Type Labels" -> { need(tok, 2, "type label"); angleNames.put(typeIndex(tok[0], count("angle types")) + 1, tok[1]); }
            default -> { } // coefficients, dihedrals, impropers: counted and skipped
        }
    }

    private void atom(int k, String[] tok) {
        if (style == null) {
            style = switch (tok.length) {
                case 5, 8 -> "atomic";
                case 7, 10 -> "full";
                default -> throw in.error("Atoms section has no style comment and " + tok.length
                        + " columns; add '# atomic' or '# full' after 'Atoms'");
            };
        }
        // column of mol, type, q, x per style (read_data doc, "Atoms" section formats); -1 = absent
        int[] c = switch (style) {
            case "atomic" -> new int[] {-1, 1, -1, 2};
            case "charge" -> new int[] {-1, 1, 2, 3};
            case "bond", "angle", "molecular" -> new int[] {1, 2, -1, 3};
            case "full" -> new int[] {1, 2, 3, 4};
            default -> throw in.error("atom style '" + style + "' not supported (atomic, charge, bond, angle, molecular, full)");
        };
        int cols = c[3] + 3;
        if (tok.length != cols && tok.length != cols + 3) {
            throw in.error("atom style " + style + " needs " + cols + " or " + (cols + 3) + " columns, got " + tok.length);
        }
        ids[k] = in.longInteger(tok[0], "atom id");
        type[k] = in.integer(tok[c[1]], "atom type");
        if (type[k] < 1 || type[k] > count("atom types")) throw in.error("atom type " + type[k] + " out of range 1.." + count("atom types"));
        if (c[0] >= 0) { mol[k] = in.integer(tok[c[0]], "molecule id"); hasMol = true; }
        if (c[2] >= 0) { q[k] = num(tok, c[2], "charge"); hasQ = true; }
        for (int d = 0; d < 3; d++) {
            pos[3 * k + d] = num(tok, c[3] + d, "coordinate");
            if (tok.length == cols + 3) img[3 * k + d] = in.integer(tok[cols + d], "image flag");
        }
    }

    private void topoLine(String[] tok, int atoms, List<int[]> rows, List<Long> atomIds, List<Integer> lines,
                          Map<Integer, String> names, String comment, String typeKey) {
        need(tok, 2 + atoms, atoms == 2 ? "id type atom1 atom2" : "id type atom1 atom2 atom3");
        int[] row = new int[1 + atoms];
        row[0] = in.integer(tok[1], "type");
        if (row[0] < 1 || row[0] > count(typeKey)) throw in.error("type " + row[0] + " out of range 1.." + count(typeKey));
        for (int a = 0; a < atoms; a++) atomIds.add(in.longInteger(tok[2 + a], "atom id"));
        rows.add(row);
        lines.add(in.lineNumber());
        if (!comment.isEmpty()) names.putIfAbsent(row[0], comment);
    }

    private Map<Long, Integer> idIndex;

    private int indexOfId(long id) {
        if (ids == null) throw in.error("Velocities before Atoms");
        Integer i = idIndex().get(id);
        if (i == null) throw in.error("no atom with id " + id);
        return i;
    }

    private int typeIndex(String token, int n) {
        int t = in.integer(token, "type");
        if (t < 1 || t > n) throw in.error("type " + t + " out of range 1.." + n);
        return t - 1;
    }

    private LammpsData.Content build(List<Element> typeMap) {
        if (ids == null) throw new InputException(in.source(), in.lineNumber(), "no Atoms section");
        int n = ids.length, nTypes = count("atom types");
        List<Element> order = new ArrayList<>();
        for (int t = 0; t < nTypes; t++) order.add(elementOfType(t, typeMap));
        Lattice lattice;
        try {
            lattice = new LammpsBox(xlo, xhi, ylo, yhi, zlo, zhi, xy, xz, yz).lattice();
        } catch (IllegalArgumentException e) {
            throw new InputException(in.source(), 0, "bad box: " + e.getMessage());
        }
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) sorted[i] = i;
        Arrays.sort(sorted, (a, b) -> Long.compare(ids[a], ids[b]));
        int[] newIndex = new int[n];
        Structure.Builder sb = Structure.builder(lattice);
        int[] molOut = new int[n];
        double[] qOut = new double[n];
        double[] m = lattice.rowMajor();
        for (int k = 0; k < n; k++) {
            int i = sorted[k];
            if (k > 0 && ids[i] == ids[sorted[k - 1]]) throw new InputException(in.source(), 0, "duplicate atom id " + ids[i]);
            newIndex[i] = k;
            double[] r = new double[3];
            for (int d = 0; d < 3; d++) {
                r[d] = pos[3 * i + d] - (d == 0 ? xlo : d == 1 ? ylo : zlo)
                        + img[3 * i] * m[d] + img[3 * i + 1] * m[3 + d] + img[3 * i + 2] * m[6 + d];
            }
            sb.add(order.get(type[i] - 1), r[0], r[1], r[2]);
            if (vel != null) sb.velocity(k, vel[3 * i], vel[3 * i + 1], vel[3 * i + 2]);
            molOut[k] = mol[i];
            qOut[k] = q[i];
        }
        Structure s = sb.build();
        boolean topo = hasMol || hasQ || !bonds.isEmpty() || !angles.isEmpty();
        if (!topo) return new LammpsData.Content(s, null, order);
        int[][] b = remap(bonds, bondAtomIds, bondLines, newIndex);
        int[][] a = remap(angles, angleAtomIds, angleLines, newIndex);
        LammpsData.Topology top = new LammpsData.Topology(hasMol ? molOut : null, hasQ ? qOut : null, b, a,
                names(bondNames, count("bond types")), names(angleNames, count("angle types")));
        return new LammpsData.Content(s, top, order);
    }

    private int[][] remap(List<int[]> rows, List<Long> atomIds, List<Integer> lines, int[] newIndex) {
        int[][] out = new int[rows.size()][];
        int p = 0;
        for (int r = 0; r < out.length; r++) {
            int[] row = rows.get(r);
            for (int a = 1; a < row.length; a++) {
                Integer i = idIndex().get(atomIds.get(p++));
                if (i == null) {
                    throw new InputException(in.source(), lines.get(r), "no atom with id " + atomIds.get(p - 1));
                }
                row[a] = newIndex[i];
            }
            out[r] = row;
        }
        return out;
    }

    private Map<Long, Integer> idIndex() {
        if (idIndex == null) {
            idIndex = new HashMap<>();
            for (int i = 0; i < ids.length; i++) idIndex.put(ids[i], i);
        }
        return idIndex;
    }

    private static List<String> names(Map<Integer, String> byType, int nTypes) {
        if (byType.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (int t = 1; t <= nTypes; t++) out.add(byType.getOrDefault(t, ""));
        return out;
    }

    /** Element of type t (0-based): caller map, else type label, else Masses comment, else nearest mass. */
    private Element elementOfType(int t, List<Element> typeMap) {
        if (typeMap != null && t < typeMap.size() && typeMap.get(t) != null) return typeMap.get(t);
        if (typeLabels != null && typeLabels[t] != null && Element.find(typeLabels[t]) != null) return Element.find(typeLabels[t]);
        if (mass != null) {
            String c = massComment[t];
            if (c != null && !c.isEmpty() && Element.find(c.split("\\s+")[0]) != null) return Element.find(c.split("\\s+")[0]);
            if (mass[t] > 0) return nearestByMass(mass[t]);
        }
        throw new InputException(in.source(), 0,
                "element of atom type " + (t + 1) + " unknown: no Masses entry and no type map given");
    }

    /** The element whose standard atomic weight is closest to {@code massAmu}. */
    static Element nearestByMass(double massAmu) {
        Element best = null;
        for (Element e : Element.values()) {
            if (best == null || Math.abs(e.massAmu() - massAmu) < Math.abs(best.massAmu() - massAmu)) best = e;
        }
        return best;
    }

    private double num(String[] tok, int i, String what) {
        if (i >= tok.length) throw in.error("missing " + what);
        return in.number(tok[i], what);
    }

    private void need(String[] tok, int n, String format) {
        if (tok.length < n) throw in.error("expected '" + format + "', got " + tok.length + " fields");
    }

    /** The line without its comment, trimmed. */
    private static String strip(String raw) {
        int h = raw.indexOf('#');
        return (h >= 0 ? raw.substring(0, h) : raw).trim();
    }
}
