package org.paddlewheel.cli;

import picocli.CommandLine.Command;

/** Placeholder; filled in by the foundation work. */
@Command(name = "info", description = "TODO")
public final class InfoCommand implements Runnable {
    @Override public void run() { }
}
