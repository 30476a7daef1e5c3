package org.paddlewheel.cli.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.paddlewheel.experiment.NumericTable;
import org.paddlewheel.experiment.diffraction.BuiltinStructures;
import org.paddlewheel.experiment.diffraction.Crystal;
import org.paddlewheel.experiment.diffraction.GsasRawReader;
import org.paddlewheel.experiment.diffraction.PawleyRefinement;
import org.paddlewheel.experiment.diffraction.Radiation;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.InputException;
import org.paddlewheel.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel xrd refine PATTERN --structure START}: Pawley whole-pattern refinement
 * ({@link PawleyRefinement}) of a constant-wavelength powder pattern (two columns 2θ/intensity, or
 * GSAS {@code .xye} with esd) — lattice parameters (Å), zero shift, Caglioti U, V, W and η,
 * Chebyshev background; Rwp, Rexp, χ² and standard errors. JSON: {@code a_A}, {@code a_std_A},
 * {@code b_A}, {@code c_A} (+ std), {@code Rwp}, {@code Rexp}, {@code chi2}.
 */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = {"Pawley fit of a powder pattern (2θ, I[, esd]): cell, zero shift, Caglioti U,V,W, pseudo-Voigt η,",
            "Chebyshev background, one intensity per reflection; Rwp, Rexp, χ², standard errors.",
            "Neutron TOF (--tof with Eq. 2 constants, or --d-spacing): the same fit in d with σ² = σ0² + σ1²d² + σ2²d⁴."})
