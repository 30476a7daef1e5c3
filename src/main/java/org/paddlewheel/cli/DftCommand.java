package org.paddlewheel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code paddlewheel dft}: density-functional calculations through CP2K — single points for
 * reference data, relaxations (positions and cell), climbing-image NEB barriers.
 */
@Command(name = "dft", mixinStandardHelpOptions = true,
        description = "DFT with CP2K (PBE by default): single points, relaxations, NEB barriers; compare a force field with DFT data.",
        subcommands = {DftSinglePointCommand.class, DftRelaxCommand.class, DftRelaxFramesCommand.class, DftNebCommand.class, DftCompareCommand.class})
public final class DftCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
