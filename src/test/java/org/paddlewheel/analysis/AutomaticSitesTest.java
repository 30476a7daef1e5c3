package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Hop sites from the time-averaged density (issue 13). A 3×3×3 cell (a = 4 Å, box 12 Å) with two
 * Na sites per cell, corner and body centre: 54 sites, 27 Na starting on the corners, so 27 sites
 * are vacant in the first frame. 354 scheduled hops to nearest-neighbour vacant sites (3.46 Å,
 * 10-frame linear transits, 16 frames apart; an ion moves again only after 200 frames on its site),
 * vibrations σ = 0.12 Å per axis. With sites from the first frame most hops (every one into a
 * body-centre site) are missed; with automatic sites every hop is found with the right atom and
 * sites, and the sites found are exactly those ever occupied.
 */
class AutomaticSitesTest {
    static final double A = 4.0, L = 3 * A;
    static final int HOPS = 354, TRANSIT = 10, SPACING = 16;

    static final class World {
        final List<Frame> frames = new ArrayList<>();
        final List<int[]> schedule = new ArrayList<>();      // atom, from, to, start
        final Set<Integer> visited = new HashSet<>();

        World(long seed) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int ions = 27;
            int[] siteOf = new int[ions], since = new int[ions];
            boolean[] occupied = new boolean[54];
            for (int i = 0; i < ions; i++) { siteOf[i] = 2 * i; occupied[2 * i] = true; visited.add(2 * i); }
            for (int h = 0; h < HOPS; h++) {
                int start = 100 + SPACING * h;
                for (int tries = 0; ; tries++) {
                    if (tries > 100000) throw new IllegalStateException("no eligible hop, seed " + seed);
                    int atom = rnd.nextInt(ions);
                    if (start - since[atom] < 200 && since[atom] > 0) continue;
                    int to = neighbour(siteOf[atom], rnd.nextInt(8));
                    if (occupied[to]) continue;
                    schedule.add(new int[] {atom, siteOf[atom], to, start});
                    occupied[siteOf[atom]] = false;
                    occupied[to] = true;
                    siteOf[atom] = to;
                    since[atom] = start + TRANSIT;
                    visited.add(to);
                    break;
                }
            }
            int nFrames = 100 + SPACING * HOPS + 300;
            for (int i = 0; i < ions; i++) siteOf[i] = 2 * i;
            Lattice lat = Lattice.cubic(L);
            int next = 0;
            int[] moving = new int[ions];
            java.util.Arrays.fill(moving, -1);
            for (int f = 0; f < nFrames; f++) {
                while (next < schedule.size() && schedule.get(next)[3] == f) moving[schedule.get(next)[0]] = next++;
                Structure.Builder b = Structure.builder(lat);
                for (int i = 0; i < ions; i++) {
                    double[] p = site(siteOf[i]);
                    if (moving[i] >= 0) {
                        int[] h = schedule.get(moving[i]);
                        double[] d = minImage(sub(site(h[2]), site(h[1])));
                        double u = (f - h[3] + 1) / (double) TRANSIT;
                        p = new double[] {p[0] + u * d[0], p[1] + u * d[1], p[2] + u * d[2]};
                        if (f == h[3] + TRANSIT - 1) { siteOf[i] = h[2]; moving[i] = -1; }
                    }
                    b.add(Element.NA, wrap(p[0] + 0.12 * rnd.nextGaussian()), wrap(p[1] + 0.12 * rnd.nextGaussian()),
                            wrap(p[2] + 0.12 * rnd.nextGaussian()));
                }
                frames.add(new Frame(b.build(), f, f));
            }
        }
    }

    /** Site s: cell c = s/2 (i*9 + j*3 + k), corner (s even) or body centre (s odd), Å. */
    static double[] site(int s) {
        int c = s / 2, i = c / 9, j = c / 3 % 3, k = c % 3;
        double o = s % 2 == 0 ? 0 : 0.5;
        return new double[] {(i + o) * A, (j + o) * A, (k + o) * A};
    }

    /** The n-th (0..7) nearest neighbour of site s: the other sublattice, ±½ a along each axis. */
    static int neighbour(int s, int n) {
        int c = s / 2, i = c / 9, j = c / 3 % 3, k = c % 3;
        int di = (n & 1) == 0 ? 0 : 1, dj = (n & 2) == 0 ? 0 : 1, dk = (n & 4) == 0 ? 0 : 1;
        if (s % 2 == 0) { di -= 1; dj -= 1; dk -= 1; }      // corner → body centres of the 8 cells around it
        int ni = Math.floorMod(i + di, 3), nj = Math.floorMod(j + dj, 3), nk = Math.floorMod(k + dk, 3);
        return 2 * (ni * 9 + nj * 3 + nk) + (s % 2 == 0 ? 1 : 0);
    }

    static double[] sub(double[] a, double[] b) { return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

    static double wrap(double x) { return x - L * Math.floor(x / L); }

    static double[] minImage(double[] d) {
        return new double[] {d[0] - L * Math.rint(d[0] / L), d[1] - L * Math.rint(d[1] / L), d[2] - L * Math.rint(d[2] / L)};
    }

    static TrajectoryAnalysis.Config config(Structure reference) {
        return new TrajectoryAnalysis.Config(Set.of(Element.NA), Map.of(Element.NA, 1.0), Set.of(), List.of(), reference, 500.0,
                0.0, 1, 1.0, 5, Double.NaN, Double.NaN, Double.NaN, 2.8, 15.0, 50.0, 20, 1,
                Set.of(), 0.25, 0.3, new int[] {1, 1, 1});
    }

    /** Index of the ideal site nearest to fractional site j of {@code sites}. */
    static int ideal(double[] sites, int j) {
        int best = -1;
        double bd = Double.MAX_VALUE;
        for (int s = 0; s < 54; s++) {
            double[] p = site(s), d = new double[3];
            for (int k = 0; k < 3; k++) {
                double x = sites[3 * j + k] * L - p[k];
                d[k] = x - L * Math.rint(x / L);
            }
            double q = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            if (q < bd) { bd = q; best = s; }
        }
        assertThat(Math.sqrt(bd)).as("site %d is %.3f Å from the nearest ideal site", j, Math.sqrt(bd)).isLessThan(0.1);
        return best;
    }

    @Test
    void everyHopIntoAVacantSiteIsFoundFromTheDensity() {
        long seed = 13;
        World w = new World(seed);
        TrajectoryAnalysis.Results auto = new TrajectoryAnalysis(config(null)).automaticSites(true).run(w.frames.iterator(), null);
        TrajectoryAnalysis.Results first = new TrajectoryAnalysis(config(null)).run(w.frames.iterator(), null);
        Structure.Builder b = Structure.builder(Lattice.cubic(L));
        for (int s = 0; s < 54; s++) { double[] p = site(s); b.add(Element.NA, p[0], p[1], p[2]); }
        TrajectoryAnalysis.Results given = new TrajectoryAnalysis(config(b.build())).run(w.frames.iterator(), null);
        System.out.printf("hops scheduled %d: automatic sites %d (%d sites, %d vacant at start), first frame %d, ideal sites %d%n",
                HOPS, auto.hops().size(), auto.sites().count(), auto.sites().count() - 27, first.hops().size(), given.hops().size());

        assertThat(auto.sites().count()).as("seed %d", seed).isEqualTo(w.visited.size());
        assertThat(auto.sites().method()).contains("density");
        double[] sites = auto.sites().fractional();
        Set<Integer> mapped = new HashSet<>();
        for (int j = 0; j < auto.sites().count(); j++) mapped.add(ideal(sites, j));
        assertThat(mapped).isEqualTo(w.visited);
        assertThat(auto.hops()).as("seed %d", seed).hasSize(HOPS);
        for (int i = 0; i < HOPS; i++) {
            HopDetector.Hop h = auto.hops().get(i);
            int[] s = w.schedule.get(i);
            assertThat(new int[] {h.atom(), ideal(sites, h.fromSite()), ideal(sites, h.toSite())}).as("hop %d, seed %d", i, seed)
                    .containsExactly(s[0], s[1], s[2]);
            assertThat(h.enterFrame()).isBetween(s[3], s[3] + TRANSIT);
        }
        assertThat(given.hops()).hasSize(HOPS);
        // the first-frame sites are the 27 corners: no hop into a body centre can be seen
        assertThat(first.sites().count()).isEqualTo(27);
        assertThat(first.hops().size()).isLessThan(HOPS / 2);
        assertThat(auto.siteSpacingA()).isCloseTo(A * Math.sqrt(3) / 2, org.assertj.core.data.Offset.offset(0.05));
    }
}
