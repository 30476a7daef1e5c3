package org.paddlewheel.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Per-slab crystallinity order parameter: the cell is cut into slabs normal to its third axis (c)
 * and, in each slab s, the static structure factor of the sites of one sublattice at a reciprocal
 * lattice vector k of that sublattice, ψ_s = ⟨|(1/N_s) Σ_{j∈s} exp(i k·r_j)|⟩ averaged over the
 * symmetry-equivalent vectors chosen. With k = 2π(h b₁ + k b₂ + l b₃) for integer supercell indices
 * (h k l), k·r_j = 2π(h f₁ + k f₂ + l f₃) in fractional coordinates, so the order parameter follows
 * the cell through a barostat. A perfect crystal gives ψ = 1, a thermal one the Debye–Waller factor
 * exp(−k²⟨u²⟩/3) (isotropic mean square displacement ⟨u²⟩, Å²), a liquid the random-walk value
 * E|S| = √(π/(4N_s)) (the mean of a Rayleigh amplitude, {@link #randomLevel}).
 *
 * <p>Choice of k: every (h k l) with |k| ≤ 2π/{@value #MIN_SPACING_A} Å⁻¹ is scored on the reference
 * crystal; those with |S| ≥ 0.8 of the best are Bragg vectors of the sublattice; among them the ones
 * lying in the ab plane (|k·ĉ*|/|k| &lt; 0.1, so the liquid's layering against a crystal face along c
 * does not read as order) are preferred, and the shortest (within 1 %) are kept — the smallest
 * Debye–Waller loss. Slabs: the sublattice's planes along c are found in the reference crystal
 * (fractional c within 0.25 Å), grouped into slabs of whole planes holding at least
 * {@link #MIN_SLAB_SITES} sites each, with boundaries half-way between planes.
 */
public final class SlabOrder {
    /** Smallest lattice-plane spacing considered for k, Å. */
    static final double MIN_SPACING_A = 2.0;
    /** Fewest sublattice sites per slab (the liquid level is then at most √(π/32) ≈ 0.31). */
    public static final int MIN_SLAB_SITES = 8;

    private final int[] sites;
    private final int[][] miller;
    private final int slabs;
    private final double origin;

    private SlabOrder(int[] sites, int[][] miller, int slabs, double origin) {
        this.sites = sites;
        this.miller = miller;
        this.slabs = slabs;
        this.origin = origin;
    }

    /**
     * Builds the order parameter from a reference crystal: {@code sites} are the atom indices of the
     * sublattice (e.g. the anion centres), {@code slabs} the slab count or 0 to choose it from the planes.
     *
     * @throws IllegalArgumentException when the sites show no Bragg peak or too few planes for two slabs
     */
    public static SlabOrder of(Structure crystal, int[] sites, int slabs) {
        if (sites.length < 2 * MIN_SLAB_SITES) {
            throw new IllegalArgumentException("the sublattice has " + sites.length + " sites; a two-phase run needs at least "
                    + 2 * MIN_SLAB_SITES + " (use a larger supercell)");
        }
        double[] f = fractional(crystal, sites);
        int[][] miller = braggVectors(crystal.lattice(), f);
        double[] planes = planes(f, 0.25 / crystal.lattice().perpendicularWidth(2));
        int perPlane = Math.max(1, sites.length / planes.length);
        int n = slabs;
        if (n <= 0) {
            int d = 1;
            while (d < planes.length && (planes.length % d != 0 || d * perPlane < MIN_SLAB_SITES)) d++;
            n = planes.length / d;
        }
        if (n < 2) throw new IllegalArgumentException("the cell has " + planes.length + " lattice plane(s) of the sublattice along c: too few for two slabs of "
                + MIN_SLAB_SITES + " sites; elongate the supercell along c");
        double gap = planes.length > 1 ? planes[1] - planes[0] : 1.0 / n;
        double origin = planes[0] - 0.5 * gap;
        return new SlabOrder(sites.clone(), miller, n, origin - Math.floor(origin));
    }

    /** Number of slabs. */
    public int slabCount() { return slabs; }

    /** Supercell Miller indices (h k l) of the vectors averaged. */
    public List<int[]> millerIndices() {
        List<int[]> out = new ArrayList<>();
        for (int[] m : miller) out.add(m.clone());
        return out;
    }

    /** The sublattice atom indices. */
    public int[] sites() { return sites.clone(); }

    /** Slab index 0..n−1 of fractional c coordinate {@code f3} (slab 0 starts at the reference crystal's first plane less half a spacing). */
    public int slabOf(double f3) {
        double u = f3 - origin;
        u -= Math.floor(u);
        return Math.min(slabs - 1, (int) (u * slabs));
    }

    /** ψ_s of every slab for a frame (same atom order as the reference); NaN for an empty slab. */
    public double[] perSlab(Structure frame) {
        double[] f = fractional(frame, sites);
        int nk = miller.length;
        double[] re = new double[slabs * nk], im = new double[slabs * nk];
        int[] count = new int[slabs];
        for (int j = 0; j < sites.length; j++) {
            int s = slabOf(f[3 * j + 2]);
            count[s]++;
            for (int q = 0; q < nk; q++) {
                double ph = 2 * Math.PI * (miller[q][0] * f[3 * j] + miller[q][1] * f[3 * j + 1] + miller[q][2] * f[3 * j + 2]);
                re[s * nk + q] += Math.cos(ph);
                im[s * nk + q] += Math.sin(ph);
            }
        }
        double[] psi = new double[slabs];
        for (int s = 0; s < slabs; s++) {
            if (count[s] == 0) { psi[s] = Double.NaN; continue; }
            double sum = 0;
            for (int q = 0; q < nk; q++) sum += Math.hypot(re[s * nk + q], im[s * nk + q]) / count[s];
            psi[s] = sum / nk;
        }
        return psi;
    }

    /** Mean sublattice sites per slab. */
    public double sitesPerSlab() { return (double) sites.length / slabs; }

    /** E|S| of N sites at random positions: the mean of a Rayleigh amplitude, √(π/(4N)). */
    public static double randomLevel(double sitesPerSlab) { return Math.sqrt(Math.PI / (4 * sitesPerSlab)); }

    /** Fractional coordinates of the given atoms, x y z per atom. */
    static double[] fractional(Structure s, int[] sites) {
        Lattice l = s.lattice();
        double[] f = new double[3 * sites.length];
        for (int j = 0; j < sites.length; j++) {
            int i = sites[j];
            l.toFractional(s.x(i, 0), s.x(i, 1), s.x(i, 2), f, 3 * j);
        }
        return f;
    }

    /** The in-plane-preferred shortest strong Bragg vectors of the sites (fractional coordinates f). */
    private static int[][] braggVectors(Lattice l, double[] f) {
        double[][] b = l.reciprocalRows();
        int[] range = new int[3];
        for (int i = 0; i < 3; i++) range[i] = Math.max(1, (int) Math.floor(l.perpendicularWidth(i) / MIN_SPACING_A));
        double kMax = 1 / MIN_SPACING_A;
        double[] nc = b[2].clone();
        double ncLen = Math.sqrt(nc[0] * nc[0] + nc[1] * nc[1] + nc[2] * nc[2]);
        List<double[]> cands = new ArrayList<>();
        double best = 0;
        int n = f.length / 3;
        for (int h = 0; h <= range[0]; h++) {
            for (int k = -range[1]; k <= range[1]; k++) {
                for (int m = -range[2]; m <= range[2]; m++) {
                    if (h == 0 && (k < 0 || (k == 0 && m <= 0))) continue;   // one of ±k
                    double gx = h * b[0][0] + k * b[1][0] + m * b[2][0], gy = h * b[0][1] + k * b[1][1] + m * b[2][1],
                            gz = h * b[0][2] + k * b[1][2] + m * b[2][2];
                    double g = Math.sqrt(gx * gx + gy * gy + gz * gz);
                    if (g > kMax) continue;
                    double re = 0, im = 0;
                    for (int j = 0; j < n; j++) {
                        double ph = 2 * Math.PI * (h * f[3 * j] + k * f[3 * j + 1] + m * f[3 * j + 2]);
                        re += Math.cos(ph);
                        im += Math.sin(ph);
                    }
                    double s = Math.hypot(re, im) / n;
                    double along = Math.abs(gx * nc[0] + gy * nc[1] + gz * nc[2]) / (g * ncLen);
                    cands.add(new double[] {h, k, m, g, s, along});
                    best = Math.max(best, s);
                }
            }
        }
        if (best < 0.5) throw new IllegalArgumentException("the sublattice shows no Bragg peak (best |S| " + String.format(java.util.Locale.ROOT, "%.2f", best)
                + ") in the starting structure: it is not a crystal");
        final double cut = 0.8 * best;
        List<double[]> strong = cands.stream().filter(c -> c[4] >= cut).toList();
        List<double[]> inPlane = strong.stream().filter(c -> c[5] < 0.1).toList();
        List<double[]> use = inPlane.isEmpty() ? strong : inPlane;
        double gMin = use.stream().mapToDouble(c -> c[3]).min().orElseThrow();
        return use.stream().filter(c -> c[3] <= 1.01 * gMin).map(c -> new int[] {(int) c[0], (int) c[1], (int) c[2]}).toArray(int[][]::new);
    }

    /** Sorted distinct fractional c values of the sites (wrapped), merged within {@code tol}. */
    private static double[] planes(double[] f, double tol) {
        int n = f.length / 3;
        double[] z = new double[n];
        for (int j = 0; j < n; j++) z[j] = f[3 * j + 2] - Math.floor(f[3 * j + 2]);
        Arrays.sort(z);
        List<Double> p = new ArrayList<>();
        double sum = z[0];
        int cnt = 1;
        for (int j = 1; j < n; j++) {
            if (z[j] - z[j - 1] > tol) {
                p.add(sum / cnt);
                sum = 0;
                cnt = 0;
            }
            sum += z[j];
            cnt++;
        }
        p.add(sum / cnt);
        // a plane split across c = 0/1 appears twice: merge the last into the first
        if (p.size() > 1 && p.get(0) + 1 - p.get(p.size() - 1) < tol) p.remove(p.size() - 1);
        return p.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
