package org.paddlewheel.relax;

import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;

/**
 * Structure relaxation by FIRE (Bitzek, Koskinen, Gähler, Moseler, Gumbsch, PRL 97, 170201 (2006)),
 * of positions and optionally of the cell under an external pressure. The cell is handled as in
 * ASE's {@code UnitCellFilter}: generalised coordinates are the positions mapped back through the
 * deformation gradient F (h = h0·Fᵀ) plus N·F, and the generalised cell force is
 * (W − P·V·I)·F⁻ᵀ / N, W the virial (eV). {@link CellMode#ISOTROPIC} keeps the cell shape (F = s·I).
 * Masses are unit (FIRE as a minimiser). Converged when every atomic force is below
 * {@code fmaxEvPerA} (eV/Å) and, with a mobile cell, every component of the stress plus P (GPa)
 * is below {@code stressTolGPa} in magnitude (isotropic: the pressure only). FIRE parameters are the
 * paper's (N_min 5, f_inc 1.1, f_dec 0.5, α_start 0.1, f_α 0.99) with a step of at most
 * {@code maxStepAngstrom}. The engine is rebuilt (new Ewald k-vectors) when the cell strains by more
 * than 5 % from the one it was built for.
 */
public final class Relaxation {
    /** Which cell degrees of freedom move. */
    public enum CellMode { FIXED, ISOTROPIC, FULL }

    /**
     * Settings: force tolerance (eV/Å), stress tolerance (GPa), cell mode, external pressure (GPa),
     * maximum FIRE steps, initial and maximum FIRE time step (FIRE units), largest step (Å), and the
     * atoms held fixed (0-based; their forces are neither followed nor counted in the force criterion,
     * as CP2K's FIXED_ATOMS in a relaxed-scan point), and the atoms whose Cartesian x alone is held (0-based;
     * CP2K's FIXED_ATOMS with COMPONENTS_TO_FIX X: a hopping ion kept on the dividing plane x = const of a hop
     * that runs along x; exact at fixed cell, where the relaxation moves atoms in Cartesian space).
     */
    public record Options(double fmaxEvPerA, double stressTolGPa, CellMode cell, double pressureGPa, int maxSteps,
                          double dt0, double dtMax, double maxStepAngstrom, ForceEngine.KSpace kspace, int[] fixedAtoms,
                          int[] fixedXAtoms) {
        public Options(double fmaxEvPerA, double stressTolGPa, CellMode cell, double pressureGPa, int maxSteps,
                       double dt0, double dtMax, double maxStepAngstrom, ForceEngine.KSpace kspace, int[] fixedAtoms) {
            this(fmaxEvPerA, stressTolGPa, cell, pressureGPa, maxSteps, dt0, dtMax, maxStepAngstrom, kspace, fixedAtoms, new int[0]);
        }

        public Options(double fmaxEvPerA, double stressTolGPa, CellMode cell, double pressureGPa, int maxSteps,
                       double dt0, double dtMax, double maxStepAngstrom, ForceEngine.KSpace kspace) {
            this(fmaxEvPerA, stressTolGPa, cell, pressureGPa, maxSteps, dt0, dtMax, maxStepAngstrom, kspace, new int[0]);
        }

        public static Options defaults() { return new Options(0.01, 0.01, CellMode.FIXED, 0, 5000, 0.1, 1.0, 0.2, ForceEngine.KSpace.AUTO); }

        /** Hold these atoms (0-based) where they are. */
        public Options withFixedAtoms(int[] atoms) {
            return new Options(fmaxEvPerA, stressTolGPa, cell, pressureGPa, maxSteps, dt0, dtMax, maxStepAngstrom, kspace, atoms.clone(), fixedXAtoms);
        }

        /** Hold only the Cartesian x coordinate of these atoms (0-based); needs a fixed cell. */
        public Options withFixedXAtoms(int[] atoms) {
            return new Options(fmaxEvPerA, stressTolGPa, cell, pressureGPa, maxSteps, dt0, dtMax, maxStepAngstrom, kspace, fixedAtoms, atoms.clone());
        }

        /** The reciprocal-space method of the force engine (auto: ForceEngine.autoUsesPme). */
        public Options withKSpace(ForceEngine.KSpace k) { return new Options(fmaxEvPerA, stressTolGPa, cell, pressureGPa, maxSteps, dt0, dtMax, maxStepAngstrom, k, fixedAtoms, fixedXAtoms); }

        public Options withFmax(double f) { return new Options(f, stressTolGPa, cell, pressureGPa, maxSteps, dt0, dtMax, maxStepAngstrom, kspace, fixedAtoms, fixedXAtoms); }

        public Options withStressTol(double s) { return new Options(fmaxEvPerA, s, cell, pressureGPa, maxSteps, dt0, dtMax, maxStepAngstrom, kspace, fixedAtoms, fixedXAtoms); }

        public Options withCell(CellMode m) { return new Options(fmaxEvPerA, stressTolGPa, m, pressureGPa, maxSteps, dt0, dtMax, maxStepAngstrom, kspace, fixedAtoms, fixedXAtoms); }

        public Options withPressure(double p) { return new Options(fmaxEvPerA, stressTolGPa, cell, p, maxSteps, dt0, dtMax, maxStepAngstrom, kspace, fixedAtoms, fixedXAtoms); }

        public Options withMaxSteps(int n) { return new Options(fmaxEvPerA, stressTolGPa, cell, pressureGPa, n, dt0, dtMax, maxStepAngstrom, kspace, fixedAtoms, fixedXAtoms); }
    }

