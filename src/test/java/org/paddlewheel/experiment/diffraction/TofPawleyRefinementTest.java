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

    @Test
    void backToBackProfileHasUnitAreaAndTendsToTheGaussian() {
        double area = 0, step = 0.01;
        for (double t = -400; t <= 1500; t += step) area += TofPawleyRefinement.backToBackGauss(t, 0.04, 0.015, 8) * step;
        assertThat(area).isCloseTo(1, within(1e-6));
        // very fast rise and decay: the Gaussian of σ = 8 µs, to 1e-3 relative at the centre
        double g0 = 1 / (Math.sqrt(2 * Math.PI) * 8);
        assertThat(TofPawleyRefinement.backToBackGauss(0, 1e3, 1e3, 8)).isCloseTo(g0, within(1e-3 * g0));
        // erfcx: the asymptotic series joins the direct form at x = 25 (relative 1e-8)
        assertThat(TofPawleyRefinement.erfcx(25)).isCloseTo(TofPawleyRefinement.erfcx(24.9999999), within(1e-8 * TofPawleyRefinement.erfcx(25)));
    }

    /**
     * The real OSIRIS pattern of Na2Ca3Al2F14 shipped with EasyDiffraction (README-ncaf.md): with the
     * example's fixed calibration and back-to-back exponentials the cell matches the example's
     * a = 10.2515 Å within 0.01 %; with the symmetric pseudo-Voigt the decay tails pull it ~0.08 % high.
     */
    @Test
    void realOsirisPatternOfNacMatchesEasyDiffractionsCell() throws Exception {
        java.nio.file.Path data = java.nio.file.Path.of(getClass().getResource("ncaf-osiris-subset.xye").toURI());
        java.nio.file.Path start = java.nio.file.Path.of(getClass().getResource("ncaf-bcc-start.vasp").toURI());
        var table = org.paddlewheel.experiment.NumericTable.readCurve(data, 3);
        TofConversion conv = new TofConversion(0.008, 17591.1351, -0.3165);
        double[] t = table.column(0), d = new double[t.length];
        for (int i = 0; i < t.length; i++) d[i] = conv.d(t[i]);
        Crystal c = Crystal.of(org.paddlewheel.io.Formats.readStructure(start, null), 1.0);
        var b2b = new TofPawleyRefinement(d, table.column(1), table.column(2), c, conv, 6).backToBack(0, 0.077, 0.0114, 0.0444).refine(0.005, 200);
        var pv = new TofPawleyRefinement(d, table.column(1), table.column(2), c, conv, 6).refine(0.005, 200);
        System.out.printf("NAC OSIRIS: b2b a = %.5f ± %.5f Rwp %.4f chi2 %.2f; pV a = %.5f ± %.5f Rwp %.4f chi2 %.2f%n", b2b.lattice()[0],
                b2b.latticeStd()[0], b2b.rwp(), b2b.chi2(), pv.lattice()[0], pv.latticeStd()[0], pv.rwp(), pv.chi2());
        assertThat(b2b.lattice()[0]).isCloseTo(10.2515, within(0.001));
        assertThat(b2b.rwp()).isLessThan(pv.rwp());
        assertThat(pv.lattice()[0] - 10.2515).isBetween(0.0, 0.015);
    }
}
