package org.paddlewheel.forcefield;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed set of daemon worker threads that run one task per thread index (0 … threads−1) and
 * return when all are done; the calling thread runs index 0. Dispatch and join use a volatile
 * generation counter, park/unpark and a short spin, so a step allocates nothing. One pool serves
 * one caller thread at a time.
 */
public final class WorkerPool implements AutoCloseable {
    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile int generation;
    private volatile IntConsumer task;
    private volatile boolean closed;
    private volatile Throwable failure;
    private final Thread owner[] = new Thread[1];

    public WorkerPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            final int id = t;
            Thread w = new Thread(() -> loop(id), "paddlewheel-force-" + t);
            w.setDaemon(true);
            workers[t - 1] = w;
            w.start();
        }
    }

    public int threads() { return threads; }

    /** Runs {@code body.accept(t)} for t = 0 … threads−1 in parallel and waits for all. */
    public void run(IntConsumer body) {
        if (threads == 1) {
            body.accept(0);
            return;
        }
        owner[0] = Thread.currentThread();
        task = body;
        remaining.set(threads - 1);
        generation++;
        for (Thread w : workers) LockSupport.unpark(w);
        body.accept(0);
        int spins = 0;
        while (remaining.get() > 0) {
            if (++spins < 20_000) Thread.onSpinWait();
            else LockSupport.parkNanos(this, 20_000);
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof RuntimeException re) throw re;
            if (f instanceof Error e) throw e;
            throw new IllegalStateException(f);
        }
    }

    private void loop(int id) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (++spins < 20_000) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            if (closed) return;
            seen = generation;
            try {
                task.accept(id);
            } catch (Throwable t) {
                failure = t;
            }
            if (remaining.decrementAndGet() == 0) {
                Thread o = owner[0];
                if (o != null) LockSupport.unpark(o);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) LockSupport.unpark(w);
    }
}
