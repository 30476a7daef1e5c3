package org.paddlewheel.forcefield.fit;

import java.util.List;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Regularised linear least squares for a {@link Uf3Design}: minimises
 * w_E²·mean((ΔE/N)²) + mean(ΔF²) + w_S²·mean(Δσ²) + λ_r·|c|² + λ_c·Σ(c_{k−1} − 2c_k + c_{k+1})²
 * over the free spline coefficients c (eV) and the atom energies (eV; not penalised beyond a
 * 1e-10 ridge that only picks the minimum-norm split when element counts are collinear). The
 * second-difference (curvature) penalty is the one of UF3 (Xie et al. 2023) and includes the three
 * coefficients fixed to zero at r_cut. Data enter through per-quantity normal equations (AᵀA, Aᵀy),
 * so a new weight or penalty costs one Cholesky solve (Hipparchus; QR if not positive definite).
 */
public final class Uf3Solver {
    /**
     * Hyper-parameters: energy weight (Å/atom), stress weight (Å²), ridge and curvature penalties, and the relative
     * weight of the relative-energy groups' energy rows (dimensionless; 1 counts a scan or barrier frame's energy
     * difference like any other energy, w counts its squared error w times), and the factor on the energy rows of the
     * configurations in the validated energy-weight block ({@link Uf3FitOptions.WeightGrid#energy}; dimensionless, on top
     * of w_E or the relative weight), and the factor on the force rows of the configurations in the validated force-weight
     * block ({@link Uf3FitOptions#withForceWeightGrid}; dimensionless; the force term stays a mean, weighted by it), and the
     * factor on the rigid-body rows ({@link Uf3Design#rigidBodyWeight}; dimensionless, on top of the design's own weight,
     * so 1 leaves them as the design built them; {@code fit-ff --rigid-body-weight W1,W2,…} puts several in the grid).
     */
    public record Hyper(double energyWeight, double stressWeight, double ridge, double curvature, double relativeWeight, double gridWeight,
                        double forceGridWeight, double rigidWeight) {
        /** Rigid-body rows, if the design has any, at the design's weight (factor 1). */
        public Hyper(double energyWeight, double stressWeight, double ridge, double curvature, double relativeWeight, double gridWeight,
                     double forceGridWeight) {
            this(energyWeight, stressWeight, ridge, curvature, relativeWeight, gridWeight, forceGridWeight, 1);
        }

        /** No validated force-weight block (its factor 1). */
        public Hyper(double energyWeight, double stressWeight, double ridge, double curvature, double relativeWeight, double gridWeight) {
            this(energyWeight, stressWeight, ridge, curvature, relativeWeight, gridWeight, 1);
        }

        /** Relative-energy rows weighted like the others. */
        public Hyper(double energyWeight, double stressWeight, double ridge, double curvature) {
            this(energyWeight, stressWeight, ridge, curvature, 1);
        }

        /** No validated energy-weight block (its factor 1). */
        public Hyper(double energyWeight, double stressWeight, double ridge, double curvature, double relativeWeight) {
            this(energyWeight, stressWeight, ridge, curvature, relativeWeight, 1);
        }
    }

    /** Accumulated normal equations of a set of configurations. */
    public static final class Normal {
        final int p;
        final double[][] gE, gF, gS, gR;
        final double[] bE, bF, bS, bR;
        /** The energy rows of the validated block, absolute (X) and relative (XR); allocated only when a block exists. */
        double[][] gX, gXR;
        double[] bX, bXR;
        /** The force rows of the validated force-weight block; allocated only when one exists. */
        double[][] gFX;
        double[] bFX;
        /** The rigid-body rows, outside (RB) and inside (RBX) the validated force block; allocated only when a configuration has them. */
        double[][] gRB, gRBX;
        double[] bRB, bRBX;
        long nE, nF, nS, nR, nFX;

        /** Factor on each configuration's squared energy error (fit-ff --energy-weight-of; 1 for all by default). */
        final java.util.function.ToDoubleFunction<Uf3Design.Rows> energyWeight;

        public Normal(int columns) {
            this(columns, r -> 1);
        }

        /** Configurations whose energy rows go to the validated block (weighted by {@link Hyper#gridWeight} at solve time). */
        final java.util.function.Predicate<Uf3Design.Rows> grid;

        public Normal(int columns, java.util.function.ToDoubleFunction<Uf3Design.Rows> energyWeight) {
            this(columns, energyWeight, null);
        }

        /** Configurations whose force rows go to the validated force block (weighted by {@link Hyper#forceGridWeight} at solve time). */
        final java.util.function.Predicate<Uf3Design.Rows> forceGrid;

