package org.paddlewheel.cli;

import picocli.CommandLine.Command;

/** Placeholder; filled in by the foundation work. */
@Command(name = "build", description = "TODO")
public final class BuildCommand implements Runnable {
    @Override public void run() { }
}
