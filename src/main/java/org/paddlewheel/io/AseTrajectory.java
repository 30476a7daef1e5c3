package org.paddlewheel.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * ASE's binary trajectory ({@code .traj}, {@code ase.io.trajectory}) read in Java, one frame at a
 * time, over the ULM container of {@link UlmFile} (tag {@code ASE-Trajectory}). Each ULM item is
 * one image: {@code positions} (N×3, Å, Cartesian), {@code cell} (3×3 rows a, b, c in Å, as a JSON
 * list or an array), optional {@code momenta} (N×3, ASE units amu·Å/(Å·sqrt(amu/eV))) and a
 * {@code calculator} child with {@code energy} (eV), {@code forces} (N×3, eV/Å) and {@code stress}
 * (Voigt xx, yy, zz, yz, xz, xy or 3×3, eV/Å³). The first item also holds {@code numbers}
 * (atomic numbers), {@code pbc}, optionally {@code masses} (amu) and the MD {@code description}
 * (ASE's {@code timestep}, in ASE time units of 10.1805 fs, and the write {@code interval} in
 * steps); later items repeat {@code numbers} only when they change.
 *
 * <p>Velocities are momenta ÷ mass (the file's masses, else the standard atomic mass of
 * {@link Element}, which may differ from ASE's table in the fourth digit) × 0.0982269 to give Å/fs.
 * Frame i is step i × interval; its time is step × timestep, the timestep being the caller's when
 * given (fs), else the file's; with neither, the frame index. A file whose frames change their atom
 * count, or has no periodic cell, is refused: paddlewheel analyses periodic runs of fixed size.
 */
public final class AseTrajectory {
    private AseTrajectory() {}

    /** ASE's time unit per fs ({@code ase.units.fs}), = 1/10.1805. */
    public static final double ASE_TIME_PER_FS = ExtendedXyz.ASE_VELOCITY_TO_A_PER_FS;

    /**
     * What one frame's calculator reported: {@code energyEv} (NaN if absent), {@code forcesEvPerA}
     * (3N, or null) and {@code stressEvPerA3} (Voigt xx, yy, zz, yz, xz, xy, or null).
     */
    public record Results(double energyEv, double[] forcesEvPerA, double[] stressEvPerA3) {}

    /** The MD description of a file: time step (fs, NaN if not stored) and frames' spacing in steps (1 if not stored). */
    public record Timing(double timestepFs, long interval) {
        /** True when the file states its time step. */
        public boolean known() { return Double.isFinite(timestepFs) && timestepFs > 0; }
    }

    /** Opens a trajectory; {@code timestepFs} ≤ 0 lets the file's MD description decide. */
    public static Reader open(Path file, double timestepFs) {
        UlmFile f = UlmFile.open(file);
        try {
            return new Reader(f, timestepFs);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    /** The first frame. */
    public static Structure read(Path file) {
        try (Reader r = open(file, 0)) {
            if (!r.hasNext()) throw new InputException(file.toString(), 0, "the trajectory holds no image");
            return r.next().structure();
        }
    }

    /** The time step and write interval the file's first item records. */
    public static Timing timing(Path file) {
        try (Reader r = open(file, 0)) {
            return new Timing(r.fileTimestepFs, r.interval);
        }
    }

    /** Streams the images of one {@code .traj} file; {@link #results()} gives the last frame's calculator results. */
    public static final class Reader implements TrajectoryReader {
        private final UlmFile f;
        private final double fileTimestepFs;
        private final double timestepFs;
        private final long interval;
        private Element[] species;
        private double[] masses;
        private int index;
        private Results results;

        private Reader(UlmFile f, double timestepFs) {
            this.f = f;
            if (!f.tag().equals("ASE-Trajectory")) {
                throw f.error(8, "expected the tag 'ASE-Trajectory' (an ASE .traj file), found '" + f.tag() + "'");
            }
            double dt = Double.NaN;
            long every = 1;
            if (f.itemCount() > 0) {
                JsonNode first = f.item(0);
                readHeader(first, 0);
                JsonNode d = first.get("description");
                if (d != null && d.isObject()) {
                    if (d.path("timestep").isNumber() && d.get("timestep").asDouble() > 0) dt = d.get("timestep").asDouble() / ASE_TIME_PER_FS;
                    if (d.path("interval").canConvertToLong() && d.get("interval").asLong() > 0) every = d.get("interval").asLong();
                }
            }
            this.fileTimestepFs = dt;
            this.interval = every;
            this.timestepFs = timestepFs > 0 ? timestepFs : dt;
        }

        @Override public int atomCount() { return species == null ? 0 : species.length; }
        @Override public boolean hasNext() { return index < f.itemCount(); }

        /** The calculator results of the frame last returned (null before the first; fields absent where the file has none). */
        public Results results() { return results; }

        @Override
        public Frame next() {
            if (!hasNext()) throw new NoSuchElementException();
            int i = index++;
            JsonNode item = f.item(i);
            long at = f.offsetOf(i);
            boolean le = !item.path("_little_endian").isBoolean() || item.get("_little_endian").asBoolean();
            if (i > 0 && item.has("numbers.")) readHeader(item, i);
            int n = species.length;
            double[] pos = vectors(item, "positions.", n, le, i, true);
            Lattice lattice = cell(item, le, i, at);
            double[] p = vectors(item, "momenta.", n, le, i, false);
            Structure s = Structure.adopt(lattice, species, pos);
            if (p != null) {
                for (int a = 0; a < n; a++) {
                    double m = masses != null ? masses[a] : species[a].massAmu();
                    if (!(m > 0)) throw f.error(at, "expected a positive mass for atom " + (a + 1) + ", found " + m);
                    for (int k = 0; k < 3; k++) p[3 * a + k] *= ASE_TIME_PER_FS / m;
                }
                s = s.withPositions(pos, p);
            }
            results = results(item.get("calculator."), n, le, i, at);
            long step = (long) i * interval;
            double time = timestepFs > 0 ? step * timestepFs : i;
            return new Frame(s, time, timestepFs > 0 ? step : i);
        }

        private void readHeader(JsonNode item, int i) {
            long at = f.offsetOf(i);
            boolean le = !item.path("_little_endian").isBoolean() || item.get("_little_endian").asBoolean();
            double[] z = numbersOf(item.get("numbers"), item.get("numbers."), le, i, at);
            if (species != null && z.length != species.length) {
                throw f.error(at, "expected " + species.length + " atoms in image " + i + " (as in the first), found " + z.length
                        + "; paddlewheel reads trajectories of constant size");
            }
            Element[] sp = new Element[z.length];
            for (int a = 0; a < z.length; a++) {
                if (z[a] != Math.rint(z[a]) || z[a] < 1 || z[a] > 94) {
                    throw f.error(at, "expected an atomic number 1–94 for atom " + (a + 1) + " of image " + i + ", found " + z[a]);
                }
                sp[a] = Element.ofAtomicNumber((int) z[a]);
            }
            species = sp;
            JsonNode m = item.get("masses.");
            masses = m == null ? (i == 0 ? null : masses) : vectorsOrScalars(m, z.length, le, i, at, "masses");
            JsonNode pbc = item.get("pbc");
            if (pbc != null && !(pbc.isArray() && pbc.size() == 3)) throw f.error(at, "expected pbc as three booleans in image " + i + ", found " + pbc);
        }

        private double[] numbersOf(JsonNode list, JsonNode array, boolean le, int i, long at) {
            if (array != null) return vectorsOrScalars(array, -1, le, i, at, "numbers");
            if (list != null && list.isArray()) {
                double[] z = new double[list.size()];
                for (int a = 0; a < z.length; a++) z[a] = list.get(a).asDouble(Double.NaN);
                return z;
            }
            throw f.error(at, "expected the atomic numbers ('numbers') in image " + i);
        }

        private double[] vectorsOrScalars(JsonNode node, int n, boolean le, int i, long at, String what) {
            UlmFile.NdArray a = f.ndarray(node, le, at);
            if (a == null || a.shape().length != 1 || (n >= 0 && a.shape()[0] != n)) {
                throw f.error(at, "expected '" + what + "' as an array of " + (n >= 0 ? n + " " : "") + "values in image " + i);
            }
            return finite(f.doubles(a), a, what, i);
        }

        /** An N×3 array under {@code key}, null when absent and optional. */
        private double[] vectors(JsonNode item, String key, int n, boolean le, int i, boolean required) {
            long at = f.offsetOf(i);
            JsonNode node = item.get(key);
            String what = key.substring(0, key.length() - 1);
            if (node == null) {
                if (required) throw f.error(at, "expected '" + what + "' in image " + i);
                return null;
            }
            UlmFile.NdArray a = f.ndarray(node, le, at);
            if (a == null || a.shape().length != 2 || a.shape()[0] != n || a.shape()[1] != 3) {
                throw f.error(at, "expected '" + what + "' as an array of " + n + "×3 numbers in image " + i + ", found "
                        + (a == null ? node : java.util.Arrays.toString(a.shape())));
            }
            return finite(f.doubles(a), a, what, i);
        }

        private double[] finite(double[] v, UlmFile.NdArray a, String what, int i) {
            int width = a.dtype().endsWith("64") ? 8 : a.dtype().endsWith("32") ? 4 : a.dtype().endsWith("16") ? 2 : 1;
            for (int k = 0; k < v.length; k++) {
                if (!Double.isFinite(v[k])) throw f.error(a.offset() + (long) k * width, "expected a finite number in '" + what + "' of image " + i + ", found " + v[k]);
            }
            return v;
        }

        private Lattice cell(JsonNode item, boolean le, int i, long at) {
            double[] m;
            JsonNode list = item.get("cell"), array = item.get("cell.");
            if (array != null) {
                UlmFile.NdArray a = f.ndarray(array, le, at);
                if (a == null || a.size() != 9) throw f.error(at, "expected the cell as 3×3 numbers in image " + i);
                m = finite(f.doubles(a), a, "cell", i);
            } else if (list != null && list.isArray() && list.size() == 3) {
                m = new double[9];
                for (int r = 0; r < 3; r++) {
                    JsonNode row = list.get(r);
                    if (row.isNumber()) {              // three lengths: an orthorhombic cell
                        m[4 * r] = row.asDouble();
                        continue;
                    }
                    if (!row.isArray() || row.size() != 3) throw f.error(at, "expected the cell as 3×3 numbers in image " + i + ", found " + list);
                    for (int k = 0; k < 3; k++) {
                        JsonNode x = row.get(k);
                        if (!x.isNumber() || !Double.isFinite(x.asDouble())) throw f.error(at, "expected a finite cell entry in image " + i + ", found " + x);
                        m[3 * r + k] = x.asDouble();
                    }
                }
            } else {
                throw f.error(at, "expected the cell (3×3, Å) in image " + i);
            }
            try {
                return Lattice.fromRowMajor(m);
            } catch (IllegalArgumentException e) {
                throw f.error(at, "expected a periodic cell in image " + i + " (paddlewheel analyses periodic runs): " + e.getMessage());
            }
        }

        private Results results(JsonNode calc, int n, boolean le, int i, long at) {
            if (calc == null || !calc.isObject()) return new Results(Double.NaN, null, null);
            double e = calc.path("energy").isNumber() ? calc.get("energy").asDouble() : Double.NaN;
            double[] forces = calc.has("forces.") ? vectors(calc, "forces.", n, le, i, true) : null;
            double[] stress = null;
            JsonNode s = calc.get("stress");
            if (s != null && s.isArray()) {
                if (s.size() == 6) {
                    stress = new double[6];
                    for (int k = 0; k < 6; k++) stress[k] = s.get(k).asDouble(Double.NaN);
                } else if (s.size() == 3) {      // 3×3 → Voigt xx, yy, zz, yz, xz, xy
                    double[][] t = new double[3][3];
                    for (int r = 0; r < 3; r++) for (int k = 0; k < 3; k++) t[r][k] = s.get(r).path(k).asDouble(Double.NaN);
                    stress = new double[] {t[0][0], t[1][1], t[2][2], t[1][2], t[0][2], t[0][1]};
                } else {
                    throw f.error(at, "expected the stress as 6 Voigt or 3×3 numbers in image " + i + ", found " + s.size());
                }
            }
            return new Results(e, forces, stress);
        }

        @Override
        public void close() { f.close(); }
    }
}
