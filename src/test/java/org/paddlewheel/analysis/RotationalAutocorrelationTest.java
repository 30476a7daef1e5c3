package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

class RotationalAutocorrelationTest {
    static final double BOND = 1.2;  // Å
    static final double HALF_ANGLE = Math.toRadians(52.5);  // bent NH2-like, H–N–H 105°

    /** Builds a structure of bent XH2 molecules with the given body frames (each 3 rows: e1, e2, e3). */
    static Structure bent(double[][][] frames, double box) {
        Structure.Builder b = Structure.builder(Lattice.cubic(box));
        for (int m = 0; m < frames.length; m++) {
            double[] c = {(m % 5) * 2.5 + 0.3, (m / 5 % 5) * 2.5 + 0.3, (m / 25) * 2.5 + 0.3};  // near a cell face: bonds cross it
            b.add(Element.N, c[0], c[1], c[2]);
            for (int s = -1; s <= 1; s += 2) {
                double[] e1 = frames[m][0], e2 = frames[m][1];
                double x = Math.cos(HALF_ANGLE), y = s * Math.sin(HALF_ANGLE);
                b.add(Element.H, c[0] + BOND * (x * e1[0] + y * e2[0]), c[1] + BOND * (x * e1[1] + y * e2[1]),
                        c[2] + BOND * (x * e1[2] + y * e2[2]));
            }
        }
        return b.build();
    }

    static List<Molecule> molecules(int n) {
        List<Molecule> l = new ArrayList<>();
        for (int m = 0; m < n; m++) l.add(new Molecule(3 * m, new int[] {3 * m + 1, 3 * m + 2}, "NH2"));
        return l;
    }

    static SeriesStore record(List<Structure> traj, OrientationSampler s, OrientationSampler.Vector v) {
        SeriesStore store = new SeriesStore(s.channels(v), true);
        double[] buf = new double[s.channels(v)];
        for (Structure st : traj) { s.sample(st, v, buf); store.append(buf); }
        return store;
    }

