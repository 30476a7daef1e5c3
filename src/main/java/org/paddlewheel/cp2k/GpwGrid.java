package org.paddlewheel.cp2k;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real-space grid of a CP2K GPW calculation and the plane-wave cut-off it actually reaches
 * (Ry). CP2K turns the requested CUTOFF into a number of points per cell vector: the smallest
 * n ≥ 2⌊√E_cut·|a_i|/(2π)⌋ + 1 (|a_i| in bohr, E_cut in Ry) whose only prime factors are 2, 3 and 5
 * (checked here against the grids of every CP2K 2023.1 output of the dataset: 10.10 Å → 180,
 * 9.88 Å → 180, 7.85 Å → 135, 11.10 Å → 192, fcc 8.98 Å → 160). The grid therefore resolves
 * G_max,i = π n_i/|a_i|, i.e. an effective cut-off (π n_i/|a_i|)² Ry that lies 0–20 % above the
 * requested one and changes from cell to cell. Total energies with Na's 9-electron semicore
 * potential are far from converged at 800 Ry (forcefields/dft/README.md: +134 meV/atom against
 * 1600 Ry on a 10-atom cell), so two cells labelled "800 Ry" differ by an energy of roughly
 * N_Na × 1 meV/Ry × ΔE_cut,eff, and the fixed-grid stress carries the matching spurious pressure.
 * {@code fit-ff --cutoff-correction} fits that term instead of letting the model absorb it.
 */
public final class GpwGrid {
    private static final Pattern LEVEL_CUTOFF = Pattern.compile("GPW (\\d+(?:\\.\\d+)?) Ry");
    private static final Pattern BOUNDS = Pattern.compile("PW_GRID\\|\\s+Bounds\\s+\\d\\s+-?\\d+\\s+-?\\d+\\s+Points:\\s+(\\d+)");

    private GpwGrid() {}

    /** CP2K's number of grid points along a cell vector of length {@code lengthA} (Å) for a cut-off (Ry). */
    public static int points(double lengthA, double cutoffRy) {
        double x = Math.sqrt(cutoffRy) * (lengthA / Cp2kOutput.BOHR_A) / (2 * Math.PI);
        int n = 2 * (int) Math.floor(x) + 1;
        while (!smooth(n)) n++;
        return n;
    }

    /** The grid points along the three cell vectors (rows of {@code lattice}, Å). */
    public static int[] points(double[][] lattice, double cutoffRy) {
        int[] n = new int[3];
        for (int i = 0; i < 3; i++) n[i] = points(length(lattice[i]), cutoffRy);
        return n;
    }

    /** The cut-off (Ry) that n points along each cell vector resolve: (π n_i / |a_i|)², |a_i| in bohr. */
    public static double[] effectiveCutoffsRy(double[][] lattice, int[] n) {
        double[] e = new double[3];
        for (int i = 0; i < 3; i++) {
            double g = Math.PI * n[i] / (length(lattice[i]) / Cp2kOutput.BOHR_A);
            e[i] = g * g;
        }
        return e;
    }

    /** The mean of {@link #effectiveCutoffsRy}, Ry: the single number the cut-off correction uses. */
    public static double meanEffectiveCutoffRy(double[][] lattice, int[] n) {
        double[] e = effectiveCutoffsRy(lattice, n);
        return (e[0] + e[1] + e[2]) / 3;
    }

    /**
     * A labelled frame's grid: its {@code cp2k_grid} key ("n1 n2 n3", written by {@code dft single-point}),
     * else the grid CP2K makes from the cut-off named in its {@code level_of_theory} ("GPW 800 Ry"); null
     * when the frame names neither (not a CP2K GPW frame).
     */
    public static int[] ofFrame(Map<String, String> info, double[][] lattice) {
        String g = info.get("cp2k_grid");
        if (g != null) {
            String[] t = g.trim().split("\\s+");
            if (t.length == 3) return new int[] {Integer.parseInt(t[0]), Integer.parseInt(t[1]), Integer.parseInt(t[2])};
        }
        double nominal = nominalCutoffRy(info);
        return Double.isNaN(nominal) ? null : points(lattice, nominal);
    }

    /** The requested cut-off (Ry) named in a frame's {@code level_of_theory} ("GPW 800 Ry"), or NaN. */
    public static double nominalCutoffRy(Map<String, String> info) {
        Matcher m = LEVEL_CUTOFF.matcher(info.getOrDefault("level_of_theory", ""));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The finest grid's points per cell vector as printed in a CP2K output (first PW_GRID block), or null. */
    public static int[] parse(List<String> lines) {
        int[] n = new int[3];
        int k = 0;
        for (String l : lines) {
            Matcher m = BOUNDS.matcher(l);
            if (m.find()) {
                n[k++] = Integer.parseInt(m.group(1));
                if (k == 3) return n;
            }
        }
        return null;
    }

    /** {@link #parse} of a file (plain or compressed), or null when it has no grid block. */
    public static int[] read(Path out) {
        return parse(org.paddlewheel.io.CompressedInput.readAllLines(out));
    }

    private static boolean smooth(int n) {
        for (int p : new int[] {2, 3, 5}) while (n % p == 0) n /= p;
        return n == 1;
    }

    private static double length(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }
}
