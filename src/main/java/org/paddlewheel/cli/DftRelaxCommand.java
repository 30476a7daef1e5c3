package org.paddlewheel.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paddlewheel.cp2k.Cp2kJobs;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paddlewheel dft relax FILE [--cell] -o DIR}: CP2K BFGS relaxation of positions (and the
 * cell with {@code --cell}, at {@code --pressure}); writes {@code DIR/relaxed.vasp} and prints the
 * lattice parameters. Rerunning continues from CP2K's restart file.
 */
@Command(name = "relax", mixinStandardHelpOptions = true,
        description = "CP2K relaxation of positions (and cell with --cell); writes DIR/relaxed.vasp and prints the lattice parameters.")
public final class DftRelaxCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Starting structure.")
    Path file;
    @Option(names = "--format", description = "Input format (overrides the extension).")
    String format;
    @Option(names = "--cell", description = "Relax the cell too (CELL_OPT, DIRECT_CELL_OPT).")
    boolean cell;
    @Option(names = "--pressure", defaultValue = "0GPa", converter = Converters.PressureGPa.class, description = "External pressure for --cell (default ${DEFAULT-VALUE}).")
    double pressureGPa;
    @Option(names = "--cell-symmetry", description = "Hold the cell to this symmetry during --cell (CP2K's KEEP_SYMMETRY): cubic, tetragonal, orthorhombic, hexagonal, rhombohedral, monoclinic (default: free).")
    String cellSymmetry;
    @Option(names = "--pressure-tolerance", defaultValue = "100bar", converter = Converters.PressureGPa.class, description = "Cell convergence: residual pressure (default ${DEFAULT-VALUE}).")
    double pressureToleranceGPa;
    @Option(names = "--fix", split = ",", paramLabel = "N|N-M", description = "Hold these atoms fixed (1-based, as in the input file; ranges a-b; comma list), e.g. for a relaxed-scan point.")
    java.util.List<String> fix;
    @Option(names = "--fix-x", split = ",", paramLabel = "N|N-M", description = "Hold only the Cartesian x coordinate of these atoms (1-based; ranges; comma list): a hopping ion on the dividing plane of a hop along x, whose constrained minimum is the saddle of a symmetric hop (a lower bound otherwise). Needs a fixed cell.")
    java.util.List<String> fixX;
    @Option(names = "--fmax", defaultValue = "0.01", description = "Force convergence, eV/Å (default ${DEFAULT-VALUE}, as the paper).")
    double fmax;
    @Option(names = {"-o", "--output"}, required = true, description = "Output directory (CP2K files and relaxed.vasp).")
    Path output;
    @Mixin
    DftOptions dft;
    @Option(names = "--json", description = "Print the lattice parameters as JSON.")
    boolean json;
    @Mixin
    RattleOptions rattle;

    @Override
    public Integer call() throws Exception {
        if (!(fmax > 0)) throw new org.paddlewheel.model.InputException("--fmax must be positive, got " + fmax);
        Structure s = Formats.readStructure(file, format);
        var runner = dft.runner();
        String sym = null;
        if (cellSymmetry != null) {
            sym = cellSymmetry.toUpperCase(Locale.ROOT);
            if (!java.util.Set.of("CUBIC", "TETRAGONAL", "ORTHORHOMBIC", "HEXAGONAL", "RHOMBOHEDRAL", "MONOCLINIC").contains(sym))
                throw new org.paddlewheel.model.InputException("--cell-symmetry: expected cubic, tetragonal, orthorhombic, hexagonal, rhombohedral or monoclinic, got " + cellSymmetry);
            if (!cell) throw new org.paddlewheel.model.InputException("--cell-symmetry needs --cell");
        }
        if (!(pressureToleranceGPa > 0)) throw new org.paddlewheel.model.InputException("--pressure-tolerance must be positive");
        int[] fixed = fixedAtoms(fix), fixedX = fixedAtoms(fixX);
        s = rattle.apply(s, zeroBased("--fix", fixed, s.size(), file), zeroBased("--fix-x", fixedX, s.size(), file));
        // the structure CP2K starts from (rattled or not): step 0 of `dft relax-frames`, whose positions must be the run's
        java.nio.file.Files.createDirectories(output);
        Formats.writeStructure(output.resolve("start.extxyz"), s, null);
        Structure r = Cp2kJobs.relax(s, cell, sym, pressureGPa, pressureToleranceGPa * 1e4, fmax, dft.settings(), runner, output, fixed, fixedX);
        double energy = Cp2kJobs.lastEnergyEv(output.resolve("relax-pos-1.xyz"));
        Formats.writeStructure(output.resolve("relaxed.vasp"), r, null);
        Formats.writeStructure(output.resolve("relaxed.extxyz"), r, null); // input atom order (POSCAR groups by element)
        double[] len = r.lattice().lengths(), ang = r.lattice().anglesDeg();
        if (json) {
            var o = Json.object();
            o.put("a_A", len[0]).put("b_A", len[1]).put("c_A", len[2]).put("alpha_deg", ang[0]).put("beta_deg", ang[1]).put("gamma_deg", ang[2])
                    .put("volume_A3", r.lattice().volume()).put("energy_eV", energy)
                    .put("fixed_atoms", fixed == null ? 0 : fixed.length).put("structure", output.resolve("relaxed.vasp").toString());
            if (rattle.amplitudeA > 0) o.put("rattle_A", rattle.amplitudeA).put("rattle_seed", rattle.seed);
            if (fixed != null) { // 1-based, as --fix takes them: `dft compare` holds the same atoms in the model's relaxation
                var fi = o.putArray("fixed_indices");
                for (int a : fixed) fi.add(a);
            }
            if (fixedX != null) { // 1-based; only x held
                var fi = o.putArray("fixed_x_indices");
                for (int a : fixedX) fi.add(a);
            }
            Json.print(o);
        } else {
            System.out.printf(Locale.ROOT, "relaxed (%s): a = %.4f Å, b = %.4f Å, c = %.4f Å, α = %.2f°, β = %.2f°, γ = %.2f°, V = %.3f Å³%n",
                    cell ? "positions and cell" : "positions", len[0], len[1], len[2], ang[0], ang[1], ang[2], r.lattice().volume());
            System.out.printf(Locale.ROOT, "E = %.6f eV%s%n", energy, fixed == null ? "" : " (" + fixed.length + " atoms held fixed)");
            System.out.println("wrote " + output.resolve("relaxed.vasp"));
        }
        return 0;
    }

    /** 0-based indices of 1-based ones (null stays null); an index outside 1..n is an input error naming {@code option} and {@code file}. */
    static int[] zeroBased(String option, int[] oneBased, int n, Object file) {
        if (oneBased == null) return null;
        int[] z = new int[oneBased.length];
        for (int k = 0; k < oneBased.length; k++) {
            if (oneBased[k] < 1 || oneBased[k] > n) throw new org.paddlewheel.model.InputException(option + ": atom " + oneBased[k] + " is outside 1.." + n + " (" + file + ")");
            z[k] = oneBased[k] - 1;
        }
        return z;
    }

    /** 1-based indices from "3,7-9" items; null when none. */
    static int[] fixedAtoms(java.util.List<String> items) {
        if (items == null || items.isEmpty()) return null;
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (String it : items) {
            String t = it.trim();
            try {
                int dash = t.indexOf('-', 1);
                if (dash > 0) {
                    int a = Integer.parseInt(t.substring(0, dash).trim()), b = Integer.parseInt(t.substring(dash + 1).trim());
                    if (b < a) throw new NumberFormatException();
                    for (int i = a; i <= b; i++) out.add(i);
                } else {
                    out.add(Integer.parseInt(t));
                }
            } catch (NumberFormatException e) {
                throw new org.paddlewheel.model.InputException("--fix: expected 1-based atom numbers or ranges such as 3,7-9, got '" + it + "'");
            }
        }
        return out.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    }
}
