package org.paddlewheel.md;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.paddlewheel.model.Element;

/**
 * Appends trajectory frames (extended XYZ, XDATCAR or LAMMPS dump text) straight to the final file
 * and flushes each frame, so a killed run leaves every finished frame on disk and {@link #truncate}
 * can cut the file back to a checkpoint before a resumed run continues it (the io writers write a
 * temporary file and move it into place on close, which a kill would lose). Positions are
 * unwrapped Cartesian Å (XDATCAR: fractional, as the format requires); time in fs.
 */
final class TrajectoryAppender implements AutoCloseable {
    private final RandomAccessFile out;
    private final String format;
    private final Element[] species;
    private final StringBuilder sb = new StringBuilder(1 << 16);
    private final double[] lastCell = new double[9];
    private long frames;

    TrajectoryAppender(Path file, String format, Element[] species, long truncateTo) throws IOException {
        this.out = new RandomAccessFile(file.toFile(), "rw");
        this.format = format;
        this.species = species.clone();
        out.setLength(truncateTo);
        out.seek(truncateTo);
        lastCell[0] = Double.NaN;
    }

    long length() throws IOException { return out.getFilePointer(); }

    long frames() { return frames; }

    /** After a resume: frames already in the file and the cell of the last one. */
    void resumed(long framesSoFar, double[] h) {
        frames = framesSoFar;
        if (framesSoFar > 0) System.arraycopy(h, 0, lastCell, 0, 9);
    }

    void write(double[] x, double[] h, double timeFs, long step) throws IOException {
        sb.setLength(0);
        int n = species.length;
        switch (format) {
            case "extxyz" -> {
                sb.append(n).append('\n').append("Lattice=\"");
                for (int k = 0; k < 9; k++) sb.append(k == 0 ? "" : " ").append(h[k]);
                sb.append("\" Properties=species:S:1:pos:R:3 Time=").append(timeFs).append(" Step=").append(step)
                        .append(" pbc=\"T T T\"\n");
                for (int i = 0; i < n; i++) {
                    sb.append(species[i].symbol()).append(String.format(Locale.ROOT, " %.8f %.8f %.8f\n", x[3 * i], x[3 * i + 1], x[3 * i + 2]));
                }
            }
            case "xdatcar" -> {
                boolean changed = false;
                for (int k = 0; k < 9; k++) changed |= h[k] != lastCell[k];
                if (changed) {
                    System.arraycopy(h, 0, lastCell, 0, 9);
                    sb.append("paddlewheel md\n1.0\n");
                    for (int r = 0; r < 3; r++) sb.append(String.format(Locale.ROOT, " %.10f %.10f %.10f\n", h[3 * r], h[3 * r + 1], h[3 * r + 2]));
                    StringBuilder names = new StringBuilder(), counts = new StringBuilder();
                    for (int i = 0; i < n; ) {
                        int j = i;
                        while (j < n && species[j] == species[i]) j++;
                        names.append(' ').append(species[i].symbol());
                        counts.append(' ').append(j - i);
                        i = j;
                    }
                    sb.append(names).append('\n').append(counts).append('\n');
                }
                sb.append("Direct configuration= ").append(frames + 1).append('\n');
                org.paddlewheel.forcefield.Cell c = new org.paddlewheel.forcefield.Cell(h);
                for (int i = 0; i < n; i++) {
                    sb.append(String.format(Locale.ROOT, " %.8f %.8f %.8f\n", c.fractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], 0),
                            c.fractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], 1), c.fractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], 2)));
                }
            }
            case "lammps-dump" -> {
                double[] b = org.paddlewheel.forcefield.EwaldSum.lammpsBox(h);
                double lx = b[0], ly = b[1], lz = b[2], xy = b[3], xz = b[4], yz = b[5];
                sb.append("ITEM: TIMESTEP\n").append(step).append('\n').append("ITEM: NUMBER OF ATOMS\n").append(n).append('\n');
                double xlo = Math.min(0, Math.min(xy, Math.min(xz, xy + xz))), xhi = lx + Math.max(0, Math.max(xy, Math.max(xz, xy + xz)));
                double ylo = Math.min(0, yz), yhi = ly + Math.max(0, yz);
                sb.append("ITEM: BOX BOUNDS xy xz yz pp pp pp\n");
                sb.append(String.format(Locale.ROOT, "%.10f %.10f %.10f\n%.10f %.10f %.10f\n%.10f %.10f %.10f\n", xlo, xhi, xy, ylo, yhi, xz, 0.0, lz, yz));
                sb.append("ITEM: ATOMS id element xu yu zu\n");
                org.paddlewheel.forcefield.Cell c = new org.paddlewheel.forcefield.Cell(h);
                for (int i = 0; i < n; i++) {
                    double f0 = c.fractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], 0), f1 = c.fractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], 1);
                    double f2 = c.fractional(x[3 * i], x[3 * i + 1], x[3 * i + 2], 2);
                    sb.append(i + 1).append(' ').append(species[i].symbol()).append(String.format(Locale.ROOT, " %.8f %.8f %.8f\n",
                            f0 * lx + f1 * xy + f2 * xz, f1 * ly + f2 * yz, f2 * lz));
                }
            }
            default -> throw new IllegalArgumentException("unknown trajectory format '" + format + "' (extxyz, xdatcar, lammps-dump)");
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        frames++;
    }

    @Override
    public void close() throws IOException { out.close(); }
}
