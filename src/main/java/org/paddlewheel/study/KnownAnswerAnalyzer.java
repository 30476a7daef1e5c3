package org.paddlewheel.study;

/**
 * Reads the fake engine's {@code truth.json} and returns the {@link RunResult} stored there —
 * the known answers (with realistic sampling noise) that a correct trajectory analysis of the
 * synthetic trajectory should reproduce. Used only for runs of the {@link FakeEngine}.
 */
public final class KnownAnswerAnalyzer implements RunAnalyzer {
    @Override
    public RunResult analyse(RunFolder run) throws Exception {
        var tree = RunFolder.JSON.readTree(run.file(FakeEngine.TRUTH).toFile());
        return RunFolder.JSON.treeToValue(tree.get("measured"), RunResult.class);
    }

    @Override
    public String description() { return "fake engine's known answers (synthetic)"; }
}
