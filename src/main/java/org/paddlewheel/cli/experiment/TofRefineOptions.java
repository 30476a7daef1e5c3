package org.paddlewheel.cli.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.paddlewheel.experiment.diffraction.Crystal;
import org.paddlewheel.experiment.diffraction.PawleyRefinement;
import org.paddlewheel.experiment.diffraction.TofConversion;
import org.paddlewheel.experiment.diffraction.TofPawleyRefinement;
import org.paddlewheel.model.InputException;
import org.paddlewheel.report.ExperimentCharts;
import org.paddlewheel.report.Plots;
import picocli.CommandLine.Option;

/**
 * The time-of-flight options of {@code xrd refine} (a picocli mixin): the pattern's abscissa is TOF
 * in µs ({@code --tof}) or d-spacing in Å ({@code --d-spacing}); the paper's Eq. 2 constants
 * ZERO (µs), DIFC (µs/Å), DIFA (µs/Å²) convert TOF to d; builds and runs a
 * {@link TofPawleyRefinement} and writes its JSON keys and files.
 */
public final class TofRefineOptions {
    @Option(names = "--tof", description = "Neutron time-of-flight pattern: first column TOF in µs (needs --difc).")
    boolean tof;

    @Option(names = "--d-spacing", description = "Neutron pattern already in d-spacing: first column d in Å.")
    boolean dSpacing;

    @Option(names = "--difc", paramLabel = "µs/Å", description = "DIFC of Eq. 2, µs/Å (the paper does not print its NOMAD values; no default).")
    Double difc;

    @Option(names = "--difa", defaultValue = "0", paramLabel = "µs/Å²", description = "DIFA of Eq. 2, µs/Å². Default: ${DEFAULT-VALUE}.")
    double difa;

    @Option(names = "--zero-tof", defaultValue = "0", paramLabel = "µs", description = "ZERO of Eq. 2, µs. Default: ${DEFAULT-VALUE}.")
    double zero;

    @Option(names = "--refine-difa", description = "Refine DIFA (the paper let it vary for sample displacement); ZERO and DIFC stay fixed.")
    boolean refineDifa;

    @Option(names = "--rel-fwhm", defaultValue = "0.005", paramLabel = "Δd/d", description = "Starting relative FWHM Δd/d. Default: ${DEFAULT-VALUE}.")
    double relFwhm;

    @Option(names = "--b2b", split = ",", paramLabel = "α0,α1,β0,β1",
            description = "Back-to-back exponential ⊗ Gaussian profile (GSAS type 3) with fixed α = α0 + α1/d, β = β0 + β1/d⁴ (1/µs); needs --tof.")
    List<Double> b2b;

    /** Whether a TOF or d-spacing refinement was asked for. */
    boolean active() { return tof || dSpacing; }

