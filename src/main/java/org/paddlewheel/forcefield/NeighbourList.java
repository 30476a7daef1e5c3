package org.paddlewheel.forcefield;

import java.util.Arrays;

/**
 * Verlet neighbour list with skin, built from a cell (bin) list, that works for any cut-off and any
 * triclinic cell: every pair entry (i, j, n) carries the lattice image n, so a cut-off longer than
 * half the cell width simply lists several images of the same atom (and images of an atom itself)
 * — a sum over images, never a silently truncated minimum image. Half list: each pair once, found
 * from the atom whose bin sees the other at a lexicographically positive bin offset (same bin and
 * image: j &gt; i), so j may be below i; a self image (j = i) appears for n lexicographically positive. Between rebuilds the atoms keep the image
 * offsets of the last build, so wrapped positions {@link #xw} move continuously; the list is rebuilt
 * when an atom moved more than half the skin (relative to the affinely strained reference) or the
 * cell strained enough to bring an unlisted pair inside the cut-off (Frenkel &amp; Smit, app. F).
 * Intramolecular pairs given as exclusions are left out when they are the minimum image. Arrays
 * grow only when the list outgrows them; no allocation otherwise.
 */
public final class NeighbourList {
    private final int n;
    private final double cutoff, skin;
    /** Wrapped positions (Å) consistent with the image shifts of the current list. */
    public final double[] xw;
    private final int[] img;
    private final double[] fRef;
    private final int[] exStart, exJ;
    private final int[] group; // connected component of the exclusion graph: pairs in different groups are never excluded
    /** CSR list: pairs of atom i are [start[i], start[i+1]). */
    public final int[] start;
    public int[] pairJ = new int[16];
    public int[] pairCode = new int[16];
    /** Cartesian shift (Å) of image code c: shift[3c..3c+2]. */
    public double[] shift = new double[3];
    private int imageRange = -1; // M: images n in [-M, M]^3
    private int[] binStart = new int[2], binAtoms;
    private int[] atomBin;
    private int builds;
    private boolean valid;

    /**
     * @param atoms         number of atoms
     * @param cutoff        interaction cut-off, Å
     * @param skin          skin, Å
     * @param exclusionI    intramolecular pairs left out of the list (with exclusionJ)
     */
    public NeighbourList(int atoms, double cutoff, double skin, int[] exclusionI, int[] exclusionJ) {
        this.n = atoms;
        this.cutoff = cutoff;
        this.skin = skin;
        this.xw = new double[3 * atoms];
        this.img = new int[3 * atoms];
        this.fRef = new double[3 * atoms];
        this.start = new int[atoms + 1];
        this.binAtoms = new int[atoms];
        this.atomBin = new int[atoms];
        int[] cnt = new int[atoms + 1];
        for (int k = 0; k < exclusionI.length; k++) { cnt[exclusionI[k]]++; cnt[exclusionJ[k]]++; }
        exStart = new int[atoms + 1];
        for (int i = 0; i < atoms; i++) exStart[i + 1] = exStart[i] + cnt[i];
        exJ = new int[exStart[atoms]];
        int[] fill = Arrays.copyOf(exStart, atoms);
        for (int k = 0; k < exclusionI.length; k++) {
            exJ[fill[exclusionI[k]]++] = exclusionJ[k];
            exJ[fill[exclusionJ[k]]++] = exclusionI[k];
        }
        group = new int[atoms];
        for (int i = 0; i < atoms; i++) group[i] = i;
        for (int k = 0; k < exclusionI.length; k++) {
            int a = root(exclusionI[k]), b = root(exclusionJ[k]);
            if (a != b) group[Math.max(a, b)] = Math.min(a, b);
        }
        for (int i = 0; i < atoms; i++) group[i] = root(i);
    }

    private int root(int i) {
        while (group[i] != i) i = group[i];
        return i;
    }

    public double cutoff() { return cutoff; }

    public double skin() { return skin; }

    /** Number of list builds so far. */
    public int builds() { return builds; }

    /** Wall time spent in list builds so far (binning, search, merge; not the per-step displacement check), ns. */
    public long buildNanos() { return buildNanos; }

    private long buildNanos;

    /** Number of listed pairs. */
    public int pairCount() { return start[n]; }

    /** Forces a rebuild at the next {@link #update}. */
    public void invalidate() { valid = false; }

