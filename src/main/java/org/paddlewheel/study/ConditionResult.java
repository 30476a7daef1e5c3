package org.paddlewheel.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hipparchus.special.Erf;

/**
 * The runs of one condition (x, T, frozen species) pooled over seeds: the mean of each quantity
 * with σ = max(standard error of the seed mean, √Σσᵢ²/n) — the larger of the scatter between seeds
 * and the propagated per-run errors, so one lucky seed cannot shrink the bar. Coupling scores are
 * pooled by averaging and the p-value recomputed from the pooled z (one-sided, Gaussian). A τ is
 * a lower bound for the condition when it is one in any of its runs.
 *
 * <p>D_Na (and σ_NE, which is D times a constant) is pooled only over runs in which at least one Na
 * hop was detected: in a run without a single site change the MSD slope measures vibrations and
 * barostat volume fluctuations inside the fit window, a floor of the estimator, not transport. When
 * no run of the condition hopped, D and σ are pooled over all runs and flagged as upper bounds
 * ({@link #dNaIsUpperBound()}): they are shown as "≤ D (no hop)", never fitted, and a claim may only
 * use them in the direction a bound allows.
 *
 * @param dNaIsUpperBound true when no run of the condition detected a Na hop (dNa, sigmaNa are upper bounds)
 * <p>Runs whose cell did not stay a crystal ({@link RunResult#stabilityProblem()}: molten anion
 * sublattice, diffusing anion centres, drifting cell length, or not measured) are left out of the pool
 * when another seed stayed a crystal ({@link #unstableRunsDropped()}); when none did, the condition
 * keeps their numbers for display but carries the reason in {@link #excludedBecause()}, and no claim
 * uses it.
 *
 * @param noHopRunsDropped runs whose D was left out of the pool because they made no hop while another seed did
 * @param excludedBecause  why no claim may use this condition (every run melted, drifted or was not checked), or null
 * @param unstableRunsDropped runs left out because their cell did not stay a crystal while another seed's did
 */
