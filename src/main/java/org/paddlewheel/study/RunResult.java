package org.paddlewheel.study;

import java.util.List;
import java.util.Map;

/**
 * What the analysis of one finished run gives the report: Na diffusivity and Nernst–Einstein
 * conductivity with 1σ errors, the rotational correlation time τ of each anion kind (from the
 * first-order orientation autocorrelation C1), the curves behind them, hop counts, hop–rotation
 * coupling scores and one representative hop. Maps are keyed by anion kind ("BH4", "NH2");
 * a frozen or absent species has no entry. Stored as the run's {@code result.json}.
 *
 * @param analysis    what produced these numbers (names the fake engine's known answers when so)
 * @param dNa         Na tracer diffusivity, cm²/s (null when Na is frozen)
 * @param sigmaNa     Nernst–Einstein conductivity from dNa, S/cm (null when Na is frozen)
 * @param tauPs       C1 rotational correlation time per anion kind, ps
 * @param msdNa       Na mean squared displacement, Å² against ps (null when Na is frozen)
 * @param c1          C1(t) per anion kind, against ps
 * @param hops        Na hops detected during production
 * @param coupling    hop–rotation coupling per anion kind
 * @param hopTrace    one representative hop with its neighbouring anions (null when no hop)
 */
public record RunResult(String runId, RunSpec spec, String analysis, Estimate dNa, Estimate sigmaNa,
                        Map<String, Estimate> tauPs, Curve msdNa, Map<String, Curve> c1, int hops,
                        Map<String, Coupling> coupling, HopTrace hopTrace) {

    /** A sampled curve y(t), t in ps. */
    public record Curve(double[] tPs, double[] y) {}

    /**
     * Hop–rotation coupling of one anion kind: mean angular displacement of neighbour anions around
     * hops (score) against a shuffled-time control.
     *
     * @param score       mean neighbour-anion angular displacement in the hop window, degrees
     * @param controlMean the same at random times, degrees
     * @param controlStd  standard deviation of the control mean, degrees
     * @param z           (score − controlMean) / controlStd
     * @param pValue      one-sided probability of a control at least as large
     * @param hops        hops that entered the score
     */
    public record Coupling(double score, double controlMean, double controlStd, double z, double pValue, int hops) {}

    /**
     * One hop (the paper's Figure 4): the hopping ion's displacement from its start site and the
     * angular displacement of each neighbouring anion, against time.
     *
     * @param tPs           time relative to the hop, ps
     * @param naDisplacementA displacement of the hopping Na, Å
     * @param anionAngleDeg per anion kind, one angular-displacement series (degrees) per neighbour
     */
    public record HopTrace(double[] tPs, double[] naDisplacementA, Map<String, List<double[]>> anionAngleDeg) {}
}
