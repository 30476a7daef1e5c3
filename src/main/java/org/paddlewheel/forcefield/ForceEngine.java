package org.paddlewheel.forcefield;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Energy, forces and virial of a {@link Topology} under its force field: real-space pair loop
 * ({@link RealSpace}) over a Verlet {@link NeighbourList}, Ewald reciprocal and self terms
 * ({@link EwaldSum}), UF3 spline pairs ({@link SplineTerm}) and triples ({@link ThreeBodyTerm}), bonds, angles and intramolecular corrections ({@link Bonded}). Force loops run
 * on {@code threads} threads, each with its own force buffer, reduced in a fixed order (results are
 * reproducible for a given thread count). After setup nothing is allocated per call. Input:
 * unwrapped Cartesian positions (Å, 3N) and a {@link Cell}; output forces eV/Å, energies eV,
 * virial W_ab = −∂E/∂ε_ab (eV, order xx yy zz xy xz yz) so that the pressure tensor is
 * (Σ m v_a v_b + W_ab)/V.
 */
public final class ForceEngine implements AutoCloseable {
    /** How the reciprocal-space Coulomb sum is done: plain Ewald, smooth PME, or chosen by size. */
    public enum KSpace { EWALD, PME, AUTO }

    /**
     * Options: Verlet skin (Å), threads, enabled terms, an explicit Ewald setup (null = from
     * accuracy) and the reciprocal-space method.
     */
    public record Options(double skinAngstrom, int threads, Set<Term> terms, EwaldSum.Parameters ewald, KSpace kspace) {
        public Options(double skinAngstrom, int threads, Set<Term> terms, EwaldSum.Parameters ewald) {
            this(skinAngstrom, threads, terms, ewald, KSpace.EWALD);
        }

        /** Skin 1 Å, one thread, every term, Ewald set up from the model's accuracy, k-space chosen by size. */
        public static Options defaults() { return new Options(1.0, 1, EnumSet.allOf(Term.class), null, KSpace.AUTO); }

        public Options withThreads(int t) { return new Options(skinAngstrom, t, terms, ewald, kspace); }

        public Options withTerms(Set<Term> ts) { return new Options(skinAngstrom, threads, ts, ewald, kspace); }

        public Options withSkin(double s) { return new Options(s, threads, terms, ewald, kspace); }

        public Options withEwald(EwaldSum.Parameters p) { return new Options(skinAngstrom, threads, terms, p, kspace); }

        public Options withKSpace(KSpace k) { return new Options(skinAngstrom, threads, terms, ewald, k); }
    }

    /**
     * Atoms from which {@link KSpace#AUTO} uses PME: plain Ewald costs O(N·k-vectors) ≈ O(N^1.5) at
     * fixed accuracy, PME O(N p³ + K log K); measured here the crossover lies between the 270-atom
     * cell (Ewald faster) and a few thousand atoms.
     */
    public static final int PME_FROM_ATOMS = 1500;

    /**
     * {@link KSpace#AUTO}'s choice, shared by the engine and the LAMMPS export: PME from
     * {@link #PME_FROM_ATOMS} atoms. Below that Ewald stays: on the 270-atom x = 1 cell PME's 16³
     * mesh takes the packed real transform, and alternating runs in one minute gave PME 1,283–1,354
     * against Ewald 1,169–1,228 steps/s, but four benchmark runs later gave PME 968–1,255 against
     * Ewald 1,103–1,304: no difference this machine can resolve, so the default is left as it was.
     */
    public static boolean autoUsesPme(int atoms, Cell cell, double alpha, double accuracy, double sumQ2) {
        return atoms >= PME_FROM_ATOMS;
    }

    /** B-spline order of PME: measured at 270 atoms, order 4 needs a 30³ mesh and runs 2× slower, order 8 1.3× slower. */
    static final int PME_ORDER = 6;

