package org.paddlewheel.report;

import java.nio.file.Path;
import java.util.List;
import org.paddlewheel.study.Claim;
import org.paddlewheel.study.RunFolder;
import org.paddlewheel.study.StudyResults;

/**
 * Writes a study's {@code report.html}, {@code summary.json} and {@code figures/} from its
 * {@link StudyResults} (what {@code study} produces; nothing is rerun): {@link StudyFigures} draws,
 * {@link StudySummaryJson} writes every number, {@link StudyHtml} lays the page out.
 */
public final class StudyReport {
    /** What the rebuild produced. */
    public record Outcome(Path html, Path summary, List<StudyFigures.Figure> figures, List<Claim> claims,
                          int runsFinished, int runsPlanned) {}

    private StudyReport() {}

    /** Collects the results of the study in {@code studyDir} and writes its report. */
    public static Outcome build(Path studyDir) throws Exception {
        return write(StudyResults.collect(studyDir));
    }

    /** Writes the report of already collected results into their study folder. */
    public static Outcome write(StudyResults r) throws Exception {
        Path dir = r.dir();
        List<StudyFigures.Figure> figures = new StudyFigures(r.conditions(), dir.resolve("figures")).drawAll(r.arrhenius());
        Path summary = dir.resolve("summary.json");
        RunFolder.writeJson(summary, StudySummaryJson.build(r, figures));
        Path html = dir.resolve("report.html");
        StudyHtml.write(html, r, figures);
        return new Outcome(html, summary, figures, r.claims(), r.runsFinished(), r.runsPlanned());
    }
}
