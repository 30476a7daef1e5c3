package org.paddlewheel.study;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * Runs one {@link RunSpec} into a folder: an adapter between a campaign and an MD code. Every
 * engine leaves {@code trajectory.extxyz} (production only, unwrapped or wrapped positions with
 * the cell per frame) in the folder; engines may leave more (thermo.csv, checkpoints, inputs).
 * Implementations must be safe to call from several threads at once for different folders.
 */
public interface Engine {
    /** Name recorded in the run's completion marker and the report ("embedded", "lammps", "fake"). */
    String name();

    /** Version or description of the code that ran (recorded in the report). */
    String version();

    /**
     * Runs {@code spec} into the empty folder {@code dir}.
     *
     * @param forceField force-field name
     * @param threads    threads (or MPI ranks) this run may use
     * @param progress   receives the fraction done in [0, 1] now and then
     * @throws Exception when the run fails; the scheduler records it and moves on
     */
    void run(RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress) throws Exception;
}
