package org.paddlewheel.md;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.EwaldSum;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.LammpsExport;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.LammpsDump;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Structure;

/**
 * The MD engine as a library call: an in-memory structure, a force field, the species to freeze,
 * an {@link MdConfig} and an output folder in; {@code thermo.csv}, the trajectory and checkpoints
 * out, with progress reported through a callback. {@code paddlewheel md} and the study's engines
 * both run through here, so a study never builds command lines or writes a cell to read it back.
 * {@link #runLammps} runs the same model and protocol through LAMMPS ({@code lmp}, optionally under
 * {@code mpirun}) and converts its dump to the configured trajectory format.
 *
 * @param structure starting structure (Å)
 * @param forceField the model
 * @param freeze    species, elements or molecule kinds held fixed ("Na", "BH4", "NH2"); empty for none
 * @param config    run settings
 * @param dir       output folder
 */
public record MdRun(Structure structure, ForceField forceField, List<String> freeze, MdConfig config, Path dir) {
    /** Timing of the step loop. */
    public record Timing(double loopSeconds, long loopSteps) {}

    /**
     * Runs (or, with {@code resume} and a checkpoint in the folder, continues bit for bit) to the end.
     *
     * @param progress  receives (steps done, total) after every step; may be null
     * @param stopAfter stop after this step (≥ 0; tests of resuming), or −1
     * @param timing    collect per-phase force timings (see {@link org.paddlewheel.forcefield.ForceEngine#timingReport})
     */
    public Timing run(boolean resume, Simulation.Progress progress, long stopAfter, boolean timing) throws IOException {
        Topology top = Topology.build(forceField, structure);
        try (Simulation sim = new Simulation(structure, top, mobileMask(top, structure, freeze), config, dir)) {
            sim.engine().setTiming(timing);
            sim.run(resume, progress, stopAfter);
            if (timing) timingReport = sim.engine().timingReport();
            return new Timing(sim.loopSeconds(), sim.loopSteps());
        }
    }

    private static volatile String timingReport = "";

    /** The force-phase timing report of the last timed run in this JVM. */
    public static String lastTimingReport() { return timingReport; }

    /** Mobile mask: a freeze name selects a molecule kind (all its atoms), a species, or an element. */
    public static boolean[] mobileMask(Topology top, Structure s, List<String> freeze) {
        boolean[] mobile = new boolean[s.size()];
        Arrays.fill(mobile, true);
        ForceField f = top.forceField;
        for (String name : freeze) {
            int kind = f.moleculeIndex(name), sp = f.speciesIndex(name);
            Element el = Element.find(name);
            int hit = 0;
            for (int i = 0; i < s.size(); i++) {
                boolean frozen = kind >= 0 ? top.moleculeKind[i] == kind : sp >= 0 ? top.type[i] == sp
                        : el != null && s.species(i) == el && name.equals(el.symbol());
                if (frozen) { mobile[i] = false; hit++; }
            }
            if (hit == 0) throw new IllegalArgumentException("--freeze " + name + ": no molecule kind, species or element of that name in the structure");
        }
        return mobile;
    }

    /**
     * Runs the same model and protocol with LAMMPS in {@code dir}: writes the data file and
     * {@code in.lammps} ({@link LammpsExport}), runs {@code lmp -in in.lammps} ({@code mpirun -np mpi}
     * when mpi &gt; 1), then converts {@code dump.lammpstrj} into the configured trajectory format.
     * Equilibration and production run as one LAMMPS run of {@link MdConfig#totalSteps()} steps.
     *
     * @return the trajectory written
     */
    public Path runLammps(int mpi) throws IOException, InterruptedException {
        if (!forceField.splineTriples().isEmpty() && !org.paddlewheel.forcefield.LammpsUf3File.lammpsHasUf3("lmp")) {
            throw new IllegalArgumentException("the force field has UF3 3-body terms, which need a LAMMPS with the ML-UF3 package (pair_style uf3);"
                    + " the lmp on this machine has none (Debian's build lacks it): use the embedded engine");
        }
        Files.createDirectories(dir);
        Topology top = Topology.build(forceField, structure);
        boolean[] mobile = mobileMask(top, structure, freeze);
        double q2 = 0;
        for (double c : top.charge) q2 += c * c;
        EwaldSum.Parameters p = EwaldSum.lammpsParameters(forceField.ewaldAccuracy(), forceField.cutoffAngstrom(), structure.size(), q2,
                new Cell(structure.lattice()));
        boolean[] frozen = new boolean[mobile.length];
        for (int i = 0; i < mobile.length; i++) frozen[i] = !mobile[i];
        MdConfig c = config;
        LammpsExport.write(dir, structure, top, p, new LammpsExport.Protocol(c.ensemble().cliName(), c.temperatureK(), c.pressureGPa(),
                c.timestepFs(), c.totalSteps(), c.everySteps(), c.thermoEverySteps(), c.frictionPerPs(), c.seed(), frozen), c.kspace());
        List<String> cmd = new ArrayList<>();
        if (mpi > 1) cmd.addAll(List.of("mpirun", "--allow-run-as-root", "-np", Integer.toString(mpi)));
        cmd.addAll(List.of("lmp", "-in", "in.lammps", "-log", "log.lammps"));
        Process pr = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("lammps.out").toFile()).start();
        int rc = pr.waitFor();
        if (rc != 0) throw new IOException("LAMMPS failed (exit " + rc + "), see " + dir.resolve("lammps.out"));
        Path dump = dir.resolve("dump.lammpstrj");
        List<Element> types = new ArrayList<>();
        for (ForceField.Species sp : forceField.species()) types.add(sp.element());
        Path traj = dir.resolve(c.format().fileName());
        // Same outputs as the embedded engine: production frames only (time from the start of
        // production), thermo.csv with the same columns; nothing half-written on a bad dump.
        long equil = c.equilibrationSteps();
        try (var r = LammpsDump.open(dump, c.timestepFs(), types)) {
            var w = Formats.createTrajectoryWriter(traj, c.format().cliName());
            try {
                while (r.hasNext()) {
                    org.paddlewheel.model.Frame f = r.next();
                    if (f.step() < equil) continue;
                    w.write(new org.paddlewheel.model.Frame(f.structure(), (f.step() - equil) * c.timestepFs(), f.step()));
                }
            } catch (RuntimeException e) {
                w.abort();
                throw e;
            }
            w.close();
        }
        LammpsThermo.writeCsv(dir.resolve("log.lammps"), dir.resolve("thermo.csv"));
        return traj;
    }
}
