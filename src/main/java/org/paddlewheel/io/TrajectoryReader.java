package org.paddlewheel.io;

import java.io.Closeable;
import java.util.Iterator;
import org.paddlewheel.model.Frame;

/**
 * A trajectory read frame by frame in constant memory, whatever the file format. Iterate with
 * {@link #hasNext()}/{@link #next()} and close when done. Malformed input raises
 * {@link org.paddlewheel.model.InputException} naming the file and line.
 */
public interface TrajectoryReader extends Iterator<Frame>, Closeable {
    /** Number of atoms per frame (constant within a trajectory). */
    int atomCount();

    /** True when this reader already parses ahead on other threads (then wrapping it in a {@link PrefetchingReader} gains nothing). */
    default boolean parsesAhead() { return false; }

    @Override
    void close();
}
