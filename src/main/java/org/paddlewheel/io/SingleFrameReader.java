package org.paddlewheel.io;

import java.util.NoSuchElementException;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Structure;

/** A one-frame trajectory over a single structure (POSCAR, CIF, LAMMPS data), time 0. */
final class SingleFrameReader implements TrajectoryReader {
    private final Structure s;
    private boolean done;

    private SingleFrameReader(Structure s) { this.s = s; }

    static TrajectoryReader of(Structure s) { return new SingleFrameReader(s); }

    @Override public int atomCount() { return s.size(); }
    @Override public boolean hasNext() { return !done; }

    @Override
    public Frame next() {
        if (done) throw new NoSuchElementException();
        done = true;
        return new Frame(s, 0, 0);
    }

    @Override public void close() { }
}
