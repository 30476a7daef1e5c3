package org.paddlewheel.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * Compresses an output whose file name asks for it, the writing side of {@link CompressedInput}:
 * {@code .gz} → gzip (JDK), {@code .xz} → xz (preset 6, Commons Compress over org.tukaani:xz),
 * {@code .bz2}/{@code .bz} → bzip2 (block size 900 kB); any other name is written as it is. Every
 * whole-file and streaming writer goes through here ({@link AtomicFile}, {@link TempFileWriter}),
 * so {@code convert XDATCAR run.extxyz.gz} writes gzip that paddlewheel, ASE and zcat read. A
 * live trajectory that a resumed run appends to cannot be compressed (its tail is cut back to a
 * checkpoint); {@link #refuseLive} says so.
 */
public final class CompressedOutput {
    private CompressedOutput() {}

    /** The compression the name asks for, or PLAIN. */
    public static CompressedInput.Kind kindFor(Path target) {
        String lower = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) return CompressedInput.Kind.GZIP;
        if (lower.endsWith(".xz")) return CompressedInput.Kind.XZ;
        if (lower.endsWith(".bz2") || lower.endsWith(".bz")) return CompressedInput.Kind.BZIP2;
        return CompressedInput.Kind.PLAIN;
    }

    /** {@code raw} wrapped in the compressor {@code target}'s name asks for; closing the result finishes the stream. */
    public static OutputStream wrap(Path target, OutputStream raw) throws IOException {
        return switch (kindFor(target)) {
            case GZIP -> new GZIPOutputStream(raw, 1 << 16);
            case XZ -> new XZCompressorOutputStream(raw);
            case BZIP2 -> new BZip2CompressorOutputStream(raw);
            case PLAIN -> raw;
        };
    }

    /** An error for a live (appendable) output with a compressed name, else nothing. */
    static void refuseLive(Path target) {
        if (kindFor(target) != CompressedInput.Kind.PLAIN) {
            throw new org.paddlewheel.model.InputException(target.toString(), 0, "a live trajectory, appended as the run goes and cut back on"
                    + " --resume, cannot be compressed: name it without .gz/.xz/.bz2 and compress it after the run");
        }
    }
}
