package org.paddlewheel.forcefield.fit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.NeighbourList;
import org.paddlewheel.forcefield.SplinePair;
import org.paddlewheel.forcefield.SplineTriple;
import org.paddlewheel.forcefield.Topology;

/**
 * The automatic 3-body basis of a UF3 fit: every (centre; j, k) species triple that occurs in the
 * training set with both arms (listed non-bonded pairs, as the engine uses them; with bonded arms also
 * the centre's covalent bonds, never two of them) shorter than the 3-body cut-off, for the chosen centre species. Per triple and axis r_min is 0.1 Å below the
 * shortest training distance, rounded down to 0.05 Å (at least 0.5 Å); arms get uniform knots on
 * [r_min, cut-off] with the chosen number of spans, r_jk on [r_min,jk, 2·cut-off] with twice as many
 * (equal neighbour species share one arm knot vector, the shorter r_min of the two arms). With bonded arms, a
 * (centre; ligand, ligand) triple of a molecule's own centre and ligand starts r_jk above the molecule's ligand–ligand
 * distance at 700 K ({@link org.paddlewheel.forcefield.MlUf3ArmRule#twoBondReachA}), so the model stays exportable to ML-UF3.
 */
final class TripleBasis {
    /**
     * Room (Å) between a molecule's ligand–ligand reach at 700 K and the r_jk basis of its two-bond triple: a fit with
     * --fit-bonded moves θ0 and K (BH4: 1.98 ± 0.39 Å with the base terms, ± 0.41 with the fitted ones, 4 Dec 2026).
     */
    static final double TWO_BOND_MARGIN_A = 0.1;

    private final Uf3Fitter.ThreeBody opt;
    private final PrintStream log;

    TripleBasis(Uf3Fitter.ThreeBody opt, PrintStream log) {
        this.opt = opt;
        this.log = log;
    }

    List<SplineTriple> build(ForceField base, List<Uf3Dataset.Frame> train) {
        int nt = base.species().size();
        double cut = opt.cutoff();
        boolean[] centre = new boolean[nt];
        for (int s = 0; s < nt; s++) centre[s] = opt.centres() == null || opt.centres().isEmpty() || opt.centres().contains(base.species().get(s).name());
        if (opt.centres() != null) {
            for (String c : opt.centres()) {
                if (base.speciesIndex(c) < 0) throw new IllegalArgumentException("--three-body-centres: unknown species '" + c + "'");
            }
        }
        Map<Integer, double[]> dmin = new TreeMap<>(); // key (c, a ≤ b) → {arm a, arm b, jk}
        for (Uf3Dataset.Frame f : train) {
            var s = f.labelled().structure();
            Topology top = Topology.build(base, s);
            NeighbourList nl = new NeighbourList(s.size(), cut, 0.0, top.specialI, top.specialJ);
            nl.update(s.positions(), new Cell(s.lattice()));
            List<List<double[]>> nb = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) nb.add(new ArrayList<>());
            for (int i = 0; i < s.size(); i++) {
                for (int q = nl.start[i]; q < nl.start[i + 1]; q++) {
                    int j = nl.pairJ[q], c = 3 * nl.pairCode[q];
                    double dx = nl.xw[3 * j] + nl.shift[c] - nl.xw[3 * i], dy = nl.xw[3 * j + 1] + nl.shift[c + 1] - nl.xw[3 * i + 1];
                    double dz = nl.xw[3 * j + 2] + nl.shift[c + 2] - nl.xw[3 * i + 2];
                    double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (r >= cut) continue;
                    nb.get(i).add(new double[] {top.type[j], dx, dy, dz, r, 0});
                    nb.get(j).add(new double[] {top.type[i], -dx, -dy, -dz, r, 0});
                }
            }
            if (opt.bondedArms()) {
                org.paddlewheel.forcefield.BondArms.forEach(top, s.positions(), new Cell(s.lattice()), cut,
                        (i, j, dx, dy, dz, r) -> nb.get(i).add(new double[] {top.type[j], dx, dy, dz, r, 1}));
            }
            for (int i = 0; i < s.size(); i++) {
                if (!centre[top.type[i]]) continue;
                List<double[]> li = nb.get(i);
                for (int p = 0; p < li.size(); p++) for (int q = p + 1; q < li.size(); q++) {
                    double[] u = li.get(p), w = li.get(q);
                    if (u[5] + w[5] == 2) continue; // two bonds: the bonded angle's
                    if (u[0] > w[0]) { double[] x = u; u = w; w = x; }
                    int key = (top.type[i] * nt + (int) u[0]) * nt + (int) w[0];
                    double r3 = Math.sqrt(sq(w[1] - u[1]) + sq(w[2] - u[2]) + sq(w[3] - u[3]));
                    double[] d = dmin.computeIfAbsent(key, k -> new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY});
                    d[0] = Math.min(d[0], u[4]);
                    d[1] = Math.min(d[1], w[4]);
                    d[2] = Math.min(d[2], r3);
                }
            }
        }
        List<SplineTriple> out = new ArrayList<>();
        for (var e : dmin.entrySet()) {
            int key = e.getKey(), c = key / (nt * nt), a = (key / nt) % nt, b = key % nt;
            double[] d = e.getValue();
            if (a == b) d[0] = d[1] = Math.min(d[0], d[1]);
            double[][] knots = new double[3][];
            for (int ax = 0; ax < 3; ax++) {
                double hi = ax < 2 ? cut : 2 * cut;
                double rMin = Math.min(Math.max(0.5, Math.floor((d[ax] - 0.1) / 0.05) * 0.05), hi - 0.5);
                double reach = ax == 2 && a == b && opt.bondedArms() ? org.paddlewheel.forcefield.MlUf3ArmRule.twoBondReachA(base, c, a) : Double.NaN;
                if (reach + TWO_BOND_MARGIN_A > rMin) {
                    // (centre; ligand, ligand) with bonded arms: r_jk starts above the centre's own two-bond distance, so that LAMMPS's
                    // ML-UF3, which cannot tell two bonds from a bond and a foreign ligand, counts the same triples (MlUf3ArmRule)
                    rMin = Math.min(Math.ceil((reach + TWO_BOND_MARGIN_A) / 0.05) * 0.05, hi - 0.5);
                    log.printf(Locale.ROOT, "fit-ff uf3: triple %s; %s, %s: r_jk basis from %.2f Å, above the molecule's own ligand–ligand"
                            + " distance (to %.2f Å at %.0f K)%n", base.species().get(c).name(), base.species().get(a).name(), base.species().get(b).name(),
                            rMin, reach, org.paddlewheel.forcefield.MlUf3ArmRule.TEMPERATURE_K);
                }
                knots[ax] = SplinePair.uniformKnots(rMin, hi, ax < 2 ? opt.intervals() : 2 * opt.intervals());
            }
            int[] sh = {knots[0].length - 4, knots[1].length - 4, knots[2].length - 4};
            out.add(new SplineTriple(c, a, b, knots, new double[sh[0] * sh[1] * sh[2]], opt.bondedArms(), opt.constantBelow()));
            log.printf(Locale.ROOT, "fit-ff uf3: triple %s; %s, %s: shortest arms %.3f / %.3f Å, r_jk %.3f Å%s%n", base.species().get(c).name(),
                    base.species().get(a).name(), base.species().get(b).name(), d[0], d[1], d[2], opt.bondedArms() ? " (bonded arms)" : "");
        }
        return out;
    }

    private static double sq(double v) { return v * v; }
}
