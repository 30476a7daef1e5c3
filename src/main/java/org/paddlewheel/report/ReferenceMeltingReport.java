package org.paddlewheel.report;

import static org.paddlewheel.report.JsonNumbers.addFinite;
import static org.paddlewheel.report.JsonNumbers.putFinite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paddlewheel.study.LatentHeat;
import org.paddlewheel.study.ReferenceMeltingPoint;

/**
 * What {@code melting-reference} writes: the JSON document of a {@link ReferenceMeltingPoint} estimate (keys in SI-suffixed
 * units: K, eV/atom, Å³/atom; numbers that are not finite as null) and its figure, the free energy of melting per atom, ΔG_m(T) = ΔH_m (1 − T/T_m) + δ (meV/atom against K), of the model (δ = 0) and of
 * the reference to first and second order ({@link ReferenceMeltingPoint}): each line crosses zero at its melting point,
 * which a reader sees at once, with the model's bracket and the measured melting point marked on the axis.
 */
public final class ReferenceMeltingReport {
    private ReferenceMeltingReport() {}

    /** Writes base.png and base.svg; measuredK (NaN for none) is drawn as a vertical line. */
    public static void figure(ReferenceMeltingPoint.Result r, double measuredK, Path base) throws IOException {
        double tm = r.modelMeltingK(), dh = 1e3 * r.latentHeatEvPerAtom();
        double hi = tm;
        for (double t : new double[] {r.referenceMeltingK(), r.referenceSecondOrderK(), r.referenceBracketK()[1], measuredK}) {
            if (Double.isFinite(t)) hi = Math.max(hi, t);
        }
        double lo = Math.max(0, 0.5 * Math.min(tm, Double.isFinite(measuredK) ? measuredK : tm)), top = hi * 1.15;
        int n = 60;
        double[] t = new double[n];
        for (int k = 0; k < n; k++) t[k] = lo + (top - lo) * k / (n - 1);
        XYChart ch = ChartStyle.xy(800, 520, "Free energy of melting: model and reference (PBE) by perturbation",
                "temperature (K)", "ΔG_m = G_liquid − G_crystal (meV/atom)");
        line(ch, "model (T_m " + Math.round(tm) + " K)", t, tm, dh, 0, 0, false);
        line(ch, "reference, 1st order (" + kelvin(r.referenceMeltingK()) + ")", t, tm, dh, 1e3 * r.firstOrderEvPerAtom(), 1, false);
        if (Double.isFinite(r.secondOrderEvPerAtom())) {
            line(ch, "reference, 2nd order (" + kelvin(r.referenceSecondOrderK()) + ")", t, tm, dh, 1e3 * r.secondOrderEvPerAtom(), 2, true);
        }
        XYSeries zero = ch.addSeries("ΔG_m = 0", new double[] {lo, top}, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(java.awt.Color.GRAY);
        if (Double.isFinite(measuredK)) {
            XYSeries m = ch.addSeries("measured T_m (" + Math.round(measuredK) + " K)", new double[] {measuredK, measuredK},
                    new double[] {-dh, dh});
            m.setMarker(SeriesMarkers.NONE);
            m.setLineColor(ChartStyle.colour(3));
            m.setLineStyle(ChartStyle.DASHED);
        }
        ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        Plots.savePngAndSvg(ch, base);
    }

    /**
     * The document: the estimate, the model's melting point and its source, the latent heat (with the two runs it came from,
     * or null where it was given), the frames file and each phase's config_type globs, own and spread (empty where none).
     */
    public static ObjectNode json(ReferenceMeltingPoint.Result r, String meltingSource, LatentHeat.Result measured, String framesFile,
                                  List<String> liquid, List<String> liquidSpread, List<String> crystal, List<String> crystalSpread) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("model_melting_K", r.modelMeltingK());
        d.putArray("model_bracket_K").add(r.modelBracketK()[0]).add(r.modelBracketK()[1]);
        d.put("model_melting_source", meltingSource);
        d.put("latent_heat_eV_per_atom", r.latentHeatEvPerAtom());
        d.put("latent_heat_sigma_eV_per_atom", r.latentHeatSigma());
        if (measured != null) {
            ObjectNode lh = d.putObject("latent_heat_runs");
            for (var e : List.of(Map.entry("liquid", measured.liquid()), Map.entry("crystal", measured.crystal()))) {
                ObjectNode o = lh.putObject(e.getKey());
                LatentHeat.Run run = e.getValue();
                o.put("enthalpy_eV_per_atom", run.enthalpyEvPerAtom()).put("sigma_eV_per_atom", run.sigma()).put("temperature_K", run.temperatureK())
                        .put("volume_A3_per_atom", run.volumeA3PerAtom()).put("samples", run.samples()).put("atoms", run.atoms());
            }
        } else {
            d.putNull("latent_heat_runs");
        }
        d.put("frames_file", framesFile);
        put(d.putObject("liquid"), r.liquid(), liquid, liquidSpread);
        put(d.putObject("crystal"), r.crystal(), crystal, crystalSpread);
        d.put("offset_first_order_eV_per_atom", r.firstOrderEvPerAtom());
        putFinite(d, "offset_first_order_sigma_eV_per_atom", r.firstOrderSigma());
        putFinite(d, "offset_second_order_eV_per_atom", r.secondOrderEvPerAtom());
        putFinite(d, "reference_melting_K", r.referenceMeltingK());
        putFinite(d, "reference_melting_sigma_K", r.referenceSigmaK());
        ArrayNode br = d.putArray("reference_bracket_K");
        for (double x : r.referenceBracketK()) addFinite(br, x);
        putFinite(d, "reference_melting_second_order_K", r.referenceSecondOrderK());
        d.put("converged", r.converged());
        ArrayNode notes = d.putArray("notes");
        r.notes().forEach(notes::add);
        return d;
    }

