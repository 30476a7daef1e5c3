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
                "--every", fmt(s.frameIntervalFs()) + "fs", "--threads", Integer.toString(threads), "--seed", Long.toString(s.seed()),
                "--quiet", "-o", dir.toString()));
        if (s.frozen() != Frozen.NONE) a.addAll(a.size() - 3, List.of("--freeze", s.frozen().cliName()));
        return a;
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
        Path cell = dir.resolve("cell.vasp");
        Formats.writeStructure(cell, cell(spec), "poscar");
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
            List<String> args = new ArrayList<>(arguments(spec, forceField, cell, dir, threads));
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
