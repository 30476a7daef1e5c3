package org.paddlewheel.cli.experiment;

import picocli.CommandLine.Command;

/** {@code paddlewheel nmr}: quadrupolar NMR relaxation (BPP) and EFG → C_Q, η_Q. */
@Command(name = "nmr", mixinStandardHelpOptions = true,
        description = "Quadrupolar NMR: BPP T1 ↔ τc, EFG tensors → C_Q, η_Q, central-transition lineshapes and their fits.",
        subcommands = {BppCommand.class, T1ToTauCommand.class, TauToT1Command.class, EfgCommand.class,
            NmrLineshapeCommand.class, NmrFitLineshapeCommand.class})
public final class NmrCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
