package org.paddlewheel.forcefield.fit;

import java.util.List;
import org.paddlewheel.model.Element;

/**
 * Options of a UF3 fit ({@link Uf3Fitter}, {@code fit-ff --form uf3}): the base model whose charges, molecules and
 * Ewald settings the fit keeps (a bundled name or a JSON path); the 2-body basis (cut-off {@code rCut} Å, knot spacing
 * {@code knotSpacing} Å) and its repulsive core prior A·exp(−r/ρ) ({@code coreA} eV, {@code coreRho} Å); the held-out
 * test and validation fractions (of whole groups); and the switches of the {@code with…} methods, each documented
 * there with the measurement that motivated it. Immutable: every {@code with…} returns a copy.
 */
public record Uf3FitOptions(String base, boolean keepPairs, double rCut, double knotSpacing, double coreA, double coreRho,
                            double testFraction, double validationFraction, Uf3Fitter.ThreeBody threeBody, boolean deviatoricStress,
                            boolean fitChargeScale, boolean fitBonded, boolean pressureOffset, int cvFolds, List<Element> cutoffCorrection,
                            int bondedOrder, String relativeEnergy, CutoffCurves cutoffCurves, String relativeEnergyKey,
                            double[] relativeWeights, int candidateRank, java.util.Map<String, Double> energyWeightOf,
                            WeightGrid energyWeightGrid, String validationGrid, String scoreGroup, WeightGrid forceWeightGrid, int angleOrder,
                            double[] rigidBodyWeights, double stressMinWidth) {
    public Uf3FitOptions {
        if (!(stressMinWidth >= 0) || Double.isInfinite(stressMinWidth)) {
            throw new IllegalArgumentException("--stress-min-width " + stressMinWidth + ": expected a finite width >= 0 (Å)");
        }
        if (validationGrid == null) validationGrid = "auto";
        if (scoreGroup != null && scoreGroup.isBlank()) throw new IllegalArgumentException("--score-group: empty config_type glob");
        if (!List.of("auto", "full", "coarse").contains(validationGrid)) {
            throw new IllegalArgumentException("--validation-grid " + validationGrid + ": expected auto, full or coarse");
        }
        rigidBodyWeights = rigidBodyWeights == null || rigidBodyWeights.length == 0 ? new double[] {0} : rigidBodyWeights.clone();
        for (double w : rigidBodyWeights) {
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("--rigid-body-weight " + w + ": expected a finite number >= 0");
        }
        if (candidateRank == 0) candidateRank = 1;
        if (candidateRank < 1) throw new IllegalArgumentException("--candidate-rank " + candidateRank + ": expected 1 or more");
        cutoffCorrection = cutoffCorrection == null ? List.of() : List.copyOf(cutoffCorrection);
        if (bondedOrder == 0) bondedOrder = 2;
        if (angleOrder != 0 && angleOrder != 2 && angleOrder != 4) throw new IllegalArgumentException("--angle-order " + angleOrder + ": expected 2 or 4");
        relativeWeights = relativeWeights == null || relativeWeights.length == 0 ? new double[] {1} : relativeWeights.clone();
        energyWeightOf = energyWeightOf == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(energyWeightOf));
    }

    /** The basis and the split; everything else off (2-body, full stress, base charges and bonded terms, hold-out validation). */
    public Uf3FitOptions(String base, boolean keepPairs, double rCut, double knotSpacing, double coreA, double coreRho,
                         double testFraction, double validationFraction) {
        this(base, keepPairs, rCut, knotSpacing, coreA, coreRho, testFraction, validationFraction, Uf3Fitter.ThreeBody.OFF, false, false, false, false,
                0, List.of(), 2, null, null, null, null, 1, null, null, null, null, null, 0, null, 0);
    }

    /**
     * Rows for the forces on whole molecules and ions ({@link RigidBodyForces}: each molecule's net force and torque about
     * its centre, each other ion's force), weighted so that with {@code w} = 1 a configuration's rigid-body residuals count
     * as much as its per-atom force residuals (0, the default: none). Why: in the per-atom rows the stiff B–H and N–H
     * forces dominate, and every fit of session 32 pushed whole BH4, NH2 and Na on the model's own crystal and liquid
     * frames with slopes 0.67–0.89 of PBE's (relative errors 0.34–0.57), while per-element force RMSEs looked fine.
     */
    public Uf3FitOptions withRigidBodyWeight(double w) {
        return withRigidBodyWeights(w);
    }

    /**
     * Several rigid-body weights, chosen among by validation like w_E and the penalties ({@link Uf3Solver.Hyper#rigidWeight});
     * with more than one the score also judges the held-out rigid-body residuals ({@link Uf3Solver#sse}'s last pair), so
     * the choice weighs what they buy against what the per-atom energies, forces and stresses lose. One value is a fixed weight.
     */
    public Uf3FitOptions withRigidBodyWeights(double... ws) {
        return edit(e -> e.rigidBodyWeights = ws);
    }

    /**
     * Fit no stress of a configuration whose cell is thinner than {@code widthA} (Å, the smallest distance between
     * opposite faces; 0, the default: every stress). Why: the CP2K data are Γ-only, and along a 4.6–4.7 Å axis (the 2x2x1
     * scan, barrier and self-label cells) Γ is far from k-converged in the stress, not only in the pressure: three such
     * configurations recomputed doubled along c (stage {@code kcheck}) differ in their traceless stress by about +1.4, +1.5,
     * −2.9 GPa (xx, yy, zz), so even {@code --relative-energy}'s deviatoric rows would teach the model a ~3 GPa artefact.
     * Their energies (within a group) and forces (0.05 eV/Å of the doubled cells) stay in the fit.
     */
    public Uf3FitOptions withStressMinWidth(double widthA) {
        return edit(e -> e.stressMinWidth = widthA);
    }

    /** The rigid-body weights of the grid (a copy; {0} by default). */
    @Override
    public double[] rigidBodyWeights() { return rigidBodyWeights.clone(); }

    /** The largest rigid-body weight of the grid (0: no rigid-body rows are built). */
    public double rigidBodyWeight() {
        double m = 0;
        for (double w : rigidBodyWeights) m = Math.max(m, w);
        return m;
    }

    public static Uf3FitOptions defaults() { return new Uf3FitOptions("na-amide-borohydride", false, 5.5, 0.3, 1000, 0.2, 0.1, 0.2); }

    public Uf3FitOptions withThreeBody(Uf3Fitter.ThreeBody t) {
        return edit(e -> e.threeBody = t);
    }

    /**
     * Fit one factor s on every base charge (neutrality kept) with the rest: the Ewald energy, forces and
     * virial are exactly s² times their values at the base charges, so t = s² is linear ({@link Uf3Design}).
     * Formal charges overstate the electrostatics of these salts (CP2K Mulliken charges of Na are
     * +0.54 to +0.62 e on the scans, forcefields/dft/README.md); the data decide how much.
     */
    public Uf3FitOptions withChargeScale(boolean fit) {
        return edit(e -> e.fitChargeScale = fit);
    }

    /**
     * Fit the intramolecular harmonic bonds and angles (K, r0, θ0) with the rest ({@link BondedColumns}): the
     * base model's come from stretch wavenumbers and guesses, while the DFT forces on H are dominated by them.
     */
    public Uf3FitOptions withFitBonded(boolean fit) {
        return edit(e -> e.fitBonded = fit);
    }

    /**
     * Fit and score only the traceless (deviatoric) part of the stress: the pressure of CP2K's
     * GPW stress at 800 Ry is ~1 GPa below its converged value while the deviatoric part is good to
     * 0.02 GPa (forcefields/dft/README.md), so the trace would teach the model a spurious pressure.
     */
    public Uf3FitOptions withDeviatoricStress(boolean d) {
        return edit(e -> {e.deviatoricStress = d && !pressureOffset; e.pressureOffset = pressureOffset && !d;});
    }

    /**
     * Fit the full stress with one more unknown: a pressure offset common to every configuration, added to
     * the data's diagonal stress and not part of the model. The 800-Ry GPW pressure is ~1 GPa off while
     * energies, forces and the deviatoric stress are converged (forcefields/dft/README.md); a uniform
     * offset keeps the pressure's differences between densities as data (they constrain the equation of
     * state beyond what energies alone do) and lets the fit measure the offset (report: P_data − P_model).
     */
    public Uf3FitOptions withPressureOffset(boolean on) {
        return edit(e -> {e.deviatoricStress = deviatoricStress && !on; e.pressureOffset = on;});
    }

    /**
     * Choose the hyper-parameters by k-fold cross-validation over whole groups of the non-test data (the
     * validation fraction is then unused), and fit the final model on all of them: with a few dozen
     * configurations a fixed validation set is both a noisy judge and data withheld from the model.
     * Folds: the groups sorted by a hash of their key and dealt round-robin (deterministic). k &lt; 2: hold-out.
     */
    public Uf3FitOptions withCrossValidation(int k) {
        return edit(e -> e.cvFolds = k);
    }

    /**
     * Fit the CP2K GPW cut-off correction of the data for these elements ({@link CutoffCorrectionColumns}): an
     * energy c_el N_el (Ē_eff − E_nom) and its fixed-grid stress, one unknown c_el (eV/Ry per atom) each, not part of
     * the model. Na's semicore potential makes the 800-Ry total energy depend on the grid that a cell happens to get.
     */
    public Uf3FitOptions withCutoffCorrection(List<Element> els) {
        return edit(e -> e.cutoffCorrection = els);
    }

    /**
     * With {@code --fit-bonded}: 4 fits each bond and angle as K u² + K3 u³ + K4 u⁴ about its minimum (LAMMPS class2's
     * polynomial), 2 as harmonic. Measured on the 57 DFT configurations of 3 Dec 2026: training force RMSE on B 0.31 →
     * 0.15 eV/Å, H 0.18 → 0.12, N 0.23 → 0.18, for 8 more unknowns (BH4 and NH2 stretch and bend far from harmonic at 500–900 K).
     */
    public Uf3FitOptions withBondedOrder(int order) {
        return edit(e -> e.bondedOrder = order);
    }

    /**
     * Configurations whose config_type matches this glob (e.g. {@code scan-*}) keep only their energy differences within
     * their group (energy rows minus the group's mean) and their deviatoric stress:
     * the 2x2x1 scan cells, computed at Γ with c = 4.70 Å, lie 52 meV/atom and +1.05 GPa above the same configuration
     * doubled to 2x2x2 (forces within 0.05 eV/Å; measured 3 Dec 2026), so their absolute energies and pressures would
     * teach the model a k-point error.
     */
    public Uf3FitOptions withRelativeEnergy(String glob) {
        return edit(e -> e.relativeEnergy = glob);
    }

    /**
     * Take measured per-ion GPW cut-off curves ({@link CutoffCurves}, {@code forcefields/dft/cutoff-ions.tsv}) out of
     * the data before fitting: a fixed correction with no unknowns, which may be combined with fitted slopes
     * ({@link #withCutoffCorrection}) for what the ions do not explain. Stored in the model (fit.cutoff_correction_curves)
     * so that {@code dft compare} corrects the data the same way.
     */
    public Uf3FitOptions withCutoffCurves(CutoffCurves curves) {
        return edit(e -> e.cutoffCurves = curves);
    }

    /**
     * Join relative-energy groups across files: configurations matched by {@link #withRelativeEnergy} whose config_type
     * matches this regular expression are centred together under its first capturing group (e.g.
     * {@code (?:opt-barrier-)?(scan-hop-x\d)(?:-start|-plane|-mid)?} puts the unrelaxed hop scan and the relaxed start
     * and saddle-plane optimisations of the same cell in one group, so the relaxed barrier itself, the energy difference
     * between the two relaxations, becomes a target; kept apart, each file only teaches differences within itself).
     * Cross-validation keeps each joined group in one fold; the test split is unchanged.
     */
    public Uf3FitOptions withRelativeEnergyKey(String regex) {
        if (regex != null) {
            try {
                java.util.regex.Pattern.compile(regex);
            } catch (java.util.regex.PatternSyntaxException e) { // its own message spans lines
                throw new IllegalArgumentException("--relative-energy-key '" + regex + "': not a regular expression (" + e.getDescription()
                        + " at index " + e.getIndex() + ")");
            }
        }
        return edit(e -> e.relativeEnergyKey = regex);
    }

    /**
     * Weights of the relative-energy groups' energy rows (each counts its squared error w times; 1: like any other
     * energy). A scan's or a relaxed pair's barrier in a 35–40-atom cell is a few meV/atom, the size of the fit's
     * energy RMSE, so at weight 1 the fit may trade a 0.15 eV barrier error for force accuracy elsewhere
     * (forcefields/README.md). Several values are candidates: they join the cross-validation grid, and the score then
     * adds the out-of-fold RMSE of those energy differences (relative to the baseline, like E, F and σ), so the weight
     * is chosen by how well held-out scans and barriers are predicted, not by hand.
     */
    public Uf3FitOptions withRelativeWeights(double... w) {
        for (double v : w) if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException("--relative-energy-weight " + v + ": expected a positive number");
        return edit(e -> e.relativeWeights = w);
    }

    /** The angle terms' order: {@link #withAngleOrder}'s, at most the bonded order; the bonded order when none was set (0). */
    public int angleOrderUsed() { return angleOrder == 0 ? bondedOrder : Math.min(angleOrder, bondedOrder); }

    /** Whether the relative-energy weight is chosen by validation (several candidates given). */
    public boolean relativeWeightChosen() { return relativeWeights.length > 1; }

    /**
     * Which cross-validation candidate the final model takes: 1 (default) the best score, 2 the next, and so on. The
     * score judges frames at their DFT geometries only, and its top candidates lie within a few per cent of each other:
     * on the DFT data of 5 Dec 2026 the best (w_E 30, W 1, score 0.693) melted x = 1 at 300 K in MD, the second
     * (w_E 10, W 10, score 0.698) did not (forcefields/README.md, "Seen in session 18"). {@code forcefields/fit-dft.sh}
     * takes the next rank when its MD guard rejects a fit, so the choice stays the validation's, vetoed only by physics.
     */
    public Uf3FitOptions withCandidateRank(int rank) {
        return edit(e -> e.candidateRank = rank);
    }

    /**
     * The polynomial order of the fitted angle terms, 2 (harmonic) or 4 (up to the bonded order; default: the bonded
     * order), so that bonds can keep their quartic while angles stay harmonic. Why: a quartic H–N–H angle fitted to
     * small-amplitude bending has a negative K4 on every fit of 5 Dec 2026 (−0.30 to −0.95 eV/rad⁴) and turns over
     * 36–40° from its minimum, beyond which a linear NH2 would be favoured; on 594 configurations the thirteen best
     * candidates were refused for it (forcefields/README.md, "Seen in session 25").
     */
    public Uf3FitOptions withAngleOrder(int order) {
        if (order != 2 && order != 4 || order > bondedOrder) {
            throw new IllegalArgumentException("--angle-order must be 2, or 4 with --bonded-order 4, got " + order);
        }
        return edit(e -> e.angleOrder = order);
    }

    /**
     * Extra weight on the energy rows of chosen configurations: each entry maps a config_type glob to a factor that
     * multiplies the squared energy error of every matching configuration (first matching glob wins; absolute and
     * relative-energy rows alike, on top of w_E and the relative-energy weight; forces and stresses unchanged). It exists
     * for the self-labelled minima ({@code self-*}, forcefields/dft/selflabel.py): a few frames whose PBE energies say
     * where the model's own basins lie, which a global relative-energy weight can only reach by also weighting the
     * hundreds of near-copy BFGS frames of the relaxations (session 20, forcefields/README.md).
     */
    public Uf3FitOptions withEnergyWeightOf(java.util.Map<String, Double> weights) {
        if (weights != null) {
            for (var e : weights.entrySet()) {
                if (e.getValue() == null || !(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
                    throw new IllegalArgumentException("--energy-weight-of " + e.getKey() + "=" + e.getValue() + ": expected a positive number");
                }
            }
        }
        return edit(e -> e.energyWeightOf = weights);
    }

    /**
     * Candidate factors for the energy rows ({@link #energy}) or the force rows ({@link #force}) of one config_type glob,
     * chosen by the validation rather than by hand: each value joins the cross-validation grid. Energy factors: the score
     * then adds the out-of-fold energy RMSE of the matching configurations (relative to the baseline, like E, F and σ), and
     * the glob takes precedence over {@link #energyWeightOf} for the rows it matches. Force factors: the force term stays a
     * mean over every component with the matching ones counted {@code w} times each ({@link Uf3Solver#solve}); they exist
     * for the optimisation paths ({@code opt-*}): ~340 of 513 configurations on 5 Dec 2026, near copies along one relaxation,
     * which outweigh the ~70 thermal MD frames the study resembles; thinning them by hand lost accuracy (session 17), a
     * weight chosen with {@link #withScoreGroup} on the MD frames lets the data say. Either way the matching rows are kept in
     * their own block of the normal equations ({@link Uf3Solver.Normal}), so a candidate factor costs one Cholesky solve per
     * fold, as the other hyper-parameters do.
     *
     * @param option  the command-line option it came from, for messages ({@code --energy-weight-of}, {@code --force-weight-of})
     * @param glob    config_type glob
     * @param weights candidate factors (dimensionless, positive)
     */
    public record WeightGrid(String option, String glob, double[] weights) {
        public WeightGrid {
            if (glob == null || glob.isBlank()) throw new IllegalArgumentException(option + ": empty config_type glob");
            if (weights == null || weights.length == 0) throw new IllegalArgumentException(option + " " + glob + ": no weights");
            for (double v : weights) {
                if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(option + " " + glob + "=" + v + ": expected a positive number");
            }
            weights = weights.clone();
        }

        /** Candidate factors on the energy rows of {@code glob} ({@code --energy-weight-of}). */
        public static WeightGrid energy(String glob, double... weights) {
            return new WeightGrid("--energy-weight-of", glob, weights);
        }

        /** Candidate factors on the force rows of {@code glob} ({@code --force-weight-of}). */
        public static WeightGrid force(String glob, double... weights) {
            return new WeightGrid("--force-weight-of", glob, weights);
        }

        /** Whether a config_type matches the glob. */
        public boolean matches(String configType) {
            return globMatches(glob, configType);
        }
    }

    /** The same options with the energy-weight factor of one config_type glob chosen by validation among {@code grid.weights()}. */
    public Uf3FitOptions withEnergyWeightGrid(WeightGrid grid) {
        return edit(e -> e.energyWeightGrid = grid);
    }

    /**
     * The validation grid of w_E, w_S and the penalties: "full" (5 × 3 × 4 × 4 = 240 candidates), "coarse" (3 × 1 × 3 × 3 = 27)
     * or "auto" (coarse above {@link Uf3Fitter#COARSE_GRID_FROM} unknowns). Each candidate costs one dense Cholesky solve per
     * fold, about a second at 1,000 unknowns on these cores, and the relative-weight and energy-weight candidates multiply
     * the grid: four energy-weight factors on the full grid of a 1,049-unknown design took over 20 minutes without finishing
     * (5 Dec 2026), the coarse one about a tenth of that.
     */
    public Uf3FitOptions withValidationGrid(String grid) {
        return edit(e -> e.validationGrid = grid);
    }

    /** Whether a configuration's energy rows belong to the validated {@link #energyWeightGrid} block. */
    public boolean inEnergyWeightGrid(String configType) {
        return energyWeightGrid != null && energyWeightGrid.matches(configType);
    }

    /**
     * The fixed factor on a configuration's energy row: 1 for a config_type of the {@link #energyWeightGrid} (its factor is a
     * hyper-parameter, {@link Uf3Solver.Hyper#gridWeight}), else the first glob of {@link #withEnergyWeightOf} it matches, else 1.
     */
    public double energyWeightOf(String configType) {
        if (inEnergyWeightGrid(configType)) return 1;
        for (var e : energyWeightOf.entrySet()) {
            if (globMatches(e.getKey(), configType)) return e.getValue();
        }
        return 1;
    }

    /**
     * With cross-validation or a validation set: the score also judges the held-out energy and force RMSEs of the
     * configurations whose config_type matches this glob (e.g. {@code md-*}), each over its value at the baseline, as
     * E, F and σ are. The pooled score is dominated by the many relaxation and scan frames; every N,B-centred refit of
     * sessions 20–22 lost 10–15 % of force accuracy on the thermal MD frames against the session-16 model without the
     * score seeing it (forcefields/README.md, "Seen in session 22"), and the study is MD. Null: no such term.
     */
    public Uf3FitOptions withScoreGroup(String glob) {
        return edit(e -> e.scoreGroup = glob);
    }

    /** Whether a config_type belongs to the {@link #withScoreGroup score group} (false without one). */
    public boolean inScoreGroup(String configType) {
        return scoreGroup != null && globMatches(scoreGroup, configType);
    }

    /** The same options with the force-row factor of one config_type glob chosen by validation among {@code grid.weights()}. */
    public Uf3FitOptions withForceWeightGrid(WeightGrid grid) {
        return edit(e -> e.forceWeightGrid = grid);
    }

    /** Whether a config_type matches a glob ({@code *}, {@code ?}, {@code {a,b}}), as every config_type option of the fit reads it. */
    static boolean globMatches(String glob, String configType) {
        return java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(java.nio.file.Path.of(configType));
    }

    /**
     * A mutable copy of every component, so that each {@code with…} names only what it changes (one place calls the
     * canonical constructor, whose compact form checks and normalises the result).
     */
    private static final class Edit {
        String base, relativeEnergy, relativeEnergyKey, validationGrid, scoreGroup;
        boolean keepPairs, deviatoricStress, fitChargeScale, fitBonded, pressureOffset;
        double rCut, knotSpacing, coreA, coreRho, testFraction, validationFraction;
        int cvFolds, bondedOrder, candidateRank, angleOrder;
        double[] relativeWeights, rigidBodyWeights;
        double stressMinWidth;
        Uf3Fitter.ThreeBody threeBody;
        List<Element> cutoffCorrection;
        CutoffCurves cutoffCurves;
        java.util.Map<String, Double> energyWeightOf;
        WeightGrid energyWeightGrid, forceWeightGrid;

        Edit(Uf3FitOptions o) {
            base = o.base; keepPairs = o.keepPairs; rCut = o.rCut; knotSpacing = o.knotSpacing; coreA = o.coreA; coreRho = o.coreRho;
            testFraction = o.testFraction; validationFraction = o.validationFraction; threeBody = o.threeBody;
            deviatoricStress = o.deviatoricStress; fitChargeScale = o.fitChargeScale; fitBonded = o.fitBonded; pressureOffset = o.pressureOffset;
            cvFolds = o.cvFolds; cutoffCorrection = o.cutoffCorrection; bondedOrder = o.bondedOrder; relativeEnergy = o.relativeEnergy;
            cutoffCurves = o.cutoffCurves; relativeEnergyKey = o.relativeEnergyKey; relativeWeights = o.relativeWeights;
            candidateRank = o.candidateRank; energyWeightOf = o.energyWeightOf; energyWeightGrid = o.energyWeightGrid;
            validationGrid = o.validationGrid; scoreGroup = o.scoreGroup; forceWeightGrid = o.forceWeightGrid; angleOrder = o.angleOrder;
            rigidBodyWeights = o.rigidBodyWeights; stressMinWidth = o.stressMinWidth;
        }

        Uf3FitOptions build() {
            return new Uf3FitOptions(base, keepPairs, rCut, knotSpacing, coreA, coreRho, testFraction, validationFraction, threeBody,
                    deviatoricStress, fitChargeScale, fitBonded, pressureOffset, cvFolds, cutoffCorrection, bondedOrder, relativeEnergy,
                    cutoffCurves, relativeEnergyKey, relativeWeights, candidateRank, energyWeightOf, energyWeightGrid, validationGrid,
                    scoreGroup, forceWeightGrid, angleOrder, rigidBodyWeights, stressMinWidth);
        }
    }

    private Uf3FitOptions edit(java.util.function.Consumer<Edit> change) {
        Edit e = new Edit(this);
        change.accept(e);
        return e.build();
    }
}
