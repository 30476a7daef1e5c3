package org.paddlewheel.study;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The melting point bracket of a set of two-phase runs: [highest T where the solid grows, lowest T
 * where it melts] (K), or no bracket with the reason: every run melts (T_m below the lowest T),
 * the solid grows everywhere (T_m above the highest), nothing decided, only one side decided, or the
 * two sides out of order (the solid grows above a temperature where it melts: too short or too
 * small a run).
 *
 * @param lowK   highest temperature where the solid grew, K, or null
 * @param highK  lowest temperature where it melted, K, or null
 * @param reason why there is no bracket, or what the bracket rests on
 */
public record MeltingBracket(Double lowK, Double highK, String reason) {
    /** A temperature and its verdict. */
    public record Point(double temperatureK, PhaseVerdict verdict) {}

    /** True when both ends are known and in order. */
    public boolean bracketed() { return lowK != null && highK != null && lowK < highK; }

    /** The bracket of the runs (any order). */
    public static MeltingBracket of(List<Point> runs) {
        List<Point> sorted = runs.stream().sorted(Comparator.comparingDouble(Point::temperatureK)).toList();
        Double grow = null, melt = null;
        for (Point p : sorted) {
            if (p.verdict() == PhaseVerdict.SOLID_GROWS) grow = p.temperatureK();
            if (p.verdict() == PhaseVerdict.MELTS && melt == null) melt = p.temperatureK();
        }
        if (sorted.isEmpty()) return new MeltingBracket(null, null, "no runs");
        double lo = sorted.get(0).temperatureK(), hi = sorted.get(sorted.size() - 1).temperatureK();
        if (grow == null && melt == null) return new MeltingBracket(null, null, "undecided at every temperature: the solid fraction changed within its noise (run longer)");
        if (grow == null) {
            boolean all = sorted.stream().allMatch(p -> p.verdict() == PhaseVerdict.MELTS);
            return new MeltingBracket(null, null, (all ? "every temperature melts" : "no temperature grows the solid")
                    + ": the melting point lies below " + k(melt) + (melt > lo ? " (undecided below it)" : ""));
        }
        if (melt == null) {
            boolean all = sorted.stream().allMatch(p -> p.verdict() == PhaseVerdict.SOLID_GROWS);
            return new MeltingBracket(null, null, (all ? "the solid grows at every temperature" : "no temperature melts")
                    + ": the melting point lies above " + k(grow) + (grow < hi ? " (undecided above it)" : ""));
        }
        if (grow >= melt) {
            return new MeltingBracket(null, null, "inconsistent: the solid grows at " + k(grow) + " but melts at " + k(melt)
                    + " (runs too short or the cell too small)");
        }
        return new MeltingBracket(grow, melt, "the solid grows at " + k(grow) + " and melts at " + k(melt));
    }

    private static String k(double t) { return String.format(Locale.ROOT, "%.0f K", t); }
}
