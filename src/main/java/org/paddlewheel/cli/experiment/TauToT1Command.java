package org.paddlewheel.cli.experiment;

import picocli.CommandLine.Command;

/** {@code paddlewheel nmr tau-to-t1 --tau 1us ...}: the τc → T1 direction of {@link BppCommand}. */
@Command(name = "tau-to-t1", mixinStandardHelpOptions = true,
        description = "Correlation time τc (s) → T1 (s) on the quadrupolar BPP curve (same options as 'nmr bpp').")
public final class TauToT1Command extends BppCommand {
    @Override
    public Integer call() throws Exception {
        if (taus == null) throw new org.paddlewheel.model.InputException("tau-to-t1 needs --tau");
        return super.call();
    }
}