public class XrdRefineCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Output output;
    @Mixin TofRefineOptions tofOptions;

    @Parameters(index = "0", paramLabel = "PATTERN", description = "Two or three columns: 2θ (deg), intensity[, esd] (.xy, .xye, .csv), or a GSAS raw file (BANK … CONST, STD/ESD/FXYE).")
    Path pattern;

    @Option(names = "--structure", required = true, paramLabel = "START",
            description = "Starting structure: a file paddlewheel reads or a builtin (nacl, na2nh2bh4); gives the cell, its symmetry and the absences.")
    String structure;

    @Option(names = "--wavelength", paramLabel = "λ", description = "Wavelength (e.g. 1.5406Å) or line: CuKa (Kα1+Kα2), CuKa1, MoKa, CoKa. Default: CuKa.")
    String wavelength;

    @Option(names = "--energy", paramLabel = "E", description = "Photon energy instead (e.g. 27keV, the paper's 11-BM SXRD).")
    String energy;

    @Option(names = "--neutron", description = "Neutron pattern at --wavelength (absences from nuclear b_c).")
    boolean neutron;

    @Option(names = "--background", defaultValue = "6", paramLabel = "N", description = "Chebyshev background terms. Default: ${DEFAULT-VALUE}.")
    int background;

    @Option(names = "--fwhm", defaultValue = "0.1", paramLabel = "DEG", description = "Starting peak FWHM, degrees. Default: ${DEFAULT-VALUE}.")
    double fwhm;

    @Option(names = "--range", split = ",", paramLabel = "LO,HI", description = "Refine only LO ≤ 2θ ≤ HI (deg).")
    List<Double> range;

    @Option(names = "--max-iterations", defaultValue = "200", paramLabel = "N", description = "Levenberg–Marquardt iterations per stage. Default: ${DEFAULT-VALUE}.")
    int maxIterations;

    @Override
    public Integer call() throws Exception {
        Crystal start = startCrystal(structure);
        if (tofOptions.active()) return callTof(start);
        Radiation rad = radiation();
        double[] x, y, e;
        if (GsasRawReader.looksLikeGsas(pattern)) {
            double[][] g = GsasRawReader.read(pattern);
            x = g[0];
            y = g[1];
            e = g[2];
        } else {
            NumericTable d = NumericTable.readCurve(pattern, 2);
            x = d.column(0);
            y = d.column(1);
            e = d.width() >= 3 ? d.column(2) : null;
        }
        int n = x.length;
        if (n >= 2 && x[0] > x[n - 1]) {
            NmrFitLineshapeCommand.reverse(x);
            NmrFitLineshapeCommand.reverse(y);
            if (e != null) NmrFitLineshapeCommand.reverse(e);
        }
        if (range != null) {
            if (range.size() != 2 || !(range.get(1) > range.get(0))) throw new InputException("--range takes LO,HI (deg) with LO < HI");
            int a = 0, b = n;
            while (a < n && x[a] < range.get(0)) a++;
            while (b > a && x[b - 1] > range.get(1)) b--;
            x = java.util.Arrays.copyOfRange(x, a, b);
            y = java.util.Arrays.copyOfRange(y, a, b);
            if (e != null) e = java.util.Arrays.copyOfRange(e, a, b);
            n = x.length;
        }
        if (n < 50) throw new InputException(pattern.toString(), 0, "need at least 50 points in the refined range, found " + n);
        double step = (x[n - 1] - x[0]) / (n - 1);
        for (int i = 1; i < n; i++) {
            if (!(Math.abs(x[i] - x[i - 1] - step) <= 0.01 * step)) {
                throw new InputException(pattern.toString(), 0, String.format(Locale.ROOT,
                        "2θ must be evenly spaced (step %.5f°, but %.5f → %.5f)", step, x[i - 1], x[i]));
            }
        }
        if (e != null) for (int i = 0; i < n; i++) if (!(e[i] > 0)) throw new InputException(pattern.toString(), 0, "esd column has a value ≤ 0 at 2θ = " + x[i]);
        PawleyRefinement.Result r;
        try {
            r = new PawleyRefinement(x, y, e, start, rad, background).refine(fwhm, maxIterations);
        } catch (IllegalArgumentException ex) {
            throw new InputException(pattern.toString(), 0, ex.getMessage());
        }
        Map<String, Object> out = Output.map();
        out.put("file", pattern.toString());
        out.put("structure", start.name());
        out.put("method", "pawley");
        out.put("crystal_system", r.system().name().toLowerCase(Locale.ROOT));
        out.put("wavelength_A", rad.primaryWavelengthA());
        out.put("wavelengths_A", rad.wavelengthsA());
        String[] names = {"a", "b", "c"};
        for (int k = 0; k < 3; k++) {
            out.put(names[k] + "_A", r.lattice()[k]);
            out.put(names[k] + "_std_A", r.latticeStd()[k]);
        }
        out.put("volume_A3", r.lattice()[0] * r.lattice()[1] * r.lattice()[2] * (r.system() == PawleyRefinement.CrystalSystem.HEXAGONAL ? Math.sqrt(3) / 2 : 1));
        out.put("zero_deg", r.zeroDeg());
        out.put("zero_std_deg", r.zeroStdDeg());
        String[] cn = {"U_deg2", "V_deg2", "W_deg2", "eta_pv"};
        for (int k = 0; k < 4; k++) {
            out.put(cn[k], r.caglioti()[k]);
            out.put(cn[k].replace("_deg2", "_std_deg2").replace("eta_pv", "eta_pv_std"), r.cagliotiStd()[k]);
        }
        out.put("background_chebyshev", r.background());
        out.put("Rwp", r.rwp());
        out.put("Rexp", r.rexp());
        out.put("chi2", r.chi2());
        out.put("points", n);
        List<Map<String, Object>> refl = new ArrayList<>();
        for (int k = 0; k < r.reflections().size(); k++) {
            PawleyRefinement.Reflection f = r.reflections().get(k);
            double dk = 1 / Math.sqrt(f.s1() / sq(r.lattice()[0]) + f.s2() / sq(r.lattice()[1]) + f.s3() / sq(r.lattice()[2]));
            double sin = rad.primaryWavelengthA() / (2 * dk);
            if (sin >= 1) continue;
            double tt = Math.toDegrees(2 * Math.asin(sin)) + r.zeroDeg();
            if (tt < x[0] || tt > x[n - 1]) continue;
            Map<String, Object> m = Output.map();
            m.put("h", f.h());
            m.put("k", f.k());
            m.put("l", f.l());
            m.put("multiplicity", f.multiplicity());
            m.put("d_A", dk);
            m.put("two_theta_deg", tt);
            m.put("intensity", r.intensities()[k]);
            refl.add(m);
        }
        out.put("reflections", refl);
        if (output.dir() != null) write(x, y, r, out);
        var w = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            w.printf(Locale.ROOT, "%s (%s): a = %.6f(%.0f) Å", pattern, out.get("crystal_system"), r.lattice()[0], 1e6 * r.latticeStd()[0]);
            if (r.system() == PawleyRefinement.CrystalSystem.ORTHORHOMBIC) w.printf(Locale.ROOT, ", b = %.6f(%.0f) Å", r.lattice()[1], 1e6 * r.latticeStd()[1]);
            if (r.system() != PawleyRefinement.CrystalSystem.CUBIC) w.printf(Locale.ROOT, ", c = %.6f(%.0f) Å", r.lattice()[2], 1e6 * r.latticeStd()[2]);
            w.printf(Locale.ROOT, "; zero %.4f ± %.4f°; Rwp = %.4f, Rexp = %.4f, χ² = %.3f%n", r.zeroDeg(), r.zeroStdDeg(), r.rwp(), r.rexp(), r.chi2());
            w.flush();
        }
        return 0;
    }

    private static double sq(double v) { return v * v; }

    /** {@code --tof} / {@code --d-spacing}: neutron time-of-flight refinement in d-space. */
    private Integer callTof(Crystal start) throws Exception {
        if (wavelength != null || energy != null) throw new InputException("--tof/--d-spacing take no --wavelength or --energy");
        NumericTable d = NumericTable.readCurve(pattern, 2);
        double[] x = d.column(0), y = d.column(1), e = d.width() >= 3 ? d.column(2) : null;
        if (range != null) {
            if (range.size() != 2 || !(range.get(1) > range.get(0))) throw new InputException("--range takes LO,HI (units of the first column) with LO < HI");
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < x.length; i++) if (x[i] >= range.get(0) && x[i] <= range.get(1)) keep.add(i);
            double[] xx = new double[keep.size()], yy = new double[keep.size()], ee = e == null ? null : new double[keep.size()];
            for (int j = 0; j < keep.size(); j++) { xx[j] = x[keep.get(j)]; yy[j] = y[keep.get(j)]; if (ee != null) ee[j] = e[keep.get(j)]; }
            x = xx; y = yy; e = ee;
        }
        if (x.length < 50) throw new InputException(pattern.toString(), 0, "need at least 50 points in the refined range, found " + x.length);
        if (e != null) for (int i = 0; i < x.length; i++) if (!(e[i] > 0)) throw new InputException(pattern.toString(), 0, "esd column has a value ≤ 0 at " + x[i]);
        Map<String, Object> out = Output.map();
        out.put("file", pattern.toString());
        out.put("structure", start.name());
        var r = tofOptions.run(pattern.toString(), x, y, e, start, background, maxIterations, out, output.dir());
        if (output.dir() != null) Output.writeJson(output.dir().resolve("xrd-refine.json"), out);
        var w = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            w.printf(Locale.ROOT, "%s (TOF, %s): a = %.6f(%.0f) Å", pattern, out.get("crystal_system"), r.lattice()[0], 1e6 * r.latticeStd()[0]);
            if (r.system() == PawleyRefinement.CrystalSystem.ORTHORHOMBIC) w.printf(Locale.ROOT, ", b = %.6f(%.0f) Å", r.lattice()[1], 1e6 * r.latticeStd()[1]);
            if (r.system() != PawleyRefinement.CrystalSystem.CUBIC) w.printf(Locale.ROOT, ", c = %.6f(%.0f) Å", r.lattice()[2], 1e6 * r.latticeStd()[2]);
            w.printf(Locale.ROOT, "; DIFA %.4f µs/Å²; Rwp = %.4f, Rexp = %.4f, χ² = %.3f%n", r.difa(), r.rwp(), r.rexp(), r.chi2());
            w.flush();
        }
        return 0;
    }

    private void write(double[] x, double[] y, PawleyRefinement.Result r, Map<String, Object> out) throws java.io.IOException {
        StringBuilder sb = new StringBuilder("two_theta_deg,observed,calculated,difference,background\n");
        double[] diff = new double[x.length], off = new double[x.length];
        double min = Double.MAX_VALUE, maxDiff = 0;
        for (int i = 0; i < x.length; i++) {
            diff[i] = y[i] - r.calculated()[i];
            min = Math.min(min, Math.min(y[i], r.calculated()[i]));
            maxDiff = Math.max(maxDiff, diff[i]);
            sb.append(String.format(Locale.ROOT, "%.5f,%.6g,%.6g,%.6g,%.6g%n", x[i], y[i], r.calculated()[i], diff[i], r.backgroundCurve()[i]));
        }
        for (int i = 0; i < x.length; i++) off[i] = diff[i] + min - maxDiff; // difference curve below the pattern
        Output.writeText(output.dir().resolve("xrd-refine.csv"), sb.toString());
        XYChart c = org.paddlewheel.report.ExperimentCharts.chart(String.format(Locale.ROOT, "Pawley fit: a = %.5f Å, Rwp = %.4f, χ² = %.2f", r.lattice()[0], r.rwp(), r.chi2()),
                "2θ (deg)", "intensity");
        org.paddlewheel.report.ExperimentCharts.points(c, "observed", x, y);
        org.paddlewheel.report.ExperimentCharts.line(c, "calculated", x, r.calculated());
        org.paddlewheel.report.ExperimentCharts.line(c, "difference (offset)", x, off);
        c.getStyler().setMarkerSize(2);
        Plots.savePngAndSvg(c, output.dir().resolve("xrd-refine"));
        Output.writeJson(output.dir().resolve("xrd-refine.json"), out);
    }

    /** A builtin by name or a structure file. */
    static Crystal startCrystal(String name) {
        if (BuiltinStructures.NAMES.contains(name.toLowerCase(Locale.ROOT)) && !Files.exists(Path.of(name))) return BuiltinStructures.of(name, 0, 1.0);
        try {
            return Crystal.of(Formats.readStructure(Path.of(name), null), 1.0);
        } catch (UnsupportedOperationException ex) {
            throw new InputException(name, 0, "cannot read this structure format; use a CIF/POSCAR or a builtin (nacl, na2nh2bh4)");
        }
    }

    private Radiation radiation() {
        if (energy != null && wavelength != null) throw new InputException("give --wavelength or --energy, not both");
        if (neutron) {
            if (wavelength == null) throw new InputException("--neutron needs --wavelength");
            return Radiation.monochromatic(Radiation.Probe.NEUTRON, org.paddlewheel.model.Quantity.lengthAngstrom(wavelength), Radiation.Geometry.NEUTRON);
        }
        if (energy != null) return Radiation.monochromatic(Radiation.Probe.XRAY, Radiation.wavelengthFromKeV(Radiation.parseKeV(energy)), Radiation.Geometry.SYNCHROTRON);
        return Radiation.xray(wavelength == null ? "CuKa" : wavelength, Radiation.Geometry.UNPOLARIZED);
    }
}