    /**
     * Brings the list up to date for unwrapped positions x (Å) in {@code cell}: refreshes the
     * wrapped positions and the image shifts, and rebuilds if needed. Returns true if rebuilt.
     */
    public boolean update(double[] x, Cell cell) { return update(x, cell, null); }

    /**
     * As {@link #update(double[], Cell)}, splitting a rebuild's pair search over {@code pool}'s threads
     * (null: the calling thread only). The list is the same, pair for pair, whatever the thread count.
     */
    public boolean update(double[] x, Cell cell, WorkerPool pool) {
        boolean rebuild = !valid || needsRebuild(x, cell);
        if (rebuild) {
            long t0 = System.nanoTime();
            build(x, cell, pool);
            buildNanos += System.nanoTime() - t0;
        }
        return rebuild;
    }

    private void refresh(double[] x, Cell cell) {
        double[] h = cell.h;
        for (int i = 0; i < n; i++) {
            int o = 3 * i;
            double a = img[o], b = img[o + 1], c = img[o + 2];
            xw[o] = x[o] - a * h[0] - b * h[3] - c * h[6];
            xw[o + 1] = x[o + 1] - a * h[1] - b * h[4] - c * h[7];
            xw[o + 2] = x[o + 2] - a * h[2] - b * h[5] - c * h[8];
        }
        fillShifts(h);
    }

