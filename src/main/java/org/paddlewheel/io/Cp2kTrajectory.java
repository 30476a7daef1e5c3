package org.paddlewheel.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * CP2K trajectories: the positions file {@code PROJECT-pos-1.xyz} (plain XYZ, Å, comment line
 * {@code i = STEP, time = FS, E = HARTREE}) read together with the cell file {@code PROJECT-1.cell}
 * (one row per written step: step, time fs, the three cell vectors in Å, volume) that CP2K writes
 * for NPT and cell optimisations. Frames are matched to cell rows by step; without a cell file
 * (NVT) a given lattice is used for every frame. Time is CP2K's own {@code time =} (fs) when
 * present, else step × time step.
 */
public final class Cp2kTrajectory {
    private Cp2kTrajectory() {}

    /** True when {@code file} is named like a CP2K positions file ({@code *-pos-*.xyz}, compressed or not). */
    public static boolean isPositionsFile(Path file) {
        String n = CompressedInput.baseName(file);
        return n.contains("-pos-") && n.endsWith(".xyz");
    }

    /** The cell file CP2K writes beside {@code PROJECT-pos-1.xyz}: {@code PROJECT-1.cell}, or null when absent. */
    public static Path cellFileFor(Path posFile) {
        String n = CompressedInput.baseName(posFile);
        int at = n.lastIndexOf("-pos-");
        if (at < 0) return null;
        String tail = n.substring(at + 5).replaceAll("\\.xyz$", "");
        String cell = n.substring(0, at) + "-" + tail + ".cell";
        for (String suffix : new String[] {"", ".gz", ".xz", ".bz2", ".bz"}) {
            Path c = posFile.resolveSibling(cell + suffix);
            if (Files.exists(c)) return c;
        }
        return null;
    }

    /**
     * Opens a CP2K positions file.
     *
     * @param cellFile   the .cell file, or null to look for it beside {@code posFile}
     * @param lattice    the cell when there is no .cell file (may be null if there is one)
     * @param timestepFs time per step when the comment has no time (≤ 0: use the step number)
     */
    public static TrajectoryReader open(Path posFile, Path cellFile, Lattice lattice, double timestepFs) {
        Path cf = cellFile != null ? cellFile : cellFileFor(posFile);
        if (cf == null && lattice == null) {
            throw new InputException(posFile, 0, "a CP2K positions file needs its .cell file (PROJECT-1.cell beside it) or a cell given with --structure");
        }
        return new Reader(posFile, cf, lattice, timestepFs);
    }

    /**
     * Positions with one fixed cell, ignoring any .cell file beside them (a CP2K geometry
     * optimisation writes a .cell file whose rows need not match its position frames).
     */
    public static TrajectoryReader openWithCell(Path posFile, Lattice lattice, double timestepFs) {
        return new Reader(posFile, null, java.util.Objects.requireNonNull(lattice), timestepFs);
    }

    /** Atom counts above this are refused as damage, not allocated (10⁸ atoms = 2.4 GB of coordinates). */
    static final int MAX_ATOMS = 100_000_000;

    private static final class Reader implements TrajectoryReader {
        private final Path pos, cellPath;
        private final BufferedReader in, cell;
        private final Lattice fixed;
        private final double dt;
        private int line, cellLine, atoms = -1;
        private Frame next;
        private long cellStep = Long.MIN_VALUE;
        private Lattice cellLattice;

