package org.paddlewheel.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.md.Ensemble;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Structure;
import org.paddlewheel.report.ReorientationReport;
import org.paddlewheel.study.ReorientationArrhenius;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paddlewheel reorientation FILE --ff MODEL --temperatures 300K,400K,500K --time 20ps -o DIR}:
 * the activation energy of tetrahedral-anion (BH4⁻) reorientation from embedded MD at several
 * temperatures, jump counting and a weighted Arrhenius fit, beside the QENS values for NaBH4
 * ({@link ReorientationArrhenius}); writes {@code DIR/reorientation.json}, {@code DIR/arrhenius.png|svg}
 * and one MD folder per temperature under {@code DIR/runs/}. The structure is a positional argument;
 * the model and run options come from {@link MdCampaignOptions}, shared with {@code melting}.
 */
@Command(name = "reorientation", mixinStandardHelpOptions = true,
        description = {"BH4 reorientation activation energy from MD: runs the cell at each temperature, counts jumps between",
            "<111> orientations, fits k(T) = A exp(-Ea/kT) and compares with QENS (NaBH4: 0.114-0.124 eV, 0.117 eV)."})
public final class ReorientationCommand implements Callable<Integer> {
    @Mixin
    MdCampaignOptions md;
    @Option(names = "--every", defaultValue = "20fs", converter = Converters.TimeFs.class,
            description = "Frame interval of the jump count (default ${DEFAULT-VALUE}; ≲ 50 fs so no jump and return fall between frames).")
    double everyFs;
    @Option(names = "--ensemble", defaultValue = "nvt", description = "nvt (the cell as given) or npt (default ${DEFAULT-VALUE}).")
    String ensemble;
    @Option(names = "--friction", defaultValue = "1", description = "Langevin friction, 1/ps (default ${DEFAULT-VALUE}: weak, to perturb librations little).")
    double friction;
    @Option(names = "--pressure", defaultValue = "0GPa", converter = Converters.PressureGPa.class, description = "Pressure for npt (default ${DEFAULT-VALUE}).")
    double pressureGPa;
    @Option(names = "--cone", defaultValue = "30", description = "Cone half-angle around a <111> corner inside which an H counts as on it, degrees (< 35.3; default ${DEFAULT-VALUE}).")
    double coneDeg;
    @Option(names = "--min-jumps", defaultValue = "10", description = "Fewest jumps for a temperature's rate to enter the fit (default ${DEFAULT-VALUE}).")
    int minJumps;
    @Option(names = "--anion", defaultValue = "BH4", description = "Tetrahedral anion followed (default ${DEFAULT-VALUE}).")
    String anion;
    @Option(names = {"-o", "--output"}, required = true, description = "Output directory (reorientation.json, arrhenius.png/.svg, runs/).")
    Path out;
    @Option(names = "--reanalyse", description = "Run no MD: count the jumps of the trajectories already in DIR/runs/ again (e.g. with another --cone or --min-jumps).")
    boolean reanalyse;
    @Option(names = "--json", description = "Also print reorientation.json on stdout.")
    boolean json;
    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws Exception {
        Ensemble ens;
        try {
            ens = Ensemble.parse(ensemble);
        } catch (IllegalArgumentException e) {
            throw new InputException("--ensemble must be nvt or npt, got '" + ensemble + "'");
        }
        double[] temps = md.temperaturesK();
        var st = new ReorientationArrhenius.Settings(temps, md.timeFs, md.equilibrationFs(2000), md.dtFs, everyFs, ens, friction, pressureGPa, md.seed, md.threads,
                md.kspace, coneDeg, minJumps, anion);
        Structure s = md.structure();
        ForceField field = md.forceField();
        ReorientationArrhenius.check(s, field, st);   // everything that can fail on input, before any file is written
        if (field.provisional() && !quiet.quiet) System.err.println("note: force field " + field.name() + " is PROVISIONAL");
        ReorientationArrhenius.Result r;
        if (quiet.quiet || reanalyse) {
            r = ReorientationArrhenius.run(s, field, st, out, null, reanalyse);
        } else {
            try (ProgressBar pb = ProgressBars.builder("reorientation", System.err).setInitialMax(st.totalSteps())
                    .setUpdateIntervalMillis(500).build()) {
                r = ReorientationArrhenius.run(s, field, st, out, (done, total, t) -> {
                    pb.stepTo(done);
                    if (done % 200 == 0) pb.setExtraMessage(ReorientationArrhenius.label(t));
                });
            }
        }
        ReorientationReport.write(r, md.ff, out);
        if (json) {
            Json.print(ReorientationReport.json(r, md.ff));
        } else {
            for (ReorientationArrhenius.Run run : r.runs()) {
                var k = run.rate();
                System.out.printf(Locale.ROOT, "%7.1f K  %5d jumps  k = %s  %s%n", run.temperatureK(), k.jumps(),
                        k.jumps() == 0 ? String.format(Locale.ROOT, "< %.3g /ps", k.upper95PerPs())
                                : String.format(Locale.ROOT, "%.4g ± %.2g /ps (τ %.3g ps)", k.ratePerPs(), k.sigmaPerPs(), k.residenceTimePs()),
                        run.flag() == null ? "" : "[" + run.flag() + "]");
            }
            if (r.fit() != null) {
                System.out.printf(Locale.ROOT, "Ea = %.4f ± %.4f eV (%d temperatures); QENS NaBH4: 0.114-0.124 eV (Verdal 2015), 0.117 eV (Remhof)%n",
                        r.fit().activationEnergyEv(), r.fit().activationEnergyErrorEv(), r.fit().points());
            }
            if (r.fitNote() != null) System.out.println("note: " + r.fitNote());
            System.out.println("wrote " + out.resolve("reorientation.json") + ", " + out.resolve("arrhenius.png") + " (.svg)");
        }
        return 0;
    }
}
