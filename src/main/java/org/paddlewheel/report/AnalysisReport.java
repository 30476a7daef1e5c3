package org.paddlewheel.report;

import static org.paddlewheel.report.JsonNumbers.putFinite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paddlewheel.analysis.Diffusivity;
import org.paddlewheel.analysis.DensityMap;
import org.paddlewheel.analysis.HopDetector;
import org.paddlewheel.analysis.HopRotationCoupling;
import org.paddlewheel.analysis.IonicConductivity;
import org.paddlewheel.analysis.OrientationSampler;
import org.paddlewheel.analysis.RotationalAutocorrelation;
import org.paddlewheel.analysis.QuaternionRotationEvents;
import org.paddlewheel.analysis.SiteFinder;
import org.paddlewheel.analysis.StretchedExponentialFit;
import org.paddlewheel.analysis.TrajectoryAnalysis;
import org.paddlewheel.io.AtomicFile;
import org.paddlewheel.io.Cube;
import org.paddlewheel.model.Element;

/**
 * Writes the results of {@code paddlewheel analyze} into a folder: one CSV per quantity (units in
 * every column name: ps, Å², Å, degrees, cm²/s, S/cm), {@code summary.json} (the contract documented
 * in docs/summary-json.md; NaN is written as null), PNG+SVG plots (MSD, rotational correlation, a
 * representative hop event in the style of the paper's Figure 4) and density CUBE files.
 */
public final class AnalysisReport {
    private AnalysisReport() {}

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes everything into {@code dir} and returns the summary. */
    public static ObjectNode write(Path dir, TrajectoryAnalysis.Results r, TrajectoryAnalysis.Config cfg, String input) throws IOException {
        return write(dir, r, cfg, input, true);
    }

