package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

/**
 * {@link TetrahedralReorientationJumps} on synthetic trajectories of BH4 tetrahedra (B–H 1.21 Å) on a
 * 4×4×4 grid 5 Å apart that jump as a Poisson process of known rate k: each jump a 90° turn about a
 * random cube axis (even ↔ odd tetrahedron) or a 120° turn about a random B–H bond, carried out over
 * 60 fs, with independent librations (a random-axis turn of N(0, 8°) about the current orientation in
 * every frame); frames 20 fs apart. The estimated rate must lie within 2.5σ of k, σ the estimator's own
 * Poisson error.
 */
class TetrahedralReorientationJumpsTest {
    static final double FRAME_FS = 20, TURN_FS = 60, BOND = 1.21, BOX = 20;
    static final int GRID = 4;

    @Test
    void poissonTurnsBetweenTheTwoOrientationsRecoverTheirRate() {
        long seed = 11;
        double k = 0.2;                               // per ps per anion
        Synthetic w = new Synthetic(seed, k, 50_000, 8, false);
        TetrahedralReorientationJumps.Rate r = w.counter.rate();
        System.out.printf("S4 turns, seed %d: %d true jumps, turn rule %d, site rule %d (%d switches), k = %.4f ± %.4f /ps (true %.3f), on <111> %.3f%n",
                seed, w.trueJumps, r.jumps(), w.counter.siteJumps(), w.counter.switches(), r.ratePerPs(), r.sigmaPerPs(), k, w.counter.assignedFraction());
        assertThat(Math.abs(r.ratePerPs() - k)).as("turn rule, seed %d", seed).isLessThan(2.5 * r.sigmaPerPs());
        double site = w.counter.siteJumps() / (w.counter.molecules() * w.counter.observedFs() * 1e-3);
        assertThat(Math.abs(site - k)).as("site rule, seed %d", seed).isLessThan(2.5 * r.sigmaPerPs());
        // every 90° turn about a cube axis switches the tetrahedron
        assertThat(w.counter.switches()).isEqualTo(w.counter.siteJumps());
        assertThat(r.residenceTimePs()).isEqualTo(1 / r.ratePerPs());
        // 64 anions jumping as one Poisson process: s²/n̄ = 1 ± 0.18
        assertThat(w.counter.dispersionIndex()).as("seed %d", seed).isBetween(0.55, 1.45);
    }

    @Test
    void frequentJumpsNeedTheDeadTimeCorrection() {
        long seed = 17;
        double k = 1.5;
        Synthetic w = new Synthetic(seed, k, 20_000, 8, false);
        double truth = w.trueJumps / (w.counter.molecules() * w.counter.observedFs() * 1e-3);
        TetrahedralReorientationJumps.Rate counted = w.counter.rate(), corrected = counted.deadTimeCorrected(w.counter.deadTimePs());
        System.out.printf("k = 1.5/ps, seed %d: true %.3f /ps, counted %.3f, corrected %.3f ± %.3f%n", seed, truth, counted.ratePerPs(),
                corrected.ratePerPs(), corrected.sigmaPerPs());
        // blind 100 fs after each jump: 15 % of the jumps are missed, many σ
        assertThat(truth - counted.ratePerPs()).as("seed %d", seed).isGreaterThan(3 * counted.sigmaPerPs());
        assertThat(Math.abs(corrected.ratePerPs() - truth)).as("seed %d", seed).isLessThan(2.5 * corrected.sigmaPerPs());
    }

    @Test
    void threeFoldTurnsAreJumpsWithoutASwitch() {
        Synthetic w = new Synthetic(5, 0.3, 20_000, 8, true);
        TetrahedralReorientationJumps.Rate r = w.counter.rate();
        assertThat(Math.abs(r.ratePerPs() - 0.3)).as("seed 5").isLessThan(2.5 * r.sigmaPerPs());
        assertThat(w.counter.siteJumps()).isGreaterThan(100);
        assertThat(w.counter.switches()).isZero();
    }

    @Test
    void librationsAloneAreNoJumps() {
        Synthetic w = new Synthetic(3, 0, 20_000, 10, false);
        assertThat(w.counter.jumps()).isZero();
        assertThat(w.counter.siteJumps()).isZero();
        assertThat(w.counter.assignedFraction()).isGreaterThan(0.9);
        TetrahedralReorientationJumps.Rate r = w.counter.rate();
        assertThat(r.ratePerPs()).isNaN();
        // no jump of 64 anions in 20 ps: k < 3.00/(64·20 ps) at 95 %
        assertThat(r.upper95PerPs()).isBetween(2.99 / 1280, 3.0 / 1280);
    }

    /** A synthetic trajectory fed to a counter as it is made. */
    static final class Synthetic {
        final TetrahedralReorientationJumps counter;
        long trueJumps;

