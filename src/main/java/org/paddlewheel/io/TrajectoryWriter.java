package org.paddlewheel.io;

import java.io.Closeable;
import org.paddlewheel.model.Frame;

/**
 * Appends frames to a trajectory file. Implementations write to a temporary file and move it into
 * place on {@link #close()}, or append and flush per frame where the format is meant to be
 * followed live (documented per class).
 */
public interface TrajectoryWriter extends Closeable {
    /** Appends one frame; the atom count and species order must match the first frame. */
    void write(Frame frame);

    @Override
    void close();

    /**
     * Ends a write that went wrong (the input broke off, a frame was bad): a writer with a
     * temporary file deletes it and leaves the target as it was; a live writer keeps what it has.
     */
    default void abort() { close(); }
}
