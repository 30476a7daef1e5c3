package org.paddlewheel.forcefield;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.model.Structure;

/**
 * Reference 3-body energy by brute force: every periodic image of every atom within the arm cut-off
 * of each centre (pairs in one molecule left out when they are the minimum image, as the engine's
 * neighbour list does, except covalent bonds, which are arms of triples that take bonded arms), every unordered pair of such neighbours evaluated with
 * {@link SplineTriple#energy}. O(N²·images) — for tests only.
 */
final class DirectThreeBody {
    private DirectThreeBody() {}

    static double energy(ForceField ff, Topology top, Structure s, double cut) {
        double[] x = s.positions(), h = s.lattice().rowMajor();
        int n = s.size(), nt = ff.species().size();
        SplineTriple[] of = new SplineTriple[nt * nt * nt];
        for (SplineTriple t : ff.splineTriples()) {
            of[(t.centre() * nt + t.a()) * nt + t.b()] = t;
            of[(t.centre() * nt + t.b()) * nt + t.a()] = t;
        }
        Cell cell = new Cell(h);
        double halfW = 0.5 * cell.minWidth();
        int m = 2;
        double e = 0;
        double[] g = new double[3];
        for (int i = 0; i < n; i++) {
            List<double[]> nb = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                for (int a = -m; a <= m; a++) for (int b = -m; b <= m; b++) for (int c = -m; c <= m; c++) {
                    if (j == i && a == 0 && b == 0 && c == 0) continue;
                    double dx = x[3 * j] + a * h[0] + b * h[3] + c * h[6] - x[3 * i];
                    double dy = x[3 * j + 1] + a * h[1] + b * h[4] + c * h[7] - x[3 * i + 1];
                    double dz = x[3 * j + 2] + a * h[2] + b * h[5] + c * h[8] - x[3 * i + 2];
                    double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (r >= cut) continue;
                    boolean bond = r < halfW && bonded(top, i, j);
                    if (r < halfW && top.moleculeId[i] > 0 && top.moleculeId[i] == top.moleculeId[j] && !bond) continue;
                    nb.add(new double[] {j, dx, dy, dz, r, bond ? 1 : 0});
                }
            }
            for (int p = 0; p < nb.size(); p++) for (int q = p + 1; q < nb.size(); q++) {
                double[] u = nb.get(p), v = nb.get(q);
                int sj = top.type[(int) u[0]], sk = top.type[(int) v[0]];
                SplineTriple t = of[(top.type[i] * nt + sj) * nt + sk];
                if (t == null) continue;
                if (u[5] + v[5] == 2 || (u[5] + v[5] == 1 && !t.bondedArms())) continue;
                double r3 = Math.sqrt(Math.pow(v[1] - u[1], 2) + Math.pow(v[2] - u[2], 2) + Math.pow(v[3] - u[3], 2));
                e += sj == t.a() ? t.energy(u[4], v[4], r3, g) : t.energy(v[4], u[4], r3, g);
            }
        }
        return e;
    }

    /** Whether i–j is a covalent bond of the topology (a linear search: tests only). */
    private static boolean bonded(Topology top, int i, int j) {
        for (int b = 0; b < top.bondI.length; b++) if ((top.bondI[b] == i && top.bondJ[b] == j) || (top.bondI[b] == j && top.bondJ[b] == i)) return true;
        return false;
    }
}
