package org.paddlewheel.build;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.paddlewheel.model.ClusterAnion;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * The low-temperature orthorhombic phase of Na2(NH2)(BH4) with ordered Na vacancies, and its
 * supercells (the paper's AIMD used 2×2×1). Cell: Pbcm, a = 6.5384, b = 6.4960, c = 9.8512 Å, Z = 4
 * (Somer et al., J. Alloys Compd. 491 (2010) 98). <b>The atomic coordinates of that refinement were
 * not available here, so the cell is derived from the cubic antiperovskite</b>: a_o = a_c[110],
 * b_o = a_c[1̄10], c_o = 2a_c[001] (√2 × √2 × 2 of the cubic cell, which matches Somer's axes to
 * 1.6 %, 2.3 % and 4.8 %), the 4 cubic cells mapped affinely into the orthorhombic box; B at the cube
 * corners, N at the body centres, Na on the face centres. Vacancy order: a cubic cell (i, j, k) of even
 * i + j + k loses its Na on the x face (0, ½, ½), an odd one on the y face (½, 0, ½), so every NH2 keeps
 * exactly 4 of its 6 Na neighbours with the two vacancies cis (one x, one y) — 8 Na in the cell,
 * Na8 B4 N4 H24. This pattern is invariant under the orthorhombic translations; that it has Pbcm
 * symmetry, and the octahedral tilts of the real structure, are not claimed. Cluster anions are
 * oriented as in {@link AntiperovskiteBuilder} (seeded, contact-checked). Lengths in Å.
 */
public final class PbcmBuilder {
    /** Somer et al. (2010) orthorhombic cell, Å. */
    public static final double A = 6.5384, B = 6.4960, C = 9.8512;

    private PbcmBuilder() {}

    /** The built cell. */
    public record Result(Structure structure, int vacancies, int cationSites, double[] cellAngstrom) {}

    /** Builds n1×n2×n3 orthorhombic cells. */
    public static Result build(int n1, int n2, int n3, AntiperovskiteBuilder.Orientation orientation, double minDistance, long seed, int maxAttempts) {
        if (n1 < 1 || n2 < 1 || n3 < 1) throw new InputException("--supercell repetitions must be ≥ 1");
        Lattice cell = Lattice.orthorhombic(A, B, C);
        Lattice lattice = cell.supercell(n1, n2, n3);
        ContactGrid grid = new ContactGrid(lattice, Math.max(minDistance, 0.5));
        List<double[]> xs = new ArrayList<>();
        List<Element> els = new ArrayList<>();
        List<Object[]> clusters = new ArrayList<>(), bClusters = new ArrayList<>();
        // cubic sites in one orthorhombic cell: cubic fractional r → orthorhombic fractional
        // f = (r_x + r_y)/2, (r_y − r_x)/2, r_z/2, wrapped into [0, 1)
        double[][] faces = {{0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        List<double[]> na = new ArrayList<>(), bs = new ArrayList<>(), ns = new ArrayList<>();
        int sites = 0;
        for (int i = -2; i <= 2; i++) for (int j = -2; j <= 2; j++) for (int k = 0; k <= 1; k++) {
            double[] corner = ortho(i, j, k);
            if (!inCell(corner)) continue; // one representative per cubic cell: its corner
            boolean even = Math.floorMod(i + j + k, 2) == 0;
            addUnique(bs, wrap(corner));
            addUnique(ns, wrap(ortho(i + 0.5, j + 0.5, k + 0.5)));
            for (int f = 0; f < 3; f++) {
                sites++;
                boolean vacant = f == 0 ? even : f == 1 && !even;
                if (!vacant) addUnique(na, wrap(ortho(i + faces[f][0], j + faces[f][1], k + faces[f][2])));
            }
        }
        if (bs.size() != 4 || ns.size() != 4 || na.size() != 8) {
            throw new IllegalStateException("Pbcm cell derivation: " + bs.size() + " B, " + ns.size() + " N, " + na.size() + " Na (want 4, 4, 8)");
        }
        for (int a = 0; a < n1; a++) for (int b = 0; b < n2; b++) for (int c = 0; c < n3; c++) {
            for (double[] f : na) AntiperovskiteBuilder.place(cell, a + f[0], b + f[1], c + f[2], Element.NA, xs, els, grid, -1);
        }
        for (int a = 0; a < n1; a++) for (int b = 0; b < n2; b++) for (int c = 0; c < n3; c++) {
            for (double[] f : bs) {
                double[] p = AntiperovskiteBuilder.place(cell, a + f[0], b + f[1], c + f[2], ClusterAnion.BH4.centre(), xs, els, grid, -1);
                bClusters.add(new Object[] {ClusterAnion.BH4, p, els.size() - 1});
            }
        }
        for (int a = 0; a < n1; a++) for (int b = 0; b < n2; b++) for (int c = 0; c < n3; c++) {
            for (double[] f : ns) {
                double[] p = AntiperovskiteBuilder.place(cell, a + f[0], b + f[1], c + f[2], ClusterAnion.NH2.centre(), xs, els, grid, -1);
                clusters.add(new Object[] {ClusterAnion.NH2, p, els.size() - 1});
            }
        }
        clusters.addAll(bClusters);
        AntiperovskiteBuilder.orient(clusters, xs, els, grid, orientation, new SplittableRandom(seed), minDistance, maxAttempts);
        Structure.Builder sb = Structure.builder(lattice);
        for (int t = 0; t < xs.size(); t++) sb.add(els.get(t), xs.get(t)[0], xs.get(t)[1], xs.get(t)[2]);
        Structure s = sb.build().groupedBySpecies();
        PhysicalContacts.requireNoShortContacts(s, minDistance, "built Pbcm cell");
        int cells = n1 * n2 * n3;
        return new Result(s, 4 * cells, 12 * cells, new double[] {A * n1, B * n2, C * n3});
    }

    /**
     * Every Na face site of n1×n2×n3 cells, occupied or vacant in {@link #build} (12 per cell, Na only):
     * the reference a hop analysis of a Pbcm run counts site changes against.
     */
    public static Structure allCationSites(int n1, int n2, int n3) {
        Lattice cell = Lattice.orthorhombic(A, B, C);
        double[][] faces = {{0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        List<double[]> na = new ArrayList<>();
        for (int i = -2; i <= 2; i++) for (int j = -2; j <= 2; j++) for (int k = 0; k <= 1; k++) {
            if (!inCell(ortho(i, j, k))) continue;
            for (double[] f : faces) addUnique(na, wrap(ortho(i + f[0], j + f[1], k + f[2])));
        }
        if (na.size() != 12) throw new IllegalStateException("Pbcm cell derivation: " + na.size() + " Na sites (want 12)");
        Structure.Builder sb = Structure.builder(cell.supercell(n1, n2, n3));
        for (int a = 0; a < n1; a++) for (int b = 0; b < n2; b++) for (int c = 0; c < n3; c++) {
            for (double[] f : na) {
                double[] cart = cell.toCartesian(new double[] {a + f[0], b + f[1], c + f[2]});
                sb.add(Element.NA, cart[0], cart[1], cart[2]);
            }
        }
        return sb.build();
    }

    private static double[] ortho(double rx, double ry, double rz) {
        return new double[] {(rx + ry) / 2, (ry - rx) / 2, rz / 2};
    }

    private static boolean inCell(double[] f) {
        for (double v : f) if (v < -1e-9 || v >= 1 - 1e-9) return false;
        return true;
    }

    private static double[] wrap(double[] f) {
        double[] g = new double[3];
        for (int d = 0; d < 3; d++) { g[d] = f[d] - Math.floor(f[d] + 1e-9); if (g[d] < 0) g[d] += 1; }
        return g;
    }

    private static void addUnique(List<double[]> list, double[] f) {
        for (double[] g : list) {
            boolean same = true;
            for (int d = 0; d < 3; d++) { double dd = Math.abs(f[d] - g[d]); if (Math.min(dd, 1 - dd) > 1e-6) same = false; }
            if (same) return;
        }
        list.add(f);
    }
}
