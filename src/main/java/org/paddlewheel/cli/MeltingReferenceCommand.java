package org.paddlewheel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.paddlewheel.io.AtomicFile;
import org.paddlewheel.model.InputException;
import org.paddlewheel.report.MeltingCombination;
import org.paddlewheel.report.ReferenceMeltingReport;
import org.paddlewheel.study.LatentHeat;
import org.paddlewheel.study.ReferenceMeltingPoint;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paddlewheel melting-reference}: the melting point the reference method (the DFT a model was fitted to) would
 * give, from the model's melting point, its latent heat and the reference's labels of the model's own liquid and
 * crystal ({@link ReferenceMeltingPoint}; frames from {@code dft compare --frames-csv}, latent heat given or measured
 * from two bulk {@code md} runs, {@link LatentHeat}).
 */
@Command(name = "melting-reference", mixinStandardHelpOptions = true,
        description = "Melting point of the reference method (e.g. PBE) from the model's, by thermodynamic perturbation: needs the"
                + " reference's labels of the model's liquid and crystal (dft compare --frames-csv) and the model's latent heat.")
public final class MeltingReferenceCommand implements Callable<Integer> {
    @Option(names = "--frames", required = true, paramLabel = "CSV", description = "Per-frame energies: the file `dft compare --frames-csv` writes.")
    Path frames;
    @Option(names = "--liquid", required = true, split = ",", paramLabel = "GLOB", description = "config_type glob(s) of the model's liquid frames, e.g. 'liquid-x1-550K*'.")
    List<String> liquid;
    @Option(names = "--crystal", required = true, split = ",", paramLabel = "GLOB", description = "config_type glob(s) of the model's crystal frames at a nearby temperature, same composition.")
    List<String> crystal;
    @Option(names = "--liquid-spread", split = ",", paramLabel = "GLOB", description = "config_type glob(s) of other frames of the same liquid"
            + " (other samplers, seeds): their scatter (each config_type centred on its own mean) joins the own frames' in Var(e), the"
            + " second-order term, and their mean is checked against the own frames' (the own ensemble sits β N Var(e) higher).")
    List<String> liquidSpread = List.of();
    @Option(names = "--crystal-spread", split = ",", paramLabel = "GLOB", description = "config_type glob(s) of other frames of the same crystal"
            + " (other samplers, seeds, nearby states): pooled into the crystal's Var(e) as --liquid-spread is into the liquid's.")
    List<String> crystalSpread = List.of();
    @ArgGroup(exclusive = true, multiplicity = "1")
    Melting melting;
    @ArgGroup(exclusive = false, multiplicity = "1")
    Heat heat;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the JSON result here (atomically).")
    Path out;
    @Option(names = "--plot", paramLabel = "BASE", description = "Also draw ΔG_m(T) of the model and the reference: BASE.png and BASE.svg.")
    Path plot;
    @Option(names = "--measured-melting-point", converter = Converters.TemperatureK.class, paramLabel = "T",
            description = "Measured melting point drawn on --plot (default: the melting.json's measured_K, if any).")
    Double measuredK;
    @Option(names = "--json", description = "Print the JSON result on stdout.")
    boolean json;
    @Mixin
    QuietOption quiet;

    static final class Melting {
        @Option(names = "--melting", paramLabel = "FILE", description = "The model's melting.json (melting or melting-combine; .gz or its folder): T_m is its bracket's middle.")
        Path file;
        @Option(names = "--model-melting-point", converter = Converters.TemperatureK.class, paramLabel = "T", description = "The model's T_m, e.g. 525K.")
        Double kelvin;
    }

    static final class Heat {
        @Option(names = "--latent-heat", converter = Converters.EnergyEv.class, paramLabel = "E", description = "The model's latent heat per atom, e.g. 23.5meV.")
        Double ev;
        @Option(names = "--liquid-run", paramLabel = "DIR", description = "Or measure it: a bulk liquid md run (NPT at T_m) ...")
        Path liquidRun;
        @Option(names = "--crystal-run", paramLabel = "DIR", description = "... and a bulk crystal md run at the same temperature and pressure.")
        Path crystalRun;
        @Option(names = "--skip", converter = Converters.TimeFs.class, paramLabel = "TIME", description = "With the runs: samples before this time are not used (default: each run's first half).")
        Double skipFs;
    }

