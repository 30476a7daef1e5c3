package org.paddlewheel.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decides each of the paper's AIMD claims from pooled results. A difference counts only when it
 * exceeds 2σ combined ({@link Estimate#SIGNIFICANCE}); "quenched" means the frozen/free D ratio
 * is below 0.25 even at +2σ; "unchanged" means |ratio − 1| &lt; 0.25 with no significant
 * difference. A claim is {@code reproduced} when half or more of its comparisons support it and none contradicts,
 * {@code not_reproduced} when some comparison contradicts it significantly, {@code inconclusive}
 * otherwise (including: no runs for it). A τ that is only a lower bound (C1 not decayed within
 * half the run) can show that its anion is slower than another, never that it is faster.
 * Likewise a D_Na from a condition without a single Na hop is only an upper bound (the MSD-slope
 * floor, {@link ConditionResult#dNaIsUpperBound()}): it can show that D is smaller than another D,
 * never that it is larger, and two bounds are not compared at all.
 */
public final class Claims {
    /** Fewest hops for a verdict on hop–rotation synchrony. */
    public static final int MIN_HOPS = 5;

    private final List<ConditionResult> conditions;

    public Claims(List<ConditionResult> conditions) { this.conditions = conditions; }

    /** All six claims, in the paper's order. */
    public List<Claim> evaluate() {
        return List.of(dRisesWithX(), bh4FasterThanNh2(), nh2SpeedsUpWithX(), freezingAnionQuenchesNa(),
                freezingNaSlowsNh2NotBh4(), hopsSynchronousWithNh2());
    }

    ConditionResult find(double x, double t, Frozen f) {
        for (ConditionResult c : conditions) if (c.x() == x && c.temperatureK() == t && c.frozen() == f) return c;
        return null;
    }

    private TreeSet<Double> values(boolean xs, Frozen f) {
        TreeSet<Double> s = new TreeSet<>();
        for (ConditionResult c : conditions) if (c.frozen() == f) s.add(xs ? c.x() : c.temperatureK());
        return s;
    }

    /** An insertion-ordered map from alternating keys and values (stable JSON key order). */
    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Double d && !Double.isFinite(d) ? null : v);   // JSON null, never "NaN"
        }
        return m;
    }

    static Map<String, Object> est(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", e == null || !Double.isFinite(e.value()) ? null : e.value());
        m.put("sigma", e == null || !Double.isFinite(e.sigma()) ? null : e.sigma());   // NaN (unknown) → null
        return m;
    }

    /**
     * Not reproduced if any comparison contradicts the claim by more than 2σ; reproduced if at least
     * half of the comparisons (and at least one) support it by more than 2σ; inconclusive otherwise.
     */
    static String decide(int supported, int contradicted, int total) {
        if (total == 0) return Claim.INCONCLUSIVE;
        if (contradicted > 0) return Claim.NOT_REPRODUCED;
        return supported > 0 && 2 * supported >= total ? Claim.REPRODUCED : Claim.INCONCLUSIVE;
    }

    /** τ a is shorter than τ b by more than 2σ, and a is a real value (a lower bound cannot be shown shorter). */
    static boolean shorter(Estimate a, boolean aLowerBound, Estimate b) {
        return !aLowerBound && a.significantlyBelow(b);
    }

    Claim dRisesWithX() {
        List<Map<String, Object>> ev = new ArrayList<>();
        TreeSet<Double> xs = values(true, Frozen.NONE);
        int sup = 0, con = 0, tot = 0;
        for (double t : values(false, Frozen.NONE)) {
            if (xs.size() < 2) break;
            ConditionResult lo = find(xs.first(), t, Frozen.NONE), hi = find(xs.last(), t, Frozen.NONE);
            if (lo == null || hi == null || lo.dNa() == null || hi.dNa() == null) continue;
            double z = hi.dNa().z(lo.dNa());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("T_K", t);
            Map<String, Object> byX = new LinkedHashMap<>();
            List<String> bounds = new ArrayList<>();
            for (double x : xs) {
                ConditionResult c = find(x, t, Frozen.NONE);
                if (c != null) byX.put(String.valueOf(x), est(c.dNa()));
                if (c != null && c.dNaIsUpperBound()) bounds.add(String.valueOf(x));
            }
            m.put("D_Na_cm2_per_s_by_x", byX);
            m.put("z_xmax_vs_xmin", z);
            m.put("D_upper_bound_no_hop_at_x", bounds);
            ev.add(m);
            // An upper bound may only be shown to be below a value: at x_min it can support, at x_max contradict.
            boolean canSupport = !hi.dNaIsUpperBound(), canContradict = !lo.dNaIsUpperBound();
            if (!canSupport && !canContradict) continue;
            tot++;
            if (canSupport && z > Estimate.SIGNIFICANCE) sup++;
            if (canContradict && z < -Estimate.SIGNIFICANCE) con++;
        }
        return new Claim("d_na_rises_with_x", "The Na diffusivity (and MSD) rises with the amide fraction x.",
                decide(sup, con, tot), "At each temperature D_Na(x_max) vs D_Na(x_min): reproduced if higher by >2σ at half or more"
                + " of the temperatures and lower by >2σ at none; not reproduced if lower by >2σ at any; a D without a Na hop is an"
                + " upper bound (can only be below the other), two bounds are not compared; " + sup + "/" + tot + " temperatures significant.", ev);
    }

    Claim bh4FasterThanNh2() {
        List<Map<String, Object>> ev = new ArrayList<>();
        int sup = 0, con = 0, tot = 0;
        for (ConditionResult c : conditions) {
            if (c.frozen() != Frozen.NONE) continue;
            Estimate b = c.tauPs().get("BH4"), n = c.tauPs().get("NH2");
            if (b == null || n == null) continue;
            double z = b.z(n);
            ev.add(ordered("x", c.x(), "T_K", c.temperatureK(), "tau_BH4_ps", est(b), "tau_NH2_ps", est(n), "z_BH4_minus_NH2", z,
                    "tau_BH4_is_lower_bound", c.isLowerBound("BH4"), "tau_NH2_is_lower_bound", c.isLowerBound("NH2")));
            tot++;
            if (shorter(b, c.isLowerBound("BH4"), n)) sup++;
            if (shorter(n, c.isLowerBound("NH2"), b)) con++;
        }
        return new Claim("bh4_rotates_faster_than_nh2", "BH4 rotates faster than NH2 (shorter C1 time τ).",
                decide(sup, con, tot), "Free runs with both anions: τ_BH4 < τ_NH2 by >2σ in half or more and the reverse in none; " + sup + "/" + tot + " significant.", ev);
    }

    Claim nh2SpeedsUpWithX() {
        List<Map<String, Object>> ev = new ArrayList<>();
        TreeSet<Double> xs = new TreeSet<>();
        for (ConditionResult c : conditions) if (c.frozen() == Frozen.NONE && c.tauPs().containsKey("NH2")) xs.add(c.x());
        int con = 0;
        Double highestT = null;
        boolean supportedAtHighest = false;
        for (double t : values(false, Frozen.NONE)) {
            if (xs.size() < 2) break;
            ConditionResult lo = find(xs.first(), t, Frozen.NONE), hi = find(xs.last(), t, Frozen.NONE);
            if (lo == null || hi == null || !lo.tauPs().containsKey("NH2") || !hi.tauPs().containsKey("NH2")) continue;
            Estimate th = hi.tauPs().get("NH2"), tl = lo.tauPs().get("NH2");
            double z = th.z(tl);
            ev.add(ordered("T_K", t, "x_low", xs.first(), "x_high", xs.last(), "tau_NH2_x_low_ps", est(tl),
                    "tau_NH2_x_high_ps", est(th), "z_high_minus_low", z, "x_low_is_lower_bound", lo.isLowerBound("NH2"),
                    "x_high_is_lower_bound", hi.isLowerBound("NH2")));
            if (shorter(tl, lo.isLowerBound("NH2"), th)) con++;
            highestT = t;
            supportedAtHighest = shorter(th, hi.isLowerBound("NH2"), tl);
        }
        String v = highestT == null ? Claim.INCONCLUSIVE : con > 0 ? Claim.NOT_REPRODUCED
                : supportedAtHighest ? Claim.REPRODUCED : Claim.INCONCLUSIVE;
        return new Claim("nh2_rotation_speeds_up_with_x", "NH2 rotation speeds up as x increases (strongest at 700 K).", v,
                "τ_NH2 at the highest and lowest x with NH2: reproduced if shorter at high x by >2σ at the highest temperature"
                + " (the paper's 700 K panel) and not longer by >2σ at any temperature.", ev);
    }

    Claim freezingAnionQuenchesNa() {
        List<Map<String, Object>> ev = new ArrayList<>();
        List<String> perAnion = new ArrayList<>();
        StringBuilder counts = new StringBuilder();
        for (Frozen f : new Frozen[] {Frozen.NH2, Frozen.BH4}) {
            int sup = 0, con = 0, tot = 0;
            for (double t : values(false, f)) {
                ConditionResult free = find(1, t, Frozen.NONE), fr = find(1, t, f);
                if (free == null || free.dNa() == null || fr == null || fr.dNa() == null) continue;
                Estimate r = fr.dNa().ratio(free.dNa());
                ev.add(ordered("T_K", t, "frozen", f.cliName(), "D_free_cm2_per_s", est(free.dNa()),
                        "D_frozen_cm2_per_s", est(fr.dNa()), "ratio_frozen_over_free", est(r),
                        "D_free_is_upper_bound", free.dNaIsUpperBound(), "D_frozen_is_upper_bound", fr.dNaIsUpperBound()));
                // A frozen-run bound (no hop) bounds the ratio from above: it can show quenching, never its absence.
                // A free-run bound makes the ratio meaningless.
                if (free.dNaIsUpperBound()) continue;
                tot++;
                if (r.value() + Estimate.SIGNIFICANCE * r.sigma() < 0.25) sup++;
                if (!fr.dNaIsUpperBound() && r.value() - Estimate.SIGNIFICANCE * r.sigma() > 0.75) con++;
            }
            perAnion.add(decide(sup, con, tot));
            counts.append(counts.length() > 0 ? ", " : "").append(f.cliName()).append(' ').append(sup).append('/').append(tot);
        }
        String v = perAnion.contains(Claim.NOT_REPRODUCED) ? Claim.NOT_REPRODUCED
                : perAnion.stream().allMatch(Claim.REPRODUCED::equals) ? Claim.REPRODUCED : Claim.INCONCLUSIVE;
        return new Claim("freezing_either_anion_quenches_na", "Freezing either NH2 or BH4 quenches Na translation.", v,
                "x = 1: D_frozen/D_free below 0.25 even at +2σ counts as quenched, above 0.75 at −2σ contradicts (a frozen-run D"
                + " without a Na hop is an upper bound: it can only count as quenched; a free-run D without a hop is not compared); each anion"
                + " must be quenched at half or more of its temperatures with none contradicting; quenched: " + counts + ".", ev);
    }

    Claim freezingNaSlowsNh2NotBh4() {
        List<Map<String, Object>> ev = new ArrayList<>();
        int sup = 0, con = 0, tot = 0;
        for (double t : values(false, Frozen.NA)) {
            ConditionResult free = find(1, t, Frozen.NONE), fr = find(1, t, Frozen.NA);
            if (free == null || fr == null) continue;
            Estimate nf = free.tauPs().get("NH2"), nz = fr.tauPs().get("NH2");
            Estimate bf = free.tauPs().get("BH4"), bz = fr.tauPs().get("BH4");
            if (nf == null || nz == null || bf == null || bz == null) continue;
            double zn = nz.z(nf), zb = bz.z(bf);
            Estimate rb = bz.ratio(bf);
            boolean nfLb = free.isLowerBound("NH2"), nzLb = fr.isLowerBound("NH2"), bfLb = free.isLowerBound("BH4"), bzLb = fr.isLowerBound("BH4");
            boolean nh2Slowed = shorter(nf, nfLb, nz);
            boolean bh4Same = !bfLb && !bzLb && Math.abs(zb) <= Estimate.SIGNIFICANCE && Math.abs(rb.value() - 1) < 0.25;
            boolean bh4Changed = Math.abs(rb.value() - 1) >= 0.25 && (shorter(bf, bfLb, bz) || shorter(bz, bzLb, bf));
            ev.add(ordered("T_K", t, "tau_NH2_free_ps", est(nf), "tau_NH2_Na_frozen_ps", est(nz), "z_NH2", zn,
                    "tau_BH4_free_ps", est(bf), "tau_BH4_Na_frozen_ps", est(bz), "z_BH4", zb, "ratio_BH4", est(rb),
                    "lower_bounds_NH2_free_frozen_BH4_free_frozen", List.of(nfLb, nzLb, bfLb, bzLb)));
            tot++;
            if (nh2Slowed && bh4Same) sup++;
            if (shorter(nz, nzLb, nf) || bh4Changed) con++;
        }
        return new Claim("freezing_na_slows_nh2_not_bh4", "Freezing Na slows NH2 rotation but not BH4 rotation.",
                decide(sup, con, tot), "x = 1: τ_NH2 longer by >2σ with Na frozen, and τ_BH4 within 25 % and 2σ of the free run;"
                + " NH2 faster by >2σ or BH4 changed by >25 % and >2σ contradicts; half or more supported and none contradicting"
                + " reproduces it; " + sup + "/" + tot + " supported.", ev);
    }

    /** Smallest relative excess of NH2 rotation during hops (vs the control) that "synchronous" must show. */
    public static final double MIN_SYNC_EXCESS = 0.25;

    Claim hopsSynchronousWithNh2() {
        List<Map<String, Object>> ev = new ArrayList<>();
        double zSumN = 0, zSumB = 0, wSum = 0, wRel = 0;
        int k = 0, kb = 0, hops = 0;
        for (ConditionResult c : conditions) {
            if (c.x() != 1 || c.frozen() != Frozen.NONE) continue;
            RunResult.Coupling n = c.coupling().get("NH2"), b = c.coupling().get("BH4");
            if (n == null || n.hops() < 2 || !Double.isFinite(n.z())) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("T_K", c.temperatureK());
            m.put("hops", n.hops());
            m.put("NH2", n);
            if (b != null && Double.isFinite(b.z())) { m.put("BH4", b); zSumB += b.z(); kb++; }
            ev.add(m);
            zSumN += n.z();
            hops += n.hops();
            k++;
            double rel = (n.score() - n.controlMean()) / n.controlMean(), relSigma = n.controlStd() / n.controlMean();
            if (Double.isFinite(rel) && relSigma > 0) { wSum += 1 / (relSigma * relSigma); wRel += rel / (relSigma * relSigma); }
        }
        double zN = k > 0 ? zSumN / Math.sqrt(k) : Double.NaN, zB = kb > 0 ? zSumB / Math.sqrt(kb) : Double.NaN;
        Estimate excess = wSum > 0 ? new Estimate(wRel / wSum, 1 / Math.sqrt(wSum)) : null;
        Map<String, Object> combined = new LinkedHashMap<>();
        combined.put("combined_z_NH2", k > 0 ? zN : null);
        combined.put("combined_z_BH4", kb > 0 ? zB : null);
        combined.put("NH2_relative_excess_rotation", est(excess));
        combined.put("hops_total", hops);
        ev.add(combined);
        boolean excluded = excess != null && excess.value() + Estimate.SIGNIFICANCE * excess.sigma() < MIN_SYNC_EXCESS;
        String v = k == 0 || hops < MIN_HOPS ? Claim.INCONCLUSIVE : zN > Estimate.SIGNIFICANCE ? Claim.REPRODUCED
                : (hops >= 20 && zN <= 1 && excluded) ? Claim.NOT_REPRODUCED : Claim.INCONCLUSIVE;
        return new Claim("hops_synchronous_with_nh2", "Na hops are synchronous with NH2 rotation (x = 1).", v,
                "Neighbour-NH2 angular displacement in the ±0.25 ps hop window vs a random-time control, combined over x = 1 free runs"
                + " (Stouffer z): reproduced if z > 2 over at least " + MIN_HOPS + " hops; not reproduced only if ≥ 20 hops, z ≤ 1"
                + " and the excess rotation is below " + Math.round(100 * MIN_SYNC_EXCESS) + " % of the control even at +2σ"
                + " (the paper sees amide rotation in concert with every hop); BH4 given for contrast.", ev);
    }
}
