package org.paddlewheel.study;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.io.Formats;
import org.paddlewheel.md.MdRun;
import org.paddlewheel.model.Structure;

/**
 * The scale-out path: the same cell and protocol as {@link EmbeddedEngine}, run by LAMMPS through
 * the md library ({@link MdRun#runLammps}): the force field and protocol exported as
 * {@code in.lammps} + data file, {@code mpirun --allow-run-as-root -np N lmp -in in.lammps} in the run
 * folder, the dump converted to {@code trajectory.extxyz}. Progress jumps from 0 to 1 (LAMMPS runs
 * as an external process with its own log).
 */
public final class LammpsEngine implements Engine {
    private final int mpiRanks;

    public LammpsEngine(int mpiRanks) { this.mpiRanks = Math.max(1, mpiRanks); }

    @Override public String name() { return "lammps"; }

    @Override public String version() { return "LAMMPS (lmp) via paddlewheel's md library, mpirun -np " + mpiRanks; }

    /** The launch command LAMMPS is run with for an input script. */
    public List<String> command(Path input) {
        return List.of("mpirun", "--allow-run-as-root", "-np", Integer.toString(mpiRanks), "lmp", "-in", input.toString());
    }

    @Override
    public void run(RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress) throws Exception {
        Structure cell = EmbeddedEngine.cell(spec);
        Formats.writeStructure(dir.resolve("cell.vasp"), cell, "poscar");   // a record; never read back
        new MdRun(cell, ForceField.resolve(forceField), EmbeddedEngine.freeze(spec), EmbeddedEngine.config(spec, threads), dir)
                .runLammps(mpiRanks);
        progress.accept(1.0);
    }
}
