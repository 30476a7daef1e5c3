package org.paddlewheel.forcefield.fit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.NeighbourList;
import org.paddlewheel.forcefield.SplineJson;
import org.paddlewheel.forcefield.SplinePair;
import org.paddlewheel.forcefield.SplineTriple;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.model.Element;

/**
 * Fits a UF3-style short-range model to labelled configurations ({@code fit-ff --dataset … --form uf3}):
 * splits the data once ({@link Uf3Dataset#split}), builds the basis (the base model's uf3 pairs
 * when it has any; else every species pair seen in the training set within r_cut, r_min 0.1 Å below
 * its shortest training distance, rounded down to 0.05 Å, uniform knots of about {@code knotSpacing}),
 * computes each configuration's rows ({@link Uf3Design}), then chooses the energy and stress weights
 * and the ridge and curvature penalties on a grid by the validation score
 * Σ_q RMSE_q / RMSE_q(baseline) over energy, force and stress (baseline: fixed part plus fitted atom
 * energies, splines 0), and fits the training set with the best choice. The test set is evaluated
 * only at the end. Learning curve: the same hyper-parameters on the first 1/8, 1/4, 1/2 and all of
 * the training groups (ordered by their hash). Progress on {@code log} (stderr in the CLI).
 */
public final class Uf3Fitter {
    /**
     * The 3-body part of the basis: off, or arms r_ij, r_ik on [r_min, cutoff] with {@code intervals} uniform
     * spans and r_jk on [r_min,jk, 2·cutoff] with 2·intervals (UF3's and LAMMPS ML-UF3's r_jk = 2 r_ij
     * convention), for centres of the named species (null or empty: every species). Used only when the base
     * model has no "three_body" of its own (then its triples define the basis).
     */
    public record ThreeBody(boolean on, double cutoff, int intervals, List<String> centres, boolean bondedArms, boolean constantBelow) {
        public static final ThreeBody OFF = new ThreeBody(false, 4.0, 3, List.of(), false, false);

        /** With the bases continued linearly below r_min (the default since the 3-body term exists). */
        public ThreeBody(boolean on, double cutoff, int intervals, List<String> centres, boolean bondedArms) {
            this(on, cutoff, intervals, centres, bondedArms, false);
        }

        /** Without bonded arms (arms are non-bonded pairs only, as LAMMPS's ML-UF3 counts them). */
        public ThreeBody(boolean on, double cutoff, int intervals, List<String> centres) {
            this(on, cutoff, intervals, centres, false);
        }
    }

    /** One grid point and its validation score and RMSEs (energy eV/atom, force eV/Å, stress eV/Å³). */
    public record Candidate(Uf3Solver.Hyper hyper, double score, double[] rmse) {}

    /** One learning-curve point: training configurations and train / validation / test RMSEs. */
    public record LearningPoint(int configs, double[] train, double[] validation, double[] test) {}

    /** Outcome: the design and rows of each set, the chosen hyper-parameters and the fitted model. */
    public record Result(Uf3Design design, List<Uf3Design.Rows> train, List<Uf3Design.Rows> validation, List<Uf3Design.Rows> test,
                         Uf3Solver.Hyper hyper, double[] coefficients, List<Candidate> candidates, List<LearningPoint> learning,
                         List<SplinePair> fitted, double[] atomEnergiesByElement, ObjectNode model, ForceField fittedModel,
                         boolean scoredOnTraining, java.util.Map<String, double[]> meanCharges, boolean deviatoricStress,
                         double chargeScale, int cvFolds, double[] cvRmse, CompositionSpan trainingSpan) {
        /** Whether the charge scale was fitted (else {@link #chargeScale} is 1: the base charges). */
        public boolean chargeScaleFitted() { return design.chargeScaleColumn() >= 0; }
    }

    /**
     * Unknowns above which the validation grid is thinned to 27 points (w_E 1/10/100, w_S 100, ridge 1e-6…1e-2, curvature
     * 1e-6…1e-2). Until 4 Dec 2026 the thinned grid stopped at curvature 1e-4, so the largest designs (the Na-centred 3-body
     * fits, 1,777 unknowns) could only be the least smoothed, while the full grid picks 1e-2 for the 2-body and the smaller
     * 3-body designs of the same data.
     */
    public static final int COARSE_GRID_FROM = 1500;

    private final Uf3FitOptions opt;
    private final PrintStream log;

    public Uf3Fitter(Uf3FitOptions options, PrintStream log) {
        this.opt = options;
        this.log = log;
    }

