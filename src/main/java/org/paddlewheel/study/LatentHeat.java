package org.paddlewheel.study;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paddlewheel.io.CompressedInput;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Units;

/**
 * The latent heat of melting per atom from two bulk constant-pressure runs of one model at one temperature, a liquid
 * and a crystal (each an {@code md} output folder with {@code thermo.csv} and {@code trajectory.extxyz}): ΔH_m =
 * ⟨E_pot + E_kin + PV⟩/N of the liquid minus the crystal's, over the samples from {@code skipPs} on (NaN: each run's second half). Its standard
 * error comes from five consecutive blocks per run (block means are near-independent once a block outlasts the
 * enthalpy's correlation time, a few ps here). The two runs' mean temperatures are returned so that a caller can
 * refuse runs that are not at one temperature. Energies in eV/atom, temperatures in K, times in ps.
 */
public final class LatentHeat {
    private LatentHeat() {}

    /** Blocks per run for the standard error. */
    static final int BLOCKS = 5;

    /**
     * One run's mean enthalpy per atom.
     *
     * @param enthalpyEvPerAtom ⟨H⟩/N
     * @param sigma             standard error from the block means
     * @param temperatureK      mean temperature
     * @param volumeA3PerAtom   mean volume per atom (Å³)
     * @param samples           samples used
     * @param atoms             N
     */
    public record Run(double enthalpyEvPerAtom, double sigma, double temperatureK, double volumeA3PerAtom, int samples, int atoms) {}

    /**
     * ΔH_m per atom (liquid − crystal) and its standard error.
     *
     * @param latentHeatEvPerAtom ΔH_m
     * @param sigma               standard error
     * @param liquid              the liquid run
     * @param crystal             the crystal run
     */
    public record Result(double latentHeatEvPerAtom, double sigma, Run liquid, Run crystal) {}

    /** ΔH_m from a liquid and a crystal run folder, using the samples at times ≥ skipPs (NaN: each run's second half). */
    public static Result fromRuns(Path liquidDir, Path crystalDir, double skipPs) {
        Run l = run(liquidDir, skipPs), c = run(crystalDir, skipPs);
        return new Result(l.enthalpyEvPerAtom() - c.enthalpyEvPerAtom(), Math.hypot(l.sigma(), c.sigma()), l, c);
    }

    /** One run folder's mean enthalpy per atom over times ≥ skipPs (NaN: its second half). */
    public static Run run(Path dir, double skipPs) {
        Path thermo = dir.resolve("thermo.csv");
        int atoms = atoms(dir);
        List<double[]> rows = new ArrayList<>();   // time, T, H (eV), V
        try (BufferedReader r = Files.newBufferedReader(thermo)) {
            String head = r.readLine();
            if (head == null) throw new InputException(thermo.toString(), 1, "empty; expected a thermo.csv header");
            List<String> cols = Arrays.asList(head.trim().split(","));
            int it = need(cols, "time_ps", thermo), iT = need(cols, "T_K", thermo), iU = need(cols, "Epot_eV", thermo),
                    iK = need(cols, "Ekin_eV", thermo), iP = need(cols, "P_GPa", thermo), iV = need(cols, "volume_A3", thermo);
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                try {
                    double t = Double.parseDouble(f[it]), v = Double.parseDouble(f[iV]);
                    double h = Double.parseDouble(f[iU]) + Double.parseDouble(f[iK]) + Double.parseDouble(f[iP]) / Units.EV_PER_A3_TO_GPA * v;
                    rows.add(new double[] {t, Double.parseDouble(f[iT]), h, v});
                } catch (RuntimeException e) {
                    throw new InputException(thermo.toString(), n, "expected numbers in the columns of the header, got: " + line);
                }
            }
        } catch (IOException e) {
            throw new InputException(thermo.toString(), 0, "cannot be read (an md output folder holds thermo.csv): " + e.getMessage());
        }
        double start = Double.isNaN(skipPs) && !rows.isEmpty() ? rows.get(rows.size() - 1)[0] / 2 : skipPs;
        rows.removeIf(x -> x[0] < start);
        if (rows.size() < 2 * BLOCKS) {
            throw new InputException(thermo.toString(), 0, "only " + rows.size() + " samples from " + start + " ps on; at least " + 2 * BLOCKS + " expected (lower --skip or run longer)");
        }
        int m = rows.size();
        double h = 0, temp = 0, v = 0;
        for (double[] x : rows) { h += x[2]; temp += x[1]; v += x[3]; }
        h /= m;
        double[] blocks = new double[BLOCKS];
        for (int b = 0; b < BLOCKS; b++) {
            int from = b * m / BLOCKS, to = (b + 1) * m / BLOCKS;
            for (int k = from; k < to; k++) blocks[b] += rows.get(k)[2];
            blocks[b] /= to - from;
        }
        double ss = 0;
        for (double b : blocks) ss += (b - h) * (b - h);
        double se = Math.sqrt(ss / (BLOCKS - 1) / BLOCKS);
        return new Run(h / atoms, se / atoms, temp / m, v / m / atoms, m, atoms);
    }

    /** N from the first line of the folder's trajectory.extxyz (or .gz). */
    private static int atoms(Path dir) {
        for (String name : new String[] {"trajectory.extxyz", "trajectory.extxyz.gz"}) {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p)) continue;
            try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(CompressedInput.open(p), java.nio.charset.StandardCharsets.UTF_8))) {
                String first = r.readLine();
                int n = Integer.parseInt(first == null ? "" : first.trim());
                if (n > 0) return n;
                throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new InputException(p.toString(), 1, "expected the atom count on the first line");
            } catch (IOException e) {
                throw new InputException(p.toString(), 0, "cannot be read: " + e.getMessage());
            }
        }
        throw new InputException(dir.toString(), 0, "no trajectory.extxyz: expected an md output folder (its atom count is read there)");
    }

    private static int need(List<String> cols, String name, Path file) {
        int i = cols.indexOf(name);
        if (i < 0) throw new InputException(file.toString(), 1, "expected a " + name + " column (md's thermo.csv), got " + cols);
        return i;
    }
}
