package org.paddlewheel.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.paddlewheel.build.PhysicalContacts;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.MoleculeFinder;
import org.paddlewheel.model.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paddlewheel info FILE}: composition, cell, density and detected molecules of a structure. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Composition, cell (Å, degrees), volume (Å³), density (g/cm³), detected molecules and closest non-bonded contact of a structure (first frame of a trajectory).")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Structure or trajectory file.")
    Path file;
    @Option(names = "--format", description = "Input format (overrides the extension): poscar, xdatcar, extxyz, cif, lammps-data, lammps-dump, traj (default: from the name).")
    String format;
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Structure s = Formats.readStructure(file, format);
        Lattice l = s.lattice();
        List<Molecule> mols = MoleculeFinder.find(s);
        Map<String, Integer> molCounts = MoleculeFinder.countByFormula(mols);
        Map<Element, Integer> comp = s.composition();
        double[] len = l.lengths(), ang = l.anglesDeg();
        double[] dmin = new double[1];
        int[] pair = PhysicalContacts.closestNonBonded(s, 4.0, dmin);
        if (json) {
            ObjectNode o = Json.object();
            o.put("file", file.toString());
            o.put("atoms", s.size());
            o.put("formula", s.formula());
            ObjectNode c = o.putObject("composition");
            comp.forEach((e, n) -> c.put(e.symbol(), n));
            ObjectNode cell = o.putObject("cell");
            cell.put("a_A", len[0]).put("b_A", len[1]).put("c_A", len[2]);
            cell.put("alpha_deg", ang[0]).put("beta_deg", ang[1]).put("gamma_deg", ang[2]);
            var m = cell.putArray("matrix_A");
            for (double[] row : l.rows()) { var r = m.addArray(); for (double v : row) r.add(v); }
            o.put("volume_A3", l.volume());
            o.put("density_g_per_cm3", s.densityGramsPerCm3());
            ObjectNode mo = o.putObject("molecules");
            molCounts.forEach(mo::put);
            if (pair != null) {
                ObjectNode p = o.putObject("closest_nonbonded");
                p.put("atom_i", pair[0] + 1).put("element_i", s.species(pair[0]).symbol());
                p.put("atom_j", pair[1] + 1).put("element_j", s.species(pair[1]).symbol());
                p.put("distance_A", dmin[0]);
            }
            Json.print(o);
        } else {
            System.out.printf("%s: %d atoms%n", file, s.size());
            System.out.println("composition: " + comp.entrySet().stream().map(e -> e.getKey().symbol() + e.getValue()).collect(Collectors.joining(" ")));
            System.out.printf("cell: a=%.5f b=%.5f c=%.5f Å  α=%.3f β=%.3f γ=%.3f°%n", len[0], len[1], len[2], ang[0], ang[1], ang[2]);
            System.out.printf("volume: %.4f Å³   density: %.4f g/cm³%n", l.volume(), s.densityGramsPerCm3());
            System.out.println("molecules: " + (molCounts.isEmpty() ? "none"
                    : molCounts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(" + "))));
            if (pair != null) {
                System.out.printf("closest non-bonded pair: %s%d–%s%d %.3f Å%n", s.species(pair[0]).symbol(), pair[0] + 1,
                        s.species(pair[1]).symbol(), pair[1] + 1, dmin[0]);
            }
        }
        return 0;
    }
}
