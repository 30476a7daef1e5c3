package org.paddlewheel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.md.Ensemble;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Structure;
import org.paddlewheel.report.MeltingReport;
import org.paddlewheel.study.MeltingProtocol;
import org.paddlewheel.study.MeltingResult;
import org.paddlewheel.study.TwoPhaseMelting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paddlewheel melting}: brackets the melting point of a crystal by two-phase (solid | liquid)
 * runs of the embedded engine ({@link TwoPhaseMelting}), one per target temperature, and writes
 * {@code melting.json} and {@code solid-fraction.png|svg} into {@code -o DIR} beside the measured
 * 492 K of Na2(NH2)(BH4). Every option is checked before anything is written.
 */
@Command(name = "melting", mixinStandardHelpOptions = true,
        description = "Two-phase (solid | liquid) runs at each temperature: does the solid grow or melt? Writes melting.json and solid-fraction.png/svg into -o DIR.")
public final class MeltingCommand implements Callable<Integer> {
    @Mixin
    MdCampaignOptions md;
    @Option(names = "--melt-temperature", defaultValue = "2500K", converter = Converters.TemperatureK.class,
            description = "Temperature that melts the upper half; far above T_m, since a crystal superheats (900-1600 K left the na-amide-borohydride anion sublattice ordered) (default ${DEFAULT-VALUE}).")
    double meltK;
    @Option(names = "--melt-time", defaultValue = "3ps", converter = Converters.TimeFs.class, description = "Time at --melt-temperature (default ${DEFAULT-VALUE}).")
    double meltFs;
    /**
     * The crystal stage's default: with 2 ps (the shared default until session 32) the solid half of a 3x3x6 x = 1 cell kept a
     * cross-section ~2 % narrower than its crystal's and the bracket came out [400, 600] K; 12 ps gave [500, 550] K (docs/melting.md).
     */
    static final double DEFAULT_EQUILIBRATION_FS = 12_000;
    @Option(names = "--quench-time", defaultValue = "0.5ps", converter = Converters.TimeFs.class, description = "Time bringing the liquid half to the target temperature, lower half still frozen (default ${DEFAULT-VALUE}).")
    double quenchFs;
    @Option(names = "--sample-every", defaultValue = "50fs", converter = Converters.TimeFs.class, description = "Order-parameter sampling (trajectory) interval (default ${DEFAULT-VALUE}).")
    double sampleFs;
    @Option(names = "--ensemble", defaultValue = "npt", description = "npt (isotropic stochastic cell rescaling), npt-c (only c rescaled, against the stress normal to the interface; the cross-section keeps the crystal's lattice) or nvt, for the crystal and the released run (default ${DEFAULT-VALUE}).")
    String ensemble;
    @Option(names = "--melt-ensemble", defaultValue = "nvt", description = "nvt, npt or npt-c while the upper half melts (nvt: nothing boils, the frozen half keeps its lattice) (default ${DEFAULT-VALUE}).")
    String meltEnsemble;
    @Option(names = "--pressure", defaultValue = "0GPa", converter = Converters.PressureGPa.class, description = "Target pressure for npt (default ${DEFAULT-VALUE}).")
    double pressureGPa;
    @Option(names = "--friction", defaultValue = "10", description = "Langevin friction, 1/ps (default ${DEFAULT-VALUE}).")
    double friction;
    @Option(names = "--compressibility", defaultValue = "0.05", description = "Barostat compressibility, 1/GPa (default ${DEFAULT-VALUE}).")
    double compressibility;
    @Option(names = "--barostat-time", defaultValue = "1ps", converter = Converters.TimeFs.class, description = "Barostat relaxation time τ_p (default ${DEFAULT-VALUE}).")
    double tauFs;
    @Option(names = "--sublattice", split = ",", description = "Species, element or molecule kind whose sites define the order parameter (default: all molecule centres, e.g. NH2,BH4).")
    List<String> sublattice = new ArrayList<>();
    @Option(names = "--slabs", defaultValue = "0", description = "Slabs along c (0: whole lattice planes, ≥ 8 sites each) (default ${DEFAULT-VALUE}).")
    int slabs;
    @Option(names = {"-o", "--output"}, required = true, description = "Output directory (an existing run there is refused unless --resume or --force).")
    Path out;
    @Option(names = "--resume", description = "Continue the run in -o DIR from its checkpoints (same options and threads); a longer --time lengthens "
            + "the released runs, which continue bit for bit as if run that long at once.")
    boolean resume;
    @Option(names = "--force", description = "Start afresh in -o DIR even if it holds a run.")
    boolean force;
    @Option(names = "--json", description = "Also print melting.json on stdout.")
    boolean json;
    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws Exception {
        Ensemble ens = parseEnsemble("--ensemble", ensemble), meltEns = parseEnsemble("--melt-ensemble", meltEnsemble);
        md.temperaturesK();
        MeltingProtocol p = new MeltingProtocol(md.temperatures, meltK, md.equilibrationFs(DEFAULT_EQUILIBRATION_FS), meltFs, quenchFs, md.timeFs, md.dtFs, sampleFs,
                ens, meltEns, friction, pressureGPa, compressibility, tauFs, md.seed, md.threads, md.kspace, sublattice, slabs);
        if (!(compressibility >= 0)) throw new InputException("--compressibility must be >= 0 /GPa, got " + compressibility);
        if (!(tauFs > 0)) throw new InputException("--barostat-time must be positive");
        Structure s = md.structure();
        ForceField field = md.forceField();
        TwoPhaseMelting m = new TwoPhaseMelting(s, field, p);
        if (!resume && !force && holdsRun(out, p)) {
            throw new InputException(out.toString(), 0, "holds a melting run; --resume continues it, --force starts afresh over it");
        }
        if (field.provisional() && !quiet.quiet) System.err.println("note: force field " + field.name() + " is PROVISIONAL");
        if (!quiet.quiet) {
            System.err.printf(Locale.ROOT, "melting: %d atoms, order parameter on %s, %d slabs (%.1f sites each), k = %s (supercell hkl); %s%n",
                    s.size(), String.join(",", m.sublattice()), m.order().slabCount(),
                    m.order().sitesPerSlab(), m.order().millerIndices().stream().map(java.util.Arrays::toString).toList(), out);
        }
        MeltingResult r;
        if (quiet.quiet) {
            r = m.run(out, resume, null);
        } else {
            try (ProgressBar pb = ProgressBars.builder("melting", System.err).setInitialMax(p.totalSteps()).setUpdateIntervalMillis(500).build()) {
                r = m.run(out, resume, (stage, done, total) -> {
                    pb.stepTo(done);
                    pb.setExtraMessage(stage);
                });
            }
        }
        var doc = MeltingReport.json(r, p, field.name(), md.input().toString());
        MeltingReport.write(out, doc, r);
        if (!quiet.quiet) {
            for (MeltingResult.Run run : r.runs()) {
                System.err.printf(Locale.ROOT, "  %-8s solid fraction %.2f -> %.2f (sigma %.2f): %s%s%n", MeltingProtocol.folder(run.temperatureK()),
                        run.judgement().start(), run.judgement().end(), run.judgement().sigma(), run.judgement().verdict().text(),
                        run.note().isEmpty() ? "" : " (" + run.note() + ")");
            }
            System.err.printf(Locale.ROOT, "bracket: %s; measured %.0f K (%s)%n", r.bracket().bracketed()
                    ? String.format(Locale.ROOT, "[%.0f, %.0f] K", r.bracket().lowK(), r.bracket().highK()) : "none (" + r.bracket().reason() + ")",
                    MeltingResult.MEASURED_K, MeltingResult.MEASURED_SOURCE);
            System.err.println("wrote " + out.resolve("melting.json") + ", " + out.resolve("solid-fraction.png") + " and .svg");
        }
        if (json) Json.print(doc);
        return 0;
    }

    private static Ensemble parseEnsemble(String option, String value) {
        Ensemble e;
        try {
            e = Ensemble.parse(value);
        } catch (IllegalArgumentException ex) {
            e = null;
        }
        if (e == null || e == Ensemble.NVE) throw new InputException(option + " must be npt, npt-c or nvt, got '" + value + "'");
        return e;
    }

    /** True when {@code dir} holds melting.json or a stage folder of one of the temperatures. */
    private static boolean holdsRun(Path dir, MeltingProtocol p) {
        if (Files.exists(dir.resolve("melting.json"))) return true;
        for (double t : p.temperaturesK()) if (Files.exists(dir.resolve(MeltingProtocol.folder(t)))) return true;
        return false;
    }
}
