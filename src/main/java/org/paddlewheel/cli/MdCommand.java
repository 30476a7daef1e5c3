package org.paddlewheel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.EwaldSum;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.LammpsExport;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.io.Formats;
import org.paddlewheel.md.MdConfig;
import org.paddlewheel.md.Simulation;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paddlewheel md}: molecular dynamics with the embedded classical engine (or LAMMPS with
 * {@code --engine lammps}) under a force field, the paper's AIMD protocol by default (Langevin
 * 10 ps⁻¹, 0.5 fs, equilibration then production), optionally with frozen species.
 */
@Command(name = "md", mixinStandardHelpOptions = true,
        description = "Molecular dynamics: writes thermo.csv, a trajectory and checkpoints into -o DIR; --resume continues bit for bit.")
public final class MdCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ModelInputOptions model;
    @Option(names = "--temperature", required = true, converter = Converters.TemperatureK.class, description = "Temperature (> 0 K), e.g. 500K or 227C.")
    double temperatureK;
    @Option(names = "--time", required = true, converter = Converters.TimeFs.class, description = "Production time (fs, ps, ns), e.g. 50ps.")
    double timeFs;
    @Option(names = "--equilibrate", defaultValue = "0fs", converter = Converters.TimeFs.class, description = "Equilibration time (Langevin; fs, ps), e.g. 3ps (default ${DEFAULT-VALUE}).")
    double equilFs;
    @Option(names = "--timestep", defaultValue = "0.5fs", converter = Converters.TimeFs.class, description = "Time step (fs) (default ${DEFAULT-VALUE}).")
    double dtFs;
    @Option(names = "--ensemble", defaultValue = "nvt", description = "nve, nvt (Langevin BAOAB) or npt (Langevin + stochastic cell rescaling) (default ${DEFAULT-VALUE}).")
    String ensemble;
    @Option(names = "--friction", defaultValue = "10", description = "Langevin friction, 1/ps (default ${DEFAULT-VALUE}).")
    double friction;
    @Option(names = "--pressure", defaultValue = "0GPa", converter = Converters.PressureGPa.class, description = "Target pressure for npt (GPa, bar, atm, Pa) (default ${DEFAULT-VALUE}).")
    double pressureGPa;
    @Option(names = "--compressibility", defaultValue = "0.05", description = "Barostat compressibility, 1/GPa (default ${DEFAULT-VALUE}).")
    double compressibility;
    @Option(names = "--barostat-time", defaultValue = "1ps", converter = Converters.TimeFs.class, description = "Barostat relaxation time τ_p (fs, ps) (default ${DEFAULT-VALUE}).")
    double tauFs;
    @Option(names = "--freeze", split = ",", description = "Freeze a species, element or molecule kind (Na, BH4, NH2); repeatable (default: none).")
    List<String> freeze = new ArrayList<>();
    @Option(names = "--threads", defaultValue = "1", description = "Force-loop threads (default ${DEFAULT-VALUE}).")
    int threads;
    @Option(names = "--seed", defaultValue = "1", description = "Random seed (integer) for velocities and the thermostat (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = {"-o", "--output"}, required = true, description = "Output directory (an existing run there is refused unless --resume or --force).")
    Path out;
    @Option(names = "--format", defaultValue = "extxyz", description = "Trajectory format: extxyz, xdatcar, lammps-dump (default ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--every", defaultValue = "10fs", converter = Converters.TimeFs.class, description = "Trajectory interval (fs, ps) (default ${DEFAULT-VALUE}).")
    double everyFs;
    @Option(names = "--thermo-every", converter = Converters.TimeFs.class, description = "thermo.csv interval (default: --every).")
    Double thermoFs;
    @Option(names = "--checkpoint-every", defaultValue = "1ps", converter = Converters.TimeFs.class, description = "Checkpoint interval (fs, ps) (default ${DEFAULT-VALUE}).")
    double checkpointFs;
    @Option(names = "--resume", description = "Continue from -o DIR/checkpoint.bin (same options and threads).")
    boolean resume;
    @Option(names = "--force", description = "Start afresh in -o DIR even if it holds a run (its files are replaced).")
    boolean force;
    @Option(names = "--skin", defaultValue = "1.0", description = "Neighbour-list skin, Å (default ${DEFAULT-VALUE}).")
    double skin;
    @Option(names = "--engine", defaultValue = "paddlewheel", description = "paddlewheel or lammps (runs lmp, converts its dump) (default ${DEFAULT-VALUE}).")
    String engineName;
    @Option(names = "--mpi", defaultValue = "1", description = "MPI ranks for --engine lammps (default ${DEFAULT-VALUE}).")
    int mpi;
    @Option(names = "--timing", description = "Print the step-loop time even with --quiet, and the time per force phase.")
    boolean timing;
    @Option(names = "--stop-after-steps", hidden = true, defaultValue = "-1")
    long stopAfter;
    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        Structure s = model.structure();
        ForceField field = model.forceField();
        Topology top = Topology.build(field, s);
        boolean[] mobile = mobileMask(top, s, freeze);
        long every = steps(everyFs), equil = Math.round(equilFs / dtFs), prod = Math.round(timeFs / dtFs);
        long thermo = thermoFs == null ? every : steps(thermoFs);
        if (field.provisional() && !quiet.quiet) System.err.println("note: force field " + field.name() + " is PROVISIONAL");
        if (engineName.equals("lammps")) return runLammps(s, top, mobile, equil, equil + prod, every, thermo);
        if (!engineName.equals("paddlewheel")) throw new IllegalArgumentException("--engine must be paddlewheel or lammps");
        MdConfig cfg = new MdConfig(ensemble, temperatureK, dtFs, equil, prod, every, thermo, steps(checkpointFs), friction,
                pressureGPa, compressibility, tauFs, seed, threads, format, skin);
        try (Simulation sim = new Simulation(s, top, mobile, cfg, out)) {
            sim.engine().setTiming(timing);
            if (quiet.quiet) {
                sim.run(resume, null, stopAfter);
            } else {
                long t0 = System.nanoTime();
                try (ProgressBar pb = ProgressBars.builder("md", System.err).setInitialMax(cfg.totalSteps())
                        .setUpdateIntervalMillis(500).build()) {
                    long[] first = {-1};
                    sim.run(resume, (done, total) -> {
                        if (first[0] < 0) first[0] = done - 1;
                        pb.stepTo(done);
                        double sec = (System.nanoTime() - t0) * 1e-9;
                        double nsPerDay = (done - first[0]) * dtFs * 1e-6 / sec * 86400;
                        if (done % 100 == 0) pb.setExtraMessage(String.format(java.util.Locale.ROOT, "%.2f ns/day", nsPerDay));
                    }, stopAfter);
                }
            }
            if (!quiet.quiet || timing) {
                System.err.printf(java.util.Locale.ROOT, "Loop time of %.4f s for %d steps with %d threads (%.1f steps/s)%n",
                        sim.loopSeconds(), sim.loopSteps(), threads, sim.loopSteps() / sim.loopSeconds());
            }
            if (timing) System.err.print("Force phases (whole run, thread 0):\n" + sim.engine().timingReport());
        }
        return 0;
    }

    /** Refuses impossible values and an existing run before anything is read or written. */
    private void checkOptions() {
        if (!(timeFs > 0)) throw new InputException("--time must be positive, got " + timeFs + " fs");
        if (mpi < 1) throw new InputException("--mpi must be at least 1, got " + mpi);
        if (threads < 1) throw new InputException("--threads must be at least 1, got " + threads);
        if (!(skin >= 0)) throw new InputException("--skin must be >= 0 Å, got " + skin);
        if (!(friction >= 0)) throw new InputException("--friction must be >= 0 /ps, got " + friction);
        if (!resume && !force) {
            for (String name : RUN_FILES) {
                if (Files.exists(out.resolve(name))) {
                    throw new InputException(out.toString(), 0, "holds a run (" + name + "); --resume continues it, --force starts afresh over it");
                }
            }
        }
    }

    /** Files whose presence marks a directory as holding an MD run. */
    static final List<String> RUN_FILES = List.of("checkpoint.bin", "thermo.csv", "trajectory.extxyz", "XDATCAR", "trajectory.dump",
            "in.lammps");

    private long steps(double fs) {
        long k = Math.round(fs / dtFs);
        if (k < 1 || Math.abs(k * dtFs - fs) > 1e-6 * fs) throw new IllegalArgumentException(fs + " fs is not a whole number of " + dtFs + " fs steps");
        return k;
    }

    /** Mobile mask: a --freeze value names a molecule kind (all its atoms), a species, or an element. */
    static boolean[] mobileMask(Topology top, Structure s, List<String> freeze) {
        boolean[] mobile = new boolean[s.size()];
        java.util.Arrays.fill(mobile, true);
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
     * The LAMMPS back end, with the embedded engine's outputs: {@code thermo.csv} (same columns,
     * from log.lammps: pressure bar → GPa) and the production frames only, timed from the start of
     * production (equilibration frames of the dump are left out).
     */
    private int runLammps(Structure s, Topology top, boolean[] mobile, long equil, long steps, long every, long thermo)
            throws IOException, InterruptedException {
        Files.createDirectories(out);
        double q2 = 0;
        for (double c : top.charge) q2 += c * c;
        EwaldSum.Parameters p = EwaldSum.lammpsParameters(top.forceField.ewaldAccuracy(), top.forceField.cutoffAngstrom(), s.size(), q2,
                new Cell(s.lattice()));
        boolean[] frozen = new boolean[mobile.length];
        for (int i = 0; i < mobile.length; i++) frozen[i] = !mobile[i];
        LammpsExport.write(out, s, top, p, new LammpsExport.Protocol(ensemble, temperatureK, pressureGPa, dtFs, steps, every, thermo,
                friction, seed, frozen));
        List<String> cmd = new ArrayList<>();
        if (mpi > 1) cmd.addAll(List.of("mpirun", "--allow-run-as-root", "-np", Integer.toString(mpi)));
        cmd.addAll(List.of("lmp", "-in", "in.lammps", "-log", "log.lammps"));
        Process pr = new ProcessBuilder(cmd).directory(out.toFile()).redirectErrorStream(true)
                .redirectOutput(out.resolve("lammps.out").toFile()).start();
        int rc = pr.waitFor();
        if (rc != 0) throw new IOException("LAMMPS failed (exit " + rc + "), see " + out.resolve("lammps.out"));
        Path dump = out.resolve("dump.lammpstrj");
        List<Element> types = new ArrayList<>();
        for (ForceField.Species sp : top.forceField.species()) types.add(sp.element());
        Path traj = out.resolve(format.equals("xdatcar") ? "XDATCAR" : format.equals("lammps-dump") ? "trajectory.dump" : "trajectory.extxyz");
        String fmt = format.equals("xdatcar") ? "xdatcar" : format.equals("lammps-dump") ? "lammps-dump" : "extxyz";
        try (var r = org.paddlewheel.io.LammpsDump.open(dump, dtFs, types)) {
            var w = Formats.createTrajectoryWriter(traj, fmt);
            try {
                while (r.hasNext()) {
                    org.paddlewheel.model.Frame f = r.next();
                    if (f.step() < equil) continue;                  // equilibration: not in the trajectory
                    w.write(new org.paddlewheel.model.Frame(f.structure(), (f.step() - equil) * dtFs, f.step()));
                }
            } catch (RuntimeException e) {
                w.abort();
                throw e;
            }
            w.close();
        }
        LammpsThermo.writeCsv(out.resolve("log.lammps"), out.resolve("thermo.csv"));
        if (!quiet.quiet) System.err.println("LAMMPS run in " + out + " (in.lammps, log.lammps), trajectory " + traj);
        return 0;
    }

}
