package org.paddlewheel.study;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.paddlewheel.study.Evidence.Number;

/**
 * The anion-rotation claims of the paper's Figures 3A/B/D/E and 4: BH4 rotates faster than NH2;
 * NH2 speeds up with x; BH4 is insensitive to x; freezing Na slows NH2 but not BH4; Na hops are
 * synchronous with NH2 rotation. Rules in {@link Claims}; τ is the KWW mean C1 time, a lower bound
 * when C1 had not decayed ({@link ConditionResult#tau}).
 */
final class RotationClaims {
    private final Claims c;

    RotationClaims(Claims c) { this.c = c; }

    /** Every free condition with both anions: τ_BH4 below τ_NH2 beyond 2σ supports, above contradicts. */
    Claim bh4FasterThanNh2() {
        List<Evidence> rows = new ArrayList<>();
        for (ConditionResult cr : c.conditions()) {
            if (cr.frozen() != Frozen.NONE) continue;
            Bounded b = cr.tau("BH4"), n = cr.tau("NH2");
            if (b == null || n == null) continue;
            Number nb = Number.of("τ_BH4", b, "ps"), nn = Number.of("τ_NH2", n, "ps"), nz = Number.of("z", b.z(n), Double.NaN, "");
            if (!cr.usable()) { rows.add(Evidence.excluded(cr.label(), cr.excludedBecause(), nb, nn, nz)); continue; }
            rows.add(Evidence.used(cr.label(), Claims.outcome(b.compare(n, Estimate.SIGNIFICANCE), -1), nb, nn, nz));
        }
        return Claim.decided("bh4_rotates_faster_than_nh2", "BH4 rotates faster than NH2 (shorter C1 time τ).",
                "Free conditions with both anions: τ_BH4 shorter than τ_NH2 by >2σ supports, longer contradicts; a τ lower bound"
                + " is compared only where a bound decides.", rows);
    }

    /** Each temperature, adjacent x with NH2: τ_NH2(x_hi) shorter beyond 2σ supports, longer contradicts. */
    Claim nh2SpeedsUpWithX() {
        List<Evidence> rows = pairRows("NH2", (lo, hi, tl, th) -> Claims.outcome(th.compare(tl, Estimate.SIGNIFICANCE), -1));
        return Claim.decided("nh2_rotation_speeds_up_with_x", "NH2 rotation speeds up as x increases (strongest at 700 K).",
                "Each temperature, each pair of adjacent x with NH2: τ_NH2 shorter at the higher x by >2σ supports, longer"
                + " contradicts; lower bounds compared only where they decide; molten or drifting cells are not used.", rows);
    }

    /** Each temperature, adjacent x: τ_BH4(x_hi)/τ_BH4(x_lo) within 25 % at ±2σ supports, outside contradicts. */
    Claim bh4InsensitiveToX() {
        List<Evidence> rows = new ArrayList<>();
        TreeSet<Double> xs = c.values(true, Frozen.NONE);
        for (double t : c.values(false, Frozen.NONE)) {
            for (ConditionResult[] p : c.adjacentPairs(t, xs)) {
                Bounded tl = p[0].tau("BH4"), th = p[1].tau("BH4");
                if (tl == null || th == null) continue;
                Estimate r = Claims.ratio(th, tl);
                String cond = Claims.pairLabel(p[0], p[1]);
                Number n1 = Number.of("τ_BH4(x=" + StudyText.trim(p[0].x()) + ")", tl, "ps"),
                        n2 = Number.of("τ_BH4(x=" + StudyText.trim(p[1].x()) + ")", th, "ps"),
                        n3 = r == null ? Number.of("ratio", Double.NaN, Double.NaN, "") : Number.of("ratio", r.value(), r.sigma(), "");
                String bad = Claims.unusable(p[0], p[1]);
                if (bad != null) { rows.add(Evidence.excluded(cond, bad, n1, n2, n3)); continue; }
                if (r == null) { rows.add(Evidence.excluded(cond, "a τ is censored (lower bound): a ratio needs two measured τ", n1, n2, n3)); continue; }
                rows.add(Evidence.used(cond, Claims.outcome(Claims.unchanged(r), 1), n1, n2, n3));
            }
        }
        return Claim.decided("bh4_rotation_insensitive_to_x", "BH4 rotation is insensitive to the substitution fraction x.",
                "Each temperature, adjacent x: |τ_BH4 ratio − 1| + 2σ ≤ " + Claims.UNCHANGED_MAX + " supports, |ratio − 1| − 2σ > "
                + Claims.UNCHANGED_MAX + " contradicts; censored τ and molten or drifting cells are not used.", rows);
    }

