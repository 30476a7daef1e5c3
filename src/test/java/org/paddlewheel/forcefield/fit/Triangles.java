package org.paddlewheel.forcefield.fit;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.NeighbourList;
import org.paddlewheel.forcefield.TestCells;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.model.Structure;

/** Every (centre; j, k) triangle of a molecule-free cell with both arms below a cut-off: {centre, a ≤ b species, r_ij, r_ik, r_jk}. */
final class Triangles {
    private Triangles() {}

    static List<double[]> of(Structure s, double cut) {
        ForceField ff = TestCells.model();
        Topology top = Topology.build(ff, s);
        NeighbourList nl = new NeighbourList(s.size(), cut, 0, top.specialI, top.specialJ);
        nl.update(s.positions(), new Cell(s.lattice()));
        List<List<double[]>> nb = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) nb.add(new ArrayList<>());
        for (int i = 0; i < s.size(); i++) {
            for (int q = nl.start[i]; q < nl.start[i + 1]; q++) {
                int j = nl.pairJ[q], c = 3 * nl.pairCode[q];
                double[] d = {nl.xw[3 * j] + nl.shift[c] - nl.xw[3 * i], nl.xw[3 * j + 1] + nl.shift[c + 1] - nl.xw[3 * i + 1],
                    nl.xw[3 * j + 2] + nl.shift[c + 2] - nl.xw[3 * i + 2]};
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                if (r >= cut) continue;
                nb.get(i).add(new double[] {top.type[j], d[0], d[1], d[2], r});
                nb.get(j).add(new double[] {top.type[i], -d[0], -d[1], -d[2], r});
            }
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            List<double[]> li = nb.get(i);
            for (int p = 0; p < li.size(); p++) for (int q = p + 1; q < li.size(); q++) {
                double[] u = li.get(p), w = li.get(q);
                if (u[0] > w[0]) { double[] x = u; u = w; w = x; }
                double r3 = Math.sqrt(Math.pow(w[1] - u[1], 2) + Math.pow(w[2] - u[2], 2) + Math.pow(w[3] - u[3], 2));
                out.add(new double[] {top.type[i], u[0], w[0], u[4], w[4], r3});
            }
        }
        return out;
    }
}
