package org.paddlewheel.report;

import static org.paddlewheel.report.JsonNumbers.putFinite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paddlewheel.forcefield.fit.DftComparison;

/**
 * The report of {@code paddlewheel dft compare}: {@code dft-compare.json}, {@code dft-compare.md} and plots
 * (force parity per element, the scan profiles of model and DFT). Every number stands beside the target
 * of the DFT-model issue: held-out energy ≤ 3 meV/atom, force ≤ 0.15 eV/Å per element, stress ≤ 0.3 GPa;
 * barriers within 0.03 eV of DFT; lattice parameters within 1 %. Units: eV, Å, GPa.
 */
public final class DftComparisonReport {
    /** Targets: energy eV/atom, force eV/Å, stress GPa, barrier eV, lattice relative. */
    public static final double ENERGY_TARGET = 0.003, FORCE_TARGET = 0.15, STRESS_TARGET = 0.3, BARRIER_TARGET = 0.03, LATTICE_TARGET = 0.01;

    private DftComparisonReport() {}

    /** Writes the JSON (always) and, with a folder, markdown and plots there; returns the markdown. */
    public static String write(DftComparison.Result r, Path dir) throws IOException {
        ObjectNode js = json(r);
        String md = markdown(r);
        if (dir != null) {
            Files.createDirectories(dir);
            org.paddlewheel.io.AtomicFile.writeText(dir.resolve("dft-compare.json"), w -> w.write(js.toPrettyString() + "\n"));
            org.paddlewheel.io.AtomicFile.writeText(dir.resolve("dft-compare.md"), w -> w.write(md));
            plots(r, dir);
        }
        return md;
    }