        public Normal(int columns, java.util.function.ToDoubleFunction<Uf3Design.Rows> energyWeight, java.util.function.Predicate<Uf3Design.Rows> grid) {
            this(columns, energyWeight, grid, null);
        }

        public Normal(int columns, java.util.function.ToDoubleFunction<Uf3Design.Rows> energyWeight, java.util.function.Predicate<Uf3Design.Rows> grid,
                      java.util.function.Predicate<Uf3Design.Rows> forceGrid) {
            p = columns;
            this.energyWeight = energyWeight;
            this.grid = grid;
            this.forceGrid = forceGrid;
            gE = new double[p][p]; gF = new double[p][p]; gS = new double[p][p]; gR = new double[p][p];
            bE = new double[p]; bF = new double[p]; bS = new double[p]; bR = new double[p];
        }

        /** Adds one configuration's rows. */
        public Normal add(Uf3Design.Rows r) {
            double w = energyWeight.applyAsDouble(r);
            if (grid != null && grid.test(r)) {
                if (gX == null) {
                    gX = new double[p][p]; gXR = new double[p][p]; bX = new double[p]; bXR = new double[p];
                }
                if (r.relativeEnergy()) {
                    addRow(gXR, bXR, r.energyRow(), r.energyTarget(), w);
                    nR++;
                } else {
                    addRow(gX, bX, r.energyRow(), r.energyTarget(), w);
                    nE++;
                }
            } else if (r.relativeEnergy()) {
                addRow(gR, bR, r.energyRow(), r.energyTarget(), w);
                nR++;
            } else {
                addRow(gE, bE, r.energyRow(), r.energyTarget(), w);
                nE++;
            }
            if (forceGrid != null && forceGrid.test(r)) {
                if (gFX == null) {
                    gFX = new double[p][p];
                    bFX = new double[p];
                }
                for (int k = 0; k < r.forceRows().length; k++) addRow(gFX, bFX, r.forceRows()[k], r.forceTarget()[k], 1);
                nFX += r.forceRows().length;
            } else {
                for (int k = 0; k < r.forceRows().length; k++) addRow(gF, bF, r.forceRows()[k], r.forceTarget()[k], 1);
                nF += r.forceRows().length;
            }
            if (r.rigidRows() != null) { // pre-weighted sums of force rows (Uf3Design#rigidBodyWeight): a block of their own, not counted
                if (gRB == null) {
                    gRB = new double[p][p]; gRBX = new double[p][p]; bRB = new double[p]; bRBX = new double[p];
                }
                boolean x = forceGrid != null && forceGrid.test(r);
                for (int k = 0; k < r.rigidRows().length; k++) addRow(x ? gRBX : gRB, x ? bRBX : bRB, r.rigidRows()[k], r.rigidTarget()[k], 1);
            }
            if (r.stressRows() != null) {
                for (int k = 0; k < 6; k++) addRow(gS, bS, r.stressRows()[k], r.stressTarget()[k], 1);
                nS += 6;
            }
            return this;
        }

        public static Normal of(int columns, List<Uf3Design.Rows> rows) {
            return of(columns, rows, r -> 1);
        }

        /** As above, each configuration's energy row weighted by {@code energyWeight} (its squared error counts that many times). */
        public static Normal of(int columns, List<Uf3Design.Rows> rows, java.util.function.ToDoubleFunction<Uf3Design.Rows> energyWeight) {
            return of(columns, rows, energyWeight, null);
        }

        /** As above, the energy rows of {@code grid}'s configurations in the validated block. */
        public static Normal of(int columns, List<Uf3Design.Rows> rows, java.util.function.ToDoubleFunction<Uf3Design.Rows> energyWeight,
                                java.util.function.Predicate<Uf3Design.Rows> grid) {
            Normal n = new Normal(columns, energyWeight, grid);
            for (Uf3Design.Rows r : rows) n.add(r);
            return n;
        }

        private void addRow(double[][] g, double[] b, double[] a0, double y, double w) {
            double[] a = a0;
            if (w != 1) { // w·aᵀa and w·aᵀy: the row and its target scaled by √w
                double sw = Math.sqrt(w);
                a = a0.clone();
                for (int k = 0; k < a.length; k++) a[k] *= sw;
                y *= sw;
            }
            int[] nz = new int[p];
            int m = 0;
            for (int k = 0; k < p; k++) if (a[k] != 0) nz[m++] = k;
            for (int u = 0; u < m; u++) {
                int i = nz[u];
                double ai = a[i];
                b[i] += ai * y;
                double[] gi = g[i];
                for (int v = 0; v < m; v++) gi[nz[v]] += ai * a[nz[v]];
            }
        }

        public boolean hasStress() { return nS > 0; }

