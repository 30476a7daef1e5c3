package org.paddlewheel.report;

import static org.paddlewheel.report.JsonNumbers.putFinite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.paddlewheel.study.ArrheniusByX;
import org.paddlewheel.study.ConditionResult;
import org.paddlewheel.study.Estimate;
import org.paddlewheel.study.RunFolder;
import org.paddlewheel.study.RunResult;
import org.paddlewheel.study.RunSpec;
import org.paddlewheel.study.StudyManifest;
import org.paddlewheel.study.StudyResults;

/**
 * Builds {@code summary.json}: provenance (command, versions, engine, force field, seeds), caveats,
 * pooled results per condition, every run, Arrhenius activation energies beside the paper's
 * experimental ones, the figure list and the {@code claims} array. Keys carry units
 * ({@code D_Na_cm2_per_s}, {@code tau_ps}, {@code Ea_eV}, {@code T_K}); estimates are
 * {@code {"value", "sigma"}} with 1σ. {@code D_Na_is_upper_bound} marks a D from runs without a single
 * Na hop (the MSD-slope floor): such conditions are listed under {@code T_K_not_fitted_no_hop} of the
 * Arrhenius fits instead of entering them.
 */
final class StudySummaryJson {
    private StudySummaryJson() {}

    static ObjectNode build(StudyResults r0, List<StudyFigures.Figure> figures) {
        StudyManifest m = r0.manifest();
        List<ConditionResult> conditions = r0.conditions();
        List<RunResult> results = r0.runs();
        Map<String, Double> wall = r0.wallSeconds();
        List<ArrheniusByX.Row> arrhenius = r0.arrhenius();
        List<String> caveats = r0.caveats(), missing = r0.missing();
        var J = RunFolder.JSON;
        ObjectNode root = J.createObjectNode();
        root.put("recipe", m.recipe());
        root.put("preset", m.preset());
        root.put("synthetic", "fake".equals(m.engine()));
        root.put("command", m.command());
        ObjectNode v = root.putObject("versions");
        v.put("paddlewheel", m.paddlewheelVersion());
        v.put("java", m.javaVersion());
        v.put("engine", m.engine());
        v.put("engine_version", m.engineVersion());
        v.put("analysis", r0.analysis());
        root.put("force_field", m.forceField());
        TreeSet<Long> seeds = new TreeSet<>();
        for (RunSpec s : m.runs()) seeds.add(s.seed());
        root.set("seeds", J.valueToTree(seeds));
        root.put("significance_sigma", Estimate.SIGNIFICANCE);
        root.set("caveats", J.valueToTree(caveats));
        root.put("runs_planned", m.runs().size());
        root.put("runs_finished", results.size());
        if (r0.lastFinished() != null) root.put("last_run_finished_at", r0.lastFinished()); else root.putNull("last_run_finished_at");
        root.set("runs_missing", J.valueToTree(missing));
        ArrayNode cs = root.putArray("conditions");
        for (ConditionResult c : conditions) {
            ObjectNode o = cs.addObject();
            o.put("x", c.x());
            o.put("T_K", c.temperatureK());
            o.put("frozen", c.frozen().cliName());
            o.put("seeds", c.seeds());
            o.set("D_Na_cm2_per_s", J.valueToTree(est(c.dNa())));
            o.set("sigma_NE_S_per_cm", J.valueToTree(est(c.sigmaNa())));
            o.put("D_Na_is_upper_bound", c.dNaIsUpperBound());
            o.put("no_hop_seeds_left_out", c.noHopRunsDropped());
            o.put("usable", c.usable());
            if (c.excludedBecause() != null) o.put("excluded_because", c.excludedBecause()); else o.putNull("excluded_because");
            o.put("unstable_seeds_left_out", c.unstableRunsDropped());
            o.put("na_vacancies", c.naVacancies());
            ObjectNode tau = o.putObject("tau_ps");
            c.tauPs().forEach((k, e) -> tau.set(k, J.valueToTree(est(e))));
            o.set("tau_is_lower_bound", J.valueToTree(c.tauLowerBound()));
            o.put("hops", c.hops());
            putFinite(o, "hop_rate_per_ps", c.hopRatePerPs());
            o.put("D_Na_in_cage_regime", c.dNaInCageRegime());
            o.set("coupling", J.valueToTree(c.coupling()));
        }
        ArrayNode pb = root.putArray("pbcm_conditions");   // the orthorhombic x = 1 runs: no claim uses them
        for (ConditionResult c : r0.pbcm()) {
            ObjectNode o = pb.addObject();
            o.put("phase", "pbcm");
            o.put("x", c.x());
            o.put("T_K", c.temperatureK());
            o.put("seeds", c.seeds());
            o.set("D_Na_cm2_per_s", J.valueToTree(est(c.dNa())));
            o.set("sigma_NE_S_per_cm", J.valueToTree(est(c.sigmaNa())));
            o.put("D_Na_is_upper_bound", c.dNaIsUpperBound());
            o.put("usable", c.usable());
            o.put("hops", c.hops());
            o.putNull("verdict");
        }
        ArrayNode rs = root.putArray("runs");
        for (RunResult r : results) {
            ObjectNode o = rs.addObject();
            o.put("id", r.runId());
            o.put("x", r.spec().x());
            o.put("T_K", r.spec().temperatureK());
            o.put("frozen", r.spec().frozen().cliName());
            o.put("seed", r.spec().seed());
            o.put("phase", r.spec().isPbcm() ? "pbcm" : "cubic");
            o.put("supercell", r.spec().supercell());
            o.put("equilibration_fs", r.spec().equilibrationFs());
            o.put("production_fs", r.spec().productionFs());
            o.put("timestep_fs", r.spec().timestepFs());
            o.put("ensemble", r.spec().ensemble().cliName());
            o.set("D_Na_cm2_per_s", J.valueToTree(est(r.dNa())));
            o.put("D_Na_is_upper_bound", r.dNa() != null && r.hops() == 0);
            ObjectNode tau = o.putObject("tau_ps");
            r.tauPs().forEach((k, e) -> tau.set(k, J.valueToTree(est(e))));
            o.set("tau_is_lower_bound", J.valueToTree(r.tauLowerBound()));
            o.put("hops", r.hops());
            putFinite(o, "hop_rate_per_ps", r.hopRatePerPs());
            if (r.naCageRatio() != null) putFinite(o, "na_cage_ratio", r.naCageRatio());
            o.set("stability", J.valueToTree(r.stability()));
            if (r.stabilityProblem() != null) o.put("stability_problem", r.stabilityProblem()); else o.putNull("stability_problem");
            Double w = wall.get(r.runId());
            if (w != null && Double.isFinite(w)) o.put("wall_s", w);
        }
        ArrayNode ar = root.putArray("arrhenius");
        for (ArrheniusByX.Row row : arrhenius) {
            ObjectNode o = ar.addObject();
            o.put("x", row.x());
            o.set("T_K", J.valueToTree(row.temperaturesK()));
            o.set("T_K_not_fitted_no_hop", J.valueToTree(row.noHopTemperaturesK()));
            o.set("T_K_not_fitted_unstable", J.valueToTree(row.unstableTemperaturesK()));
            o.set("Ea_D_eV", J.valueToTree(est(row.eaDEv())));
            o.set("Ea_sigma_eV", J.valueToTree(est(row.eaSigmaEv())));
            o.set("Ea_hop_rate_eV", J.valueToTree(est(row.eaHopRateEv())));
            o.set("T_K_cage_regime", J.valueToTree(row.cageTemperaturesK()));
            if (row.paperEaEv() != null) o.put("paper_experimental_Ea_eV", row.paperEaEv());
            else o.putNull("paper_experimental_Ea_eV");
        }
        ObjectNode paper = root.putObject("paper_experimental_Ea_eV");
        new java.util.TreeMap<>(ArrheniusByX.PAPER_EA_EV).forEach((x, e) -> paper.put(String.valueOf(x), e));
        ArrayNode fs = root.putArray("figures");
        for (StudyFigures.Figure f : figures) {
            ObjectNode o = fs.addObject();
            o.put("name", f.name());
            o.put("png", "figures/" + f.name() + ".png");
            o.put("svg", "figures/" + f.name() + ".svg");
            o.put("title", f.title());
            o.put("caption", f.caption());
        }
        root.set("claims", J.valueToTree(r0.claims()));
        root.set("verdicts_allowed", J.valueToTree(java.util.Arrays.stream(org.paddlewheel.study.Verdict.values()).map(org.paddlewheel.study.Verdict::json).toList()));
        return root;
    }

    /** {"value", "sigma"} with NaN (unknown) as null. */
    static java.util.Map<String, Object> est(Estimate e) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("value", e == null || !Double.isFinite(e.value()) ? null : e.value());
        m.put("sigma", e == null || !Double.isFinite(e.sigma()) ? null : e.sigma());
        return m;
    }

}
