package org.paddlewheel.model;

/**
 * One snapshot of a trajectory: a {@link Structure} (positions in Å, optional velocities in Å/fs)
 * at simulation time {@code timeFs} (fs) and integration step {@code step}. Readers that do not
 * know the time report {@code step × timestep} when a timestep is given, else the frame index.
 */
public record Frame(Structure structure, double timeFs, long step) {
    public Frame {
        java.util.Objects.requireNonNull(structure, "structure");
    }
}
