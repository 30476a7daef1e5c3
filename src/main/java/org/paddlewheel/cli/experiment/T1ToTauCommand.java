package org.paddlewheel.cli.experiment;

import picocli.CommandLine.Command;

/** {@code paddlewheel nmr t1-to-tau --t1 61s ...}: the T1 → τc direction of {@link BppCommand}. */
@Command(name = "t1-to-tau", mixinStandardHelpOptions = true,
        description = "T1 (s) → correlation time τc (s) on the chosen branch of the quadrupolar BPP curve (same options as 'nmr bpp').")
public final class T1ToTauCommand extends BppCommand {
    @Override
    public Integer call() throws Exception {
        if (taus != null) throw new org.paddlewheel.model.InputException("t1-to-tau takes --t1 or --table, not --tau (use tau-to-t1)");
        return super.call();
    }
}
