package org.paddlewheel.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paddlewheel.analysis.Arrhenius;
import org.paddlewheel.analysis.TetrahedralReorientationJumps;
import org.paddlewheel.io.AtomicFile;
import org.paddlewheel.model.Units;
import org.paddlewheel.study.ReorientationArrhenius;

/**
 * Writes what {@link ReorientationArrhenius} found: {@code reorientation.json} (Ea and σ in eV, every
 * temperature's jumps, rate k and σ_k per anion in 1/ps, residence time 1/k in ps and flag, the
 * references with whether the MD value agrees within 2σ) and the Arrhenius plot {@code arrhenius.png}
 * / {@code .svg}: log10 k against 1000/T with 1σ error bars (σ_k/(k ln 10)), flagged rates as open
 * markers, upper bounds from runs without a jump as ▽, the weighted fit, and the QENS slopes drawn
 * through the fit's centre so the two activation energies compare by eye. A rate is never written
 * for a temperature without jumps: {@code rate_per_ps} is null and {@code rate_upper_95_per_ps} holds the bound.
 */
public final class ReorientationReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReorientationReport() {}

    /** The JSON summary; {@code forceField} names the model. */
    public static ObjectNode json(ReorientationArrhenius.Result r, String forceField) {
        ObjectNode o = MAPPER.createObjectNode();
        Arrhenius.Result fit = r.fit();
        putNumber(o, "activation_energy_eV", fit == null ? Double.NaN : fit.activationEnergyEv());
        putNumber(o, "activation_energy_sigma_eV", fit == null ? Double.NaN : fit.activationEnergyErrorEv());
        putNumber(o, "prefactor_per_ps", fit == null ? Double.NaN : fit.prefactor());
        putNumber(o, "reduced_chi2", fit == null ? Double.NaN : fit.reducedChiSquared());
        o.put("fit_points", fit == null ? 0 : fit.points());
        if (r.fitNote() == null) o.putNull("fit_note"); else o.put("fit_note", r.fitNote());
        o.put("formula", r.formula());
        o.put("anions", r.anions());
        o.put("force_field", forceField);
        ReorientationArrhenius.Settings st = r.settings();
        ObjectNode s = o.putObject("settings");
        s.put("anion", st.anion());
        s.put("ensemble", st.ensemble().cliName());
        s.put("production_ps", st.productionFs() * 1e-3);
        s.put("equilibration_ps", st.equilibrationFs() * 1e-3);
        s.put("timestep_fs", st.timestepFs());
        s.put("frame_interval_fs", st.everyFs());
        s.put("friction_per_ps", st.frictionPerPs());
        if (st.ensemble() == org.paddlewheel.md.Ensemble.NPT) s.put("pressure_GPa", st.pressureGPa());
        s.put("jump_angle_deg", TetrahedralReorientationJumps.DEFAULT_JUMP_DEG);
        s.put("settle_fs", TetrahedralReorientationJumps.DEFAULT_SETTLE_FS);
        s.put("cone_deg", st.coneDeg());
        s.put("min_jumps", st.minJumps());
        s.put("seed", st.seed());
        s.put("threads", st.threads());
        ArrayNode runs = o.putArray("runs");
        for (ReorientationArrhenius.Run run : r.runs()) {
            TetrahedralReorientationJumps.Rate k = run.rate();
            ObjectNode x = runs.addObject();
            x.put("temperature_K", run.temperatureK());
            x.put("jumps", k.jumps());
            x.put("site_jumps", run.siteJumps());
            x.put("site_switches", run.switches());
            putNumber(x, "rate_per_ps", k.ratePerPs());
            putNumber(x, "rate_sigma_per_ps", k.sigmaPerPs());
            putNumber(x, "rate_upper_95_per_ps", k.upper95PerPs());
            putNumber(x, "residence_time_ps", k.residenceTimePs());
            x.put("observed_ps", k.observedPs());
            putNumber(x, "counted_rate_per_ps", run.counted().ratePerPs());
            putNumber(x, "dead_time_fraction", run.deadFraction());
            putNumber(x, "dispersion_index", run.dispersionIndex());
            putNumber(x, "fraction_on_111", run.assignedFraction());
            putNumber(x, "mean_volume_A3", run.meanVolumeA3());
            // conventional rock-salt cell: 4 anions
            putNumber(x, "a_A", Math.cbrt(run.meanVolumeA3() / (r.anions() / 4.0)));
            putNumber(x, "centre_rms_displacement_A", run.centreRmsA());
            x.put("fitted", run.fitted());
            if (run.flag() == null) x.putNull("flag"); else x.put("flag", run.flag());
        }
        ArrayNode refs = o.putArray("references");
        for (ReorientationArrhenius.Reference ref : r.references()) {
            ObjectNode x = refs.addObject();
            x.put("source", ref.source());
            x.put("method", ref.method());
            if (Double.isNaN(ref.activationEnergyEv())) {
                x.put("activation_energy_min_eV", ref.minEv());
                x.put("activation_energy_max_eV", ref.maxEv());
            } else {
                x.put("activation_energy_eV", ref.activationEnergyEv());
            }
            if (fit == null) {
                x.putNull("md_agrees_within_2_sigma");
            } else {
                double lo = Double.isNaN(ref.activationEnergyEv()) ? ref.minEv() : ref.activationEnergyEv();
                double hi = Double.isNaN(ref.activationEnergyEv()) ? ref.maxEv() : ref.activationEnergyEv();
                double ea = fit.activationEnergyEv(), two = 2 * fit.activationEnergyErrorEv();
                x.put("md_minus_reference_eV", ea < lo ? ea - lo : ea > hi ? ea - hi : 0.0);
                x.put("md_agrees_within_2_sigma", ea + two >= lo && ea - two <= hi);
            }
        }
        return o;
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v); else o.putNull(key);
    }

    /** Writes {@code dir/reorientation.json} and {@code dir/arrhenius.png|svg}, each atomically. */
    public static void write(ReorientationArrhenius.Result r, String forceField, Path dir) throws IOException {
        plot(r, dir.resolve("arrhenius"));
        String text = MAPPER.writeValueAsString(json(r, forceField)) + "\n";
        AtomicFile.writeText(dir.resolve("reorientation.json"), w -> w.write(text));
    }

    /** The Arrhenius plot (see the class comment). */
    public static void plot(ReorientationArrhenius.Result r, Path base) throws IOException {
        Arrhenius.Result fit = r.fit();
        String title = r.anions() + " " + r.settings().anion() + " in " + r.formula() + ": reorientation jump rate";
        XYChart ch = ChartStyle.xy(800, 520, title, "1000/T (K⁻¹)", "log10(k / ps⁻¹) per anion");
        ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        List<double[]> fitted = new ArrayList<>(), flagged = new ArrayList<>(), bounds = new ArrayList<>();
        for (ReorientationArrhenius.Run run : r.runs()) {
            var k = run.rate();
            double x = 1000 / run.temperatureK();
            if (k.jumps() == 0) bounds.add(new double[] {x, Math.log10(k.upper95PerPs()), 0});
            else (run.fitted() ? fitted : flagged).add(new double[] {x, Math.log10(k.ratePerPs()), k.sigmaPerPs() / k.ratePerPs() / Math.log(10)});
        }
        int n = 0;
        if (!fitted.isEmpty()) {
            String label = fit == null ? "MD rates" : String.format(Locale.ROOT, "MD, Ea = %.3f ± %.3f eV", fit.activationEnergyEv(), fit.activationEnergyErrorEv());
            scatter(ch, label, fitted, n++, true);
        }
        if (!flagged.isEmpty()) scatter(ch, "flagged (not fitted)", flagged, n++, false);
        if (!bounds.isEmpty()) {
            XYSeries s = ch.addSeries("no jump: 95 % upper bound", col(bounds, 0), col(bounds, 1));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.TRIANGLE_DOWN);
            s.setMarkerColor(ChartStyle.colour(n++));
        }
        if (fit != null) {
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE, sum = 0;
            for (double[] p : fitted) { lo = Math.min(lo, p[0]); hi = Math.max(hi, p[0]); sum += p[0]; }
            double mid = sum / fitted.size();
            double yMid = Math.log10(fit.predict(1000 / mid));
            line(ch, "weighted fit", lo, hi, x -> Math.log10(fit.predict(1000 / x)), n++, false);
            for (ReorientationArrhenius.Reference ref : r.references()) {
                double ea = Double.isNaN(ref.activationEnergyEv()) ? 0.5 * (ref.minEv() + ref.maxEv()) : ref.activationEnergyEv();
                String who = ref.source().replaceAll(",.*", "") + String.format(Locale.ROOT, " slope, %.3f eV", ea);
                // log10 k = log10 k(mid) − Ea/(k_B ln 10)·(1/T − 1/T_mid), x = 1000/T
                line(ch, who, lo, hi, x -> yMid - ea / (Units.BOLTZMANN_EV_PER_K * Math.log(10)) * (x - mid) / 1000, n++, true);
            }
        }
        if (n == 0) ch.addSeries("no rate", new double[] {0}, new double[] {0});
        Plots.savePngAndSvg(ch, base);
    }

    private static void scatter(XYChart ch, String label, List<double[]> pts, int n, boolean filled) {
        XYSeries s = ch.addSeries(label, col(pts, 0), col(pts, 1), col(pts, 2));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(filled ? ChartStyle.marker(n) : SeriesMarkers.CROSS);
        s.setMarkerColor(ChartStyle.colour(n));
        s.setLineColor(ChartStyle.colour(n));
    }

    private static void line(XYChart ch, String label, double lo, double hi, java.util.function.DoubleUnaryOperator y, int n, boolean dashed) {
        double[] xs = {lo, hi}, ys = {y.applyAsDouble(lo), y.applyAsDouble(hi)};
        XYSeries s = ch.addSeries(label, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(ChartStyle.colour(n));
        if (dashed) s.setLineStyle(ChartStyle.DASHED);
    }

    private static double[] col(List<double[]> pts, int c) {
        double[] out = new double[pts.size()];
        for (int i = 0; i < out.length; i++) out[i] = pts.get(i)[c];
        return out;
    }
}
