package org.paddlewheel.md;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.LiveTextFile;
import org.paddlewheel.io.TrajectoryWriter;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;

/**
 * Runs molecular dynamics of a structure under a force field and writes {@code thermo.csv}
 * (step, time_ps, T_K, Epot_eV, Ekin_eV, Etot_eV, P_GPa, volume_A3), the trajectory
 * ({@code trajectory.extxyz|XDATCAR|trajectory.dump} through the io writers' live append mode,
 * {@link Formats#openTrajectoryAppender}; production only, frame time from the start of
 * production) and {@code checkpoint.bin} every {@code checkpointEverySteps}. A run resumed from its
 * checkpoint with the same settings and thread count continues bit for bit: at every checkpoint
 * both the original and the resumed run rebuild the neighbour list and recompute forces from the
 * saved positions, and the random generator's state is saved.
 */
public final class Simulation implements AutoCloseable {
    /** Progress callback: steps done, total steps. */
    public interface Progress {
        void update(long done, long total);
    }

    private final Structure structure;
    private final Topology top;
    private final MdConfig c;
    private final MdState s;
    private final ForceEngine engine;
    private final Rng rng;
    private final Path dir;
    private static final String THERMO_HEADER = "step,time_ps,T_K,Epot_eV,Ekin_eV,Etot_eV,P_GPa,volume_A3\n";
    private final Element[] species;
    private long frames;
    private double loopSeconds;
    private long loopSteps;

    public Simulation(Structure structure, Topology top, boolean[] mobile, MdConfig config, Path outDir) {
        this.structure = structure;
        this.top = top;
        this.c = config;
        this.dir = outDir;
        this.s = new MdState(structure.positions(), top.mass, mobile, new org.paddlewheel.forcefield.Cell(structure.lattice()));
        this.engine = new ForceEngine(top, s.cell, ForceEngine.Options.defaults().withThreads(config.threads()).withSkin(config.skinAngstrom())
                .withKSpace(config.kspace()));
        this.rng = new Rng(config.seed());
        this.species = structure.speciesArray();
    }

    public MdState state() { return s; }

    public ForceEngine engine() { return engine; }

    /** The io format name of the configured trajectory format. */
    private String trajectoryFormat() { return c.format().cliName(); }

    /** File name of the trajectory for the configured format. */
    public String trajectoryName() { return c.format().fileName(); }

    /**
     * The step at which the checkpoint in {@code dir} was written, or −1 when there is none: lets a
     * caller that chains runs tell a finished run from one that is to be lengthened.
     */
    public static long checkpointStep(Path dir) throws IOException {
        Path ck = dir.resolve("checkpoint.bin");
        return Files.exists(ck) ? Checkpoint.read(ck).step() : -1;
    }

