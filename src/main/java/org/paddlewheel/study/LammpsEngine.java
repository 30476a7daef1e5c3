package org.paddlewheel.study;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * The scale-out path: the same cell and protocol as {@link EmbeddedEngine}, run through the MD
 * command's LAMMPS back end ({@code paddlewheel md … --engine lammps --mpi N}), which exports the
 * force field and the protocol as {@code in.lammps} + data file (the MD developer's
 * {@code LammpsExport}), runs {@code mpirun --allow-run-as-root -np N lmp -in in.lammps} in the run
 * folder and converts the dump to {@code trajectory.extxyz}. Progress jumps from 0 to 1 (LAMMPS
 * writes no thermo.csv).
 */
public final class LammpsEngine implements Engine {
    private final EmbeddedEngine.MdLauncher launcher;
    private final int mpiRanks;

    /** {@code launcher} runs {@code paddlewheel md …} in-process (null: no md command). */
    public LammpsEngine(EmbeddedEngine.MdLauncher launcher, int mpiRanks) {
        this.launcher = launcher;
        this.mpiRanks = Math.max(1, mpiRanks);
    }

    @Override public String name() { return "lammps"; }

    @Override public String version() { return "LAMMPS (lmp) via paddlewheel md --engine lammps, mpirun -np " + mpiRanks; }

    /** The launch command the MD back end uses for an input script. */
    public List<String> command(Path input) {
        return List.of("mpirun", "--allow-run-as-root", "-np", Integer.toString(mpiRanks), "lmp", "-in", input.toString());
    }

    /** The extra {@code md} arguments selecting the LAMMPS back end. */
    public List<String> extraArguments() { return List.of("--engine", "lammps", "--mpi", Integer.toString(mpiRanks)); }

    @Override
    public void run(RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress) throws Exception {
        EmbeddedEngine.runMd(launcher, spec, forceField, dir, threads, progress, extraArguments());
    }
}
