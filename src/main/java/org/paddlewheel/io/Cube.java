package org.paddlewheel.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Gaussian CUBE volumetric files (the format VESTA, VMD and Avogadro open): two comment lines; the
 * atom count and origin; for each of the three axes the number of voxels and the voxel vector; one
 * line per atom (Z, charge, x, y, z); then the values, x index slowest and z fastest, six per line.
 * Lengths are in Bohr (positive voxel counts, per the Gaussian specification; 1 Bohr =
 * 0.529177210903 Å, CODATA 2018) and a density is written per Bohr³, so Σ value·ΔV(Bohr³) is the
 * same as Σ ρ(Å⁻³)·ΔV(Å³). The grid spans the cell: voxel vector k = (lattice vector k)/n_k,
 * origin 0. The reader returns values converted back to per Å³ and the voxel geometry in Å.
 */
public final class Cube {
    private Cube() {}

    /** Bohr radius in Å (CODATA 2018). */
    public static final double BOHR_A = 0.529177210903;

    /** A read cube: cell spanned by the grid (Å), grid points, values per Å³, atoms. */
    public record Data(Lattice cell, int[] gridPoints, double[] valuesPerA3, Structure atoms) {
        /** Σ value·ΔV over the grid (1 for a normalised density). */
        public double integral() {
            double s = 0;
            for (double v : valuesPerA3) s += v;
            return s * cell.volume() / valuesPerA3.length;
        }
    }

    /** Writes {@code densityPerA3} (index (i·n1 + j)·n2 + k) on the grid spanning {@code cell}, with {@code atoms} (may be null). */
    public static void write(Path file, String comment, Lattice cell, int[] n, double[] densityPerA3, Structure atoms) throws IOException {
        if (densityPerA3.length != n[0] * n[1] * n[2]) throw new IllegalArgumentException("grid size mismatch");
        double toBohr3 = BOHR_A * BOHR_A * BOHR_A;
        AtomicFile.writeText(file, w -> {
            w.write("paddlewheel density (probability per Bohr^3, integrates to 1 over the cell)\n");
            w.write(comment.replace('\n', ' ') + "\n");
            int na = atoms == null ? 0 : atoms.size();
            w.write(String.format(Locale.ROOT, "%5d %12.6f %12.6f %12.6f%n", na, 0.0, 0.0, 0.0));
            for (int k = 0; k < 3; k++) {
                double[] v = cell.vector(k);
                w.write(String.format(Locale.ROOT, "%5d %12.6f %12.6f %12.6f%n", n[k],
                        v[0] / n[k] / BOHR_A, v[1] / n[k] / BOHR_A, v[2] / n[k] / BOHR_A));
            }
            for (int i = 0; i < na; i++) {
                w.write(String.format(Locale.ROOT, "%5d %12.6f %12.6f %12.6f %12.6f%n", atoms.species(i).atomicNumber(), 0.0,
                        atoms.x(i, 0) / BOHR_A, atoms.x(i, 1) / BOHR_A, atoms.x(i, 2) / BOHR_A));
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n[0] * n[1]; i++) {
                for (int k = 0; k < n[2]; k++) {
                    sb.append(String.format(Locale.ROOT, " %13.5E", densityPerA3[i * n[2] + k] * toBohr3));
                    if (k % 6 == 5 || k == n[2] - 1) { sb.append('\n'); w.write(sb.toString()); sb.setLength(0); }
                }
            }
        });
    }

    /** Reads a cube written by this class or by other programs (positive voxel counts, Bohr). */
    public static Data read(Path file) throws IOException {
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(CompressedInput.open(file), StandardCharsets.UTF_8))) {
            r.readLine();
            r.readLine();
            String[] h = r.readLine().trim().split("\\s+");
            int na = Math.abs(Integer.parseInt(h[0]));
            double[] origin = {Double.parseDouble(h[1]), Double.parseDouble(h[2]), Double.parseDouble(h[3])};
            int[] n = new int[3];
            double[][] vec = new double[3][];
            for (int k = 0; k < 3; k++) {
                String[] t = r.readLine().trim().split("\\s+");
                n[k] = Integer.parseInt(t[0]);
                if (n[k] <= 0) throw new InputException(file, 3 + k + 1, "voxel counts in Å (negative) are not supported");
                vec[k] = new double[] {Double.parseDouble(t[1]) * n[k] * BOHR_A, Double.parseDouble(t[2]) * n[k] * BOHR_A,
                    Double.parseDouble(t[3]) * n[k] * BOHR_A};
            }
            Lattice cell = Lattice.of(vec[0], vec[1], vec[2]);
            Structure.Builder b = Structure.builder(cell);
            for (int i = 0; i < na; i++) {
                String[] t = r.readLine().trim().split("\\s+");
                b.add(Element.ofAtomicNumber(Integer.parseInt(t[0])), (Double.parseDouble(t[2]) - origin[0]) * BOHR_A,
                        (Double.parseDouble(t[3]) - origin[1]) * BOHR_A, (Double.parseDouble(t[4]) - origin[2]) * BOHR_A);
            }
            double[] v = new double[n[0] * n[1] * n[2]];
            int i = 0;
            double fromBohr3 = 1.0 / (BOHR_A * BOHR_A * BOHR_A);
            String line;
            while (i < v.length && (line = r.readLine()) != null) {
                for (String t : line.trim().split("\\s+")) if (!t.isEmpty() && i < v.length) v[i++] = Double.parseDouble(t) * fromBohr3;
            }
            if (i < v.length) throw new InputException(file, 0, "cube ends after " + i + " of " + v.length + " values");
            return new Data(cell, n, v, b.build());
        }
    }
}
