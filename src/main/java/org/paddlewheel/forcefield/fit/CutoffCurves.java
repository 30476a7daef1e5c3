package org.paddlewheel.forcefield.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.analysis.interpolation.SplineInterpolator;
import org.hipparchus.analysis.polynomials.PolynomialSplineFunction;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;

/**
 * Measured GPW cut-off curves E_el(E_eff) (eV against the effective cut-off in Ry), one per element, from single ions
 * computed alone at the dataset's settings on grids of increasing fineness ({@code forcefields/dft/cutoff_ions.py},
 * {@code forcefields/dft/cutoff-ions.tsv}): Na from Na⁺, O from O²⁻, B from BH₄⁻ and N from NH₂⁻, so a B or N atom
 * stands for its whole molecular ion and H carries no curve of its own (exact for compositions whose molecules are
 * intact). If the cut-off error is local to each ion's core, a cell's energy at effective cut-off E differs from its
 * energy at the nominal one by Σ_el N_el [E_el(E) − E_el(E_nom)], which {@link CutoffCorrection} takes out of the
 * data, and its fixed-grid stress by Σ_el N_el E_el'(Ē_eff) ∂Ē_eff/∂ε / V. Unlike a fitted constant slope this
 * follows the curvature: the Na⁺ slope falls from −1.7 to −0.7 meV/Ry between 620 and 1100 Ry (measured 3 Dec 2026),
 * and the dataset's cells sit at 801–986 Ry. Curves are natural cubic splines through the points (the measured
 * curves are smooth and monotone; the dataset's cut-offs lie well inside them, away from the natural ends); asking
 * outside the measured range is an error.
 */
public final class CutoffCurves {
    /** One element's measured curve: the ion it was measured on, effective cut-offs (Ry, increasing) and energies (eV). */
    public record Curve(Element element, String ion, double[] effectiveRy, double[] energyEv) {}

    private final Map<Element, Curve> curves;
    private final Map<Element, PolynomialSplineFunction> splines = new LinkedHashMap<>();

    public CutoffCurves(List<Curve> list) {
        curves = new LinkedHashMap<>();
        for (Curve c : list) {
            if (c.effectiveRy().length < 4) {
                throw new IllegalArgumentException("cut-off curve of " + c.element() + " (" + c.ion() + "): need at least 4 grids, got " + c.effectiveRy().length);
            }
            curves.put(c.element(), c);
            splines.put(c.element(), new SplineInterpolator().interpolate(c.effectiveRy(), c.energyEv()));
        }
    }

    /** The curves of a TSV with the header {@code ion element grid_points effective_Ry energy_eV} (one row per ion and grid). */
    public static CutoffCurves read(Path tsv) {
        List<String> lines = org.paddlewheel.io.CompressedInput.readAllLines(tsv);
        if (lines.isEmpty() || !lines.get(0).trim().split("\t")[0].equals("ion")) {
            throw new InputException(tsv, 1, "expected the header 'ion<TAB>element<TAB>grid_points<TAB>effective_Ry<TAB>energy_eV'");
        }
        Map<Element, TreeMap<Double, Double>> pts = new LinkedHashMap<>();
        Map<Element, String> ions = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] t = l.split("\t");
            if (t.length < 5) throw new InputException(tsv, i + 1, "expected 5 tab-separated columns (ion, element, grid_points, effective_Ry, energy_eV), got " + t.length);
            Element el;
            double ec, e;
            try {
                el = Element.of(t[1].trim());
                ec = Double.parseDouble(t[3]);
                e = Double.parseDouble(t[4]);
            } catch (RuntimeException ex) {
                throw new InputException(tsv, i + 1, "expected an element symbol and two numbers (effective_Ry, energy_eV): " + ex.getMessage());
            }
            if (ions.containsKey(el) && !ions.get(el).equals(t[0].trim())) {
                throw new InputException(tsv, i + 1, "element " + el + " already has the curve of " + ions.get(el) + ", not " + t[0].trim());
            }
            ions.put(el, t[0].trim());
            pts.computeIfAbsent(el, k -> new TreeMap<>()).put(ec, e);
        }
        List<Curve> list = new ArrayList<>();
        for (var en : pts.entrySet()) {
            double[] x = en.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = en.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
            if (x.length < 4) throw new InputException(tsv, 0, "element " + en.getKey() + ": need at least 4 grids, got " + x.length);
            list.add(new Curve(en.getKey(), ions.get(en.getKey()), x, y));
        }
        return new CutoffCurves(list);
    }

    /** The curves stored in a model's {@code fit.cutoff_correction_curves} (see {@link #toJson}), or null. */
    public static CutoffCurves ofJson(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        List<Curve> list = new ArrayList<>();
        node.fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            double[] x = new double[c.path("effective_Ry").size()], y = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                x[k] = c.path("effective_Ry").get(k).asDouble();
                y[k] = c.path("energy_eV").get(k).asDouble();
            }
            list.add(new Curve(Element.of(e.getKey()), c.path("ion").asText(), x, y));
        });
        return new CutoffCurves(list);
    }

    /** Writes the curves into {@code node} as element → {ion, effective_Ry[], energy_eV[]}. */
    public void toJson(ObjectNode node) {
        for (Curve c : curves.values()) {
            ObjectNode o = node.putObject(c.element().symbol()).put("ion", c.ion());
            var xs = o.putArray("effective_Ry");
            var ys = o.putArray("energy_eV");
            for (int k = 0; k < c.effectiveRy().length; k++) {
                xs.add(c.effectiveRy()[k]);
                ys.add(c.energyEv()[k]);
            }
        }
    }

    public Map<Element, Curve> curves() { return java.util.Collections.unmodifiableMap(curves); }

    public boolean isEmpty() { return curves.isEmpty(); }

    /** E_el(to) − E_el(from), eV per atom of the element (0 for an element without a curve). */
    public double energyChange(Element el, double fromRy, double toRy) {
        PolynomialSplineFunction f = splines.get(el);
        return f == null ? 0 : value(el, f, toRy) - value(el, f, fromRy);
    }

    /** dE_el/dE_eff at {@code ry}, eV per Ry per atom (0 for an element without a curve). */
    public double slope(Element el, double ry) {
        PolynomialSplineFunction f = splines.get(el);
        if (f == null) return 0;
        check(el, f, ry);
        return f.polynomialSplineDerivative().value(ry);
    }

    private static double value(Element el, PolynomialSplineFunction f, double ry) {
        check(el, f, ry);
        return f.value(ry);
    }

    private static void check(Element el, PolynomialSplineFunction f, double ry) {
        double[] k = f.getKnots();
        if (ry < k[0] || ry > k[k.length - 1]) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "effective cut-off %.1f Ry outside the measured cut-off curve of %s (%.0f-%.0f Ry)",
                    ry, el, k[0], k[k.length - 1]));
        }
    }
}