    /** As {@link #write(Path, TrajectoryAnalysis.Results, TrajectoryAnalysis.Config, String)}; no PNG/SVG when !plots. */
    public static ObjectNode write(Path dir, TrajectoryAnalysis.Results r, TrajectoryAnalysis.Config cfg, String input,
                                   boolean plots) throws IOException {
        ObjectNode root = summary(r, cfg, input);
        double dtPs = r.timestepFs() / 1000.0;
        XYChart msdChart = plots ? chart("Mean squared displacement", "t (ps)", "MSD (Å²)") : null;
        for (Map.Entry<Element, Diffusivity.Result> e : r.diffusion().entrySet()) {
            Diffusivity.Result d = e.getValue();
            double[] coll = r.collective().get(e.getKey()).msdCollectiveA2();
            int n = d.msdTotalA2().length;
            AtomicFile.writeText(dir.resolve("msd-" + e.getKey().symbol() + ".csv"), w -> {
                w.write("time_ps,msd_A2,msd_x_A2,msd_y_A2,msd_z_A2,msd_collective_per_ion_A2\n");
                for (int m = 0; m < n; m++) {
                    w.write(fmt(m * dtPs, d.msdTotalA2()[m], d.msdAxisA2()[0][m], d.msdAxisA2()[1][m], d.msdAxisA2()[2][m], coll[m]));
                }
            });
            if (plots) addLine(msdChart, e.getKey().symbol(), d.msdTotalA2(), n, dtPs);
        }
        if (plots) Plots.savePngAndSvg(msdChart, dir.resolve("msd"));
        for (String kind : r.rotation().keySet()) {
            Map<OrientationSampler.Vector, RotationalAutocorrelation.Curves> cm = r.rotation().get(kind);
            List<OrientationSampler.Vector> vs = List.copyOf(cm.keySet());
            int n = cm.get(OrientationSampler.Vector.LIGAND).c1().length;
            AtomicFile.writeText(dir.resolve("rotation-" + kind + ".csv"), w -> {
                StringBuilder h = new StringBuilder("time_ps");
                for (OrientationSampler.Vector v : vs) h.append(",C1_").append(lower(v)).append(",C2_").append(lower(v));
                w.write(h + "\n");
                for (int m = 0; m < n; m++) {
                    StringBuilder sb = GFormat.append(new StringBuilder(), m * dtPs, 6);
                    for (OrientationSampler.Vector v : vs) {
                        GFormat.append(GFormat.append(sb.append(','), cm.get(v).c1()[m], 6).append(','), cm.get(v).c2()[m], 6);
                    }
                    w.write(sb.append('\n').toString());
                }
            });
            if (!plots) continue;
            XYChart rc = chart(kind + " orientational autocorrelation", "t (ps)", "C(t)");
            for (OrientationSampler.Vector v : vs) {
                addLine(rc, "C1 " + lower(v), cm.get(v).c1(), n, dtPs);
                addLine(rc, "C2 " + lower(v), cm.get(v).c2(), n, dtPs);
            }
            Plots.savePngAndSvg(rc, dir.resolve("rotation-" + kind));
        }
        AtomicFile.writeText(dir.resolve("hops.csv"), w -> {
            w.write("time_ps,t_leave_ps,t_enter_ps,atom,species,from_site,to_site,distance_A\n");
            for (HopDetector.Hop h : r.hops()) {
                w.write(String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%d,%s,%d,%d,%.4f%n", h.centreFrame() * dtPs, h.leaveFrame() * dtPs,
                        h.enterFrame() * dtPs, r.mobileAtoms()[h.atom()] + 1, r.mobileSpecies()[h.atom()].symbol(),
                        h.fromSite() + 1, h.toSite() + 1, h.distanceA()));
            }
        });
        for (Map.Entry<String, HopRotationCoupling.Result> e : r.coupling().entrySet()) {
            HopRotationCoupling.Result c = e.getValue();
            if (c.events() == 0) continue;
            AtomicFile.writeText(dir.resolve("coupling-" + e.getKey() + ".csv"), w -> {
                w.write("time_from_hop_ps,cation_displacement_along_hop_A,anion_angular_displacement_deg\n");
                for (int j = 0; j < c.profileTimeFs().length; j++) {
                    w.write(fmt(c.profileTimeFs()[j] / 1000, c.cationProfileA()[j], c.anionProfileDeg()[j]));
                }
            });
            if (!plots) continue;
            XYChart ev = chart("Representative hop, " + e.getKey() + " neighbours", "t − t_hop (ps)", "Na displacement (Å)");
            double[] t = new double[c.profileTimeFs().length];
            for (int j = 0; j < t.length; j++) t[j] = c.profileTimeFs()[j] / 1000;
            addLine(ev, "cation", t, c.exampleCationA()).setLineColor(java.awt.Color.BLACK);
            for (int q = 0; q < c.exampleAnionDeg().length; q++) {
                addLine(ev, e.getKey() + " #" + (q + 1), t, c.exampleAnionDeg()[q]).setYAxisGroup(1);
            }
            ev.setYAxisGroupTitle(1, "angular displacement (°)");
            ev.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            Plots.savePngAndSvg(ev, dir.resolve("coupling-" + e.getKey() + "-event"));
        }
        for (Map.Entry<Element, DensityMap> e : r.density().entrySet()) {
            DensityMap d = e.getValue();
            Cube.write(dir.resolve("density-" + e.getKey().symbol() + ".cube"), e.getKey().symbol() + " probability density from " + input,
                    d.foldedCell(), d.gridPoints(), d.density(cfg.densitySigmaA()), null);
        }
        AtomicFile.writeText(dir.resolve("summary.json"), w -> w.write(MAPPER.writeValueAsString(root) + "\n"));
        return root;
    }

    /** The summary.json tree. */
    public static ObjectNode summary(TrajectoryAnalysis.Results r, TrajectoryAnalysis.Config cfg, String input) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode in = root.putObject("input");
        in.put("trajectory", input);
        in.put("frames_analysed", r.frames());
        in.put("timestep_ps", r.timestepFs() / 1000);
        in.put("duration_ps", (r.frames() - 1) * r.timestepFs() / 1000);
        in.put("mean_volume_A3", r.meanVolumeA3());
        putFinite(in, "temperature_K", cfg.temperatureK());
        in.put("skip_ps", cfg.skipFs() / 1000);
        in.put("every", cfg.every());
        in.put("unwrap_warnings", r.unwrapWarnings());
        ObjectNode diff = root.putObject("diffusion");
        ObjectNode cond = root.putObject("conductivity");
        for (Map.Entry<Element, Diffusivity.Result> e : r.diffusion().entrySet()) {
            Diffusivity.Result d = e.getValue();
            ObjectNode o = diff.putObject(e.getKey().symbol());
            putFinite(o, "D_cm2_per_s", d.dCm2PerS());
            putFinite(o, "D_std_cm2_per_s", d.dStdCm2PerS());
            arr(o.putArray("D_axis_cm2_per_s"), d.axisDCm2PerS());
            arr(o.putArray("D_axis_std_cm2_per_s"), d.axisDStdCm2PerS());
            arr(o.putArray("block_D_cm2_per_s"), d.blockDCm2PerS());
            o.put("fit_start_ps", d.fitStartFs() / 1000);
            o.put("fit_end_ps", d.fitEndFs() / 1000);
            o.put("uncertainty", "block averaging over " + d.blockDCm2PerS().length + " independent segments, Student-t 68.27% half-width");
            o.put("framework_drift_removed", !cfg.framework().isEmpty());
            IonicConductivity.Collective c = r.collective().get(e.getKey());
            ObjectNode s = cond.putObject(e.getKey().symbol());
            Double q = cfg.chargesE().get(e.getKey());
            putFinite(s, "charge_e", q == null ? Double.NaN : q);
            putFinite(s, "sigma_S_per_cm", r.conductivitySPerCm().getOrDefault(e.getKey(), Double.NaN));
            putFinite(s, "sigma_std_S_per_cm", r.conductivityStdSPerCm().getOrDefault(e.getKey(), Double.NaN));
            if (!r.conductivitySPerCm().containsKey(e.getKey())) s.put("note", q == null ? "no charge for this species: give --charge" : "no temperature: give --temperature");
            putFinite(s, "D_sigma_cm2_per_s", c.dSigmaCm2PerS());
            putFinite(s, "D_sigma_std_cm2_per_s", c.dSigmaStdCm2PerS());
            putFinite(s, "haven_ratio", c.havenRatio());
            putFinite(s, "haven_ratio_std", c.havenRatioStd());
        }
        driftSummary(root, r);
        ObjectNode st = root.putObject("stability");
        r.stability().forEach((kind, v) -> {
            ObjectNode o = st.putObject(kind);
            o.put("centres", v.centres());
            putFinite(o, "lindemann_ratio", v.lindemann());
            putFinite(o, "centre_msd_A2", v.msdA2());
            putFinite(o, "site_spacing_A", v.nearestNeighbourA());
            putFinite(o, "cell_length_drift", v.cellDrift());
            if (v.problem() != null) o.put("problem", v.problem()); else o.putNull("problem");
        });
        ObjectNode rot = root.putObject("rotation");
        for (String kind : r.rotationFits().keySet()) {
            ObjectNode o = rot.putObject(kind);
            for (Map.Entry<OrientationSampler.Vector, StretchedExponentialFit.Result[]> v : r.rotationFits().get(kind).entrySet()) {
                ObjectNode t = v.getKey() == OrientationSampler.Vector.LIGAND ? o : o.putObject(lower(v.getKey()));
                StretchedExponentialFit.Result f1 = v.getValue()[0], f2 = v.getValue()[1];
                putFinite(t, "tau1_ps", f1.meanTauFs() / 1000);
                t.put("tau1_is_lower_bound", f1.isLowerBound());
                putFinite(t, "beta", f1.beta());
                putFinite(t, "tau1_kww_ps", f1.tauFs() / 1000);
                putFinite(t, "tau2_ps", f2.meanTauFs() / 1000);
                t.put("tau2_is_lower_bound", f2.isLowerBound());
                putFinite(t, "beta2", f2.beta());
            }
        }
        SiteFinder.Sites found = r.sites();
        ObjectNode so = root.putObject("sites");
        so.put("method", found.method());
        so.put("count", found.count());
        so.put("vacant_at_start", Math.max(0, found.count() - r.mobileAtoms().length));
        so.put("vacant", Math.max(0, found.count() - r.mobileAtoms().length));
        so.put("symmetry_operations", found.symmetryOperations());
        if (found.beforeSymmetry() >= 0) {
            so.put("found_before_symmetry", found.beforeSymmetry());
            so.put("supplied_by_symmetry", java.util.Arrays.stream(found.occupancy()).filter(Double::isNaN).count());
        }
        putFinite(so, "site_spacing_A", r.siteSpacingA());
        if (java.util.Arrays.stream(found.occupancy()).anyMatch(Double::isFinite)) {
            so.put("density_peaks", found.candidates());
            arr(so.putArray("occupancy"), found.occupancy());
        }
        ObjectNode hops = root.putObject("hops");
        double durPs = (r.frames() - 1) * r.timestepFs() / 1000;
        for (Element e : r.diffusion().keySet()) {
            int atoms = 0;
            for (Element s : r.mobileSpecies()) if (s == e) atoms++;
            long count = r.hops().stream().filter(h -> r.mobileSpecies()[h.atom()] == e).count();
            ObjectNode o = hops.putObject(e.symbol());
            o.put("count", count);
            putFinite(o, "rate_per_ps", count / (atoms * durPs));
            putFinite(o, "total_rate_per_ps", count / durPs);
            o.put("site_radius_A", r.siteRadiusA());
            // No site change in the whole run: the MSD slope then measures vibrations and cell
            // fluctuations inside the fit window, not long-range transport; say so beside D.
            ObjectNode de = (ObjectNode) root.get("diffusion").get(e.symbol());
            de.put("hops_detected", count);
            if (count == 0) {
                de.put("note", "no hops detected: D is the floor of the MSD-slope estimator (vibrations, cell"
                        + " fluctuations within the fit window), not long-range diffusion");
            }
            SummaryFlags.notResults(root, e, r, count, durPs);
        }
        SummaryFlags.rotationFlags(root, durPs);
        SummaryFlags.rotationEvents(root, r);
        ObjectNode cp = root.putObject("coupling");
        for (Map.Entry<String, HopRotationCoupling.Result> e : r.coupling().entrySet()) {
            HopRotationCoupling.Result c = e.getValue();
            ObjectNode o = cp.putObject(e.getKey());
            o.put("events", c.events());
            putFinite(o, "score", c.scoreDeg());
            putFinite(o, "z", c.z());
            putFinite(o, "p_value", c.pValue());
            putFinite(o, "hop_rotation_deg", c.hopRotationDeg());
            putFinite(o, "control_rotation_deg", c.controlRotationDeg());
            putFinite(o, "neighbours_per_event", c.meanNeighbours());
            putFinite(o, "sync_correlation", c.syncCorrelation());
            putFinite(o, "sync_lag_ps", c.syncLagFs() / 1000);
            o.put("cutoff_A", cfg.couplingCutoffA());
        }
        return root;
    }

    private static String lower(OrientationSampler.Vector v) { return v.name().toLowerCase(Locale.ROOT); }


    private static void arr(ArrayNode a, double[] v) {
        for (double x : v) { if (Double.isFinite(x)) a.add(x); else a.addNull(); }
    }

    /**
     * {@code drift}: centre-of-mass motion of the framework (removed) or of a watched reference
     * sublattice (not removed), with a note when it is large enough to bias the mobile D.
     */
    private static void driftSummary(ObjectNode root, TrajectoryAnalysis.Results r) {
        TrajectoryAnalysis.Drift d = r.drift();
        if (d == null) return;
        ObjectNode o = root.putObject("drift");
        var sp = o.putArray("species");
        d.species().forEach(e -> sp.add(e.symbol()));
        o.put("removed", d.removed());
        putFinite(o, "D_com_cm2_per_s", d.dCm2PerS());
        putFinite(o, "D_com_std_cm2_per_s", d.dStdCm2PerS());
        putFinite(o, "net_displacement_A", d.netA());
        double dMobile = 0;
        for (Diffusivity.Result x : r.diffusion().values()) dMobile = Math.max(dMobile, x.dCm2PerS());
        boolean significant = d.dCm2PerS() > 3 * (Double.isNaN(d.dStdCm2PerS()) ? 0 : d.dStdCm2PerS());
        if (!d.removed() && significant && d.dCm2PerS() > 0.05 * dMobile) {
            String names = String.join(",", d.species().stream().map(Element::symbol).toList());
            o.put("note", "the " + names + " sublattice's centre of mass diffuses (D = " + String.format(Locale.ROOT, "%.3g", d.dCm2PerS())
                    + " cm2/s, " + String.format(Locale.ROOT, "%.0f", 100 * d.dCm2PerS() / Math.max(dMobile, 1e-300))
                    + " % of the mobile D): if " + names + " does not diffuse, the whole cell drifts (a thermostat that does not"
                    + " conserve momentum?) and every D above includes it; rerun with --framework " + names);
        }
    }

    private static String fmt(double... v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) GFormat.append(i == 0 ? sb : sb.append(','), v[i], 8);
        return sb.append('\n').toString();
    }

    /** Most points drawn per curve: more are invisible at 800 px and make plotting slow. */
    static final int MAX_PLOT_POINTS = 1000;

    /** Adds y[0..n) at times m·dtPs as a line, every k-th point (and the last) when n is large. */
    private static void addLine(XYChart c, String name, double[] y, int n, double dtPs) {
        double[] t = new double[n];
        for (int m = 0; m < n; m++) t[m] = m * dtPs;
        addLine(c, name, t, java.util.Arrays.copyOf(y, n));
    }

    /** Adds (x, y) as a line of at most ~{@link #MAX_PLOT_POINTS} points: every k-th point and the last. */
    private static XYSeries addLine(XYChart c, String name, double[] x, double[] y) {
        int n = x.length;
        int stride = Math.max(1, (n + MAX_PLOT_POINTS - 1) / MAX_PLOT_POINTS);
        int k = n == 0 ? 0 : (n - 1) / stride + 1 + ((n - 1) % stride == 0 ? 0 : 1);
        double[] tx = new double[k], ty = new double[k];
        for (int j = 0; j < k; j++) {
            int m = Math.min(n - 1, j * stride);
            tx[j] = x[m];
            ty[j] = y[m];
        }
        XYSeries s = c.addSeries(name, tx, ty);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    private static XYChart chart(String title, String x, String y) {
        return ChartStyle.xy(800, 560, title, x, y);
    }
}
