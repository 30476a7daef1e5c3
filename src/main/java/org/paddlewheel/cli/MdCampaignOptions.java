package org.paddlewheel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Structure;
import picocli.CommandLine.Option;

/**
 * Options of the commands that run the embedded engine at a list of temperatures ({@code melting},
 * {@code reorientation}): model, k-space sum, temperatures (K), production and equilibration times
 * and time step (fs), seed and threads, and the structure file (positional, or {@code -i/--input} as
 * the other engine commands take it). Each command keeps its method's options; this mixin reads the
 * structure and the model and checks what they share.
 */
public final class MdCampaignOptions {
    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Structure file (or -i FILE).")
    Path positional;
    @Option(names = {"-i", "--input"}, description = "Structure file (as the positional FILE).")
    Path inputOption;
    @Option(names = "--input-format", description = "Input format (overrides the extension).")
    String inputFormat;
    @Option(names = "--ff", required = true, description = "Force field: bundled name (na-amide-borohydride) or JSON file.")
    String ff;
    @Option(names = "--kspace", defaultValue = "AUTO", converter = MdCommand.KSpaceConverter.class,
            description = "Reciprocal-space Coulomb sum: ewald, pme or auto (default ${DEFAULT-VALUE}).")
    ForceEngine.KSpace kspace = ForceEngine.KSpace.AUTO;
    @Option(names = "--temperatures", required = true, split = ",", converter = Converters.TemperatureK.class,
            description = "Target temperatures, comma-separated (> 0 K), e.g. 300K,400K,500K.")
    List<Double> temperatures = new ArrayList<>();
    @Option(names = "--time", required = true, converter = Converters.TimeFs.class,
            description = "Production time at each temperature (fs, ps), e.g. 20ps (melting: after the release).")
    double timeFs;
    @Option(names = "--equilibrate", converter = Converters.TimeFs.class,
            description = "Equilibration at each temperature, not analysed (default: 2 ps; melting: 12 ps, the crystal stage's"
                    + " volume needs ~10 ps to settle in a 3x3x6 cell, docs/melting.md).")
    Double equilFs;

    /** The --equilibrate time (fs), or the command's own default where it was not given. */
    double equilibrationFs(double defaultFs) {
        return equilFs == null ? defaultFs : equilFs;
    }
    @Option(names = "--timestep", defaultValue = "0.5fs", converter = Converters.TimeFs.class, description = "Time step (default ${DEFAULT-VALUE}).")
    double dtFs;
    @Option(names = "--seed", defaultValue = "1", description = "Random seed of velocities and thermostat (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--threads", defaultValue = "1", description = "Force-loop threads (default ${DEFAULT-VALUE}).")
    int threads;

    /** The temperatures (K) in the order given; --threads checked. */
    double[] temperaturesK() {
        if (threads < 1) throw new InputException("--threads must be at least 1, got " + threads);
        return temperatures.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The structure file: FILE or -i FILE (exactly one). */
    Path input() {
        if (positional != null && inputOption != null && !positional.equals(inputOption)) {
            throw new InputException("give the structure once: as FILE or as -i FILE, not both (" + positional + ", " + inputOption + ")");
        }
        Path p = positional != null ? positional : inputOption;
        if (p == null) throw new InputException("missing the structure file: FILE or -i FILE");
        return p;
    }

    /** The structure file, read with --input-format when given. */
    Structure structure() {
        return Formats.readStructure(input(), inputFormat);
    }

    /** The model named by --ff. */
    ForceField forceField() {
        return ForceField.resolve(ff);
    }
}
