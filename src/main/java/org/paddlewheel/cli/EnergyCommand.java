package org.paddlewheel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.Term;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.io.AtomicFile;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paddlewheel energy}: single-point energy (eV, per term), stress (GPa) and forces (eV/Å). */
@Command(name = "energy", mixinStandardHelpOptions = true,
        description = "Single point: total and per-term energies (eV), stress tensor (GPa, positive = tensile), per-atom forces (eV/Å) in input order.")
public final class EnergyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @picocli.CommandLine.Mixin
    ModelInputOptions model;

    /** The same as --input-format, under the name every command that reads files uses (issue 13). */
    @Option(names = "--format", paramLabel = "FORMAT", description = "Input structure format, as --input-format: poscar, cif, extxyz,"
            + " lammps-data, xdatcar, lammps-dump, traj (first frame) (default: from the name).")
    void format(String f) { model.inputFormat = f; }
    @Option(names = "--forces", description = "Write per-atom forces to this CSV (atom,element,fx_eV_per_A,fy_eV_per_A,fz_eV_per_A).")
    Path forces;
    @Option(names = "--json", description = "Print JSON (total_eV, terms_eV, stress_GPa).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Structure s = model.structure();
        ForceField field = model.forceField();
        Topology top = Topology.build(field, s);
        Cell cell = new Cell(s.lattice());
        double[] f = new double[3 * s.size()];
        double e;
        double[] w;
        ObjectNode o = new ObjectMapper().createObjectNode();
        var outw = spec.commandLine().getOut();
        try (ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withKSpace(model.kspace()))) {
            e = eng.compute(s.positions(), cell, f);
            w = eng.virial();
            o.put("total_eV", e);
            ObjectNode t = o.putObject("terms_eV");
            for (Term term : Term.values()) t.put(term.key(), eng.energy(term));
            if (!json) {
                outw.printf(Locale.ROOT, "force field %s%s, %d atoms%n", field.name(), field.provisional() ? " (PROVISIONAL)" : "", s.size());
                for (Term term : Term.values()) outw.printf(Locale.ROOT, "  %-20s %18.8f eV%n", term.key(), eng.energy(term));
                outw.printf(Locale.ROOT, "  %-20s %18.8f eV%n", "total", e);
            }
        }
        // stress σ = −W/V (no kinetic part); pressure = −tr σ / 3
        double c = -Units.EV_PER_A3_TO_GPA / cell.volume();
        double[][] st = {{c * w[0], c * w[3], c * w[4]}, {c * w[3], c * w[1], c * w[5]}, {c * w[4], c * w[5], c * w[2]}};
        ArrayNode sa = o.putArray("stress_GPa");
        for (double[] r : st) { ArrayNode ra = sa.addArray(); for (double v : r) ra.add(v); }
        if (json) {
            outw.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } else {
            outw.println("  stress (GPa):");
            for (double[] r : st) outw.printf(Locale.ROOT, "    %12.6f %12.6f %12.6f%n", r[0], r[1], r[2]);
        }
        outw.flush();
        if (forces != null) {
            StringBuilder b = new StringBuilder("atom,element,fx_eV_per_A,fy_eV_per_A,fz_eV_per_A\n");
            for (int i = 0; i < s.size(); i++) {
                b.append(String.format(Locale.ROOT, "%d,%s,%.10g,%.10g,%.10g%n", i + 1, s.species(i).symbol(), f[3 * i], f[3 * i + 1], f[3 * i + 2]));
            }
            AtomicFile.writeText(forces, w2 -> w2.write(b.toString()));
        }
        return 0;
    }
}
