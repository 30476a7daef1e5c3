package org.paddlewheel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code paddlewheel eis}: impedance spectroscopy — {@code fit} equivalent circuits, {@code kk} lin-KK validity test. */
@Command(name = "eis", mixinStandardHelpOptions = true,
        description = "Impedance spectroscopy: fit equivalent circuits (σ, Arrhenius) and test Kramers–Kronig validity.",
        subcommands = {EisFitCommand.class, EisKkCommand.class, EisLinKkCommand.class})
public final class EisCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
