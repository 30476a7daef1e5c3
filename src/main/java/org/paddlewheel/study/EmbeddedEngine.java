package org.paddlewheel.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.paddlewheel.build.AntiperovskiteBuilder;
import org.paddlewheel.build.PbcmBuilder;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.io.Formats;
import org.paddlewheel.md.MdConfig;
import org.paddlewheel.md.MdRun;
import org.paddlewheel.md.TrajectoryFormat;
import org.paddlewheel.model.Structure;

/**
 * Runs a spec on paddlewheel's own MD engine in-process through the {@code md} library
 * ({@link MdRun}): builds the cell in memory with {@link AntiperovskiteBuilder} (x, n×n×n, seed),
 * turns the spec into an {@link MdConfig} (temperature, times, timestep, ensemble, friction,
 * pressure, frame interval, threads, seed) and the frozen species into the freeze list, and reports
 * progress from the engine's step callback. No command line is built and no file is read back;
 * {@code cell.vasp} is written only as a record of the starting cell. The engine's barostat is
 * stochastic cell rescaling, not the paper's Parrinello–Rahman, so the spec's lattice mass is not
 * used (the report states the settings).
 *
 * <p>Resume: the engine writes {@code checkpoint.bin} every min(1 ps, run/10) and continues bit for
 * bit when the settings (including threads) match. The configuration of each launch is kept in
 * {@code md-config.txt} (its fingerprint, force field and freeze list); an unfinished folder whose
 * checkpoint exists and whose recorded configuration equals the new one is continued, not restarted.
 */
public final class EmbeddedEngine implements Engine {
    /** File recording the configuration of the last launch. */
    public static final String CONFIG = "md-config.txt";
    /** The engine's checkpoint file. */
    public static final String CHECKPOINT = "checkpoint.bin";

    private final String version;

    public EmbeddedEngine(String version) { this.version = version; }

    @Override public String name() { return "embedded"; }

    @Override public String version() { return version; }

    /** The MD configuration of a spec with {@code threads} force-loop threads. */
    public static MdConfig config(RunSpec s, int threads) {
        return MdConfig.builder().ensemble(s.ensemble()).temperatureK(s.temperatureK()).timestepFs(s.timestepFs())
                .equilibrationFs(s.equilibrationFs()).productionFs(s.productionFs()).everyFs(s.frameIntervalFs())
                .checkpointEveryFs(checkpointFs(s)).frictionPerPs(s.frictionPerPs()).pressureGPa(s.pressureGPa())
                .threads(threads).seed(s.seed()).format(TrajectoryFormat.EXTXYZ).build();
    }

    /** The species a spec freezes ("Na", "NH2", "BH4"), empty for none. */
    public static List<String> freeze(RunSpec s) { return s.frozen() == Frozen.NONE ? List.of() : List.of(s.frozen().cliName()); }

    /** Checkpoint interval: min(1 ps, a tenth of the run), a whole number of steps, fs. */
    static double checkpointFs(RunSpec s) {
        double want = Math.min(1000, (s.equilibrationFs() + s.productionFs()) / 10);
        return Math.max(1, Math.round(want / s.timestepFs())) * s.timestepFs();
    }

    /** What {@code md-config.txt} holds for a launch. */
    static List<String> record(RunSpec s, String forceField, int threads) {
        List<String> r = new java.util.ArrayList<>(List.of("config " + config(s, threads).fingerprint(), "force-field " + forceField,
                "freeze " + String.join(",", freeze(s)), "supercell " + s.supercell(), "x " + s.x()));
        if (s.isPbcm()) r.add("phase " + RunSpec.PBCM);  // cubic records stay as before, so their checkpoints still resume
        return r;
    }

    /**
     * Builds the starting cell of a spec: n×n×n cubic cells, or for the Pbcm phase n×n×1 orthorhombic
     * cells of {@link PbcmBuilder} (random anion orientations, 1.8 Å contacts, as {@code build
     * antiperovskite --phase pbcm}).
     */
    public static Structure cell(RunSpec s) {
        if (s.isPbcm()) {
            return PbcmBuilder.build(s.supercell(), s.supercell(), 1, AntiperovskiteBuilder.Orientation.RANDOM, 1.8, s.seed(), 20000).structure();
        }
        return new AntiperovskiteBuilder().x(s.x()).supercell(s.supercell(), s.supercell(), s.supercell())
                .seed(s.seed()).build().structure();
    }

    @Override
    public boolean canResume(RunSpec spec, String forceField, Path dir, int threads) {
        try {
            return Files.isRegularFile(dir.resolve(CHECKPOINT)) && Files.isRegularFile(dir.resolve(CONFIG))
                    && Files.readAllLines(dir.resolve(CONFIG)).equals(record(spec, forceField, threads));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Override
    public void run(RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress) throws Exception {
        runMd(spec, forceField, dir, threads, progress, false, -1);
    }

    @Override
    public void resume(RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress) throws Exception {
        runMd(spec, forceField, dir, threads, progress, true, -1);
    }

    /**
     * Runs (or resumes) the spec in {@code dir}; {@code stopAfterSteps} ≥ 0 stops early (tests of
     * resuming), −1 runs to the end. Checks that the trajectory exists afterwards.
     */
    static void runMd(RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress, boolean resume,
                      long stopAfterSteps) throws Exception {
        Structure cell = cell(spec);
        if (!resume) Formats.writeStructure(dir.resolve("cell.vasp"), cell, "poscar");   // a record; never read back
        Files.write(dir.resolve(CONFIG), record(spec, forceField, threads));
        MdConfig cfg = config(spec, threads);
        long every = Math.max(1, cfg.totalSteps() / 200);
        new MdRun(cell, ForceField.resolve(forceField), freeze(spec), cfg, dir).run(resume,
                (done, total) -> { if (done % every == 0) progress.accept(Math.min(0.99, done / (double) total)); }, stopAfterSteps, false);
        if (!Files.isRegularFile(dir.resolve(RunFolder.TRAJECTORY))) {
            throw new IllegalStateException("the MD engine wrote no " + RunFolder.TRAJECTORY + " in " + dir);
        }
        if (stopAfterSteps < 0) progress.accept(1.0);
    }
}
