package org.paddlewheel.forcefield;

import java.util.List;
import org.paddlewheel.model.Structure;

/**
 * In-process A/B timing (not a test) of one force evaluation on the 270-atom x = 1 3x3x3 cell: the
 * bundled Buckingham model against UF3 2-body (21 species pairs, knots every 0.3 Å on [1.6, 5.5] Å,
 * Buckingham dropped) and UF3 2+3-body (plus a 3-body term for every one of the 6·21 = 126 species
 * triples, arms on [1.5, 4.0] Å with 5 spans, r_jk on [0.75, 8.0] Å with 10 spans). Engines
 * alternate in one JVM so machine load hits all alike; also the 3-body with the scalar contraction, with only the 21
 * Na-centred triples, with 3.5 Å arms (r_jk 7 Å), and the shipped {@code na-amide-borohydride-dft} with and without its
 * N-centred 3-body terms; prints ms per evaluation (best of the rounds)
 * and the ratio to Buckingham. Run: java --add-modules jdk.incubator.vector -cp CLASSPATH
 * org.paddlewheel.forcefield.ThreeBodyBench [rounds] [evals] [threads] [model]
 */
public final class ThreeBodyBench {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10, evals = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Structure s = TestCells.antiperovskite(1.0, 3, 7, 0.1);
        ForceField base = TestCells.model();
        ForceField two = SplineModels.model(1, 1.6, 5.5, 13, false);
        var json = SplineJson.withSplines(SplineJson.baseJson("na-amide-borohydride"), base, false,
                SplineModels.splines(base, 1, 1.6, 5.5, 13), null, "uf3-2+3");
        List<SplineTriple> ts = TripleModels.triples(base, 1, 1.5, 4.0, 5, 8.0);
        ForceField three = SplineJson.load(SplineJson.withTriples(json, base, ts), "uf3-2+3");
        ForceField na = SplineJson.load(SplineJson.withTriples(json.deepCopy(), base,
                ts.stream().filter(t -> t.centre() == base.speciesIndex("Na")).toList()), "uf3-2+3-Na");
        ForceField short35 = SplineJson.load(SplineJson.withTriples(json.deepCopy(), base, TripleModels.triples(base, 1, 1.5, 3.5, 5, 7.0)), "uf3-3.5");
        // the shipped DFT model (since session 27: 2-body splines + N- and B-centred triples with bonded arms, 3 Å) and its 2-body part
        ForceField dft = ForceField.resolve("na-amide-borohydride-dft");
        var dftJson = SplineJson.baseJson("na-amide-borohydride-dft");
        dftJson.remove("three_body");
        ForceField dft2 = SplineJson.load(dftJson, "na-amide-borohydride-dft 2-body part");
        ForceField[] ffs = {base, two, three, three, na, short35, dft2, dft};
        String[] names = {"buckingham", "uf3 2-body", "2+3 (126, 4 Å) scalar", "2+3 (126, 4 Å) SIMD", "2+3 (21 Na-centred, 4 Å)", "2+3 (126, 3.5 Å)",
                "shipped DFT, 2-body part", "shipped DFT (N,B-centred 3-body)"};
        if (args.length > 3) { // a candidate model (bundled name or JSON file) timed beside the others
            ffs = java.util.Arrays.copyOf(ffs, ffs.length + 1);
            ffs[ffs.length - 1] = ForceField.resolve(args[3]);
            names = java.util.Arrays.copyOf(names, names.length + 1);
            names[names.length - 1] = args[3];
        }
        int m = names.length;
        Cell cell = new Cell(s.lattice());
        double[] x = s.positions(), f = new double[3 * s.size()];
        ForceEngine[] eng = new ForceEngine[m];
        for (int k = 0; k < m; k++) {
            System.setProperty("paddlewheel.simd.threebody", k == 2 ? "false" : "true");
            eng[k] = new ForceEngine(Topology.build(ffs[k], s), cell, ForceEngine.Options.defaults().withThreads(threads));
            eng[k].compute(x, cell, f);
        }
        double[] best = new double[m];
        java.util.Arrays.fill(best, 1e9);
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < m; k++) {
                long t0 = System.nanoTime();
                for (int q = 0; q < evals; q++) {
                    x[0] += (q % 2 == 0 ? 1e-4 : -1e-4); // keep the list valid, defeat nothing-changed shortcuts
                    eng[k].compute(x, cell, f);
                }
                best[k] = Math.min(best[k], (System.nanoTime() - t0) * 1e-6 / evals);
            }
        }
        System.out.printf("%d atoms, %d thread(s), %d triples, simd pairs %s, best of %d rounds x %d evals:%n", s.size(), threads, ts.size(),
                Simd.pairsEnabled(), rounds, evals);
        for (int k = 0; k < m; k++) System.out.printf("  %-26s %8.3f ms/eval  ratio to buckingham %.2f%n", names[k], best[k], best[k] / best[0]);
        for (ForceEngine e : eng) e.close();
    }
}
