package org.paddlewheel.forcefield.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * k-fold cross-validation of a UF3 fit over whole groups (a group is one split key of {@link Uf3Dataset}: the
 * frames of one MD piece or one scan, which are correlated and so leave or stay together). The groups of the
 * non-test data are sorted by a hash of their key ({@link Uf3Dataset#unit}, salt 4) and dealt round-robin into k
 * folds, so the folds do not depend on file order and differ in size by at most one group. The normal equations
 * of "everything but fold i" are accumulated once per fold, so each candidate's score costs k Cholesky solves.
 * The score is the pooled out-of-fold RMSE: every configuration predicted by the model fitted without its fold
 * (energies only where the other folds' compositions fix the atom energies, {@link CompositionSpan}).
 */
final class CrossValidation {
    private final List<Uf3Design.Rows> rows;
    private final List<List<Uf3Design.Rows>> folds;
    private final Uf3Solver.Normal[] without;
    private final CompositionSpan[] spans;
    private final int groups;
    private final java.util.function.Predicate<Uf3Design.Rows> block;
    private final java.util.function.Predicate<Uf3Design.Rows> scoreGroup;

    private CrossValidation(List<Uf3Design.Rows> rows, List<List<Uf3Design.Rows>> folds, Uf3Solver.Normal[] without, CompositionSpan[] spans,
                            int groups, java.util.function.Predicate<Uf3Design.Rows> block, java.util.function.Predicate<Uf3Design.Rows> scoreGroup) {
        this.block = block;
        this.scoreGroup = scoreGroup;
        this.rows = rows;
        this.folds = folds;
        this.without = without;
        this.spans = spans;
        this.groups = groups;
    }

    /** The cross-validation of train ∪ validation in k folds; null when k &lt; 2 or fewer than 2 groups exist. */
    static CrossValidation of(List<Uf3Design.Rows> train, List<Uf3Design.Rows> validation, int k, int columns, List<org.paddlewheel.model.Element> elements) {
        return of(train, validation, k, columns, elements, r -> 1);
    }

    /** As above, each configuration's energy row weighted by {@code energyWeight} in the folds' fits (not in their scores). */
    static CrossValidation of(List<Uf3Design.Rows> train, List<Uf3Design.Rows> validation, int k, int columns, List<org.paddlewheel.model.Element> elements,
                              java.util.function.ToDoubleFunction<Uf3Design.Rows> energyWeight) {
        return of(train, validation, k, columns, elements, energyWeight, null);
    }

    /**
     * As above, the energy rows of the configurations {@code block} accepts kept in the validated block of each fold's
     * normal equations (their factor is {@link Uf3Solver.Hyper#gridWeight}) and scored apart ({@link #rmse}'s fifth value).
     */
    static CrossValidation of(List<Uf3Design.Rows> train, List<Uf3Design.Rows> validation, int k, int columns, List<org.paddlewheel.model.Element> elements,
                              java.util.function.ToDoubleFunction<Uf3Design.Rows> energyWeight, java.util.function.Predicate<Uf3Design.Rows> block) {
        return of(train, validation, k, columns, elements, energyWeight, block, null);
    }

    /**
     * As above, the out-of-fold energy and force RMSEs of the configurations {@code scoreGroup} accepts scored apart as
     * well ({@link #rmse}'s sixth and seventh values; {@link Uf3FitOptions#withScoreGroup}).
     */
    static CrossValidation of(List<Uf3Design.Rows> train, List<Uf3Design.Rows> validation, int k, int columns, List<org.paddlewheel.model.Element> elements,
                              java.util.function.ToDoubleFunction<Uf3Design.Rows> energyWeight, java.util.function.Predicate<Uf3Design.Rows> block,
                              java.util.function.Predicate<Uf3Design.Rows> scoreGroup) {
        return of(train, validation, k, columns, elements, energyWeight, block, scoreGroup, null);
    }

    /** As above, the force rows of the configurations {@code forceBlock} accepts in each fold's validated force block. */
    static CrossValidation of(List<Uf3Design.Rows> train, List<Uf3Design.Rows> validation, int k, int columns, List<org.paddlewheel.model.Element> elements,
                              java.util.function.ToDoubleFunction<Uf3Design.Rows> energyWeight, java.util.function.Predicate<Uf3Design.Rows> block,
                              java.util.function.Predicate<Uf3Design.Rows> scoreGroup, java.util.function.Predicate<Uf3Design.Rows> forceBlock) {
        if (k < 2) return null;
        List<Uf3Design.Rows> all = new ArrayList<>(train);
        all.addAll(validation);
        List<String> groups = all.stream().map(Uf3Design.Rows::group).distinct()
                .sorted(Comparator.comparingDouble(g -> Uf3Dataset.unit(g, 4))).toList();
        if (groups.size() < 2) return null;
        int nf = Math.min(k, groups.size());
        Map<String, Integer> foldOf = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) foldOf.put(groups.get(g), g % nf);
        List<List<Uf3Design.Rows>> folds = new ArrayList<>();
        for (int f = 0; f < nf; f++) folds.add(new ArrayList<>());
        for (Uf3Design.Rows r : all) folds.get(foldOf.get(r.group())).add(r);
        Uf3Solver.Normal[] without = new Uf3Solver.Normal[nf];
        CompositionSpan[] spans = new CompositionSpan[nf];
        for (int f = 0; f < nf; f++) {
            without[f] = new Uf3Solver.Normal(columns, energyWeight, block, forceBlock);
            List<Uf3Design.Rows> rest = new ArrayList<>();
            for (int o = 0; o < nf; o++) if (o != f) rest.addAll(folds.get(o));
            for (Uf3Design.Rows r : rest) without[f].add(r);
            spans[f] = new CompositionSpan(elements, rest);
        }
        return new CrossValidation(List.copyOf(all), folds, without, spans, groups.size(), block, scoreGroup);
    }

    /** Every non-test configuration (the final model's training set). */
    List<Uf3Design.Rows> rows() { return rows; }

    int folds() { return folds.size(); }

    /** The configurations of fold f. */
    List<Uf3Design.Rows> foldRows(int f) { return folds.get(f); }

    int groups() { return groups; }

    /**
     * Out-of-fold errors of one group: its configurations predicted by the model fitted without its fold.
     * Energy RMSE eV/atom (NaN when the other folds' compositions do not fix the group's atom energies,
     * {@link CompositionSpan}), mean signed energy error eV/atom (model − DFT; NaN likewise), force RMSE eV/Å.
     */
    record GroupError(String group, int configs, double energyRmse, double energyMeanError, double forceRmse) {}

    /**
     * Every group's out-of-fold errors under h, worst energy RMSE first (groups without an energy last, by
     * force RMSE). A pooled cross-validation RMSE can be one extrapolating group; this says which.
     */
    List<GroupError> perGroup(Uf3Design design, Uf3Solver.Hyper h) {
        List<GroupError> out = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            double[] c = Uf3Solver.solve(design, without[f], h);
            Map<String, List<Uf3Design.Rows>> byGroup = new java.util.LinkedHashMap<>();
            for (Uf3Design.Rows r : folds.get(f)) byGroup.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
            for (var e : byGroup.entrySet()) {
                double[] sse = Uf3Solver.sse(e.getValue(), c, spans[f], null);
                double mean = 0;
                int ne = 0;
                for (Uf3Design.Rows r : e.getValue()) {
                    if (!spans[f].contains(r)) continue;
                    mean += Uf3Solver.dot(r.energyRow(), c) - r.energyTarget();
                    ne++;
                }
                out.add(new GroupError(e.getKey(), e.getValue().size(), sse[1] == 0 ? Double.NaN : Math.sqrt(sse[0] / sse[1]),
                        ne == 0 ? Double.NaN : mean / ne, sse[3] == 0 ? Double.NaN : Math.sqrt(sse[2] / sse[3])));
            }
        }
        out.sort(Comparator.comparingDouble((GroupError g) -> Double.isNaN(g.energyRmse()) ? Double.NEGATIVE_INFINITY : g.energyRmse())
                .thenComparingDouble(GroupError::forceRmse).reversed());
        return out;
    }

    /**
     * Pooled out-of-fold RMSE of energy (eV/atom), force (eV/Å), stress (eV/Å³) and, fourth, of the relative-energy
     * groups' energy differences alone (eV/atom) under h (NaN where there are none), fifth of the validated
     * energy-weight block's energies (eV/atom; NaN without one), sixth and seventh of the score group's energies (eV/atom)
     * and forces (eV/Å) (NaN without one), eighth of the rigid-body rows ({@link Uf3Solver#sse}; NaN without them).
     */
    double[] rmse(Uf3Design design, Uf3Solver.Hyper h) {
        double[] acc = new double[16];
        for (int f = 0; f < folds.size(); f++) {
            double[] sse = Uf3Solver.sse(folds.get(f), Uf3Solver.solve(design, without[f], h), spans[f], block, scoreGroup);
            for (int q = 0; q < acc.length; q++) acc[q] += sse[q];
        }
        return Uf3Solver.rmseOf(acc);
    }
}