    public Result fit(List<Uf3Dataset.Frame> frames) {
        ObjectNode baseJson = SplineJson.baseJson(opt.base());
        ForceField base = SplineJson.load(baseJson, opt.base());
        if (opt.cutoffCurves() != null) {
            frames = new CutoffCorrection(java.util.Map.of(), opt.cutoffCurves()).correct(frames);
            log.printf(Locale.ROOT, "fit-ff uf3: measured GPW cut-off curves taken out of the data (%s)%n", curveSummary(opt.cutoffCurves()));
        }
        Uf3Dataset.Split split = Uf3Dataset.split(frames, opt.testFraction(), opt.validationFraction());
        log.printf(Locale.ROOT, "fit-ff uf3: %d configurations: %d train, %d validation, %d test (by source)%n", frames.size(),
                split.train().size(), split.validation().size(), split.test().size());
        if (split.train().isEmpty()) throw new IllegalArgumentException("no training configurations");
        List<SplinePair> templates = base.splinePairs().isEmpty() ? autoBasis(base, split.train()) : base.splinePairs();
        Set<Element> els = new LinkedHashSet<>();
        for (Uf3Dataset.Frame f : frames) for (Element e : f.labelled().structure().speciesArray()) els.add(e);
        List<SplineTriple> triples = !base.splineTriples().isEmpty() ? base.splineTriples()
                : opt.threeBody().on() ? new TripleBasis(opt.threeBody(), log).build(base, split.train()) : List.of();
        List<String> relative = frames.stream().filter(this::relative).map(Uf3Dataset.Frame::group).distinct().toList();
        Uf3Design design = new Uf3Design(baseJson, base, templates, triples, opt.keepPairs(), new ArrayList<>(els),
                opt.fitChargeScale(), opt.fitBonded(), opt.pressureOffset(), opt.cutoffCorrection(), opt.bondedOrder(), opt.angleOrderUsed())
                .rigidBodyWeight(opt.rigidBodyWeight() > 0 ? 1 : 0); // at unit weight; the grid's factor (Hyper#rigidWeight) scales them
        double[] wRBs = opt.rigidBodyWeights();
        if (opt.rigidBodyWeight() > 0) {
            log.printf(Locale.ROOT, "fit-ff uf3: rigid-body rows (net force and torque per molecule, force per ion) at weight%s %s%n",
                    wRBs.length > 1 ? "s" : "", wRBs.length > 1 ? java.util.Arrays.toString(wRBs) + " (chosen by validation; the score adds their held-out rigid-body RMSE)"
                            : String.format(Locale.ROOT, "%g", wRBs[0]));
        }
        if (!relative.isEmpty()) {
            log.printf(Locale.ROOT, "fit-ff uf3: %d groups with relative energies and deviatoric stress only (config_type %s)%n", relative.size(),
                    opt.relativeEnergy());
        }
        log.printf(Locale.ROOT, "fit-ff uf3: %d spline pairs, %d 3-body triples, %d unknowns (%d atom energies)%n", templates.size(),
                triples.size(), design.columns(), els.size());
        List<Uf3Design.Rows> tr = rows(design, split.train(), "train"), va = rows(design, split.validation(), "validation"),
                te = rows(design, split.test(), "test");
        java.util.function.ToDoubleFunction<Uf3Design.Rows> energyWeight = r -> opt.energyWeightOf(r.configType());
        if (!opt.energyWeightOf().isEmpty()) log.printf(Locale.ROOT, "fit-ff uf3: energy rows weighted by config_type %s%n", opt.energyWeightOf());
        Uf3FitOptions.WeightGrid grid = opt.energyWeightGrid();
        java.util.function.Predicate<Uf3Design.Rows> block = grid == null ? null : r -> grid.matches(r.configType());
        java.util.function.Predicate<Uf3Design.Rows> scoreGroup = opt.scoreGroup() == null ? null : r -> opt.inScoreGroup(r.configType());
        Uf3FitOptions.WeightGrid fgrid = opt.forceWeightGrid();
        java.util.function.Predicate<Uf3Design.Rows> forceBlock = fgrid == null ? null : r -> fgrid.matches(r.configType());
        CrossValidation cv = CrossValidation.of(tr, va, opt.cvFolds(), design.columns(), design.elements(), energyWeight, block, scoreGroup, forceBlock);
        if (cv != null) {
            tr = cv.rows();
            va = List.of();
            log.printf(Locale.ROOT, "fit-ff uf3: %d-fold cross-validation over %d groups of the %d non-test configurations%n", cv.folds(),
                    cv.groups(), tr.size());
        }
        Uf3Solver.Normal nTrain = Uf3Solver.Normal.of(design.columns(), tr, energyWeight, block, forceBlock);
        boolean onTrain = va.isEmpty() && cv == null;
        List<Uf3Design.Rows> scoreSet = onTrain ? tr : va;
        if (onTrain) log.println("fit-ff uf3: no validation configurations; hyper-parameters scored on the training set");
        CompositionSpan trainSpan = new CompositionSpan(design.elements(), tr);
        java.util.function.Function<Uf3Solver.Hyper, double[]> judge = cv != null ? h -> cv.rmse(design, h)
                : h -> Uf3Solver.rmse(scoreSet, Uf3Solver.solve(design, nTrain, h), trainSpan, block, scoreGroup);
        double[] base0 = judge.apply(new Uf3Solver.Hyper(1, 1, 1e12, 0));
        List<Candidate> cands = new ArrayList<>();
        boolean coarse = opt.validationGrid().equals("coarse") || opt.validationGrid().equals("auto") && design.columns() > COARSE_GRID_FROM;
        double[] wEs = coarse ? new double[] {1, 10, 100} : new double[] {1, 3, 10, 30, 100};
        double[] wSs = !nTrain.hasStress() ? new double[] {0} : coarse ? new double[] {100} : new double[] {10, 100, 1000};
        double[] ridges = coarse ? new double[] {1e-6, 1e-4, 1e-2} : new double[] {1e-8, 1e-6, 1e-4, 1e-2};
        double[] curvs = coarse ? new double[] {1e-6, 1e-4, 1e-2} : new double[] {1e-8, 1e-6, 1e-4, 1e-2};
        if (coarse) {
            log.printf(Locale.ROOT, "fit-ff uf3: %s: coarse validation grid (%d candidates; each is a dense %d² Cholesky solve)%n",
                    opt.validationGrid().equals("coarse") ? "--validation-grid coarse" : design.columns() + " unknowns > " + COARSE_GRID_FROM,
                    wEs.length * wSs.length * ridges.length * curvs.length, design.columns());
        }
        double[] wRs = opt.relativeWeights();
        // with several relative-energy weights the score also judges the held-out scans' and barriers' energy differences
        int scored = opt.relativeWeightChosen() && Double.isFinite(base0[3]) ? 4 : 3;
        if (wRs.length > 1 || wRs[0] != 1) {
            log.printf(Locale.ROOT, "fit-ff uf3: relative-energy weights %s%s%n", java.util.Arrays.toString(wRs),
                    scored == 4 ? " (chosen by validation; the score adds the relative-energy RMSE)" : "");
        }
        // with several factors on the validated block the score also judges the block's held-out energies
        double[] wXs = grid == null ? new double[] {1} : grid.weights();
        boolean blockScored = wXs.length > 1 && Double.isFinite(base0[4]) && base0[4] > 0;
        if (grid != null) {
            log.printf(Locale.ROOT, "fit-ff uf3: energy-weight factors %s on config_type %s (%d configurations)%s%n", java.util.Arrays.toString(wXs), grid.glob(),
                    java.util.stream.Stream.concat(tr.stream(), va.stream()).filter(block).count(),
                    blockScored ? " (chosen by validation; the score adds their held-out energy RMSE)" : wXs.length > 1 ? " (none of them held out: not scored)" : "");
        }
        // a score group (e.g. the thermal MD frames) adds its held-out energy and force RMSEs, each over its baseline
        boolean groupScored = scoreGroup != null && Double.isFinite(base0[6]) && base0[6] > 0;
        if (scoreGroup != null) {
            log.printf(Locale.ROOT, "fit-ff uf3: score group %s (%d configurations)%s%n", opt.scoreGroup(),
                    java.util.stream.Stream.concat(tr.stream(), va.stream()).filter(scoreGroup).count(),
                    groupScored ? ": the score adds their held-out energy and force RMSEs" : ": none of them held out, not scored");
        }
        double[] wFs = fgrid == null ? new double[] {1} : fgrid.weights();
        if (fgrid != null) {
            log.printf(Locale.ROOT, "fit-ff uf3: force-row factors %s on config_type %s (%d configurations; chosen by validation)%n",
                    java.util.Arrays.toString(wFs), fgrid.glob(), java.util.stream.Stream.concat(tr.stream(), va.stream()).filter(forceBlock).count());
        }
        boolean rigidScored = wRBs.length > 1 && Double.isFinite(base0[7]) && base0[7] > 0;
        Candidate best = null;
        int total = wRBs.length * wFs.length * wXs.length * wRs.length * wEs.length * wSs.length * ridges.length * curvs.length, step = Math.max(1, total / 10);
        for (double wrb : wRBs) for (double wf : wFs) for (double wx : wXs) for (double wr : wRs) for (double we : wEs) for (double ws : wSs) for (double rr : ridges) for (double cu : curvs) {
            if (cands.size() % step == 0 && cands.size() > 0) { // progress: the grid of a large design takes tens of minutes
                log.printf(Locale.ROOT, "fit-ff uf3: validation grid %d/%d (best score so far %.4f)%n", cands.size(), total, best.score());
            }
            Uf3Solver.Hyper h = new Uf3Solver.Hyper(we, ws, rr, cu, wr, wx, wf, wrb);
            double[] r = judge.apply(h);
            double score = 0;
            for (int q = 0; q < scored; q++) if (Double.isFinite(r[q]) && base0[q] > 0) score += r[q] / base0[q];
            if (blockScored && Double.isFinite(r[4])) score += r[4] / base0[4];
            if (groupScored) {
                if (Double.isFinite(r[5]) && base0[5] > 0) score += r[5] / base0[5];
                score += r[6] / base0[6];
            }
            if (rigidScored && Double.isFinite(r[7])) score += r[7] / base0[7];
            Candidate c = new Candidate(h, score, r);
            cands.add(c);
            if (best == null || score < best.score()) best = c;
        }
        // The rank-th best score (a fit the MD guard rejected takes the next; Uf3FitOptions). A candidate whose solution is
        // not a usable model (a bonded term without a restoring force or one that turns over, a non-positive charge scale)
        // is passed over, on stderr, for the next rank: the validation scores frames at their DFT geometries only and cannot
        // see a quartic angle term that folds 36° from its minimum (session 24: curvature 1e-6 on 594 configurations).
        List<Candidate> ranked = Uf3CandidateChoice.ranked(cands, opt.candidateRank());
        Uf3CandidateChoice.Taken taken = Uf3CandidateChoice.firstUsable(ranked, opt.candidateRank(),
                h -> Uf3Solver.solve(design, nTrain, h.hyper()), c0 -> Uf3CandidateChoice.unusable(design, c0), log);
        int rank = taken.rank();
        List<String> passedOver = taken.passedOver();
        double[] c = taken.solution();
        best = taken.candidate();
        if (rank > 1) {
            log.printf(Locale.ROOT, "fit-ff uf3: candidate rank %d of %d taken (score %.4f; the best is %.4f)%n", rank,
                    ranked.size(), best.score(), ranked.get(0).score());
        }
        log.printf(Locale.ROOT, "fit-ff uf3: %d candidates; chosen w_E %g w_S %g ridge %g curvature %g%s, score %.4f"
                + " (%s RMSE E %.4g eV/atom, F %.4g eV/Å, σ %.4g eV/Å³%s)%n", cands.size(), best.hyper().energyWeight(),
                best.hyper().stressWeight(), best.hyper().ridge(), best.hyper().curvature(),
                (wRs.length > 1 || wRs[0] != 1 ? String.format(Locale.ROOT, " relative-energy weight %g", best.hyper().relativeWeight()) : "")
                        + (grid != null ? String.format(Locale.ROOT, " energy-weight factor %g on %s", best.hyper().gridWeight(), grid.glob()) : "")
                        + (fgrid != null ? String.format(Locale.ROOT, " force-row factor %g on %s", best.hyper().forceGridWeight(), fgrid.glob()) : "")
                        + (opt.rigidBodyWeight() > 0 ? String.format(Locale.ROOT, " rigid-body weight %g", best.hyper().rigidWeight()) : ""), best.score(),
                cv != null ? "cross-validation" : "validation", best.rmse()[0], best.rmse()[1], best.rmse()[2],
                Double.isFinite(best.rmse()[3]) ? String.format(Locale.ROOT, ", relative E %.4g eV/atom", best.rmse()[3]) : "");
        double chargeScale = 1;
        if (design.chargeScaleColumn() >= 0) {
            chargeScale = Math.sqrt(c[design.chargeScaleColumn()]); // positive: unusable() passed over any other
            log.printf(Locale.ROOT, "fit-ff uf3: charge scale s = %.4f (every base charge times s; e.g. q(%s) %.4f e)%n", chargeScale,
                    base.species().get(0).name(), base.species().get(0).charge() * chargeScale);
        }
        if (design.pressureOffsetColumn() >= 0) {
            log.printf(Locale.ROOT, "fit-ff uf3: pressure offset P_data − P_model = %.4f GPa (common to every configuration; not part of the model)%n",
                    -c[design.pressureOffsetColumn()] * org.paddlewheel.model.Units.EV_PER_A3_TO_GPA);
        }
        for (int k = 0; k < design.cutoffCorrectionElements().size(); k++) {
            log.printf(Locale.ROOT, "fit-ff uf3: GPW cut-off correction of the data: %s %.4f meV per Ry per atom (not part of the model)%n",
                    design.cutoffCorrectionElements().get(k).symbol(), 1e3 * c[design.cutoffCorrectionColumn(k)]);
        }
        List<LearningPoint> lc = new ArrayList<>();
        List<String> groups = tr.stream().map(Uf3Design.Rows::group).distinct()
                .sorted(java.util.Comparator.comparingDouble(g -> Uf3Dataset.unit(g, 3))).toList();
        for (int div : new int[] {8, 4, 2, 1}) {
            int ng = Math.max(1, (int) Math.ceil(groups.size() / (double) div));
            Set<String> use = new java.util.HashSet<>(groups.subList(0, ng));
            List<Uf3Design.Rows> sub = tr.stream().filter(r -> use.contains(r.group())).toList();
            double[] cs = div == 1 ? c : Uf3Solver.solve(design, Uf3Solver.Normal.of(design.columns(), sub, energyWeight, block), best.hyper());
            CompositionSpan subSpan = new CompositionSpan(design.elements(), sub);
            lc.add(new LearningPoint(sub.size(), Uf3Solver.rmse(sub, cs), Uf3Solver.rmse(va, cs, subSpan), Uf3Solver.rmse(te, cs, subSpan)));
        }
        List<SplinePair> fitted = new ArrayList<>();
        for (int p = 0; p < templates.size(); p++) {
            SplinePair sp = design.splines().get(p);
            double[] coef = new double[sp.basisSize()];
            System.arraycopy(c, design.start(p), coef, 0, sp.freeSize());
            fitted.add(sp.withCoefficients(coef));
        }
        double[] ae = new double[els.size()];
        System.arraycopy(c, design.elementStart(), ae, 0, ae.length);
        double[] perSpecies = new double[base.species().size()];
        for (int s = 0; s < perSpecies.length; s++) {
            int k = design.elements().indexOf(base.species().get(s).element());
            perSpecies[s] = k < 0 ? 0 : ae[k];
        }
        String name = base.name() + "-uf3-fit";
        ObjectNode model = SplineJson.withSplines(baseJson, base, opt.keepPairs(), fitted, perSpecies, name);
        design.bondedColumns().writeFitted(model, c);
        if (design.bondedColumns().on()) {
            for (var b : model.withArray("bonds")) log.printf(Locale.ROOT, "fit-ff uf3: bond %s K %.4f eV/Å² r0 %.4f Å K3 %.4f K4 %.4f%n", b.path("molecule").asText(),
                    b.path("K").asDouble(), b.path("r0").asDouble(), b.path("K3").asDouble(0), b.path("K4").asDouble(0));
            for (var a : model.withArray("angles")) log.printf(Locale.ROOT, "fit-ff uf3: angle %s K %.4f eV/rad² θ0 %.2f° K3 %.4f K4 %.4f%n", a.path("molecule").asText(),
                    a.path("K").asDouble(), a.path("theta0_deg").asDouble(), a.path("K3").asDouble(0), a.path("K4").asDouble(0));
        }
        if (design.chargeScaleColumn() >= 0) {
            for (var sp : model.withArray("species")) {
                ObjectNode o = (ObjectNode) sp;
                if (o.has("charge")) o.put("charge", o.get("charge").asDouble() * chargeScale);
            }
        }
        List<SplineTriple> fittedTriples = new ArrayList<>();
        for (int t = 0; t < triples.size(); t++) fittedTriples.add(design.fittedTriple(t, c));
        SplineJson.withTriples(model, base, fittedTriples);
        // How the model was made, so that dft compare labels the sets honestly (with cross-validation the
        // validation groups are part of the final fit) and a reader can redo it.
        ObjectNode how = model.putObject("fit");
        how.put("method", "paddlewheel fit-ff --form uf3").put("test_fraction", opt.testFraction())
                .put("validation_fraction", opt.validationFraction()).put("cv_folds", cv == null ? 0 : cv.folds())
                .put("validation_grid", coarse ? "coarse" : "full").put("validation_candidates", cands.size())
                .put("stress", opt.deviatoricStress() ? "deviatoric" : opt.pressureOffset() ? "offset" : "full")
                .put("energy_weight", best.hyper().energyWeight()).put("stress_weight", best.hyper().stressWeight())
                .put("ridge", best.hyper().ridge()).put("curvature", best.hyper().curvature())
                .put("relative_energy_weight", best.hyper().relativeWeight()).put("candidate_rank", rank)
                .put("candidate_rank_asked", opt.candidateRank())
                .put("training_configurations", tr.size()).put("test_configurations", te.size())
                .put("bonded_order", design.bondedFitted() ? opt.bondedOrder() : 0)
                .put("angle_order", design.bondedFitted() ? opt.angleOrderUsed() : 0);
        if (!passedOver.isEmpty()) { // candidates of better score whose solution was not a usable model, and why
            var arr = how.putArray("candidates_passed_over");
            passedOver.forEach(arr::add);
        }
        if (opt.relativeEnergy() != null && !opt.relativeEnergy().isEmpty()) how.put("relative_energy_config_types", opt.relativeEnergy());
        if (opt.relativeEnergyKey() != null) how.put("relative_energy_key", opt.relativeEnergyKey());
        if (opt.stressMinWidth() > 0) how.put("stress_min_width_A", opt.stressMinWidth());
        if (opt.rigidBodyWeight() > 0) {
            how.put("rigid_body_weight", best.hyper().rigidWeight());
            if (wRBs.length > 1) {
                var g = how.putArray("rigid_body_weights");
                for (double w : wRBs) g.add(w);
            }
        }
        if (!opt.energyWeightOf().isEmpty() || grid != null) {
            var ew = how.putObject("energy_weight_of");
            if (grid != null) ew.put(grid.glob(), best.hyper().gridWeight());
            opt.energyWeightOf().forEach((k, v) -> { if (!ew.has(k)) ew.put(k, v); });
        }
        if (grid != null) { // the candidates the validation chose among, and the chosen fit's held-out RMSE on them
            var arr = how.putObject("energy_weight_of_candidates").putArray(grid.glob());
            for (double w : grid.weights()) arr.add(w);
            if (Double.isFinite(best.rmse()[4])) how.put("energy_weight_of_validation_rmse_eV_per_atom", best.rmse()[4]);
        }
        if (fgrid != null) { // the force-row factor chosen and the candidates it was chosen among
            how.putObject("force_weight_of").put(fgrid.glob(), best.hyper().forceGridWeight());
            var arr = how.putObject("force_weight_of_candidates").putArray(fgrid.glob());
            for (double w : fgrid.weights()) arr.add(w);
        }
        if (groupScored) { // the score group and the chosen fit's held-out RMSEs on it
            how.put("score_group", opt.scoreGroup()).put("score_group_validation_force_rmse_eV_per_A", best.rmse()[6]);
            if (Double.isFinite(best.rmse()[5])) how.put("score_group_validation_energy_rmse_eV_per_atom", best.rmse()[5]);
        }
        if (cv != null) { // which groups the pooled cross-validation RMSE comes from (an extrapolating group shows here)
            var arr = how.putArray("cross_validation_groups");
            List<CrossValidation.GroupError> ge = cv.perGroup(design, best.hyper());
            for (CrossValidation.GroupError g : ge) {
                ObjectNode o = arr.addObject().put("group", g.group()).put("configs", g.configs());
                if (Double.isFinite(g.energyRmse())) o.put("energy_rmse_eV_per_atom", g.energyRmse()).put("energy_mean_error_eV_per_atom", g.energyMeanError());
                o.put("force_rmse_eV_per_A", g.forceRmse());
            }
            StringBuilder worst = new StringBuilder();
            for (int k = 0; k < Math.min(5, ge.size()); k++) {
                CrossValidation.GroupError g = ge.get(k);
                worst.append(String.format(Locale.ROOT, "%s%s E %.1f meV/atom (mean %+.1f), F %.3f eV/Å", k == 0 ? "" : "; ", g.group(),
                        1e3 * g.energyRmse(), 1e3 * g.energyMeanError(), g.forceRmse()));
            }
            log.printf(Locale.ROOT, "fit-ff uf3: cross-validation, worst groups out of fold: %s%n", worst);
        }
        if (!design.cutoffCorrectionElements().isEmpty()) { // dft compare corrects the data the same way
            ObjectNode cc = how.putObject("cutoff_correction_eV_per_Ry");
            for (int k = 0; k < design.cutoffCorrectionElements().size(); k++) {
                cc.put(design.cutoffCorrectionElements().get(k).symbol(), c[design.cutoffCorrectionColumn(k)]);
            }
        }
        if (opt.cutoffCurves() != null) opt.cutoffCurves().toJson(how.putObject("cutoff_correction_curves"));
        // the compositions whose absolute energies the atom energies fix are the span of these (CompositionSpan)
        var comps = how.putArray("training_compositions");
        java.util.Set<java.util.Map<String, Integer>> seenComps = new java.util.LinkedHashSet<>();
        for (Uf3Design.Rows row : tr) {
            java.util.Map<String, Integer> m = new java.util.TreeMap<>();
            for (Element e : row.species()) m.merge(e.symbol(), 1, Integer::sum);
            if (seenComps.add(m)) {
                ObjectNode o = comps.addObject();
                m.forEach(o::put);
            }
        }
        model.put("provisional", true);
        model.put("description", (triples.isEmpty() ? "UF3-style 2-body splines" : "UF3-style 2-body splines and 3-body terms") + " fitted by paddlewheel fit-ff --form uf3 on top of " + base.name()
                + (design.chargeScaleColumn() >= 0 ? String.format(Locale.ROOT, " (charges scaled by the fitted s = %.4f", chargeScale) : " (charges fixed")
                + (design.bondedColumns().on() ? "; bonded K, r0, θ0 fitted" : "; bonded terms fixed") + (opt.keepPairs() ? ", its pair terms kept" : "") + ")");
        return new Result(design, tr, va, te, best.hyper(), c, cands, lc, fitted, ae, model, SplineJson.load(model, name), onTrain,
                meanCharges(base, frames), opt.deviatoricStress(), chargeScale, cv == null ? 0 : cv.folds(), cv == null ? null : best.rmse(), trainSpan);
    }

