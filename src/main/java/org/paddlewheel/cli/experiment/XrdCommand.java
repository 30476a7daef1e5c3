package org.paddlewheel.cli.experiment;

import org.paddlewheel.report.ExperimentCharts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.paddlewheel.cli.Converters;
import org.paddlewheel.experiment.diffraction.BuiltinStructures;
import org.paddlewheel.experiment.diffraction.Crystal;
import org.paddlewheel.experiment.diffraction.PowderPattern;
import org.paddlewheel.experiment.diffraction.PseudoVoigtProfile;
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
 * {@code paddlewheel xrd [FILE] [--builtin NAME]} (also {@code diffraction pattern}): the powder
 * pattern of a structure — peak list (hkl, d, 2θ, multiplicity, relative intensity) and, with
 * {@code -o}, a pseudo-Voigt pattern as CSV and PNG/SVG. X-rays by default (Cu Kα1+Kα2), a given
 * wavelength or energy, or neutrons ({@code --neutron}, isotopes via {@code --isotope B=11B,H=D}).
 */
@Command(name = "xrd", mixinStandardHelpOptions = true, subcommands = {XrdRefineCommand.class, XrdVegardCommand.class},
        description = {"Powder diffraction pattern of a structure file or a builtin (nacl, na2nh2bh4): peaks[] with h,k,l,d_A,",
            "two_theta_deg,multiplicity,intensity_rel; X-ray form factors Waasmaier–Kirfel (ITC Vol. C), Lorentz-polarisation, B_iso."})
