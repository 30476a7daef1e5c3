package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cp2k.GpwGrid;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;

/**
 * The GPW cut-off correction of {@code fit-ff --cutoff-correction Na}. (1) Its stress column is the strain
 * derivative of its energy column on a fixed grid (central differences of the energy column under ±1e-6
 * strains, agreement 1e-6 relative): the sign and the factor −2/3 of the fixed-grid (Pulay-like) stress.
 * (2) Recovery: the synthetic set of {@link Uf3RecoveryTest}, whose cells (scaled 0.96–1.04 and sheared) get
 * CP2K grids with effective cut-offs from 800 to ~950 Ry, is relabelled as GPW data with c_Na = −1.2 meV/Ry
 * (the size measured on the dataset's 10-atom convergence cell, forcefields/dft/README.md): the fit must
 * return c_Na to 1e-6 eV/Ry and an energy RMSE below 1e-4 eV/atom (the data are exactly representable). The
 * control fits the same data without the correction and must be left with an energy RMSE above 1 meV/atom,
 * which shows the check can fail.
 */
class Uf3CutoffCorrectionRecoveryTest {
    @TempDir
    Path tmp;

    static final String LEVEL = "PBE/DZVP-MOLOPT-SR-GTH GTH, GPW 800 Ry (rel 60), Gamma";

    @Test
    void stressColumnIsTheFixedGridStrainDerivativeOfTheEnergyColumn() {
        CutoffCorrectionColumns cc = new CutoffCorrectionColumns(List.of(Element.NA), 0);
        double[][] rows = {{9.3, 0.2, 0}, {0.1, 9.9, 0.3}, {0, -0.2, 10.4}};
        Element[] species = new Element[12];
        java.util.Arrays.fill(species, Element.NA);
        int[] grid = GpwGrid.points(rows, 800);
        Map<String, String> info = Map.of("level_of_theory", LEVEL, "cp2k_grid", grid[0] + " " + grid[1] + " " + grid[2]);
        Lattice l = Lattice.fromRows(rows);
        double[] e = new double[1];
        double[][] s = new double[6][1];
        cc.addRows(info, l, species, l.volume(), e, s);
        double h = 1e-6;
        int[][] ab = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        for (int m = 0; m < 6; m++) {
            double[] ep = new double[1], em = new double[1];
            cc.addRows(info, strained(rows, ab[m], h), species, 1, ep, new double[6][1]);
            cc.addRows(info, strained(rows, ab[m], -h), species, 1, em, new double[6][1]);
            // a symmetric shear ε_ab = ε_ba = h/2 each: dE/dh = ∂E/∂ε_ab (the stress component)
            double fd = (ep[0] - em[0]) / (2 * h) / l.volume();
            assertThat(s[m][0]).isCloseTo(fd, within(1e-6 * Math.abs(s[0][0])));
            if (m < 3) assertThat(s[m][0]).as("the energy falls with the cut-off, so the grid term is a tension (spurious negative pressure) once multiplied by c < 0; per unit c it is compressive").isNegative();
        }
    }

    /** The lattice under the symmetric strain ε_ab = ε_ba = h/2 (a = b: ε_aa = h), applied to every cell vector. */
    private static Lattice strained(double[][] rows, int[] ab, double h) {
        double[][] r = new double[3][];
        for (int i = 0; i < 3; i++) {
            r[i] = rows[i].clone();
            if (ab[0] == ab[1]) {
                r[i][ab[0]] += h * rows[i][ab[0]];
            } else {
                r[i][ab[0]] += h / 2 * rows[i][ab[1]];
                r[i][ab[1]] += h / 2 * rows[i][ab[0]];
            }
        }
        return Lattice.fromRows(r);
    }

    @Test
    void recoversTheCutoffSlope() throws Exception {
        double c = -1.2e-3; // eV per Ry per Na
        Uf3SyntheticData data = new Uf3SyntheticData(5, 8, 24);
        List<LabelledXyz.Labelled> gpw = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (var f : data.frames) {
            double[][] lat = f.structure().lattice().rows();
            int[] n = GpwGrid.points(lat, 800);
            double[] eff = GpwGrid.effectiveCutoffsRy(lat, n);
            double mean = (eff[0] + eff[1] + eff[2]) / 3;
            lo = Math.min(lo, mean);
            hi = Math.max(hi, mean);
            long na = java.util.Arrays.stream(f.structure().speciesArray()).filter(x -> x == Element.NA).count();
            double v = f.structure().lattice().volume();
            double[] st = f.stressEvPerA3().clone();
            for (int a = 0; a < 3; a++) st[4 * a] += -2.0 / 3 * c * na * eff[a] / v;
            Map<String, String> info = new LinkedHashMap<>(f.info());
            info.put("level_of_theory", LEVEL);
            gpw.add(new LabelledXyz.Labelled(f.structure(), f.energyEv() + c * na * (mean - 800), f.forcesEvPerA(), st, f.charges(), info));
        }
        System.out.printf("synthetic GPW set: effective cut-offs %.0f..%.0f Ry%n", lo, hi);
        assertThat(hi - lo).as("the set must span a range of grids").isGreaterThan(50);
        Path file = tmp.resolve("gpw.extxyz");
        LabelledXyz.write(file, gpw);
        Path base = tmp.resolve("truth.json");
        Files.writeString(base, data.truthJson.toPrettyString());
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2);
        PrintStream log = new PrintStream(System.err, true);
        Uf3Fitter.Result r = new Uf3Fitter(opt.withCutoffCorrection(List.of(Element.NA)), log).fit(Uf3Dataset.read(List.of(file)));
        Uf3Fitter.Result plain = new Uf3Fitter(opt, log).fit(Uf3Dataset.read(List.of(file)));
        double fitted = r.coefficients()[r.design().cutoffCorrectionColumn(0)];
        double eWith = Uf3Solver.rmse(r.train(), r.coefficients())[0], ePlain = Uf3Solver.rmse(plain.train(), plain.coefficients())[0];
        System.out.printf("cut-off slope: fitted %.7f eV/Ry (true %.4f); energy RMSE %.3g eV/atom with the correction, %.3g without%n",
                fitted, c, eWith, ePlain);
        assertThat(fitted).isCloseTo(c, within(1e-6));
        assertThat(eWith).isLessThan(1e-4);
        assertThat(ePlain).as("control: without the correction the grid's energies cannot be fitted").isGreaterThan(1e-3);
        assertThat(r.model().path("fit").path("cutoff_correction_eV_per_Ry").path("Na").asDouble()).isCloseTo(c, within(1e-6));
    }
}
