package org.paddlewheel.study;

import java.util.List;
import java.util.Map;
import org.paddlewheel.analysis.LatticeStability;

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
 * @param tauLowerBound per anion kind, true when C1 had not decayed within half the run, so τ is
 *                    only a lower bound (its value is that bound); absent = false
 * @param hopRatePerPs Na hops per Na ion per ps of production (NaN when unknown)
 * @param stability   per mobile (not frozen) anion kind, whether its sublattice stayed a crystal
 *                    ({@link LatticeStability}: anion-centre MSD, Lindemann ratio, cell-length drift);
 *                    null when not measured (results analysed before this existed)
 * @param naCageRatio Na MSD at the end of the D fit window over the squared shortest site spacing (dimensionless): below
 *                    1 the fit saw rattling in the cage as well as hops ({@code analyze} flags it {@code cage_regime}), so D
 *                    is not a transport measurement; null when unknown (results analysed before session 35, fake engine)
 */
public record RunResult(String runId, RunSpec spec, String analysis, Estimate dNa, Estimate sigmaNa,
                        Map<String, Estimate> tauPs, Curve msdNa, Map<String, Curve> c1, int hops,
                        Map<String, Coupling> coupling, HopTrace hopTrace, Map<String, Boolean> tauLowerBound,
                        double hopRatePerPs, Map<String, LatticeStability.Result> stability, Double naCageRatio) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public RunResult {
        tauLowerBound = tauLowerBound == null ? Map.of() : tauLowerBound;
    }

    /** A result without the cage ratio. */
    public RunResult(String runId, RunSpec spec, String analysis, Estimate dNa, Estimate sigmaNa,
                     Map<String, Estimate> tauPs, Curve msdNa, Map<String, Curve> c1, int hops,
                     Map<String, Coupling> coupling, HopTrace hopTrace, Map<String, Boolean> tauLowerBound,
                     double hopRatePerPs, Map<String, LatticeStability.Result> stability) {
        this(runId, spec, analysis, dNa, sigmaNa, tauPs, msdNa, c1, hops, coupling, hopTrace, tauLowerBound, hopRatePerPs, stability, null);
    }

    /** A result without stability measurements. */
    public RunResult(String runId, RunSpec spec, String analysis, Estimate dNa, Estimate sigmaNa,
                     Map<String, Estimate> tauPs, Curve msdNa, Map<String, Curve> c1, int hops,
                     Map<String, Coupling> coupling, HopTrace hopTrace, Map<String, Boolean> tauLowerBound, double hopRatePerPs) {
        this(runId, spec, analysis, dNa, sigmaNa, tauPs, msdNa, c1, hops, coupling, hopTrace, tauLowerBound, hopRatePerPs, null);
    }

    /** The same result with stability measurements. */
    public RunResult withStability(Map<String, LatticeStability.Result> s) {
        return new RunResult(runId, spec, analysis, dNa, sigmaNa, tauPs, msdNa, c1, hops, coupling, hopTrace, tauLowerBound, hopRatePerPs, s,
                naCageRatio);
    }

    /** The same result with its cage ratio (see the record's parameters). */
    public RunResult withCageRatio(Double ratio) {
        return new RunResult(runId, spec, analysis, dNa, sigmaNa, tauPs, msdNa, c1, hops, coupling, hopTrace, tauLowerBound, hopRatePerPs,
                stability, ratio);
    }

    /** True when D_Na was fitted inside the cage regime (MSD at the fit's end below the squared site spacing). */
    public boolean dNaInCageRegime() { return naCageRatio != null && naCageRatio < 1; }

    /**
     * Why this run's cell is not the crystal the claims are about ("BH4: molten: …"), or null when
     * every watched sublattice stayed a crystal; "cell stability not measured" when unknown.
     */
    public String stabilityProblem() {
        if (stability == null) return "cell stability not measured (re-analyse: paddlewheel report rebuilds result.json from the trajectory)";
        java.util.List<String> p = new java.util.ArrayList<>();
        stability.forEach((k, v) -> { if (v != null && v.problem() != null) p.add(k + " sublattice " + v.problem()); });
        return p.isEmpty() ? null : String.join("; ", p);
    }

    /** A result without lower-bound flags and hop rate (synthetic results and tests). */
    public RunResult(String runId, RunSpec spec, String analysis, Estimate dNa, Estimate sigmaNa,
                     Map<String, Estimate> tauPs, Curve msdNa, Map<String, Curve> c1, int hops,
                     Map<String, Coupling> coupling, HopTrace hopTrace) {
        this(runId, spec, analysis, dNa, sigmaNa, tauPs, msdNa, c1, hops, coupling, hopTrace, Map.of(), Double.NaN, null);
    }

    /** True when τ of {@code kind} is only a lower bound. */
    public boolean isLowerBound(String kind) { return Boolean.TRUE.equals(tauLowerBound.get(kind)); }

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