    private final Topology top;
    private final int n, threads;
    private final Set<Term> terms;
    private final NeighbourList list;
    private final RealSpace real;
    private final SplineTerm spline;
    private final ThreeBodyTerm three;
    private final EwaldSum ewald;
    private final Pme pme;
    private final ErfcTable table;
    private final Bonded bonded;
    private final WorkerPool pool;
    private final double[][] buf;
    private final int[] pairSplit, atomSplit;
    private final double[] hLast = new double[9];
    private final double[] energies = new double[Term.values().length];
    private final double[] virial = new double[6];
    private final double[] recVirial = new double[6];
    /** Virial of the bonded terms when they run on a pair thread (PME overlap), eV. */
    private final double[] bondedVirial = new double[6];
    /** Unwrapped positions of the evaluation in progress (the bonded terms read them). */
    private double[] xNow;
    private final double cutoff;
    private final double maxMoleculeExtent;
    private final boolean doSpline, doThree;
    /** PME on thread 0 concurrently with the real-space pairs on threads 1…T−1 (see the constructor). */
    private final boolean overlapPme;
    private double pmeEnergy;
    private double[] x;
    private Cell cell;
    private final IntConsumer phase1, phase2;
    private boolean timing;
    private final long[] phaseNanos = new long[Phase.values().length];
    private long calls;

    /** Phases timed by {@link #setTiming} (wall time on the calling thread, thread 0's share for parallel phases). */
    public enum Phase { NEIGHBOUR_LIST, REAL_SPACE, STRUCTURE_FACTOR, RECIPROCAL_FORCES, BONDED, REDUCTION, PME }

    public ForceEngine(Topology top, Cell cell, Options options) {
        this.top = top;
        this.n = top.size();
        this.threads = options.threads();
        this.terms = EnumSet.copyOf(options.terms().isEmpty() ? EnumSet.noneOf(Term.class) : options.terms());
        ForceField ff = top.forceField;
        this.cutoff = ff.cutoffAngstrom();
        boolean charged = false;
        double qsq = 0;
        for (double q : top.charge) { charged |= q != 0; qsq += q * q; }
        this.three = new ThreeBodyTerm(top, threads);
        this.doThree = terms.contains(Term.SPLINE) && three.active();
        if (charged) {
            EwaldSum.Parameters p = options.ewald() != null ? options.ewald()
                    : EwaldSum.lammpsParameters(ff.ewaldAccuracy(), cutoff, n, qsq, cell);
            this.table = new ErfcTable(p.alpha(), cutoff + options.skinAngstrom() + 1);
            this.ewald = new EwaldSum(p, top.charge, cell, threads);
            boolean usePme = options.kspace() == KSpace.PME
                    || (options.kspace() == KSpace.AUTO && autoUsesPme(n, cell, p.alpha(), ff.ewaldAccuracy(), qsq));
            // With two or more threads PME runs whole on thread 0 while the others do the real-space
            // pairs (task overlap): PME's spreading and gather are memory-bound and did not scale
            // when split (measured 5.47 vs 5.51 ms at 3,430 atoms). PME is the longer task there (6.0 vs
            // 4.4 ms of pairs), so the last pair thread also takes the bonded terms and the second half
            // of PME's force gather (129.6 → ~145 steps/s at 3,430 atoms, 2 threads). Not with 3-body terms, whose
            // centres are split over all threads.
            this.overlapPme = usePme && threads >= 2 && !doThree && terms.contains(Term.COULOMB_RECIPROCAL);
            this.pool = new WorkerPool(threads);
            this.pme = usePme ? new Pme(PME_ORDER, pmeMesh(cell, p.alpha(), ff.ewaldAccuracy(), PME_ORDER, qsq, n), p.alpha(), top.charge, overlapPme ? null : pool) : null;
        } else {
            this.overlapPme = false;
            this.pool = new WorkerPool(threads);
            this.table = null;
            this.ewald = null;
            this.pme = null;
        }
        this.list = new NeighbourList(n, cutoff, options.skinAngstrom(), top.specialI, top.specialJ);
        this.real = new RealSpace(top, cutoff, table, terms.contains(Term.PAIR), terms.contains(Term.COULOMB_REAL), threads);
        this.spline = new SplineTerm(top, threads);
        this.bonded = new Bonded(top, table, real, spline);
        this.doSpline = terms.contains(Term.SPLINE) && spline.active();
        this.buf = new double[threads][];
        for (int t = 1; t < threads; t++) buf[t] = new double[3 * n];
        this.pairSplit = new int[threads + 1];
        this.atomSplit = new int[threads + 1];
        for (int t = 0; t <= threads; t++) atomSplit[t] = (int) ((long) n * t / threads);
        double ext = 0;
        for (var mk : ff.molecules()) ext = Math.max(ext, 2 * mk.maxBondAngstrom());
        this.maxMoleculeExtent = ext;
        hLast[0] = Double.NaN;
        phase1 = this::phase1;
        phase2 = this::phase2;
    }

