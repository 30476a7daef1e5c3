package org.paddlewheel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.md.Ensemble;
import org.paddlewheel.md.MdConfig;
import org.paddlewheel.md.MdRun;
import org.paddlewheel.md.TrajectoryFormat;
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
    @Option(names = "--ensemble", defaultValue = "nvt", description = "nve, nvt (Langevin BAOAB), npt (Langevin + isotropic stochastic cell rescaling) or npt-c (only the c axis rescaled, against the normal stress; c must be perpendicular to a and b) (default ${DEFAULT-VALUE}).")
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
    @Option(names = "--engine", defaultValue = "paddlewheel", description = "paddlewheel (embedded), lammps (runs lmp, converts its dump) or cp2k (AIMD, PBE; --ff not needed; see the DFT options) (default ${DEFAULT-VALUE}).")
    String engineName;
    @Option(names = "--mpi", defaultValue = "1", description = "MPI ranks for --engine lammps (default ${DEFAULT-VALUE}).")
    int mpi;
    @Option(names = "--timing", description = "Print the step-loop time even with --quiet, and the time per force phase.")
    boolean timing;
    @Option(names = "--stop-after-steps", hidden = true, defaultValue = "-1")
    long stopAfter;
    @Mixin
    QuietOption quiet;
    @Mixin
    DftOptions dft;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        if (engineName.equals("cp2k")) return runCp2k();
        Structure s = model.structure();
        ForceField field = model.forceField();
        if (field.provisional() && !quiet.quiet) System.err.println("note: force field " + field.name() + " is PROVISIONAL");
        MdConfig.Builder b = MdConfig.builder().ensemble(Ensemble.parse(ensemble)).temperatureK(temperatureK).timestepFs(dtFs)
                .equilibrationFs(equilFs).productionFs(timeFs).everyFs(everyFs).checkpointEveryFs(checkpointFs).frictionPerPs(friction)
                .pressureGPa(pressureGPa).compressibilityPerGPa(compressibility).barostatTauFs(tauFs).seed(seed).threads(threads)
                .format(TrajectoryFormat.parse(format)).skinAngstrom(skin).kspace(model.kspace());
        if (thermoFs != null) b.thermoEveryFs(thermoFs);
        MdConfig cfg = b.build();
        MdRun run = new MdRun(s, field, freeze, cfg, out);
        if (engineName.equals("lammps")) {
            Path traj = run.runLammps(mpi);
            if (!quiet.quiet) System.err.println("LAMMPS run in " + out + " (in.lammps, log.lammps), trajectory " + traj);
            return 0;
        }
        if (!engineName.equals("paddlewheel")) throw new IllegalArgumentException("--engine must be paddlewheel, lammps or cp2k");
        MdRun.Timing t;
        if (quiet.quiet) {
            t = run.run(resume, null, stopAfter, timing);
        } else {
            long t0 = System.nanoTime();
            try (ProgressBar pb = ProgressBars.builder("md", System.err).setInitialMax(cfg.totalSteps())
                    .setUpdateIntervalMillis(500).build()) {
                long[] first = {-1};
                t = run.run(resume, (done, total) -> {
                    if (first[0] < 0) first[0] = done - 1;
                    pb.stepTo(done);
                    double sec = (System.nanoTime() - t0) * 1e-9;
                    double nsPerDay = (done - first[0]) * dtFs * 1e-6 / sec * 86400;
                    if (done % 100 == 0) pb.setExtraMessage(String.format(java.util.Locale.ROOT, "%.2f ns/day", nsPerDay));
                }, stopAfter, timing);
            }
        }
        if (!quiet.quiet || timing) {
            System.err.printf(java.util.Locale.ROOT, "Loop time of %.4f s for %d steps with %d threads (%.1f steps/s)%n",
                    t.loopSeconds(), t.loopSteps(), threads, t.loopSteps() / t.loopSeconds());
        }
        if (timing) System.err.print("Force phases (whole run, thread 0):\n" + MdRun.lastTimingReport());
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

    /** Mobile mask: a --freeze value names a molecule kind (all its atoms), a species, or an element. */
    static boolean[] mobileMask(Topology top, Structure s, List<String> freeze) { return MdRun.mobileMask(top, s, freeze); }

    /** AIMD with CP2K: the paper's protocol, CP2K's files plus trajectory.extxyz and thermo.csv. */
    private int runCp2k() throws java.io.IOException, InterruptedException {
        Structure s = model.structure();
        boolean npt = ensemble.equals("npt");
        if (!npt && !ensemble.equals("nvt")) throw new org.paddlewheel.model.InputException("--engine cp2k runs nvt (Langevin) or npt (NPT_I), not " + ensemble);
        var protocol = new org.paddlewheel.cp2k.Cp2kMd(npt, temperatureK, dtFs, Math.round(equilFs / dtFs), Math.round(timeFs / dtFs),
                Math.max(1, Math.round(everyFs / dtFs)), friction, pressureGPa, tauFs, freeze);
        var runner = dft.runner();
        java.nio.file.Files.createDirectories(out);
        if (!quiet.quiet) System.err.println("CP2K AIMD in " + out + " (" + dft.settings().describe() + ", " + runner.ranks() + " MPI ranks)");
        protocol.run(s, dft.settings(), runner, out);
        if (!quiet.quiet) System.err.println("trajectory " + out.resolve("trajectory.extxyz") + ", thermo.csv");
        return 0;
    }


    /** ewald | pme | auto, any case. */
    static final class KSpaceConverter implements picocli.CommandLine.ITypeConverter<org.paddlewheel.forcefield.ForceEngine.KSpace> {
        @Override public org.paddlewheel.forcefield.ForceEngine.KSpace convert(String v) {
            try {
                return org.paddlewheel.forcefield.ForceEngine.KSpace.valueOf(v.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputException("--kspace: expected ewald, pme or auto, got '" + v + "'");
            }
        }
    }
}
