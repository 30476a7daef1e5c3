package org.paddlewheel.analysis;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.paddlewheel.model.Units;

/**
 * Tracer (self) diffusion coefficient of one species from its unwrapped positions, by the Einstein
 * relation MSD(t) = 2·d·D·t (d = 3 for the total, 1 per Cartesian axis), with an uncertainty from
 * block averaging over independent segments (Flyvbjerg and Petersen, J. Chem. Phys. 91, 461 (1989)):
 * the run is cut into B equal, non-overlapping blocks; in each block the species-averaged MSD is
 * computed over all time origins by FFT ({@link MeanSquaredDisplacement}) and D_b is the slope of an
 * ordinary least-squares line over the fit window, divided by 2d. The reported D is the mean of the
 * D_b and its 1σ error is s(D_b)/√B × t_{0.8413, B−1}, the Student-t half-width of a 68.27 %
 * interval, so a 1σ interval covers the truth 68 % of the time even for few blocks (blocks are
 * independent when each is much longer than the velocity/hop correlation time). Default fit window:
 * lags from 10 % to 50 % of the block duration, which skips the ballistic and vibrational regime
 * (≲ 1 ps in AIMD of ionic solids) for blocks of ≳ 10 ps and keeps clear of the noisy long-lag tail.
 * The MSD of the whole run is also returned (for plots and CSV). An optional drift series (a
 * framework's centre of mass, Å) is subtracted from every position first. Internal units Å, fs; D
 * converted to cm²/s in {@link Result}.
 */
public final class Diffusivity {
    /** Two-sided 68.27 % quantile level (1σ of a normal). */
    static final double ONE_SIGMA_LEVEL = 0.5 * (1 + 0.6826894921370859);

    private Diffusivity() {}

    /**
     * Result of a diffusion analysis.
     *
     * @param dCm2PerS        D, mean of block estimates, cm²/s
     * @param dStdCm2PerS     1σ uncertainty (t-corrected block standard error), cm²/s; NaN if B &lt; 2
     * @param axisDCm2PerS    D along x, y, z (1-D Einstein relation), cm²/s
     * @param axisDStdCm2PerS their 1σ uncertainties, cm²/s
     * @param blockDCm2PerS   D of every block, cm²/s
     * @param fitStartFs      fit window start (lag), fs
     * @param fitEndFs        fit window end (lag), fs
     * @param timestepFs      time between stored frames, fs
     * @param msdTotalA2      MSD of the whole run, summed over axes, Å², lag m·timestepFs, m = 0..N/2
     *                        (longer lags average over fewer than N/2 origins; no fit uses them)
     * @param msdAxisA2       per-axis MSD of the whole run [3][lags], Å²
     */
    public record Result(double dCm2PerS, double dStdCm2PerS, double[] axisDCm2PerS, double[] axisDStdCm2PerS,
                         double[] blockDCm2PerS, double fitStartFs, double fitEndFs, double timestepFs,
                         double[] msdTotalA2, double[][] msdAxisA2) {
        /**
         * The MSD at the end of the fit window, Å² (NaN when that lag lies outside the curve): compared with the squared
         * site spacing it says whether the fit saw site-to-site transport or only rattling in the cage.
         */
        public double msdAtFitEndA2() {
            int endLag = (int) Math.round(fitEndFs / timestepFs);
            return endLag >= 0 && endLag < msdTotalA2.length ? msdTotalA2[endLag] : Double.NaN;
        }
    }

