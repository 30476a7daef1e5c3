package org.paddlewheel.study;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * The scale-out path: writes the same model as LAMMPS inputs (data file + input script from the
 * force field's LAMMPS export) and runs {@code mpirun --allow-run-as-root -np N lmp -in in.lammps}
 * in the run folder, then converts the dump to {@code trajectory.extxyz}. Stubbed: the force
 * field's LAMMPS export has not landed on main, so {@link #run} fails with a clear message;
 * {@link #command} is the launch line it will use.
 */
public final class LammpsEngine implements Engine {
    private final int mpiRanks;

    public LammpsEngine(int mpiRanks) { this.mpiRanks = Math.max(1, mpiRanks); }

    @Override public String name() { return "lammps"; }

    @Override public String version() { return "lmp via mpirun -np " + mpiRanks; }

    /** The launch command for an input script. */
    public List<String> command(Path input) {
        return List.of("mpirun", "--allow-run-as-root", "-np", Integer.toString(mpiRanks), "lmp", "-in", input.toString());
    }

    @Override
    public void run(RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress) {
        throw new UnsupportedOperationException("--engine lammps needs the force field's LAMMPS export, which is not on"
                + " main yet; use --engine embedded (or --slurm to write a job array for the embedded engine)");
    }
}
