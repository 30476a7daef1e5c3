package org.paddlewheel.report;

import static org.paddlewheel.report.JsonNumbers.putFinite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paddlewheel.io.AtomicFile;
import org.paddlewheel.study.MeltingProtocol;
import org.paddlewheel.study.MeltingResult;

/**
 * Renders a two-phase melting run ({@link MeltingResult}): {@code melting.json} — the bracket
 * ({@code bracket_K}: [low, high] K or null, {@code bracket_reason}), the measured melting point of
 * Na2(NH2)(BH4) ({@code measured_K}, {@code measured_source}) and what the paper's 500 and 700 K AIMD
 * compare ({@code measured_note}), the order parameter's definition ({@code order_parameter}), the
 * protocol, and per temperature {@code runs[]} with {@code temperature_K},
 * {@code solid_fraction_start}, {@code solid_fraction_end}, {@code solid_fraction_sigma},
 * {@code verdict}, the crystal and liquid levels, the threshold, whether the crystal stage reached its volume
 * ({@code crystal_volume_drift} ± {@code crystal_volume_drift_sigma}) and the series (φ and the per-slab
 * order parameter {@code order_per_slab[sample][slab]}, slab 0 the first frozen one) — and the figure
 * {@code solid-fraction.png}/{@code .svg} (solid fraction against time after release, one line per
 * temperature). Files are written atomically.
 */
