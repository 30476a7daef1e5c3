package org.paddlewheel.cli;

import java.nio.file.Path;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;
import picocli.CommandLine.Option;

/**
 * Output options of the structure builders ({@code build antiperovskite}, {@code build nabh4}): the
 * file written (format from its extension unless --format says otherwise) and --json, which prints
 * what was built.
 */
public final class StructureOutputOptions {
    @Option(names = {"-o", "--output"}, required = true, description = "Output file; format from the extension (.vasp/POSCAR, .extxyz, .cif, .data/.lmp, ...).")
    Path output;
    @Option(names = "--format", description = "Output format (overrides the extension).")
    String format;
    @Option(names = "--json", description = "Print what was built as JSON.")
    boolean json;

    /** Writes s to --output in its format. */
    void write(Structure s) {
        Formats.writeStructure(output, s, format);
    }
}
