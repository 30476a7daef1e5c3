package org.paddlewheel.experiment.impedance;

import java.util.ArrayList;
import java.util.List;

/**
 * Identifies the arcs of a fitted circuit and labels them by effective capacitance. An arc is a
 * top-level parallel block of one resistor and one capacitive element: R‖C (C_eff = C) or R‖CPE,
 * whose effective capacitance is C_eff = Q^(1/α)·R^((1−α)/α) (F; Brug et al., J. Electroanal.
 * Chem. 176, 275 (1984), for a CPE in parallel with a resistance). A series CPE (a blocking
 * electrode) is reported as an electrode "arc" with Brug's series form C_eff = Q^(1/α)·R_s^((1−α)/α),
 * R_s the sum of the series resistances in front of it, and always labelled electrode (a series
 * capacitive element blocks dc). Labels follow Irvine, Sinclair and West
 * (Adv. Mater. 2, 132 (1990)) on the capacitance normalised to unit cell constant,
 * C' = C_eff·(L/A) with L/A in cm⁻¹ (raw C_eff when the geometry is unknown):
 * C' &lt; 1e-10 F → bulk, 1e-10 ≤ C' &lt; 1e-7 F → grain boundary, C' ≥ 1e-7 F → electrode.
 */
public final class ArcAnalysis {
    private ArcAnalysis() {}

    /** What an arc is attributed to. */
    public enum Label { BULK, GRAIN_BOUNDARY, ELECTRODE;
        /** Lower-case name with underscores replaced by spaces. */
        public String text() { return name().toLowerCase().replace('_', ' '); }
    }

    /**
     * One arc.
     *
     * @param name        the resistor's name (R1), or the series CPE's name for an electrode tail
     * @param resistanceOhm arc resistance (Ω; NaN for a series electrode element)
     * @param resistanceErrorOhm its 1σ error (Ω)
     * @param capacitanceF effective capacitance C_eff (F)
     * @param normalisedCapacitanceF C_eff·L/A (F, for L/A in cm⁻¹), or C_eff without geometry
     * @param peakFrequencyHz 1/(2π R C_eff) (Hz; NaN for a series element)
     * @param label       attribution by normalised capacitance
     */
    public record Arc(String name, double resistanceOhm, double resistanceErrorOhm, double capacitanceF,
                      double normalisedCapacitanceF, double peakFrequencyHz, Label label) {}

    /** A one-part series (how the parser wraps a parallel branch) is its part. */
    private static Circuit.Node unwrap(Circuit.Node n) {
        return n instanceof Circuit.Series s && s.parts().size() == 1 ? s.parts().get(0) : n;
    }

    /** R‖CPE effective capacitance (F) from Q (S·s^α), α and R (Ω). */
    public static double brugParallel(double q, double alpha, double rOhm) {
        return Math.pow(q, 1 / alpha) * Math.pow(rOhm, (1 - alpha) / alpha);
    }

    /** Label for a capacitance normalised to unit cell constant (F). */
    public static Label label(double normalisedCapacitanceF) {
        if (normalisedCapacitanceF < 1e-10) return Label.BULK;
        if (normalisedCapacitanceF < 1e-7) return Label.GRAIN_BOUNDARY;
        return Label.ELECTRODE;
    }

    /**
     * The arcs of {@code fit}, in circuit order.
     *
     * @param cellConstantPerCm L/A in cm⁻¹, or NaN when the geometry is unknown
     */
    public static List<Arc> arcs(FitResult fit, double cellConstantPerCm) {
        double k = Double.isNaN(cellConstantPerCm) ? 1.0 : cellConstantPerCm;
        double[] p = fit.values();
        List<Arc> out = new ArrayList<>();
        double seriesR = 0;
        for (Circuit.Node node : ((Circuit.Series) fit.circuit().root()).parts()) {
            if (node instanceof Circuit.Element e) {
                if (e.type() == ElementType.R) seriesR += p[e.offset()];
                // a capacitive element in series blocks dc: by topology an electrode
                if (e.type() == ElementType.CPE && seriesR > 0) {
                    double c = brugParallel(p[e.offset()], p[e.offset() + 1], seriesR);
                    out.add(new Arc(e.name(), Double.NaN, Double.NaN, c, c * k, Double.NaN, Label.ELECTRODE));
                } else if (e.type() == ElementType.C) {
                    double c = p[e.offset()];
                    out.add(new Arc(e.name(), Double.NaN, Double.NaN, c, c * k, Double.NaN, Label.ELECTRODE));
                }
                continue;
            }
            List<Circuit.Node> br = ((Circuit.Parallel) node).branches().stream().map(ArcAnalysis::unwrap).toList();
            if (br.size() != 2 || !(br.get(0) instanceof Circuit.Element a) || !(br.get(1) instanceof Circuit.Element b)) continue;
            Circuit.Element r = a.type() == ElementType.R ? a : b.type() == ElementType.R ? b : null;
            Circuit.Element q = r == a ? b : a;
            if (r == null || (q.type() != ElementType.C && q.type() != ElementType.CPE)) continue;
            double rv = p[r.offset()];
            double c = q.type() == ElementType.C ? p[q.offset()] : brugParallel(p[q.offset()], p[q.offset() + 1], rv);
            out.add(new Arc(r.name(), rv, fit.standardErrors()[r.offset()], c, c * k, 1 / (2 * Math.PI * rv * c), label(c * k)));
            seriesR += rv;
        }
        return out;
    }
}