    /**
     * Mean and standard deviation of the per-atom {@code charges} (e; e.g. Hirshfeld from CP2K) of every
     * configuration that has them, per base-model species (all sets: the charges are not fitted):
     * species name → {mean, std, atoms}. A candidate fixed-charge set, not used by the fit.
     */
    /** "Na from Na+ (622-2015 Ry), …" for the log and the report. */
    public static String curveSummary(CutoffCurves c) {
        StringBuilder b = new StringBuilder();
        for (CutoffCurves.Curve cv : c.curves().values()) {
            if (b.length() > 0) b.append(", ");
            b.append(String.format(Locale.ROOT, "%s from %s, %.0f-%.0f Ry", cv.element().symbol(), cv.ion(), cv.effectiveRy()[0],
                    cv.effectiveRy()[cv.effectiveRy().length - 1]));
        }
        return b.toString();
    }

    static java.util.Map<String, double[]> meanCharges(ForceField base, List<Uf3Dataset.Frame> frames) {
        java.util.Map<String, double[]> acc = new java.util.LinkedHashMap<>();
        for (var sp : base.species()) acc.put(sp.name(), new double[3]);
        for (Uf3Dataset.Frame f : frames) {
            double[] q = f.labelled().charges();
            if (q == null) continue;
            Topology top = Topology.build(base, f.labelled().structure());
            for (int i = 0; i < q.length; i++) {
                double[] a = acc.get(base.species().get(top.type[i]).name());
                a[0] += q[i]; a[1] += q[i] * q[i]; a[2]++;
            }
        }
        java.util.Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (var e : acc.entrySet()) {
            double[] a = e.getValue();
            if (a[2] == 0) continue;
            double m = a[0] / a[2];
            out.put(e.getKey(), new double[] {m, Math.sqrt(Math.max(0, a[1] / a[2] - m * m)), a[2]});
        }
        return out;
    }

