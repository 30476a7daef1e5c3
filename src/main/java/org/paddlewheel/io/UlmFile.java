package org.paddlewheel.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.paddlewheel.model.InputException;

/**
 * ASE's ULM container ({@code ase.io.ulm}, the binary layer under {@code .traj} and {@code .gpw}),
 * read without Python. Layout, all integers little-endian int64: bytes 0–7 the magic
 * {@code "- of Ulm"} (or the older {@code "AFFormat"}), 8–23 an ASCII tag padded with spaces
 * ({@code "ASE-Trajectory"} for trajectories), 24 the format version, 32 the item count N, 40 the
 * position P of the offsets table; at P, N int64 offsets, one per item. At an item's offset: an
 * int64 length L, then L bytes of JSON. A key ending in {@code "."} holds either a child dictionary
 * or {@code {"ndarray": [shape, dtype, offset]}}: a numpy array stored raw, C order, at that byte
 * offset of the file, little-endian unless the item says {@code "_little_endian": false}. JSON may
 * hold {@code NaN} and {@code Infinity}, as Python's json writes them.
 *
 * <p>Plain files are read by position, so one item costs only its own bytes; compressed files
 * ({@link CompressedInput}) are decompressed into memory first, as ASE itself does. Every problem
 * is an {@link InputException} whose location names the byte offset ({@code FILE:byte N: …}).
 */
final class UlmFile implements Closeable {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** A raw array: its shape, numpy dtype name, byte offset and byte order. */
    record NdArray(int[] shape, String dtype, long offset, boolean littleEndian) {
        /** Number of values; Long.MAX_VALUE when the shape's product overflows (a damaged header). */
        long size() {
            long n = 1;
            for (int s : shape) {
                try {
                    n = Math.multiplyExact(n, s);
                } catch (ArithmeticException e) {
                    return Long.MAX_VALUE;
                }
            }
            return n;
        }
    }

    private final String source;
    private final FileChannel channel;   // null when the file was decompressed into memory
    private final ByteBuffer memory;
    private final long size;
    private final String tag;
    private final long version;
    private final long[] offsets;

    private UlmFile(String source, FileChannel channel, ByteBuffer memory) {
        this.source = source;
        this.channel = channel;
        this.memory = memory;
        try {
            this.size = channel != null ? channel.size() : memory.capacity();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size < 48) throw error(0, "expected an ASE/ULM file of at least 48 bytes (magic, tag, version, count, table), found " + size);
        ByteBuffer head = bytes(0, 48);
        byte[] magic = new byte[8], tagBytes = new byte[16];
        head.get(magic).get(tagBytes);
        String m = new String(magic, StandardCharsets.ISO_8859_1);
        if (!m.equals("- of Ulm") && !m.equals("AFFormat")) throw error(0, "expected the ULM magic '- of Ulm' (an ASE .traj file;"
                + " ASE's old pickle trajectories are not read: 'python3 -m ase.io.pickletrajectory FILE' converts one)");
        this.tag = new String(tagBytes, StandardCharsets.ISO_8859_1).strip();
        this.version = head.getLong();
        long n = head.getLong(), pos0 = head.getLong();
        if (n < 0 || n > (size - 48) / 8) throw error(32, "expected an item count between 0 and " + (size - 48) / 8 + ", found " + n);
        if (pos0 < 48 || pos0 + 8 * n > size) throw error(40, "expected the offsets table inside the file, found position " + pos0);
        this.offsets = new long[(int) n];
        ByteBuffer table = bytes(pos0, (int) (8 * n));
        for (int i = 0; i < n; i++) {
            offsets[i] = table.getLong();
            if (offsets[i] < 48 || offsets[i] > size - 8) throw error(pos0 + 8L * i, "expected the offset of item " + i + " inside the file, found " + offsets[i]);
        }
    }