    /**
     * x = 1 per temperature with Na frozen: NH2 slower (τ longer beyond 2σ) and BH4 unchanged (ratio within
     * 25 % at ±2σ) supports; NH2 faster or BH4 changed by more than 25 % at ±2σ contradicts.
     */
    Claim freezingNaSlowsNh2NotBh4() {
        List<Evidence> rows = new ArrayList<>();
        for (double t : c.values(false, Frozen.NA)) {
            ConditionResult free = c.find(1, t, Frozen.NONE), fr = c.find(1, t, Frozen.NA);
            if (free == null || fr == null) continue;
            Bounded nf = free.tau("NH2"), nz = fr.tau("NH2"), bf = free.tau("BH4"), bz = fr.tau("BH4");
            if (nf == null || nz == null || bf == null || bz == null) continue;
            Estimate rb = Claims.ratio(bz, bf);
            String cond = "x = 1, " + StudyText.trim(t) + " K, Na frozen vs free";
            Number[] ns = {Number.of("τ_NH2 free", nf, "ps"), Number.of("τ_NH2 Na frozen", nz, "ps"), Number.of("τ_BH4 free", bf, "ps"),
                Number.of("τ_BH4 Na frozen", bz, "ps"), rb == null ? Number.of("τ_BH4 ratio", Double.NaN, Double.NaN, "")
                    : Number.of("τ_BH4 ratio", rb.value(), rb.sigma(), "")};
            String bad = Claims.unusable(free, fr);
            if (bad != null) { rows.add(Evidence.excluded(cond, bad, ns)); continue; }
            int nh2 = nz.compare(nf, Estimate.SIGNIFICANCE);          // +1: slower with Na frozen
            int bh4 = rb == null ? 0 : Claims.unchanged(rb);          // +1 unchanged, −1 changed
            Evidence.Outcome o = nh2 < 0 || bh4 < 0 ? Evidence.Outcome.CONTRADICTS
                    : nh2 > 0 && bh4 > 0 ? Evidence.Outcome.SUPPORTS : Evidence.Outcome.NEITHER;
            rows.add(Evidence.used(cond, o, ns));
        }
        return Claim.decided("freezing_na_slows_nh2_not_bh4", "Freezing Na slows NH2 rotation but not BH4 rotation.",
                "x = 1: τ_NH2 longer by >2σ with Na frozen and τ_BH4 ratio within " + Claims.UNCHANGED_MAX + " of 1 at ±2σ supports;"
                + " NH2 faster by >2σ, or BH4 changed by more than " + Claims.UNCHANGED_MAX + " at ±2σ, contradicts.", rows);
    }

