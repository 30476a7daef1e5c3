package org.paddlewheel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.paddlewheel.build.AntiperovskiteBuilder;
import org.paddlewheel.io.TrajectoryWriter;
import org.paddlewheel.io.Xdatcar;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Structure;
import picocli.CommandLine.Command;

/**
 * Hidden command the launcher runs once after each build, under
 * {@code -XX:ArchiveClassesAtExit}, to record the classes a typical analysis loads into a class-data
 * sharing archive (JEP 350): later short commands start about 0.2–0.3 s faster because those
 * classes are mapped from the archive instead of being read from the jar and verified. It builds a
 * small x = 1 cell, writes a 400-frame random-walk XDATCAR to a temporary folder, runs
 * {@code analyze} on it with plots, and deletes the folder. Nothing it computes is kept.
 */
@Command(name = "cds-training", hidden = true,
        description = "Internal: load the classes of a typical analysis (used by the launcher to build a CDS archive).")
public final class ClassDataTrainingCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("paddlewheel-cds");
        try {
            Structure s = new AntiperovskiteBuilder().x(1.0).supercell(2, 2, 2).seed(1).build().structure();
            Path traj = dir.resolve("XDATCAR");
            SplittableRandom rng = new SplittableRandom(1);
            double[] r = s.positions();
            try (TrajectoryWriter w = Xdatcar.create(traj)) {
                for (int f = 0; f < 400; f++) {
                    for (int i = 0; i < r.length; i++) r[i] += 0.05 * (rng.nextDouble() - 0.5);
                    w.write(new Frame(Structure.of(s.lattice(), s.speciesArray(), r), f, f + 1));
                }
            }
            return Main.run("analyze", traj.toString(), "--mobile", "Na", "--timestep", "0.5fs",
                    "-o", dir.resolve("analysis").toString(), "--quiet", "--json") == 0 ? 0 : 1;
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException e) {
                // a temporary folder left behind is harmless
            }
        }
    }
}