    /**
     * The outcome: relaxed structure, potential energy (eV), largest atomic force (eV/Å), stress
     * tensor σ (GPa, xx yy zz xy xz yz, positive = tensile, no kinetic part), steps taken, converged.
     */
    public record Result(Structure structure, double energyEv, double maxForceEvPerA, double[] stressGPa, int steps,
                         boolean converged) {
        /** Pressure −tr σ / 3, GPa. */
        public double pressureGPa() { return -(stressGPa[0] + stressGPa[1] + stressGPa[2]) / 3; }

        /** Largest |σ_ab + P δ_ab|, GPa, for external pressure P. */
        public double maxStressResidualGPa(double pressure) {
            double m = 0;
            for (int k = 0; k < 6; k++) m = Math.max(m, Math.abs(stressGPa[k] + (k < 3 ? pressure : 0)));
            return m;
        }
    }

    private Relaxation() {}

    /** Energy, forces and stress of s without moving anything. */
    public static Result singlePoint(Structure s, ForceField ff) {
        return relax(s, ff, Options.defaults().withMaxSteps(0));
    }

    /** Relaxes s under ff. */
    public static Result relax(Structure s, ForceField ff, Options o) {
        Topology top = Topology.build(ff, s);
        int n = s.size();
        double[] h0 = s.lattice().rowMajor();
        double[] u = s.positions();             // positions in the reference frame: r = u·Fᵀ
        double[] fdef = {1, 0, 0, 0, 1, 0, 0, 0, 1}; // F, row-major
        boolean cellMoves = o.cell() != CellMode.FIXED;
        int nc = o.cell() == CellMode.FULL ? 9 : o.cell() == CellMode.ISOTROPIC ? 1 : 0;
        int dim = 3 * n + nc;
        double cellFactor = n;
        double[] v = new double[dim], g = new double[dim], x = new double[3 * n], f = new double[3 * n], h = new double[9];
        double[] w = new double[6];
        Cell cell = new Cell(h0);
        double[] hBuilt = h0.clone();
        ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withKSpace(o.kspace()));
        double dt = o.dt0(), alpha = 0.1;
        int nPos = 0, step = 0;
        double e = 0, fmax = 0;
        double[] stress = new double[6];
        boolean[] held = new boolean[n];
        for (int a : o.fixedAtoms()) {
            if (a < 0 || a >= n) throw new IllegalArgumentException("fixed atom " + a + " outside 0.." + (n - 1));
            held[a] = true;
        }
        boolean[] heldX = new boolean[n];
        for (int a : o.fixedXAtoms()) {
            if (a < 0 || a >= n) throw new IllegalArgumentException("x-fixed atom " + a + " outside 0.." + (n - 1));
            if (cellMoves) throw new IllegalArgumentException("atoms with only x held need a fixed cell");
            heldX[a] = true;
        }
        try {
            while (true) {
                // r = u·Fᵀ, h = h0·Fᵀ
                mulT(h0, fdef, h);
                for (int i = 0; i < n; i++) mulVecT(u, 3 * i, fdef, x, 3 * i);
                if (strain(hBuilt, h) > 0.05) {
                    eng.close();
                    cell = new Cell(h);
                    hBuilt = h.clone();
                    eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withKSpace(o.kspace()));
                } else {
                    cell.set(h);
                }
                e = eng.compute(x, cell, f);
                eng.virialInto(w);
                double vol = cell.volume();
                for (int k = 0; k < 6; k++) stress[k] = -w[k] / vol * Units.EV_PER_A3_TO_GPA;
                fmax = 0;
                for (int i = 0; i < n; i++) {
                    if (held[i]) { g[3 * i] = 0; g[3 * i + 1] = 0; g[3 * i + 2] = 0; continue; }
                    double fx = heldX[i] ? 0 : f[3 * i], fy = f[3 * i + 1], fz = f[3 * i + 2];
                    fmax = Math.max(fmax, Math.sqrt(fx * fx + fy * fy + fz * fz));
                    // generalised force on u: f·F (row vector)
                    for (int b = 0; b < 3; b++) g[3 * i + b] = fx * fdef[b] + fy * fdef[3 + b] + fz * fdef[6 + b];
                }
                double pv = o.pressureGPa() / Units.EV_PER_A3_TO_GPA * vol;
                double sres = 0;
                if (o.cell() == CellMode.FULL) {
                    double[] wm = {w[0] - pv, w[3], w[4], w[3], w[1] - pv, w[5], w[4], w[5], w[2] - pv};
                    double[] finvT = inverseTranspose(fdef);
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            double s2 = 0;
                            for (int c = 0; c < 3; c++) s2 += wm[3 * a + c] * finvT[3 * c + b];
                            g[3 * n + 3 * a + b] = s2 / cellFactor;
                        }
                    }
                    for (int k = 0; k < 6; k++) sres = Math.max(sres, Math.abs(stress[k] + (k < 3 ? o.pressureGPa() : 0)));
                } else if (o.cell() == CellMode.ISOTROPIC) {
                    g[3 * n] = (w[0] + w[1] + w[2] - 3 * pv) / fdef[0] / cellFactor;
                    sres = Math.abs((stress[0] + stress[1] + stress[2]) / 3 + o.pressureGPa());
                }
                boolean done = fmax < o.fmaxEvPerA() && (!cellMoves || sres < o.stressTolGPa());
                if (done || step >= o.maxSteps()) {
                    Structure out = s.withLattice(Lattice.fromRowMajor(h.clone())).withPositions(x.clone(), null);
                    return new Result(out, e, fmax, stress.clone(), step, done);
                }
                // FIRE update
                double vf = 0, vv = 0, ff2 = 0;
                for (int k = 0; k < dim; k++) { vf += v[k] * g[k]; vv += v[k] * v[k]; ff2 += g[k] * g[k]; }
                if (vf > 0) {
                    double mix = alpha * Math.sqrt(vv / Math.max(ff2, 1e-300));
                    for (int k = 0; k < dim; k++) v[k] = (1 - alpha) * v[k] + mix * g[k];
                    if (nPos > 5) { dt = Math.min(dt * 1.1, o.dtMax()); alpha *= 0.99; }
                    nPos++;
                } else {
                    java.util.Arrays.fill(v, 0);
                    alpha = 0.1;
                    dt *= 0.5;
                    nPos = 0;
                }
                double dr2 = 0;
                for (int k = 0; k < dim; k++) { v[k] += dt * g[k]; dr2 += dt * v[k] * dt * v[k]; }
                double scale = Math.sqrt(dr2) > o.maxStepAngstrom() ? o.maxStepAngstrom() / Math.sqrt(dr2) : 1;
                for (int k = 0; k < 3 * n; k++) u[k] += scale * dt * v[k];
                if (o.cell() == CellMode.FULL) {
                    for (int k = 0; k < 9; k++) fdef[k] += scale * dt * v[3 * n + k] / cellFactor;
                } else if (o.cell() == CellMode.ISOTROPIC) {
                    double sc = fdef[0] + scale * dt * v[3 * n] / cellFactor;
                    fdef[0] = sc; fdef[4] = sc; fdef[8] = sc;
                }
                step++;
            }
        } finally {
            eng.close();
        }
    }

    /** out = a·bᵀ for row-major 3x3. */
    private static void mulT(double[] a, double[] b, double[] out) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[3 * i + j] = a[3 * i] * b[3 * j] + a[3 * i + 1] * b[3 * j + 1] + a[3 * i + 2] * b[3 * j + 2];
            }
        }
    }

    /** out[o..o+2] = u[off..]·Fᵀ. */
    private static void mulVecT(double[] u, int off, double[] fdef, double[] out, int o) {
        for (int j = 0; j < 3; j++) out[o + j] = u[off] * fdef[3 * j] + u[off + 1] * fdef[3 * j + 1] + u[off + 2] * fdef[3 * j + 2];
    }

    private static double[] inverseTranspose(double[] m) {
        double d = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
        double[] c = new double[9]; // cofactor matrix / det = inverse transpose
        c[0] = (m[4] * m[8] - m[5] * m[7]) / d; c[1] = -(m[3] * m[8] - m[5] * m[6]) / d; c[2] = (m[3] * m[7] - m[4] * m[6]) / d;
        c[3] = -(m[1] * m[8] - m[2] * m[7]) / d; c[4] = (m[0] * m[8] - m[2] * m[6]) / d; c[5] = -(m[0] * m[7] - m[1] * m[6]) / d;
        c[6] = (m[1] * m[5] - m[2] * m[4]) / d; c[7] = -(m[0] * m[5] - m[2] * m[3]) / d; c[8] = (m[0] * m[4] - m[1] * m[3]) / d;
        return c;
    }

    /** Largest relative change of any cell-vector component scale between a and b. */
    private static double strain(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < 3; i++) {
            double la = Math.sqrt(a[3 * i] * a[3 * i] + a[3 * i + 1] * a[3 * i + 1] + a[3 * i + 2] * a[3 * i + 2]);
            for (int k = 0; k < 3; k++) m = Math.max(m, Math.abs(a[3 * i + k] - b[3 * i + k]) / la);
        }
        return m;
    }
}
