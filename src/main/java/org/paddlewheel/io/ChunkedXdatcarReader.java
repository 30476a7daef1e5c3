package org.paddlewheel.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * A constant-cell XDATCAR parsed by several threads at once. Parsing the text is what a long
 * trajectory analysis spends its time on (a 20,000-frame, 270-atom file is 190 MB), and the
 * frames of a constant-cell XDATCAR are independent blocks of text, so the file is cut into byte
 * chunks; a chunk owns the frames whose configuration line starts inside it and parses them on a
 * worker (reading past its end to finish its last frame). Chunks are handed out in file order and at
 * most {@code 2 × threads} are in flight, so memory stays constant and frames come out in order.
 * <p>
 * Only the common shape is parsed here: "Direct configuration= N" lines followed by N-atom blocks
 * of three plain decimals. Anything else — a repeated header (variable cell), Cartesian or
 * unnumbered configurations, numbers outside {@link FastDecimal}'s fast path that
 * {@link Double#parseDouble} rejects, a truncated last frame — hands over to the sequential
 * {@link Xdatcar} reader, which re-reads the file, skips the frames already delivered and goes on
 * (or reports the error with its file and line). So the result, errors included, is always the
 * sequential reader's; this class only makes the common case fast.
 */
final class ChunkedXdatcarReader implements TrajectoryReader {
    private final Path file;
    private final FileChannel channel;
    private final double timestepFs;
    private final Lattice lattice;
    private final Element[] species;
    private final long size;
    private final int chunkBytes;
    private final int tailBytes;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
    private final int maxInFlight;
    private long nextChunkStart;
    private Iterator<Frame> current = java.util.Collections.emptyIterator();
    private boolean needsFallback;
    private long delivered;
    private TrajectoryReader fallback;

    /** Frames parsed from one chunk; {@code complete} false when parsing stopped at an unusual line. */
    private record Chunk(List<Frame> frames, boolean complete) {}

    /**
     * A chunked reader for {@code file}, or null when the file does not suit one (then the
     * sequential reader is used, and reports any error): its header must read, and a frame is
     * measured so that a chunk holds at least four frames and reads 1.25 frames past its end.
     */
    static TrajectoryReader open(Path file, double timestepFs, int threads, int chunkBytes) {
        try {
            long size = java.nio.file.Files.size(file);
            Xdatcar.HeaderInfo h = Xdatcar.readHeader(file);
            long dataStart = -1, frameBytes = -1;
            try (java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16)) {
                long off = 0;
                int lines = 0, c;
                while (lines < h.lines() && (c = in.read()) >= 0) { off++; if (c == '\n') lines++; }
                dataStart = off;
                // The frame length: from the first configuration line to the next line starting with a letter.
                boolean lineStart = false, firstLine = true;
                while ((c = in.read()) >= 0 && off - dataStart < (64L << 20)) {
                    if (lineStart && !firstLine && isLetter((byte) c)) { frameBytes = off - dataStart; break; }
                    if (lineStart && c != ' ' && c != '\t') lineStart = false;
                    if (c == '\n') { lineStart = true; firstLine = false; }
                    off++;
                }
            }
            if (frameBytes < 0) return null;                  // one frame, or an odd file: nothing to gain
            return new ChunkedXdatcarReader(file, timestepFs, h.header(), dataStart, size, threads,
                    (int) Math.min(1 << 30, Math.max(chunkBytes, 4 * frameBytes)), (int) Math.min(1 << 29, frameBytes + frameBytes / 4 + 4096));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private ChunkedXdatcarReader(Path file, double timestepFs, VaspHeader header, long dataStart, long size,
                                 int threads, int chunkBytes, int tailBytes) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.timestepFs = timestepFs;
        this.lattice = header.lattice();
        this.species = header.species().clone();
        this.size = size;
        this.chunkBytes = chunkBytes;
        this.tailBytes = tailBytes;
        this.nextChunkStart = dataStart;
        this.maxInFlight = 2 * threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "paddlewheel-xdatcar");
            t.setDaemon(true);
            return t;
        });
        refill();
    }

    @Override public int atomCount() { return species.length; }

    @Override public boolean parsesAhead() { return true; }

    @Override
    public boolean hasNext() {
        if (fallback != null) return fallback.hasNext();
        while (!current.hasNext()) {
            if (needsFallback) return switchToSequential();
            if (inFlight.isEmpty()) return false;
            Chunk c = take();
            if (needsFallback) cancelAll();
            else refill();
            current = c.frames().iterator();
        }
        return true;
    }

    @Override
    public Frame next() {
        if (!hasNext()) throw new NoSuchElementException("no more frames in " + file);
        if (fallback != null) return fallback.next();
        delivered++;
        return current.next();
    }

    /** Waits for the oldest chunk; an incomplete one (or a failed worker) means the sequential reader takes over after it. */
    private Chunk take() {
        Future<Chunk> f = inFlight.poll();
        try {
            Chunk c = f.get();
            if (!c.complete()) needsFallback = true;
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file, e);
        } catch (ExecutionException e) {
            needsFallback = true;
            return new Chunk(List.of(), false);
        }
    }

    /** Hands over to the sequential reader after the frames already delivered. */
    private boolean switchToSequential() {
        pool.shutdownNow();
        fallback = Xdatcar.sequential(file, timestepFs);
        for (long k = 0; k < delivered; k++) {
            if (!fallback.hasNext()) return false;
            fallback.next();
        }
        return fallback.hasNext();
    }

    private void refill() {
        while (inFlight.size() < maxInFlight && nextChunkStart < size) {
            long start = nextChunkStart;
            long end = Math.min(size, start + chunkBytes);
            nextChunkStart = end;
            inFlight.add(pool.submit(() -> parseChunk(start, end)));
        }
    }

    private void cancelAll() {
        for (Future<Chunk> f : inFlight) f.cancel(true);
        inFlight.clear();
    }

    @Override
    public void close() {
        cancelAll();
        pool.shutdownNow();
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written: a failed close loses nothing
        }
        if (fallback != null) fallback.close();
    }

    /** Parses the frames whose configuration line starts in [start, end). */
    private Chunk parseChunk(long start, long end) throws IOException {
        long from = Math.max(0, start - 1);                   // one byte back: is start a line start?
        long to = Math.min(size, end + tailBytes);
        byte[] b = buffer((int) (to - from) + 1);             // + a 0 sentinel that stops every scan
        ByteBuffer bb = ByteBuffer.wrap(b, 0, (int) (to - from));
        long pos = from;
        while (bb.hasRemaining()) {                           // positional reads: safe from several threads
            int r = channel.read(bb, pos);
            if (r < 0) return new Chunk(List.of(), false);
            pos += r;
        }
        int limit = (int) (to - from);
        b[limit] = 0;
        boolean fileEndsHere = to == size;
        int p = 0;
        if (start > 0) {                                      // skip to the first line starting at or after start
            if (b[0] != '\n') while (p < limit && b[p] != '\n') p++;
            p++;
        }
        int own = (int) (end - from);                         // frames must start before this index
        int n = species.length;
        List<Frame> frames = new ArrayList<>(chunkBytes / Math.max(1, 40 * n) + 4);
        double[] f = new double[3];
        boolean first = true;
        while (true) {
            // Find the next configuration line: skip position lines (a mid-frame start) and blank lines.
            while (p < limit) {
                int q = p;
                while (b[q] == ' ' || b[q] == '\t' || b[q] == '\r') q++;
                if (b[q] == '\n') { p = q + 1; continue; }
                if (q >= limit) { p = q; break; }
                if (isLetter(b[q])) break;
                if (!first) return new Chunk(frames, false);  // a position line where a configuration belongs
                while (p < limit && b[p] != '\n') p++;
                p++;
            }
            first = false;
            if (p >= limit) return new Chunk(frames, fileEndsHere || p >= own);
            if (p >= own) return new Chunk(frames, true);
            long config = configuration(b, p);
            if (config < 0) return new Chunk(frames, false);
            while (b[p] != '\n' && p < limit) p++;
            p++;
            double[] r = new double[3 * n];
            p = positions(b, p, limit, fileEndsHere, r, f);
            if (p < 0) return new Chunk(frames, false);
            double time = timestepFs > 0 ? config * timestepFs : config;
            frames.add(new Frame(Structure.adopt(lattice, species, r), time, config));
        }
    }

    /**
     * Parses the n position lines starting at b[p] into Cartesian r; returns the index after them,
     * or −1 when a line is not three numbers or the buffer ends first. A method of its own so that the
     * JIT compiles it after a few frames (a loop inside one long call would run interpreted).
     */
    private int positions(byte[] b, int p, int limit, boolean fileEndsHere, double[] r, double[] f) {
        int n = species.length;
        for (int i = 0; i < n; i++) {
            if (p >= limit) return -1;
            int q = p;
            for (int k = 0; k < 3; k++) {
                while (b[q] == ' ' || b[q] == '\t') q++;
                int s = q;
                q = scanDecimal(b, q, f, k);
                if (q < 0) q = slowNumber(b, s, f, k);
                if (q < 0) return -1;
            }
            while (b[q] != '\n' && b[q] != 0) q++;           // ignore anything after the third number
            if (b[q] == 0 && q >= limit && !fileEndsHere) return -1;
            p = q + 1;
            lattice.toCartesian(f[0], f[1], f[2], r, 3 * i);
        }
        return p;
    }

    /** A number outside the fast shape: Double.parseDouble decides; −1 if it is not a finite number. */
    private static int slowNumber(byte[] b, int s, double[] f, int k) {
        int e = s;
        while (b[e] != ' ' && b[e] != '\t' && b[e] != '\n' && b[e] != '\r' && b[e] != 0) e++;
        if (e == s) return -1;
        try {
            f[k] = Double.parseDouble(new String(b, s, e - s, java.nio.charset.StandardCharsets.US_ASCII));
        } catch (NumberFormatException x) {
            return -1;
        }
        return Double.isFinite(f[k]) ? e : -1;
    }

    /** Each worker reuses one read buffer (chunks are all about the same size), sparing the allocator ~the file size. */
    private final ThreadLocal<byte[]> buffers = new ThreadLocal<>();

    private byte[] buffer(int size) {
        byte[] b = buffers.get();
        if (b == null || b.length < size) {
            b = new byte[size + size / 8];
            buffers.set(b);
        }
        return b;
    }

    private static boolean isLetter(byte c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

    /** The N of "Direct configuration= N" at b[p..], or −1 for any other line (left to the sequential reader). */
    private static long configuration(byte[] b, int p) {
        int q = p;
        while (b[q] == ' ' || b[q] == '\t') q++;
        if (b[q] != 'D' && b[q] != 'd') return -1;           // Cartesian or header lines: sequential route
        int e = q;
        while (b[e] != '\n' && b[e] != 0) e++;
        String line = new String(b, q, e - q, java.nio.charset.StandardCharsets.US_ASCII).trim();
        if (!line.toLowerCase(java.util.Locale.ROOT).contains("configuration")) return -1;
        int eq = line.indexOf('=');
        if (eq < 0) return -1;
        String t = line.substring(eq + 1).trim();
        int sp = 0;
        while (sp < t.length() && Character.isDigit(t.charAt(sp))) sp++;
        if (sp == 0 || sp > 18) return -1;
        return Long.parseLong(t.substring(0, sp));
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    /**
     * Parses a plain decimal (sign, digits, '.', digits; ≤ 18 digits, value below 2^53) at b[q..]
     * into out[k] and returns the index after it, or −1 when the number has another shape
     * (exponent, more digits, no digits). Clinger's fast path, as {@link FastDecimal}: one correctly
     * rounded division of two exact doubles, so the value is bit-identical to Double.parseDouble.
     */
    static int scanDecimal(byte[] b, int q, double[] out, int k) {
        boolean neg = false;
        if (b[q] == '-') { neg = true; q++; } else if (b[q] == '+') q++;
        long m = 0;
        int s = q, d;
        while ((d = b[q] - '0') >= 0 && d <= 9) { m = m * 10 + d; q++; }
        int digits = q - s, frac = 0;
        if (b[q] == '.') {
            int fs = ++q;
            while ((d = b[q] - '0') >= 0 && d <= 9) { m = m * 10 + d; q++; }
            frac = q - fs;
            digits += frac;
        }
        if (digits == 0 || digits > 18 || m >= (1L << 53)) return -1;
        byte c = b[q];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != 0) return -1;
        double v = frac == 0 ? m : m / POW10[frac];
        out[k] = neg ? -v : v;
        return q;
    }
}
