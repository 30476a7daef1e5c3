package org.paddlewheel.io;

import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.paddlewheel.model.Frame;

/**
 * A {@link TrajectoryReader} that parses ahead on a background thread, so reading the next frames
 * overlaps with the caller's work on the current one (parsing dominates a trajectory analysis).
 * At most {@code depth} frames are buffered, so memory stays constant. Frames, then the end or the
 * reader's exception (an {@link org.paddlewheel.model.InputException} keeps its file and line), come
 * out in the order the wrapped reader produced them. {@link #close()} stops the thread and closes
 * the wrapped reader. The wrapped reader is used only by the background thread after construction.
 */
public final class PrefetchingReader implements TrajectoryReader {
    private static final Object END = new Object();
    private final TrajectoryReader in;
    private final int atoms;
    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private Object head;
    private volatile boolean closed;

    /** Wraps {@code in}; {@code depth} ≥ 1 frames are parsed ahead. */
    public PrefetchingReader(TrajectoryReader in, int depth) {
        this.in = in;
        this.atoms = in.atomCount();
        this.queue = new ArrayBlockingQueue<>(Math.max(1, depth));
        this.thread = new Thread(this::produce, "paddlewheel-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void produce() {
        Object last = END;
        try {
            while (!closed && in.hasNext()) queue.put(in.next());
        } catch (InterruptedException e) {
            return;
        } catch (RuntimeException | Error e) {
            last = e;
        }
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            // closed while handing over the end
        }
    }

    @Override public int atomCount() { return atoms; }

    @Override
    public boolean hasNext() {
        if (head == null) {
            try {
                head = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the trajectory", e);
            }
        }
        if (head instanceof RuntimeException e) throw e;
        if (head instanceof Error e) throw e;
        return head != END;
    }

    @Override
    public Frame next() {
        if (!hasNext()) throw new NoSuchElementException("no more frames");
        Frame f = (Frame) head;
        head = null;
        return f;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        in.close();
    }
}
