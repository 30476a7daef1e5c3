package org.paddlewheel.study;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides every result of the paper from pooled results: the six qualitative AIMD claims
 * ({@link TransportClaims}, {@link RotationClaims}), BH4 rotation insensitive to x, the paper's
 * numbers (activation energies, absolute σ, the excess over the vacancy model: {@link PaperNumbers})
 * and the results the simulation cannot address ("not attempted", with the reason).
 *
 * <p>Shared rules. Each claim looks at conditions (or pairs of adjacent conditions) and writes one
 * {@link Evidence} row for each, used or not. A row is not used when a condition it needs did not
 * stay a crystal ({@link ConditionResult#usable()}: molten anion sublattice, diffusing anion centres,
 * drifting cell), or when its numbers are censored in the direction that cannot decide. A claim is
 * reproduced only when a strict majority of its usable rows support it and none contradicts it; with
 * no usable row it is not testable ({@link Verdict#decide}). Differences count beyond
 * {@link Estimate#SIGNIFICANCE} = 2σ combined, and the qualitative claims also need an effect size:
 * "quenched" is D_frozen/D_free below {@link #QUENCH_MAX_RATIO} at +2σ (or no hop at all where the free
 * run's hop count makes that informative), "synchronous" is an excess neighbour-NH2 rotation of at
 * least {@link #MIN_SYNC_EXCESS} at −2σ, "unchanged/insensitive" is a ratio within
 * {@link #UNCHANGED_MAX} of 1 at ±2σ. Censored values ({@link Bounded}) are compared only in the
 * direction their bound allows, and never get a z-score.
 */
public final class Claims {
    /** Fewest hops (in a condition) for a synchrony row to be used. */
    public static final int MIN_HOPS = 5;
    /** Fewest hops for a synchrony row to contradict the claim. */
    public static final int MIN_HOPS_TO_CONTRADICT = 20;
    /** "Quenched": D_frozen/D_free below this even at +2σ. */
    public static final double QUENCH_MAX_RATIO = 0.1;
    /**
     * A frozen run without a single hop counts as quenched only when the free condition made at least
     * this many hops, so a ratio of {@link #QUENCH_MAX_RATIO} would have shown ≥ 3 (P(0 | 3) ≈ 5 %).
     */
    public static final int NO_HOP_QUENCH_MIN_FREE_HOPS = 30;
    /** "Synchronous": excess neighbour-NH2 rotation during hops over the random-time control, at −2σ. */
    public static final double MIN_SYNC_EXCESS = 0.25;
    /** "Unchanged"/"insensitive": |ratio − 1| + 2σ at most this; changed when |ratio − 1| − 2σ exceeds it. */
    public static final double UNCHANGED_MAX = 0.25;

    private final List<ConditionResult> conditions;

    public Claims(List<ConditionResult> conditions) { this.conditions = conditions; }

    /** Every claim, in the paper's order: Figure 3/4 claims, then the paper's numbers, then what is not attempted. */
    public List<Claim> evaluate() {
        TransportClaims t = new TransportClaims(this);
        RotationClaims r = new RotationClaims(this);
        PaperNumbers p = new PaperNumbers(this);
        return List.of(t.dRisesWithX(), r.bh4FasterThanNh2(), r.nh2SpeedsUpWithX(), t.freezingAnionQuenchesNa(),
                r.freezingNaSlowsNh2NotBh4(), r.hopsSynchronousWithNh2(), r.bh4InsensitiveToX(), p.activationEnergies(),
                p.excessOverVacancyModel(), p.absoluteConductivity(), PaperNumbers.cubicToPbcm(), PaperNumbers.nmr());
    }

    List<ConditionResult> conditions() { return conditions; }

    ConditionResult find(double x, double t, Frozen f) {
        for (ConditionResult c : conditions) if (c.x() == x && c.temperatureK() == t && c.frozen() == f) return c;
        return null;
    }

    /** Temperatures (or x values) present among conditions with frozen species {@code f}, ascending. */
    TreeSet<Double> values(boolean xs, Frozen f) {
        TreeSet<Double> s = new TreeSet<>();
        for (ConditionResult c : conditions) if (c.frozen() == f) s.add(xs ? c.x() : c.temperatureK());
        return s;
    }

    /** Adjacent pairs (lo, hi) of the free conditions at temperature t among compositions {@code xs}. */
    List<ConditionResult[]> adjacentPairs(double t, TreeSet<Double> xs) {
        List<ConditionResult> at = new ArrayList<>();
        for (double x : xs) {
            ConditionResult c = find(x, t, Frozen.NONE);
            if (c != null) at.add(c);
        }
        List<ConditionResult[]> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < at.size(); i++) pairs.add(new ConditionResult[] {at.get(i), at.get(i + 1)});
        return pairs;
    }

    /** The first reason one of {@code cs} may not be used ("x = 1, 700 K, free: BH4 sublattice molten: …"), or null. */
    static String unusable(ConditionResult... cs) {
        for (ConditionResult c : cs) if (!c.usable()) return c.label() + ": " + c.excludedBecause();
        return null;
    }

    /** "500 K, x 0.5 → 1". */
    static String pairLabel(ConditionResult lo, ConditionResult hi) {
        return StudyText.trim(lo.temperatureK()) + " K, x " + StudyText.trim(lo.x()) + " → " + StudyText.trim(hi.x());
    }

    /** Outcome of a comparison sign: +1 supports when {@code supportSign} = +1, and so on. */
    static Evidence.Outcome outcome(int sign, int supportSign) {
        return sign == 0 ? Evidence.Outcome.NEITHER : sign == supportSign ? Evidence.Outcome.SUPPORTS : Evidence.Outcome.CONTRADICTS;
    }

    /** A ratio a/b of two measured values with first-order σ, or null when either is censored or missing. */
    static Estimate ratio(Bounded a, Bounded b) {
        if (a == null || b == null || !a.isMeasured() || !b.isMeasured() || b.value() == 0) return null;
        return new Estimate(a.value(), a.sigma()).ratio(new Estimate(b.value(), b.sigma()));
    }

    /** +1 when the ratio is within {@link #UNCHANGED_MAX} of 1 at ±2σ, −1 when outside it at ±2σ, 0 otherwise. */
    static int unchanged(Estimate r) {
        double dev = Math.abs(r.value() - 1), k = Estimate.SIGNIFICANCE * (Double.isFinite(r.sigma()) ? r.sigma() : Double.POSITIVE_INFINITY);
        if (dev + k <= UNCHANGED_MAX) return 1;
        if (dev - k > UNCHANGED_MAX) return -1;
        return 0;
    }
}
