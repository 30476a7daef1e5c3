package org.paddlewheel.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Structure;
import org.paddlewheel.relax.Relaxation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel relax}: FIRE relaxation of positions, and with {@code --cell} of the cell, under
 * a force field ({@link Relaxation}); writes the relaxed structure and prints energy, largest force,
 * stress and lattice (text or JSON). Exit code 3 when not converged within {@code --max-steps}.
 */
@Command(name = "relax", mixinStandardHelpOptions = true,
        description = "Relax positions (and the cell with --cell) by FIRE; write the relaxed structure.")
public final class RelaxCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @picocli.CommandLine.Mixin
    ModelInputOptions model;

    /** The same as --input-format, under the name every command that reads files uses (issue 13). */
    @Option(names = "--format", paramLabel = "FORMAT", description = "Input structure format, as --input-format: poscar, cif, extxyz,"
            + " lammps-data, xdatcar, lammps-dump, traj (first frame) (default: from the name).")
    void format(String f) { model.inputFormat = f; }
    @Option(names = {"-o", "--output"}, required = true, description = "Relaxed structure file (format from extension).")
    Path output;
    @Option(names = "--cell", arity = "0..1", fallbackValue = "full", defaultValue = "fixed",
            description = "Cell degrees of freedom: fixed, isotropic, full (bare --cell = full). Default ${DEFAULT-VALUE}.")
    String cell;
    @Option(names = "--fmax", defaultValue = "0.01", description = "Force tolerance, eV/Å (e.g. 0.01 or 0.01eV/Å). Default ${DEFAULT-VALUE}.")
    String fmax;
    @Option(names = "--stress-tol", defaultValue = "0.01", description = "Stress tolerance, GPa. Default ${DEFAULT-VALUE}.")
    double stressTol;
    @Option(names = "--pressure", defaultValue = "0GPa", converter = Converters.PressureGPa.class, description = "External pressure (default ${DEFAULT-VALUE}).")
    double pressure;
    @Option(names = "--max-steps", defaultValue = "5000", description = "Largest number of FIRE steps (default ${DEFAULT-VALUE}).")
    int maxSteps;
    @Option(names = "--fix", split = ",", paramLabel = "N|N-M", description = "Hold these atoms fixed (1-based, as in the input file; ranges a-b; comma list), e.g. for a relaxed-scan point.")
    java.util.List<String> fix;
    @Option(names = "--fix-x", split = ",", paramLabel = "N|N-M", description = "Hold only the Cartesian x coordinate of these atoms (1-based; ranges; comma list): the dividing-plane constraint of a hop along x (as dft relax --fix-x). Needs --cell fixed.")
    java.util.List<String> fixX;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;
    @picocli.CommandLine.Mixin
    RattleOptions rattle;

    @Override
    public Integer call() {
        Structure s = model.structure();
        ForceField field = model.forceField();
        Relaxation.CellMode mode = switch (cell.toLowerCase(Locale.ROOT)) {
            case "fixed", "none" -> Relaxation.CellMode.FIXED;
            case "isotropic", "iso" -> Relaxation.CellMode.ISOTROPIC;
            case "full", "true" -> Relaxation.CellMode.FULL;
            default -> throw new InputException("--cell must be fixed, isotropic or full, got '" + cell + "'");
        };
        double fm = parseForce(fmax);
        Relaxation.Options o = Relaxation.Options.defaults().withKSpace(model.kspace()).withFmax(fm).withStressTol(stressTol).withCell(mode)
                .withPressure(pressure).withMaxSteps(maxSteps);
        int[] fixed = DftRelaxCommand.zeroBased("--fix", DftRelaxCommand.fixedAtoms(fix), s.size(), model.input),
                fixedX = DftRelaxCommand.zeroBased("--fix-x", DftRelaxCommand.fixedAtoms(fixX), s.size(), model.input);
        if (fixed != null) o = o.withFixedAtoms(fixed);
        if (fixedX != null) {
            if (mode != Relaxation.CellMode.FIXED) throw new InputException("--fix-x needs --cell fixed");
            o = o.withFixedXAtoms(fixedX);
        }
        s = rattle.apply(s, fixed, fixedX);
        Relaxation.Result r = Relaxation.relax(s, field, o);
        Formats.writeStructure(output, r.structure(), null);
        var out = spec.commandLine().getOut();
        double[] len = r.structure().lattice().lengths(), ang = r.structure().lattice().anglesDeg();
        if (json) {
            ObjectNode j = Json.object();
            j.put("converged", r.converged());
            j.put("steps", r.steps());
            j.put("energy_eV", r.energyEv());
            j.put("energy_per_atom_eV", r.energyEv() / s.size());
            j.put("max_force_eV_per_A", r.maxForceEvPerA());
            ArrayNode st = j.putArray("stress_GPa_xx_yy_zz_xy_xz_yz");
            for (double v : r.stressGPa()) st.add(v);
            j.put("pressure_GPa", r.pressureGPa());
            ArrayNode l = j.putArray("lengths_A");
            for (double v : len) l.add(v);
            ArrayNode a = j.putArray("angles_deg");
            for (double v : ang) a.add(v);
            j.put("volume_A3", r.structure().lattice().volume());
            out.println(j.toPrettyString());
        } else {
            out.printf(Locale.ROOT, "%s after %d FIRE steps (fmax %.3g eV/Å, cell %s)%n", r.converged() ? "converged" : "NOT converged",
                    r.steps(), fm, mode.name().toLowerCase(Locale.ROOT));
            out.printf(Locale.ROOT, "  energy %.6f eV (%.6f eV/atom), max force %.3g eV/Å, pressure %.4f GPa%n", r.energyEv(),
                    r.energyEv() / s.size(), r.maxForceEvPerA(), r.pressureGPa());
            out.printf(Locale.ROOT, "  a b c = %.5f %.5f %.5f Å, angles %.3f %.3f %.3f°, volume %.4f Å³%n", len[0], len[1], len[2],
                    ang[0], ang[1], ang[2], r.structure().lattice().volume());
        }
        out.flush();
        return r.converged() ? 0 : 3;
    }

    static double parseForce(String s) {
        String t = s.trim().replace("eV/Å", "").replace("eV/A", "").replace("ev/a", "").trim();
        try {
            double v = Double.parseDouble(t);
            if (!(v > 0)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new InputException("--fmax must be a positive force in eV/Å (e.g. 0.01eV/Å), got '" + s + "'");
        }
    }
}