    public Topology topology() { return top; }

    public NeighbourList neighbourList() { return list; }

    /** The Ewald sum, or null for an uncharged system. */
    public EwaldSum ewald() { return ewald; }

    /** The PME sum when it replaces Ewald's reciprocal part, else null. */
    public Pme pme() { return pme; }

    /**
     * PME mesh for splitting parameter α and relative accuracy ε (LAMMPS's meaning: RMS force error
     * ε·k_e/(1 Å)², k_e = e²/4πε₀). Per axis the smallest K with no prime factor above 5 (the sizes
     * FFTs do fastest; a power of two can be almost twice as large per axis) that meets two conditions:
     * the reciprocal Gaussian exp(−π²m²/α²) has decayed below ε at the Nyquist wave number K/(2L),
     * i.e. K ≥ 2αL·sqrt(ln(1/ε))/π; and the charge-assignment (aliasing) error of order-p splines,
     * Deserno and Holm's estimate (J. Chem. Phys. 109, 7694 (1998), eqs. 23 and 31 with their
     * Table I coefficients, as LAMMPS's PPPM uses it),
     * ΔF = k_eΣq² (hα)^p sqrt(αL sqrt(2π) Σ_m a_m^(p) (hα)^{2m} / N) / L² with h = L/K, is below
     * ε·k_e/2 (half the budget: smooth PME's influence function is not P3M's optimal one).
     * Checked against plain Ewald in PmeEngineTest.
     */
    static int[] pmeMesh(Cell cell, double alpha, double accuracy, int order, double sumQ2, int atoms) {
        int[] k = new int[3];
        double target = 0.5 * accuracy * org.paddlewheel.model.Units.COULOMB_EV_ANGSTROM;
        for (int i = 0; i < 3; i++) {
            double l = cell.width(i);
            double need = 2 * alpha * l * Math.sqrt(Math.log(1 / accuracy)) / Math.PI;
            int m = Math.max(8, order);
            while (m < need || !smooth(m) || assignmentError(l / m, l, atoms, order, alpha, sumQ2) > target) m++;
            k[i] = m;
        }
        return k;
    }

    /** Deserno–Holm coefficients a_m^(p) (their Table I; LAMMPS pppm.cpp "acons"), orders 1–7. */
    private static final double[][] ACONS = {
            {},
            {2.0 / 3.0},
            {1.0 / 50.0, 5.0 / 294.0},
            {1.0 / 588.0, 7.0 / 1440.0, 21.0 / 3872.0},
            {1.0 / 4320.0, 3.0 / 1936.0, 7601.0 / 2271360.0, 143.0 / 28800.0},
            {1.0 / 23232.0, 7601.0 / 13628160.0, 143.0 / 69120.0, 517231.0 / 106536960.0, 106640677.0 / 11737571328.0},
            {691.0 / 68140800.0, 13.0 / 57600.0, 47021.0 / 35512320.0, 9694607.0 / 2095994880.0, 733191589.0 / 59609088000.0,
                    326190917.0 / 11700633600.0},
            {1.0 / 345600.0, 3617.0 / 35512320.0, 745739.0 / 838397952.0, 56399353.0 / 12773376000.0, 25091609.0 / 1560084480.0,
                    1755948832039.0 / 36229939200000.0, 4887769399.0 / 37838389248.0}};

    /** Deserno–Holm RMS force error along one axis of length l (Å) with mesh spacing h (Å), eV/Å. */
    static double assignmentError(double h, double l, int atoms, int order, double alpha, double sumQ2) {
        int p = Math.min(order, 7);
        double sum = 0, ha = h * alpha;
        for (int m = 0; m < p; m++) sum += ACONS[p][m] * Math.pow(ha, 2 * m);
        double q2 = sumQ2 * org.paddlewheel.model.Units.COULOMB_EV_ANGSTROM;
        return q2 * Math.pow(ha, p) * Math.sqrt(alpha * l * Math.sqrt(2 * Math.PI) * sum / atoms) / (l * l);
    }

