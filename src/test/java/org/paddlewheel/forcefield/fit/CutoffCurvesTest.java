package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Measured per-ion GPW cut-off curves ({@link CutoffCurves}, {@code fit-ff --cutoff-curves}). (1) A straight-line curve
 * E = c·E_eff gives exactly the fitted constant-slope correction (energy and stress to 1e-12 relative: a cubic spline
 * interpolation is exact on a line). (2) On a curved E = A/E_eff the stress term is the fixed-grid strain
 * derivative of the energy term (central differences, 1e-6 relative), and the energy term matches the analytic
 * A/Ē − A/E_nom to 1e-4 relative (interpolation through points 25 Ry apart; the error of a cubic scheme on 1/x there is
 * ~(25/800)⁴ ≈ 1e-6, so 1e-4 is loose but can still fail on a wrong sign or factor). (3) Recovery: synthetic GPW data
 * whose energies and stresses carry a curved per-Na term are fitted exactly (energy RMSE below 1e-4 eV/atom) with the
 * curves and not without them (control above 1e-3 eV/atom), and the model carries the curves for dft compare.
 * (4) A malformed row is one error naming the file and line.
 */
class CutoffCurvesTest {
    @TempDir
    Path tmp;

    static final String LEVEL = "PBE/DZVP-MOLOPT-SR-GTH GTH, GPW 800 Ry (rel 60), Gamma";

