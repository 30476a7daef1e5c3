package org.paddlewheel.report;

import org.paddlewheel.forcefield.fit.Uf3Design;
import org.paddlewheel.forcefield.fit.Uf3Fitter;
import org.paddlewheel.forcefield.fit.Uf3Solver;

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
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.SplinePair;
import org.paddlewheel.io.AtomicFile;
import org.paddlewheel.model.Units;
import org.paddlewheel.report.Plots;

/**
 * The report of a UF3 fit ({@link Uf3Fitter.Result}) in a folder: {@code uf3-fit.json} and
 * {@code uf3-fit.md} (split, chosen hyper-parameters and the validation grid, RMSE of energy
 * (eV/atom), force (eV/Å) and stress (GPa) on train / validation / test, force RMSE per element and
 * all three per config_type, learning curve, atom energies) and PNG + SVG plots through
 * {@link Plots}: parity of energy per atom, of force components per element and of stress
 * components (train and test), the learning curve (force RMSE against training configurations) and
 * the fitted pair curves V(r) including the core prior.
 */
public final class Uf3Report {
    private Uf3Report() {}

    private static final String[] SETS = {"train", "validation", "test"};

    /** Writes the report into dir; returns the markdown. */
    public static String write(Uf3Fitter.Result r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<List<Uf3Design.Rows>> sets = List.of(r.train(), r.validation(), r.test());
        ObjectMapper om = new ObjectMapper();
        ObjectNode js = om.createObjectNode();
        StringBuilder md = new StringBuilder("# UF3 fit report\n\n");
        md.append(String.format(Locale.ROOT, "Configurations: %d train, %d validation, %d test (whole `source` groups, hash split fixed before"
                + " fitting).%n%n", r.train().size(), r.validation().size(), r.test().size()));
        var h = r.hyper();
        md.append(String.format(Locale.ROOT, "Chosen on %s (%d candidates): energy weight %g Å/atom, stress weight %g Å², ridge %g, curvature %g,"
                + " relative-energy weight %g.%n%n",
                r.scoredOnTraining() ? "the TRAINING set (no validation data)" : r.cvFolds() > 0 ? r.cvFolds() + "-fold cross-validation over whole groups"
                        + " of the non-test data (the final model is fitted on all of them, so `train` below is every non-test configuration)" : "validation",
                r.candidates().size(),
                h.energyWeight(), h.stressWeight(), h.ridge(), h.curvature(), h.relativeWeight()));
        js.putObject("hyper").put("energy_weight", h.energyWeight()).put("stress_weight", h.stressWeight()).put("relative_energy_weight", h.relativeWeight()).put("energy_weight_of_factor", h.gridWeight())
                .put("ridge", h.ridge()).put("curvature", h.curvature()).put("scored_on_training", r.scoredOnTraining());
        boolean rigid = r.candidates().stream().anyMatch(c -> c.rmse().length > 7 && Double.isFinite(c.rmse()[7]));
        if (rigid) {
            ((ObjectNode) js.get("hyper")).put("rigid_body_weight", h.rigidWeight());
            md.append(String.format(Locale.ROOT, "Rigid-body rows (net force and torque per molecule, force per ion) at weight %g.%n%n", h.rigidWeight()));
        }
        if (r.cvFolds() > 0) {
            double[] cv = r.cvRmse();
            js.putObject("cross_validation").put("folds", r.cvFolds()).put("energy_eV_per_atom", cv[0]).put("force_eV_per_A", cv[1])
                    .put("stress_GPa", gpa(cv[2]));
            if (cv.length > 3 && Double.isFinite(cv[3])) ((ObjectNode) js.get("cross_validation")).put("relative_energy_eV_per_atom", cv[3]);
            if (cv.length > 4 && Double.isFinite(cv[4])) ((ObjectNode) js.get("cross_validation")).put("energy_weight_of_block_eV_per_atom", cv[4]);
            md.append(String.format(Locale.ROOT, "Cross-validation RMSE (pooled out-of-fold, chosen hyper-parameters): E %.4g meV/atom, F %.4g eV/Å,"
                    + " σ %.4g GPa%s%s.%n%n", 1e3 * cv[0], cv[1], gpa(cv[2]), cv.length > 3 && Double.isFinite(cv[3])
                    ? String.format(Locale.ROOT, "; energy differences within the relative-energy groups %.4g meV/atom", 1e3 * cv[3]) : "",
                    cv.length > 4 && Double.isFinite(cv[4]) ? String.format(Locale.ROOT, "; energies of the --energy-weight-of block (factor %g) %.4g meV/atom",
                            h.gridWeight(), 1e3 * cv[4]) : ""));
            var groups = r.model().path("fit").path("cross_validation_groups");
            if (groups.isArray() && groups.size() > 0) {
                ((ObjectNode) js.get("cross_validation")).set("groups", groups.deepCopy());
                md.append("Out-of-fold errors of the worst groups (each predicted by the model fitted without its fold; energy blank where the other"
                        + " folds do not fix the group's atom energies):\n\n| group | configs | E RMSE (meV/atom) | mean E error (meV/atom) | F RMSE (eV/Å) |\n|---|---|---|---|---|\n");
                for (int k = 0; k < Math.min(10, groups.size()); k++) {
                    var g = groups.get(k);
                    boolean e = g.has("energy_rmse_eV_per_atom");
                    md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.4f |%n", g.path("group").asText(), g.path("configs").asInt(),
                            e ? String.format(Locale.ROOT, "%.2f", 1e3 * g.path("energy_rmse_eV_per_atom").asDouble()) : "",
                            e ? String.format(Locale.ROOT, "%+.2f", 1e3 * g.path("energy_mean_error_eV_per_atom").asDouble()) : "",
                            g.path("force_rmse_eV_per_A").asDouble()));
                }
                md.append('\n');
            }
        }
        int po = r.design().pressureOffsetColumn();
        js.put("stress_mode", r.deviatoricStress() ? "deviatoric" : po >= 0 ? "offset" : "full");
        if (po >= 0) {
            double off = -gpa(r.coefficients()[po]);
            js.put("pressure_offset_GPa", off);
            md.append(String.format(Locale.ROOT, "Stress: full, with a fitted pressure offset common to every configuration, P_data − P_model = %.4f GPa"
                    + " (a correction to the data, not part of the model; stress RMSEs below include it).%n%n", off));
        }
        var ccEls = r.design().cutoffCorrectionElements();
        if (!ccEls.isEmpty()) {
            var cc = js.putObject("cutoff_correction_meV_per_Ry");
            StringBuilder t = new StringBuilder();
            for (int k = 0; k < ccEls.size(); k++) {
                double v = 1e3 * r.coefficients()[r.design().cutoffCorrectionColumn(k)];
                cc.put(ccEls.get(k).symbol(), v);
                t.append(String.format(Locale.ROOT, "%s%s %.4f", k == 0 ? "" : ", ", ccEls.get(k).symbol(), v));
            }
            md.append("GPW cut-off correction of the data (fit-ff --cutoff-correction; a correction to the data, not part of the model): ")
                    .append(t).append(" meV per Ry of effective cut-off per atom. Energies and stresses below are compared after it, i.e. on")
                    .append(" every cell at the nominal cut-off. (Independent estimate from the 10-atom convergence cell,")
                    .append(" forcefields/dft/README.md: −1.7 meV/Ry per Na between effective cut-offs of 649 and 801 Ry, −0.9 between 801 and 1251 Ry, if all of it is Na's.)\n\n");
        }
        var curves = org.paddlewheel.forcefield.fit.CutoffCurves.ofJson(r.model().path("fit").get("cutoff_correction_curves"));
        if (curves != null) {
            js.put("cutoff_correction_curves", org.paddlewheel.forcefield.fit.Uf3Fitter.curveSummary(curves));
            md.append("Measured GPW cut-off curves taken out of the data before fitting (fit-ff --cutoff-curves; single ions at the dataset's")
                    .append(" settings, forcefields/dft/cutoff_ions.py; a correction to the data, not part of the model): ")
                    .append(org.paddlewheel.forcefield.fit.Uf3Fitter.curveSummary(curves)).append(".\n\n");
        }
        js.put("charge_scale", r.chargeScale()).put("charge_scale_fitted", r.chargeScaleFitted());
        js.put("bonded_fitted", r.design().bondedFitted());
        js.set("bonds", r.model().get("bonds"));
        js.set("angles", r.model().get("angles"));
        if (r.design().bondedFitted()) {
            md.append("Bonded terms fitted (E = K u² + K3 u³ + K4 u⁴, u = r − r0 or θ − θ0; K3 = K4 = 0 when harmonic):");
            for (var b : r.model().withArray("bonds")) md.append(String.format(Locale.ROOT, " bond %s K %.3f eV/Å², K3 %.3f eV/Å³, K4 %.3f eV/Å⁴, r0 %.4f Å;",
                    b.path("molecule").asText(), b.path("K").asDouble(), b.path("K3").asDouble(0), b.path("K4").asDouble(0), b.path("r0").asDouble()));
            for (var a : r.model().withArray("angles")) md.append(String.format(Locale.ROOT, " angle %s K %.3f, K3 %.3f, K4 %.3f eV/rad^n, θ0 %.2f°;",
                    a.path("molecule").asText(), a.path("K").asDouble(), a.path("K3").asDouble(0), a.path("K4").asDouble(0), a.path("theta0_deg").asDouble()));
            md.append("\n\n");
        }
        md.append(r.chargeScaleFitted()
                ? String.format(Locale.ROOT, "Charges: every base charge times the fitted s = %.4f (Ewald ∝ s², fitted as the linear unknown s²).%n%n", r.chargeScale())
                : "Charges: the base model's, fixed.\n\n");
        var cj = js.putArray("candidates");
        for (var c : r.candidates()) {
            cj.addObject().put("energy_weight", c.hyper().energyWeight()).put("stress_weight", c.hyper().stressWeight())
                    .put("ridge", c.hyper().ridge()).put("curvature", c.hyper().curvature()).put("relative_energy_weight", c.hyper().relativeWeight()).put("energy_weight_of_factor", c.hyper().gridWeight())
                    .put("score", c.score())
                    .put("rmse_energy_eV_per_atom", c.rmse()[0]).put("rmse_force_eV_per_A", c.rmse()[1]).put("rmse_stress_GPa", gpa(c.rmse()[2]));
            if (rigid) { // the rigid-body residuals' RMS, eV/Å for forces and eV for torques pooled (Uf3Solver#sse)
                ((ObjectNode) cj.get(cj.size() - 1)).put("rigid_body_weight", c.hyper().rigidWeight()).put("rmse_rigid_body", c.rmse()[7]);
            }
        }
        md.append("| set | configs | E RMSE (meV/atom) | F RMSE (eV/Å) | σ RMSE (GPa) |\n|---|---|---|---|---|\n");
        ObjectNode rm = js.putObject("rmse");
        for (int s = 0; s < 3; s++) {
            double[] e = Uf3Solver.rmse(sets.get(s), r.coefficients(), r.trainingSpan());
            md.append(String.format(Locale.ROOT, "| %s | %d | %.4g | %.4g | %.4g |%n", SETS[s], sets.get(s).size(), 1e3 * e[0], e[1], gpa(e[2])));
            rm.putObject(SETS[s]).put("configs", sets.get(s).size()).put("energy_eV_per_atom", e[0]).put("force_eV_per_A", e[1]).put("stress_GPa", gpa(e[2]));
        }
        List<String> outside = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            for (Uf3Design.Rows row : sets.get(s)) if (!r.trainingSpan().contains(row)) outside.add(SETS[s] + " " + row.configType());
        }
        js.put("energy_undetermined_configs", outside.size());
        if (!outside.isEmpty()) {
            md.append(String.format(Locale.ROOT, "%nEnergies left out of every E RMSE: %d configurations whose composition lies outside the span of the"
                    + " training compositions, so the fitted atom energies do not fix their absolute energy (%s). Their forces and stresses are counted.%n",
                    outside.size(), String.join(", ", new java.util.TreeSet<>(outside))));
        }
        md.append("\n## Force RMSE per element (eV/Å)\n\n| set | element | components | RMSE |\n|---|---|---|---|\n");
        ObjectNode pe = js.putObject("force_rmse_per_element");
        for (int s = 0; s < 3; s++) {
            Map<String, double[]> acc = new TreeMap<>();
            for (Uf3Design.Rows row : sets.get(s)) {
                for (int k = 0; k < row.forceRows().length; k++) {
                    double d = Uf3Solver.dot(row.forceRows()[k], r.coefficients()) - row.forceTarget()[k];
                    double[] a = acc.computeIfAbsent(row.species()[k / 3].symbol(), x -> new double[2]);
                    a[0] += d * d;
                    a[1]++;
                }
            }
            ObjectNode o = pe.putObject(SETS[s]);
            for (var e : acc.entrySet()) {
                double v = Math.sqrt(e.getValue()[0] / e.getValue()[1]);
                o.put(e.getKey(), v);
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4g |%n", SETS[s], e.getKey(), (long) e.getValue()[1], v));
            }
        }
        md.append("\n## RMSE per config_type\n\n| set | config_type | configs | E (meV/atom) | F (eV/Å) | σ (GPa) |\n|---|---|---|---|---|---|\n");
        ObjectNode pt = js.putObject("rmse_per_config_type");
        for (int s = 0; s < 3; s++) {
            Map<String, List<Uf3Design.Rows>> by = new TreeMap<>();
            for (Uf3Design.Rows row : sets.get(s)) by.computeIfAbsent(row.configType(), x -> new ArrayList<>()).add(row);
            ObjectNode o = pt.putObject(SETS[s]);
            for (var e : by.entrySet()) {
                double[] v = Uf3Solver.rmse(e.getValue(), r.coefficients(), r.trainingSpan());
                o.putObject(e.getKey()).put("configs", e.getValue().size()).put("energy_eV_per_atom", v[0]).put("force_eV_per_A", v[1]).put("stress_GPa", gpa(v[2]));
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4g | %.4g | %.4g |%n", SETS[s], e.getKey(), e.getValue().size(),
                        1e3 * v[0], v[1], gpa(v[2])));
            }
        }
        configurations(r, sets, js, md);
        md.append("\n## Learning curve (same hyper-parameters)\n\n| train configs | F train | F validation | F test | E test (meV/atom) |\n|---|---|---|---|---|\n");
        var lj = js.putArray("learning_curve");
        XYChart lc = chart("Learning curve", "training configurations", "force RMSE (eV/Å)");
        double[][] lcv = new double[4][r.learning().size()];
        for (int i = 0; i < r.learning().size(); i++) {
            var p = r.learning().get(i);
            lj.addObject().put("configs", p.configs()).put("force_train", p.train()[1]).put("force_validation", p.validation()[1])
                    .put("force_test", p.test()[1]).put("energy_test", p.test()[0]);
            md.append(String.format(Locale.ROOT, "| %d | %.4g | %.4g | %.4g | %.4g |%n", p.configs(), p.train()[1], p.validation()[1], p.test()[1], 1e3 * p.test()[0]));
            lcv[0][i] = p.configs(); lcv[1][i] = p.train()[1]; lcv[2][i] = p.validation()[1]; lcv[3][i] = p.test()[1];
        }
        for (int q = 1; q < 4; q++) if (finite(lcv[q])) lc.addSeries(SETS[q - 1], lcv[0], lcv[q]);
        Plots.savePngAndSvg(lc, dir.resolve("learning-curve"));
        md.append("\n## Atom energies (eV)\n\n");
        ObjectNode ae = js.putObject("atom_energies_eV");
        for (int k = 0; k < r.design().elements().size(); k++) {
            ae.put(r.design().elements().get(k).symbol(), r.atomEnergiesByElement()[k]);
            md.append(String.format(Locale.ROOT, "- %s: %.6f%n", r.design().elements().get(k).symbol(), r.atomEnergiesByElement()[k]));
        }
        md.append(String.format(Locale.ROOT, "%n## 3-body terms%n%n%s%n", r.fittedModel().splineTriples().isEmpty() ? "None (2-body only)."
                : r.fittedModel().splineTriples().size() + " (centre; j, k) species triples, " + r.design().tripleColumnCount()
                + " fitted coefficients (in the model's \"three_body\")."));
        js.put("three_body_triples", r.fittedModel().splineTriples().size());
        md.append("\n## Mean per-atom charges in the data (e), per species — a candidate fixed-charge set, not used by this fit\n\n");
        if (r.meanCharges().isEmpty()) md.append("No `charges` arrays in the data.\n");
        else md.append("| species | mean | std | atoms |\n|---|---|---|---|\n");
        ObjectNode qj = js.putObject("mean_charges_e");
        for (var e : r.meanCharges().entrySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %+.4f | %.4f | %d |%n", e.getKey(), e.getValue()[0], e.getValue()[1], (long) e.getValue()[2]));
            qj.putObject(e.getKey()).put("mean", e.getValue()[0]).put("std", e.getValue()[1]).put("atoms", (long) e.getValue()[2]);
        }
        parity(r, dir);
        pairCurves(r.fittedModel(), r.fitted(), dir.resolve("pair-curves"));
        md.append("\nPlots: parity-energy, parity-force, parity-stress, learning-curve, pair-curves (.png, .svg).\n");
        String json = om.writerWithDefaultPrettyPrinter().writeValueAsString(js);
        AtomicFile.writeText(dir.resolve("uf3-fit.json"), w -> w.write(json + "\n"));
        AtomicFile.writeText(dir.resolve("uf3-fit.md"), w -> w.write(md.toString()));
        return md.toString();
    }

    /**
     * Every configuration's own errors (JSON "configurations": set, group, index in its group, config_type,
     * atoms, energy error per atom, force RMSE) and the ten largest energy errors in the markdown, so an
     * outlier (a broken molecule, an SCF that landed elsewhere) is found by name rather than by bisection.
     */
    private static void configurations(Uf3Fitter.Result r, List<List<Uf3Design.Rows>> sets, ObjectNode js, StringBuilder md) {
        record Err(String set, String group, int index, String type, int atoms, double de, double f, boolean determined) {}
        List<Err> all = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            Map<String, Integer> seen = new java.util.HashMap<>();
            for (Uf3Design.Rows row : sets.get(s)) {
                double de = Uf3Solver.dot(row.energyRow(), r.coefficients()) - row.energyTarget();
                double f = Uf3Solver.rmse(List.of(row), r.coefficients())[1];
                all.add(new Err(SETS[s], row.group(), seen.merge(row.group(), 1, Integer::sum) - 1, row.configType(), row.atoms(), de, f,
                        r.trainingSpan().contains(row)));
            }
        }
        var cj = js.putArray("configurations");
        for (Err e : all) {
            cj.addObject().put("set", e.set()).put("group", e.group()).put("index_in_group", e.index()).put("config_type", e.type())
                    .put("atoms", e.atoms()).put("energy_error_eV_per_atom", e.de()).put("force_rmse_eV_per_A", e.f())
                    .put("energy_determined", e.determined());
        }
        md.append("\n## Largest energy errors (model − reference)\n\n| set | group | # | config_type | atoms | ΔE (meV/atom) | F RMSE (eV/Å) |\n"
                + "|---|---|---|---|---|---|---|\n");
        all.stream().filter(Err::determined).sorted(java.util.Comparator.comparingDouble((Err e) -> -Math.abs(e.de()))).limit(10).forEach(e -> md.append(String.format(Locale.ROOT,
                "| %s | %s | %d | %s | %d | %+.3f | %.4g |%n", e.set(), e.group(), e.index(), e.type(), e.atoms(), 1e3 * e.de(), e.f())));
    }

    /** Σ_el n_el μ_el / N of a row: the fitted atom energies' share of its per-atom energy (eV/atom). */
    private static double atomEnergyShare(Uf3Fitter.Result r, Uf3Design.Rows row) {
        double[] a = row.energyRow(), c = r.coefficients();
        int es = r.design().elementStart(), n = r.design().elements().size();
        double e = 0;
        for (int k = es; k < es + n; k++) e += a[k] * c[k];
        return e;
    }

    private static double gpa(double evPerA3) { return evPerA3 * Units.EV_PER_A3_TO_GPA; }

    private static boolean finite(double[] v) {
        for (double x : v) if (!Double.isFinite(x)) return false;
        return true;
    }

    private static void parity(Uf3Fitter.Result r, Path dir) throws IOException {
        double[] c = r.coefficients();
        // Per-atom energies span hundreds of eV between compositions; what the model is judged on is the part
        // left after the fitted atom energies Σ n_el μ_el / N, so that is what the parity plot shows.
        XYChart pe = chart("Energy parity (minus fitted atom energies)", "reference E/N − Σn·μ/N (eV/atom)", "model E/N − Σn·μ/N (eV/atom)");
        XYChart pf = chart("Force parity (test set; train if empty)", "reference (eV/Å)", "model (eV/Å)");
        XYChart ps = chart("Stress parity", "reference (GPa)", "model (GPa)");
        List<List<Uf3Design.Rows>> sets = List.of(r.train(), r.validation(), r.test());
        for (int s = 0; s < 3; s++) {
            List<Double> ex = new ArrayList<>(), ey = new ArrayList<>(), sx = new ArrayList<>(), sy = new ArrayList<>();
            for (Uf3Design.Rows row : sets.get(s)) {
                if (r.trainingSpan().contains(row)) { // else the absolute energy is not determined by the fit
                    double mu = atomEnergyShare(r, row);
                    ex.add(row.energyFixed() + row.energyTarget() - mu);
                    ey.add(row.energyFixed() + Uf3Solver.dot(row.energyRow(), c) - mu);
                }
                if (row.stressRows() != null) {
                    for (int k = 0; k < 6; k++) {
                        sx.add(gpa(row.stressFixed()[k] + row.stressTarget()[k]));
                        sy.add(gpa(row.stressFixed()[k] + Uf3Solver.dot(row.stressRows()[k], c)));
                    }
                }
            }
            scatter(pe, SETS[s], ex, ey);
            scatter(ps, SETS[s], sx, sy);
        }
        List<Uf3Design.Rows> fs = r.test().isEmpty() ? r.train() : r.test();
        Map<String, List<List<Double>>> byEl = new TreeMap<>();
        for (Uf3Design.Rows row : fs) {
            for (int k = 0; k < row.forceRows().length; k++) {
                var l = byEl.computeIfAbsent(row.species()[k / 3].symbol(), x -> List.of(new ArrayList<>(), new ArrayList<>()));
                l.get(0).add(row.forceFixed()[k] + row.forceTarget()[k]);
                l.get(1).add(row.forceFixed()[k] + Uf3Solver.dot(row.forceRows()[k], c));
            }
        }
        for (var e : byEl.entrySet()) scatter(pf, e.getKey(), e.getValue().get(0), e.getValue().get(1));
        Plots.savePngAndSvg(pe, dir.resolve("parity-energy"));
        Plots.savePngAndSvg(pf, dir.resolve("parity-force"));
        Plots.savePngAndSvg(ps, dir.resolve("parity-stress"));
    }

    private static void scatter(XYChart ch, String name, List<Double> x, List<Double> y) {
        if (x.isEmpty()) return;
        XYSeries s = ch.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
    }

    /** V(r) of every fitted pair (spline + core), r from 0.8·r_min to r_cut, clipped to [−2, 6] eV. */
    static void pairCurves(ForceField ff, List<SplinePair> pairs, Path base) throws IOException {
        XYChart ch = chart("Fitted pair curves V(r)", "r (Å)", "V (eV)");
        double[] g = new double[1];
        for (SplinePair sp : pairs) {
            int n = 200;
            double[] x = new double[n], y = new double[n];
            double lo = 0.8 * sp.rMin();
            for (int i = 0; i < n; i++) {
                x[i] = lo + (sp.rCut() - lo) * i / (n - 1);
                y[i] = Math.max(-2, Math.min(6, sp.energy(x[i], g)));
            }
            XYSeries s = ch.addSeries(ff.species().get(sp.a()).name() + "-" + ff.species().get(sp.b()).name(), x, y);
            s.setMarker(SeriesMarkers.NONE);
        }
        Plots.savePngAndSvg(ch, base);
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(800).height(600).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setMarkerSize(4);
        return c;
    }
}