    /** True when m has no prime factor above 5. */
    static boolean smooth(int m) {
        for (int p : new int[] {2, 3, 5}) while (m % p == 0) m /= p;
        return m == 1;
    }

    public int threads() { return threads; }

    /**
     * Computes energies, forces (written into f, eV/Å) and virial for unwrapped positions x (Å) in
     * the given cell; returns the total energy (eV).
     */
    public double compute(double[] x, Cell cell, double[] f) {
        if (cell.minWidth() < 2 * maxMoleculeExtent) {
            throw new IllegalArgumentException(String.format("cell width %.3f Å is below twice the molecule extent %.3f Å;"
                    + " use a larger supercell", cell.minWidth(), maxMoleculeExtent));
        }
        this.x = x;
        this.cell = cell;
        this.xNow = x;
        boolean cellChanged = false;
        for (int k = 0; k < 9; k++) if (cell.h[k] != hLast[k]) { cellChanged = true; break; }
        if (cellChanged) {
            System.arraycopy(cell.h, 0, hLast, 0, 9);
            if (ewald != null) ewald.setCell(cell);
        }
        long t0 = timing ? System.nanoTime() : 0;
        if (list.update(x, cell, threads > 1 ? pool : null)) {
            splitPairs();
            real.listRebuilt(list);
        }
        if (doThree) three.gather(list, cell);
        if (timing) { long t1 = System.nanoTime(); phaseNanos[0] += t1 - t0; t0 = t1; calls++; }
        buf[0] = f;
        java.util.Arrays.fill(f, 0);
        for (int t = 1; t < threads; t++) java.util.Arrays.fill(buf[t], 0);
        java.util.Arrays.fill(energies, 0);
        boolean recip = ewald != null && terms.contains(Term.COULOMB_RECIPROCAL);
        java.util.Arrays.fill(recVirial, 0);
        generation++;
        recipNow = recip && pme != null;
        pool.run(phase1);
        if (overlapPme) {
            energies[Term.COULOMB_RECIPROCAL.ordinal()] = pmeEnergy;
        } else if (recip && pme != null) {
            // PME on the calling thread; its forces go straight into f (= buf[0]).
            long tp = timing ? System.nanoTime() : 0;
            energies[Term.COULOMB_RECIPROCAL.ordinal()] = pme.compute(list.xw, cell, f, recVirial);
            if (timing) phaseNanos[Phase.PME.ordinal()] += System.nanoTime() - tp;
        }
        double vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
        for (int t = 0; t < threads; t++) {
            energies[Term.PAIR.ordinal()] += real.ePair[t];
            energies[Term.COULOMB_REAL.ordinal()] += real.eCoul[t];
            vxx += real.virial[6 * t]; vyy += real.virial[6 * t + 1]; vzz += real.virial[6 * t + 2];
            vxy += real.virial[6 * t + 3]; vxz += real.virial[6 * t + 4]; vyz += real.virial[6 * t + 5];
            if (doSpline) {
                energies[Term.SPLINE.ordinal()] += spline.energy[t];
                vxx += spline.virial[6 * t]; vyy += spline.virial[6 * t + 1]; vzz += spline.virial[6 * t + 2];
                vxy += spline.virial[6 * t + 3]; vxz += spline.virial[6 * t + 4]; vyz += spline.virial[6 * t + 5];
            }
            if (doThree) {
                energies[Term.SPLINE.ordinal()] += three.energy[t];
                vxx += three.virial[6 * t]; vyy += three.virial[6 * t + 1]; vzz += three.virial[6 * t + 2];
                vxy += three.virial[6 * t + 3]; vxz += three.virial[6 * t + 4]; vyz += three.virial[6 * t + 5];
            }
        }
        virial[0] = vxx; virial[1] = vyy; virial[2] = vzz; virial[3] = vxy; virial[4] = vxz; virial[5] = vyz;
        if (recip && pme != null) {
            for (int k = 0; k < 6; k++) virial[k] += recVirial[k];
        } else if (recip) {
            energies[Term.COULOMB_RECIPROCAL.ordinal()] = ewald.reduce(recVirial);
            for (int k = 0; k < 6; k++) virial[k] += recVirial[k];
            if (timing) t0 = System.nanoTime();
            pool.run(phase2);
            if (timing) { long t1 = System.nanoTime(); phaseNanos[Phase.RECIPROCAL_FORCES.ordinal()] += t1 - t0; }
        }
        if (ewald != null && terms.contains(Term.COULOMB_SELF)) {
            energies[Term.COULOMB_SELF.ordinal()] = ewald.selfEnergy(cell.volume());
            double bg = ewald.backgroundVirial(cell.volume());
            virial[0] += bg; virial[1] += bg; virial[2] += bg;
        }
        if (timing) t0 = System.nanoTime();
        if (overlapPme) {
            // done by the last pair thread in phase 1, while thread 0 still ran PME
            for (int k = 0; k < 6; k++) virial[k] += bondedVirial[k];
        } else {
            runBonded(f, virial);
        }
        energies[Term.BOND.ordinal()] = bonded.eBond;
        energies[Term.ANGLE.ordinal()] = bonded.eAngle;
        energies[Term.COULOMB_EXCLUSION.ordinal()] = bonded.eExcl;
        energies[Term.PAIR.ordinal()] += bonded.ePair;
        energies[Term.SPLINE.ordinal()] += bonded.eSpline;
        if (timing) { long t1 = System.nanoTime(); phaseNanos[Phase.BONDED.ordinal()] += t1 - t0; t0 = t1; }
        for (int t = 1; t < threads; t++) {
            double[] b = buf[t];
            for (int k = 0; k < 3 * n; k++) f[k] += b[k];
        }
        if (timing) phaseNanos[Phase.REDUCTION.ordinal()] += System.nanoTime() - t0;
        double e = 0;
        for (double v : energies) e += v;
        return e;
    }