    private static CutoffCurves curve(java.util.function.DoubleUnaryOperator e) {
        int n = 57;
        double[] x = new double[n], y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = 600 + 25 * k;
            y[k] = e.applyAsDouble(x[k]);
        }
        return new CutoffCurves(List.of(new CutoffCurves.Curve(Element.NA, "Na+", x, y)));
    }

    private static Structure cell(double[][] rows) {
        Element[] sp = {Element.NA, Element.NA, Element.NA, Element.O, Element.NA, Element.O};
        double[] x = new double[3 * sp.length];
        for (int i = 0; i < x.length; i++) x[i] = 0.37 * i % 4.1;
        return Structure.of(Lattice.fromRows(rows), sp, x);
    }

    private static Map<String, String> info(double[][] rows) {
        int[] g = GpwGrid.points(rows, 800);
        return Map.of("level_of_theory", LEVEL, "cp2k_grid", g[0] + " " + g[1] + " " + g[2]);
    }

    @Test
    void aStraightLineIsTheConstantSlopeCorrection() {
        double c = -1.1e-3;
        double[][] rows = {{9.3, 0.2, 0}, {0.1, 9.9, 0.3}, {0, -0.2, 10.4}};
        Structure s = cell(rows);
        double[] lin = new CutoffCorrection(Map.of(Element.NA, c)).term(info(rows), s);
        double[] cur = new CutoffCorrection(Map.of(), curve(x -> 5 + c * x)).term(info(rows), s);
        for (int m = 0; m < 7; m++) assertThat(cur[m]).isCloseTo(lin[m], within(1e-12 * Math.abs(lin[m]) + 1e-15));
        assertThat(lin[0]).as("4 Na on a grid above 800 Ry with c < 0").isNegative();
    }

    @Test
    void curvedStressIsTheStrainDerivativeOfTheCurvedEnergy() {
        double a = 250.0; // eV·Ry: E = A/E_eff falls by ~0.4 meV/Ry at 800 Ry
        CutoffCorrection cc = new CutoffCorrection(Map.of(), curve(x -> a / x));
        double[][] rows = {{9.3, 0.2, 0}, {0.1, 9.9, 0.3}, {0, -0.2, 10.4}};
        Map<String, String> info = info(rows);
        Structure s = cell(rows);
        double[] t = cc.term(info, s);
        var g = CutoffCorrectionColumns.GridCutoff.of(info, s.lattice());
        assertThat(t[0]).isCloseTo(4 * (a / g.meanRy() - a / 800), within(1e-4 * Math.abs(t[0])));
        double h = 1e-6, v = s.lattice().volume();
        int[][] ab = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        for (int m = 0; m < 6; m++) {
            double ep = cc.term(info, cell(strained(rows, ab[m], h)))[0], em = cc.term(info, cell(strained(rows, ab[m], -h)))[0];
            assertThat(t[1 + m]).as("σ_%d", m).isCloseTo((ep - em) / (2 * h) / v, within(1e-6 * Math.abs(t[1])));
        }
    }

    private static double[][] strained(double[][] rows, int[] ab, double h) {
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
        return r;
    }

    @Test
    void fitWithTheCurvesRecoversCurvedGridData() throws Exception {
        double a = 900.0; // eV·Ry per Na: slope −1.4 meV/Ry at 800 Ry, −0.9 at 1000 (the size measured on Na+)
        CutoffCurves curves = curve(x -> a / x);
        Uf3SyntheticData data = new Uf3SyntheticData(5, 8, 24);
        List<LabelledXyz.Labelled> gpw = new ArrayList<>();
        for (var f : data.frames) {
            Map<String, String> info = new LinkedHashMap<>(f.info());
            info.put("level_of_theory", LEVEL);
            double[] t = new CutoffCorrection(Map.of(), curves).term(info, f.structure());
            double[] st = f.stressEvPerA3().clone();
            int[][] at = {{0}, {4}, {8}, {1, 3}, {2, 6}, {5, 7}};
            for (int m = 0; m < 6; m++) for (int q : at[m]) st[q] += t[1 + m];
            gpw.add(new LabelledXyz.Labelled(f.structure(), f.energyEv() + t[0], f.forcesEvPerA(), st, f.charges(), info));
        }
        Path file = tmp.resolve("gpw.extxyz");
        LabelledXyz.write(file, gpw);
        Path base = tmp.resolve("truth.json");
        Files.writeString(base, data.truthJson.toPrettyString());
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2);
        PrintStream log = new PrintStream(System.err, true);
        Uf3Fitter.Result with = new Uf3Fitter(opt.withCutoffCurves(curves), log).fit(Uf3Dataset.read(List.of(file)));
        Uf3Fitter.Result plain = new Uf3Fitter(opt, log).fit(Uf3Dataset.read(List.of(file)));
        double eWith = Uf3Solver.rmse(with.train(), with.coefficients())[0], ePlain = Uf3Solver.rmse(plain.train(), plain.coefficients())[0];
        System.out.printf("curved grid data: energy RMSE %.3g eV/atom with the curves, %.3g without%n", eWith, ePlain);
        assertThat(eWith).isLessThan(1e-4);
        assertThat(ePlain).as("control: the curved grid term is not in the model's span").isGreaterThan(1e-3);
        CutoffCorrection back = CutoffCorrection.ofModel(with.model());
        assertThat(back.isEmpty()).isFalse();
        // the spline's derivative between points 25 Ry apart: within 0.1 % of the analytic −A/E²
        assertThat(back.curves().slope(Element.NA, 900)).isCloseTo(-a / (900.0 * 900), within(1e-3 * a / (900.0 * 900)));
    }

    @Test
    void readsATableAndNamesTheLineOfABadRow() throws Exception {
        Path ok = tmp.resolve("ok.tsv");
        StringBuilder b = new StringBuilder("ion\telement\tgrid_points\teffective_Ry\tenergy_eV\n");
        for (int k = 0; k < 6; k++) b.append("Na+\tNa\t").append(120 + 8 * k).append('\t').append(600 + 100 * k).append('\t').append(-1279.0 - 0.1 * k).append('\n');
        Files.writeString(ok, b);
        CutoffCurves c = CutoffCurves.read(ok);
        assertThat(c.slope(Element.NA, 850)).isCloseTo(-1e-3, within(1e-12));
        assertThat(c.slope(Element.H, 850)).isZero();
        assertThatThrownBy(() -> c.slope(Element.NA, 1200)).hasMessageContaining("outside");
        Path bad = tmp.resolve("bad.tsv");
        Files.writeString(bad, b + "Na+\tNa\t180\tabc\t-1279\n");
        assertThatThrownBy(() -> CutoffCurves.read(bad)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.source()).endsWith("bad.tsv");
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.getMessage()).contains("effective_Ry");
        });
    }
}
