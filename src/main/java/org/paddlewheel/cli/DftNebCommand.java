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
        if (a.size() == b.size()) describePath(a, b);
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

    /**
     * Prints on stderr how far the atoms travel between the end points (at the images nearest the initial atoms, as
     * the band is written), the largest three; warns when more than two atoms travel over 2 Å, the sign of end points
     * whose atoms are not in the same order (a vacancy hop moves one atom ~3 Å and the rest well under 1 Å).
     */
    static void describePath(Structure a, Structure b) {
        Structure u = org.paddlewheel.cp2k.Cp2kMotion.unwrappedTowards(b, a);
        Integer[] order = new Integer[a.size()];
        double[] d = new double[a.size()];
        for (int i = 0; i < a.size(); i++) {
            order[i] = i;
            double dx = u.x(i, 0) - a.x(i, 0), dy = u.x(i, 1) - a.x(i, 1), dz = u.x(i, 2) - a.x(i, 2);
            d[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(d[j], d[i]));
        StringBuilder sb = new StringBuilder("dft neb: end points: largest moves");
        for (int k = 0; k < Math.min(3, order.length); k++) {
            sb.append(k == 0 ? " " : ", ").append(String.format(Locale.ROOT, "atom %d (%s) %.2f Å", order[k] + 1, a.species(order[k]).symbol(), d[order[k]]));
        }
        System.err.println(sb);
        long far = java.util.Arrays.stream(d).filter(x -> x > 2.0).count();
        if (far > 2) System.err.println("dft neb: warning: " + far + " atoms move more than 2 Å between the end points; are INITIAL and FINAL in the same atom order?");
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
