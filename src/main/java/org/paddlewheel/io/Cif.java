package org.paddlewheel.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paddlewheel.io.CifParser.Block;
import org.paddlewheel.io.CifParser.Token;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Crystallographic Information Files (IUCr CIF 1.1, core dictionary). Reading takes the first data
 * block with {@code _atom_site_fract_x}: cell lengths (Å) and angles (°), standard uncertainties
 * such as {@code 5.6402(5)} dropped, the cell in the standard orientation (a along x, b in the xy
 * plane); the symmetry operators from {@code _space_group_symop_operation_xyz} or
 * {@code _symmetry_equiv_pos_as_xyz} (forms like {@code 'x+1/2, -y, z'} or {@code '-x+y,y,0.5+z'})
 * applied to every {@code _atom_site} position, wrapped into [0, 1) and merged with earlier images
 * of the same site within 1e-3 in each fractional coordinate (minimum image). A file that names a
 * space group other than P 1 but lists no operators is refused (there is no space-group table
 * here). Sites with occupancy below 1 are kept as full atoms and reported in
 * {@link Result#warnings()}; ordering partial occupancy is left to the caller. Atoms carry their
 * site label. Writing produces P 1 with every atom listed ({@code _space_group_symop_operation_xyz}
 * 'x, y, z'), fractional coordinates wrapped into [0, 1), readable by VESTA, pymatgen and ASE.
 * The reader is a small hand-written CIF parser ({@link CifParser}) rather than ciftools-java so
 * that errors carry the 1-based line; ciftools-java reads the files this class writes (tested).
 */
public final class Cif {
    private Cif() {}

    /** Merge tolerance for symmetry images of one site, in fractional coordinates. */
    public static final double MERGE_TOLERANCE = 1e-3;

    /** A structure read from a CIF plus human-readable warnings (partial occupancy, overlapping sites). */
    public record Result(Structure structure, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** Reads the structure, expanding symmetry (warnings dropped; see {@link #readWithWarnings}). */
    public static Structure read(Path file) {
        return readWithWarnings(file).structure();
    }

    /** Reads the structure, expanding symmetry, and reports partial occupancies and overlaps. */
    public static Result readWithWarnings(Path file) {
        List<Block> blocks = CifParser.parse(file);
        Block b = null;
        for (Block k : blocks) {
            if (k.items().containsKey("_atom_site_fract_x")) { b = k; break; }
        }
        if (b == null) throw new InputException(file, 0, "no data block with _atom_site_fract_x (fractional atom sites)");
        double[] cell = new double[6];
        String[] cellTags = {"_cell_length_a", "_cell_length_b", "_cell_length_c", "_cell_angle_alpha", "_cell_angle_beta",
            "_cell_angle_gamma"};
        for (int k = 0; k < 6; k++) {
            List<Token> col = b.column(cellTags[k]);
            if (col == null) throw new InputException(file, b.line(), "data block " + b.name() + " has no " + cellTags[k]);
            cell[k] = number(file, col.get(0), cellTags[k]);
        }
        Lattice lattice;
        try {
            lattice = Lattice.fromParameters(cell[0], cell[1], cell[2], cell[3], cell[4], cell[5]);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, b.items().get("_cell_length_a").get(0).line(), "bad cell: " + e.getMessage());
        }
        List<SymOp> ops = operators(file, b);
        return expand(file, b, lattice, ops);
    }

    private static List<SymOp> operators(Path file, Block b) {
        List<Token> col = b.column("_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz");
        List<SymOp> ops = new ArrayList<>();
        if (col != null) {
            for (Token t : col) {
                try {
                    ops.add(SymOp.parse(t.text()));
                } catch (IllegalArgumentException e) {
                    throw new InputException(file, t.line(), "bad symmetry operator '" + t.text() + "': " + e.getMessage());
                }
            }
            return ops;
        }
        List<Token> hm = b.column("_symmetry_space_group_name_h-m", "_space_group_name_h-m_alt");
        if (hm != null && !hm.get(0).isUnknown() && !hm.get(0).text().replace(" ", "").equalsIgnoreCase("P1")) {
            throw new InputException(file, hm.get(0).line(), "space group '" + hm.get(0).text()
                    + "' is named but no symmetry operators are listed (_space_group_symop_operation_xyz)");
        }
        ops.add(SymOp.parse("x,y,z"));
        return ops;
    }

    private static Result expand(Path file, Block b, Lattice lattice, List<SymOp> ops) {
        List<Token> fx = b.column("_atom_site_fract_x"), fy = b.column("_atom_site_fract_y"), fz = b.column("_atom_site_fract_z");
        List<Token> labels = b.column("_atom_site_label"), types = b.column("_atom_site_type_symbol");
        List<Token> occ = b.column("_atom_site_occupancy");
        int n = fx.size();
        if (fy == null || fz == null || fy.size() != n || fz.size() != n) {
            throw new InputException(file, fx.get(0).line(), "_atom_site_fract_x, _y and _z must be in one loop");
        }
        List<String> warnings = new ArrayList<>();
        Structure.Builder sb = Structure.builder(lattice);
        List<double[]> all = new ArrayList<>();
        List<String> owner = new ArrayList<>();
        Map<String, Integer> overlapCount = new HashMap<>();
        for (int s = 0; s < n; s++) {
            String label = labels != null && labels.size() == n ? labels.get(s).text() : null;
            Token typeTok = types != null && types.size() == n && !types.get(s).isUnknown() ? types.get(s) : null;
            Token elemTok = typeTok != null ? typeTok : (label != null ? labels.get(s) : fx.get(s));
            Element e = Element.find(elemTok.text());
            if (e == null) throw new InputException(file, elemTok.line(), "no element in '" + elemTok.text() + "'");
            if (label == null) label = e.symbol() + (s + 1);
            double[] f = {number(file, fx.get(s), "_atom_site_fract_x"), number(file, fy.get(s), "_atom_site_fract_y"),
                number(file, fz.get(s), "_atom_site_fract_z")};
            List<double[]> orbit = new ArrayList<>();
            for (SymOp op : ops) {
                double[] g = op.apply(f);
                for (int k = 0; k < 3; k++) g[k] = wrap(g[k]);
                boolean dup = false;
                for (double[] h : orbit) dup |= same(g, h);
                if (!dup) orbit.add(g);
            }
            for (double[] g : orbit) {
                for (int k = 0; k < all.size(); k++) {
                    if (same(g, all.get(k)) && !owner.get(k).equals(label)) overlapCount.merge(owner.get(k) + " and " + label, 1, Integer::sum);
                }
                all.add(g);
                owner.add(label);
                sb.addFractional(e, g[0], g[1], g[2]);
                sb.label(sb.size() - 1, label);
            }
            if (occ != null && occ.size() == n && !occ.get(s).isUnknown()) {
                double o = number(file, occ.get(s), "_atom_site_occupancy");
                if (!(o > 0 && o <= 1 + 1e-6)) {
                    throw new InputException(file, occ.get(s).line(), "occupancy must be in (0, 1], got '" + occ.get(s).text() + "'");
                }
                if (o < 1 - 1e-6) {
                    warnings.add(String.format(Locale.ROOT, "site %s has occupancy %s < 1 (line %d): kept as %d fully occupied atoms",
                            label, occ.get(s).text(), occ.get(s).line(), orbit.size()));
                }
            }
        }
        overlapCount.forEach((pair, count) -> warnings.add("sites " + pair + " overlap at " + count + " positions"));
        return new Result(sb.build(), warnings);
    }

    private static boolean same(double[] a, double[] b) {
        for (int k = 0; k < 3; k++) {
            double d = a[k] - b[k];
            if (Math.abs(d - Math.rint(d)) > MERGE_TOLERANCE) return false;
        }
        return true;
    }

    private static double wrap(double f) {
        double w = f - Math.floor(f);
        return w >= 1.0 ? 0.0 : w;
    }

    /** A CIF number: '5.6402(5)' → 5.6402; '?' and '.' are errors here. */
    static double number(Path file, Token t, String what) {
        String s = t.text();
        int p = s.indexOf('(');
        if (p > 0 && s.endsWith(")")) s = s.substring(0, p);
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputException(file, t.line(), "expected a number for " + what + ", got '" + t.text() + "'");
        }
        if (!Double.isFinite(v)) {   // NaN, Infinity, 1e999
            throw new InputException(file, t.line(), "expected a finite number for " + what + ", got '" + t.text() + "'");
        }
        return v;
    }

    /** Writes {@code s} as a P 1 CIF (lengths Å, angles °, fractional coordinates wrapped into [0, 1)). */
    public static void write(Path file, Structure s) {
        Lattice l = s.lattice();
        double[] len = l.lengths(), ang = l.anglesDeg();
        double[] f = s.fractionalPositions();
        String block = s.formula().replaceAll("[^A-Za-z0-9]", "");
        AtomicFile.writeTextUnchecked(file, w -> {
            w.write("# written by paddlewheel: P 1, every atom listed\n");
            w.write("data_" + (block.isEmpty() ? "structure" : block) + "\n");
            w.write("_symmetry_space_group_name_H-M   'P 1'\n");
            w.write("_symmetry_Int_Tables_number      1\n");
            String[] names = {"_cell_length_a", "_cell_length_b", "_cell_length_c", "_cell_angle_alpha", "_cell_angle_beta",
                "_cell_angle_gamma"};
            double[] v = {len[0], len[1], len[2], ang[0], ang[1], ang[2]};
            for (int k = 0; k < 6; k++) w.write(String.format(Locale.ROOT, "%-18s%.10f\n", names[k], v[k]));
            w.write(String.format(Locale.ROOT, "%-18s%.6f\n", "_cell_volume", l.volume()));
            w.write("loop_\n _space_group_symop_id\n _space_group_symop_operation_xyz\n  1  'x, y, z'\n");
            w.write("loop_\n _atom_site_label\n _atom_site_type_symbol\n _atom_site_fract_x\n _atom_site_fract_y\n"
                    + " _atom_site_fract_z\n _atom_site_occupancy\n");
            Map<Element, Integer> count = new HashMap<>();
            for (int i = 0; i < s.size(); i++) {
                Element e = s.species(i);
                int c = count.merge(e, 1, Integer::sum);
                String label = s.hasLabels() ? s.label(i).replaceAll("\\s+", "_") : "";
                if (label.isEmpty() || label.startsWith("_") || label.startsWith("'") || label.startsWith("\"")
                        || label.startsWith("#") || label.startsWith(";")) {
                    label = e.symbol() + c;
                }
                double[] g = new double[3];
                for (int k = 0; k < 3; k++) {
                    g[k] = wrap(f[3 * i + k]);
                    if (g[k] > 1 - 5e-13) g[k] = 0; // would print as 1.000000000000
                }
                w.write(String.format(Locale.ROOT, "  %-8s %-3s %.12f %.12f %.12f 1.0\n", label, e.symbol(), g[0], g[1], g[2]));
            }
        });
    }
}
