package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cli.CliRunner;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.UlmTestWriter;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Automatic sites merged under a reference's symmetry (issue 13). The bcc Na sublattice of
 * {@link AutomaticSitesTest} (3×3×3 cells, a = 4 Å, 54 sites, 27 ions starting on the corners,
 * vibrations σ = 0.12 Å) with four body-centre sites that no ion ever enters: the density finds
 * only the sites visited, and the symmetry of the bcc unit cell (Im-3m: 48 point operations × 2
 * centring translations, × 27 cells) restores all 54, each within 0.1 Å of its ideal position.
 */
class SiteSymmetryTest {
    static final double A = AutomaticSitesTest.A, L = AutomaticSitesTest.L;
    static final int HOPS = 120, TRANSIT = 10, SPACING = 16;
    static final Set<Integer> NEVER = Set.of(1, 27, 39, 53);     // body centres no ion enters

    @TempDir
    Path dir;

    /** Frames of the run and the sites ever occupied. */
    record Run(List<Frame> frames, Set<Integer> visited) {}

    static Run run(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int ions = 27;
        int[] siteOf = new int[ions], since = new int[ions];
        boolean[] occupied = new boolean[54];
        Set<Integer> visited = new HashSet<>();
        List<int[]> schedule = new ArrayList<>();
        for (int i = 0; i < ions; i++) { siteOf[i] = 2 * i; occupied[2 * i] = true; visited.add(2 * i); }
        for (int h = 0; h < HOPS; h++) {
            int start = 100 + SPACING * h;
            for (int tries = 0; ; tries++) {
                if (tries > 100000) throw new IllegalStateException("no eligible hop, seed " + seed);
                int atom = rnd.nextInt(ions);
                if (start - since[atom] < 200 && since[atom] > 0) continue;
                int to = AutomaticSitesTest.neighbour(siteOf[atom], rnd.nextInt(8));
                if (occupied[to] || NEVER.contains(to)) continue;
                schedule.add(new int[] {atom, siteOf[atom], to, start});
                occupied[siteOf[atom]] = false;
                occupied[to] = true;
                siteOf[atom] = to;
                since[atom] = start + TRANSIT;
                visited.add(to);
                break;
            }
        }
        for (int i = 0; i < ions; i++) siteOf[i] = 2 * i;
        List<Frame> frames = new ArrayList<>();
        int next = 0;
        int[] moving = new int[ions];
        java.util.Arrays.fill(moving, -1);
        for (int f = 0; f < 100 + SPACING * HOPS + 300; f++) {
            while (next < schedule.size() && schedule.get(next)[3] == f) moving[schedule.get(next)[0]] = next++;
            Structure.Builder b = Structure.builder(Lattice.cubic(L));
            for (int i = 0; i < ions; i++) {
                double[] p = AutomaticSitesTest.site(siteOf[i]);
                if (moving[i] >= 0) {
                    int[] h = schedule.get(moving[i]);
                    double[] d = AutomaticSitesTest.minImage(AutomaticSitesTest.sub(AutomaticSitesTest.site(h[2]), AutomaticSitesTest.site(h[1])));
                    double u = (f - h[3] + 1) / (double) TRANSIT;
                    p = new double[] {p[0] + u * d[0], p[1] + u * d[1], p[2] + u * d[2]};
                    if (f == h[3] + TRANSIT - 1) { siteOf[i] = h[2]; moving[i] = -1; }
                }
                b.add(Element.NA, AutomaticSitesTest.wrap(p[0] + 0.12 * rnd.nextGaussian()), AutomaticSitesTest.wrap(p[1] + 0.12 * rnd.nextGaussian()),
                        AutomaticSitesTest.wrap(p[2] + 0.12 * rnd.nextGaussian()));
            }
            frames.add(new Frame(b.build(), f, f));
        }
        return new Run(frames, visited);
    }

    /** The bcc unit cell: Na at the corner and the body centre. */
    static Structure bccCell() {
        return Structure.builder(Lattice.cubic(A)).addFractional(Element.NA, 0, 0, 0).addFractional(Element.NA, 0.5, 0.5, 0.5).build();
    }

