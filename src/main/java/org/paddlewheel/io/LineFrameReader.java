package org.paddlewheel.io;

import java.util.NoSuchElementException;
import org.paddlewheel.model.Frame;

/**
 * The iterator half of a text trajectory reader: frames are parsed one ahead from a
 * {@link LineSource}, so {@link #hasNext()} is exact, memory stays constant, and the source is
 * closed at the end of the file or on the first error. Subclasses only parse one frame.
 */
abstract class LineFrameReader implements TrajectoryReader {
    protected final LineSource src;
    private Frame pending;
    private boolean done;

    LineFrameReader(LineSource src) { this.src = src; }

    /** Parses the next frame, or returns null at a clean end of file. */
    protected abstract Frame readFrame();

    /** Parses the first frame now (a subclass calls it once its fields are set), so a bad file fails at open. */
    protected final Frame prefetch() {
        hasNext();
        return pending;
    }

    @Override
    public final boolean hasNext() {
        if (pending == null && !done) {
            try {
                pending = readFrame();
            } catch (RuntimeException e) {
                done = true;
                src.close();
                throw e;
            }
            if (pending == null) {
                done = true;
                src.close();
            }
        }
        return pending != null;
    }

    @Override
    public final Frame next() {
        if (!hasNext()) throw new NoSuchElementException("no more frames in " + src.source());
        Frame f = pending;
        pending = null;
        return f;
    }

    @Override
    public void close() {
        done = true;
        pending = null;
        src.close();
    }
}