    /** The Eq. 2 conversion (DIFC defaults to 1 for a pure d-spacing pattern, where it is unused). */
    TofConversion conversion() {
        if (tof && dSpacing) throw new InputException("give --tof or --d-spacing, not both");
        if (tof && difc == null) throw new InputException("--tof needs --difc (µs/Å): the paper's Eq. 2 constants are instrument calibrations it does not print");
        try {
            return new TofConversion(zero, difc == null ? 1 : difc, difa);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    /**
     * Refines {@code x} (TOF µs or d Å), {@code y}, {@code e} (null: counting errors) and fills
     * {@code out}; writes {@code xrd-refine.csv/.png/.svg} into {@code dir} when not null.
     */
    TofPawleyRefinement.Result run(String file, double[] x, double[] y, double[] e, Crystal start, int background, int maxIterations,
                                   Map<String, Object> out, Path dir) throws java.io.IOException {
        TofConversion conv = conversion();
        int n = x.length;
        double[] d = new double[n];
        try {
            for (int i = 0; i < n; i++) d[i] = tof ? conv.d(x[i]) : x[i];
        } catch (IllegalArgumentException ex) {
            throw new InputException(file, 0, ex.getMessage());
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
        double[] ds = new double[n], ys = new double[n], es = e == null ? null : new double[n], xs = new double[n];
        for (int i = 0; i < n; i++) {
            ds[i] = d[order[i]];
            ys[i] = y[order[i]];
            xs[i] = x[order[i]];
            if (es != null) es[i] = e[order[i]];
            if (i > 0 && !(ds[i] > ds[i - 1])) throw new InputException(file, 0, "repeated abscissa " + xs[i]);
            if (!(ds[i] > 0)) throw new InputException(file, 0, "d-spacing must be > 0, got " + ds[i] + " Å");
        }
        TofPawleyRefinement.Result r;
        try {
            TofPawleyRefinement t = new TofPawleyRefinement(ds, ys, es, start, conv, background).refineDifa(refineDifa);
            if (b2b != null) {
                if (b2b.size() != 4) throw new InputException("--b2b takes four numbers α0,α1,β0,β1 (1/µs)");
                if (!tof) throw new InputException("--b2b needs a TOF pattern (--tof with --difc)");
                t.backToBack(b2b.get(0), b2b.get(1), b2b.get(2), b2b.get(3));
            }
            r = t.refine(relFwhm, maxIterations);
        } catch (IllegalArgumentException ex) {
            throw new InputException(file, 0, ex.getMessage());
        }
        out.put("method", "pawley-tof-d");
        out.put("crystal_system", r.system().name().toLowerCase(Locale.ROOT));
        out.put("abscissa", tof ? "tof_us" : "d_A");
        String[] names = {"a", "b", "c"};
        for (int k = 0; k < 3; k++) {
            out.put(names[k] + "_A", r.lattice()[k]);
            out.put(names[k] + "_std_A", r.latticeStd()[k]);
        }
        out.put("volume_A3", r.lattice()[0] * r.lattice()[1] * r.lattice()[2] * (r.system() == PawleyRefinement.CrystalSystem.HEXAGONAL ? Math.sqrt(3) / 2 : 1));
        out.put("zero_us", conv.zeroUs());
        out.put("difc_us_per_A", tof ? conv.difcUsPerA() : null);
        out.put("difa_us_per_A2", r.difa());
        out.put("difa_std_us_per_A2", r.difaStd());
        out.put("difa_refined", refineDifa);
        out.put("profile", b2b != null ? "back-to-back exponential ⊗ Gaussian (GSAS type 3), σ_t = DIFC·σ, σ² = σ0² + σ1²d² + σ2²d⁴"
                : "pseudo-Voigt in d, FWHM = 2.3548·σ, σ² = σ0² + σ1²d² + σ2²d⁴, no exponential asymmetry");
        out.put("sigma0_A", r.widths()[0]);
        out.put("sigma1", r.widths()[1]);
        out.put("sigma2_per_A", r.widths()[2]);
        out.put("eta_pv", r.widths()[3]);
        out.put("sigma_std", new double[] {r.widthsStd()[0], r.widthsStd()[1], r.widthsStd()[2]});
        out.put("eta_pv_std", r.widthsStd()[3]);
        out.put("background_chebyshev", r.background());
        out.put("Rwp", r.rwp());
        out.put("Rexp", r.rexp());
        out.put("chi2", r.chi2());
        out.put("points", n);
        List<Map<String, Object>> refl = new ArrayList<>();
        for (int k = 0; k < r.reflections().size(); k++) {
            PawleyRefinement.Reflection f = r.reflections().get(k);
            double dk = 1 / Math.sqrt(f.s1() / sq(r.lattice()[0]) + f.s2() / sq(r.lattice()[1]) + f.s3() / sq(r.lattice()[2]));
            if (dk < ds[0] || dk > ds[n - 1]) continue;
            Map<String, Object> m = Output.map();
            m.put("h", f.h());
            m.put("k", f.k());
            m.put("l", f.l());
            m.put("multiplicity", f.multiplicity());
            m.put("d_A", dk);
            if (tof) m.put("tof_us", conv.zeroUs() + conv.difcUsPerA() * dk + r.difa() * dk * dk);
            m.put("intensity", r.intensities()[k]);
            refl.add(m);
        }
        out.put("reflections", refl);
        if (dir != null) write(dir, ds, ys, r);
        return r;
    }

    private static double sq(double v) { return v * v; }

    private static void write(Path dir, double[] d, double[] y, TofPawleyRefinement.Result r) throws java.io.IOException {
        StringBuilder sb = new StringBuilder("d_A,observed,calculated,difference,background\n");
        double[] off = new double[d.length];
        double min = Double.MAX_VALUE, maxDiff = 0;
        for (int i = 0; i < d.length; i++) {
            double diff = y[i] - r.calculated()[i];
            min = Math.min(min, Math.min(y[i], r.calculated()[i]));
            maxDiff = Math.max(maxDiff, diff);
            sb.append(String.format(Locale.ROOT, "%.6f,%.6g,%.6g,%.6g,%.6g%n", d[i], y[i], r.calculated()[i], diff, r.backgroundCurve()[i]));
        }
        for (int i = 0; i < d.length; i++) off[i] = y[i] - r.calculated()[i] + min - maxDiff;
        Output.writeText(dir.resolve("xrd-refine.csv"), sb.toString());
        XYChart c = ExperimentCharts.chart(String.format(Locale.ROOT, "TOF Pawley fit: a = %.5f Å, Rwp = %.4f, χ² = %.2f", r.lattice()[0], r.rwp(), r.chi2()),
                "d (Å)", "intensity");
        ExperimentCharts.points(c, "observed", d, y);
        ExperimentCharts.line(c, "calculated", d, r.calculated());
        ExperimentCharts.line(c, "difference (offset)", d, off);
        c.getStyler().setMarkerSize(2);
        Plots.savePngAndSvg(c, dir.resolve("xrd-refine"));
    }
}
