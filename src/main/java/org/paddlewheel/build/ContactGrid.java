package org.paddlewheel.build;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.model.Lattice;

/**
 * A bin grid of already-placed atoms for fast "closest other-ion contact" queries while a builder
 * places ligands. Each atom carries an owner (the index of its molecule's centre, or −1), and a query
 * ignores the molecule it is asked for. Exact under periodic boundaries: bins are at least
 * {@code reach} wide, so any contact closer than {@code reach} lies in the 27 neighbouring bins.
 */
final class ContactGrid {
    private final Lattice lattice;
    private final double reach;
    private final int[] nb = new int[3];
    private final List<List<double[]>> bins = new ArrayList<>(); // {x, y, z, index, owner}

    ContactGrid(Lattice lattice, double reach) {
        this.lattice = lattice;
        this.reach = reach;
        for (int k = 0; k < 3; k++) nb[k] = Math.max(1, (int) Math.floor(lattice.perpendicularWidth(k) / reach));
        for (int i = 0; i < nb[0] * nb[1] * nb[2]; i++) bins.add(new ArrayList<>());
    }

    void add(double[] p, int index, int owner) {
        bins.get(bin(p)).add(new double[] {p[0], p[1], p[2], index, owner});
    }

    /**
     * Distance (Å) from (x, y, z) to the closest placed atom outside molecule {@code owner} (the atom
     * with index {@code owner} and atoms owned by it are skipped); +∞ if none within reach... or, for
     * tiny cells with fewer than 3 bins, within the whole cell. Writes that atom's index to who[0].
     */
    double closest(double x, double y, double z, int owner, int[] who) {
        double[] f = lattice.toFractional(new double[] {x, y, z});
        int[] c = new int[3];
        for (int k = 0; k < 3; k++) c[k] = cell(f[k], k);
        double best = Double.POSITIVE_INFINITY;
        double[] d = new double[3];
        java.util.Set<Integer> visited = new java.util.HashSet<>();
        for (int a = -1; a <= 1; a++) {
            for (int b = -1; b <= 1; b++) {
                for (int e = -1; e <= 1; e++) {
                    int q = (Math.floorMod(c[0] + a, nb[0]) * nb[1] + Math.floorMod(c[1] + b, nb[1])) * nb[2] + Math.floorMod(c[2] + e, nb[2]);
                    if (!visited.add(q)) continue;
                    for (double[] atom : bins.get(q)) {
                        int idx = (int) atom[3], own = (int) atom[4];
                        if (owner >= 0 && (idx == owner || own == owner)) continue;
                        lattice.minimumImage(atom[0] - x, atom[1] - y, atom[2] - z, d, 0);
                        double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                        if (r < best) {
                            best = r;
                            if (who != null) who[0] = idx;
                        }
                    }
                }
            }
        }
        return best;
    }

    private int bin(double[] p) {
        double[] f = lattice.toFractional(p);
        return (cell(f[0], 0) * nb[1] + cell(f[1], 1)) * nb[2] + cell(f[2], 2);
    }

    private int cell(double f, int k) {
        double u = f - Math.floor(f);
        int c = (int) (u * nb[k]);
        return c >= nb[k] ? nb[k] - 1 : c;
    }

    double reach() { return reach; }
}
