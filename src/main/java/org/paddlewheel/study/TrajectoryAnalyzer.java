package org.paddlewheel.study;

/**
 * Analysis of a real run's trajectory through the {@code org.paddlewheel.analysis} library
 * (MSD/diffusivity with block errors, Nernst–Einstein σ, C1 and its KWW time, hops and
 * hop–rotation coupling). Not wired yet: the library has not landed on main, and the study must
 * not carry its own MSD/C1. Until then this fails with a clear message; the fake engine's
 * {@link KnownAnswerAnalyzer} stands in for tests.
 */
public final class TrajectoryAnalyzer implements RunAnalyzer {
    @Override
    public RunResult analyse(RunFolder run) {
        throw new UnsupportedOperationException("the trajectory analysis library (org.paddlewheel.analysis) is not on main yet;"
                + " run '" + run.id() + "' is kept and 'paddlewheel report' will analyse it once it lands");
    }

    @Override
    public String description() { return "org.paddlewheel.analysis (pending)"; }
}
