package org.paddlewheel.experiment.diffraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Time-of-flight Pawley refinement in d-space on synthetic neutron patterns of cubic
 * Na2(NH2)(11BD4)-like cells: Gaussian-dominated peaks with σ² = σ0² + σ1²d² + σ2²d⁴, intensities
 * m·|F|²·d⁴ (the paper's Lorentz factor), counting noise; the cell must come back within 4σ.
 */
public class TofPawleyRefinementTest {
    /** DIFC of a 90° bank at 20 m total flight path, µs/Å. */
    public static final double DIFC = TofConversion.difc(20, 90);

    /** {d, counts, esd, tof}: log-spaced TOF bins (Δt/t = 5e-4) from 0.6 to 3.2 Å. */
    public static double[][] synthetic(Crystal c, TofConversion conv, double sigma0, double sigma1, double sigma2, double eta, long seed) {
        int n = (int) Math.ceil(Math.log(3.2 / 0.6) / Math.log(1.0005));
        double[] d = new double[n], y = new double[n], e = new double[n], t = new double[n];
        double t0 = conv.tof(0.6);
        for (int i = 0; i < n; i++) { t[i] = t0 * Math.pow(1.0005, i); d[i] = conv.d(t[i]); }
        var system = PawleyRefinement.systemOf(c.lattice());
        double fw = 2 * Math.sqrt(2 * Math.log(2));
        double[] abc = c.lattice().lengths();
        double max = 0;
        var refl = PawleyRefinement.reflections(c, Radiation.Probe.NEUTRON, system, 0.55);
        double[] area = new double[refl.size()];
        for (int k = 0; k < refl.size(); k++) {
            var r = refl.get(k);
            double dk = PawleyRefinement.d(r, abc);
            area[k] = r.multiplicity() * PowderPattern.fSquared(c, Radiation.Probe.NEUTRON, r.h(), r.k(), r.l(), dk) * Math.pow(dk, 4);
            max = Math.max(max, area[k]);
        }
        for (int k = 0; k < refl.size(); k++) {
            double dk = PawleyRefinement.d(refl.get(k), abc);
            double h = fw * Math.sqrt(sigma0 * sigma0 + sigma1 * sigma1 * dk * dk + sigma2 * sigma2 * Math.pow(dk, 4));
            double a = 30 * area[k] / max; // strongest line ≈ 3e4 counts at its maximum for Δd/d ~ 1e-3
            for (int i = 0; i < n; i++) {
                double z = 4 * (d[i] - dk) * (d[i] - dk) / (h * h);
                y[i] += a * (eta * 2 / (Math.PI * h) / (1 + z) + (1 - eta) * 2 / h * Math.sqrt(Math.log(2) / Math.PI) * Math.exp(-Math.log(2) * z));
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            double mean = y[i] + 200 + 50 * d[i];
            double g = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
            y[i] = mean + Math.sqrt(mean) * g;
            e[i] = Math.sqrt(Math.max(y[i], 1));
        }
        return new double[][] {d, y, e, t};
    }

    @Test
    void cubicCellRecoveredWithinFourSigma() {
        TofConversion conv = new TofConversion(-3.0, DIFC, 0.5);
        for (long seed = 1; seed <= 3; seed++) {
            double a = 4.69410 + 0.002 * (seed - 2);
            double[][] p = synthetic(BuiltinStructures.na2nh2bh4(a, 1.0), conv, 2e-4, 1.2e-3, 3e-4, 0.2, seed);
            var r = new TofPawleyRefinement(p[0], p[1], p[2], BuiltinStructures.na2nh2bh4(4.70, 1.0), conv, 4).refine(0.004, 200);
            assertThat(Math.abs(r.lattice()[0] - a)).as("seed %d: a = %.6f ± %.6f, truth %.5f", seed, r.lattice()[0], r.latticeStd()[0], a)
                    .isLessThan(4 * r.latticeStd()[0]);
            System.out.printf("TOF seed %d: a = %.6f ± %.6f (truth %.5f), chi2 %.3f, sigma1 %.5f%n", seed, r.lattice()[0], r.latticeStd()[0], a, r.chi2(), r.widths()[1]);
            assertThat(r.latticeStd()[0]).isLessThan(1e-4);
            assertThat(r.chi2()).isBetween(0.85, 1.2);
            assertThat(r.widths()[1]).isCloseTo(1.2e-3, within(1e-4));
        }
    }

    @Test
    void refinedDifaAbsorbsAWrongStartingDifa() {
        // data made with DIFA = 2 µs/Å²; refinement starts at 0 with DIFA free
        TofConversion truth = new TofConversion(0, DIFC, 2.0), given = new TofConversion(0, DIFC, 0.0);
        double[][] p = synthetic(BuiltinStructures.na2nh2bh4(4.6941, 1.0), truth, 2e-4, 1.2e-3, 3e-4, 0.2, 9);
        double[] d = new double[p[3].length];
        for (int i = 0; i < d.length; i++) d[i] = given.d(p[3][i]);
        var r = new TofPawleyRefinement(d, p[1], p[2], BuiltinStructures.na2nh2bh4(4.70, 1.0), given, 4).refineDifa(true).refine(0.004, 200);
        assertThat(Math.abs(r.lattice()[0] - 4.6941)).isLessThan(4 * r.latticeStd()[0]);
        System.out.printf("TOF DIFA: a = %.6f ± %.6f, DIFA = %.3f ± %.3f%n", r.lattice()[0], r.latticeStd()[0], r.difa(), r.difaStd());
        assertThat(Math.abs(r.difa() - 2.0)).isLessThan(4 * r.difaStd());
    }
}