        Synthetic(long seed, double ratePerPs, double durationFs, double librationDeg, boolean threeFold) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = GRID * GRID * GRID;
            Lattice lattice = Lattice.cubic(BOX);
            List<Molecule> mols = new ArrayList<>();
            for (int m = 0; m < n; m++) mols.add(new Molecule(m, new int[] {n + 4 * m, n + 4 * m + 1, n + 4 * m + 2, n + 4 * m + 3}, "BH4"));
            counter = new TetrahedralReorientationJumps(mols, TetrahedralReorientationJumps.DEFAULT_CONE_DEG);
            double[][] settled = new double[n][];              // settled orientation, row-major 3x3
            double[][] turnAxis = new double[n][];
            double[] turnStart = new double[n], turnAngle = new double[n], nextJump = new double[n];
            for (int m = 0; m < n; m++) {
                settled[m] = rnd.nextBoolean() ? identity() : rotation(new double[] {0, 0, 1}, Math.PI / 2);
                turnStart[m] = Double.NaN;
                nextJump[m] = ratePerPs > 0 ? exponential(rnd, ratePerPs) * 1000 : Double.POSITIVE_INFINITY;
            }
            Element[] species = new Element[5 * n];
            for (int i = 0; i < n; i++) species[i] = Element.B;
            for (int i = n; i < 5 * n; i++) species[i] = Element.H;
            double s3 = BOND / Math.sqrt(3);
            double[][] even = {{s3, s3, s3}, {s3, -s3, -s3}, {-s3, s3, -s3}, {-s3, -s3, s3}};
            for (double t = 0; t <= durationFs; t += FRAME_FS) {
                double[] x = new double[15 * n];
                for (int m = 0; m < n; m++) {
                    // a new jump starts when its Poisson time has come and the last turn is over
                    if (Double.isNaN(turnStart[m]) && t >= nextJump[m]) {
                        turnStart[m] = nextJump[m];
                        if (threeFold) {
                            double[] bond = apply(settled[m], even[rnd.nextInt(4)]);
                            turnAxis[m] = bond;
                            turnAngle[m] = (rnd.nextBoolean() ? 1 : -1) * 2 * Math.PI / 3;
                        } else {
                            double[] axis = new double[3];
                            axis[rnd.nextInt(3)] = 1;
                            turnAxis[m] = axis;
                            turnAngle[m] = (rnd.nextBoolean() ? 1 : -1) * Math.PI / 2;
                        }
                        trueJumps++;
                        nextJump[m] += exponential(rnd, ratePerPs) * 1000;
                    }
                    double[] r = settled[m];
                    if (!Double.isNaN(turnStart[m])) {
                        double f = Math.min(1, (t - turnStart[m]) / TURN_FS);
                        r = multiply(rotation(turnAxis[m], f * turnAngle[m]), settled[m]);
                        if (f >= 1) { settled[m] = r; turnStart[m] = Double.NaN; }
                    }
                    double[] lib = randomAxis(rnd);
                    r = multiply(rotation(lib, Math.toRadians(librationDeg) * gaussian(rnd)), r);
                    int gx = m / (GRID * GRID), gy = (m / GRID) % GRID, gz = m % GRID;
                    double[] c = {BOX / GRID * (gx + 0.5), BOX / GRID * (gy + 0.5), BOX / GRID * (gz + 0.5)};
                    for (int d = 0; d < 3; d++) x[3 * m + d] = c[d];
                    for (int h = 0; h < 4; h++) {
                        double[] v = apply(r, even[h]);
                        for (int d = 0; d < 3; d++) x[3 * (n + 4 * m + h) + d] = c[d] + v[d];
                    }
                }
                counter.accept(Structure.of(lattice, species, x), t);
            }
        }
    }

    static double exponential(SplittableRandom r, double rate) { return -Math.log(1 - r.nextDouble()) / rate; }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static double[] randomAxis(SplittableRandom r) {
        double z = 2 * r.nextDouble() - 1, phi = 2 * Math.PI * r.nextDouble(), s = Math.sqrt(1 - z * z);
        return new double[] {s * Math.cos(phi), s * Math.sin(phi), z};
    }

    static double[] identity() { return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}; }

    /** Rodrigues' rotation matrix about a (normalised here) axis, row-major. */
    static double[] rotation(double[] axis, double angle) {
        double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        double x = axis[0] / n, y = axis[1] / n, z = axis[2] / n, c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
        return new double[] {t * x * x + c, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, t * y * y + c, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, t * z * z + c};
    }

    static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) c[3 * i + j] += a[3 * i + k] * b[3 * k + j];
        return c;
    }

    static double[] apply(double[] r, double[] v) {
        return new double[] {r[0] * v[0] + r[1] * v[1] + r[2] * v[2], r[3] * v[0] + r[4] * v[1] + r[5] * v[2], r[6] * v[0] + r[7] * v[1] + r[8] * v[2]};
    }
}
