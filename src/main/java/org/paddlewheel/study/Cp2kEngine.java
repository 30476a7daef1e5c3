package org.paddlewheel.study;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import org.paddlewheel.cp2k.Cp2kRunner;
import org.paddlewheel.cp2k.Cp2kSettings;

/**
 * Runs a study's spec as CP2K AIMD in-process ({@code study --engine cp2k}): the same starting cell
 * as {@link EmbeddedEngine}, the protocol of {@link Cp2kCampaign#protocol}, and CP2K's trajectory
 * converted to {@code trajectory.extxyz} so the study's analyses read it unchanged. A 270-atom
 * step takes minutes on a workstation: this is for clusters (or {@code --slurm}) and small tests.
 * Ignores the force-field name. Progress jumps from 0 to 1.
 */
public final class Cp2kEngine implements Engine {
    private final Cp2kSettings settings;
    private final Cp2kRunner runner;

    public Cp2kEngine(Cp2kSettings settings, Cp2kRunner runner) {
        this.settings = settings;
        this.runner = runner;
    }

    @Override public String name() { return "cp2k"; }

    @Override public String version() { return runner.version() + ", " + settings.describe() + ", " + runner.ranks() + " MPI ranks"; }

    @Override
    public void run(RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress) throws Exception {
        progress.accept(0);
        Cp2kCampaign.protocol(spec).run(EmbeddedEngine.cell(spec), settings, runner, dir);
        progress.accept(1);
    }

    @Override
    public boolean canResume(RunSpec spec, String forceField, Path dir, int threads) {
        return java.nio.file.Files.exists(dir.resolve("md-1.restart"));
    }

    @Override
    public void resume(RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress) throws Exception {
        run(spec, forceField, dir, threads, progress);
    }
}
