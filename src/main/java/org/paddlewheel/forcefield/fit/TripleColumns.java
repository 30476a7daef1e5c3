package org.paddlewheel.forcefield.fit;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.NeighbourList;
import org.paddlewheel.forcefield.SplineTriple;
import org.paddlewheel.forcefield.Topology;

/**
 * The UF3 3-body part of a {@link Uf3Design}: one column per free coefficient c_lmn of each
 * {@link SplineTriple} (entries fixed to 0 by the smooth cut-off get none; for equal neighbour
 * species c_lmn and c_mln share one column, which keeps the fitted tensor j ↔ k symmetric; bases held constant below
 * r_min tie their first two coefficients per axis, {@link #canonical}), the
 * design rows of a configuration (energy Σ B_l B_m B_n over the same triples the engine sums:
 * arms are listed non-bonded pairs within the arm cut-off, forces −∂/∂x, virial W = Σ d_a F_b in eV),
 * and UF3's curvature penalty: squared second differences of c along each of the three axes (the
 * fixed zeros included), so a triple's three directions are smoothed alike.
 */
final class TripleColumns {
    private final List<SplineTriple> triples;
    private final int[][] col;
    private final int start, end;
    private final double cut;

    TripleColumns(List<SplineTriple> triples, int start) {
        this.triples = List.copyOf(triples);
        this.start = start;
        col = new int[triples.size()][];
        int c = start;
        double rc = 0;
        for (int t = 0; t < triples.size(); t++) {
            SplineTriple tr = triples.get(t);
            int[] sh = tr.shape();
            col[t] = new int[sh[0] * sh[1] * sh[2]];
            java.util.Arrays.fill(col[t], -1);
            // a column per canonical index; the others share its column (two passes: a canonical index may come later)
            for (int l = 0; l < sh[0]; l++) for (int m = 0; m < sh[1]; m++) for (int n = 0; n < sh[2]; n++) {
                if (tr.free(l, m, n) && canonical(tr, l, m, n) == tr.index(l, m, n)) col[t][tr.index(l, m, n)] = c++;
            }
            for (int l = 0; l < sh[0]; l++) for (int m = 0; m < sh[1]; m++) for (int n = 0; n < sh[2]; n++) {
                int k = canonical(tr, l, m, n);
                if (tr.free(l, m, n) && k != tr.index(l, m, n)) col[t][tr.index(l, m, n)] = col[t][k];
            }
            rc = Math.max(rc, Math.max(tr.rCut(0), tr.rCut(1)));
        }
        end = c;
        cut = rc;
    }

    /**
     * The index whose column (l, m, n) shares. Equal neighbour species: c_lmn = c_mln. Bases held constant below r_min
     * ({@link SplineTriple#constantBelow}): the first two coefficients along each axis are tied, c_0mn = c_1mn (and so on),
     * because the slope of a clamped cubic B-spline at its first knot is 3(c_1 − c_0)/(t_4 − t_1): tied, every axis's slope
     * is zero at r_min and the force stays continuous where the term turns constant. Untied, a fitted slope there is a
     * step in the force of the size of that slope (measured 5 Dec 2026: 0.88 eV/Å on a B···H–N contact that the
     * candidate `-hopw100` pulled to its r_min, 2.25 Å, where FIRE then stalled for 20000 steps).
     */
    static int canonical(SplineTriple tr, int l, int m, int n) {
        if (tr.constantBelow()) {
            l = Math.max(l, 1);
            m = Math.max(m, 1);
            n = Math.max(n, 1);
        }
        if (tr.a() == tr.b() && m < l) { int x = l; l = m; m = x; }
        return tr.index(l, m, n);
    }

    int end() { return end; }
    int start() { return start; }
    List<SplineTriple> triples() { return triples; }

    /** First column of triple t (its columns are contiguous). */
    int start(int t) {
        for (int v : col[t]) if (v >= 0) return v;
        return -1;
    }

    /** Writes triple t's free coefficients into the solution vector x (the inverse of {@link #fitted}). */
    void coefficientsInto(int t, double[] x) {
        double[] c = triples.get(t).coefficients();
        for (int k = 0; k < c.length; k++) if (col[t][k] >= 0) x[col[t][k]] = c[k];
    }

    /** Triple t with the coefficients read from the solution vector x. */
    SplineTriple fitted(int t, double[] x) {
        double[] c = new double[col[t].length];
        for (int k = 0; k < c.length; k++) if (col[t][k] >= 0) c[k] = x[col[t][k]];
        return triples.get(t).withCoefficients(c);
    }