    /**
     * Analyses {@code atoms} tracked atoms whose unwrapped positions are channels 3i..3i+2 of
     * {@code positions}, weighted by {@code weights[i]} (null: all 1; use charges for a collective MSD
     * of one summed series), frames every {@code timestepFs}.
     *
     * @param fitStartFs window start lag in fs, or NaN for the default (10 % of a block)
     * @param fitEndFs   window end lag in fs, or NaN for the default (50 % of a block)
     * @param drift      [3][frames] series subtracted from every atom, or null
     */
    public static Result analyse(SeriesStore positions, int atoms, double timestepFs, int blocks,
                                 double fitStartFs, double fitEndFs, double[][] drift) {
        int frames = positions.frames();
        if (blocks < 1) throw new IllegalArgumentException("blocks must be ≥ 1");
        int len = frames / blocks;
        if (len < 4) throw new IllegalArgumentException("too few frames (" + frames + ") for " + blocks + " blocks");
        double blockFs = (len - 1) * timestepFs;
        double t0 = Double.isNaN(fitStartFs) ? 0.1 * blockFs : fitStartFs;
        double t1 = Double.isNaN(fitEndFs) ? 0.5 * blockFs : fitEndFs;
        int m0 = Math.max(1, (int) Math.round(t0 / timestepFs));
        int m1 = Math.min(len - 1, (int) Math.round(t1 / timestepFs));
        if (m1 - m0 < 1) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "fit window %.4g–%.4g fs holds fewer than 2 lags in blocks of %.4g fs", t0, t1, blockFs));
        }
        double[] blockD = new double[blocks];
        double[][] blockAxis = new double[3][blocks];
        double[][][] msds = allAxisMsds(positions, atoms, blocks, len, frames, drift);
        for (int b = 0; b < blocks; b++) {
            double[][] msd = msds[b];
            double tot = 0;
            for (int k = 0; k < 3; k++) {
                double slope = slope(msd[k], m0, m1, timestepFs);
                blockAxis[k][b] = slope / 2.0;
                tot += slope;
            }
            blockD[b] = tot / 6.0;
        }
        double[][] full = msds[blocks];
        double[] total = new double[full[0].length];
        for (int m = 0; m < total.length; m++) total[m] = full[0][m] + full[1][m] + full[2][m];
        double c = Units.A2_PER_FS_TO_CM2_PER_S;
        double[] axisD = new double[3], axisStd = new double[3];
        for (int k = 0; k < 3; k++) {
            axisD[k] = mean(blockAxis[k]) * c;
            axisStd[k] = oneSigmaOfMean(blockAxis[k]) * c;
        }
        double[] blockCm = new double[blocks];
        for (int b = 0; b < blocks; b++) blockCm[b] = blockD[b] * c;
        return new Result(mean(blockD) * c, oneSigmaOfMean(blockD) * c, axisD, axisStd, blockCm,
                m0 * timestepFs, m1 * timestepFs, timestepFs, total, full);
    }

    /**
     * Per-axis MSDs of every block (index 0..B−1, frames [b·len, (b+1)·len)) and of the whole run
     * (index B), [B+1][3][lags]. The work is cut into independent units — each whole-run axis in
     * {@link #FULL_RUN_PARTS} halves of the atoms (merged afterwards in a fixed order), each block
     * axis whole — and run largest first on all cores, which keeps two cores equally busy. The
     * partition does not depend on the number of cores, so neither does the result, to the last bit.
     */
    static double[][][] allAxisMsds(SeriesStore positions, int atoms, int blocks, int len, int frames, double[][] drift) {
        double[][][] out = new double[blocks + 1][3][];
        int parts = atoms >= FULL_RUN_PARTS ? FULL_RUN_PARTS : 1;
        MeanSquaredDisplacement[][] full = new MeanSquaredDisplacement[3][parts];
        List<Runnable> units = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            for (int p = 0; p < parts; p++) {
                int axis = k, part = p;
                units.add(() -> full[axis][part] = accumulate(positions, part * atoms / parts, (part + 1) * atoms / parts, 0, frames,
                        frames / 2, drift, axis));
            }
        }
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < 3; k++) {
                int block = b, axis = k;
                units.add(() -> out[block][axis] = accumulate(positions, 0, atoms, block * len, len, len - 1, drift, axis).result());
            }
        }
        if (PARALLEL && atoms * (long) frames >= 100_000) {
            int threads = Runtime.getRuntime().availableProcessors();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "paddlewheel-msd");
                t.setDaemon(true);
                return t;
            });
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (Runnable u : units) done.add(pool.submit(u));  // FIFO: the big whole-run units start first
                for (java.util.concurrent.Future<?> f : done) f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the MSD", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdown();
            }
        } else {
            for (Runnable u : units) u.run();
        }
        for (int k = 0; k < 3; k++) {
            for (int p = 1; p < parts; p++) full[k][0].merge(full[k][p]);
            out[blocks][k] = full[k][0].result();
        }
        return out;
    }

    /** The whole-run MSD of each axis is split over this many atom groups (fixed, for reproducibility). */
    static final int FULL_RUN_PARTS = 2;

    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;

    /** MSD accumulator of axis k over atoms [a0, a1) and frames [from, from+len). */
    private static MeanSquaredDisplacement accumulate(SeriesStore positions, int a0, int a1, int from, int len, int maxLag,
                                                      double[][] drift, int k) {
        double[] buf = new double[len];
        MeanSquaredDisplacement acc = new MeanSquaredDisplacement(len, maxLag);
        for (int i = a0; i < a1; i++) {
            positions.copy(3 * i + k, from, len, buf);
            if (drift != null) for (int t = 0; t < len; t++) buf[t] -= drift[k][from + t];
            acc.add(buf, 1.0);
        }
        acc.compact();                  // whole-run parts wait for their merge: keep only the sums
        return acc;
    }

    /** OLS slope of y(m·dt) over lags m0..m1 inclusive. */
    static double slope(double[] y, int m0, int m1, double dt) {
        double sx = 0, sy = 0;
        int n = m1 - m0 + 1;
        for (int m = m0; m <= m1; m++) { sx += m * dt; sy += y[m]; }
        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
        for (int m = m0; m <= m1; m++) {
            double dx = m * dt - mx;
            sxx += dx * dx;
            sxy += dx * (y[m] - my);
        }
        return sxy / sxx;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** s/√B × t_{0.8413, B−1}: the 68.27 % half-width of the mean of B independent values. NaN for B &lt; 2. */
    static double oneSigmaOfMean(double[] v) {
        int b = v.length;
        if (b < 2) return Double.NaN;
        double m = mean(v), ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        double se = Math.sqrt(ss / (b - 1) / b);
        return se * new TDistribution(b - 1).inverseCumulativeProbability(ONE_SIGMA_LEVEL);
    }
}