public record ConditionResult(double x, double temperatureK, Frozen frozen, int seeds, Estimate dNa, Estimate sigmaNa,
                              Map<String, Estimate> tauPs, int hops, Map<String, RunResult.Coupling> coupling,
                              List<RunResult> runs, Map<String, Boolean> tauLowerBound, boolean dNaIsUpperBound,
                              int noHopRunsDropped, String excludedBecause, int unstableRunsDropped) {

    /** True when claims may use this condition (its cell stayed a crystal). */
    public boolean usable() { return excludedBecause == null; }

    /** "x = 1, 500 K, free" (or "…, NH2 frozen"). */
    public String label() {
        return "x = " + StudyText.trim(x) + ", " + StudyText.trim(temperatureK) + " K, "
                + (frozen == Frozen.NONE ? "free" : frozen.cliName() + " frozen");
    }

    /** Na vacancies in the cell: x·n³ for Na(3−x)O(1−x)(NH2)x(BH4) in an n×n×n supercell. */
    public int naVacancies() {
        int n = runs.get(0).spec().supercell();
        return (int) Math.round(x * n * n * n);
    }

    /**
     * D_Na as a possibly censored value, cm²/s: measured, or — when no run hopped — an upper bound
     * max(D, 0) + 2σ (never negative); null when Na is frozen.
     */
    public Bounded dNaBounded() { return bounded(dNa); }

    /** σ_NE like {@link #dNaBounded()}, S/cm. */
    public Bounded sigmaNaBounded() { return bounded(sigmaNa); }

    private Bounded bounded(Estimate e) {
        if (e == null) return null;
        if (!dNaIsUpperBound) return Bounded.measured(e);
        double s = Double.isFinite(e.sigma()) ? e.sigma() : 0;
        return Bounded.atMost(Math.max(0, e.value()) + Estimate.SIGNIFICANCE * s);
    }

    /**
     * τ of an anion kind, ps, as a possibly censored value: a lower bound when C1 had not decayed
     * within half the run, and also when the KWW mean time lies beyond that window (an extrapolation
     * with unknown σ: used only as ≥ the window); a value with unknown σ inside the window decides no
     * comparison; null when the kind is absent or frozen.
     */
    public Bounded tau(String kind) {
        Estimate e = tauPs.get(kind);
        if (e == null) return null;
        if (isLowerBound(kind)) return Bounded.atLeast(e.value());
        double windowPs = runs.get(0).spec().productionFs() / 2000;
        if (!Double.isFinite(e.sigma()) && e.value() > windowPs) return Bounded.atLeast(windowPs);
        return Bounded.measured(e);   // σ unknown (NaN, e.g. a single anion) → no comparison can decide
    }

    /** D_Na when it measures transport (some run hopped), else null: what Arrhenius fits may use. */
    public Estimate dNaTransport() { return dNaIsUpperBound ? null : dNa; }

    /** True when τ of {@code kind} is only a lower bound (C1 had not decayed in some run). */
    public boolean isLowerBound(String kind) { return Boolean.TRUE.equals(tauLowerBound.get(kind)); }

    /**
     * True when a run whose D entered the pool fitted it inside the cage regime ({@link RunResult#dNaInCageRegime()}):
     * D then mixes rattling with hops and is not a transport measurement (session 35: every D of the study at
     * 250–363 K with 50 ps runs).
     */
    public boolean dNaInCageRegime() {
        return runs.stream().filter(r -> dNaIsUpperBound || r.hops() > 0).anyMatch(RunResult::dNaInCageRegime);
    }

    /**
     * The Na hop rate per ion, 1/ps, with its Poisson error (rate/√hops over the pooled runs): the transport
     * measure that rests on counted events; null when no run hopped or none reports a rate.
     */
    public Estimate hopRate() {
        double rate = hopRatePerPs();
        if (hops <= 0 || !(rate > 0)) return null;
        return new Estimate(rate, rate / Math.sqrt(hops));
    }

    /** Mean Na hop rate per ion, 1/ps, over runs that report it (NaN if none). */
    public double hopRatePerPs() {
        return runs.stream().mapToDouble(RunResult::hopRatePerPs).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /** Pools the results of one condition (all with the same x, T, frozen). */
    public static ConditionResult pool(List<RunResult> all) {
        List<RunResult> stable = all.stream().filter(r -> r.stabilityProblem() == null).toList();
        List<RunResult> rs = stable.isEmpty() ? all : stable;
        String excluded = stable.isEmpty() ? String.join(" | ", new java.util.LinkedHashSet<>(
                all.stream().map(RunResult::stabilityProblem).toList())) : null;
        RunSpec s = rs.get(0).spec();
        // A zero-hop run's D is the estimator's floor; drop it when another seed measured transport.
        List<RunResult> hopped = rs.stream().filter(r -> r.hops() > 0).toList();
        boolean upper = hopped.isEmpty();
        List<RunResult> dRuns = upper ? rs : hopped;
        Estimate d = poolEstimates(dRuns, RunResult::dNa);
        Estimate sig = poolEstimates(dRuns, RunResult::sigmaNa);
        int dropped = upper ? 0 : (int) rs.stream().filter(r -> r.hops() == 0 && r.dNa() != null).count();
        Map<String, Estimate> tau = new LinkedHashMap<>();
        Map<String, RunResult.Coupling> coup = new LinkedHashMap<>();
        int hops = 0;
        for (RunResult r : rs) {
            hops += r.hops();
            for (String k : r.tauPs().keySet()) tau.putIfAbsent(k, null);
            for (String k : r.coupling().keySet()) coup.putIfAbsent(k, null);
        }
        tau.replaceAll((k, v) -> poolEstimates(rs, r -> r.tauPs().get(k)));
        coup.replaceAll((k, v) -> poolCoupling(rs, k));
        Map<String, Boolean> lower = new LinkedHashMap<>();
        for (String k : tau.keySet()) lower.put(k, rs.stream().anyMatch(r -> r.isLowerBound(k)));
        return new ConditionResult(s.x(), s.temperatureK(), s.frozen(), rs.size(), d, sig, tau, hops, coup, List.copyOf(rs), lower,
                upper && d != null, dropped, excluded, all.size() - rs.size());
    }

    static Estimate poolEstimates(List<RunResult> rs, Function<RunResult, Estimate> get) {
        List<Estimate> es = new ArrayList<>();
        for (RunResult r : rs) {
            Estimate e = get.apply(r);
            if (e != null && Double.isFinite(e.value())) es.add(e);
        }
        if (es.isEmpty()) return null;
        int n = es.size();
        double mean = 0, var = 0;
        for (Estimate e : es) { mean += e.value(); var += e.sigma() * e.sigma(); }
        mean /= n;
        double propagated = Math.sqrt(var) / n;
        if (n == 1) return new Estimate(mean, propagated);
        double ss = 0;
        for (Estimate e : es) ss += (e.value() - mean) * (e.value() - mean);
        double sem = Math.sqrt(ss / (n - 1) / n);
        return new Estimate(mean, Math.max(sem, propagated));
    }

    private static RunResult.Coupling poolCoupling(List<RunResult> rs, String kind) {
        double score = 0, control = 0, var = 0;
        int n = 0, hops = 0;
        for (RunResult r : rs) {
            RunResult.Coupling c = r.coupling().get(kind);
            if (c == null) continue;
            score += c.score(); control += c.controlMean(); var += c.controlStd() * c.controlStd();
            hops += c.hops();
            n++;
        }
        score /= n; control /= n;
        double std = Math.sqrt(var) / n;
        double z = std > 0 ? (score - control) / std : 0;
        return new RunResult.Coupling(score, control, std, z, 0.5 * Erf.erfc(z / Math.sqrt(2)), hops);
    }
}
