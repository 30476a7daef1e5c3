package org.paddlewheel.study;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.paddlewheel.study.Evidence.Number;

/**
 * The Na-transport claims of the paper's Figure 3C/F: D_Na rises with x (adjacent compositions at
 * each temperature), and freezing either anion quenches Na translation (x = 1). Rules in {@link Claims}.
 */
final class TransportClaims {
    private final Claims c;

    TransportClaims(Claims c) { this.c = c; }

    /**
     * One row per temperature and pair of adjacent compositions: supports when D(x_hi) lies above
     * D(x_lo) beyond 2σ, contradicts when below. A D without a hop is an upper bound (it can lie below
     * the other, never above); a bound from a cell without a single Na vacancy (x = 0) is not used at
     * all: that cell has no carriers, so the comparison measures the vacancy count, not the amide effect.
     */
    Claim dRisesWithX() {
        List<Evidence> rows = new ArrayList<>();
        TreeSet<Double> xs = c.values(true, Frozen.NONE);
        for (double t : c.values(false, Frozen.NONE)) {
            for (ConditionResult[] p : c.adjacentPairs(t, xs)) {
                ConditionResult lo = p[0], hi = p[1];
                Bounded dl = lo.dNaBounded(), dh = hi.dNaBounded();
                if (dl == null || dh == null) continue;
                String cond = Claims.pairLabel(lo, hi);
                Number nl = Number.of("D_Na(x=" + StudyText.trim(lo.x()) + ")", dl, "cm²/s"),
                        nh = Number.of("D_Na(x=" + StudyText.trim(hi.x()) + ")", dh, "cm²/s"),
                        nz = Number.of("z", dh.z(dl), Double.NaN, "");
                String bad = Claims.unusable(lo, hi);
                if (bad != null) { rows.add(Evidence.excluded(cond, bad, nl, nh, nz)); continue; }
                String noCarrier = noCarriers(lo, dl) != null ? noCarriers(lo, dl) : noCarriers(hi, dh);
                if (noCarrier != null) { rows.add(Evidence.excluded(cond, noCarrier, nl, nh, nz)); continue; }
                if (dl.censor() != Bounded.Censor.NONE && dh.censor() != Bounded.Censor.NONE) {
                    rows.add(Evidence.excluded(cond, "both D are upper bounds (no hop at either x): not comparable", nl, nh, nz));
                    continue;
                }
                rows.add(Evidence.used(cond, Claims.outcome(dh.compare(dl, Estimate.SIGNIFICANCE), 1), nl, nh, nz));
            }
        }
        return Claim.decided("d_na_rises_with_x", "The Na diffusivity (and MSD) rises with the amide fraction x.",
                "Each temperature, each pair of adjacent x: D_Na(x_hi) above D_Na(x_lo) by >2σ supports, below by >2σ"
                + " contradicts; a D without a Na hop is an upper bound max(D,0)+2σ compared only where a bound can decide;"
                + " a no-hop cell without Na vacancies (x = 0) has no carriers and is not used; molten or drifting cells are not used.", rows);
    }

    /** Reason a no-hop D cannot be evidence: a cell with no Na vacancy has no carrier. */
    private static String noCarriers(ConditionResult cr, Bounded d) {
        if (d.censor() == Bounded.Censor.UPPER && cr.naVacancies() == 0) {
            return cr.label() + ": no Na vacancy in the cell and no hop — no carriers, so D was not measured";
        }
        return null;
    }

