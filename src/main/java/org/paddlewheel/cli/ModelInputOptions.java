package org.paddlewheel.cli;

import java.nio.file.Path;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;
import picocli.CommandLine.Option;

/**
 * The {@code -i/--input-format/--ff/--kspace} option group shared by the engine commands (md, energy,
 * relax, export-lammps): a structure file, a force field (bundled name or JSON path) and the
 * reciprocal-space method of its Coulomb sum.
 */
public final class ModelInputOptions {
    @Option(names = {"-i", "--input"}, required = true, description = "Structure file (POSCAR, CIF, extxyz, LAMMPS data, …).")
    Path input;
    @Option(names = "--input-format", description = "Input format (overrides the extension).")
    String inputFormat;
    @Option(names = "--ff", description = "Force field: bundled name (na-amide-borohydride) or JSON file (required except for --engine cp2k).")
    String ff;
    @Option(names = "--kspace", defaultValue = "AUTO", converter = MdCommand.KSpaceConverter.class,
            description = "Reciprocal-space Coulomb sum: ewald, pme or auto (PME from 1500 atoms; export-lammps writes pppm for PME) (default ${DEFAULT-VALUE}).")
    org.paddlewheel.forcefield.ForceEngine.KSpace kspace = org.paddlewheel.forcefield.ForceEngine.KSpace.AUTO;

    /** The reciprocal-space method chosen with --kspace. */
    public org.paddlewheel.forcefield.ForceEngine.KSpace kspace() { return kspace; }

    /** The input structure. */
    public Structure structure() { return Formats.readStructure(input, inputFormat); }

    /** The force field. */
    public ForceField forceField() {
        if (ff == null) throw new org.paddlewheel.model.InputException("--ff is required: a bundled force-field name (na-amide-borohydride) or a JSON file");
        return ForceField.resolve(ff);
    }
}
