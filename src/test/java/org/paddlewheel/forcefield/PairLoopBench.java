package org.paddlewheel.forcefield;

import org.paddlewheel.model.Structure;

/**
 * In-process A/B timing of force evaluations on the 270-atom x = 1 3x3x3 benchmark cell (not a test):
 * engines with the scalar and the SIMD pair loop are timed alternately in one JVM, so machine load
 * hits both alike. Run: java --add-modules jdk.incubator.vector -cp target/paddlewheel.jar:target/test-classes
 * org.paddlewheel.forcefield.PairLoopBench [rounds] [evals]
 */
public final class PairLoopBench {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5, evals = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Structure s = TestCells.antiperovskite(1.0, 3, 7, 0.1);
        Topology top = Topology.build(TestCells.model(), s);
        Cell cell = new Cell(s.lattice());
        double[] x = s.positions();
        String[] names = {"scalar", "simd"};
        ForceEngine[] eng = new ForceEngine[2];
        double[][] f = new double[2][3 * s.size()];
        double[] e = new double[2];
        for (int k = 0; k < 2; k++) {
            System.setProperty("paddlewheel.simd.pairs", k == 1 ? "true" : "false");
            eng[k] = new ForceEngine(top, cell, ForceEngine.Options.defaults());
            e[k] = eng[k].compute(x, cell, f[k]);
        }
        double ss = 0;
        for (int i = 0; i < f[0].length; i++) ss += (f[0][i] - f[1][i]) * (f[0][i] - f[1][i]);
        System.out.printf("E scalar %.10f simd %.10f rel %.2g; pair %.8f / %.8f, coul %.8f / %.8f; force RMS diff %.2g%n", e[0], e[1],
                Math.abs(e[0] - e[1]) / Math.abs(e[0]), eng[0].energy(Term.PAIR), eng[1].energy(Term.PAIR),
                eng[0].energy(Term.COULOMB_REAL), eng[1].energy(Term.COULOMB_REAL), Math.sqrt(ss / s.size()));
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                ForceEngine en = eng[k];
                en.setTiming(r == rounds - 1);
                com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
                long a0 = mx.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                for (int q = 0; q < evals; q++) en.compute(x, cell, f[k]);
                double ms = (System.nanoTime() - t0) * 1e-6 / evals;
                long alloc = (mx.getCurrentThreadAllocatedBytes() - a0) / evals;
                long tb = System.nanoTime();
                int nb = evals / 10;
                for (int q = 0; q < nb; q++) { en.neighbourList().invalidate(); en.compute(x, cell, f[k]); }
                double msb = (System.nanoTime() - tb) * 1e-6 / nb - ms;
                System.out.printf("round %d %-6s %.4f ms/eval (%d B allocated/eval), list build ~%.3f ms%n", r, names[k], ms, alloc, msb);
            }
        }
        for (int k = 0; k < 2; k++) System.out.print(names[k] + " (last round):\n" + eng[k].timingReport());
        for (ForceEngine en : eng) en.close();
    }
}