    /**
     * x = 1, per frozen anion and temperature: supports when D_frozen/D_free + 2σ &lt; 0.1, or the frozen
     * run made no hop while the free condition made ≥ 30; contradicts when the ratio − 2σ &gt; 0.1. Both
     * anions must be reproduced for the claim.
     */
    Claim freezingAnionQuenchesNa() {
        List<Evidence> all = new ArrayList<>();
        List<Verdict> perAnion = new ArrayList<>();
        for (Frozen f : new Frozen[] {Frozen.NH2, Frozen.BH4}) {
            List<Evidence> rows = new ArrayList<>();
            for (double t : c.values(false, f)) {
                ConditionResult free = c.find(1, t, Frozen.NONE), fr = c.find(1, t, f);
                if (free == null || fr == null || free.dNa() == null || fr.dNa() == null) continue;
                Bounded dFree = free.dNaBounded(), dFr = fr.dNaBounded();
                String cond = "x = 1, " + StudyText.trim(t) + " K, " + f.cliName() + " frozen vs free";
                Estimate r = Claims.ratio(dFr, dFree);
                Number n1 = Number.of("D_free", dFree, "cm²/s"), n2 = Number.of("D_frozen", dFr, "cm²/s"),
                        n3 = r == null ? Number.of("D_frozen/D_free", dFr.censor() == Bounded.Censor.UPPER && dFree.isMeasured()
                                ? Bounded.atMost(dFr.value() / Math.max(dFree.value() - 2 * dFree.sigma(), 0)) : null, "")
                                : Number.of("D_frozen/D_free", r.value(), r.sigma(), ""),
                        n4 = Number.of("hops free", free.hops(), Double.NaN, ""), n5 = Number.of("hops frozen", fr.hops(), Double.NaN, "");
                String bad = Claims.unusable(free, fr);
                if (bad != null) { rows.add(Evidence.excluded(cond, bad, n1, n2, n3, n4, n5)); continue; }
                if (!dFree.isMeasured()) { rows.add(Evidence.excluded(cond, "no Na hop in the free run: no ratio", n1, n2, n3, n4, n5)); continue; }
                Evidence.Outcome o;
                if (dFr.censor() == Bounded.Censor.UPPER) {
                    if (free.hops() < Claims.NO_HOP_QUENCH_MIN_FREE_HOPS) {
                        rows.add(Evidence.excluded(cond, "frozen run made no hop, but the free run made only " + free.hops()
                                + " (< " + Claims.NO_HOP_QUENCH_MIN_FREE_HOPS + "): no hop is not informative", n1, n2, n3, n4, n5));
                        continue;
                    }
                    o = Evidence.Outcome.SUPPORTS;
                } else {
                    double k = Estimate.SIGNIFICANCE * r.sigma();
                    o = r.value() + k < Claims.QUENCH_MAX_RATIO ? Evidence.Outcome.SUPPORTS
                            : r.value() - k > Claims.QUENCH_MAX_RATIO ? Evidence.Outcome.CONTRADICTS : Evidence.Outcome.NEITHER;
                }
                rows.add(Evidence.used(cond, o, n1, n2, n3, n4, n5));
            }
            perAnion.add(Claim.decided("x", "x", "", rows).verdict());
            all.addAll(rows);
        }
        Verdict v = perAnion.contains(Verdict.NOT_REPRODUCED) ? Verdict.NOT_REPRODUCED
                : perAnion.stream().allMatch(Verdict.REPRODUCED::equals) ? Verdict.REPRODUCED
                : perAnion.stream().allMatch(Verdict.NOT_TESTABLE::equals) ? Verdict.NOT_TESTABLE : Verdict.INCONCLUSIVE;
        return new Claim("freezing_either_anion_quenches_na", "Freezing either NH2 or BH4 quenches Na translation.", v,
                "x = 1: quenched when D_frozen/D_free + 2σ < " + Claims.QUENCH_MAX_RATIO + " (or no hop at all in the frozen run while"
                + " the free run made ≥ " + Claims.NO_HOP_QUENCH_MIN_FREE_HOPS + "); ratio − 2σ > " + Claims.QUENCH_MAX_RATIO
                + " contradicts (slowed, not quenched); each anion must be reproduced on its own (NH2: " + perAnion.get(0).words()
                + ", BH4: " + perAnion.get(1).words() + "); molten or drifting cells are not used.", all);
    }
}
