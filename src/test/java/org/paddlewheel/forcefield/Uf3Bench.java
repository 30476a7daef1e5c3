package org.paddlewheel.forcefield;

import org.paddlewheel.model.Structure;

/**
 * In-process A/B timing (not a test) of one force evaluation on the 270-atom x = 1 3x3x3 cell:
 * the bundled Buckingham model against the same model with UF3 spline pairs instead of Buckingham
 * (21 species pairs, knots every 0.3 Å on [1.6, 5.5] Å) and with both. Engines alternate in one JVM
 * so machine load hits all alike; prints ms per evaluation and the ratio to Buckingham. Run:
 * java --add-modules jdk.incubator.vector -cp CLASSPATH org.paddlewheel.forcefield.Uf3Bench [rounds] [evals]
 */
public final class Uf3Bench {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5, evals = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Structure s = TestCells.antiperovskite(1.0, 3, 7, 0.1);
        ForceField[] ffs = {TestCells.model(), SplineModels.model(1, 1.6, 5.5, 13, false), SplineModels.model(1, 1.6, 5.5, 13, true),
            SplineModels.model(1, 1.6, 5.5, 13, false)};
        String[] names = {"buckingham", "uf3", "uf3+buckingham", "uf3 model, no spline"};
        int m = names.length;
        Cell cell = new Cell(s.lattice());
        double[] x = s.positions(), f = new double[3 * s.size()];
        ForceEngine[] eng = new ForceEngine[m];
        for (int k = 0; k < m; k++) {
            var o = ForceEngine.Options.defaults();
            if (k == 3) o = o.withTerms(java.util.EnumSet.complementOf(java.util.EnumSet.of(Term.SPLINE)));
            eng[k] = new ForceEngine(Topology.build(ffs[k], s), cell, o);
            eng[k].compute(x, cell, f);
        }
        double[] best = new double[m];
        java.util.Arrays.fill(best, 1e9);
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < m; k++) {
                long t0 = System.nanoTime();
                for (int q = 0; q < evals; q++) eng[k].compute(x, cell, f);
                best[k] = Math.min(best[k], (System.nanoTime() - t0) * 1e-6 / evals);
            }
        }
        System.out.printf("270 atoms, %d atoms, simd pairs %s, best of %d rounds x %d evals:%n", s.size(), Simd.pairsEnabled(), rounds, evals);
        for (int k = 0; k < m; k++) System.out.printf("  %-16s %8.3f ms/eval  ratio to buckingham %.2f%n", names[k], best[k], best[k] / best[0]);
        for (ForceEngine e : eng) e.close();
    }
}
