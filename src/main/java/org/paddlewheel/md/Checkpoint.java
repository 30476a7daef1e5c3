package org.paddlewheel.md;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.paddlewheel.model.InputException;

/**
 * A binary restart file: step, positions (Å), velocities (Å/fs), cell (Å), the random generator's
 * state, the lengths of the thermo and trajectory files and the trajectory frame count at that
 * step, and a fingerprint of the run settings (a resume with other settings is refused). Written to a
 * temporary file and moved into place atomically, so a kill never leaves a half checkpoint.
 */
record Checkpoint(String fingerprint, long step, double[] x, double[] v, double[] h, long[] rng,
                  long thermoBytes, long trajectoryBytes, long frames) {
    private static final int MAGIC = 0x50574d44; // "PWMD"

    void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(bytes)) {
            o.writeInt(MAGIC);
            o.writeInt(1);
            o.writeUTF(fingerprint);
            o.writeLong(step);
            o.writeInt(x.length);
            for (double d : x) o.writeDouble(d);
            for (double d : v) o.writeDouble(d);
            for (double d : h) o.writeDouble(d);
            o.writeInt(rng.length);
            for (long l : rng) o.writeLong(l);
            o.writeLong(thermoBytes);
            o.writeLong(trajectoryBytes);
            o.writeLong(frames);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes.toByteArray());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Checkpoint read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != 1) throw new InputException(file.toString(), 0, "not a paddlewheel checkpoint");
            String fp = in.readUTF();
            long step = in.readLong();
            int n3 = in.readInt();
            double[] x = new double[n3], v = new double[n3], h = new double[9];
            for (int k = 0; k < n3; k++) x[k] = in.readDouble();
            for (int k = 0; k < n3; k++) v[k] = in.readDouble();
            for (int k = 0; k < 9; k++) h[k] = in.readDouble();
            long[] rng = new long[in.readInt()];
            for (int k = 0; k < rng.length; k++) rng[k] = in.readLong();
            return new Checkpoint(fp, step, x, v, h, rng, in.readLong(), in.readLong(), in.readLong());
        }
    }
}
