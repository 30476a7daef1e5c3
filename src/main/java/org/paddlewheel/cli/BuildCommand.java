package org.paddlewheel.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paddlewheel.build.AntiperovskiteBuilder;
import org.paddlewheel.build.RockSaltBorohydrideBuilder;
import org.paddlewheel.build.Supercell;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.ClusterAnion;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paddlewheel build}: structure builders (antiperovskite X3AB family, rock-salt NaBH4, generic supercell). */
@Command(name = "build", description = "Build structures.", mixinStandardHelpOptions = true,
        subcommands = {BuildCommand.Antiperovskite.class, BuildCommand.Nabh4.class, BuildCommand.SupercellCmd.class})
public final class BuildCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** {@code paddlewheel build antiperovskite}. */
    @Command(name = "antiperovskite", mixinStandardHelpOptions = true,
            description = {"Cubic antiperovskite X3AB supercell: B anion at (0,0,0), A anion at (½,½,½), X cations at the face centres.",
                "A fraction x of A anions is replaced by the substituent, each with charge-compensating X vacancies, at random (seeded)."})
    static final class Antiperovskite implements Callable<Integer> {
        @Option(names = "--cation", defaultValue = "Na", description = "X-site cation element (default ${DEFAULT-VALUE}).")
        String cation;
        @Option(names = "--cation-charge", defaultValue = "1", description = "Cation charge in e (default ${DEFAULT-VALUE}).")
        int cationCharge;
        @Option(names = "--a-site", defaultValue = "O", description = "A-site (body-centre) anion: O, S, F, Cl, Br, I, H, OH, NH2, BH4 (default ${DEFAULT-VALUE}).")
        String aSite;
        @Option(names = "--substituent", defaultValue = "NH2", description = "Anion substituted on the A site (default ${DEFAULT-VALUE}).")
        String substituent;
        @Option(names = "--x", defaultValue = "1.0", description = "Substituted fraction of A sites, 0..1 (default ${DEFAULT-VALUE}).")
        double x;
        @Option(names = "--b-site", defaultValue = "BH4", description = "B-site (corner) anion (default ${DEFAULT-VALUE}).")
        String bSite;
        @Option(names = "--supercell", description = "Repetitions N1xN2xN3 (default 3x3x3 cubic cells; 1x1x1 for --phase pbcm, whose AIMD cell in the paper is 2x2x1).")
        String supercell;
        @Option(names = "--phase", defaultValue = "cubic", description = "cubic (Pm-3m, default) or pbcm: the orthorhombic x = 1 phase (Somer et al. 2010 cell, vacancy order derived from the cubic cell; see docs).")
        String phase;
        @Option(names = "--a", converter = Converters.LengthAngstrom.class,
                description = "Cubic lattice parameter with unit, e.g. 4.70Å (default: Vegard's law between Na3O(BH4) and Na2(NH2)(BH4)).")
        Double a;
        @Option(names = "--orientation", defaultValue = "random", description = "Cluster-anion orientation: random (uniform on SO(3), re-drawn until contacts are physical) or aligned (default ${DEFAULT-VALUE}).")
        AntiperovskiteBuilder.Orientation orientation;
        @Option(names = "--min-distance", defaultValue = "1.8Å", converter = Converters.LengthAngstrom.class,
                description = "Smallest allowed non-bonded distance, Å (default ${DEFAULT-VALUE}).")
        double minDistance;
        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;
        @Mixin
        StructureOutputOptions out;
        @Mixin
        QuietOption quiet;

        @Override
        public Integer call() throws Exception {
            if (phase.equalsIgnoreCase("pbcm")) return pbcm();
            if (!phase.equalsIgnoreCase("cubic")) throw new org.paddlewheel.model.InputException("--phase must be cubic or pbcm, got '" + phase + "'");
            int[] n = Supercell.parse(supercell == null ? "3x3x3" : supercell);
            var r = new AntiperovskiteBuilder().cation(Element.of(cation), cationCharge).aSite(ClusterAnion.of(aSite))
                    .substituent(ClusterAnion.of(substituent)).bSite(ClusterAnion.of(bSite)).x(x).supercell(n[0], n[1], n[2])
                    .latticeParameter(a).orientation(orientation).minDistance(minDistance).seed(seed).build();
            out.write(r.structure());
            if (!quiet.quiet) for (String note : r.notes()) System.err.println("paddlewheel: note: " + note);
            if (out.json) {
                ObjectNode o = Json.object();
                o.put("output", out.output.toString());
                o.put("formula", r.structure().formula());
                o.put("atoms", r.structure().size());
                o.put("x_requested", r.requestedX());
                o.put("x_realised", r.realisedX());
                o.put("substitutions", r.substitutions());
                o.put("vacancies", r.vacancies());
                o.put("cation_sites", r.cationSites());
                o.put("a_A", r.latticeParameterAngstrom());
                o.put("phase", "cubic");
                o.put("seed", seed);
                o.putPOJO("notes", r.notes());
                Json.print(o);
            } else {
                System.out.printf("wrote %s: %s, %d atoms, x = %.4f (%d substitutions, %d vacancies), a = %.4f Å, seed %d%n",
                        out.output, r.structure().formula(), r.structure().size(), r.realisedX(), r.substitutions(), r.vacancies(),
                        r.latticeParameterAngstrom(), seed);
            }
            return 0;
        }

        private int pbcm() throws Exception { return pbcmFor(this); }
    }

    /** {@code build antiperovskite --phase pbcm}: {@link org.paddlewheel.build.PbcmBuilder}. */
    private static int pbcmFor(Antiperovskite c) throws Exception {
        if (Math.abs(c.x - 1) > 1e-12) throw new org.paddlewheel.model.InputException("--phase pbcm exists only for x = 1 (Na2(NH2)(BH4)), got --x " + c.x);
        if (c.a != null) throw new org.paddlewheel.model.InputException("--a sets the cubic cell; the Pbcm cell is Somer et al.'s (6.5384, 6.4960, 9.8512 Å)");
        if (!c.cation.equalsIgnoreCase("Na") || !c.bSite.equalsIgnoreCase("BH4") || !c.substituent.equalsIgnoreCase("NH2")) {
            throw new org.paddlewheel.model.InputException("--phase pbcm builds Na2(NH2)(BH4) only");
        }
        int[] n = Supercell.parse(c.supercell == null ? "1x1x1" : c.supercell);
        var r = org.paddlewheel.build.PbcmBuilder.build(n[0], n[1], n[2], c.orientation, c.minDistance, c.seed, 20000);
        c.out.write(r.structure());
        if (!c.quiet.quiet) {
            System.err.println("paddlewheel: note: Pbcm cell of Somer et al. (2010); atomic positions and vacancy order derived from the cubic cell, not refined coordinates (see docs/experiment.md)");
        }
        if (c.out.json) {
            ObjectNode o = Json.object();
            o.put("output", c.out.output.toString());
            o.put("phase", "pbcm");
            o.put("formula", r.structure().formula());
            o.put("atoms", r.structure().size());
            o.put("x_requested", 1.0);
            o.put("x_realised", 1.0);
            o.put("vacancies", r.vacancies());
            o.put("cation_sites", r.cationSites());
            o.put("a_A", r.cellAngstrom()[0]);
            o.put("b_A", r.cellAngstrom()[1]);
            o.put("c_A", r.cellAngstrom()[2]);
            o.put("seed", c.seed);
            o.put("coordinates", "derived from the cubic antiperovskite (see docs)");
            Json.print(o);
        } else {
            System.out.printf("wrote %s: %s, %d atoms, Pbcm %s cell(s) %.4f × %.4f × %.4f Å, seed %d%n", c.out.output, r.structure().formula(),
                    r.structure().size(), c.supercell == null ? "1x1x1" : c.supercell, r.cellAngstrom()[0], r.cellAngstrom()[1], r.cellAngstrom()[2], c.seed);
        }
        return 0;
    }

    /** {@code paddlewheel build nabh4}: {@link RockSaltBorohydrideBuilder}. */
    @Command(name = "nabh4", mixinStandardHelpOptions = true,
            description = {"Cubic rock-salt NaBH4 (Fm-3m average): Na at 4a, B at 4b, each BH4 a regular tetrahedron (B–H 1.21 Å)",
                "with H along <111>, in one of the two orientations related by a 90° turn (random, seeded) or all aligned."})
    static final class Nabh4 implements Callable<Integer> {
        @Option(names = "--a", defaultValue = "6.163Å", converter = Converters.LengthAngstrom.class,
                description = "Cubic lattice parameter with unit (default ${DEFAULT-VALUE}: Soldate 1947, room temperature).")
        double a;
        @Option(names = "--supercell", defaultValue = "3x3x3", description = "Repetitions of the conventional cell N1xN2xN3 (default ${DEFAULT-VALUE}).")
        String supercell;
        @Option(names = "--orientation", defaultValue = "random",
                description = "BH4 orientations: random (each of the two with probability ½, seeded) or aligned (all one; F-43m) (default ${DEFAULT-VALUE}).")
        RockSaltBorohydrideBuilder.Orientation orientation;
        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;
        @Mixin
        StructureOutputOptions out;

        @Override
        public Integer call() {
            int[] n = Supercell.parse(supercell);
            var r = new RockSaltBorohydrideBuilder().latticeParameter(a).supercell(n[0], n[1], n[2]).orientation(orientation).seed(seed).build();
            out.write(r.structure());
            double density = r.structure().densityGramsPerCm3();
            if (out.json) {
                ObjectNode o = Json.object();
                o.put("output", out.output.toString());
                o.put("formula", r.structure().formula());
                o.put("atoms", r.structure().size());
                o.put("a_A", r.latticeParameterAngstrom());
                o.put("anions", r.anions());
                o.put("odd_orientation_anions", r.oddAnions());
                o.put("density_g_per_cm3", density);
                o.put("seed", seed);
                Json.print(o);
            } else {
                System.out.printf("wrote %s: %s, %d atoms, a = %.4f Å, %.4f g/cm³, %d of %d BH4 in the odd orientation, seed %d%n", out.output,
                        r.structure().formula(), r.structure().size(), r.latticeParameterAngstrom(), density, r.oddAnions(), r.anions(), seed);
            }
            return 0;
        }
    }

    /** {@code paddlewheel build supercell IN --supercell 2x2x2 -o OUT}. */
    @Command(name = "supercell", mixinStandardHelpOptions = true, description = "Replicate any structure N1xN2xN3 times.")
    static final class SupercellCmd implements Callable<Integer> {
        @Parameters(index = "0", description = "Input structure file.")
        Path input;
        @Option(names = "--supercell", required = true, description = "Repetitions N1xN2xN3, e.g. 2x2x2.")
        String supercell;
        @Option(names = {"-o", "--output"}, required = true, description = "Output file (format from the extension).")
        Path output;
        @Option(names = "--format", description = "Output format (overrides the extension).")
        String format;
        @Option(names = "--from", description = "Input format (overrides the extension).")
        String from;

        @Override
        public Integer call() {
            int[] n = Supercell.parse(supercell);
            Structure s = Supercell.of(Formats.readStructure(input, from), n[0], n[1], n[2]);
            Formats.writeStructure(output, s, format);
            System.out.printf("wrote %s: %s, %d atoms%n", output, s.formula(), s.size());
            return 0;
        }
    }
}