    /** The JSON report. */
    public static ObjectNode json(DftComparison.Result r) {
        ObjectNode js = new ObjectMapper().createObjectNode();
        js.put("model", r.model()).put("model_has_atom_energies", r.modelHasAtomEnergies());
        ObjectNode t = js.putObject("targets");
        t.put("energy_rmse_eV_per_atom", ENERGY_TARGET).put("force_rmse_eV_per_A", FORCE_TARGET).put("stress_rmse_GPa", STRESS_TARGET)
                .put("barrier_eV", BARRIER_TARGET).put("lattice_relative", LATTICE_TARGET);
        errors(js.putObject("all"), r.all());
        ObjectNode sets = js.putObject("sets");
        r.bySet().forEach((k, v) -> errors(sets.putObject(k), v));
        ObjectNode types = js.putObject("config_types");
        r.byConfigType().forEach((k, v) -> errors(types.putObject(k), v));
        var sa = js.putArray("scans");
        for (var s : r.scans()) {
            ObjectNode o = sa.addObject();
            o.put("config_type", s.configType()).put("dft_barrier_eV", s.dftBarrierEv()).put("model_barrier_eV", s.modelBarrierEv())
                    .put("difference_eV", s.modelBarrierEv() - s.dftBarrierEv())
                    .put("within_target", Math.abs(s.modelBarrierEv() - s.dftBarrierEv()) <= BARRIER_TARGET);
            putDoubles(o, "dft_eV", s.dftEv());
            putDoubles(o, "model_eV", s.modelEv());
            var src = o.putArray("sources");
            s.sources().forEach(src::add);
        }
        var kc = js.putArray("kpoint_checks");
        for (var k : org.paddlewheel.forcefield.fit.KpointChecks.of(r.frames())) {
            kc.addObject().put("scan", k.scan()).put("frame", k.frame()).put("dft_thin_cell_eV", k.dftThinEv()).put("dft_doubled_cell_eV", k.dftDoubledEv())
                    .put("dft_kpoint_error_eV", k.dftKpointErrorEv()).put("model_thin_cell_eV", k.modelThinEv()).put("model_doubled_cell_eV", k.modelDoubledEv())
                    .put("model_minus_dft_doubled_eV", k.modelThinEv() - k.dftDoubledEv());
        }
        var rb = js.putArray("relaxed_barriers");
        for (var b : r.relaxedBarriers()) {
            ObjectNode o = rb.addObject().put("scan", b.scan()).put("dft_barrier_eV", b.dftBarrierEv()).put("converged", b.converged()).put("note", b.note());
            putFinite(o, "model_barrier_eV", b.modelBarrierEv());
            putFinite(o, "difference_eV", b.modelBarrierEv() - b.dftBarrierEv());
            o.put("within_target", Math.abs(b.modelBarrierEv() - b.dftBarrierEv()) <= BARRIER_TARGET);
            putFinite(o, "model_start_max_shift_A", b.startShiftA());
            putFinite(o, "model_mid_max_shift_A", b.midShiftA());
            o.put("same_basin", b.sameBasin());
            putFinite(o, "held_ion_from_start_A", b.heldIonFromStartA());
            o.put("hop_measured", b.hopMeasured());
            putFinite(o, "model_at_dft_geometry_eV", b.modelAtDftGeometryEv());
            putFinite(o, "model_start_relaxation_eV", b.startRelaxationEv());
            putFinite(o, "model_mid_relaxation_eV", b.midRelaxationEv());
        }
        var om = js.putArray("own_minima");
        for (var e : r.ownMinima()) {
            om.addObject().put("piece", e.piece()).put("origin", e.origin()).put("relaxed_by", e.relaxedBy()).put("source", e.source())
                    .put("dft_above_anchor_eV", e.dftAboveAnchorEv()).put("model_above_anchor_eV", e.modelAboveAnchorEv()).put("difference_eV", e.errorEv());
        }
        var la = js.putArray("lattices");
        for (var l : r.lattices()) {
            ObjectNode row = la.addObject();
            row.put("name", l.name()).put("atoms", l.atoms()).put("dft_volume_A3", l.dftVolume()).put("model_volume_A3", l.modelVolume())
                    .put("dft_a_A", l.aDft()).put("model_a_A", l.aModel()).put("deviation", l.deviation())
                    .put("within_target", l.withinTarget(LATTICE_TARGET)).put("converged", l.converged()).put("fire_steps", l.steps())
                    .put("grid_pressure_GPa", l.gridPressureGPa());
            putFinite(row, "model_a_0GPa_A", l.aModelZeroPressure());
            if (l.hasAxes()) { // a non-cubic cell: its cell lengths, DFT and the model's with the whole cell relaxed
                putDoubles(row, "dft_cell_lengths_A", l.dftAxes());
                putDoubles(row, "model_cell_lengths_A", l.modelAxes());
                putDoubles(row, "cell_length_deviations", l.axisDeviations());
            }
        }
        return js;
    }

