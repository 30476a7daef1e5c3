package org.paddlewheel.forcefield;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Hand-built test structures (until the antiperovskite builder lands on main): the cubic
 * antiperovskite Na(3−x)O(1−x)(NH2)x(BH4) with a = 4.70 Å — BH4 on the corners (B–H 1.21 Å along
 * the cube diagonals), O or NH2 at the body centre (N–H 1.02 Å, H–N–H 104.5°, randomly
 * oriented), Na on the face centres with one Na vacancy per NH2 — plus random displacements.
 */
public final class TestCells {
    private TestCells() {}

    public static Structure antiperovskite(double x, int nc, long seed, double displacement) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double a = 4.70;
        Lattice lat = Lattice.cubic(a * nc);
        int cells = nc * nc * nc;
        int nAmide = (int) Math.round(x * cells);
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < cells; c++) order.add(c);
        shuffle(order, rnd);
        boolean[] amide = new boolean[cells];
        for (int k = 0; k < nAmide; k++) amide[order.get(k)] = true;
        List<double[]> na = new ArrayList<>();
        Structure.Builder b = Structure.builder(lat);
        double[][] tet = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};
        int c = 0;
        for (int i = 0; i < nc; i++) {
            for (int j = 0; j < nc; j++) {
                for (int k = 0; k < nc; k++, c++) {
                    double ox = i * a, oy = j * a, oz = k * a;
                    b.add(Element.B, ox, oy, oz);
                    for (double[] t : tet) {
                        double s = 1.21 / Math.sqrt(3);
                        b.add(Element.H, ox + s * t[0], oy + s * t[1], oz + s * t[2]);
                    }
                    double cx = ox + a / 2, cy = oy + a / 2, cz = oz + a / 2;
                    if (amide[c]) {
                        b.add(Element.N, cx, cy, cz);
                        double[] u = randomUnit(rnd), v = randomUnit(rnd);
                        double d = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
                        for (int q = 0; q < 3; q++) v[q] -= d * u[q];
                        normalise(v);
                        double half = Math.toRadians(104.5) / 2;
                        for (int sgn = -1; sgn <= 1; sgn += 2) {
                            double hx = Math.cos(half) * u[0] + sgn * Math.sin(half) * v[0];
                            double hy = Math.cos(half) * u[1] + sgn * Math.sin(half) * v[1];
                            double hz = Math.cos(half) * u[2] + sgn * Math.sin(half) * v[2];
                            b.add(Element.H, cx + 1.02 * hx, cy + 1.02 * hy, cz + 1.02 * hz);
                        }
                    } else {
                        b.add(Element.O, cx, cy, cz);
                    }
                    na.add(new double[] {cx, cy, oz});
                    na.add(new double[] {cx, oy, cz});
                    na.add(new double[] {ox, cy, cz});
                }
            }
        }
        List<Integer> naIdx = new ArrayList<>();
        for (int q = 0; q < na.size(); q++) naIdx.add(q);
        shuffle(naIdx, rnd);
        boolean[] vacant = new boolean[na.size()];
        for (int q = 0; q < nAmide; q++) vacant[naIdx.get(q)] = true;
        for (int q = 0; q < na.size(); q++) if (!vacant[q]) b.add(Element.NA, na.get(q)[0], na.get(q)[1], na.get(q)[2]);
        Structure s = b.build();
        double[] p = s.positions();
        for (int q = 0; q < p.length; q++) p[q] += displacement * (2 * rnd.nextDouble() - 1);
        return s.withPositions(p, null);
    }

    private static double[] randomUnit(SplittableRandom r) {
        double[] v = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        normalise(v);
        return v;
    }

    private static void normalise(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        for (int q = 0; q < 3; q++) v[q] /= n;
    }

    private static void shuffle(List<Integer> l, SplittableRandom r) {
        for (int i = l.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Integer t = l.get(i);
            l.set(i, l.get(j));
            l.set(j, t);
        }
    }

    /** The bundled provisional model. */
    public static ForceField model() { return ForceField.resolve("na-amide-borohydride"); }
}