public final class MeltingReport {
    private MeltingReport() {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the paper's AIMD temperatures compare, given the measured melting point. */
    public static final String MEASURED_NOTE = "The paper's AIMD runs at 500 and 700 K lie above the measured melting point (492 K):"
            + " a small periodic cell with no free surface superheats, so over picoseconds they sample a metastable, superheated"
            + " cubic crystal, not the equilibrium state at those temperatures (the liquid); the study compares that superheated"
            + " crystal's transport and rotation, not the conductor below 492 K.";

    /** The JSON document. */
    public static ObjectNode json(MeltingResult r, MeltingProtocol p, String forceField, String input) {
        ObjectNode root = JSON.createObjectNode();
        if (r.bracket().bracketed()) {
            root.putArray("bracket_K").add(r.bracket().lowK()).add(r.bracket().highK());
        } else {
            root.putNull("bracket_K");
        }
        root.put("bracket_reason", r.bracket().reason());
        root.put("measured_K", MeltingResult.MEASURED_K);
        root.put("measured_source", MeltingResult.MEASURED_SOURCE);
        root.put("measured_note", MEASURED_NOTE);
        root.put("input", input);
        root.put("force_field", forceField);
        ObjectNode op = root.putObject("order_parameter");
        op.put("definition", "per-slab |S(k)| = |(1/N_s) sum_j exp(i k.r_j)| of the sublattice sites, averaged over the k listed;"
                + " a slab is solid above threshold = (crystal_level + liquid_level)/2");
        ArrayNode sub = op.putArray("sublattice");
        r.sublattice().forEach(sub::add);
        ArrayNode mi = op.putArray("miller_supercell");
        for (int[] m : r.miller()) mi.addArray().add(m[0]).add(m[1]).add(m[2]);
        op.put("slabs", r.slabs());
        op.put("frozen_slabs", r.frozenSlabs());
        op.put("sites_per_slab", r.sitesPerSlab());
        op.put("random_level", org.paddlewheel.study.SlabOrder.randomLevel(r.sitesPerSlab()));
        ObjectNode pr = root.putObject("protocol");
        pr.put("melt_temperature_K", p.meltTemperatureK());
        pr.put("equilibrate_ps", p.equilibrateFs() * 1e-3);
        pr.put("melt_ps", p.meltFs() * 1e-3);
        pr.put("quench_ps", p.quenchFs() * 1e-3);
        pr.put("time_ps", p.productionFs() * 1e-3);
        pr.put("timestep_fs", p.timestepFs());
        pr.put("sample_every_fs", p.sampleEveryFs());
        pr.put("ensemble", p.ensemble().cliName());
        pr.put("melt_ensemble", p.meltEnsemble().cliName());
        pr.put("barostat", p.ensemble() == org.paddlewheel.md.Ensemble.NPT_C || p.meltEnsemble() == org.paddlewheel.md.Ensemble.NPT_C
                ? "stochastic cell rescaling of the c axis only, against the normal stress (cross-section fixed at the crystal stage's, which runs isotropic)"
                : p.ensemble().barostat() || p.meltEnsemble().barostat() ? "isotropic stochastic cell rescaling (cell shape fixed)" : "none");
        pr.put("pressure_GPa", p.pressureGPa());
        pr.put("friction_per_ps", p.frictionPerPs());
        pr.put("seed", p.seed());
        pr.put("threads", p.threads());
        ArrayNode runs = root.putArray("runs");
        for (MeltingResult.Run run : r.runs()) {
            ObjectNode o = runs.addObject();
            o.put("temperature_K", run.temperatureK());
            o.put("solid_fraction_start", run.judgement().start());
            o.put("solid_fraction_end", run.judgement().end());
            o.put("solid_fraction_sigma", run.judgement().sigma());
            o.put("smallest_change", run.judgement().smallestChange());
            o.put("verdict", run.judgement().verdict().text());
            o.put("upper_half_molten", run.molten());
            o.put("crystal_level", run.crystalLevel());
            o.put("liquid_level", run.liquidLevel());
            o.put("threshold", run.threshold());
            o.put("volume_change", run.volumeChange());
            putFinite(o, "molten_half_rms_displacement_A", run.moltenRmsA());
            putFinite(o, "crystal_half_rms_displacement_A", run.crystalRmsA());
            o.put("site_spacing_A", run.siteSpacingA());
            o.put("low_density_gap_A", run.gapA());
            putFinite(o, "crystal_volume_drift", run.crystalDrift().change());
            putFinite(o, "crystal_volume_drift_sigma", run.crystalDrift().sigma());
            o.put("note", run.note());
            ArrayNode t = o.putArray("times_ps"), f = o.putArray("solid_fraction"), psi = o.putArray("order_per_slab");
            for (int k = 0; k < run.timesPs().length; k++) {
                t.add(Math.round(run.timesPs()[k] * 1e6) / 1e6);
                f.add(run.solidFraction()[k]);
                ArrayNode row = psi.addArray();
                for (double v : run.orderPerSlab()[k]) {
                    if (Double.isNaN(v)) row.addNull(); else row.add(Math.round(v * 1e4) / 1e4);
                }
            }
        }
        return root;
    }

    /** A number, or null where it is not defined (a half without sites). */

    /** Writes {@code dir/melting.json} and {@code dir/solid-fraction.png|svg}. */
    public static void write(Path dir, ObjectNode json, MeltingResult r) throws IOException {
        figure(r, dir.resolve("solid-fraction"));
        AtomicFile.writeText(dir.resolve("melting.json"), w -> w.write(JSON.writeValueAsString(json) + "\n"));
    }

    /** Solid fraction against time after release, one line per temperature. */
    static void figure(MeltingResult r, Path base) throws IOException {
        java.util.List<String> labels = new java.util.ArrayList<>();
        java.util.List<double[]> times = new java.util.ArrayList<>(), phi = new java.util.ArrayList<>();
        for (MeltingResult.Run run : r.runs()) {
            labels.add(MeltingProtocol.folder(run.temperatureK()) + ": " + run.judgement().verdict().text());
            times.add(run.timesPs());
            phi.add(run.solidFraction());
        }
        figure("Two-phase runs: solid fraction after release", labels, times, phi, base);
    }

    /** Solid fraction against time after release, one labelled line per run (shared with {@link MeltingCombination}). */
    static void figure(String title, java.util.List<String> labels, java.util.List<double[]> timesPs, java.util.List<double[]> solidFraction,
                       Path base) throws IOException {
        XYChart ch = ChartStyle.xy(800, 520, title, "time after release (ps)", "solid fraction");
        ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        ch.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (int n = 0; n < labels.size(); n++) {
            XYSeries s = ch.addSeries(labels.get(n), timesPs.get(n), solidFraction.get(n));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(ChartStyle.colour(n));
        }
        Plots.savePngAndSvg(ch, base);
    }
}