    private boolean needsRebuild(double[] x, Cell cell) {
        refresh(x, cell);
        double[] h = cell.h;
        // strain E = hRef^-1 h - I bounds the affine change of any listed vector: |Δd| <= ||E|| |d|
        double strain = 0;
        Cell ref = refCell;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = ref.hInv[3 * i] * h[j] + ref.hInv[3 * i + 1] * h[3 + j] + ref.hInv[3 * i + 2] * h[6 + j];
                if (i == j) s -= 1;
                strain += s * s;
            }
        }
        double affine = Math.sqrt(strain) * (cutoff + skin);
        double maxD2 = 0;
        for (int i = 0; i < n; i++) {
            int o = 3 * i;
            double f0 = fRef[o], f1 = fRef[o + 1], f2 = fRef[o + 2];
            double dx = xw[o] - (f0 * h[0] + f1 * h[3] + f2 * h[6]);
            double dy = xw[o + 1] - (f0 * h[1] + f1 * h[4] + f2 * h[7]);
            double dz = xw[o + 2] - (f0 * h[2] + f1 * h[5] + f2 * h[8]);
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > maxD2 || d2 != d2) maxD2 = d2; // a NaN sticks (nothing compares above it), so it forces the rebuild that reports it
        }
        return !(2 * Math.sqrt(maxD2) + affine <= skin);
    }

    private final Cell refCell = new Cell(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});

    private void fillShifts(double[] h) {
        int m = imageRange, side = 2 * m + 1;
        for (int a = -m; a <= m; a++) {
            for (int b = -m; b <= m; b++) {
                for (int c = -m; c <= m; c++) {
                    int code = ((a + m) * side + (b + m)) * side + (c + m);
                    shift[3 * code] = a * h[0] + b * h[3] + c * h[6];
                    shift[3 * code + 1] = a * h[1] + b * h[4] + c * h[7];
                    shift[3 * code + 2] = a * h[2] + b * h[5] + c * h[8];
                }
            }
        }
    }

    /** Largest cell width (Å) the list accepts: far beyond any simulation cell, far below a bin-count overflow. */
    static final double MAX_WIDTH_A = 1e5;

    private static IllegalStateException unstable(String what) {
        return new IllegalStateException("the simulation has become unstable: " + what + " (a force field driven outside its data, or a"
                + " time step or barostat too fast for it)");
    }

    private void build(double[] x, Cell cell, WorkerPool pool) {
        builds++;
        valid = true;
        double rcs = cutoff + skin, rcs2 = rcs * rcs;
        double[] h = cell.h;
        refCell.set(h);
        int[] nb = new int[3], range = new int[3];
        int maxShift = 0;
        for (int d = 0; d < 3; d++) {
            // a cell grown past any physical size (a barostat driven by a diverging pressure) would overflow the bin count
            if (!(cell.width(d) < MAX_WIDTH_A)) throw unstable(String.format(java.util.Locale.ROOT, "the cell's width %d is %.4g Å", d + 1, cell.width(d)));
        }
        for (int d = 0; d < 3; d++) {
            nb[d] = Math.max(1, (int) Math.floor(BIN_FACTOR * cell.width(d) / rcs));
            range[d] = (int) Math.ceil(rcs * nb[d] / cell.width(d));
            maxShift = Math.max(maxShift, (range[d] + nb[d] - 1) / nb[d] + 1);
        }
        if (maxShift != imageRange) {
            imageRange = maxShift;
            int side = 2 * maxShift + 1;
            shift = new double[3 * side * side * side];
        }
        int bins = nb[0] * nb[1] * nb[2];
        if (binStart.length < bins + 1) binStart = new int[bins + 1];
        Arrays.fill(binStart, 0, bins + 1, 0);
        for (int i = 0; i < n; i++) {
            int o = 3 * i, bin = 0;
            for (int d = 0; d < 3; d++) {
                double f = cell.fractional(x[o], x[o + 1], x[o + 2], d);
                if (!Double.isFinite(f)) throw unstable("atom " + (i + 1) + " has a non-finite position");
                double fl = Math.floor(f);
                img[o + d] = (int) fl;
                double w = f - fl;
                fRef[o + d] = w;
                int b = Math.min(nb[d] - 1, (int) (w * nb[d]));
                bin = bin * nb[d] + b;
            }
            atomBin[i] = bin;
            binStart[bin + 1]++;
        }
        for (int b = 0; b < bins; b++) binStart[b + 1] += binStart[b];
        int[] fill = Arrays.copyOf(binStart, bins);
        for (int i = 0; i < n; i++) binAtoms[fill[atomBin[i]]++] = i;
        refresh(x, cell);
        // Coordinates in bin order (structure of arrays), so a bin's candidates are contiguous in memory.
        if (binX.length < n) { binX = new double[n]; binY = new double[n]; binZ = new double[n]; binGroup = new int[n]; }
        for (int q = 0; q < n; q++) {
            int j = binAtoms[q];
            binX[q] = xw[3 * j]; binY[q] = xw[3 * j + 1]; binZ[q] = xw[3 * j + 2];
            binGroup[q] = group[j];
        }
        halfW2 = 0.25 * cell.minWidth() * cell.minWidth();
        this.nbBuild = nb;
        this.rangeBuild = range;
        stencil.build(nb, range, imageRange, cell, cutoff + skin);
        int threads = pool == null ? 1 : pool.threads();
        if (threads == 1) {
            Pairs all = new Pairs(pairJ, pairCode);
            int p = search(0, n, all, 0);
            pairJ = all.j;
            pairCode = all.code;
            start[n] = p;
            return;
        }
        // With the half stencil every atom has about the same number of partners: equal atom ranges.
        if (parts == null || parts.length != threads) {
            parts = new Pairs[threads];
            for (int t = 0; t < threads; t++) parts[t] = new Pairs(new int[16], new int[16]);
            partEnd = new int[threads];
        }
        int[] lo = new int[threads + 1];
        for (int t = 0; t <= threads; t++) lo[t] = (int) ((long) n * t / threads);
        lo[threads] = n;
        // Thread 0 writes straight into the list; the others into their own buffers, which they then
        // copy behind it in a second parallel phase (a serial merge copied 8 MB at 10,000 atoms).
        parts[0].j = pairJ;
        parts[0].code = pairCode;
        pool.run(t -> partEnd[t] = search(lo[t], lo[t + 1], parts[t], 0));
        int total = 0;
        int[] base = new int[threads];
        for (int t = 0; t < threads; t++) { base[t] = total; total += partEnd[t]; }
        pairJ = parts[0].j;
        pairCode = parts[0].code;
        if (pairJ.length < total) {
            pairJ = Arrays.copyOf(pairJ, total + total / 8);
            pairCode = Arrays.copyOf(pairCode, pairJ.length);
        }
        final int[] dj = pairJ, dc = pairCode;
        pool.run(t -> {
            if (t == 0) return;
            System.arraycopy(parts[t].j, 0, dj, base[t], partEnd[t]);
            System.arraycopy(parts[t].code, 0, dc, base[t], partEnd[t]);
            for (int i = lo[t]; i < lo[t + 1]; i++) start[i] += base[t];
        });
        parts[0].j = NONE; // the list's arrays belong to the list again
        parts[0].code = NONE;
        start[n] = total;
    }

    /** Growable pair arrays of one thread. */
    private static final class Pairs {
        int[] j, code;

        Pairs(int[] j, int[] code) { this.j = j; this.code = code; }
    }

    private Pairs[] parts;
    private static final int[] NONE = new int[0];
    /** Wrapped coordinates in bin order (binAtoms order). */
    private double[] binX = new double[0], binY = new double[0], binZ = new double[0];
    /** Exclusion group (connected component) of each atom in bin order. */
    private int[] binGroup = new int[0];
    private int[] partEnd;
    private int[] nbBuild, rangeBuild;
    private double halfW2;

    /**
     * Lists the partners of atoms [i0, i1) into {@code out} from index {@code p}, setting start[i]
     * relative to {@code out}; returns the end index. Reads only shared state fixed by the build.
     */
    private int search(int i0, int i1, Pairs out, int p) {
        double rcs = cutoff + skin, rcs2 = rcs * rcs;
        final int nb0 = nbBuild[0], nb1 = nbBuild[1], nb2 = nbBuild[2], ra0 = rangeBuild[0], ra1 = rangeBuild[1], ra2 = rangeBuild[2];
        final OctantStencil sc = stencil;
        final double exclusionR2 = Math.min(halfW2, rcs2);
        int[] pj = out.j, pc = out.code;
        for (int i = i0; i < i1; i++) {
            start[i] = p;
            int o = 3 * i;
            int bin = atomBin[i];
            final int gi = group[i];
            double xi = xw[o], yi = xw[o + 1], zi = xw[o + 2];
            final int b0 = sc.homeBin0[bin], b1 = sc.homeBin1[bin], b2 = sc.homeBin2[bin];
            final int oct = (fRef[o] * nb0 - b0 >= 0.5 ? 4 : 0) + (fRef[o + 1] * nb1 - b1 >= 0.5 ? 2 : 0) + (fRef[o + 2] * nb2 - b2 >= 0.5 ? 1 : 0);
            for (int st = sc.octStart[oct], ste = sc.octStart[oct + 1]; st < ste; st++) {
                        final int k0 = b0 + sc.octOff[3 * st] + ra0, k1 = b1 + sc.octOff[3 * st + 1] + ra1, k2 = b2 + sc.octOff[3 * st + 2] + ra2;
                        int code = sc.wrapCode0[k0] + sc.wrapCode1[k1] + sc.wrapCode2[k2];
                        double sx = shift[3 * code], sy = shift[3 * code + 1], sz = shift[3 * code + 2];
                        int nbBin = sc.wrapBin0[k0] + sc.wrapBin1[k1] + sc.wrapBin2[k2];
                        int q = binStart[nbBin], qe = binStart[nbBin + 1];
                        if (st == sc.octStart[oct]) {
                            // The zero offset (listed first): atoms of a bin are stored in ascending order, start after i.
                            if (q == qe || binAtoms[qe - 1] <= i) continue;
                            for (int hi = qe; q < hi; ) {
                                int mid = (q + hi) >>> 1;
                                if (binAtoms[mid] <= i) q = mid + 1; else hi = mid;
                            }
                        }
                        final double ox = sx - xi, oy = sy - yi, oz = sz - zi;
                        final double[] bx = binX, by = binY, bz = binZ;
                        final int[] bg = binGroup;
                        if (p + (qe - q) > pj.length) {
                            int cap = Math.max(2 * pj.length, p + (qe - q));
                            pj = Arrays.copyOf(pj, cap);
                            pc = Arrays.copyOf(pc, cap);
                            out.j = pj;
                            out.code = pc;
                        }
                        // Branch-free append (every candidate is written, the end advances only when it
                        // is inside the radius): about one candidate in six is, so a branch would be
                        // mispredicted often. The exclusion test is rarely true and stays a branch.
                        for (; q < qe; q++) {
                            double dx = bx[q] + ox, dy = by[q] + oy, dz = bz[q] + oz;
                            double r2 = dx * dx + dy * dy + dz * dz;
                            int j = binAtoms[q];
                            pj[p] = j;
                            pc[p] = code;
                            p += r2 < rcs2 ? 1 : 0;
                            if ((r2 < exclusionR2) & (bg[q] == gi) && excluded(i, j)) p--;
                        }
            }
        }
        return p;
    }

    /** Bins per list radius: bins of about half the radius, as LAMMPS's default (finer bins measured slower here). */
    private static final double BIN_FACTOR = 2;
    private final OctantStencil stencil = new OctantStencil();

    private boolean excluded(int i, int j) {
        if (group[i] != group[j]) return false;
        for (int k = exStart[i]; k < exStart[i + 1]; k++) if (exJ[k] == j) return true;
        return false;
    }
}
