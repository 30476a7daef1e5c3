package org.paddlewheel.cli;

import picocli.CommandLine.Command;

/** Placeholder; filled in by the foundation work. */
@Command(name = "convert", description = "TODO")
public final class ConvertCommand implements Runnable {
    @Override public void run() { }
}