    /** Adds the 3-body columns of one configuration (unwrapped positions x, Å) to its rows. */
    void addRows(Topology top, double[] x, Cell cell, int nt, double[] eRow, double[][] fRows, double[][] wRows) {
        if (triples.isEmpty()) return;
        int n = top.size();
        int[] of = new int[nt * nt * nt];
        java.util.Arrays.fill(of, -1);
        for (int t = 0; t < triples.size(); t++) {
            SplineTriple tr = triples.get(t);
            of[(tr.centre() * nt + tr.a()) * nt + tr.b()] = 2 * t;
            if (tr.a() != tr.b()) of[(tr.centre() * nt + tr.b()) * nt + tr.a()] = 2 * t + 1;
        }
        NeighbourList nl = new NeighbourList(n, cut, 0.0, top.specialI, top.specialJ);
        nl.update(x, cell);
        List<List<double[]>> nb = new ArrayList<>();
        for (int i = 0; i < n; i++) nb.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            for (int q = nl.start[i]; q < nl.start[i + 1]; q++) {
                int j = nl.pairJ[q], c = 3 * nl.pairCode[q];
                double dx = nl.xw[3 * j] + nl.shift[c] - nl.xw[3 * i], dy = nl.xw[3 * j + 1] + nl.shift[c + 1] - nl.xw[3 * i + 1];
                double dz = nl.xw[3 * j + 2] + nl.shift[c + 2] - nl.xw[3 * i + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (r >= cut) continue;
                nb.get(i).add(new double[] {j, dx, dy, dz, r, 0});
                nb.get(j).add(new double[] {i, -dx, -dy, -dz, r, 0});
            }
        }
        boolean anyBonded = org.paddlewheel.forcefield.BondArms.any(triples);
        if (anyBonded) org.paddlewheel.forcefield.BondArms.forEach(top, x, cell, cut, (i, j, dx, dy, dz, r) -> nb.get(i).add(new double[] {j, dx, dy, dz, r, 1}));
        double[] v = new double[12], d = new double[12];
        for (int i = 0; i < n; i++) {
            List<double[]> li = nb.get(i);
            int row = top.type[i] * nt;
            for (int p = 0; p < li.size(); p++) for (int q = p + 1; q < li.size(); q++) {
                int code = of[(row + top.type[(int) li.get(p)[0]]) * nt + top.type[(int) li.get(q)[0]]];
                if (code < 0) continue;
                int t = code >> 1;
                double[] u = (code & 1) == 0 ? li.get(p) : li.get(q), w = (code & 1) == 0 ? li.get(q) : li.get(p);
                SplineTriple tr = triples.get(t);
                double bonded = u[5] + w[5]; // as the engine: a bonded arm only where the triple takes one, two never
                if (bonded == 2 || (bonded == 1 && !tr.bondedArms())) continue;
                double[] d3 = {w[1] - u[1], w[2] - u[2], w[3] - u[3]};
                double r3 = Math.sqrt(d3[0] * d3[0] + d3[1] * d3[1] + d3[2] * d3[2]);
                int l0 = tr.basisAt(0, u[4], v, d, 0), m0 = tr.basisAt(1, w[4], v, d, 4), n0 = tr.basisAt(2, r3, v, d, 8);
                if (l0 < 0 || m0 < 0 || n0 < 0) continue;
                int j1 = (int) u[0], j2 = (int) w[0];
                for (int a = 0; a < 4; a++) for (int b = 0; b < 4; b++) for (int c = 0; c < 4; c++) {
                    int cc = col[t][tr.index(l0 + a, m0 + b, n0 + c)];
                    if (cc < 0) continue;
                    double val = v[a] * v[4 + b] * v[8 + c];
                    double p1 = -d[a] * v[4 + b] * v[8 + c] / u[4], p2 = -v[a] * d[4 + b] * v[8 + c] / w[4], p3 = -v[a] * v[4 + b] * d[8 + c] / r3;
                    eRow[cc] += val;
                    for (int k = 0; k < 3; k++) {
                        double fa = p1 * u[1 + k], fb = p2 * w[1 + k], fc = p3 * d3[k];
                        fRows[3 * j1 + k][cc] += fa - fc;
                        fRows[3 * j2 + k][cc] += fb + fc;
                        fRows[3 * i + k][cc] -= fa + fb;
                    }
                    int[][] ab = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
                    for (int mm = 0; mm < 6; mm++) {
                        int x0 = ab[mm][0], y0 = ab[mm][1];
                        wRows[mm][cc] += u[1 + x0] * p1 * u[1 + y0] + w[1 + x0] * p2 * w[1 + y0] + d3[x0] * p3 * d3[y0];
                    }
                }
            }
        }
    }

    /** Adds λ·Σ (second differences of c along each axis)² to the normal matrix a. */
    void addCurvature(double[][] a, double lambda) {
        if (lambda == 0) return;
        for (int t = 0; t < triples.size(); t++) {
            SplineTriple tr = triples.get(t);
            int[] sh = tr.shape();
            for (int axis = 0; axis < 3; axis++) {
                for (int l = 0; l < sh[0]; l++) for (int m = 0; m < sh[1]; m++) for (int n = 0; n < sh[2]; n++) {
                    int[] s = {l, m, n};
                    if (s[axis] + 2 >= sh[axis]) continue;
                    int[] cs = new int[3];
                    for (int k = 0; k < 3; k++) {
                        int[] q = s.clone();
                        q[axis] += k;
                        cs[k] = col[t][tr.index(q[0], q[1], q[2])];
                    }
                    double[] w = {1, -2, 1};
                    for (int x = 0; x < 3; x++) {
                        if (cs[x] < 0) continue;
                        for (int y = 0; y < 3; y++) if (cs[y] >= 0) a[cs[x]][cs[y]] += lambda * w[x] * w[y];
                    }
                }
            }
        }
    }
}