    /** Largest distance (Å) from an ideal site to its nearest site in {@code sites}, asserting a one-to-one match. */
    static double worstDeviation(double[] sites) {
        Set<Integer> mapped = new HashSet<>();
        double worst = 0;
        for (int j = 0; j < sites.length / 3; j++) {
            int s = AutomaticSitesTest.ideal(sites, j);      // asserts < 0.1 Å
            assertThat(mapped.add(s)).as("ideal site %d matched twice", s).isTrue();
            double[] p = AutomaticSitesTest.site(s);
            double q = 0;
            for (int k = 0; k < 3; k++) {
                double x = sites[3 * j + k] * L - p[k];
                x -= L * Math.rint(x / L);
                q += x * x;
            }
            worst = Math.max(worst, Math.sqrt(q));
        }
        return worst;
    }

    @Test
    void operationsOfKnownCrystals() {
        assertThat(SiteSymmetry.operations(bccCell(), 0.1)).hasSize(96);                      // Im-3m, conventional
        Structure rockSalt = Structure.builder(Lattice.cubic(5.64))
                .addFractional(Element.NA, 0, 0, 0).addFractional(Element.NA, 0, 0.5, 0.5).addFractional(Element.NA, 0.5, 0, 0.5)
                .addFractional(Element.NA, 0.5, 0.5, 0).addFractional(Element.CL, 0.5, 0.5, 0.5).addFractional(Element.CL, 0.5, 0, 0)
                .addFractional(Element.CL, 0, 0.5, 0).addFractional(Element.CL, 0, 0, 0.5).build();
        assertThat(SiteSymmetry.operations(rockSalt, 0.1)).hasSize(192);                     // Fm-3m: 48 × 4 centrings
        Structure tetragonal = Structure.builder(Lattice.orthorhombic(4, 4, 6)).addFractional(Element.NA, 0, 0, 0)
                .addFractional(Element.CL, 0.5, 0.5, 0.3).build();
        assertThat(SiteSymmetry.operations(tetragonal, 0.1)).hasSize(8);                     // P4mm: 4mm
        Structure wrongCell = Structure.builder(Lattice.cubic(4.3)).addFractional(Element.NA, 0, 0, 0).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteSymmetry.of(wrongCell, Lattice.cubic(L), 0.1))
                .isInstanceOf(org.paddlewheel.model.InputException.class).hasMessageContaining("does not tile");
        // the reference may be the trajectory's own cell: the 54 ideal sites give the same 2592 operations
        Structure.Builder ideal = Structure.builder(Lattice.cubic(L));
        for (int s = 0; s < 54; s++) { double[] p = AutomaticSitesTest.site(s); ideal.add(Element.NA, p[0], p[1], p[2]); }
        SiteSymmetry own = SiteSymmetry.of(ideal.build(), Lattice.cubic(L), 0.1);
        assertThat(own.operationCount() * own.cellsInSupercell()).isEqualTo(96 * 27);
    }

    @Test
    void aLargerSupercellIsMergedFromAQuarterOfItsSites() {
        // fcc 4×4×4 (a = 4 Å, 256 sites); 64 of them found, each off by up to 0.2 Å per axis;
        // Fm-3m from the unit cell: 192 operations × 64 cells
        Structure fcc = Structure.builder(Lattice.cubic(4)).addFractional(Element.NA, 0, 0, 0).addFractional(Element.NA, 0, 0.5, 0.5)
                .addFractional(Element.NA, 0.5, 0, 0.5).addFractional(Element.NA, 0.5, 0.5, 0).build();
        Lattice big = Lattice.cubic(16);
        SplittableRandom rnd = new SplittableRandom(3);
        double[] found = new double[3 * 64];
        for (int s = 0; s < 64; s++) {
            int c = rnd.nextInt(64), b = rnd.nextInt(4);
            double[] basis = {0, 0, 0, 0, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 0.5, 0};
            int[] cell = {c / 16, c / 4 % 4, c % 4};
            for (int k = 0; k < 3; k++) found[3 * s + k] = (cell[k] + basis[3 * b + k] + rnd.nextDouble(-0.05, 0.05)) / 4;
        }
        long t0 = System.nanoTime();
        SiteSymmetry sym = SiteSymmetry.of(fcc, big, 0.1);
        double[] merged = sym.merge(found, big, 1.0, null);
        System.out.printf("fcc 4x4x4: 64 noisy sites -> %d after the merge (%d operations) in %.2f s%n", merged.length / 3,
                sym.operationCount() * sym.cellsInSupercell(), (System.nanoTime() - t0) / 1e9);
        assertThat(sym.operationCount() * sym.cellsInSupercell()).isEqualTo(192 * 64);
        assertThat(merged.length / 3).isEqualTo(256);
        for (int j = 0; j < 256; j++) {
            for (int k = 0; k < 3; k++) {
                double x = merged[3 * j + k] * 8;               // ideal fcc coordinates are multiples of 1/8
                assertThat(Math.abs(x - Math.rint(x)) * 2).as("site %d axis %d, Å", j, k).isLessThan(0.1);
            }
        }
    }

    @Test
    void theReferenceSymmetryRestoresSitesTheDensityMissed() {
        long seed = 21;
        Run r = run(seed);
        TrajectoryAnalysis.Results plain = new TrajectoryAnalysis(AutomaticSitesTest.config(null)).automaticSites(true)
                .run(r.frames().iterator(), null);
        TrajectoryAnalysis.Results merged = new TrajectoryAnalysis(AutomaticSitesTest.config(null)).automaticSites(true).siteSymmetry(bccCell())
                .run(r.frames().iterator(), null);
        double devPlain = worstDeviation(plain.sites().fractional()), devMerged = worstDeviation(merged.sites().fractional());
        System.out.printf("seed %d: density %d sites (%d visited, worst %.3f A); merged under Im-3m %d sites (worst %.3f A), %d operations%n",
                seed, plain.sites().count(), r.visited().size(), devPlain, merged.sites().count(), devMerged, merged.sites().symmetryOperations());

        assertThat(r.visited()).hasSizeLessThanOrEqualTo(54 - NEVER.size());
        assertThat(plain.sites().count()).as("seed %d", seed).isEqualTo(r.visited().size());
        assertThat(merged.sites().count()).as("seed %d", seed).isEqualTo(54);
        assertThat(devMerged).as("seed %d", seed).isLessThan(0.1).isLessThanOrEqualTo(devPlain);
        assertThat(merged.sites().symmetryOperations()).isEqualTo(96 * 27);
        assertThat(merged.sites().beforeSymmetry()).isEqualTo(plain.sites().count());
        long supplied = java.util.Arrays.stream(merged.sites().occupancy()).filter(Double::isNaN).count();
        assertThat(supplied).isEqualTo(54 - r.visited().size());
        assertThat(merged.sites().method()).contains("symmetry");
        // the same hops either way: none enters a site the density missed
        assertThat(merged.hops()).hasSameSizeAs(plain.hops()).hasSize(HOPS);
    }

    @Test
    void analyzeReadsAnAseTrajAndReportsTheMergedSites() throws Exception {
        Run r = run(5);
        List<Structure> frames = new ArrayList<>();
        for (Frame f : r.frames()) frames.add(f.structure());
        Path traj = dir.resolve("bcc.traj"), ref = dir.resolve("bcc.vasp"), out = dir.resolve("out");
        Files.write(traj, UlmTestWriter.trajectory(frames, null, 0.0982269479, 1, null, true));     // 1 fs per frame
        Formats.writeStructure(ref, bccCell(), null);
        CliRunner.Result res = CliRunner.run("analyze", traj.toString(), "--site-symmetry", ref.toString(), "-o", out.toString(), "-q", "--no-plots");
        assertThat(res.exitCode()).as(res.err()).isZero();
        JsonNode sites = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("sites");
        assertThat(sites.get("count").asInt()).isEqualTo(54);
        assertThat(sites.get("vacant").asInt()).isEqualTo(27);
        assertThat(sites.get("symmetry_operations").asInt()).isEqualTo(2592);
        assertThat(sites.get("found_before_symmetry").asInt()).isEqualTo(r.visited().size());
        assertThat(sites.get("supplied_by_symmetry").asInt()).isEqualTo(54 - r.visited().size());
        assertThat(sites.get("method").asText()).contains("density").contains("symmetry");

        CliRunner.Result both = CliRunner.run("analyze", traj.toString(), "--structure", ref.toString(), "--site-symmetry", ref.toString(),
                "-o", dir.resolve("out2").toString(), "-q");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--site-symmetry");
    }
}
