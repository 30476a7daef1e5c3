package org.paddlewheel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paddlewheel.cp2k.Cp2kOptimisationFrames;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paddlewheel dft relax-frames DIR -o FILE.extxyz [-i START] [--config-type T] [--min-step 0.05]}: the accepted
 * steps of a {@code dft relax} run as labelled frames (energy eV, forces eV/Å, stress in ASE's sign), so that a
 * relaxation's SCFs become reference data ({@link Cp2kOptimisationFrames}).
 */
@Command(name = "relax-frames", mixinStandardHelpOptions = true,
        description = "Labelled frames (extxyz: energy, forces, stress) of the accepted steps of a dft relax folder: each step is a full SCF at the run's settings.")
public final class DftRelaxFramesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Folder of a dft relax run (relax.out, relax-pos-1.xyz, relax-1.cell).")
    Path dir;
    @Option(names = {"-i", "--input"}, description = "The structure the run started from (gives step 0 of a fresh run, and the cell of a fixed-cell run);"
            + " default DIR/start.extxyz, which dft relax writes (after --rattle).")
    Path start;
    @Option(names = {"-o", "--output"}, required = true, description = "Labelled extxyz to write.")
    Path output;
    @Option(names = "--config-type", description = "config_type of every frame (default: relax-<folder name>).")
    String configType;
    @Option(names = "--min-step", defaultValue = "0.05", description = "Leave out a step whose largest atomic displacement from the last kept one is below this, Å (0 keeps all; default ${DEFAULT-VALUE}).")
    double minStep;
    @Option(names = "--project", defaultValue = "relax", description = "CP2K project name (default ${DEFAULT-VALUE}).")
    String project;

    @Override
    public Integer call() {
        if (!(minStep >= 0)) throw new InputException("--min-step must be zero or positive, got " + minStep);
        if (start == null && java.nio.file.Files.isRegularFile(dir.resolve("start.extxyz"))) start = dir.resolve("start.extxyz");
        Structure s = start == null ? null : Formats.readStructure(start, null);
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        var r = Cp2kOptimisationFrames.read(dir, project, s, configType != null ? configType : "relax-" + name, name + "/" + project + ".out", minStep);
        if (r.frames().isEmpty()) throw new InputException(dir.toString(), 0, "no complete optimisation step found (" + Cp2kOptimisationFrames.summary(r) + ")");
        LabelledXyz.write(output, r.frames());
        System.err.println("dft relax-frames: " + Cp2kOptimisationFrames.summary(r) + "; wrote " + output);
        return 0;
    }
}