    /** Rotation about z at constant ω: every vector in the xy plane gives C1 = cos ωt exactly; tolerance 1e-6 from single-precision storage. */
    @Test
    void constantRotationGivesCosine() {
        int frames = 400, mol = 10;
        double omega = 2 * Math.PI / 157.0;  // rad per frame, incommensurate with the run
        List<Structure> traj = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            double[][][] fr = new double[mol][][];
            for (int m = 0; m < mol; m++) {
                double a = omega * f + m;
                fr[m] = new double[][] {{Math.cos(a), Math.sin(a), 0}, {-Math.sin(a), Math.cos(a), 0}, {0, 0, 1}};
            }
            traj.add(bent(fr, 15.0));
        }
        OrientationSampler s = new OrientationSampler(molecules(mol));
        for (OrientationSampler.Vector v : List.of(OrientationSampler.Vector.LIGAND, OrientationSampler.Vector.BISECTOR)) {
            RotationalAutocorrelation.Curves c = RotationalAutocorrelation.compute(record(traj, s, v), 0, frames);
            for (int m = 0; m < frames; m++) {
                assertThat(c.c1()[m]).as("%s lag %d", v, m).isCloseTo(Math.cos(omega * m), within(1e-6));
                double cs = Math.cos(omega * m);
                assertThat(c.c2()[m]).isCloseTo(1.5 * cs * cs - 0.5, within(1e-6));
            }
        }
        // The plane normal is the rotation axis: C1 = 1.
        RotationalAutocorrelation.Curves n = RotationalAutocorrelation.compute(record(traj, s, OrientationSampler.Vector.NORMAL), 0, frames);
        assertThat(n.c1()[frames - 1]).isCloseTo(1.0, within(1e-6));
    }

    /**
     * Isotropic rotational diffusion (random small rotations, each step's rotation vector
     * N(0, 2·D_r·Δt) per component): C1 = exp(−2D_r t), C2 = exp(−6D_r t). 400 molecules × 3000 frames
     * with τ1 = 1/(2D_r) = 500 frames give ≈ 400·6 independent samples, so ~2 % relative sampling
     * error on C; we allow 0.03 absolute on C over t ≤ τ1 and 8 % on the fitted mean times.
     */
    @Test
    void rotationalDiffusion() {
        long seed = 77;
        SplittableRandom rnd = new SplittableRandom(seed);
        int frames = 3000, mol = 400;
        double dr = 0.001;  // per frame
        double sd = Math.sqrt(2 * dr);
        double[][][] fr = new double[mol][][];
        for (int m = 0; m < mol; m++) fr[m] = new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int m = 0; m < mol; m++) for (int k = 0; k < 50; k++) rotate(fr[m], 0.5, rnd);  // random start
        OrientationSampler s = new OrientationSampler(molecules(mol));
        SeriesStore lig = new SeriesStore(s.channels(OrientationSampler.Vector.LIGAND), true);
        double[] buf = new double[lig.channels()];
        for (int f = 0; f < frames; f++) {
            if (f > 0) for (int m = 0; m < mol; m++) rotate(fr[m], sd, rnd);
            s.sample(bent(fr, 60.0), OrientationSampler.Vector.LIGAND, buf);
            lig.append(buf);
        }
        RotationalAutocorrelation.Curves c = RotationalAutocorrelation.compute(lig, 0, frames);
        for (int m = 0; m <= 500; m += 25) {
            assertThat(c.c1()[m]).as("C1 lag %d seed %d", m, seed).isCloseTo(Math.exp(-2 * dr * m), within(0.03));
            assertThat(c.c2()[m]).as("C2 lag %d seed %d", m, seed).isCloseTo(Math.exp(-6 * dr * m), within(0.03));
        }
        StretchedExponentialFit.Result f1 = StretchedExponentialFit.fit(c.c1(), 1.0, frames / 2);
        StretchedExponentialFit.Result f2 = StretchedExponentialFit.fit(c.c2(), 1.0, frames / 2);
        System.out.printf("rot. diffusion: tau1 %.1f (exact 500), beta %.3f; tau2 %.1f (exact %.1f), beta %.3f%n",
                f1.meanTauFs(), f1.beta(), f2.meanTauFs(), 1 / (6 * dr), f2.beta());
        assertThat(f1.isLowerBound()).isFalse();
        assertThat(f1.meanTauFs()).isCloseTo(1 / (2 * dr), within(0.08 / (2 * dr)));
        assertThat(f2.meanTauFs()).isCloseTo(1 / (6 * dr), within(0.08 / (6 * dr)));
        assertThat(f1.beta()).isCloseTo(1.0, within(0.1));
    }

    @Test
    void noDecayIsALowerBound() {
        double[] c = new double[1000];
        for (int m = 0; m < c.length; m++) c[m] = Math.exp(-m / 5000.0);
        StretchedExponentialFit.Result r = StretchedExponentialFit.fit(c, 0.5, 500);
        assertThat(r.isLowerBound()).isTrue();
        assertThat(r.meanTauFs()).isEqualTo(250.0);
        assertThat(r.beta()).isNaN();
        // An exact KWW curve is recovered.
        for (int m = 0; m < c.length; m++) c[m] = Math.exp(-Math.pow(m / 80.0, 0.6));
        StretchedExponentialFit.Result k = StretchedExponentialFit.fit(c, 1.0, 999);
        assertThat(k.tauFs()).isCloseTo(80.0, within(1e-4));
        assertThat(k.beta()).isCloseTo(0.6, within(1e-6));
        assertThat(k.meanTauFs()).isCloseTo(80 / 0.6 * org.hipparchus.special.Gamma.gamma(1 / 0.6), within(1e-3));
    }

    /** Rotates the body frame by a rotation vector with N(0, sd²) components (Rodrigues). */
    static void rotate(double[][] frame, double sd, SplittableRandom rnd) {
        double[] w = {rnd.nextGaussian() * sd, rnd.nextGaussian() * sd, rnd.nextGaussian() * sd};
        double th = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
        double[] k = {w[0] / th, w[1] / th, w[2] / th};
        double c = Math.cos(th), s = Math.sin(th);
        for (double[] v : frame) {
            double kv = k[0] * v[0] + k[1] * v[1] + k[2] * v[2];
            double[] x = {k[1] * v[2] - k[2] * v[1], k[2] * v[0] - k[0] * v[2], k[0] * v[1] - k[1] * v[0]};
            for (int i = 0; i < 3; i++) v[i] = v[i] * c + x[i] * s + k[i] * kv * (1 - c);
        }
    }
}
