package org.paddlewheel.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Structure;

/**
 * LAMMPS text trajectories as written by {@code dump custom} (LAMMPS manual, "dump"), in
 * {@code units metal}: positions Å, velocities Å/ps (converted to Å/fs on read, v/1000, and back on
 * write). Each frame is {@code ITEM: TIMESTEP}, {@code ITEM: NUMBER OF ATOMS}, {@code ITEM: BOX
 * BOUNDS} (orthogonal: {@code lo hi} per axis; triclinic {@code xy xz yz}: the bounding-box bounds
 * and tilts, converted to the box per "Howto triclinic"; general {@code abc origin} also read) and
 * {@code ITEM: ATOMS} with any columns among id, type, element, x y z, xs ys zs, xu yu zu, xsu ysu
 * zsu, ix iy iz, vx vy vz, q (others ignored; charges are not kept). Positions prefer unwrapped
 * columns: xu, then xsu, then x or xs plus image flags, then x or xs alone; the box origin is moved
 * to 0. Atoms are ordered by id when an id column exists. Elements come from the element column,
 * else from the caller's type map, else the read fails. Frame time is TIMESTEP × timestepFs when
 * timestepFs &gt; 0, else the step number. The reader streams (one frame in memory). The writer
 * writes {@code id type element xu yu zu} (plus {@code vx vy vz} when the frame has velocities),
 * rotating general cells into the LAMMPS orientation as {@link LammpsData} does, and hands each
 * frame to the operating system as it is written ({@link LiveTextFile}), so the file can be
 * followed live (it is not written atomically); {@link #append} resumes such a file.
 */
public final class LammpsDump {
    private LammpsDump() {}

    /** Opens a dump; elements must come from an {@code element} column. */
    public static TrajectoryReader open(Path file, double timestepFs) {
        return new LammpsDumpReader(file, timestepFs, null);
    }

    /** Opens a dump; {@code typeMap} gives the element of type t at index t−1 when there is no element column. */
    public static TrajectoryReader open(Path file, double timestepFs, List<Element> typeMap) {
        return new LammpsDumpReader(file, timestepFs, typeMap);
    }

    /**
     * Creates a dump writer; {@code typeOrder} null means order of first appearance in the first frame.
     * Frames go to a temporary file renamed onto {@code file} by close (none is left by abort).
     */
    public static TrajectoryWriter create(Path file, List<Element> typeOrder) {
        return new Writer(new TempFileWriter(file), typeOrder);
    }

    /**
     * A live writer appending to {@code file} (see {@link Formats#openTrajectoryAppender}): with
     * {@code resumeAfterStep} ≥ 0 it keeps the complete frames with TIMESTEP ≤ it and cuts the rest;
     * below 0 it starts the file afresh.
     */
    public static TrajectoryWriter append(Path file, List<Element> typeOrder, long resumeAfterStep) {
        return new Writer(LiveTextFile.open(file, resumeAfterStep < 0 ? 0 : resumeLength(file, resumeAfterStep)), typeOrder);
    }

    /** Bytes of the leading complete frames whose TIMESTEP is ≤ {@code step}. */
    static long resumeLength(Path file, long step) {
        if (!Files.exists(file)) return 0;
        long keep = 0;
        try (LiveTextFile.Lines in = new LiveTextFile.Lines(file)) {
            while (true) {
                String item = in.next(), ts = item == null ? null : in.next();
                String natomsItem = ts == null ? null : in.next(), natoms = natomsItem == null ? null : in.next();
                if (natoms == null || !item.startsWith("ITEM: TIMESTEP")) break;
                long frameStep;
                int n;
                try {
                    frameStep = Long.parseLong(ts.trim());
                    n = Integer.parseInt(natoms.trim());
                } catch (NumberFormatException e) {
                    break;
                }
                String line;
                while ((line = in.next()) != null && !line.startsWith("ITEM: ATOMS")) { /* box bounds */ }
                if (line == null) break;
                int read = 0;
                while (read < n && in.next() != null) read++;
                if (read < n || frameStep > step) break;
                keep = in.offset();
            }
        }
        return keep;
    }

    private static final class Writer implements TrajectoryWriter {
        private final TextSink out;
        private List<Element> typeOrder;
        private int atoms = -1;
        private Element[] species;

        Writer(TextSink out, List<Element> typeOrder) {
            this.out = out;
            this.typeOrder = typeOrder == null ? null : List.copyOf(typeOrder);
        }

        @Override
        public void write(Frame frame) {
            Structure s = frame.structure();
            if (atoms < 0) {
                atoms = s.size();
                species = s.speciesArray();
                if (typeOrder == null) typeOrder = LammpsData.firstAppearanceOrder(s);
            } else if (s.size() != atoms || !java.util.Arrays.equals(species, s.speciesArray())) {
                throw new IllegalArgumentException("frame at step " + frame.step() + " has other atoms than the first frame");
            }
            int[] types = LammpsData.typesOf(s, typeOrder);
            Structure o = LammpsBox.orient(s);
            LammpsBox box = LammpsBox.of(o.lattice());
            boolean vel = o.hasVelocities();
            double[] v = vel ? o.velocities() : null;
            {
                StringBuilder sb = new StringBuilder(128 + 96 * atoms);
                sb.append("ITEM: TIMESTEP\n").append(frame.step()).append('\n');
                sb.append("ITEM: NUMBER OF ATOMS\n").append(atoms).append('\n');
                double[] b = box.dumpBounds();
                if (box.orthogonal()) {
                    sb.append("ITEM: BOX BOUNDS pp pp pp\n");
                    for (int k = 0; k < 3; k++) sb.append(String.format(Locale.ROOT, "%.16e %.16e\n", b[2 * k], b[2 * k + 1]));
                } else {
                    sb.append("ITEM: BOX BOUNDS xy xz yz pp pp pp\n");
                    double[] tilt = {box.xy(), box.xz(), box.yz()};
                    for (int k = 0; k < 3; k++) {
                        sb.append(String.format(Locale.ROOT, "%.16e %.16e %.16e\n", b[2 * k], b[2 * k + 1], tilt[k]));
                    }
                }
                sb.append(vel ? "ITEM: ATOMS id type element xu yu zu vx vy vz\n" : "ITEM: ATOMS id type element xu yu zu\n");
                for (int i = 0; i < atoms; i++) {
                    sb.append(i + 1).append(' ').append(types[i]).append(' ').append(o.species(i).symbol());
                    sb.append(String.format(Locale.ROOT, " %.10f %.10f %.10f", o.x(i, 0), o.x(i, 1), o.x(i, 2)));
                    if (vel) {
                        sb.append(String.format(Locale.ROOT, " %.10f %.10f %.10f", v[3 * i] * 1000, v[3 * i + 1] * 1000, v[3 * i + 2] * 1000));
                    }
                    sb.append('\n');
                }
                out.append(sb);
            }
        }

        @Override
        public void close() { out.close(); }

        @Override
        public void abort() {
            out.fail();
            out.close();
        }
    }
}
