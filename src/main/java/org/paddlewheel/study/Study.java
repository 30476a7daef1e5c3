package org.paddlewheel.study;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a campaign in a study folder: writes {@code campaign.json}, schedules the unfinished runs
 * (all, or only {@code runIndex} for a job-array task), then rebuilds the report from whatever
 * has finished into {@link StudyResults} (the report layer draws them). Calling it again on the same
 * folder resumes: finished runs are skipped.
 */
public final class Study {
    /**
     * How to run.
     *
     * @param runIndex only this run (0-based, in campaign order), or null for all
     * @param report   collect the results afterwards ({@link Result#results()}; the report layer writes report.html from them)
     */
    public record Options(Path dir, Campaign campaign, Engine engine, int threads, int threadsPerRun, boolean quiet,
                          String command, Integer runIndex, boolean report) {}

    /**
     * What happened.
     *
     * @param results the study's results (claims and all) when a report was asked for and some run has
     *                finished, else null; the report layer (report.StudyReport) draws and writes them
     */
    public record Result(List<Scheduler.Outcome> outcomes, StudyResults results) {
        /** Runs that failed this time. */
        public List<Scheduler.Outcome> failures() { return outcomes.stream().filter(o -> !o.ok()).toList(); }
    }

    private Study() {}

    public static Result run(Options o, PrintStream err) throws Exception {
        Campaign c = o.campaign();
        StudyManifest m = new StudyManifest("double-paddle-wheel", c.preset(), o.engine().name(), o.engine().version(),
                c.forceField(), o.command(), StudyManifest.currentVersion(), System.getProperty("java.version"), c.runs());
        boolean existed = Files.isRegularFile(o.dir().resolve(StudyManifest.FILE));
        if (o.runIndex() == null || !existed) m.write(o.dir());
        List<RunFolder> folders = m.folders(o.dir());
        if (o.runIndex() != null) {
            if (o.runIndex() < 0 || o.runIndex() >= folders.size()) {
                throw new IllegalArgumentException("--run-index must lie in [0, " + (folders.size() - 1) + "], got " + o.runIndex());
            }
            folders = List.of(folders.get(o.runIndex()));
        }
        long done = folders.stream().filter(RunFolder::isComplete).count();
        if (!o.quiet()) {
            err.printf("%s %s study in %s: %d run(s), %d already finished, engine %s%n", existed ? "resuming" : "starting",
                    c.preset(), o.dir(), folders.size(), done, o.engine().name());
        }
        RunAnalyzer analyzer = RunAnalyzer.forEngine(o.engine().name());
        List<Scheduler.Outcome> out = new Scheduler(o.engine(), c.forceField(), o.threads(), o.threadsPerRun(), o.quiet(), err)
                .runAll(folders, analyzer);
        for (Scheduler.Outcome f : out) {
            if (!f.ok()) err.println("paddlewheel: run " + f.runId() + " failed: " + f.error());
            else if (f.error() != null) err.println("paddlewheel: run " + f.runId() + " finished; " + f.error());
        }
        StudyResults rep = null;
        boolean anyFinished = m.folders(o.dir()).stream().anyMatch(RunFolder::isComplete);
        if (o.report() && anyFinished) rep = StudyResults.collect(o.dir());
        return new Result(out, rep);
    }
}