    private List<Uf3Design.Rows> rows(Uf3Design design, List<Uf3Dataset.Frame> frames, String set) {
        List<Uf3Design.Rows> out = new ArrayList<>();
        int thin = 0;
        for (int i = 0; i < frames.size(); i++) {
            Uf3Design.Rows r = design.rows(frames.get(i).labelled(), relativeGroup(frames.get(i)));
            r = opt.deviatoricStress() || relative(frames.get(i)) ? r.deviatoric() : r;
            if (r.stressRows() != null && opt.stressMinWidth() > 0 && minWidth(frames.get(i)) < opt.stressMinWidth()) {
                r = r.withoutStress();
                thin++;
            }
            out.add(r);
            if ((i + 1) % 25 == 0 || i + 1 == frames.size()) log.printf(Locale.ROOT, "fit-ff uf3: %s rows %d/%d%n", set, i + 1, frames.size());
        }
        if (thin > 0) {
            log.printf(Locale.ROOT, "fit-ff uf3: %s: stress of %d configurations in cells thinner than %g Å not fitted (--stress-min-width)%n",
                    set, thin, opt.stressMinWidth());
        }
        // relative groups: energy rows, targets and fixed parts minus their group means, so only differences within the
        // group count (a split keeps a group whole, so every member is in this list)
        java.util.Map<String, List<Integer>> members = new java.util.LinkedHashMap<>();
        for (int i = 0; i < frames.size(); i++) if (relative(frames.get(i))) members.computeIfAbsent(relativeGroup(frames.get(i)), k -> new ArrayList<>()).add(i);
        for (List<Integer> m : members.values()) {
            double[] row = new double[design.columns()];
            double t = 0, f = 0;
            for (int i : m) {
                for (int k = 0; k < row.length; k++) row[k] += out.get(i).energyRow()[k] / m.size();
                t += out.get(i).energyTarget() / m.size();
                f += out.get(i).energyFixed() / m.size();
            }
            for (int i : m) {
                Uf3Design.Rows r = out.get(i);
                double[] e = r.energyRow().clone();
                for (int k = 0; k < e.length; k++) e[k] -= row[k];
                out.set(i, r.relativeTo(e, r.energyTarget() - t, r.energyFixed() - f));
            }
        }
        return out;
    }