        Reader(Path pos, Path cellPath, Lattice fixed, double dt) {
            this.pos = pos;
            this.cellPath = cellPath;
            this.fixed = fixed;
            this.dt = dt;
            try {
                this.in = Compressed.reader(pos);
                this.cell = cellPath == null ? null : Compressed.reader(cellPath);
            } catch (IOException e) {
                throw new InputException(pos, 0, "cannot read: " + e.getMessage());
            }
            try {
                next = read();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            if (next != null) atoms = next.structure().size();
        }

        @Override public int atomCount() { return atoms < 0 ? 0 : atoms; }
        @Override public boolean hasNext() { return next != null; }

        @Override
        public Frame next() {
            if (next == null) throw new NoSuchElementException();
            Frame f = next;
            next = read();
            return f;
        }

        private Frame read() {
            try {
                String count = in.readLine();
                line++;
                while (count != null && count.isBlank()) { count = in.readLine(); line++; }
                if (count == null) return null;
                int n;
                try {
                    n = Integer.parseInt(count.trim());
                } catch (NumberFormatException e) {
                    throw new InputException(pos, line, "expected an atom count, got '" + count.trim() + "'");
                }
                if (n > MAX_ATOMS) throw new InputException(pos, line, "expected at most " + MAX_ATOMS + " atoms, got " + n);
                if (n < 1 || (atoms > 0 && n != atoms)) throw new InputException(pos, line, "expected " + (atoms > 0 ? atoms : "a positive number of") + " atoms, got " + n);
                String comment = in.readLine();
                line++;
                if (comment == null) throw new InputException(pos, line, "expected the comment line of a frame");
                long step = -1;
                double time = Double.NaN;
                for (String part : comment.split(",")) {
                    String[] kv = part.split("=");
                    if (kv.length != 2) continue;
                    String k = kv[0].trim(), v = kv[1].trim();
                    try {
                        if (k.equals("i")) step = Long.parseLong(v);
                        else if (k.equals("time")) time = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new InputException(pos, line, "expected a number for '" + k + "', got '" + v + "'");
                    }
                }
                if (step < 0) throw new InputException(pos, line, "expected CP2K's comment 'i = STEP, time = FS, E = ...', got '" + comment.trim() + "'");
                Element[] sp = new Element[n];
                double[] xyz = new double[3 * n];
                for (int a = 0; a < n; a++) {
                    String l = in.readLine();
                    line++;
                    if (l == null) throw new InputException(pos, line, "file ends inside a frame: expected atom " + (a + 1) + " of " + n);
                    String[] t = l.trim().split("\\s+");
                    if (t.length < 4) throw new InputException(pos, line, "expected 'element x y z', got '" + l.trim() + "'");
                    try {
                        sp[a] = Element.of(t[0]);
                    } catch (RuntimeException e) {
                        throw new InputException(pos, line, "unknown element '" + t[0] + "'");
                    }
                    for (int k = 0; k < 3; k++) {
                        try {
                            xyz[3 * a + k] = Double.parseDouble(t[1 + k]);
                        } catch (NumberFormatException e) {
                            throw new InputException(pos, line, "expected a coordinate, got '" + t[1 + k] + "'");
                        }
                        if (!Double.isFinite(xyz[3 * a + k])) throw new InputException(pos, line, "expected a finite coordinate, got '" + t[1 + k] + "'");
                    }
                }
                Lattice lat = cell == null ? fixed : cellAt(step);
                double t = !Double.isNaN(time) ? time : dt > 0 ? step * dt : step;
                return new Frame(Structure.of(lat, sp, xyz), t, step);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The cell row for {@code step}: rows are read forward until one with this step appears. */
        private Lattice cellAt(long step) throws IOException {
            while (cellStep < step) {
                String l = cell.readLine();
                cellLine++;
                if (l == null) throw new InputException(cellPath, cellLine, "no cell row for step " + step + " of " + pos.getFileName());
                if (l.isBlank() || l.trim().startsWith("#")) continue;
                String[] t = l.trim().split("\\s+");
                if (t.length < 11) throw new InputException(cellPath, cellLine, "expected 'step time Ax Ay Az Bx By Bz Cx Cy Cz [volume]'");
                double[] m = new double[9];
                try {
                    cellStep = Long.parseLong(t[0]);
                    for (int k = 0; k < 9; k++) m[k] = Double.parseDouble(t[2 + k]);
                    // time and volume are not used, but a damaged row is refused, not half-read
                    for (int k = 1; k < t.length && k < 12; k++) {
                        if (!Double.isFinite(Double.parseDouble(t[k]))) {
                            throw new InputException(cellPath, cellLine, "expected finite numbers in a cell row, got '" + t[k] + "'");
                        }
                    }
                } catch (NumberFormatException e) {
                    throw new InputException(cellPath, cellLine, "expected numbers in a cell row, got '" + l.trim() + "'");
                }
                try {
                    cellLattice = Lattice.fromRowMajor(m);
                } catch (IllegalArgumentException e) {
                    throw new InputException(cellPath, cellLine, "expected a periodic cell (finite, right-handed): " + e.getMessage());
                }
            }
            if (cellStep != step) throw new InputException(cellPath, cellLine, "no cell row for step " + step + " (next row is step " + cellStep + ")");
            return cellLattice;
        }

        @Override
        public void close() {
            try {
                in.close();
                if (cell != null) cell.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
