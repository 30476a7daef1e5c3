package org.paddlewheel.cli.experiment;

import picocli.CommandLine.Command;

/** {@code paddlewheel diffraction}: powder patterns and neutron TOF ↔ d conversion. */
@Command(name = "diffraction", mixinStandardHelpOptions = true,
        description = "Powder diffraction: pattern (same as 'xrd'), tof-to-d, d-to-tof.",
        subcommands = {DiffractionCommand.Pattern.class, DiffractionCommand.TofToD.class, DiffractionCommand.DToTof.class})
public final class DiffractionCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** {@code diffraction pattern}: {@link XrdCommand} under another name. */
    @Command(name = "pattern", mixinStandardHelpOptions = true, description = "Powder pattern of a structure or builtin (same options as 'xrd').")
    public static final class Pattern extends XrdCommand {}

    /** {@code diffraction tof-to-d --tof T ...}. */
    @Command(name = "tof-to-d", mixinStandardHelpOptions = true, description = "TOF (µs) → d (Å): d = 2(TOF−ZERO)/(DIFC + sqrt(DIFC² + 4·DIFA·(TOF−ZERO))).")
    public static final class TofToD extends TofCommand {
        @Override
        public Integer call() {
            if (tof == null) throw new org.paddlewheel.model.InputException("tof-to-d needs --tof");
            return super.call();
        }
    }

    /** {@code diffraction d-to-tof --d D ...}. */
    @Command(name = "d-to-tof", mixinStandardHelpOptions = true, description = "d (Å) → TOF (µs) = ZERO + DIFC·d + DIFA·d².")
    public static final class DToTof extends TofCommand {
        @Override
        public Integer call() {
            if (d == null) throw new org.paddlewheel.model.InputException("d-to-tof needs --d");
            return super.call();
        }
    }
}
