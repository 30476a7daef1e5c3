package org.paddlewheel.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

/**
 * A synthetic trajectory for the hop and coupling tests: 27 simple-cubic cation sites (a = 3.5 Å,
 * box 10.5 Å), 20 Na on them vibrating with σ = {@code vibration} Å per axis, one failed attempt
 * (to the midpoint and back), and {@code hopCount} scheduled hops into vacant neighbour sites, each
 * a 20-frame linear transit; 27 bent NH2 anions at the cube corners with slow rotational diffusion.
 * When {@code coupled}, the 4 anions next to each hop path turn by 90° during its transit; otherwise
 * the same 90° turns happen to 4 random anions at random times.
 */
final class SyntheticHopWorld {
    static final double A = 3.5, L = 3 * A;
    static final int TRANSIT = 20;
    final List<Frame> frames = new ArrayList<>();
    /** Scheduled hops: {atom, fromSite, toSite, startFrame}. */
    final List<int[]> schedule = new ArrayList<>();
    final List<Molecule> molecules = new ArrayList<>();

    SyntheticHopWorld(long seed, int nFrames, int hopCount, boolean coupled, double vibration) {
        this(seed, nFrames, hopCount, coupled, vibration, 0.02);
    }

    /** As above with the background rotational diffusion's per-axis step {@code background} (rad per frame; 0.02 above). */
    SyntheticHopWorld(long seed, int nFrames, int hopCount, boolean coupled, double vibration, double background) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int sites = 27, ions = 20;
        int[] siteOf = new int[ions];
        boolean[] occupied = new boolean[sites];
        for (int i = 0; i < ions; i++) { siteOf[i] = i; occupied[i] = true; }
        double[][][] body = new double[27][][];
        for (int m = 0; m < 27; m++) {
            body[m] = new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            RotationalAutocorrelationTest.rotate(body[m], 1.5, rnd);
            molecules.add(new Molecule(ions + 3 * m, new int[] {ions + 3 * m + 1, ions + 3 * m + 2}, "NH2"));
        }
        // Plan hops (sequential, so the vacant target stays vacant).
        int[] start = new int[hopCount];
        for (int h = 0; h < hopCount; h++) {
            start[h] = 200 + h * ((nFrames - 400) / hopCount);
            int atom, to;
            while (true) {
                atom = rnd.nextInt(ions);
                int axis = rnd.nextInt(3), dir = rnd.nextBoolean() ? 1 : -1;
                int[] g = grid(siteOf[atom]);
                g[axis] = Math.floorMod(g[axis] + dir, 3);
                to = g[0] * 9 + g[1] * 3 + g[2];
                if (!occupied[to]) break;
            }
            schedule.add(new int[] {atom, siteOf[atom], to, start[h]});
            occupied[siteOf[atom]] = false;
            occupied[to] = true;
            siteOf[atom] = to;
        }
        for (int i = 0; i < ions; i++) siteOf[i] = i;
        int failedAtom = schedule.isEmpty() ? 0 : (schedule.get(0)[0] + 1) % ions, failedStart = 100;
        // Random-turn schedule for the uncoupled case: {anion, startFrame, axis seed}.
        int[][] turns = new int[hopCount * 4][];
        for (int k = 0; k < turns.length; k++) turns[k] = new int[] {rnd.nextInt(27), 50 + rnd.nextInt(nFrames - 100)};
        Lattice lat = Lattice.cubic(L);
        double[][] turnAxis = new double[27][];
        for (int f = 0; f < nFrames; f++) {
            Structure.Builder b = Structure.builder(lat);
            for (int i = 0; i < ions; i++) {
                double[] p = site(siteOf[i]);
                for (int[] h : schedule) {
                    if (h[0] == i && f >= h[3] && f < h[3] + TRANSIT) {
                        double[] d = minImage(sub(site(h[2]), site(h[1])));
                        double u = (f - h[3] + 1) / (double) TRANSIT;
                        p = new double[] {p[0] + u * d[0], p[1] + u * d[1], p[2] + u * d[2]};
                    }
                    if (h[0] == i && f == h[3] + TRANSIT - 1) siteOf[i] = h[2];
                }
                if (i == failedAtom && f >= failedStart && f < failedStart + 2 * TRANSIT) {
                    int[] g = grid(siteOf[i]);
                    g[0] = Math.floorMod(g[0] + 1, 3);
                    double[] d = minImage(sub(site(g[0] * 9 + g[1] * 3 + g[2]), site(siteOf[i])));
                    double u = 0.5 * (1 - Math.abs(f - failedStart - TRANSIT) / (double) TRANSIT);
                    p = new double[] {p[0] + u * d[0], p[1] + u * d[1], p[2] + u * d[2]};
                }
                b.add(Element.NA, wrap(p[0] + vibration * rnd.nextGaussian()), wrap(p[1] + vibration * rnd.nextGaussian()),
                        wrap(p[2] + vibration * rnd.nextGaussian()));
            }
            // Anion rotation: background diffusion + 90° turns over TRANSIT frames.
            for (int m = 0; m < 27; m++) {
                if (f > 0) RotationalAutocorrelationTest.rotate(body[m], background, rnd);
                boolean turning = false;
                if (coupled) {
                    for (int[] h : schedule) if (f >= h[3] && f < h[3] + TRANSIT && nearPath(m, h)) turning = true;
                } else {
                    for (int[] t : turns) if (t[0] == m && f >= t[1] && f < t[1] + TRANSIT) turning = true;
                }
                if (turning) {
                    if (turnAxis[m] == null) {
                        double[] ax = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
                        double n = Math.sqrt(ax[0] * ax[0] + ax[1] * ax[1] + ax[2] * ax[2]);
                        turnAxis[m] = new double[] {ax[0] / n, ax[1] / n, ax[2] / n};
                    }
                    turn(body[m], turnAxis[m], Math.toRadians(90.0 / TRANSIT));
                } else {
                    turnAxis[m] = null;
                }
                int[] g = grid(m);
                double[] c = {g[0] * A, g[1] * A, g[2] * A};
                b.add(Element.N, c[0], c[1], c[2]);
                for (int s = -1; s <= 1; s += 2) {
                    double x = Math.cos(RotationalAutocorrelationTest.HALF_ANGLE), y = s * Math.sin(RotationalAutocorrelationTest.HALF_ANGLE);
                    b.add(Element.H, wrap(c[0] + 1.0 * (x * body[m][0][0] + y * body[m][1][0])),
                            wrap(c[1] + 1.0 * (x * body[m][0][1] + y * body[m][1][1])),
                            wrap(c[2] + 1.0 * (x * body[m][0][2] + y * body[m][1][2])));
                }
            }
            frames.add(new Frame(b.build(), f * 1.0, f));
        }
    }

    /** Config with the defaults of the CLI and test-friendly coupling windows (frames are 1 fs apart). */
    TrajectoryAnalysis.Config config(long seed) {
        return new TrajectoryAnalysis.Config(Set.of(Element.NA), Map.of(Element.NA, 1.0), Set.of(), molecules, idealSites(), 500.0,
                0.0, 1, 1.0, 5, Double.NaN, Double.NaN, Double.NaN, 2.8, 15.0, 50.0, 200, seed,
                Set.of(Element.NA), 0.25, 0.3, new int[] {3, 3, 3});
    }

    /** The ideal structure with all 27 sites occupied (vacant ones too), as passed by --structure. */
    static Structure idealSites() {
        Structure.Builder b = Structure.builder(Lattice.cubic(L));
        for (int s = 0; s < 27; s++) { double[] p = site(s); b.add(Element.NA, p[0], p[1], p[2]); }
        return b.build();
    }

    boolean nearPath(int m, int[] h) {
        double[] a = site(h[1]);
        double[] d = minImage(sub(site(h[2]), a));
        int[] g = grid(m);
        double[] rel = minImage(sub(new double[] {g[0] * A, g[1] * A, g[2] * A}, a));
        return HopRotationCoupling.segmentDistance(rel, d) <= 2.8;
    }

    static int[] grid(int s) { return new int[] {s / 9, s / 3 % 3, s % 3}; }

    static double[] site(int s) {
        int[] g = grid(s);
        return new double[] {(g[0] + 0.5) * A, (g[1] + 0.5) * A, (g[2] + 0.5) * A};
    }

    static double[] sub(double[] a, double[] b) { return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

    static double[] minImage(double[] d) {
        return new double[] {d[0] - L * Math.rint(d[0] / L), d[1] - L * Math.rint(d[1] / L), d[2] - L * Math.rint(d[2] / L)};
    }

    static double wrap(double x) { return x - L * Math.floor(x / L); }

    static void turn(double[][] frame, double[] k, double th) {
        double c = Math.cos(th), s = Math.sin(th);
        for (double[] v : frame) {
            double kv = k[0] * v[0] + k[1] * v[1] + k[2] * v[2];
            double[] x = {k[1] * v[2] - k[2] * v[1], k[2] * v[0] - k[0] * v[2], k[0] * v[1] - k[1] * v[0]};
            for (int i = 0; i < 3; i++) v[i] = v[i] * c + x[i] * s + k[i] * kv * (1 - c);
        }
    }
}