    private void phase1(int t) {
        double[] f = buf[t];
        boolean clock = timing && t == 0;
        long t0 = clock ? System.nanoTime() : 0;
        if (terms.contains(Term.PAIR) || terms.contains(Term.COULOMB_REAL)) {
            real.compute(t, pairSplit[t], pairSplit[t + 1], list, f);
        } else {
            real.ePair[t] = 0; real.eCoul[t] = 0;
            for (int k = 0; k < 6; k++) real.virial[6 * t + k] = 0;
        }
        long t1 = clock ? System.nanoTime() : 0;
        if (doSpline) spline.compute(t, pairSplit[t], pairSplit[t + 1], list, f);
        if (doThree) three.compute(t, f);
        if (ewald != null && pme == null && terms.contains(Term.COULOMB_RECIPROCAL)) {
            ewald.structureFactor(t, atomSplit[t], atomSplit[t + 1], list.xw, cell);
        }
        if (clock) {
            phaseNanos[Phase.REAL_SPACE.ordinal()] += t1 - t0;
            phaseNanos[Phase.STRUCTURE_FACTOR.ordinal()] += System.nanoTime() - t1;
        }
        if (overlapPme && t == threads - 1) {
            // The bonded terms (serial, ~5 % of a step) and the second half of PME's force gather
            // fill this pair thread's wait for PME on thread 0 (PME is the longer task from 1,500 atoms:
            // 6.0 against 4.4 ms of pairs at 3,430 atoms, measured).
            try {
                java.util.Arrays.fill(bondedVirial, 0);
                runBonded(f, bondedVirial);
                if (recipNow) {
                    awaitGeneration(0);
                    gatherNet1[0] = gatherNet1[1] = gatherNet1[2] = 0;
                    pme.gather(n / 2, n, f, gatherNet1);
                }
            } finally {
                gatherDone = generation; // also on failure, so thread 0 never waits forever
            }
        }
        if (overlapPme && t == 0 && recipNow) {
            // Thread 0 has no pairs in this mode (pairSplit[0] = pairSplit[1] = 0): it does PME.
            long tp = clock ? System.nanoTime() : 0;
            try {
                pmeEnergy = pme.meshPotential(list.xw, cell, recVirial);
            } finally {
                meshReady = generation;
            }
            double[] net = gatherNet0;
            net[0] = net[1] = net[2] = 0;
            pme.gather(0, n / 2, f, net);
            awaitGeneration(1);
            pme.subtractNetForce(f, net[0] + gatherNet1[0], net[1] + gatherNet1[1], net[2] + gatherNet1[2]);
            if (clock) phaseNanos[Phase.PME.ordinal()] += System.nanoTime() - tp;
        }
    }

