package org.paddlewheel.study;

/**
 * Turns a finished run folder into a {@link RunResult}. {@link #forEngine} picks the analyzer:
 * the fake engine's known answers, or the trajectory analysis library for real engines.
 */
public interface RunAnalyzer {
    /** Analyses the run; must not modify anything but {@code result.json}. */
    RunResult analyse(RunFolder run) throws Exception;

    /** Short description recorded in the report. */
    String description();

    /** The analyzer for runs made by {@code engineName}. */
    static RunAnalyzer forEngine(String engineName) {
        return "fake".equals(engineName) ? new KnownAnswerAnalyzer() : new TrajectoryAnalyzer();
    }
}