    /** The smallest distance between opposite faces of the configuration's cell (Å). */
    static double minWidth(Uf3Dataset.Frame f) {
        return new org.paddlewheel.forcefield.Cell(f.labelled().structure().lattice()).minWidth();
    }

    private java.nio.file.PathMatcher relativeGlob;

    private boolean relative(Uf3Dataset.Frame f) {
        if (opt.relativeEnergy() == null || opt.relativeEnergy().isEmpty()) return false;
        if (relativeGlob == null) relativeGlob = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + opt.relativeEnergy());
        return relativeGlob.matches(java.nio.file.Path.of(f.labelled().info().getOrDefault("config_type", "default")));
    }

    private java.util.regex.Pattern relativeKey;

    /**
     * The group a frame's energy is centred in and cross-validated with: for a relative frame whose config_type matches
     * {@link Uf3FitOptions#relativeEnergyKey}, "relative:" and the first capturing group (so relaxations and scans of
     * one cell from several files form one group); otherwise the frame's split group.
     */
    private String relativeGroup(Uf3Dataset.Frame f) {
        if (opt.relativeEnergyKey() == null || !relative(f)) return f.group();
        if (relativeKey == null) relativeKey = java.util.regex.Pattern.compile(opt.relativeEnergyKey());
        var m = relativeKey.matcher(f.labelled().info().getOrDefault("config_type", "default"));
        if (!m.matches()) return f.group();
        return "relative:" + (m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group());
    }

    /** Every species pair with training distances below r_cut (intramolecular pairs excluded), r_min from the data. */
    private List<SplinePair> autoBasis(ForceField base, List<Uf3Dataset.Frame> train) {
        int nt = base.species().size();
        double[] dmin = new double[nt * nt];
        java.util.Arrays.fill(dmin, Double.POSITIVE_INFINITY);
        for (Uf3Dataset.Frame f : train) {
            var s = f.labelled().structure();
            Topology top = Topology.build(base, s);
            NeighbourList nl = new NeighbourList(s.size(), opt.rCut(), 0.0, top.specialI, top.specialJ);
            double[] x = s.positions();
            nl.update(x, new org.paddlewheel.forcefield.Cell(s.lattice()));
            for (int i = 0; i < s.size(); i++) {
                for (int q = nl.start[i]; q < nl.start[i + 1]; q++) {
                    int j = nl.pairJ[q], c = 3 * nl.pairCode[q];
                    double dx = nl.xw[3 * j] + nl.shift[c] - nl.xw[3 * i], dy = nl.xw[3 * j + 1] + nl.shift[c + 1] - nl.xw[3 * i + 1];
                    double dz = nl.xw[3 * j + 2] + nl.shift[c + 2] - nl.xw[3 * i + 2];
                    double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    int a = Math.min(top.type[i], top.type[j]), b = Math.max(top.type[i], top.type[j]);
                    dmin[a * nt + b] = Math.min(dmin[a * nt + b], r);
                }
            }
        }
        List<SplinePair> out = new ArrayList<>();
        for (int a = 0; a < nt; a++) {
            for (int b = a; b < nt; b++) {
                double d = dmin[a * nt + b];
                if (!(d < opt.rCut())) continue;
                double rMin = Math.max(0.5, Math.floor((d - 0.1) / 0.05) * 0.05);
                rMin = Math.min(rMin, opt.rCut() - 4 * opt.knotSpacing());
                int intervals = Math.max(4, (int) Math.round((opt.rCut() - rMin) / opt.knotSpacing()));
                double[] t = SplinePair.uniformKnots(rMin, opt.rCut(), intervals);
                out.add(new SplinePair(a, b, t, new double[t.length - 4], opt.coreA(), opt.coreRho()));
                log.printf(Locale.ROOT, "fit-ff uf3: pair %s-%s: shortest training distance %.3f Å, knots %.2f..%.2f Å, %d spans%n",
                        base.species().get(a).name(), base.species().get(b).name(), d, rMin, opt.rCut(), intervals);
            }
        }
        return out;
    }
}
