package org.paddlewheel.cli;

import picocli.CommandLine.Option;

/** The {@code --quiet} mixin: silences progress bars and chatter on stderr. */
public final class QuietOption {
    @Option(names = {"-q", "--quiet"}, description = "Silence progress bars and notes on stderr.")
    public boolean quiet;
}