    private static void put(ObjectNode o, ReferenceMeltingPoint.Shift s, List<String> globs, List<String> spreadGlobs) {
        o.put("config_types", String.join(",", globs));
        o.put("spread_config_types", String.join(",", spreadGlobs));
        o.put("frames", s.frames());
        o.put("atoms_per_frame", s.atomsPerFrame());
        o.put("mean_offset_eV_per_atom", s.meanEvPerAtom());
        putFinite(o, "sd_offset_eV_per_atom", s.sdEvPerAtom());
        putFinite(o, "sigma_mean_eV_per_atom", s.sigmaMeanEvPerAtom());
        putFinite(o, "second_order_eV_per_atom", s.secondOrderEvPerAtom());
        putFinite(o, "fluctuation_kT", s.fluctuationKt());
        o.put("variance_frames", s.varianceFrames());
        o.put("spread_frames", s.spreadFrames());
        putFinite(o, "sampling_shift_observed_eV_per_atom", s.samplingShiftObservedEvPerAtom());
        putFinite(o, "sampling_shift_expected_eV_per_atom", s.samplingShiftExpectedEvPerAtom());
        putFinite(o, "sampling_shift_sigma_eV_per_atom", s.samplingShiftSigmaEvPerAtom());
        if (s.samplingShiftConsistent() == null) o.putNull("sampling_shift_consistent");
        else o.put("sampling_shift_consistent", s.samplingShiftConsistent());
    }


    private static void line(XYChart ch, String name, double[] t, double tm, double dhMeV, double shiftMeV, int colour, boolean dashed) {
        double[] g = new double[t.length];
        for (int k = 0; k < t.length; k++) g[k] = dhMeV * (1 - t[k] / tm) + shiftMeV;
        XYSeries s = ch.addSeries(name, t, g);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(ChartStyle.colour(colour));
        if (dashed) s.setLineStyle(ChartStyle.DASHED);
    }

    private static String kelvin(double k) {
        return Double.isFinite(k) ? "T_m " + Math.round(k) + " K" : "no T_m";
    }
}