    // Hand-over between thread 0 (PME) and the last pair thread inside one phase-1 run: the mesh
    // potential is ready (meshReady), the second half of the gather is done (gatherDone). Values
    // are the evaluation's generation; volatile writes publish the grid and the partial net force.
    private long generation;
    private volatile long meshReady, gatherDone;
    private boolean recipNow;
    private final double[] gatherNet0 = new double[3], gatherNet1 = new double[3];

    /** Spins (yielding after a while) until meshReady (which 0) or gatherDone (1) reaches this evaluation. */
    private void awaitGeneration(int which) {
        long g = generation;
        for (int spins = 0; (which == 0 ? meshReady : gatherDone) != g; spins++) {
            if (spins < 20_000) Thread.onSpinWait(); else Thread.yield();
        }
    }

    private void runBonded(double[] f, double[] vir) {
        bonded.compute(xNow, cell, f, vir, terms.contains(Term.BOND), terms.contains(Term.ANGLE),
                ewald != null && terms.contains(Term.COULOMB_EXCLUSION), terms.contains(Term.PAIR), doSpline);
    }

    private void phase2(int t) {
        ewald.forces(atomSplit[t], atomSplit[t + 1], buf[t]);
    }

    private void splitPairs() {
        int total = list.pairCount();
        // In PME-overlap mode thread 0 gets no pairs and threads 1…T−1 share them.
        int first = overlapPme ? 1 : 0, workers = threads - first;
        pairSplit[0] = 0;
        if (first == 1) pairSplit[1] = 0;
        int t = first + 1;
        for (int i = 0; i < n && t < threads; i++) {
            if (list.start[i] >= (long) total * (t - first) / workers) pairSplit[t++] = i;
        }
        while (t <= threads) pairSplit[t++] = n;
    }

    /** Switches per-phase wall-clock timers on or off (off by default; on costs a few System.nanoTime calls per evaluation). */
    public void setTiming(boolean on) { this.timing = on; }

    /** Accumulated wall time per {@link Phase} (ns), indexed by ordinal, since timing was switched on. */
    public long[] phaseNanos() { return phaseNanos.clone(); }

    /** Force evaluations timed so far. */
    public long timedCalls() { return calls; }

    /** One line per phase: name, ms per evaluation and share of the timed total. */
    public String timingReport() {
        long total = 0;
        for (long v : phaseNanos) total += v;
        StringBuilder sb = new StringBuilder();
        for (Phase ph : Phase.values()) {
            long v = phaseNanos[ph.ordinal()];
            sb.append(String.format(java.util.Locale.ROOT, "  %-18s %8.4f ms/eval %5.1f%%%n", ph.name().toLowerCase(java.util.Locale.ROOT),
                    calls == 0 ? 0 : v * 1e-6 / calls, total == 0 ? 0 : 100.0 * v / total));
        }
        sb.append(String.format(java.util.Locale.ROOT, "  %-18s %8.4f ms/eval (%d evaluations, %d list builds, %d pairs)%n", "force total",
                calls == 0 ? 0 : total * 1e-6 / calls, calls, list.builds(), list.pairCount()));
        // the list builds alone (the neighbour_list phase also holds the per-step displacement check),
        // the quantity LAMMPS's Neigh row times
        sb.append(String.format(java.util.Locale.ROOT, "  %-18s %8.4f ms/eval (list builds only)%n", "neighbour_builds",
                calls == 0 ? 0 : list.buildNanos() * 1e-6 / calls));
        if (pme != null) {
            int[] k = pme.mesh();
            sb.append(String.format(java.util.Locale.ROOT, "  PME mesh %d x %d x %d, order %d, α = %.4f Å⁻¹%n", k[0], k[1], k[2], pme.order(), ewald.parameters().alpha()));
        }
        return sb.toString();
    }

    /** Energy of one term from the last {@link #compute}, eV. */
    public double energy(Term t) { return energies[t.ordinal()]; }

    /** Virial from the last compute, eV: xx yy zz xy xz yz. */
    public double[] virial() { return virial.clone(); }

    /** Copies the virial into out[0..5]. */
    public void virialInto(double[] out) { System.arraycopy(virial, 0, out, 0, 6); }

    @Override
    public void close() { pool.close(); }
}
