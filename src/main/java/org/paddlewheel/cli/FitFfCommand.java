package org.paddlewheel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paddlewheel.forcefield.fit.FitProblem;
import org.paddlewheel.forcefield.fit.FitReport;
import org.paddlewheel.forcefield.fit.ForceFieldFitter;
import org.paddlewheel.io.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel fit-ff targets.json -o model.json}: Levenberg–Marquardt fit of force-field
 * parameters to structural observables ({@link FitProblem}, {@link ForceFieldFitter}); writes the
 * fitted model, and a report ({@code --report PREFIX}: PREFIX.json and PREFIX.md; default next to
 * the model as MODEL.fit.json / .fit.md). Prints the markdown report, or the JSON with {@code --json}.
 * With {@code --dataset FILE... --form uf3}: linear least-squares fit of UF3-style spline pairs on
 * top of a base model's charges, Ewald and bonded terms (and UF3 3-body terms with {@code --three-body})
 * to labelled configurations (extxyz, .gz
 * allowed; {@link Uf3Fitter}); progress on stderr, report folder with {@code --report DIR}
 * ({@link Uf3Report}).
 */
@Command(name = "fit-ff", mixinStandardHelpOptions = true,
        description = "Fit force-field parameters to observables of crystal structures (conventional and relaxed fitting).")
