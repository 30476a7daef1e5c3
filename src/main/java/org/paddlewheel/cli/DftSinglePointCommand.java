package org.paddlewheel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paddlewheel.cp2k.SinglePoints;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.io.TrajectoryReader;
import org.paddlewheel.model.Frame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paddlewheel dft single-point FILE... -o DIR}: CP2K energy, forces, stress and Mulliken
 * charges for every structure (every frame of a trajectory file), written in input order to
 * {@code DIR/single-points.extxyz}; rerunning skips what is done.
 */
@Command(name = "single-point", mixinStandardHelpOptions = true,
        description = "CP2K single points (energy eV, forces eV/Å, stress, charges) of every structure or trajectory frame into DIR/single-points.extxyz; resumable.")
public final class DftSinglePointCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Structures or trajectories (every frame is a configuration).")
    List<Path> files;
    @Option(names = "--format", description = "Input format for every FILE (overrides the extension).")
    String format;
    @Option(names = {"-o", "--output"}, required = true, description = "Output directory.")
    Path output;
    @Option(names = "--config-type", description = "Data-group label written as config_type (default: each file's name without extension).")
    String configType;
    @Option(names = "--guess-wavefunction", description = "CP2K wavefunction (*-RESTART.wfn) to start the first SCF from, taken from a cell with the same atoms in the same order (default: atomic guess).")
    Path guessWavefunction;
    @Mixin
    DftOptions dft;
    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws Exception {
        var runner = dft.runner();
        List<SinglePoints.Input> inputs = new ArrayList<>();
        for (Path f : files) {
            String group = configType != null ? configType : stem(f);
            int index = 0;
            try (TrajectoryReader r = Formats.openTrajectory(f, format, 0)) {
                while (r.hasNext()) {
                    Frame fr = r.next();
                    inputs.add(new SinglePoints.Input(fr.structure(), f.getFileName() + "#" + index, group, dft.charge));
                    index++;
                }
            }
        }
        var sp = new SinglePoints(dft.settings(), runner, output, msg -> { if (!quiet.quiet) System.err.println(msg); });
        List<LabelledXyz.Labelled> all = sp.run(inputs, guessWavefunction);
        System.out.println("wrote " + output.resolve(SinglePoints.FILE) + ": " + all.size() + " configurations, level of theory "
                + dft.settings().describe());
        return 0;
    }

    static String stem(Path f) {
        String n = f.getFileName().toString();
        for (String ext : new String[] {".gz", ".xz", ".bz2"}) if (n.endsWith(ext)) n = n.substring(0, n.length() - ext.length());
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
