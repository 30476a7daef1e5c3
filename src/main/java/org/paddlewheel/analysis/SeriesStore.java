package org.paddlewheel.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-channel time series appended one frame at a time (a channel is, e.g., one Cartesian
 * component of one tracked atom), kept in fixed-size chunks of frames (channel-major inside a
 * chunk) so that growing never copies, in double or single precision (single precision — 7 digits —
 * is ample for unit vectors; positions are kept in double). Frame objects are never kept.
 *
 * <p>Flat memory: chunks stay on the heap up to a byte budget (default 1/16 of the maximum heap,
 * or the system property {@code paddlewheel.seriesHeapMB}); beyond it every completed chunk is
 * written to a temporary file and its array reused, so the heap holds at most budget + one chunk
 * however long the trajectory. The file is unlinked as soon as it is open (POSIX; elsewhere
 * deleted on exit), so it disappears with the process even after a crash. Spilled data are read
 * back with positional reads — bulk for {@link #copy}, through a small block cache for
 * {@link #get} — not mapped, so they cost page cache, not resident memory. Appending is not
 * thread-safe; {@link #copy} may be called from several threads (calls are serialised).
 */
public final class SeriesStore implements AutoCloseable {
    private final Backing b;
    private final int offset;
    private final int channels;

    /** A store for {@code channels} values per frame, in single precision when {@code single}. */
    public SeriesStore(int channels, boolean single) {
        this(channels, single, defaultHeapBudget());
    }

    /** As {@link #SeriesStore(int, boolean)} with an explicit heap budget in bytes. */
    public SeriesStore(int channels, boolean single, long heapBudgetBytes) {
        this(new Backing(channels, single, heapBudgetBytes), 0, channels);
    }

    private SeriesStore(Backing b, int offset, int channels) {
        this.b = b;
        this.offset = offset;
        this.channels = channels;
    }

    /** Heap budget per store, bytes: {@code paddlewheel.seriesHeapMB} or max heap / 16. */
    static long defaultHeapBudget() {
        String mb = System.getProperty("paddlewheel.seriesHeapMB");
        if (mb != null) return Long.parseLong(mb.trim()) << 20;
        return Runtime.getRuntime().maxMemory() / 16;
    }

    /** A read-only view of channels [from, from+count), sharing storage (nothing is copied). */
    public SeriesStore slice(int from, int count) {
        if (from < 0 || count < 0 || from + count > channels) throw new IndexOutOfBoundsException(from + "+" + count + " of " + channels);
        return new SeriesStore(b, offset + from, count);
    }

    public int channels() { return channels; }

    /** Frames appended so far. */
    public int frames() { return b.frames; }

    /** True once some chunks live in the temporary file. */
    public boolean spilled() { return b.file != null; }

    /** Appends one frame: {@code values[c]} for every channel c (not on a slice). */
    public void append(double[] values) {
        if (offset != 0 || channels != b.channels) throw new UnsupportedOperationException("append on a slice");
        b.append(values);
    }

    /** Value of channel c at frame t. */
    public double get(int c, int t) { return b.get(offset + c, t); }

    /** Copies channel c, frames [from, from+len), into dest[0..len). Safe to call from several threads once appending is over. */
    public void copy(int c, int from, int len, double[] dest) {
        synchronized (b) {
            b.copy(offset + c, from, len, dest);
        }
    }

    /** Channel c, all frames, as a new array. */
    public double[] channel(int c) {
        double[] d = new double[frames()];
        copy(c, 0, d.length, d);
        return d;
    }

    /** Releases the temporary file (the store, and every slice of it, is unusable afterwards). */
    @Override
    public void close() { b.close(); }

    /** The shared storage of a store and its slices. */
    private static final class Backing {
        private static final int BLOCK = 256;            // values per cached block for get()
        private static final int CACHE_BLOCKS = 512;
        final int channels;
        final boolean single;
        final int chunk;                                 // frames per chunk
        final int elem;
        final long chunkBytes;
        final int maxHeapChunks;
        final List<Object> chunks = new ArrayList<>();   // double[]/float[], or null when in the file
        int frames;
        FileChannel file;
        ByteBuffer io;
        private final Map<Long, double[]> cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<Long, double[]> e) { return size() > CACHE_BLOCKS; }
        };

        Backing(int channels, boolean single, long budget) {
            this.channels = channels;
            this.single = single;
            this.elem = single ? 4 : 8;
            // ~4 MB chunks (a power of two between 64 and 4096 frames) so wide stores still spill finely.
            int c = 4096;
            while (c > 64 && (long) c * Math.max(1, channels) * elem > (4L << 20)) c >>= 1;
            this.chunk = c;
            this.chunkBytes = (long) c * channels * elem;
            this.maxHeapChunks = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget / Math.max(1, chunkBytes)));
        }

        void append(double[] values) {
            int slot = frames % chunk;
            if (slot == 0) newChunk();
            Object cur = chunks.get(chunks.size() - 1);
            if (single) {
                float[] ch = (float[]) cur;
                for (int c = 0; c < channels; c++) ch[c * chunk + slot] = (float) values[c];
            } else {
                double[] ch = (double[]) cur;
                for (int c = 0; c < channels; c++) ch[c * chunk + slot] = values[c];
            }
            frames++;
        }

        private void newChunk() {
            int k = chunks.size();
            if (k >= maxHeapChunks) {
                Object full = chunks.get(k - 1);         // spill the completed chunk, reuse its array
                write(k - 1, full);
                chunks.set(k - 1, null);
                chunks.add(full);
            } else {
                chunks.add(single ? new float[channels * chunk] : new double[channels * chunk]);
            }
        }

        private void write(int k, Object array) {
            try {
                if (file == null) open();
                long pos = k * chunkBytes;
                int n = channels * chunk, per = io.capacity() / elem;
                for (int i = 0; i < n; i += per) {
                    int run = Math.min(per, n - i);
                    io.clear();
                    if (single) io.asFloatBuffer().put((float[]) array, i, run);
                    else io.asDoubleBuffer().put((double[]) array, i, run);
                    io.limit(run * elem);
                    while (io.hasRemaining()) pos += file.write(io, pos);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the series spill file", e);
            }
        }

        private void open() throws IOException {
            Path p = Files.createTempFile("paddlewheel-series-", ".bin");
            file = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                Files.delete(p);                         // POSIX: the open channel keeps the data
            } catch (IOException e) {
                p.toFile().deleteOnExit();
            }
            io = ByteBuffer.allocateDirect(1 << 18).order(ByteOrder.nativeOrder());
        }

        double get(int c, int t) {
            if (t < 0 || t >= frames) throw new IndexOutOfBoundsException("frame " + t + " of " + frames);
            int k = t / chunk, slot = t % chunk;
            Object a = chunks.get(k);
            if (a != null) return single ? ((float[]) a)[c * chunk + slot] : ((double[]) a)[c * chunk + slot];
            long key = ((long) c << 32) | (t / BLOCK);
            double[] blk = cache.get(key);
            if (blk == null) {
                int start = t / BLOCK * BLOCK;
                blk = new double[Math.min(BLOCK, frames - start)];
                copy(c, start, blk.length, blk);
                cache.put(key, blk);
            }
            return blk[t % BLOCK];
        }

        void copy(int c, int from, int len, double[] dest) {
            if (from < 0 || from + len > frames) throw new IndexOutOfBoundsException(from + "+" + len + " of " + frames);
            for (int i = 0; i < len; ) {
                int t = from + i;
                int k = t / chunk, slot = t % chunk;
                int run = Math.min(len - i, chunk - slot);
                int base = c * chunk + slot;
                Object a = chunks.get(k);
                if (a instanceof float[] f) {
                    for (int j = 0; j < run; j++) dest[i + j] = f[base + j];
                } else if (a instanceof double[] d) {
                    System.arraycopy(d, base, dest, i, run);
                } else {
                    read(k * chunkBytes + (long) base * elem, run, dest, i);
                }
                i += run;
            }
        }

        private void read(long pos, int count, double[] dest, int off) {
            try {
                int per = io.capacity() / elem;
                for (int done = 0; done < count; ) {
                    int run = Math.min(per, count - done);
                    io.clear().limit(run * elem);
                    long p = pos + (long) done * elem;
                    while (io.hasRemaining()) {
                        int r = file.read(io, p);
                        if (r < 0) throw new IOException("spill file shorter than expected");
                        p += r;
                    }
                    io.flip();
                    if (single) {
                        java.nio.FloatBuffer fb = io.asFloatBuffer();
                        for (int j = 0; j < run; j++) dest[off + done + j] = fb.get(j);
                    } else {
                        io.asDoubleBuffer().get(dest, off + done, run);
                    }
                    done += run;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the series spill file", e);
            }
        }

        void close() {
            chunks.clear();
            cache.clear();
            frames = 0;
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                file = null;
            }
        }
    }
}