public final class FitFfCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", description = "Targets file (JSON: model, parameters, structures with observables).")
    Path targets;
    @Option(names = "--dataset", arity = "1..*", description = "Labelled extxyz files (energy, forces, stress; .gz allowed): fit a --form model to them.")
    java.util.List<Path> dataset;
    @Option(names = "--form", defaultValue = "uf3", description = "Model form for --dataset (only uf3: 2-body cubic B-splines, 3-body with --three-body; default ${DEFAULT-VALUE}).")
    String form;
    @Option(names = "--stress", defaultValue = "full", description = "Stress rows for --dataset: full; deviatoric (traceless part only; for data whose pressure is not converged, e.g. CP2K GPW at 800 Ry, forcefields/dft/README.md); or offset (full, plus one fitted pressure offset common to every configuration, reported as P_data − P_model and not part of the model) (default ${DEFAULT-VALUE}).")
    String stressMode;
    @Option(names = "--base", defaultValue = "na-amide-borohydride",
            description = "Base model: species, charges, molecules, bonded terms, Ewald; its uf3 pairs, if any, fix the knots (default ${DEFAULT-VALUE}).")
    String base;
    @Option(names = "--keep-pairs", description = "Keep the base model's Buckingham/LJ pairs in the fixed part (default: drop them).")
    boolean keepPairs;
    @Option(names = "--r-cut", defaultValue = "5.5", description = "Spline cut-off, Å (≤ 6; default ${DEFAULT-VALUE}).")
    double rCut;
    @Option(names = "--knot-spacing", defaultValue = "0.3", description = "Knot spacing, Å (default ${DEFAULT-VALUE}).")
    double knotSpacing;
    @Option(names = "--core-a", defaultValue = "1000", description = "Core prior A below r_min, eV (default ${DEFAULT-VALUE}).")
    double coreA;
    @Option(names = "--core-rho", defaultValue = "0.2", description = "Core prior rho, Å (default ${DEFAULT-VALUE}).")
    double coreRho;
    @Option(names = "--test-fraction", defaultValue = "0.1", description = "Held-out test fraction of source groups (default ${DEFAULT-VALUE}).")
    double testFraction;
    @Option(names = "--validation-fraction", defaultValue = "0.2", description = "Validation fraction of the rest (default ${DEFAULT-VALUE}).")
    double validationFraction;
    @Option(names = "--cv-folds", defaultValue = "0", description = "With --dataset: choose weights and penalties by k-fold cross-validation over whole groups of the non-test data and fit the final model on all of them (0: a fixed validation set of --validation-fraction, the final model fitted without it) (default ${DEFAULT-VALUE}).")
    int cvFolds;
    @Option(names = "--cutoff-correction", split = ",", paramLabel = "EL", description = "With CP2K GPW data: fit, per named element"
            + " (e.g. Na), the change of the data's total energy with the cut-off its cell's grid actually reaches, and the matching"
            + " fixed-grid stress; a correction of the data, reported in meV/Ry per atom and not part of the model (org.paddlewheel.cp2k.GpwGrid).")
    java.util.List<String> cutoffCorrection;
    @Option(names = "--cutoff-curves", paramLabel = "TSV", description = "With CP2K GPW data: take measured per-ion cut-off curves"
            + " (forcefields/dft/cutoff-ions.tsv: ion, element, grid_points, effective_Ry, energy_eV) out of the data's energies and"
            + " fixed-grid stresses before fitting; no unknowns, stored in the model for dft compare; combines with --cutoff-correction.")
    Path cutoffCurves;
    @Option(names = "--bonded-order", defaultValue = "2", description = "With --fit-bonded: 2 fits harmonic bonds and angles; 4 adds"
            + " cubic and quartic terms (E = K u² + K3 u³ + K4 u⁴ about the fitted minimum; LAMMPS bond_style/angle_style class2) (default ${DEFAULT-VALUE}).")
    int bondedOrder;
    @Option(names = "--angle-order", paramLabel = "N", description = "With --fit-bonded: 2 keeps the angles harmonic while --bonded-order 4"
            + " makes the bonds quartic (default: the bonded order). A quartic angle fitted to small bends can turn over at large ones.")
    Integer angleOrder;
    @Option(names = "--relative-energy", paramLabel = "GLOB", description = "Configurations whose config_type matches (e.g. 'scan-*') count"
            + " only by their energy differences within their group and their deviatoric stress: for cells whose absolute energies carry a k-point or size error, e.g. the Γ-only 2x2x1 DFT scans.")
    String relativeEnergy;
    @Option(names = "--relative-energy-key", paramLabel = "REGEX", description = "With --relative-energy: configurations whose config_type"
            + " matches this regular expression share one relative group, named by its first capturing group, across files, e.g."
            + " '(?:opt-barrier-)?(scan-hop-x\\d)(?:-start|-plane|-mid)?' makes the relaxed barrier (start vs saddle plane) a target.")
    String relativeEnergyKey;
    @Option(names = "--relative-energy-weight", split = ",", paramLabel = "W", description = "With --relative-energy: weight of those groups'"
            + " energy differences (each counts its squared error W times; default 1, like any energy). Several values (e.g. 1,10,100)"
            + " join the validation grid, and the score then adds the held-out RMSE of those energy differences.")
    double[] relativeEnergyWeight;
    @Option(names = "--energy-weight-of", paramLabel = "GLOB=W", description = "Weight the energy rows of configurations whose config_type"
            + " matches GLOB W times more (repeatable; first match wins; absolute and relative energies alike, forces and stresses unchanged),"
            + " e.g. 'self-*=100' for the self-labelled minima of forcefields/dft/selflabel.py. Several values for one glob"
            + " (e.g. 'self-*=10,100,1000') join the validation grid, and the score then adds those configurations' held-out energy RMSE."
            + " The model records fit.energy_weight_of (the chosen factor) and fit.energy_weight_of_candidates.")
    java.util.LinkedHashMap<String, String> energyWeightOf;
    @Option(names = "--validation-grid", paramLabel = "auto|full|coarse", defaultValue = "auto", description = "With --dataset: the grid of"
            + " w_E, w_S, ridge and curvature the validation chooses from: full (240 candidates), coarse (27) or auto (coarse above"
            + " 1500 unknowns; default ${DEFAULT-VALUE}). Several --relative-energy-weight or --energy-weight-of values multiply it.")
    String validationGrid;
    @Option(names = "--score-group", paramLabel = "GLOB", description = "With --dataset: the validation score also judges the held-out"
            + " energy and force RMSEs of the configurations whose config_type matches GLOB (e.g. 'md-*', the thermal MD frames the study"
            + " resembles), each over its baseline as E, F and σ are; the model records fit.score_group and the chosen fit's RMSEs on it."
            + " Default: no such term (the pooled RMSEs only).")
    String scoreGroup;
    @Option(names = "--force-weight-of", paramLabel = "GLOB=W[,W...]", description = "With --dataset: factors on the force rows of the"
            + " configurations whose config_type matches GLOB (e.g. 'opt-*=0.1,0.3,1' for the near-copy steps of the PBE relaxations);"
            + " each joins the validation grid (the force term stays a mean, those components counted W times each). Pair it with"
            + " --score-group so the choice sees the configurations it trades against. The model records fit.force_weight_of.")
    String forceWeightOf;
    @Option(names = "--candidate-rank", paramLabel = "N", defaultValue = "1", description = "With --dataset: take the validation grid's"
            + " N-th best candidate (1: the best score). forcefields/fit-dft.sh takes the next rank when its MD guard rejects a fit; the model"
            + " records fit.candidate_rank. A candidate whose solution is not a usable model (a bonded term that turns over or has no restoring"
            + " force, a non-positive charge scale) is passed over for the next rank, said on stderr and in fit.candidates_passed_over (default ${DEFAULT-VALUE}).")
    int candidateRank;
    @Option(names = "--thin-frames", paramLabel = "N", description = "Keep at most N frames (evenly spaced, always the last) of each"
            + " non-test group whose config_type matches --thin-config-type: the BFGS steps of one relaxation are near copies that outweigh"
            + " the MD and scan data. The test set is unchanged. Default: keep every frame.")
    Integer thinFrames;
    @Option(names = "--thin-config-type", paramLabel = "GLOB", defaultValue = "opt-*", description = "With --thin-frames: the config_types"
            + " thinned (default ${DEFAULT-VALUE}).")
    String thinConfigType;
    @Option(names = "--three-body", description = "Add UF3 3-body terms (tensor-product B-splines per (centre; j, k) species triple seen in the"
            + " training set). Off by default, so existing fits are unchanged; a base model with its own \"three_body\" always uses it as the basis.")
    boolean threeBody;
    @Option(names = "--three-body-cutoff", defaultValue = "4.0", description = "3-body arm cut-off r_ij, r_ik, Å (≤ 6; r_jk gets twice it; default ${DEFAULT-VALUE}).")
    double threeBodyCutoff;
    @Option(names = "--three-body-knots", defaultValue = "3",
            description = "Uniform knot spans on each arm (r_jk gets twice as many); unknowns per triple ≈ (spans)²·2·spans/2 (default ${DEFAULT-VALUE}).")
    int threeBodyKnots;
    @Option(names = "--three-body-centres", split = ",", description = "Only these centre species get 3-body terms (comma list, e.g. Na; default all).")
    java.util.List<String> threeBodyCentres;
    @Option(names = "--three-body-bonded-arms", description = "With --three-body: an arm may also be a covalent bond of the centre's own"
            + " molecule (N-H, B-H), so a (N; Na, HN) triple sees the Na-N-H angle, i.e. how the anion is turned among its cations"
            + " (never two bonds: that angle is the bonded term's). Not exportable to LAMMPS's ML-UF3.")
    boolean threeBodyBondedArms;
    @Option(names = "--three-body-below-rmin", paramLabel = "linear|constant", defaultValue = "linear", description = "With --three-body:"
            + " how each 3-body basis continues below its first knot (r_min, 0.1 Å under the shortest training distance): linear"
            + " (default; unbounded where no data were) or constant (its value at r_min, no force: a fit cannot attract two atoms"
            + " closer than its data). A B-centred fit with linear continuation fused BH4 and NH2 in MD (forcefields/README.md).")
    String threeBodyBelowRmin;
    @Option(names = "--fit-charge-scale", description = "Fit one factor s on every base charge (neutrality kept; Ewald scales as s², so it"
            + " stays a linear fit). Default: the base model's charges, fixed.")
    boolean fitChargeScale;
    @Option(names = "--rigid-body-weight", defaultValue = "0", split = ",", paramLabel = "W", description = "Also fit the forces on whole molecules and"
            + " ions (net force and torque per BH4/NH2 about its centre, force per Na/O: what dft compare's rigid_body reports), weighted so that"
            + " W = 1 counts a configuration's rigid-body residuals as much as its per-atom force residuals (default ${DEFAULT-VALUE}: none)."
            + " Several, comma-separated (e.g. 0,0.3,1,3), join the validation grid and the score adds the held-out rigid-body RMSE.")
    double[] rigidBodyWeight;
    @Option(names = "--stress-min-width", defaultValue = "0", paramLabel = "L", description = "Fit no stress of a configuration whose cell is"
            + " thinner than L Å (default ${DEFAULT-VALUE}: every stress). Γ-only DFT along a ~4.7 Å axis is off by ~3 GPa in the traceless stress"
            + " (forcefields/dft/README.md, k-point checks); energies and forces of those cells stay in the fit.")
    double stressMinWidth;
    @Option(names = "--fit-bonded", description = "Fit the harmonic bonds and angles of the molecules (K, r0, θ0; still linear: each term is"
            + " quadratic in r − r_ref). Default: the base model's, fixed.")
    boolean fitBonded;
    @Option(names = {"-o", "--output"}, required = true, description = "Fitted force-field JSON.")
    Path output;
    @Option(names = "--report", description = "Report prefix (writes PREFIX.json and PREFIX.md); with --dataset a folder (JSON, markdown, plots).")
    String report;
    @Option(names = "--json", description = "Print the JSON report instead of markdown.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (dataset != null) return fitDataset();
        if (targets == null) throw new IllegalArgumentException("fit-ff needs a targets file or --dataset FILE...");
        FitProblem pr = FitProblem.load(targets);
        ForceFieldFitter.Result r = new ForceFieldFitter(pr).fit();
        ObjectMapper om = new ObjectMapper();
        String model = om.writerWithDefaultPrettyPrinter().writeValueAsString(pr.model(r.fitted()));
        AtomicFile.writeText(output, w -> w.write(model + "\n"));
        String prefix = report != null ? report : output.toString().replaceAll("\\.json$", "") + ".fit";
        String js = om.writerWithDefaultPrettyPrinter().writeValueAsString(FitReport.json(r));
        String md = FitReport.markdown(r);
        AtomicFile.writeText(Path.of(prefix + ".json"), w -> w.write(js + "\n"));
        AtomicFile.writeText(Path.of(prefix + ".md"), w -> w.write(md));
        var out = spec.commandLine().getOut();
        out.println(json ? js : md);
        out.flush();
        return 0;
    }

    private int fitDataset() throws Exception {
        if (!form.equals("uf3")) throw new IllegalArgumentException("--form " + form + ": only uf3 is implemented");
        if (!(rCut > 0 && rCut <= 6)) throw new IllegalArgumentException("--r-cut must be in (0, 6] Å");
        if (threeBody && !(threeBodyCutoff > 0 && threeBodyCutoff <= 6)) throw new IllegalArgumentException("--three-body-cutoff must be in (0, 6] Å");
        if (threeBody && threeBodyKnots < 1) throw new IllegalArgumentException("--three-body-knots must be at least 1");
        var tb = threeBody ? new org.paddlewheel.forcefield.fit.Uf3Fitter.ThreeBody(true, threeBodyCutoff, threeBodyKnots,
                threeBodyCentres == null ? java.util.List.of() : threeBodyCentres, threeBodyBondedArms, parseBelow(threeBodyBelowRmin))
                : org.paddlewheel.forcefield.fit.Uf3Fitter.ThreeBody.OFF;
        if (threeBodyBondedArms && !threeBody) throw new IllegalArgumentException("--three-body-bonded-arms needs --three-body");
        if (!stressMode.equals("full") && !stressMode.equals("deviatoric") && !stressMode.equals("offset")) {
            throw new IllegalArgumentException("--stress must be full, deviatoric or offset, got " + stressMode);
        }
        var opt = new org.paddlewheel.forcefield.fit.Uf3FitOptions(base, keepPairs, rCut, knotSpacing, coreA, coreRho, testFraction,
                validationFraction).withThreeBody(tb).withDeviatoricStress(stressMode.equals("deviatoric")).withPressureOffset(stressMode.equals("offset")).withChargeScale(fitChargeScale).withFitBonded(fitBonded).withCrossValidation(cvFolds);
        if (bondedOrder != 2 && bondedOrder != 4) throw new IllegalArgumentException("--bonded-order must be 2 or 4, got " + bondedOrder);
        opt = opt.withBondedOrder(bondedOrder).withRelativeEnergy(relativeEnergy).withRelativeEnergyKey(relativeEnergyKey);
        if (angleOrder != null) opt = opt.withAngleOrder(angleOrder);
        if (rigidBodyWeight != null && (rigidBodyWeight.length > 1 || rigidBodyWeight[0] != 0)) opt = opt.withRigidBodyWeights(rigidBodyWeight);
        if (stressMinWidth != 0) opt = opt.withStressMinWidth(stressMinWidth);
        if (relativeEnergyWeight != null) {
            if (relativeEnergy == null) throw new IllegalArgumentException("--relative-energy-weight needs --relative-energy");
            opt = opt.withRelativeWeights(relativeEnergyWeight);
        }
        if (cutoffCorrection != null && !cutoffCorrection.isEmpty()) {
            java.util.List<org.paddlewheel.model.Element> els = new java.util.ArrayList<>();
            for (String e : cutoffCorrection) els.add(org.paddlewheel.model.Element.of(e.trim()));
            opt = opt.withCutoffCorrection(els);
        }
        if (cutoffCurves != null) opt = opt.withCutoffCurves(org.paddlewheel.forcefield.fit.CutoffCurves.read(cutoffCurves));
        var frames = org.paddlewheel.forcefield.fit.Uf3Dataset.read(dataset);
        if (candidateRank != 1) opt = opt.withCandidateRank(candidateRank);
        if (!"auto".equals(validationGrid)) opt = opt.withValidationGrid(validationGrid);
        if (energyWeightOf != null && !energyWeightOf.isEmpty()) opt = energyWeights(opt, energyWeightOf);
        if (scoreGroup != null) opt = opt.withScoreGroup(scoreGroup);
        if (forceWeightOf != null) opt = opt.withForceWeightGrid(forceWeightGrid(forceWeightOf));
        if (thinFrames != null) {
            int before = frames.size();
            frames = org.paddlewheel.forcefield.fit.Uf3Dataset.thin(frames, thinConfigType, thinFrames, testFraction);
            System.err.printf(java.util.Locale.ROOT, "fit-ff uf3: --thin-frames %d on config_type %s: %d of %d configurations kept%n",
                    thinFrames, thinConfigType, frames.size(), before);
        }
        var r = new org.paddlewheel.forcefield.fit.Uf3Fitter(opt, System.err).fit(frames);
        String model = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(r.model());
        AtomicFile.writeText(output, w -> w.write(model + "\n"));
        var out = spec.commandLine().getOut();
        if (report != null) {
            out.print(org.paddlewheel.report.Uf3Report.write(r, Path.of(report)));
        } else {
            String[] names = {"train", "validation", "test"};
            var sets = java.util.List.of(r.train(), r.validation(), r.test());
            for (int k = 0; k < 3; k++) {
                var set = sets.get(k);
                double[] e = org.paddlewheel.forcefield.fit.Uf3Solver.rmse(set, r.coefficients(), r.trainingSpan());
                out.printf(java.util.Locale.ROOT, "%s: %d configs: RMSE E %.4g eV/atom, F %.4g eV/Å, stress %.4g eV/Å³%n", names[k], set.size(), e[0], e[1], e[2]);
            }
        }
        out.flush();
        return 0;
    }

    private static boolean parseBelow(String v) {
        if (v.equals("linear") || v.equals("constant")) return v.equals("constant");
        throw new IllegalArgumentException("--three-body-below-rmin must be linear or constant, got " + v);
    }

    /** Parses {@code GLOB=W[,W...]} of --force-weight-of. */
    static org.paddlewheel.forcefield.fit.Uf3FitOptions.WeightGrid forceWeightGrid(String given) {
        int eq = given.lastIndexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("--force-weight-of " + given + ": expected GLOB=W[,W...]");
        return org.paddlewheel.forcefield.fit.Uf3FitOptions.WeightGrid.force(given.substring(0, eq),
                weights("--force-weight-of", given.substring(0, eq), given.substring(eq + 1)));
    }

    /** The factors {@code W[,W...]} given to {@code option} for {@code glob}; each must be a positive finite number. */
    static double[] weights(String option, String glob, String list) {
        String[] parts = list.split(",", -1);
        double[] w = new double[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                w[k] = Double.parseDouble(parts[k].trim());
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException(option + " " + glob + "=" + list + ": '" + parts[k].trim() + "' is not a number;"
                        + " expected a positive number or a comma-separated list of them");
            }
            if (!(w[k] > 0) || !Double.isFinite(w[k])) {
                throw new IllegalArgumentException(option + " " + glob + "=" + parts[k].trim() + ": expected a positive number");
            }
        }
        return w;
    }

    /** `--energy-weight-of GLOB=W[,W…]`: single values are fixed factors, one glob with several values is the validated grid. */
    public static org.paddlewheel.forcefield.fit.Uf3FitOptions energyWeights(org.paddlewheel.forcefield.fit.Uf3FitOptions opt, java.util.Map<String, String> given) {
        java.util.LinkedHashMap<String, Double> fixed = new java.util.LinkedHashMap<>();
        org.paddlewheel.forcefield.fit.Uf3FitOptions.WeightGrid grid = null;
        for (var e : given.entrySet()) {
            double[] w = weights("--energy-weight-of", e.getKey(), e.getValue());
            if (w.length == 1) {
                fixed.put(e.getKey(), w[0]);
            } else if (grid != null) {
                throw new IllegalArgumentException("--energy-weight-of " + e.getKey() + "=" + e.getValue() + ": only one glob may list several factors (" + grid.glob() + " does)");
            } else {
                grid = org.paddlewheel.forcefield.fit.Uf3FitOptions.WeightGrid.energy(e.getKey(), w);
            }
        }
        if (!fixed.isEmpty()) opt = opt.withEnergyWeightOf(fixed);
        return grid == null ? opt : opt.withEnergyWeightGrid(grid);
    }
}
