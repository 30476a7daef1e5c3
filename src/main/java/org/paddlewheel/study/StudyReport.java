package org.paddlewheel.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds {@code report.html}, {@code summary.json} and {@code figures/} of a study from its
 * finished runs, without rerunning any: reads {@code campaign.json}, each complete run's
 * {@code result.json} (analysing the run first if that file is missing), pools seeds per
 * condition, fits Arrhenius per x, decides the claims and writes the outputs.
 */
public final class StudyReport {
    /** What the rebuild produced. */
    public record Outcome(Path html, Path summary, List<StudyFigures.Figure> figures, List<Claim> claims,
                          int runsFinished, int runsPlanned) {}

    private StudyReport() {}

    /** Rebuilds the report of the study in {@code studyDir}. */
    public static Outcome build(Path studyDir) throws Exception {
        StudyManifest m = StudyManifest.read(studyDir);
        RunAnalyzer analyzer = RunAnalyzer.forEngine(m.engine());
        List<RunResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, Double> wall = new LinkedHashMap<>();
        for (RunFolder f : m.folders(studyDir)) {
            if (!f.isComplete()) { missing.add(f.id()); continue; }
            Path res = f.file(RunFolder.RESULT);
            RunResult r;
            if (Files.isRegularFile(res)) {
                r = RunFolder.JSON.readValue(res.toFile(), RunResult.class);
            } else {
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
        }
        Map<String, List<RunResult>> byCondition = new LinkedHashMap<>();
        for (RunResult r : results) byCondition.computeIfAbsent(r.spec().condition(), k -> new ArrayList<>()).add(r);
        List<ConditionResult> conditions = new ArrayList<>();
        for (List<RunResult> rs : byCondition.values()) conditions.add(ConditionResult.pool(rs));
        List<ArrheniusByX.Row> arrhenius = ArrheniusByX.fit(conditions);
        List<Claim> claims = new Claims(conditions).evaluate();
        List<StudyFigures.Figure> figures = new StudyFigures(conditions, studyDir.resolve("figures")).drawAll(arrhenius);
        List<String> caveats = caveats(m, missing);
        var summary = SummaryJson.build(m, analyzer, conditions, results, wall, arrhenius, claims, figures, caveats, missing);
        Path summaryFile = studyDir.resolve("summary.json");
        RunFolder.writeJson(summaryFile, summary);
        Path html = studyDir.resolve("report.html");
        HtmlReport.write(html, studyDir, m, conditions, arrhenius, claims, figures, caveats, analyzer.description());
        return new Outcome(html, summaryFile, figures, claims, results.size(), m.runs().size());
    }

    static List<String> caveats(StudyManifest m, List<String> missing) {
        List<String> c = new ArrayList<>();
        if ("fake".equals(m.engine())) {
            c.add("SYNTHETIC DATA: these runs come from the fake engine (random walkers and rotors with made-up known answers)."
                    + " The numbers test the pipeline and say nothing about Na(3-x)O(1-x)(NH2)x(BH4).");
        }
        if (!"full".equals(m.preset())) {
            c.add("Reduced campaign '" + m.preset() + "': shorter runs, a smaller cell, fewer temperatures and one seed, so the"
                    + " error bars are much wider than the paper's 50 ps 3x3x3 runs and more claims come out inconclusive."
                    + " Run with --full for the paper's statistics.");
        }
        if (!missing.isEmpty()) {
            c.add(missing.size() + " planned run(s) are not in this report (unfinished, or finished but not analysed);"
                    + " see runs_missing in summary.json.");
        }
        return c;
    }
}