    /**
     * The compact summary a model JSON carries as {@code "dft_validation"} ({@code dft compare --write-validation}),
     * so that whatever shows the model's numbers (the study's caveats) can show its known failures: force RMSE
     * overall and per element (all data; and the held-out test set), the barriers of the scans and relaxed scans,
     * the 0 K lattice parameters, and which targets are missed.
     */
    public static ObjectNode validationSummary(DftComparison.Result r, String data, String date) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("data", data).put("date", date).put("configurations", r.all().configs()).put("force_components", r.all().forceComponents());
        putFinite(o, "force_rmse_eV_per_A", r.all().forceRmse());
        ObjectNode pe = o.putObject("force_rmse_per_element_eV_per_A");
        r.all().forcePerElement().forEach((k, v) -> pe.put(k, v[0]));
        DftComparison.Errors test = r.bySet().get("test");
        List<String> missed = new ArrayList<>();
        if (test != null) {
            ObjectNode t = o.putObject("test_set");
            t.put("configurations", test.configs());
            putFinite(t, "energy_rmse_eV_per_atom", test.energyRmse());
            putFinite(t, "force_rmse_eV_per_A", test.forceRmse());
            putFinite(t, "stress_rmse_GPa", test.stressRmseGPa());
            putFinite(t, "deviatoric_stress_rmse_GPa", test.deviatoricStressRmseGPa());
            stressWide(t, test);
            ObjectNode tpe = t.putObject("force_rmse_per_element_eV_per_A");
            test.forcePerElement().forEach((k, v) -> tpe.put(k, v[0]));
            test.forcePerElement().forEach((k, v) -> { if (!(v[0] <= FORCE_TARGET)) missed.add("test force " + k); });
            if (!(test.energyRmse() <= ENERGY_TARGET)) missed.add("test energy");
            // judged on the cells wide enough for a converged DFT stress (DftComparison.STRESS_MIN_WIDTH_A; all cells when none are
            // thin); with none wide but some thin, on all of them, so a missing judge never passes
            boolean wide = test.stressConfigsWide() > 0;
            double dev = wide ? test.deviatoricStressRmseWideGPa() : test.deviatoricStressRmseGPa();
            double full = wide ? test.stressRmseWideGPa() : test.stressRmseGPa();
            if (!(dev <= STRESS_TARGET)) missed.add("test stress");
            // the target is on the full stress; the deviatoric one alone hides a pressure error (a model fitted
            // with the GPW cut-off correction is judged on the corrected full stress, so both must hold)
            if (Double.isFinite(full) && !(full <= STRESS_TARGET)) missed.add("test stress full");
        } else {
            missed.add("no held-out test set");
        }
        var sa = o.putArray("scan_barriers_eV");
        for (var sc : r.scans()) {
            sa.addObject().put("scan", sc.configType()).put("dft", sc.dftBarrierEv()).put("model", sc.modelBarrierEv());
            if (!(Math.abs(sc.modelBarrierEv() - sc.dftBarrierEv()) <= BARRIER_TARGET)) missed.add(sc.configType());
        }
        var ra = o.putArray("relaxed_barriers_eV");
        for (var b : r.relaxedBarriers()) {
            ObjectNode x = ra.addObject().put("scan", b.scan()).put("dft", b.dftBarrierEv());
            putFinite(x, "model", b.modelBarrierEv());
            x.put("same_basin", b.sameBasin()).put("hop_measured", b.hopMeasured());
            // a pair whose DFT start the model leaves for another minimum, or whose plane holds the ion on its start site, tests nothing:
            // not counted as met
            if (!(Math.abs(b.modelBarrierEv() - b.dftBarrierEv()) <= BARRIER_TARGET) || !b.sameBasin() || !b.hopMeasured()) missed.add("relaxed " + b.scan());
        }
        // the models' own minima labelled by DFT: a structure some model relaxed into, which this model puts more than the barrier
        // target too low (or high) against DFT's lowest relaxed start of the same cell, is a basin it gets wrong
        var om = o.putArray("own_minima_eV");
        for (var e : r.ownMinima()) {
            om.addObject().put("piece", e.piece()).put("origin", e.origin()).put("relaxed_by", e.relaxedBy()).put("dft", e.dftAboveAnchorEv())
                    .put("model", e.modelAboveAnchorEv());
            // DFT's own relaxed starts (relaxed_by PBE) are not a model's minima: a miss there is the model's ordering of two DFT starts
            boolean dft = "PBE".equalsIgnoreCase(e.relaxedBy());
            if (!(Math.abs(e.errorEv()) <= BARRIER_TARGET)) missed.add((dft ? "DFT start " : "own minimum ") + e.piece() + " " + e.origin() + " (" + e.relaxedBy() + ")");
        }
        var la = o.putArray("lattice_0K");
        for (var l : r.lattices()) {
            ObjectNode x = la.addObject().put("name", l.name()).put("deviation", l.deviation());
            putFinite(x, "dft_a_A", l.aDft());
            putFinite(x, "model_a_A", l.aModel());
            putFinite(x, "model_a_0GPa_A", l.aModelZeroPressure());
            if (l.hasAxes()) putDoubles(x, "cell_length_deviations", l.axisDeviations());
            if (!l.withinTarget(LATTICE_TARGET)) missed.add("lattice " + l.name());
        }
        o.put("targets_met", missed.isEmpty());
        var m = o.putArray("targets_missed");
        missed.forEach(m::add);
        return o;
    }

    private static void errors(ObjectNode o, DftComparison.Errors e) {
        o.put("configs", e.configs()).put("force_components", e.forceComponents());
        putFinite(o, "energy_rmse_eV_per_atom", e.energyRmse());
        putFinite(o, "relative_energy_rmse_eV_per_atom", e.relativeEnergyRmse());
        putFinite(o, "energy_mean_error_eV_per_atom", e.energyMeanError());
        putFinite(o, "force_rmse_eV_per_A", e.forceRmse());
        putFinite(o, "dft_force_rms_eV_per_A", e.forceRms());
        putFinite(o, "stress_rmse_GPa", e.stressRmseGPa());
        putFinite(o, "deviatoric_stress_rmse_GPa", e.deviatoricStressRmseGPa());
        stressWide(o, e);
        ObjectNode pe = o.putObject("force_rmse_per_element_eV_per_A");
        e.forcePerElement().forEach((k, v) -> pe.put(k, v[0]));
    }

    /** The stress RMSEs over the cells wide enough for a converged DFT stress ({@link DftComparison#STRESS_MIN_WIDTH_A}), and the counts. */
    private static void stressWide(ObjectNode o, DftComparison.Errors e) {
        if (e.stressConfigsWide() < 0) return;
        putFinite(o, "stress_rmse_wide_cells_GPa", e.stressRmseWideGPa());
        putFinite(o, "deviatoric_stress_rmse_wide_cells_GPa", e.deviatoricStressRmseWideGPa());
        o.put("stress_configs_wide", e.stressConfigsWide()).put("stress_configs_thin", e.stressConfigsThin()).put("stress_min_width_A", DftComparison.STRESS_MIN_WIDTH_A);
    }

    private static void putDoubles(ObjectNode o, String k, double[] values) {
        var a = o.putArray(k);
        for (double v : values) a.add(v);
    }


    /** The markdown report. */
    public static String markdown(DftComparison.Result r) {
        StringBuilder b = new StringBuilder("# `" + r.model() + "` against the DFT reference data\n\n");
        b.append("Sets: the fixed split of `fit-ff --form uf3` (whole `source` groups; the fractions the model was fitted with, `fit.test_fraction` and `fit.validation_fraction`, by default test 0.1 and validation 0.2 of the rest). "
                + "\"test\" is held out of any fit on the same files; for a model not fitted to these data every set is unseen.\n\n");
        if (!r.modelHasAtomEnergies()) {
            b.append("The model has no per-element reference energies, so absolute energies are not comparable: only the relative energy"
                    + " RMSE (each composition's mean error removed) is given.\n\n");
        }
        b.append(String.format(Locale.ROOT, "| set | configs | E RMSE (meV/atom) | relative E RMSE (meV/atom) | F RMSE (eV/Å) | DFT F RMS | σ RMSE (GPa) | deviatoric σ RMSE (GPa)"
                + " | σ / deviatoric σ RMSE, cells ≥ %.0f Å (GPa) | stresses: wide / thin cells |%n|---|---|---|---|---|---|---|---|---|---|%n", DftComparison.STRESS_MIN_WIDTH_A));
        row(b, "all", r.all());
        r.bySet().forEach((k, v) -> row(b, k, v));
        b.append(String.format(Locale.ROOT, "%nTargets (held-out test set): E ≤ %.0f meV/atom, F ≤ %.2f eV/Å per element, σ ≤ %.1f GPa. The stress target is"
                + " judged on the cells at least %.0f Å wide: the DFT stress of thinner (Γ-only 2x2x1) cells is off by ~3 GPa in its traceless"
                + " part (k-point checks: the same configuration doubled along its thin axis), so there the columns over all cells measure"
                + " the reference's error as much as the model's.%n%n",
                1e3 * ENERGY_TARGET, FORCE_TARGET, STRESS_TARGET, DftComparison.STRESS_MIN_WIDTH_A));
        b.append("## Force RMSE per element (eV/Å; target ≤ 0.15)\n\n| set | element | components | RMSE | DFT RMS | met |\n|---|---|---|---|---|---|\n");
        Map<String, DftComparison.Errors> sets = new java.util.LinkedHashMap<>();
        sets.put("all", r.all());
        sets.putAll(r.bySet());
        sets.forEach((k, v) -> v.forcePerElement().forEach((el, a) -> b.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4f | %.4f | %s |%n",
                k, el, (long) a[2], a[0], a[1], a[0] <= FORCE_TARGET ? "yes" : "no"))));
        b.append("\n## Per config_type\n\nMean E error: model − DFT averaged over the group (meV/atom), where absolute energies are defined:"
                + " a group the model puts too low as a whole (a liquid or glass below its crystal) shows here, not in an RMSE.\n\n"
                + "| config_type | configs | mean E error (meV/atom) | relative E RMSE (meV/atom) | F RMSE (eV/Å) | deviatoric σ RMSE (GPa) |\n|---|---|---|---|---|---|\n");
        // a group whose stresses all come from thin cells is marked: its σ column is mostly the reference's k-point error
        r.byConfigType().forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.4f | %s%s |%n", k, v.configs(),
                fmt(1e3 * v.energyMeanError()), fmt(1e3 * v.relativeEnergyRmse()), v.forceRmse(), fmt(v.deviatoricStressRmseGPa()),
                v.stressConfigsThin() > 0 && v.stressConfigsWide() == 0 ? " (thin cells: Γ-only DFT stress)" : "")));
        b.append("\n## Scans (identical configurations: both unrelaxed; barrier = highest frame above the first; target |Δ| ≤ 0.03 eV)\n\n"
                + "| scan | frames | DFT (eV) | model (eV) | DFT barrier (eV) | model barrier (eV) | Δ (eV) | met |\n|---|---|---|---|---|---|---|---|\n");
        for (var s : r.scans()) {
            double d = s.modelBarrierEv() - s.dftBarrierEv();
            b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.3f | %.3f | %+.3f | %s |%n", s.configType(), s.dftEv().length, list(s.dftEv()),
                    list(s.modelEv()), s.dftBarrierEv(), s.modelBarrierEv(), d, Math.abs(d) <= BARRIER_TARGET ? "yes" : "no"));
        }
        if (r.scans().isEmpty()) b.append("No scan configurations (config_type scan-*) in the data.\n");
        var checks = org.paddlewheel.forcefield.fit.KpointChecks.of(r.frames());
        if (!checks.isEmpty()) {
            b.append("\n### k-point checks of the scans (frame k and the first frame recomputed with the cell doubled along c, config_type"
                    + " kcheck-*; E_k − E_0 per thin cell, the doubled cells' difference halved; the model has no k-point error)\n\n"
                    + "| scan | frame | DFT thin cell (eV) | DFT doubled (eV) | DFT k-point error (eV) | model (eV) | model − DFT doubled (eV) |\n"
                    + "|---|---|---|---|---|---|---|\n");
            for (var k : checks) {
                b.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %+.3f | %.3f | %+.3f |%n", k.scan(), k.frame(), k.dftThinEv(), k.dftDoubledEv(),
                        k.dftKpointErrorEv(), k.modelThinEv(), k.modelThinEv() - k.dftDoubledEv()));
            }
        }
        b.append("\n## Relaxed scans (E(mid) − E(start), both relaxed; `<scan>`: the mid with the scan's moving atoms held, an upper bound of a"
                + " symmetric barrier; `<scan>:plane`: the hopping ion held only on the dividing plane x = const, whose constrained minimum is the"
                + " saddle of a symmetric hop and a lower bound otherwise; `<scan>:<variant>-start`: not a barrier but E(start of"
                + " `<scan>-<variant>`) − E(start of `<scan>`), two minima of the same cell in different basins (e.g. tilted anions), which says"
                + " which start a barrier must be measured from; the model relaxes the DFT structures again; target |Δ| ≤ 0.03 eV."
                + " \"model at DFT geometries\" is the model's E(mid) − E(start) at the two DFT structures, not relaxed: its energy error alone;"
                + " \"model relaxation\" is what its relaxation gains from the DFT start / mid, and \"shift\" the farthest any atom moved:"
                + " beyond 0.5 Å the model has left the DFT minimum and the pair is not comparable; \"no hop\": the plane's held ion lies within"
                + " 0.5 Å of its place in the DFT start, so the plane passes through the start's own site and the pair measures no hop)\n\n"
                + "| scan | DFT (eV) | model (eV) | Δ (eV) | met | model at DFT geometries (eV) | model relaxation start / mid (eV) | shift start / mid (Å) | note |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (var x : r.relaxedBarriers()) {
            double d = x.modelBarrierEv() - x.dftBarrierEv();
            b.append(String.format(Locale.ROOT, "| %s | %.3f | %s | %s | %s | %s | %s / %s | %s / %s | %s%s |%n", x.scan(), x.dftBarrierEv(), fmt(x.modelBarrierEv()),
                    Double.isFinite(d) ? String.format(Locale.ROOT, "%+.3f", d) : "—",
                    !x.hopMeasured() ? "no hop" : !x.sameBasin() ? "not comparable" : Math.abs(d) <= BARRIER_TARGET ? "yes" : "no", fmt(x.modelAtDftGeometryEv()),
                    fmt(x.startRelaxationEv()), fmt(x.midRelaxationEv()), fmt2(x.startShiftA()), fmt2(x.midShiftA()), x.note(),
                    x.converged() || !Double.isFinite(d) ? "" : "; model relaxation NOT converged"));
        }
        if (r.relaxedBarriers().isEmpty()) b.append("No relaxed-scan pairs (relaxed-<scan>-start.json and -mid.json or -plane.json) in the data yet.\n");
        ownMinima(b, r.ownMinima());
        boolean grid = r.lattices().stream().anyMatch(l -> l.gridPressureGPa() != 0);
        b.append("\n## Lattice parameters at 0 K and 0 GPa (model relaxed from the DFT structure, cell kept cubic; target within 1 %)\n\n"
                + "\"a\" is the cube root of the volume per conventional cubic cell. A DFT cell that is not cubic (NaBH4's tetragonal cell) is"
                + " relaxed a second time with the whole cell free, and its three cell lengths must each lie within 1 % as well.\n\n"
                + (grid ? "The model was fitted with a GPW cut-off correction: a DFT relaxation at 0 GPa of the fixed-grid stress stands at"
                + " −P_grid of the constant-cut-off equation of state the model describes, so the model is relaxed at that pressure."
                + " The last column is the model at 0 GPa, where its MD at 0 GPa (the study) lives: the correction moves it that far from the"
                + " fixed-grid DFT cell.\n\n" : "")
                + "| compound | atoms | DFT a (Å) | model a (Å) | deviation | met | P_grid (GPa) | FIRE | model a at 0 GPa (Å) |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (var l : r.lattices()) {
            double a0 = l.aModelAtZeroPressure();
            b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %+.2f %%%s | %s | %.2f | %s after %d steps | %s |%n", l.name(), l.atoms(), fmt(l.aDft()),
                    fmt(l.aModel()), 100 * l.deviation(), axes(l), l.withinTarget(LATTICE_TARGET) ? "yes" : l.converged() ? "no" : "no (not converged)", l.gridPressureGPa(),
                    l.converged() ? "converged" : "NOT converged", l.steps(),
                    Double.isFinite(a0) && Double.isFinite(l.aDft()) ? String.format(Locale.ROOT, "%s (%+.1f %% of DFT)", fmt(a0), 100 * (a0 / l.aDft() - 1)) : "—"));
        }
        if (r.lattices().isEmpty()) b.append("No cell relaxations (relax-*.json) given.\n");
        return b.toString();
    }

    /** For a non-cubic cell: "; cell lengths DFT a/b/c → model a/b/c Å (deviations)", else nothing. */
    private static String axes(DftComparison.LatticeResult l) {
        if (!l.hasAxes()) return "";
        double[] d = l.axisDeviations(), x = l.dftAxes(), m = l.modelAxes();
        return String.format(Locale.ROOT, "; cell lengths (whole cell free) DFT %.3f / %.3f / %.3f Å, model %.3f / %.3f / %.3f Å (%+.2f / %+.2f / %+.2f %%)",
                x[0], x[1], x[2], m[0], m[1], m[2], 100 * d[0], 100 * d[1], 100 * d[2]);
    }

    /** The models' own minima labelled by DFT ({@link org.paddlewheel.forcefield.fit.OwnMinima}); nothing when the data have none. */
    private static void ownMinima(StringBuilder b, List<org.paddlewheel.forcefield.fit.OwnMinima.Entry> entries) {
        if (entries.isEmpty()) return;
        b.append("\n## The models' own minima, labelled by DFT (config_type self-*; forcefields/dft/selflabel.py)\n\n"
                + "Structures a model relaxed from the DFT starts and dividing planes (`relaxed by`), single points in DFT beside DFT's own relaxed"
                + " starts (relaxed by PBE). Energies per cell above the piece's lowest DFT-relaxed start, in DFT and in this model: a"
                + " structure DFT puts well above that start while the model puts it near or below is a basin of the model that DFT does not"
                + " have. Differences within one cell, so the Γ-point offset cancels; target |Δ| ≤ 0.03 eV as for barriers.\n\n"
                + "| piece | origin | relaxed by | DFT (eV) | model (eV) | Δ (eV) | met |\n|---|---|---|---|---|---|---|\n");
        for (var e : entries) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %+.3f | %+.3f | %+.3f | %s |%n", e.piece(), e.origin(), e.relaxedBy(), e.dftAboveAnchorEv(),
                    e.modelAboveAnchorEv(), e.errorEv(), Math.abs(e.errorEv()) <= BARRIER_TARGET ? "yes" : "no"));
        }
    }

    private static void row(StringBuilder b, String name, DftComparison.Errors e) {
        b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.4f | %.4f | %s | %s | %s / %s | %s |%n", name, e.configs(), fmt(1e3 * e.energyRmse()),
                fmt(1e3 * e.relativeEnergyRmse()), e.forceRmse(), e.forceRms(), fmt(e.stressRmseGPa()), fmt(e.deviatoricStressRmseGPa()),
                fmt(e.stressRmseWideGPa()), fmt(e.deviatoricStressRmseWideGPa()),
                e.stressConfigsWide() < 0 ? "—" : e.stressConfigsWide() + " / " + e.stressConfigsThin()));
    }

    private static String fmt(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "—"; }
    private static String fmt2(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "—"; }

    private static String list(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", x));
        return b.toString();
    }

    private static void plots(DftComparison.Result r, Path dir) throws IOException {
        XYChart pf = ChartStyle.xy(800, 600, "Force parity, all configurations", "DFT (eV/Å)", "model (eV/Å)");
        Map<String, List<List<Double>>> byEl = new TreeMap<>();
        for (var f : r.frames()) {
            for (int k = 0; k < f.dftForces().length; k++) {
                var l = byEl.computeIfAbsent(f.species()[k / 3].symbol(), x -> List.of(new ArrayList<>(), new ArrayList<>()));
                l.get(0).add(f.dftForces()[k]);
                l.get(1).add(f.modelForces()[k]);
            }
        }
        for (var e : byEl.entrySet()) {
            XYSeries s = pf.addSeries(e.getKey(), e.getValue().get(0), e.getValue().get(1));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        if (!byEl.isEmpty()) {
            double lo = 0, hi = 0;
            for (var l : byEl.values()) for (var v : l) for (double q : v) { lo = Math.min(lo, q); hi = Math.max(hi, q); }
            XYSeries diag = pf.addSeries("model = DFT", new double[] {lo, hi}, new double[] {lo, hi});
            diag.setMarker(SeriesMarkers.NONE);
            diag.setLineColor(java.awt.Color.GRAY);
            Plots.savePngAndSvg(pf, dir.resolve("parity-force"));
        }
        if (r.scans().isEmpty()) return;
        XYChart sc = ChartStyle.xy(800, 600, "Scans: model (lines) and DFT (markers)", "frame along the scan", "E − E(first frame) (eV)");
        int i = 0;
        for (var s : r.scans()) {
            java.awt.Color colour = ChartStyle.colour(i++);
            double[] x = new double[s.dftEv().length];
            for (int k = 0; k < x.length; k++) x[k] = k;
            XYSeries d = sc.addSeries(s.configType() + " DFT", x, s.dftEv());
            d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            d.setMarker(SeriesMarkers.CIRCLE);
            d.setMarkerColor(colour);
            XYSeries m = sc.addSeries(s.configType() + " model", x, s.modelEv());
            m.setMarker(SeriesMarkers.NONE);
            m.setLineColor(colour);
        }
        Plots.savePngAndSvg(sc, dir.resolve("scans"));
    }

    /**
     * One CSV row per configuration (energies eV/atom, pressures GPa, force RMSE eV/Å): the signed per-frame numbers behind
     * the report's RMSEs. Pressure is −(σxx + σyy + σzz)/3 with σ in the ASE sign (positive under tension), so positive
     * means compressed; empty where a frame has no stress. The DFT columns are those the report compares: in relative-energy
     * groups shifted by the group's mean energy error, with the DFT pressure set to the model's.
     */
    public static String framesCsv(DftComparison.Result r) {
        StringBuilder b = new StringBuilder("source,config_type,atoms,dft_energy_eV_per_atom,model_energy_eV_per_atom,"
                + "dft_pressure_GPa,model_pressure_GPa,force_rmse_eV_per_A\n");
        for (DftComparison.FrameResult f : r.frames()) {
            double se = 0;
            for (int k = 0; k < f.dftForces().length; k++) se += Math.pow(f.modelForces()[k] - f.dftForces()[k], 2);
            String pd = f.dftStress() == null ? "" : String.format(Locale.ROOT, "%.4f", pressureGPa(f.dftStress()));
            String pm = f.dftStress() == null ? "" : String.format(Locale.ROOT, "%.4f", pressureGPa(f.modelStress()));
            b.append(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%s,%s,%.5f%n", csvField(f.source()), csvField(f.configType()), f.atoms(),
                    f.dftEnergyEv() / f.atoms(), f.modelEnergyEv() / f.atoms(), pd, pm, Math.sqrt(se / f.dftForces().length)));
        }
        return b.toString();
    }

    /** −trace/3 of a stress (eV/Å³, xx yy zz first, ASE sign) in GPa: positive when compressed. */
    static double pressureGPa(double[] stress) {
        return -(stress[0] + stress[1] + stress[2]) / 3 * DftComparison.EV_PER_A3_IN_GPA;
    }

    private static String csvField(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