    /** Runs (or resumes) to the end; {@code stopAfter} (≥ 0) stops early after that step, for tests. */
    public void run(boolean resume, Progress progress, long stopAfter) throws IOException {
        Files.createDirectories(dir);
        Path thermoFile = dir.resolve("thermo.csv"), trajFile = dir.resolve(trajectoryName()), ckFile = dir.resolve("checkpoint.bin");
        long resumeStep = -1;
        boolean fresh = true;
        if (resume && Files.exists(ckFile)) {
            Checkpoint ck = Checkpoint.read(ckFile);
            if (!ck.fingerprint().equals(fingerprint()) || ck.x().length != s.x.length) {
                String diff = ck.x().length != s.x.length ? "the structure (checkpoint " + ck.x().length / 3 + " atoms, now " + s.x.length / 3 + ")"
                        : MdConfig.differences(ck.fingerprint(), fingerprint());
                throw new InputException(ckFile.toString(), 0, "checkpoint was written with other settings: " + diff
                        + "; rerun with the original options");
            }
            System.arraycopy(ck.x(), 0, s.x, 0, s.x.length);
            System.arraycopy(ck.v(), 0, s.v, 0, s.v.length);
            s.cell.set(ck.h());
            s.step = ck.step();
            rng.restore(ck.rng());
            frames = ck.frames();
            resumeStep = ck.step();
            fresh = false;
        }
        // both files are cut back by step, not by the checkpoint's byte counts, so a damaged or shorter file still resumes cleanly
        long thermoKeep = resumeStep < 0 ? 0 : LiveTextFile.lengthThroughStep(thermoFile, resumeStep);
        try (LiveTextFile thermo = LiveTextFile.open(thermoFile, thermoKeep);
             TrajectoryWriter traj = Formats.openTrajectoryAppender(trajFile, trajectoryFormat(), resumeStep)) {
            if (thermo.length() == 0) thermo.append(THERMO_HEADER);
            engine.neighbourList().invalidate();
            s.computeForces(engine);
            if (fresh) {
                MaxwellBoltzmann.assign(s, c.temperatureK(), rng, true);
                output(thermo, traj);
            }
            Integrator equil = integrator(true), prod = integrator(false);
            long total = c.totalSteps();
            long t0 = System.nanoTime(), step0 = s.step;
            while (s.step < total) {
                Integrator in = s.step < c.equilibrationSteps() ? equil : prod;
                in.step(s, engine);
                output(thermo, traj);
                if (s.step % c.checkpointEverySteps() == 0 || s.step == total) {
                    new Checkpoint(fingerprint(), s.step, s.x, s.v, s.cell.h, rng.state(), thermo.length(),
                            Files.size(trajFile), frames).write(ckFile);
                    engine.neighbourList().invalidate();
                    s.computeForces(engine);
                }
                if (progress != null) progress.update(s.step, total);
                if (stopAfter >= 0 && s.step >= stopAfter) break;
            }
            loopSeconds = (System.nanoTime() - t0) * 1e-9;
            loopSteps = s.step - step0;
        }
    }

    /** The settings a resume must match: the config, and whether SIMD kernels run (they sum in another order). */
    private String fingerprint() {
        return c.fingerprint() + "|" + org.paddlewheel.forcefield.Simd.fingerprint() + c.kspaceFingerprint();
    }

    /** Wall time (s) and steps of the last {@link #run}'s step loop. */
    public double loopSeconds() { return loopSeconds; }

    public long loopSteps() { return loopSteps; }

    private Integrator integrator(boolean equilibration) {
        Ensemble ens = c.ensemble();
        Integrator langevin = new LangevinThermostat(c.timestepFs(), c.temperatureK(), c.frictionPerPs(), s.mass, rng);
        if (ens.barostat()) {
            if (ens == Ensemble.NPT_C) StochasticCellRescaling.checkCAxis(s.cell.h);
            return new StochasticCellRescaling(langevin, c.timestepFs(), c.temperatureK(), c.pressureGPa(),
                    c.compressibilityPerGPa(), c.barostatTauFs(), 10, rng, ens == Ensemble.NPT_C);
        }
        if (equilibration || ens == Ensemble.NVT) return langevin;
        return new VelocityVerlet(c.timestepFs());
    }

    /** Every integrator keeps a zero total momentum when no atom is frozen (NVE by Newton, Langevin by removal). */
    private boolean momentumConserved() {
        return true;
    }

    private void output(LiveTextFile thermo, TrajectoryWriter traj) {
        if (s.step % c.thermoEverySteps() == 0) {
            double ek = s.kineticEnergy();
            String line = String.format(Locale.ROOT, "%d,%.6f,%.4f,%.8f,%.8f,%.8f,%.6f,%.5f\n", s.step, s.step * c.timestepFs() * 1e-3,
                    s.temperature(momentumConserved()), s.epot, ek, s.epot + ek, s.pressure() * Units.EV_PER_A3_TO_GPA, s.cell.volume());
            thermo.append(line);
        }
        long prodStep = s.step - c.equilibrationSteps();
        if (prodStep >= 0 && prodStep % c.everySteps() == 0) {
            Structure frame = Structure.of(Lattice.fromRowMajor(s.cell.h), species, s.x);
            traj.write(new Frame(frame, prodStep * c.timestepFs(), s.step));
            frames++;
        }
    }

    @Override
    public void close() { engine.close(); }
}
