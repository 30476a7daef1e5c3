package org.paddlewheel.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.model.Structure;

/**
 * A minimal writer of ASE's ULM layout for tests (ase/io/ulm.py, version 3): magic {@code "- of Ulm"},
 * a 16-byte space-padded tag, int64 version, item count and offsets-table position; per item, its
 * arrays raw and 8-byte aligned, then an int64 length and the JSON dictionary whose {@code "key."}
 * entries are {@code {"ndarray": [shape, dtype, offset]}}. ASE keeps its offsets table at byte 48
 * and moves it when it grows; this writer puts it after the last item, which ASE's reader accepts
 * the same way (it seeks to the stored position). Big-endian arrays carry {@code "_little_endian": false}.
 */
public final class UlmTestWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Long> offsets = new ArrayList<>();
    private final boolean littleEndian;

    public UlmTestWriter(String tag, boolean littleEndian) {
        this.littleEndian = littleEndian;
        byte[] t = String.format(Locale.ROOT, "%-16s", tag).getBytes(StandardCharsets.US_ASCII);
        out.writeBytes("- of Ulm".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(t);
        out.writeBytes(le(3, 0, 0));   // version, count and table position patched by finish()
    }

    /** Writes {@code v} as a raw array and returns its JSON reference. dtype: float64, float32, int64 or int32. */
    public String array(double[] v, int[] shape, String dtype) {
        while (out.size() % 8 != 0) out.write('#');
        long at = out.size();
        int w = dtype.endsWith("64") ? 8 : 4;
        ByteBuffer b = ByteBuffer.allocate(v.length * w).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        for (double x : v) {
            switch (dtype) {
                case "float64" -> b.putDouble(x);
                case "float32" -> b.putFloat((float) x);
                case "int64" -> b.putLong((long) x);
                case "int32" -> b.putInt((int) x);
                default -> throw new IllegalArgumentException(dtype);
            }
        }
        out.writeBytes(b.array());
        StringBuilder s = new StringBuilder("{\"ndarray\": [[");
        for (int k = 0; k < shape.length; k++) s.append(k > 0 ? ", " : "").append(shape[k]);
        return s.append("], \"").append(dtype).append("\", ").append(at).append("]}").toString();
    }

    /** Appends one item whose JSON is {@code json} (an object; {@code _little_endian} is added when big-endian). */
    public void item(String json) {
        String j = littleEndian ? json : "{\"_little_endian\": false, " + json.substring(1);
        byte[] text = j.getBytes(StandardCharsets.UTF_8);
        offsets.add((long) out.size());
        out.writeBytes(le(text.length));
        out.writeBytes(text);
    }

    /** The file's bytes. */
    public byte[] finish() {
        while (out.size() % 8 != 0) out.write('#');
        long pos0 = out.size();
        for (long o : offsets) out.writeBytes(le(o));
        byte[] b = out.toByteArray();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(32, offsets.size()).putLong(40, pos0);
        return b;
    }

    private static byte[] le(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) b.putLong(x);
        return b.array();
    }

    /**
     * An ASE trajectory of {@code frames} as {@code ase.io.trajectory} lays it out: the first item
     * holds version, pbc, numbers (int64) and, when {@code timestepAse} is not null, the MD
     * description; every item holds positions (float64), cell (JSON 3×3) and, if given, momenta
     * (amu·Å per ASE time unit). {@code energies} (eV) may be null.
     */
    public static byte[] trajectory(List<Structure> frames, List<double[]> momenta, Double timestepAse, int interval,
                                    double[] energies, boolean littleEndian) {
        UlmTestWriter w = new UlmTestWriter("ASE-Trajectory", littleEndian);
        for (int f = 0; f < frames.size(); f++) {
            Structure s = frames.get(f);
            StringBuilder j = new StringBuilder("{");
            if (f == 0) {
                j.append("\"version\": 1, \"ase_version\": \"3.23.0\", ");
                if (timestepAse != null) {
                    j.append("\"description\": {\"type\": \"molecular-dynamics\", \"md-type\": \"VelocityVerlet\", \"timestep\": ")
                            .append(timestepAse).append(", \"interval\": ").append(interval).append("}, ");
                }
                double[] z = new double[s.size()];
                for (int i = 0; i < z.length; i++) z[i] = s.species(i).atomicNumber();
                j.append("\"pbc\": [true, true, true], \"numbers.\": ").append(w.array(z, new int[] {z.length}, "int64")).append(", ");
            }
            j.append("\"positions.\": ").append(w.array(s.positions(), new int[] {s.size(), 3}, "float64"));
            j.append(", \"cell\": [");
            for (int r = 0; r < 3; r++) {
                double[] v = s.lattice().vector(r);
                j.append(r > 0 ? ", " : "").append(Arrays.toString(v));
            }
            j.append("]");
            if (momenta != null) j.append(", \"momenta.\": ").append(w.array(momenta.get(f), new int[] {s.size(), 3}, "float64"));
            if (energies != null) j.append(", \"calculator.\": {\"name\": \"test\", \"parameters\": {}, \"energy\": ").append(energies[f]).append("}");
            w.item(j.append("}").toString());
        }
        return w.finish();
    }
}
