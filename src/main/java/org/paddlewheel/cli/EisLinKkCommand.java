package org.paddlewheel.cli;

import picocli.CommandLine.Command;

/**
 * {@code paddlewheel eis linkk FILE --c 0.85}: {@code eis kk} under impedance.py's name and with its
 * defaults ({@code fit_type='real'}, {@code c=0.85}, {@code max_M=50}, no series C), so that
 * {@code M, mu = linKK(f, Z, c=0.85)} and this command agree.
 */
@Command(name = "linkk", mixinStandardHelpOptions = true,
        description = {"impedance.py's linKK: eis kk with impedance.py's defaults (--fit-type real, --c 0.85, --max-M 50).",
            "Rule: M = 1, 2, ... up to the first M with mu <= c (impedance.py's loop); tau from 1/(2 pi f_max) to 1/(2 pi f_min)."})
public final class EisLinKkCommand extends EisKkCommand {
    @Override
    String defaultFitType() { return "real"; }
}
