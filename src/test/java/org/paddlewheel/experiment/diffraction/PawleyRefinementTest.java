package org.paddlewheel.experiment.diffraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parameter recovery on synthetic patterns made by the same kinematic + pseudo-Voigt code that
 * {@code paddlewheel xrd -o} writes, with a zero shift, a sloped background and Poisson-like noise
 * (Gaussian, σ = √y, seeded): the refined a and zero must lie within 4σ of the truth (4σ: one false
 * alarm in ~16 000 per parameter when the errors are right), their errors must be small, and χ²
 * must be 1 within its sampling scatter (√(2/N) ≈ 0.015 for N ≈ 8500; allowed 0.9–1.15 to cover
 * the first-order error of the fixed-intensity model).
 */
class PawleyRefinementTest {
    static double[][] synthetic(Crystal c, Radiation rad, double zero, double[] uvw, double eta, long seed, double from, double to) {
        PseudoVoigtProfile prof = new PseudoVoigtProfile(uvw[0], uvw[1], uvw[2], eta);
        List<PowderPattern.Peak> peaks = PowderPattern.peaks(c, rad, from - 2, to + 2);
        int n = (int) Math.round((to - from) / 0.01) + 1;
        double[] x = new double[n], shifted = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = from + 0.01 * i; shifted[i] = x[i] - zero; }
        double[] pat = prof.render(peaks, rad, shifted);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            double mean = 100 * pat[i] + 200 + 1.5 * (x[i] - from);
            double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            y[i] = mean + Math.sqrt(mean) * g;
        }
        return new double[][] {x, y};
    }

    @ParameterizedTest(name = "seed {0}: a = {1} Å, zero {2}°")
    @CsvSource({"1,4.7123,0.03", "2,4.6950,-0.02", "3,4.7300,0.0"})
    void cubicNa2NH2BH4LatticeAndZeroRecovered(long seed, double a, double zero) {
        Radiation cu = Radiation.xray("CuKa", Radiation.Geometry.UNPOLARIZED);
        double[][] d = synthetic(BuiltinStructures.na2nh2bh4(a, 1.5), cu, zero, new double[] {0.01, -0.004, 0.004}, 0.4, seed, 10, 90);
        PawleyRefinement.Result r = new PawleyRefinement(d[0], d[1], null, BuiltinStructures.na2nh2bh4(4.70, 1.5), cu, 4).refine(0.1, 100);
        String msg = "seed " + seed + ": a " + r.lattice()[0] + " ± " + r.latticeStd()[0] + ", zero " + r.zeroDeg() + " ± " + r.zeroStdDeg()
                + ", Rwp " + r.rwp() + ", chi2 " + r.chi2();
        assertThat(r.system()).isEqualTo(PawleyRefinement.CrystalSystem.CUBIC);
        assertThat(Math.abs(r.lattice()[0] - a)).as(msg).isLessThan(4 * r.latticeStd()[0]);
        assertThat(r.latticeStd()[0]).as(msg).isLessThan(2e-4);
        assertThat(Math.abs(r.zeroDeg() - zero)).as(msg).isLessThan(4 * r.zeroStdDeg());
        assertThat(r.chi2()).as(msg).isBetween(0.9, 1.15);
    }

    @org.junit.jupiter.api.Test
    void orthorhombicCellRecoveredAtTheSynchrotronEnergy() {
        // an orthorhombic distortion of the cubic cell (a ≠ b ≠ c, Pmmm-like, all reflections allowed),
        // 27 keV as at 11-BM (λ = 0.4592 Å), narrow synchrotron peaks
        Radiation sx = Radiation.monochromatic(Radiation.Probe.XRAY, Radiation.wavelengthFromKeV(27), Radiation.Geometry.SYNCHROTRON);
        Crystal truth = distorted(4.6920, 4.7110, 4.7380);
        double[][] d = synthetic(truth, sx, 0.005, new double[] {0.002, -0.001, 0.0004}, 0.3, 21, 4, 30);
        PawleyRefinement.Result r = new PawleyRefinement(d[0], d[1], null, distorted(4.70, 4.71, 4.73), sx, 4).refine(0.02, 200);
        assertThat(r.system()).isEqualTo(PawleyRefinement.CrystalSystem.ORTHORHOMBIC);
        double[] t = {4.6920, 4.7110, 4.7380};
        for (int k = 0; k < 3; k++) {
            String msg = "axis " + k + ": " + r.lattice()[k] + " ± " + r.latticeStd()[k] + ", chi2 " + r.chi2();
            assertThat(Math.abs(r.lattice()[k] - t[k])).as(msg).isLessThan(4 * r.latticeStd()[k]);
            assertThat(r.latticeStd()[k]).as(msg).isLessThan(2e-4);
        }
        assertThat(r.chi2()).isBetween(0.9, 1.15);
    }

    static Crystal distorted(double a, double b, double c) {
        Crystal cubic = BuiltinStructures.na2nh2bh4(4.70, 1.5);
        return new Crystal("ortho", org.paddlewheel.model.Lattice.orthorhombic(a, b, c), cubic.sites());
    }
}
