package org.paddlewheel.cli;

import java.nio.file.Path;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;
import picocli.CommandLine.Option;

/**
 * The {@code -i/--input-format/--ff} option group shared by the engine commands (md, energy, relax,
 * export-lammps): a structure file and a force field, bundled name or JSON path.
 */
public final class ModelInputOptions {
    @Option(names = {"-i", "--input"}, required = true, description = "Structure file (POSCAR, CIF, extxyz, LAMMPS data, …).")
    Path input;
    @Option(names = "--input-format", description = "Input format (overrides the extension).")
    String inputFormat;
    @Option(names = "--ff", description = "Force field: bundled name (na-amide-borohydride) or JSON file (required except for --engine cp2k).")
    String ff;

    /** The input structure. */
    public Structure structure() { return Formats.readStructure(input, inputFormat); }

    /** The force field. */
    public ForceField forceField() {
        if (ff == null) throw new org.paddlewheel.model.InputException("--ff is required: a bundled force-field name (na-amide-borohydride) or a JSON file");
        return ForceField.resolve(ff);
    }
}
