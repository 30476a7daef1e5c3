package org.paddlewheel.report;

import static org.paddlewheel.report.JsonNumbers.putFinite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.paddlewheel.analysis.Diffusivity;
import org.paddlewheel.analysis.QuaternionRotationEvents;
import org.paddlewheel.analysis.TrajectoryAnalysis;
import org.paddlewheel.model.Element;

/**
 * The parts of {@code summary.json} added for issue 13: flags on numbers that are not results and
 * Jun et al.'s rotation events (docs/summary-json.md, docs/paddlewheel-views.md). Package-private
 * helpers of {@link AnalysisReport}.
 */
final class SummaryFlags {
    private SummaryFlags() {}

    /**
     * Flags numbers that are not results (issue 13): per species, {@code diffusion.<Sp>.flags} and
     * {@code conductivity.<Sp>.flags} list {@code no_hop} (no site change in the run: D and σ_NE
     * come from the MSD-slope floor) and {@code cage_regime} (the MSD at the end of the fit window
     * is below the squared shortest site spacing: the fit saw rattling in the cage, not
     * site-to-site transport); {@code is_result} is false when any applies. Rotation fits whose
     * mean τ exceeds the run length get {@code tau1_beyond_run}/{@code tau2_beyond_run}. Every flag
     * is also a sentence in the top-level {@code flags} list.
     */
    static void notResults(ObjectNode root, Element e, TrajectoryAnalysis.Results r, long hopCount, double durPs) {
        ObjectNode de = (ObjectNode) root.get("diffusion").get(e.symbol());
        ObjectNode ce = (ObjectNode) root.get("conductivity").get(e.symbol());
        ArrayNode all = root.has("flags") ? (ArrayNode) root.get("flags") : root.putArray("flags");
        ArrayNode df = de.putArray("flags"), cf = ce.putArray("flags");
        if (hopCount == 0) {
            df.add("no_hop");
            cf.add("no_hop");
            all.add(e.symbol() + ": no hop in the run; D and sigma_NE are the MSD-slope floor, not transport results");
        }
        Diffusivity.Result d = r.diffusion().get(e);
        double spacing = r.siteSpacingA();
        double msdEnd = d.msdAtFitEndA2();
        if (Double.isFinite(spacing) && Double.isFinite(msdEnd)) {
            de.put("msd_at_fit_end_A2", msdEnd);
            de.put("site_spacing_A", spacing);
            if (msdEnd < spacing * spacing) {
                df.add("cage_regime");
                cf.add("cage_regime");
                all.add(String.format(Locale.ROOT, "%s: D was fitted inside the cage regime (MSD %.3g A^2 at the end of the fit window"
                        + " < site spacing^2 = %.3g A^2); run longer or fit a later window", e.symbol(), msdEnd, spacing * spacing));
            }
        }
        de.put("is_result", df.isEmpty());
        ce.put("is_result", cf.isEmpty());
    }

    /**
     * {@code rotation_events.<kind>}: Jun, Lee, Kam and Ceder's view ({@link QuaternionRotationEvents}) beside ours
     * ({@code coupling}); present only with {@code analyze --rotation-events}.
     */
    static void rotationEvents(ObjectNode root, TrajectoryAnalysis.Results r) {
        if (r.rotationEvents().isEmpty()) return;
        ObjectNode all = root.putObject("rotation_events");
        for (Map.Entry<String, QuaternionRotationEvents.Result> e : r.rotationEvents().entrySet()) {
            QuaternionRotationEvents.Result q = e.getValue();
            QuaternionRotationEvents.Params p = q.params();
            ObjectNode o = all.putObject(e.getKey());
            o.put("method", "Jun, Lee, Kam, Ceder, PNAS 2024: quaternion rotation events of each anion and their correlation with hops"
                    + " (displacement rule); p from a random-hop-time null (ours)");
            o.put("events", q.events().size());
            putFinite(o, "mean_angle_deg", q.meanAngleDeg());
            o.put("large_angle_events", q.largeAngleEvents());
            o.put("hops", q.hops().size());
            o.put("correlated_hops", q.correlatedHops());
            putFinite(o, "correlated_fraction", q.hops().isEmpty() ? Double.NaN : q.correlatedHops() / (double) q.hops().size());
            putFinite(o, "null_correlated_mean", q.nullMean());
            putFinite(o, "p_value", q.pValue());
            o.put("correlated_hops_large_angle", q.correlatedHopsLarge());
            putFinite(o, "null_correlated_mean_large_angle", q.nullMeanLarge());
            putFinite(o, "p_value_large_angle", q.pValueLarge());
            ObjectNode s = o.putObject("settings");
            s.put("min_dt_fs", p.minDtFs());
            s.put("ignored_angle_deg", p.ignoredAngleDeg());
            s.put("tolerance_deg", p.toleranceDeg());
            s.put("max_delay_fs", p.maxDelayFs());
            s.put("hop_length_A", p.hopLengthA());
            s.put("time_scale_fs", p.timeScaleFs());
            s.put("length_scale_A", p.lengthScaleA());
            s.put("large_angle_deg", p.largeAngleDeg());
            s.put("null_draws", p.nullDraws());
        }
    }

    /** Rotation times longer than the run: {@code tau1_beyond_run}, {@code tau2_beyond_run} and a top-level flag. */
    static void rotationFlags(ObjectNode root, double durPs) {
        ArrayNode all = root.has("flags") ? (ArrayNode) root.get("flags") : root.putArray("flags");
        ObjectNode rot = (ObjectNode) root.get("rotation");
        if (rot == null) return;
        for (var it = rot.fields(); it.hasNext(); ) {
            var kind = it.next();
            flagTau(kind.getValue(), kind.getKey(), durPs, all);
            for (var sub = kind.getValue().fields(); sub.hasNext(); ) {
                var v = sub.next();
                if (v.getValue().isObject()) flagTau(v.getValue(), kind.getKey() + " " + v.getKey(), durPs, all);
            }
        }
    }

    private static void flagTau(com.fasterxml.jackson.databind.JsonNode n, String what, double durPs, ArrayNode all) {
        ObjectNode o = (ObjectNode) n;
        for (String k : new String[] {"tau1", "tau2"}) {
            com.fasterxml.jackson.databind.JsonNode t = o.get(k + "_ps");
            if (t == null || !t.isNumber()) continue;
            boolean beyond = t.asDouble() > durPs;
            o.put(k + "_beyond_run", beyond);
            if (beyond) {
                all.add(String.format(Locale.ROOT, "%s: %s = %.3g ps is longer than the run (%.3g ps): an extrapolation, not a measured time",
                        what, k, t.asDouble(), durPs));
            }
        }
    }

}
