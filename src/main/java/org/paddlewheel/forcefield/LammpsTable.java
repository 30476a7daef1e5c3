package org.paddlewheel.forcefield;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.paddlewheel.io.AtomicFile;

/**
 * Tabulates the {@link SplinePair} terms of a force field for LAMMPS {@code pair_style table linear N}
 * (one section per pair, keyword {@code UF3_a_b} with 1-based species indices): N points evenly
 * spaced in r² from r_lo = max(0.5, r_min/2) Å to r_cut ({@code RSQ r_lo r_cut}), energy (eV) and
 * force −dV/dr (eV/Å) of spline + core prior exactly at the points, so LAMMPS uses them without
 * re-splining (its "match" case) and interpolates E and F/r linearly in r². Interpolation error per
 * pair ≤ Δ²/8·|d²E/d(r²)²| with Δ = (r_cut² − r_lo²)/(N − 1): about 1e-8 eV for N = 20000 at the
 * distances of a crystal. LAMMPS stops with "Pair distance &lt; table inner cutoff" if two atoms come
 * closer than r_lo, which the core prior makes very unlikely.
 */
public final class LammpsTable {
    /** Points per table. */
    public static final int POINTS = 20000;

    private LammpsTable() {}

    /**
     * Inner table radius of a spline pair, Å: at most 0.8 Å, because with coul/long LAMMPS keeps a molecule's excluded
     * pairs (special_bonds lj 0) in the neighbour list and pair_style table stops on any listed pair inside its inner
     * radius, weight 0 or not: an N–H bond (1.03 Å) under an N–H spline whose r_min is 2.85 Å (a DFT fit's non-bonded
     * data) did (3 Dec 2026). The core prior keeps the values finite there (A e^(−r/ρ) ≤ A).
     */
    public static double innerRadius(SplinePair sp) { return Math.min(0.8, Math.max(0.5, 0.5 * sp.rMin())); }

    /** Section keyword of a spline pair. */
    public static String keyword(SplinePair sp) { return "UF3_" + (sp.a() + 1) + "_" + (sp.b() + 1); }

    /** Writes every spline pair of ff to one table file. */
    public static void write(Path file, ForceField ff) throws IOException {
        AtomicFile.writeText(file, w -> {
            w.write("# UF3 spline pairs of force field " + ff.name() + " (spline + core prior), written by paddlewheel\n");
            double[] g = new double[1];
            for (SplinePair sp : ff.splinePairs()) {
                double lo = innerRadius(sp), hi = sp.rCut();
                w.write(String.format(Locale.ROOT, "%n%s%nN %d RSQ %.12g %.12g%n%n", keyword(sp), POINTS, lo, hi));
                StringBuilder b = new StringBuilder(POINTS * 64);
                for (int i = 0; i < POINTS; i++) {
                    double r = Math.sqrt(lo * lo + (hi * hi - lo * lo) * i / (POINTS - 1));
                    if (i == POINTS - 1) r = hi;
                    double e = sp.energy(r, g);
                    b.append(String.format(Locale.ROOT, "%d %.12g %.15g %.15g%n", i + 1, r, e, -g[0]));
                }
                w.write(b.toString());
            }
        });
    }
}