    /** Opens {@code file} (plain, gzip, xz or bzip2). */
    static UlmFile open(Path file) {
        String src = file.toString();
        if (!Files.exists(file)) throw new InputException(src, 0, "file not found");
        if (CompressedInput.isCompressed(file)) {
            return new UlmFile(src, null, ByteBuffer.wrap(CompressedInput.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN));
        }
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            try {
                return new UlmFile(src, ch, null);
            } catch (RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(src, 0, "file not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    String tag() { return tag; }
    long version() { return version; }
    int itemCount() { return offsets.length; }
    String source() { return source; }

    /** The byte offset of item {@code i}'s length field. */
    long offsetOf(int i) { return offsets[i]; }

    /** The JSON dictionary of item {@code i}, with {@code _little_endian} left in it. */
    JsonNode item(int i) {
        long at = offsets[i];
        long len = bytes(at, 8).getLong();
        if (len <= 0 || len > size - at - 8 || len > Integer.MAX_VALUE - 16) {
            throw error(at, "expected the length of item " + i + "'s JSON (1 to " + (size - at - 8) + " bytes), found " + len);
        }
        ByteBuffer b = bytes(at + 8, (int) len);
        byte[] text = new byte[(int) len];
        b.get(text);
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) throw error(at + 8, "expected a JSON object for item " + i);
            return node;
        } catch (JsonProcessingException e) {
            long where = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getByteOffset());
            throw error(at + 8 + where, "expected valid JSON in item " + i + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw error(at + 8, "cannot read item " + i + ": " + e.getMessage());
        }
    }

    /** The array described by {@code node} ({@code {"ndarray": [...]}}), or null when it is not one. */
    NdArray ndarray(JsonNode node, boolean littleEndian, long itemOffset) {
        JsonNode d = node == null ? null : node.get("ndarray");
        if (d == null) return null;
        if (!d.isArray() || d.size() != 3 || !d.get(0).isArray() || !d.get(1).isTextual() || !d.get(2).canConvertToLong()) {
            throw error(itemOffset, "expected an ndarray as [shape, dtype, offset], found " + d);
        }
        int[] shape = new int[d.get(0).size()];
        for (int k = 0; k < shape.length; k++) {
            JsonNode s = d.get(0).get(k);
            if (!s.canConvertToInt() || s.asInt() < 0) throw error(itemOffset, "expected non-negative array dimensions, found " + d.get(0));
            shape[k] = s.asInt();
        }
        NdArray a = new NdArray(shape, d.get(1).asText(), d.get(2).asLong(), littleEndian);
        int item = itemSize(a.dtype(), itemOffset);
        if (a.offset() < 48 || a.size() > (size - Math.max(a.offset(), 0)) / item) {
            throw error(itemOffset, "expected " + a.size() + " " + a.dtype() + " values at byte " + a.offset() + " inside the file ("
                    + size + " bytes)");
        }
        return a;
    }

    /** The values of {@code a} as doubles (floats, integers and booleans), C order. */
    double[] doubles(NdArray a) {
        int item = itemSize(a.dtype(), a.offset());
        long n = a.size();
        if (n > Integer.MAX_VALUE / 8) throw error(a.offset(), "array of " + n + " values is too large");
        double[] out = new double[(int) n];
        ByteBuffer b = bytes(a.offset(), (int) (n * item)).order(a.littleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < n; i++) {
            out[i] = switch (a.dtype()) {
                case "float64" -> b.getDouble();
                case "float32" -> b.getFloat();
                case "int64" -> b.getLong();
                case "int32" -> b.getInt();
                case "int16" -> b.getShort();
                case "uint16" -> b.getShort() & 0xffff;
                case "uint32" -> b.getInt() & 0xffffffffL;
                case "int8" -> b.get();
                case "uint8", "bool" -> b.get() & 0xff;
                default -> throw error(a.offset(), "unsupported dtype " + a.dtype());
            };
        }
        return out;
    }

    private int itemSize(String dtype, long at) {
        return switch (dtype) {
            case "float64", "int64" -> 8;
            case "float32", "int32", "uint32" -> 4;
            case "int16", "uint16" -> 2;
            case "int8", "uint8", "bool" -> 1;
            default -> throw error(at, "expected a numeric array dtype (float64, float32, int64, int32, …), found '" + dtype + "'");
        };
    }

    /** {@code length} bytes from {@code pos}, little-endian, or an error if the file ends first. */
    private ByteBuffer bytes(long pos, int length) {
        if (pos < 0 || length < 0 || pos + length > size) {
            throw error(Math.max(0, Math.min(pos, size)), "expected " + length + " more bytes at byte " + pos + ", but the file ends at " + size
                    + " (truncated?)");
        }
        if (memory != null) return memory.slice((int) pos, length).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (b.hasRemaining()) {
                if (channel.read(b, pos + b.position()) < 0) throw error(pos + b.position(), "unexpected end of file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return b.flip();
    }

    /** An InputException located at byte {@code offset} (0-based) of the file. */
    InputException error(long offset, String message) {
        return InputException.atByte(source, offset, message);
    }

    @Override
    public void close() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a read-only channel loses nothing
        }
    }
}