    @Override
    public Integer call() throws Exception {
        double tm;
        double[] bracket;
        String meltingSource;
        if (melting.file != null) {
            Path p = Files.isDirectory(melting.file) ? melting.file.resolve("melting.json") : melting.file;
            JsonNode b = MeltingCombination.read(p).get("bracket_K");
            if (b == null || !b.isArray() || b.size() != 2 || !b.get(0).isNumber() || !b.get(1).isNumber()) {
                throw new InputException(p.toString(), 0, "expected a bracket_K [low, high] (a melting.json whose runs bracket T_m)");
            }
            bracket = new double[] {b.get(0).asDouble(), b.get(1).asDouble()};
            JsonNode m = MeltingCombination.read(p).get("measured_K");
            if (measuredK == null && m != null && m.isNumber()) measuredK = m.asDouble();
            tm = 0.5 * (bracket[0] + bracket[1]);
            meltingSource = p.toString();
        } else {
            tm = melting.kelvin;
            bracket = new double[] {tm, tm};
            meltingSource = "--model-melting-point";
        }
        double dh, dhSigma;
        LatentHeat.Result measured = null;
        if (heat.ev != null) {
            if (heat.liquidRun != null || heat.crystalRun != null) throw new InputException("give --latent-heat or --liquid-run with --crystal-run, not both");
            dh = heat.ev;
            dhSigma = 0;
        } else {
            if (heat.liquidRun == null || heat.crystalRun == null) throw new InputException("--liquid-run and --crystal-run go together (or give --latent-heat)");
            measured = LatentHeat.fromRuns(heat.liquidRun, heat.crystalRun, heat.skipFs == null ? Double.NaN : heat.skipFs / 1000);
            double tl = measured.liquid().temperatureK(), tc = measured.crystal().temperatureK();
            if (Math.abs(tl - tc) > 0.03 * Math.max(tl, tc)) {
                throw new InputException(heat.liquidRun.toString(), 0, String.format(Locale.ROOT,
                        "mean temperature %.0f K against the crystal run's %.0f K: the two runs must share one temperature (within 3 %%)", tl, tc));
            }
            dh = measured.latentHeatEvPerAtom();
            dhSigma = measured.sigma();
            if (!(dh > 0)) throw new InputException(heat.liquidRun.toString(), 0, String.format(Locale.ROOT,
                    "liquid enthalpy %.2f meV/atom below the crystal's: is the liquid run a liquid and the crystal run a crystal?", -1e3 * dh));
        }
        List<String> all = new ArrayList<>(liquid);
        all.addAll(crystal);
        all.addAll(liquidSpread);
        all.addAll(crystalSpread);
        var rows = readFrames(matchers(all));
        ReferenceMeltingPoint.Frames l = join(select(rows, liquid, List.of(), "--liquid")), c = join(select(rows, crystal, List.of(), "--crystal"));
        List<ReferenceMeltingPoint.Frames> ls = liquidSpread.isEmpty() ? List.of() : select(rows, liquidSpread, liquid, "--liquid-spread");
        List<ReferenceMeltingPoint.Frames> cs = crystalSpread.isEmpty() ? List.of() : select(rows, crystalSpread, crystal, "--crystal-spread");
        ReferenceMeltingPoint.Result r;
        try {
            r = ReferenceMeltingPoint.estimate(tm, bracket, dh, dhSigma, l, ls, c, cs);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        ObjectNode doc = ReferenceMeltingReport.json(r, meltingSource, measured, frames.toString(), liquid, liquidSpread, crystal, crystalSpread);
        if (out != null) AtomicFile.writeText(out, w -> w.write(Json.MAPPER.writeValueAsString(doc) + "\n"));
        if (plot != null) ReferenceMeltingReport.figure(r, measuredK == null ? Double.NaN : measuredK, plot);
        if (!quiet.quiet) summary(r);
        if (json) Json.print(doc);
        return 0;
    }

    /**
     * The frames CSV's rows whose config_type one of {@code wanted} matches, by config_type in file order: e = dft − model per
     * atom, and the atom count (other rows are not parsed: a CSV may hold frames without energies in other groups).
     */
    private java.util.LinkedHashMap<String, List<double[]>> readFrames(List<PathMatcher> wanted) throws IOException {
        var rows = new java.util.LinkedHashMap<String, List<double[]>>();
        if (!Files.isRegularFile(frames)) throw new InputException(frames.toString(), 0, "no such file (write it with dft compare --frames-csv)");
        try (Reader in = Files.newBufferedReader(frames)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            for (String col : List.of("config_type", "atoms", "dft_energy_eV_per_atom", "model_energy_eV_per_atom")) {
                if (!parser.getHeaderMap().containsKey(col)) throw new InputException(frames.toString(), 1, "expected a " + col + " column (dft compare --frames-csv)");
            }
            for (CSVRecord rec : parser) {
                String type = rec.get("config_type");
                if (type.isEmpty() || wanted.stream().noneMatch(x -> x.matches(Path.of(type)))) continue;
                try {
                    double e = Double.parseDouble(rec.get("dft_energy_eV_per_atom")) - Double.parseDouble(rec.get("model_energy_eV_per_atom"));
                    rows.computeIfAbsent(type, k -> new ArrayList<>()).add(new double[] {e, Integer.parseInt(rec.get("atoms"))});
                } catch (NumberFormatException ex) {
                    throw new InputException(frames.toString(), (int) rec.getRecordNumber() + 1, "expected numbers for atoms and both energies");
                }
            }
        }
        return rows;
    }

    /**
     * The frames whose config_type matches one of the globs, one group per config_type; a config_type that also matches
     * one of {@code exclusive} (the phase's own globs, for a spread option) is refused, as it would count twice.
     */
    private List<ReferenceMeltingPoint.Frames> select(java.util.Map<String, List<double[]>> rows, List<String> globs, List<String> exclusive,
                                                      String option) {
        List<PathMatcher> m = matchers(globs), own = matchers(exclusive);
        List<ReferenceMeltingPoint.Frames> groups = new ArrayList<>();
        for (var e : rows.entrySet()) {
            Path type = Path.of(e.getKey());
            if (m.stream().noneMatch(x -> x.matches(type))) continue;
            if (own.stream().anyMatch(x -> x.matches(type))) {
                throw new InputException(frames.toString(), 0, option + " " + String.join(",", globs) + " matches config_type " + e.getKey()
                        + ", which the phase's own frames hold already");
            }
            List<double[]> r = e.getValue();
            groups.add(new ReferenceMeltingPoint.Frames(r.stream().mapToDouble(x -> x[0]).toArray(), r.stream().mapToInt(x -> (int) x[1]).toArray()));
        }
        if (groups.isEmpty()) throw new InputException(frames.toString(), 0, option + " " + String.join(",", globs) + " matches no config_type");
        return groups;
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> m = new ArrayList<>();
        for (String g : globs) m.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
        return m;
    }

    /** The groups as one phase's frames. */
    private static ReferenceMeltingPoint.Frames join(List<ReferenceMeltingPoint.Frames> groups) {
        return new ReferenceMeltingPoint.Frames(groups.stream().flatMapToDouble(g -> java.util.Arrays.stream(g.offsetsEvPerAtom())).toArray(),
                groups.stream().flatMapToInt(g -> java.util.Arrays.stream(g.atoms())).toArray());
    }

    private static void summary(ReferenceMeltingPoint.Result r) {
        System.err.printf(Locale.ROOT, "model: T_m %.0f K (bracket %.0f-%.0f K), latent heat %.2f ± %.2f meV/atom%n", r.modelMeltingK(),
                r.modelBracketK()[0], r.modelBracketK()[1], 1e3 * r.latentHeatEvPerAtom(), 1e3 * r.latentHeatSigma());
        System.err.printf(Locale.ROOT, "reference - model, per atom: liquid %+.2f meV (%d frames, %.1f kT), crystal %+.2f meV (%d frames, %.1f kT)%n",
                1e3 * r.liquid().meanEvPerAtom(), r.liquid().frames(), r.liquid().fluctuationKt(),
                1e3 * r.crystal().meanEvPerAtom(), r.crystal().frames(), r.crystal().fluctuationKt());
        for (var p : List.of(java.util.Map.entry("liquid", r.liquid()), java.util.Map.entry("crystal", r.crystal()))) {
            ReferenceMeltingPoint.Shift s = p.getValue();
            if (s.spreadFrames() > 0) System.err.printf(Locale.ROOT, "%s: sd(e) %.2f meV/atom over %d frames; own frames %+.2f ± %.2f meV/atom from the spread's,"
                    + " expected β N Var(e) = %.2f%n", p.getKey(), 1e3 * s.sdEvPerAtom(), s.varianceFrames(), 1e3 * s.samplingShiftObservedEvPerAtom(),
                    1e3 * s.samplingShiftSigmaEvPerAtom(), 1e3 * s.samplingShiftExpectedEvPerAtom());
        }
        System.err.printf(Locale.ROOT, "shift of the liquid against the crystal: %+.2f ± %.2f meV/atom (first order), %+.2f (second order)%n",
                1e3 * r.firstOrderEvPerAtom(), 1e3 * r.firstOrderSigma(), 1e3 * r.secondOrderEvPerAtom());
        System.err.printf(Locale.ROOT, "reference T_m: %.0f ± %.0f K first order (over the model's bracket %.0f-%.0f K), %.0f K second order%n",
                r.referenceMeltingK(), r.referenceSigmaK(), r.referenceBracketK()[0], r.referenceBracketK()[1], r.referenceSecondOrderK());
        for (String n : r.notes()) System.err.println("note: " + n);
    }
}
