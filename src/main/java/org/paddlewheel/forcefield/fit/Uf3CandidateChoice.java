package org.paddlewheel.forcefield.fit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Which validation candidate of a UF3 fit becomes the model: the candidates in score order (lowest cross-validation or
 * validation score first), the asked rank or, when its solution is not a usable model (a bonded term without restoring
 * force or one that turns over within ±0.5 Å / ±40° of its minimum, a non-positive charge scale), the next usable rank.
 * The validation scores frames at their DFT geometries only and cannot see a quartic angle that folds 36° from its
 * minimum (session 24), so this check sits between the ranking and the model. Dimensionless; no units.
 */
final class Uf3CandidateChoice {
    private Uf3CandidateChoice() {}

    /** The candidates sorted by score (best first); refused when {@code rank} exceeds their number. */
    static List<Uf3Fitter.Candidate> ranked(List<Uf3Fitter.Candidate> cands, int rank) {
        List<Uf3Fitter.Candidate> ranked = new ArrayList<>(cands);
        ranked.sort(Comparator.comparingDouble(Uf3Fitter.Candidate::score));
        if (rank > ranked.size()) {
            throw new IllegalArgumentException("--candidate-rank " + rank + ": only " + ranked.size() + " candidates");
        }
        return ranked;
    }

    /** The candidate taken: its rank (1 = best score), its solution, and the better-ranked ones passed over with why. */
    record Taken(int rank, Uf3Fitter.Candidate candidate, double[] solution, List<String> passedOver) {}

    /**
     * The first candidate from {@code fromRank} on (in score order) whose solution {@code unusable} accepts (returns null
     * for); each one passed over is said on {@code log}. Refused when none from {@code fromRank} on is usable.
     */
    static Taken firstUsable(List<Uf3Fitter.Candidate> ranked, int fromRank, Function<Uf3Fitter.Candidate, double[]> solve,
                             Function<double[], String> unusable, PrintStream log) {
        List<String> passedOver = new ArrayList<>();
        for (int rank = fromRank; rank <= ranked.size(); rank++) {
            Uf3Fitter.Candidate cand = ranked.get(rank - 1);
            double[] c = solve.apply(cand);
            String why = unusable.apply(c);
            if (why == null) return new Taken(rank, cand, c, List.copyOf(passedOver));
            passedOver.add(String.format(Locale.ROOT, "rank %d (ridge %g, curvature %g): %s", rank, cand.hyper().ridge(), cand.hyper().curvature(), why));
            log.printf(Locale.ROOT, "fit-ff uf3: candidate rank %d of %d is not a usable model (%s)%s%n", rank, ranked.size(), why,
                    rank < ranked.size() ? "; taking rank " + (rank + 1) : "");
        }
        throw new IllegalArgumentException("no validation candidate from rank " + fromRank + " on gives a usable model; "
                + passedOver.size() + " passed over, the last " + passedOver.get(passedOver.size() - 1));
    }

    /** Why the solution {@code c} is not a usable model (null when it is): its bonded terms or its charge scale. */
    static String unusable(Uf3Design design, double[] c) {
        if (design.chargeScaleColumn() >= 0 && !(c[design.chargeScaleColumn()] > 0)) {
            return String.format(Locale.ROOT, "fitted charge scale squared t = %.4g is not positive: the data do not determine the"
                    + " electrostatics (fit without --fit-charge-scale)", c[design.chargeScaleColumn()]);
        }
        try {
            design.bondedColumns().checkUsable(c);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