        /** As {@link #of(int, List, java.util.function.ToDoubleFunction, java.util.function.Predicate)}, the force rows of {@code forceGrid}'s configurations in their own block. */
        public static Normal of(int columns, List<Uf3Design.Rows> rows, java.util.function.ToDoubleFunction<Uf3Design.Rows> energyWeight,
                                java.util.function.Predicate<Uf3Design.Rows> grid, java.util.function.Predicate<Uf3Design.Rows> forceGrid) {
            Normal n = new Normal(columns, energyWeight, grid, forceGrid);
            for (Uf3Design.Rows r : rows) n.add(r);
            return n;
        }
    }

    private Uf3Solver() {}

    /** Solves for the coefficient vector (columns of the design) under the given hyper-parameters. */
    public static double[] solve(Uf3Design design, Normal n, Hyper h) {
        int p = n.p;
        double[][] a = new double[p][p];
        double[] b = new double[p];
        // every energy row counts in the mean, so relativeWeight 1 is the plain fit
        double we = h.energyWeight() * h.energyWeight() / Math.max(1, n.nE + n.nR), wr = we * h.relativeWeight();
        // the force term is a mean over every component, the validated force block's counted forceGridWeight times each
        double wf = 1.0 / Math.max(1, n.nF + h.forceGridWeight() * n.nFX);
        double ws = n.nS == 0 ? 0 : h.stressWeight() * h.stressWeight() / n.nS;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) a[i][j] = we * n.gE[i][j] + wr * n.gR[i][j] + wf * n.gF[i][j] + ws * n.gS[i][j];
            b[i] = we * n.bE[i] + wr * n.bR[i] + wf * n.bF[i] + ws * n.bS[i];
        }
        if (n.gX != null) { // the validated block: its own factor on top of w_E or the relative weight
            double wx = we * h.gridWeight(), wxr = wr * h.gridWeight();
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) a[i][j] += wx * n.gX[i][j] + wxr * n.gXR[i][j];
                b[i] += wx * n.bX[i] + wxr * n.bXR[i];
            }
        }
        if (n.gFX != null) {
            double wfx = wf * h.forceGridWeight();
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) a[i][j] += wfx * n.gFX[i][j];
                b[i] += wfx * n.bFX[i];
            }
        }
        if (n.gRB != null && h.rigidWeight() != 0) { // the rigid-body rows weigh like force rows, times the hyper-parameter's factor
            double wrb = wf * h.rigidWeight(), wrbx = wrb * h.forceGridWeight();
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) a[i][j] += wrb * n.gRB[i][j] + wrbx * n.gRBX[i][j];
                b[i] += wrb * n.bRB[i] + wrbx * n.bRBX[i];
            }
        }
        int es = design.elementStart();
        for (int i = 0; i < es; i++) a[i][i] += h.ridge();
        for (int i = es; i < p; i++) a[i][i] += 1e-10 * (1 + a[i][i]);
        for (int s = 0; s < design.splines().size(); s++) {
            int c0 = design.start(s), nb = design.splines().get(s).basisSize(), free = design.splines().get(s).freeSize();
            for (int k = 0; k + 2 < nb; k++) {
                int[] idx = {k, k + 1, k + 2};
                double[] w = {1, -2, 1};
                for (int u = 0; u < 3; u++) {
                    if (idx[u] >= free) continue;
                    for (int v = 0; v < 3; v++) {
                        if (idx[v] >= free) continue;
                        a[c0 + idx[u]][c0 + idx[v]] += h.curvature() * w[u] * w[v];
                    }
                }
            }
        }
        design.tripleColumns().addCurvature(a, h.curvature());
        RealMatrix m = new Array2DRowRealMatrix(a, false);
        try {
            return new CholeskyDecomposition(m, 1e-9, 0).getSolver().solve(new ArrayRealVector(b, false)).toArray();
        } catch (MathIllegalArgumentException e) {
            return new QRDecomposition(m).getSolver().solve(new ArrayRealVector(b, false)).toArray();
        }
    }

    /** Root-mean-square errors of a coefficient vector on configurations: energy eV/atom, force eV/Å, stress eV/Å³ (NaN if none). */
    public static double[] rmse(List<Uf3Design.Rows> rows, double[] c) {
        return rmse(rows, c, null);
    }

    /**
     * As above, with energies counted only for configurations whose composition {@code span} holds (null: all); a
     * fourth element is the RMSE of the relative-energy groups' energy differences alone (eV/atom; NaN if none).
     */
    public static double[] rmse(List<Uf3Design.Rows> rows, double[] c, CompositionSpan span) {
        return rmseOf(sse(rows, c, span, null));
    }

    /** As {@link #rmse(List, double[], CompositionSpan)}, a fifth element the energy RMSE of the configurations {@code block} accepts. */
    public static double[] rmse(List<Uf3Design.Rows> rows, double[] c, CompositionSpan span, java.util.function.Predicate<Uf3Design.Rows> block) {
        return rmseOf(sse(rows, c, span, block));
    }

    /** As above, sixth and seventh the energy (eV/atom) and force (eV/Å) RMSEs of the configurations {@code group} accepts. */
    public static double[] rmse(List<Uf3Design.Rows> rows, double[] c, CompositionSpan span, java.util.function.Predicate<Uf3Design.Rows> block,
                                java.util.function.Predicate<Uf3Design.Rows> group) {
        return rmseOf(sse(rows, c, span, block, group));
    }

    /**
     * RMSEs {E, F, σ, E_rel, E_block, E_group, F_group, RB} of the sums of {@link #sse} (the fifth NaN without a validated
     * energy-weight block, the sixth and seventh NaN without a score group, the eighth NaN without rigid-body rows).
     */
    static double[] rmseOf(double[] a) {
        double[] r = new double[8];
        for (int q = 0; q < r.length; q++) r[q] = 2 * q + 1 >= a.length || a[2 * q + 1] == 0 ? Double.NaN : Math.sqrt(a[2 * q] / a[2 * q + 1]);
        return r;
    }

    /**
     * Sums of squared errors and their counts: {ΣΔE², n_E, ΣΔF², n_F, ΣΔσ², n_σ, ΣΔE²_rel, n_rel, ΣΔE²_block, n_block}
     * (units as {@link #rmse}; the relative pair over the relative-energy rows alone, the block pair over the configurations
     * {@code block} accepts (none when null); the first two include both).
     */
    static double[] sse(List<Uf3Design.Rows> rows, double[] c, CompositionSpan span, java.util.function.Predicate<Uf3Design.Rows> block) {
        return sse(rows, c, span, block, null);
    }

    /**
     * As above, and {ΣΔE²_group, n, ΣΔF²_group, n} of the configurations {@code group} accepts appended (zeros when null), and
     * last {Σ w q², Σ 3N} of the rigid-body rows (as the design weighted them at {@code fit-ff --rigid-body-weight 1}, w = 3N / rows
     * per configuration: the mean square of a configuration's rigid-body residuals, eV/Å for forces and eV for torques,
     * pooled over configurations by atom count; zeros without rigid-body rows).
     */
    static double[] sse(List<Uf3Design.Rows> rows, double[] c, CompositionSpan span, java.util.function.Predicate<Uf3Design.Rows> block,
                        java.util.function.Predicate<Uf3Design.Rows> group) {
        double se = 0, sf = 0, ss = 0, sr = 0, sx = 0, sge = 0, sgf = 0, srb = 0;
        long ne = 0, nf = 0, ns = 0, nr = 0, nx = 0, nge = 0, ngf = 0, nrb = 0;
        for (Uf3Design.Rows r : rows) {
            boolean inGroup = group != null && group.test(r);
            if (span == null || span.contains(r)) {
                double d = dot(r.energyRow(), c) - r.energyTarget();
                se += d * d;
                ne++;
                if (inGroup) {
                    sge += d * d;
                    nge++;
                }
                if (r.relativeEnergy()) {
                    sr += d * d;
                    nr++;
                }
                if (block != null && block.test(r)) {
                    sx += d * d;
                    nx++;
                }
            }
            for (int k = 0; k < r.forceRows().length; k++) {
                double q = dot(r.forceRows()[k], c) - r.forceTarget()[k];
                sf += q * q;
                nf++;
                if (inGroup) {
                    sgf += q * q;
                    ngf++;
                }
            }
            if (r.stressRows() != null) {
                for (int k = 0; k < 6; k++) {
                    double q = dot(r.stressRows()[k], c) - r.stressTarget()[k];
                    ss += q * q;
                    ns++;
                }
            }
            if (r.rigidRows() != null && r.rigidRows().length > 0) {
                for (int k = 0; k < r.rigidRows().length; k++) {
                    double q = dot(r.rigidRows()[k], c) - r.rigidTarget()[k];
                    srb += q * q;
                }
                nrb += r.forceRows().length; // the rows carry √(w_design · 3N / rows): Σ q² / 3N is w_design × their mean square
            }
        }
        return new double[] {se, ne, sf, nf, ss, ns, sr, nr, sx, nx, sge, nge, sgf, ngf, srb, nrb};
    }

    public static double dot(double[] a, double[] c) {
        double s = 0;
        for (int k = 0; k < a.length; k++) if (a[k] != 0) s += a[k] * c[k];
        return s;
    }
}
