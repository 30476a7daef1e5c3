package org.paddlewheel.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import org.paddlewheel.build.AntiperovskiteBuilder;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;

/**
 * Runs a spec on paddlewheel's own MD engine: builds the cell with {@link AntiperovskiteBuilder}
 * (x, n×n×n, seed), writes {@code cell.vasp} and invokes the engine's {@code md} verb in-process
 * through an injected {@link MdLauncher} (the CLI passes its own command line, so the study layer
 * does not depend on the CLI), with the spec's temperature, times, timestep, ensemble, frozen
 * species, friction, pressure, frame interval, threads and seed. Progress is read from the
 * {@code time_ps} column of {@code thermo.csv}. The engine's barostat is stochastic cell rescaling,
 * not the paper's Parrinello–Rahman, so the spec's lattice mass is not passed (the report states
 * the settings). With no launcher every run fails with a clear message.
 *
 * <p>Resume: the engine writes {@code checkpoint.bin} every min(1 ps, run/10) and
 * {@code md --resume} continues bit for bit when the settings (including threads) match. The
 * arguments of each launch are kept in {@code md-args.txt}; an unfinished folder whose checkpoint
 * exists and whose recorded arguments equal the new ones is continued, not restarted.
 */
public final class EmbeddedEngine implements Engine {
    /** Runs one {@code paddlewheel md …} command in-process and returns its exit status. */
    @FunctionalInterface
    public interface MdLauncher {
        int launch(String... args);
    }

    private final MdLauncher launcher;
    private final String version;

    /** {@code launcher} null when no {@code md} command exists yet. */
    public EmbeddedEngine(MdLauncher launcher, String version) {
        this.launcher = launcher;
        this.version = version;
    }

    @Override public String name() { return "embedded"; }

    @Override public String version() { return version; }

    /** The {@code md} arguments for a spec, cell file and output folder. */
    public static List<String> arguments(RunSpec s, String forceField, Path cell, Path dir, int threads) {
        List<String> a = new ArrayList<>(List.of("md", "-i", cell.toString(), "--ff", forceField,
                "--temperature", fmt(s.temperatureK()) + "K", "--time", fmt(s.productionFs()) + "fs",
                "--equilibrate", fmt(s.equilibrationFs()) + "fs", "--timestep", fmt(s.timestepFs()) + "fs",
                "--ensemble", s.ensemble(), "--friction", fmt(s.frictionPerPs()), "--pressure", fmt(s.pressureGPa()) + "GPa",
                "--every", fmt(s.frameIntervalFs()) + "fs", "--checkpoint-every", fmt(checkpointFs(s)) + "fs", "--threads", Integer.toString(threads), "--seed", Long.toString(s.seed()),
                "--quiet", "-o", dir.toString()));
        if (s.frozen() != Frozen.NONE) a.addAll(a.size() - 3, List.of("--freeze", s.frozen().cliName()));
        return a;
    }

    /** Checkpoint interval: min(1 ps, a tenth of the run), a whole number of steps, fs. */
    static double checkpointFs(RunSpec s) {
        double want = Math.min(1000, (s.equilibrationFs() + s.productionFs()) / 10);
        return Math.max(1, Math.round(want / s.timestepFs())) * s.timestepFs();
    }

    /** File recording the arguments of the last launch (one per line). */
    public static final String ARGS = "md-args.txt";
    /** The engine's checkpoint file. */
    public static final String CHECKPOINT = "checkpoint.bin";

    @Override
    public boolean canResume(RunSpec spec, String forceField, Path dir, int threads) {
        try {
            if (launcher == null || !Files.isRegularFile(dir.resolve(CHECKPOINT)) || !Files.isRegularFile(dir.resolve(ARGS))) return false;
            List<String> want = arguments(spec, forceField, dir.resolve("cell.vasp"), dir, threads);
            return Files.readAllLines(dir.resolve(ARGS)).equals(want);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void resume(RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress) throws Exception {
        launch(launcher, spec, forceField, dir, threads, progress, List.of("--resume"));
    }

    /** Builds the starting cell of a spec. */
    public static Structure cell(RunSpec s) {
        return new AntiperovskiteBuilder().x(s.x()).supercell(s.supercell(), s.supercell(), s.supercell())
                .seed(s.seed()).build().structure();
    }

    @Override
    public void run(RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress) throws Exception {
        runMd(launcher, spec, forceField, dir, threads, progress, List.of());
    }

    /** Builds the cell, runs {@code md} with the spec's arguments plus {@code extra}, checks the trajectory. */
    static void runMd(MdLauncher launcher, RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress,
                      List<String> extra) throws Exception {
        if (launcher == null) {
            throw new UnsupportedOperationException("no 'paddlewheel md' command is registered;"
                    + " use --engine fake to try the pipeline");
        }
        Formats.writeStructure(dir.resolve("cell.vasp"), cell(spec), "poscar");
        launch(launcher, spec, forceField, dir, threads, progress, extra);
    }

    private static void launch(MdLauncher launcher, RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress,
                               List<String> extra) throws Exception {
        Path cell = dir.resolve("cell.vasp");
        List<String> base = arguments(spec, forceField, cell, dir, threads);
        Files.write(dir.resolve(ARGS), base);
        double total = spec.equilibrationFs() + spec.productionFs();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                double t = lastTimeFs(dir.resolve("thermo.csv"));
                if (t > 0) progress.accept(Math.min(0.99, t / total));
                try { Thread.sleep(2000); } catch (InterruptedException e) { return; }
            }
        }, "progress-" + dir.getFileName());
        poller.setDaemon(true);
        poller.start();
        int rc;
        try {
            List<String> args = new ArrayList<>(base);
            args.addAll(extra);
            rc = launcher.launch(args.toArray(String[]::new));
        } finally {
            poller.interrupt();
        }
        if (rc != 0) throw new IllegalStateException("paddlewheel md exited with status " + rc + " for " + spec.label());
        if (!Files.isRegularFile(dir.resolve(RunFolder.TRAJECTORY))) {
            throw new IllegalStateException("paddlewheel md wrote no " + RunFolder.TRAJECTORY + " in " + dir);
        }
        progress.accept(1.0);
    }

    /**
     * Time reached, fs, from the last line of the engine's thermo.csv ({@code step,time_ps,…}; time
     * counts from the start of the run), or −1 when unknown.
     */
    static double lastTimeFs(Path thermo) {
        try {
            if (!Files.isRegularFile(thermo)) return -1;
            List<String> lines = Files.readAllLines(thermo);
            if (lines.size() < 2) return -1;
            List<String> header = List.of(lines.get(0).toLowerCase(Locale.ROOT).split(","));
            int col = header.indexOf("time_ps");
            if (col < 0) return -1;
            return Double.parseDouble(lines.get(lines.size() - 1).split(",")[col].trim()) * 1000;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
