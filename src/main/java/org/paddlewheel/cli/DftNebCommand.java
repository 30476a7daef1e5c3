package org.paddlewheel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paddlewheel.cp2k.Cp2kJobs;
import org.paddlewheel.io.AtomicFile;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;
import org.paddlewheel.report.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paddlewheel dft neb INITIAL FINAL --images 5 -o DIR}: climbing-image NEB with CP2K's BAND;
 * writes {@code DIR/profile.csv} (path length Å, energy eV relative to INITIAL) and
 * {@code DIR/profile.png/.svg}, prints the barrier. Rerunning continues from CP2K's restart file.
 */
@Command(name = "neb", mixinStandardHelpOptions = true,
        description = "Climbing-image NEB (CP2K BAND) between two structures; DIR/profile.csv + plot; resumable.")
public final class DftNebCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INITIAL", description = "Initial state (same atoms, same order as FINAL).")
    Path initial;
    @Parameters(index = "1", paramLabel = "FINAL", description = "Final state.")
    Path fin;
    @Option(names = "--format", description = "Input format (overrides the extension).")
    String format;
    @Option(names = "--images", defaultValue = "5", description = "Movable images between the endpoints (default ${DEFAULT-VALUE}).")
    int images;
    @Option(names = "--fmax", defaultValue = "0.05", description = "Band force convergence, eV/Å (default ${DEFAULT-VALUE}).")
    double fmax;
    @Option(names = "--max-steps", defaultValue = "100", description = "Band optimisation steps (default ${DEFAULT-VALUE}).")
    int maxSteps;
    @Option(names = {"-o", "--output"}, required = true, description = "Output directory.")
    Path output;
    @Mixin
    DftOptions dft;
    @Option(names = "--json", description = "Print the profile as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Structure a = Formats.readStructure(initial, format), b = Formats.readStructure(fin, format);
        var runner = dft.runner();
        Cp2kJobs.NebProfile p = Cp2kJobs.neb(a, b, images, fmax, maxSteps, dft.settings(), runner, output);
        writeProfile(output, p);
        if (json) {
            StringBuilder sb = new StringBuilder("{\"barrier_eV\": ").append(String.format(Locale.ROOT, "%.5f", p.barrierEv()))
                    .append(", \"converged\": ").append(p.converged()).append(", \"steps\": ").append(p.steps()).append(", \"profile\": [");
            for (int i = 0; i < p.energyEv().length; i++) {
                sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "{\"path_A\": %.5f, \"energy_eV\": %.6f}", p.distanceA()[i], p.energyEv()[i]));
            }
            System.out.println(sb.append("]}"));
        } else {
            System.out.printf(Locale.ROOT, "barrier %.4f eV (%s after %d band steps); profile in %s%n", p.barrierEv(),
                    p.converged() ? "converged" : "NOT converged", p.steps(), output.resolve("profile.csv"));
        }
        return 0;
    }

    static void writeProfile(Path dir, Cp2kJobs.NebProfile p) throws IOException {
        AtomicFile.writeText(dir.resolve("profile.csv"), w -> {
            w.write("replica,path_A,energy_eV\n");
            for (int i = 0; i < p.energyEv().length; i++) {
                w.write(String.format(Locale.ROOT, "%d,%.6f,%.6f%n", i, p.distanceA()[i], p.energyEv()[i]));
            }
        });
        XYChart c = new XYChartBuilder().width(640).height(440).title("NEB energy profile").xAxisTitle("path length (Å)")
                .yAxisTitle("E − E(initial) (eV)").build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setLegendVisible(false);
        c.addSeries("CI-NEB", p.distanceA(), p.energyEv()).setMarker(SeriesMarkers.CIRCLE);
        Plots.savePngAndSvg(c, dir.resolve("profile"));
    }
}
