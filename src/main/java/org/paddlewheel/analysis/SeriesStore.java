package org.paddlewheel.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-channel time series appended one frame at a time (a channel is, e.g., one Cartesian
 * component of one tracked atom), kept in fixed-size chunks so that growing never copies, in
 * double or single precision (single precision — 7 digits — is ample for unit vectors; positions
 * are kept in double). Memory is channels × frames × 8 (or 4) bytes; Frame objects are never kept.
 */
public final class SeriesStore {
    private static final int CHUNK = 4096;
    private final int channels;
    private final boolean single;
    private final List<double[]> dchunks = new ArrayList<>();
    private final List<float[]> fchunks = new ArrayList<>();
    private int frames;

    /** A store for {@code channels} values per frame, in single precision when {@code single}. */
    public SeriesStore(int channels, boolean single) {
        this.channels = channels;
        this.single = single;
    }

    public int channels() { return channels; }

    /** Frames appended so far. */
    public int frames() { return frames; }

    /** Appends one frame: {@code values[c]} for every channel c. */
    public void append(double[] values) {
        int slot = frames % CHUNK;
        if (slot == 0) {
            if (single) fchunks.add(new float[channels * CHUNK]);
            else dchunks.add(new double[channels * CHUNK]);
        }
        if (single) {
            float[] ch = fchunks.get(fchunks.size() - 1);
            for (int c = 0; c < channels; c++) ch[c * CHUNK + slot] = (float) values[c];
        } else {
            double[] ch = dchunks.get(dchunks.size() - 1);
            for (int c = 0; c < channels; c++) ch[c * CHUNK + slot] = values[c];
        }
        frames++;
    }

    /** Value of channel c at frame t. */
    public double get(int c, int t) {
        int k = t / CHUNK, slot = t % CHUNK;
        return single ? fchunks.get(k)[c * CHUNK + slot] : dchunks.get(k)[c * CHUNK + slot];
    }

    /** Copies channel c, frames [from, from+len), into dest[0..len). */
    public void copy(int c, int from, int len, double[] dest) {
        for (int i = 0; i < len; ) {
            int t = from + i;
            int k = t / CHUNK, slot = t % CHUNK;
            int run = Math.min(len - i, CHUNK - slot);
            int base = c * CHUNK + slot;
            if (single) {
                float[] ch = fchunks.get(k);
                for (int j = 0; j < run; j++) dest[i + j] = ch[base + j];
            } else {
                System.arraycopy(dchunks.get(k), base, dest, i, run);
            }
            i += run;
        }
    }

    /** Channel c, all frames, as a new array. */
    public double[] channel(int c) {
        double[] d = new double[frames];
        copy(c, 0, frames, d);
        return d;
    }
}