    /**
     * x = 1 free conditions: the relative excess e = (S − control)/control of neighbour-NH2 rotation in
     * the ±0.25 ps hop window over random times, σ_e = σ_control/control. Supports when e − 2σ_e ≥ 25 %,
     * contradicts when e + 2σ_e &lt; 25 % over ≥ 20 hops; needs ≥ 5 hops to be used. A significant z alone
     * is not enough: the paper's Figure 4 shows concerted rotation at every hop, not a few per cent.
     */
    Claim hopsSynchronousWithNh2() {
        List<Evidence> rows = new ArrayList<>();
        for (ConditionResult cr : c.conditions()) {
            if (cr.x() != 1 || cr.frozen() != Frozen.NONE) continue;
            RunResult.Coupling n = cr.coupling().get("NH2"), b = cr.coupling().get("BH4");
            if (n == null) continue;
            double e = (n.score() - n.controlMean()) / n.controlMean(), se = n.controlStd() / n.controlMean();
            List<Number> ns = new ArrayList<>(List.of(Number.of("excess NH2 rotation", e, se, ""),
                    Number.of("z NH2", n.z(), Double.NaN, ""), Number.of("hops", n.hops(), Double.NaN, "")));
            if (b != null) ns.add(Number.of("excess BH4 rotation", (b.score() - b.controlMean()) / b.controlMean(), b.controlStd() / b.controlMean(), ""));
            Number[] arr = ns.toArray(Number[]::new);
            if (!cr.usable()) { rows.add(Evidence.excluded(cr.label(), cr.excludedBecause(), arr)); continue; }
            if (n.hops() < Claims.MIN_HOPS || !Double.isFinite(e) || !Double.isFinite(se)) {
                rows.add(Evidence.excluded(cr.label(), n.hops() + " hop(s): fewer than " + Claims.MIN_HOPS, arr));
                continue;
            }
            double k = Estimate.SIGNIFICANCE * se;
            Evidence.Outcome o = e - k >= Claims.MIN_SYNC_EXCESS ? Evidence.Outcome.SUPPORTS
                    : e + k < Claims.MIN_SYNC_EXCESS && n.hops() >= Claims.MIN_HOPS_TO_CONTRADICT ? Evidence.Outcome.CONTRADICTS
                    : Evidence.Outcome.NEITHER;
            rows.add(Evidence.used(cr.label(), o, arr));
        }
        return Claim.decided("hops_synchronous_with_nh2", "Na hops are synchronous with NH2 rotation (x = 1).",
                "x = 1 free conditions with ≥ " + Claims.MIN_HOPS + " hops: neighbour-NH2 rotation in the ±0.25 ps hop window exceeds"
                + " the random-time control by ≥ " + Math.round(100 * Claims.MIN_SYNC_EXCESS) + " % at −2σ supports; below "
                + Math.round(100 * Claims.MIN_SYNC_EXCESS) + " % at +2σ over ≥ " + Claims.MIN_HOPS_TO_CONTRADICT + " hops contradicts"
                + " (a significant z with a few per cent of extra rotation is not the concerted rotation of the paper's Figure 4).", rows);
    }

    /** A rule for a pair of adjacent conditions. */
    private interface PairRule {
        Evidence.Outcome decide(ConditionResult lo, ConditionResult hi, Bounded tLo, Bounded tHi);
    }

    private List<Evidence> pairRows(String kind, PairRule rule) {
        List<Evidence> rows = new ArrayList<>();
        TreeSet<Double> xs = new TreeSet<>();
        for (ConditionResult cr : c.conditions()) if (cr.frozen() == Frozen.NONE && cr.tauPs().containsKey(kind)) xs.add(cr.x());
        for (double t : c.values(false, Frozen.NONE)) {
            for (ConditionResult[] p : c.adjacentPairs(t, xs)) {
                Bounded tl = p[0].tau(kind), th = p[1].tau(kind);
                if (tl == null || th == null) continue;
                String cond = Claims.pairLabel(p[0], p[1]);
                Number n1 = Number.of("τ_" + kind + "(x=" + StudyText.trim(p[0].x()) + ")", tl, "ps"),
                        n2 = Number.of("τ_" + kind + "(x=" + StudyText.trim(p[1].x()) + ")", th, "ps"), nz = Number.of("z", th.z(tl), Double.NaN, "");
                String bad = Claims.unusable(p[0], p[1]);
                if (bad != null) { rows.add(Evidence.excluded(cond, bad, n1, n2, nz)); continue; }
                if (tl.censor() != Bounded.Censor.NONE && th.censor() != Bounded.Censor.NONE) {
                    rows.add(Evidence.excluded(cond, "both τ are lower bounds (C1 not decayed at either x): not comparable", n1, n2, nz));
                    continue;
                }
                rows.add(Evidence.used(cond, rule.decide(p[0], p[1], tl, th), n1, n2, nz));
            }
        }
        return rows;
    }
}
