package org.paddlewheel.analysis;

import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Time-averaged probability density of selected atoms on a periodic grid: each frame, positions are
 * converted to fractional coordinates of the frame's cell (so NPT runs fold correctly), optionally
 * multiplied by fold factors (n1, n2, n3) to fold a supercell onto its primitive cell, wrapped
 * into [0, 1), and binned (nearest grid point, grid points at i/n along each axis). {@link #density}
 * applies an optional periodic Gaussian smoothing (σ in Å, separable along the three cell axes,
 * exact for orthogonal cells, an approximation for strongly skewed ones) and normalises so that
 * Σ ρ·ΔV = 1 over the (folded) cell: ρ in 1/Å³, a probability density per atom. Memory: the grid only.
 */
public final class DensityMap {
    private final int[] n;
    private final int[] fold;
    private final int[] atoms;
    private final double[] counts;
    private final double[] f = new double[3];
    private final double[] latticeSum = new double[9];
    private long frames;

    /** Grid of n[0]×n[1]×n[2] points over the folded cell; atoms to bin; fold factors (1,1,1 = whole cell). */
    public DensityMap(int[] gridPoints, int[] foldFactors, int[] atoms) {
        this.n = gridPoints.clone();
        this.fold = foldFactors.clone();
        this.atoms = atoms.clone();
        for (int k = 0; k < 3; k++) if (n[k] < 1 || fold[k] < 1) throw new IllegalArgumentException("grid and fold must be ≥ 1");
        this.counts = new double[n[0] * n[1] * n[2]];
    }

    /** Grid points giving a spacing of about {@code spacingA} Å along each axis of the folded cell. */
    public static int[] gridFor(Lattice lattice, int[] fold, double spacingA) {
        int[] g = new int[3];
        for (int k = 0; k < 3; k++) g[k] = Math.max(1, (int) Math.round(lattice.length(k) / fold[k] / spacingA));
        return g;
    }

    /** Bins the tracked atoms of one frame. */
    public void accept(Structure s) {
        Lattice lat = s.lattice();
        for (int a : atoms) {
            lat.toFractional(s.x(a, 0), s.x(a, 1), s.x(a, 2), f, 0);
            int idx = 0;
            for (int k = 0; k < 3; k++) {
                double u = f[k] * fold[k];
                u -= Math.floor(u);
                int i = (int) Math.round(u * n[k]) % n[k];
                idx = idx * n[k] + i;
            }
            counts[idx]++;
        }
        double[] m = lat.rowMajor();
        for (int i = 0; i < 9; i++) latticeSum[i] += m[i];
        frames++;
    }

    /** Frames binned. */
    public long frames() { return frames; }

    /** Grid dimensions. */
    public int[] gridPoints() { return n.clone(); }

    /** The mean cell of the frames folded by the fold factors (the cell the grid spans). */
    public Lattice foldedCell() {
        double[] m = new double[9];
        for (int i = 0; i < 9; i++) m[i] = latticeSum[i] / frames / fold[i / 3];
        return Lattice.fromRowMajor(m);
    }

    /** Normalised density on the grid (index (i·n1 + j)·n2 + k), 1/Å³, after Gaussian smoothing of σ Å (0: none). */
    public double[] density(double sigmaA) {
        double[] g = counts.clone();
        Lattice cell = foldedCell();
        if (sigmaA > 0) {
            for (int axis = 0; axis < 3; axis++) smooth(g, axis, sigmaA / (cell.length(axis) / n[axis]));
        }
        double total = 0;
        for (double v : g) total += v;
        double dv = cell.volume() / g.length;
        if (total > 0) for (int i = 0; i < g.length; i++) g[i] /= total * dv;
        return g;
    }

    /** Periodic 1-D Gaussian convolution along one axis, σ in grid steps (kernel normalised to 1). */
    private void smooth(double[] g, int axis, double sigma) {
        int len = n[axis];
        int half = Math.min(len / 2, (int) Math.ceil(4 * sigma));
        double[] kern = new double[2 * half + 1];
        double ks = 0;
        for (int i = -half; i <= half; i++) { kern[i + half] = Math.exp(-0.5 * i * i / (sigma * sigma)); ks += kern[i + half]; }
        for (int i = 0; i < kern.length; i++) kern[i] /= ks;
        int stride = axis == 2 ? 1 : axis == 1 ? n[2] : n[1] * n[2];
        double[] line = new double[len], out = new double[len];
        for (int base = 0; base < g.length; base++) {
            if ((base / stride) % len != 0) continue;  // first point of each line along the axis
            for (int i = 0; i < len; i++) line[i] = g[base + i * stride];
            for (int i = 0; i < len; i++) {
                double s = 0;
                for (int j = -half; j <= half; j++) s += kern[j + half] * line[Math.floorMod(i + j, len)];
                out[i] = s;
            }
            for (int i = 0; i < len; i++) g[base + i * stride] = out[i];
        }
    }
}
