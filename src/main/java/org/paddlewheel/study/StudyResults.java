package org.paddlewheel.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a study's report shows, as data: the manifest, every finished run's result (analysing
 * a finished run first when its {@code result.json} is missing, or re-analysing it when the result
 * predates the cell-stability check and the trajectory is still there), conditions pooled over seeds,
 * Arrhenius fits per x, the claims with their evidence and the caveats. {@code org.paddlewheel.report}
 * draws and writes it; nothing here draws.
 *
 * @param analysis   description of the analysis that produced the run results
 * @param wallSeconds wall time per run id, s (NaN when unknown)
 * @param missing    planned runs not in the results (unfinished, or finished but not analysable)
 * @param lastFinished ISO-8601 UTC time the last of the runs finished (from the completion markers), or null
 * @param pbcm       the orthorhombic (Pbcm) x = 1 conditions, pooled like the others but kept out of
 *                   {@code conditions}, the Arrhenius fits and every claim (the paper states no Pbcm result
 *                   to test); the report lists their D and σ
 */
public record StudyResults(Path dir, StudyManifest manifest, String analysis, List<RunResult> runs,
                           List<ConditionResult> conditions, List<ArrheniusByX.Row> arrhenius, List<Claim> claims,
                           List<String> caveats, List<String> missing, Map<String, Double> wallSeconds, String lastFinished,
                           List<ConditionResult> pbcm) {

    /** Runs with results. */
    public int runsFinished() { return runs.size(); }

    /** Runs the campaign planned. */
    public int runsPlanned() { return manifest.runs().size(); }

    /** True when the study ran on the fake engine (synthetic known answers). */
    public boolean synthetic() { return "fake".equals(manifest.engine()); }

    /** Reads, analyses where needed, pools and decides the study in {@code studyDir}; reruns nothing. */
    public static StudyResults collect(Path studyDir) throws Exception {
        StudyManifest m = StudyManifest.read(studyDir);
        RunAnalyzer analyzer = RunAnalyzer.forEngine(m.engine());
        List<RunResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, Double> wall = new LinkedHashMap<>();
        String last = null;
        for (RunFolder f : m.folders(studyDir)) {
            if (!f.isComplete()) { missing.add(f.id()); continue; }
            Path res = f.file(RunFolder.RESULT);
            RunResult r = Files.isRegularFile(res) ? RunFolder.JSON.readValue(res.toFile(), RunResult.class) : null;
            boolean stale = r != null && r.stability() == null && Files.isRegularFile(f.file(RunFolder.TRAJECTORY));
            if (r == null || stale) {
                try {
                    r = analyzer.analyse(f);
                } catch (Exception | LinkageError e) {
                    missing.add(f.id() + " (finished, not analysed: " + e.getMessage() + ")");
                    continue;
                }
                RunFolder.writeJson(res, r);
            }
            results.add(r);
            wall.put(f.id(), f.completion().path("wall_s").asDouble(Double.NaN));
            String at = f.completion().path("finished_at").asText(null);
            if (at != null && (last == null || at.compareTo(last) > 0)) last = at;
        }
        Map<String, List<RunResult>> byCondition = new LinkedHashMap<>();
        for (RunResult r : results) byCondition.computeIfAbsent(r.spec().condition(), k -> new ArrayList<>()).add(r);
        List<ConditionResult> conditions = new ArrayList<>(), pbcm = new ArrayList<>();
        for (List<RunResult> rs : byCondition.values()) (rs.get(0).spec().isPbcm() ? pbcm : conditions).add(ConditionResult.pool(rs));
        List<ArrheniusByX.Row> arrhenius = ArrheniusByX.fit(conditions);
        List<Claim> claims = new Claims(conditions).evaluate();
        return new StudyResults(studyDir, m, analyzer.description(), List.copyOf(results), List.copyOf(conditions), arrhenius,
                claims, caveats(m, missing, conditions), List.copyOf(missing), wall, last, List.copyOf(pbcm));
    }

    static List<String> caveats(StudyManifest m, List<String> missing, List<ConditionResult> conditions) {
        List<String> c = new ArrayList<>();
        if ("fake".equals(m.engine())) {
            c.add("SYNTHETIC DATA: these runs come from the fake engine (random walkers and rotors with made-up known answers)."
                    + " The numbers test the pipeline and say nothing about Na(3-x)O(1-x)(NH2)x(BH4).");
        } else {
            c.add("MODEL: the dynamics use paddlewheel's classical force field '" + m.forceField() + "' (a provisional fitted"
                    + " model: fixed charges and bonded anions), not the paper's DFT-based AIMD. Verdicts are about this model;"
                    + " its absolute D, σ and Ea need not match the paper.");
            ModelDftValidation.caveat(m.forceField()).ifPresent(c::add);
        }
        if (!"full".equals(m.preset())) {
            c.add("Reduced campaign '" + m.preset() + "': shorter runs, a smaller cell, fewer temperatures and one seed, so the"
                    + " error bars are much wider than the paper's 50 ps 3x3x3 runs and more claims come out inconclusive or not"
                    + " testable. Run with --full for the paper's statistics.");
        }
        List<String> molten = new ArrayList<>();
        for (ConditionResult cr : conditions) if (!cr.usable()) molten.add(cr.label());
        if (!molten.isEmpty()) {
            c.add("Not a crystal: " + String.join("; ", molten) + " — every run of these conditions melted, drifted or was not"
                    + " checked (see the evidence tables), so no claim uses them. The real Na2(NH2)(BH4) melts at 492 K.");
        }
        if (!missing.isEmpty()) {
            c.add(missing.size() + " planned run(s) are not in this report (unfinished, or finished but not analysed);"
                    + " see runs_missing in summary.json.");
        }
        return c;
    }
}
