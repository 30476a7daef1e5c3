package org.paddlewheel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.TrajectoryReader;
import org.paddlewheel.io.TrajectoryWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paddlewheel convert IN OUT}: converts between formats. Trajectory to trajectory streams
 * every frame in constant memory; anything else converts the (first) structure.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert between POSCAR, XDATCAR, extended XYZ, CIF, LAMMPS data/dump; read ASE .traj (formats from names unless --from/--to).")
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Input file.")
    Path input;
    @Parameters(index = "1", description = "Output file.")
    Path output;
    @Option(names = {"--from", "--format"}, description = "Input format: poscar, xdatcar, extxyz, cif, lammps-data, lammps-dump, traj, cp2k (default: from the name).")
    String from;
    @Option(names = "--to", description = "Output format: poscar, xdatcar, extxyz, cif, lammps-data, lammps-dump (default: from the name).")
    String to;
    @Option(names = "--timestep", converter = Converters.TimeFs.class, defaultValue = "0",
            description = "Time between steps (fs, ps), e.g. 0.5fs, for formats that store step numbers only (default: none, times = step numbers).")
    double timestepFs;
    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        Formats.Format in = Formats.detect(input, from);
        Formats.Format out = Formats.detect(output, to);
        if (Formats.isTrajectory(in) && Formats.isTrajectory(out)) {
            if (timestepFs <= 0 && out == Formats.Format.EXTXYZ && (in == Formats.Format.XDATCAR || in == Formats.Format.LAMMPS_DUMP
                    || in == Formats.Format.TRAJ && !org.paddlewheel.io.AseTrajectory.timing(input).known())
                    && !quiet.quiet) {
                // extxyz stores a Time that later analyses trust; an invented one silently scales D.
                System.err.println("paddlewheel: note: " + input.getFileName() + " has step numbers but no time: Time= in "
                        + output.getFileName() + " will be the step number in fs; give --timestep (e.g. 0.5fs) for real times");
            }
            long n = 0;
            try (TrajectoryReader r = Formats.openTrajectory(input, from, timestepFs)) {
                TrajectoryWriter w = Formats.createTrajectoryWriter(output, to);
                try {
                    while (r.hasNext()) { w.write(r.next()); n++; }
                } catch (RuntimeException e) {
                    w.abort();   // a truncated or bad input leaves no output file, not a partial one
                    throw e;
                }
                w.close();
            }
            if (!quiet.quiet) System.err.printf("paddlewheel: converted %d frames%n", n);
        } else {
            Formats.writeStructure(output, Formats.readStructure(input, from), to);
        }
        return 0;
    }
}
