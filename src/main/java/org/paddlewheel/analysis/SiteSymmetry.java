package org.paddlewheel.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Hop sites merged under the symmetry of a reference crystal. The reference's space-group
 * operations are found directly, as spglib does in outline but without its cell reduction: every
 * integer matrix R with entries −1, 0, 1 and det ±1 that keeps the metric (RᵀGR = G, G = LLᵀ,
 * within 10⁻³ of the largest a²) is a lattice point operation; for each, every translation that
 * takes one atom of the rarest species onto another of that species is tried, and (R, t) is kept
 * when it maps every atom onto an atom of its species within {@code toleranceA} Å. The reference
 * may be the trajectory's cell or any cell that tiles it (a unit cell of a supercell run): the
 * integer supercell matrix M (trajectory rows = M × reference rows, rounded, so small NPT strain
 * is tolerated) carries sites into the reference's fractional coordinates and back, and the
 * reference's lattice translations inside the supercell join the operations.
 *
 * <p>{@link #merge} maps every site by every operation, clusters the images (greedy, in site
 * order, within {@code mergeA} Å of a cluster's first image, minimum image) and returns the cluster
 * means: the symmetrised orbits of the sites found, including images where no density peak was
 * found (a rarely visited vacant site). Positions Å, fractional coordinates of the trajectory's cell.
 */
public final class SiteSymmetry {
    /** One operation in the reference's fractional coordinates: f′ = R f + t. */
    public record Operation(int[] rotation, double[] translation) {}

    private final List<Operation> operations;
    private final int[][] supercell;          // M: trajectory row i = Σ_j M[i][j] reference row j
    private final double[][] translations;    // reference lattice vectors inside the supercell, reference fractional
    private final double[][] inverse;         // M⁻¹

    private SiteSymmetry(List<Operation> operations, int[][] supercell, double[][] translations) {
        this.operations = operations;
        this.supercell = supercell;
        this.translations = translations;
        this.inverse = inverse(supercell);
    }

    /** The operations of {@code reference} (tolerance in Å) applied in a trajectory whose first cell is {@code cell}. */
    public static SiteSymmetry of(Structure reference, Lattice cell, double toleranceA) {
        List<Operation> ops = operations(reference, toleranceA);
        int[][] m = supercellMatrix(reference.lattice(), cell);
        return new SiteSymmetry(ops, m, latticeTranslations(m));
    }

    /** The reference's own operations (R, t) with t in [0, 1). */
    public static List<Operation> operations(Structure ref, double toleranceA) {
        Lattice l = ref.lattice();
        double[][] g = metric(l);
        double scale = Math.max(g[0][0], Math.max(g[1][1], g[2][2]));
        double[] frac = ref.fractionalPositions();
        Element rare = null;
        int rareCount = Integer.MAX_VALUE;
        for (var e : ref.composition().entrySet()) if (e.getValue() < rareCount) { rare = e.getKey(); rareCount = e.getValue(); }
        if (rare == null) throw new InputException("the symmetry reference holds no atoms");
        int[] anchor = ref.indicesOf(rare);
        List<Operation> out = new ArrayList<>();
        int[] r = new int[9];
        for (int code = 0; code < 19683; code++) {
            for (int k = 0, c = code; k < 9; k++, c /= 3) r[k] = c % 3 - 1;
            int det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) + r[2] * (r[3] * r[7] - r[4] * r[6]);
            if (Math.abs(det) != 1 || !keepsMetric(r, g, 1e-3 * scale)) continue;
            double[] f0 = apply(r, frac, anchor[0]);
            for (int j : anchor) {
                double[] t = new double[3];
                for (int k = 0; k < 3; k++) t[k] = wrap(frac[3 * j + k] - f0[k]);
                if (mapsOntoItself(ref, frac, r, t, toleranceA)) out.add(new Operation(r.clone(), t));
            }
        }
        if (out.isEmpty()) throw new InputException("no symmetry operation maps the reference onto itself within " + toleranceA + " Å");
        return out;
    }

    /** Number of operations per reference cell (point operations × centring translations). */
    public int operationCount() { return operations.size(); }

    /** Reference cells in the trajectory's cell (|det M|). */
    public int cellsInSupercell() { return translations.length; }

    /**
     * The symmetrised sites: each of {@code fractional} (flat, trajectory cell) mapped by every
     * operation and reference translation, images within {@code mergeA} Å averaged. Returns the
     * flat fractional coordinates in [0, 1) and, in {@code sourceOut} (if not null, one entry per
     * returned site), the index of the input site whose own position fell in that cluster, else −1.
     */
    public double[] merge(double[] fractional, Lattice cell, double mergeA, List<Integer> sourceOut) {
        int n = fractional.length / 3;
        List<double[]> anchors = new ArrayList<>(), sums = new ArrayList<>();
        List<Integer> counts = new ArrayList<>(), source = new ArrayList<>();
        // anchors binned on a fractional grid whose bins are at least mergeA wide (perpendicular),
        // so a cluster within mergeA lies in the image's bin or a neighbouring one
        int[] g = new int[3];
        for (int k = 0; k < 3; k++) g[k] = Math.max(1, (int) Math.floor(cell.perpendicularWidth(k) / mergeA));
        Map<Long, List<Integer>> bins = new HashMap<>();
        double[] d = new double[3];
        for (int s = 0; s < n; s++) {
            double[] fr = toReference(new double[] {fractional[3 * s], fractional[3 * s + 1], fractional[3 * s + 2]});
            for (Operation op : operations) {
                double[] img = add(apply(op.rotation(), fr, 0), op.translation());
                for (double[] tr : translations) {
                    boolean self = isIdentity(op) && tr[0] == 0 && tr[1] == 0 && tr[2] == 0;
                    double[] ft = fromReference(add(img, tr));
                    int hit = nearestCluster(ft, anchors, bins, g, cell, mergeA, d);
                    if (hit < 0) {
                        bins.computeIfAbsent(key(ft, g, 0, 0, 0), x -> new ArrayList<>()).add(anchors.size());
                        anchors.add(ft);
                        sums.add(new double[3]);
                        counts.add(1);
                        source.add(self ? s : -1);
                        continue;
                    }
                    double[] sum = sums.get(hit);
                    displacement(cell, anchors.get(hit), ft, d);
                    double[] df = cell.toFractional(d);
                    for (int k = 0; k < 3; k++) sum[k] += df[k];
                    counts.set(hit, counts.get(hit) + 1);
                    if (self && source.get(hit) < 0) source.set(hit, s);
                }
            }
        }
        double[] out = new double[3 * anchors.size()];
        for (int c = 0; c < anchors.size(); c++) {
            for (int k = 0; k < 3; k++) out[3 * c + k] = wrap(anchors.get(c)[k] + sums.get(c)[k] / counts.get(c));
        }
        if (sourceOut != null) sourceOut.addAll(source);
        return out;
    }

    /** The first-made cluster whose anchor is within mergeA Å of {@code f}, or −1. */
    private static int nearestCluster(double[] f, List<double[]> anchors, Map<Long, List<Integer>> bins, int[] g, Lattice cell,
                                      double mergeA, double[] d) {
        int hit = -1;
        int r0 = g[0] >= 3 ? 1 : g[0] - 1, r1 = g[1] >= 3 ? 1 : g[1] - 1, r2 = g[2] >= 3 ? 1 : g[2] - 1;
        for (int a = -r0; a <= r0; a++) for (int b = -r1; b <= r1; b++) for (int c = -r2; c <= r2; c++) {
            List<Integer> in = bins.get(key(f, g, a, b, c));
            if (in == null) continue;
            for (int i : in) {
                if (hit >= 0 && i > hit) break;
                displacement(cell, anchors.get(i), f, d);
                if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < mergeA * mergeA) { hit = i; break; }
            }
        }
        return hit;
    }

    private static long key(double[] f, int[] g, int da, int db, int dc) {
        long a = Math.floorMod((int) Math.floor(f[0] * g[0]) + da, g[0]), b = Math.floorMod((int) Math.floor(f[1] * g[1]) + db, g[1]),
                c = Math.floorMod((int) Math.floor(f[2] * g[2]) + dc, g[2]);
        return (a * g[1] + b) * g[2] + c;
    }

    /** One line for the report: the operations and the tiling. */
    public String describe(double toleranceA) {
        return String.format(Locale.ROOT, "%d symmetry operations of the reference (within %.2f A) x %d reference cells in the trajectory's cell",
                operations.size(), toleranceA, translations.length);
    }

    /** Trajectory fractional → reference fractional: f_ref = Mᵀ f. */
    private double[] toReference(double[] f) {
        double[] r = new double[3];
        for (int j = 0; j < 3; j++) for (int i = 0; i < 3; i++) r[j] += supercell[i][j] * f[i];
        return r;
    }

    /** Reference fractional → trajectory fractional, wrapped: f = M⁻ᵀ f_ref. */
    private double[] fromReference(double[] fr) {
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) f[i] += inverse[j][i] * fr[j];
        for (int k = 0; k < 3; k++) f[k] = wrap(f[k]);
        return f;
    }

    private static void displacement(Lattice cell, double[] from, double[] to, double[] d) {
        double a = to[0] - from[0], b = to[1] - from[1], c = to[2] - from[2];
        cell.toCartesian(a - Math.rint(a), b - Math.rint(b), c - Math.rint(c), d, 0);
        cell.minimumImage(d[0], d[1], d[2], d, 0);
    }

    private static int[][] supercellMatrix(Lattice ref, Lattice cell) {
        int[][] m = new int[3][3];
        for (int i = 0; i < 3; i++) {
            double[] f = ref.toFractional(cell.vector(i));
            for (int j = 0; j < 3; j++) {
                m[i][j] = (int) Math.rint(f[j]);
                if (Math.abs(f[j] - m[i][j]) > 0.05) {
                    throw new InputException(String.format(Locale.ROOT, "the symmetry reference's cell does not tile the trajectory's: cell vector %d is"
                            + " %.3f, %.3f, %.3f reference vectors (whole numbers expected; same orientation and origin)", i + 1, f[0], f[1], f[2]));
                }
            }
        }
        if (det(m) == 0) throw new InputException("the symmetry reference's cell does not tile the trajectory's (degenerate supercell matrix)");
        return m;
    }

    /** Reference lattice vectors (integer, reference fractional) that are distinct modulo the supercell. */
    private static double[][] latticeTranslations(int[][] m) {
        int want = Math.abs(det(m));
        int reach = 0;
        for (int[] row : m) for (int v : row) reach = Math.max(reach, Math.abs(v));
        double[][] inv = inverse(m);
        List<double[]> out = new ArrayList<>(), seen = new ArrayList<>();
        out.add(new double[3]);                 // the zero translation first, exactly zero
        seen.add(new double[3]);
        for (int a = -reach; a <= reach; a++) for (int b = -reach; b <= reach; b++) for (int c = -reach; c <= reach; c++) {
            double[] n = {a, b, c}, f = new double[3];
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) f[i] += inv[j][i] * n[j];
            for (int k = 0; k < 3; k++) f[k] = wrap(f[k]);
            boolean dup = false;
            for (double[] s : seen) {
                double x = 0;
                for (int k = 0; k < 3; k++) { double e = Math.abs(s[k] - f[k]); x = Math.max(x, Math.min(e, 1 - e)); }
                if (x < 1e-6) { dup = true; break; }
            }
            if (!dup) { seen.add(f); out.add(n); }
        }
        if (out.size() != want) throw new IllegalStateException("found " + out.size() + " reference translations, expected " + want);
        return out.toArray(new double[0][]);
    }

    private static boolean mapsOntoItself(Structure ref, double[] frac, int[] r, double[] t, double tolA) {
        Lattice l = ref.lattice();
        double[] d = new double[3];
        for (int i = 0; i < ref.size(); i++) {
            double[] f = add(apply(r, frac, i), t);
            boolean found = false;
            for (int j = 0; j < ref.size() && !found; j++) {
                if (ref.species(j) != ref.species(i)) continue;
                displacement(l, new double[] {frac[3 * j], frac[3 * j + 1], frac[3 * j + 2]}, f, d);
                found = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < tolA * tolA;
            }
            if (!found) return false;
        }
        return true;
    }

    private static boolean isIdentity(Operation op) {
        int[] r = op.rotation();
        double[] t = op.translation();
        return r[0] == 1 && r[4] == 1 && r[8] == 1 && r[1] == 0 && r[2] == 0 && r[3] == 0 && r[5] == 0 && r[6] == 0 && r[7] == 0
                && t[0] == 0 && t[1] == 0 && t[2] == 0;
    }

    private static boolean keepsMetric(int[] r, double[][] g, double tol) {
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
            double s = 0;
            for (int k = 0; k < 3; k++) for (int m = 0; m < 3; m++) s += r[3 * k + i] * g[k][m] * r[3 * m + j];
            if (Math.abs(s - g[i][j]) > tol) return false;
        }
        return true;
    }

    private static double[][] metric(Lattice l) {
        double[][] rows = l.rows(), g = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) g[i][j] += rows[i][k] * rows[j][k];
        return g;
    }

    private static double[] apply(int[] r, double[] flat, int i) {
        double[] out = new double[3];
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) out[a] += r[3 * a + b] * flat[3 * i + b];
        return out;
    }

    private static double[] add(double[] a, double[] b) { return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }

    private static int det(int[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static double[][] inverse(int[][] m) {
        double d = det(m);
        double[][] inv = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
            int i1 = (j + 1) % 3, i2 = (j + 2) % 3, j1 = (i + 1) % 3, j2 = (i + 2) % 3;
            inv[i][j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / d;
        }
        return inv;
    }

    private static double wrap(double v) {
        double w = v - Math.floor(v);
        return w < 1 ? w : 0;
    }
}