public class XrdCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Output output;

    @Parameters(index = "0", arity = "0..1", paramLabel = "STRUCTURE", description = "Structure file (any format paddlewheel reads) or a builtin name.")
    String structure;

    @Option(names = "--builtin", paramLabel = "NAME", description = "Builtin structure: nacl (a = 5.6402 Å) or na2nh2bh4 (cubic, a = 4.70 Å).")
    String builtin;

    @Option(names = "--a", paramLabel = "LENGTH", converter = Converters.LengthAngstrom.class,
            description = "Lattice parameter of a builtin (e.g. 4.70Å; bare number = Å).")
    Double a;

    @Option(names = "--wavelength", paramLabel = "λ",
            description = "Wavelength (e.g. 1.5406Å, 0.154nm) or line: CuKa (Kα1+Kα2, default), CuKa1, MoKa, MoKa1, CoKa, CoKa1.")
    String wavelength;

    @Option(names = "--energy", paramLabel = "E", description = "Photon energy instead of a wavelength (e.g. 27keV: λ = hc/E; synchrotron geometry).")
    String energy;

    @Option(names = "--neutron", description = "Neutron diffraction (coherent b_c, Sears 1992) at --wavelength (Å, required).")
    boolean neutron;

    @Option(names = "--isotope", split = ",", paramLabel = "EL=ISO", description = "Neutron isotope substitutions, e.g. B=11B,H=D.")
    List<String> isotopes;

    @Option(names = "--geometry", paramLabel = "G",
            description = "Lorentz-polarisation: unpolarized (lab X-rays), synchrotron (P = 1), neutron, none. Default: by probe.")
    String geometry;

    @Option(names = "--biso", defaultValue = "0", paramLabel = "Å²", description = "Isotropic displacement B (Å²) for every site; Debye–Waller exp(−B sin²θ/λ²). Default: ${DEFAULT-VALUE}.")
    double bIso;

    @Option(names = "--two-theta-min", defaultValue = "5", paramLabel = "DEG", description = "Smallest 2θ in degrees. Default: ${DEFAULT-VALUE}.")
    double twoThetaMin;

    @Option(names = "--two-theta-max", defaultValue = "90", paramLabel = "DEG", description = "Largest 2θ in degrees. Default: ${DEFAULT-VALUE}.")
    double twoThetaMax;

    @Option(names = "--fwhm", defaultValue = "0.1", paramLabel = "DEG", description = "Constant peak FWHM in degrees 2θ (Caglioti W = FWHM²). Default: ${DEFAULT-VALUE}.")
    double fwhm;

    @Option(names = "--caglioti", split = ",", paramLabel = "U,V,W", description = "Caglioti U,V,W in deg² (overrides --fwhm).")
    List<Double> caglioti;

    @Option(names = "--pv-eta", defaultValue = "0.5", paramLabel = "η", description = "Pseudo-Voigt Lorentzian fraction (0–1). Default: ${DEFAULT-VALUE}.")
    double pvEta;

    @Option(names = "--step", defaultValue = "0.01", paramLabel = "DEG", description = "2θ step of the written pattern, degrees. Default: ${DEFAULT-VALUE}.")
    double step;

    @Override
    public Integer call() throws Exception {
        Crystal crystal = crystal();
        Radiation rad = radiation();
        if (neutron) crystal = substitute(crystal);
        if (!(twoThetaMax > twoThetaMin) || twoThetaMax > 180 || twoThetaMin < 0) {
            throw new InputException("need 0 ≤ --two-theta-min < --two-theta-max ≤ 180, got " + twoThetaMin + ", " + twoThetaMax);
        }
        List<PowderPattern.Peak> peaks = PowderPattern.peaks(crystal, rad, twoThetaMin, twoThetaMax);
        Map<String, Object> out = Output.map();
        out.put("structure", crystal.name());
        out.put("probe", rad.probe().name().toLowerCase(Locale.ROOT));
        out.put("wavelength_A", rad.primaryWavelengthA());
        out.put("wavelengths_A", rad.wavelengthsA());
        out.put("geometry", rad.geometry().name().toLowerCase(Locale.ROOT));
        out.put("biso_A2", bIso);
        List<Map<String, Object>> list = new ArrayList<>();
        for (PowderPattern.Peak p : peaks) {
            Map<String, Object> m = Output.map();
            m.put("h", p.h());
            m.put("k", p.k());
            m.put("l", p.l());
            m.put("d_A", p.dA());
            m.put("two_theta_deg", p.twoThetaDeg());
            m.put("multiplicity", p.multiplicity());
            m.put("F2", p.fSquared());
            m.put("intensity_rel", p.intensityRel());
            list.add(m);
        }
        out.put("peaks", list);
        if (output.dir() != null) writeFiles(peaks, rad);
        var w = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            w.printf(Locale.ROOT, "%s, %s λ = %.6f Å%n%4s %4s %4s %10s %10s %4s %8s%n", crystal.name(), out.get("probe"), rad.primaryWavelengthA(),
                    "h", "k", "l", "d_A", "2θ_deg", "m", "I_rel");
            for (PowderPattern.Peak p : peaks) {
                w.printf(Locale.ROOT, "%4d %4d %4d %10.5f %10.4f %4d %8.2f%n", p.h(), p.k(), p.l(), p.dA(), p.twoThetaDeg(), p.multiplicity(), p.intensityRel());
            }
            w.flush();
        }
        return 0;
    }

    private Crystal crystal() {
        String name = builtin;
        if (name == null && structure != null && BuiltinStructures.NAMES.contains(structure.toLowerCase(Locale.ROOT))
                && !java.nio.file.Files.exists(Path.of(structure))) name = structure;
        if (name != null) return BuiltinStructures.of(name, a == null ? 0 : a, bIso);
        if (structure == null) throw new InputException("give a STRUCTURE file or --builtin nacl|na2nh2bh4");
        try {
            return Crystal.of(Formats.readStructure(Path.of(structure), null), bIso);
        } catch (UnsupportedOperationException e) {
            throw new InputException(structure, 0, "structure files cannot be read yet (readers pending); use --builtin nacl|na2nh2bh4");
        }
    }

    private Radiation radiation() {
        Radiation.Geometry g = geometry == null ? null : switch (geometry.toLowerCase(Locale.ROOT)) {
            case "unpolarized", "unpolarised", "lab" -> Radiation.Geometry.UNPOLARIZED;
            case "synchrotron" -> Radiation.Geometry.SYNCHROTRON;
            case "neutron" -> Radiation.Geometry.NEUTRON;
            case "none" -> Radiation.Geometry.NONE;
            default -> throw new InputException("--geometry must be unpolarized, synchrotron, neutron or none, got '" + geometry + "'");
        };
        if (energy != null && wavelength != null) throw new InputException("give --wavelength or --energy, not both");
        if (neutron) {
            if (wavelength == null) throw new InputException("--neutron needs --wavelength (e.g. 1.54Å)");
            return Radiation.monochromatic(Radiation.Probe.NEUTRON, org.paddlewheel.model.Quantity.lengthAngstrom(wavelength),
                    g == null ? Radiation.Geometry.NEUTRON : g);
        }
        if (energy != null) {
            return Radiation.monochromatic(Radiation.Probe.XRAY, Radiation.wavelengthFromKeV(Radiation.parseKeV(energy)),
                    g == null ? Radiation.Geometry.SYNCHROTRON : g);
        }
        return Radiation.xray(wavelength == null ? "CuKa" : wavelength, g == null ? Radiation.Geometry.UNPOLARIZED : g);
    }

    private Crystal substitute(Crystal c) {
        if (isotopes == null || isotopes.isEmpty()) return c;
        Map<String, String> map = new HashMap<>();
        for (String s : isotopes) {
            String[] kv = s.split("=");
            if (kv.length != 2) throw new InputException("--isotope takes EL=ISO pairs such as B=11B, got '" + s + "'");
            map.put(kv[0].strip().toLowerCase(Locale.ROOT), kv[1].strip());
        }
        List<Crystal.Site> sites = new ArrayList<>();
        for (Crystal.Site s : c.sites()) {
            List<Crystal.Shell> shells = new ArrayList<>();
            for (Crystal.Shell sh : s.shells()) {
                shells.add(new Crystal.Shell(map.getOrDefault(sh.scatterer().toLowerCase(Locale.ROOT), sh.scatterer()), sh.count(), sh.radiusA()));
            }
            sites.add(new Crystal.Site(map.getOrDefault(s.scatterer().toLowerCase(Locale.ROOT), s.scatterer()), s.fractional(), s.occupancy(), s.bIso(), shells));
        }
        return new Crystal(c.name(), c.lattice(), sites);
    }

    private void writeFiles(List<PowderPattern.Peak> peaks, Radiation rad) throws java.io.IOException {
        PseudoVoigtProfile prof = caglioti != null
                ? new PseudoVoigtProfile(caglioti.get(0), caglioti.get(1), caglioti.get(2), pvEta)
                : new PseudoVoigtProfile(0, 0, fwhm * fwhm, pvEta);
        if (caglioti != null && caglioti.size() != 3) throw new InputException("--caglioti takes U,V,W");
        int n = (int) Math.floor((twoThetaMax - twoThetaMin) / step) + 1;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = twoThetaMin + i * step;
        double[] y = prof.render(peaks, rad, x);
        StringBuilder sb = new StringBuilder("two_theta_deg,intensity\n");
        for (int i = 0; i < n; i++) sb.append(String.format(Locale.ROOT, "%.4f,%.5f%n", x[i], y[i]));
        Output.writeText(output.dir().resolve("pattern.csv"), sb.toString());
        StringBuilder pk = new StringBuilder("h,k,l,d_A,two_theta_deg,multiplicity,F2,intensity_rel\n");
        for (PowderPattern.Peak p : peaks) {
            pk.append(String.format(Locale.ROOT, "%d,%d,%d,%.6f,%.5f,%d,%.6g,%.4f%n", p.h(), p.k(), p.l(), p.dA(), p.twoThetaDeg(),
                    p.multiplicity(), p.fSquared(), p.intensityRel()));
        }
        Output.writeText(output.dir().resolve("peaks.csv"), pk.toString());
        XYChart c = ExperimentCharts.chart(String.format(Locale.ROOT, "Powder pattern, λ = %.5f Å", rad.primaryWavelengthA()), "2θ (deg)", "intensity (rel.)");
        c.getStyler().setLegendVisible(false);
        ExperimentCharts.line(c, "pattern", x, y);
        Plots.savePngAndSvg(c, output.dir().resolve("pattern"));
    }
}
