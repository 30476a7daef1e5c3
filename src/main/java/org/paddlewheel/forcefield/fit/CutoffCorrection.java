package org.paddlewheel.forcefield.fit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paddlewheel.cp2k.GpwGrid;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;

/**
 * A GPW cut-off correction applied to CP2K data: fitted constant slopes ({@link CutoffCorrectionColumns}; c_el in eV
 * per Ry per atom, a model's {@code fit.cutoff_correction_eV_per_Ry}) and/or measured per-ion curves
 * ({@link CutoffCurves}, {@code fit.cutoff_correction_curves}), added together. {@link #correct} moves a frame's energy
 * and stress to the nominal cut-off on every cell, which is what a model fitted with the correction describes,
 * and {@link #gridPressureGPa} is the fixed-grid pressure the term puts on a cell (negative for c &lt; 0: a DFT
 * cell relaxation at "0 GPa" is then at +|P_grid| of the constant-cut-off equation of state).
 */
public final class CutoffCorrection {
    private final List<Element> elements;
    private final double[] slopes;
    private final CutoffCurves curves;

    public CutoffCorrection(Map<Element, Double> slopesEvPerRy) {
        this(slopesEvPerRy, null);
    }

    /** Fitted constant slopes (eV/Ry per atom) and measured curves ({@link CutoffCurves}, may be null), added together. */
    public CutoffCorrection(Map<Element, Double> slopesEvPerRy, CutoffCurves curves) {
        elements = new ArrayList<>(slopesEvPerRy.keySet());
        slopes = new double[elements.size()];
        for (int k = 0; k < slopes.length; k++) slopes[k] = slopesEvPerRy.get(elements.get(k));
        this.curves = curves == null || curves.isEmpty() ? null : curves;
    }

    /** None: every method is the identity. */
    public static final CutoffCorrection NONE = new CutoffCorrection(Map.of());

    /** The correction a model was fitted with ({@code fit.cutoff_correction_eV_per_Ry}), or {@link #NONE}. */
    public static CutoffCorrection ofModel(JsonNode modelJson) {
        JsonNode cc = modelJson.path("fit").path("cutoff_correction_eV_per_Ry");
        CutoffCurves curves = CutoffCurves.ofJson(modelJson.path("fit").get("cutoff_correction_curves"));
        if (!cc.isObject() && curves == null) return NONE;
        Map<Element, Double> m = new LinkedHashMap<>();
        if (cc.isObject()) cc.fields().forEachRemaining(e -> m.put(Element.of(e.getKey()), e.getValue().asDouble()));
        return new CutoffCorrection(m, curves);
    }

    public boolean isEmpty() { return elements.isEmpty() && curves == null; }

    /** The measured curves, or null. */
    public CutoffCurves curves() { return curves; }

    /** Slope per element, eV per Ry per atom. */
    public Map<Element, Double> slopes() {
        Map<Element, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < slopes.length; k++) m.put(elements.get(k), slopes[k]);
        return m;
    }

    /** The grid term of one frame: {energy eV, σ_xx, σ_yy, σ_zz, σ_xy, σ_xz, σ_yz eV/Å³ (ASE sign)}; zeros for a non-GPW frame. */
    double[] term(Map<String, String> info, Structure s) {
        double[] e = new double[elements.size()];
        double[][] st = new double[6][elements.size()];
        new CutoffCorrectionColumns(elements, 0).addRows(info, s.lattice(), s.speciesArray(), s.lattice().volume(), e, st);
        double[] out = new double[7];
        for (int k = 0; k < slopes.length; k++) {
            out[0] += slopes[k] * e[k];
            for (int m = 0; m < 6; m++) out[1 + m] += slopes[k] * st[m][k];
        }
        CutoffCorrectionColumns.GridCutoff g = curves == null ? null : CutoffCorrectionColumns.GridCutoff.of(info, s.lattice());
        if (g != null) {
            Map<Element, Integer> counts = new LinkedHashMap<>();
            for (Element el : s.speciesArray()) counts.merge(el, 1, Integer::sum);
            double v = s.lattice().volume();
            for (var en : counts.entrySet()) {
                out[0] += en.getValue() * curves.energyChange(en.getKey(), g.nominalRy(), g.meanRy());
                double slope = en.getValue() * curves.slope(en.getKey(), g.meanRy());
                for (int m = 0; m < 6; m++) out[1 + m] += slope * g.dMeanDStrain()[m] / v;
            }
        }
        return out;
    }

    /** The frame with the grid term taken out of its energy and stress (info key {@code cutoff_correction_eV} says how much). */
    public LabelledXyz.Labelled correct(LabelledXyz.Labelled l) {
        if (isEmpty()) return l;
        double[] t = term(l.info(), l.structure());
        if (t[0] == 0 && t[1] == 0) return l;
        double[] st = l.stressEvPerA3();
        if (st != null) {
            st = st.clone();
            int[][] at = {{0}, {4}, {8}, {1, 3}, {2, 6}, {5, 7}};
            for (int m = 0; m < 6; m++) for (int q : at[m]) st[q] -= t[1 + m];
        }
        Map<String, String> info = new LinkedHashMap<>(l.info());
        info.put("cutoff_correction_eV", String.format(java.util.Locale.ROOT, "%.6f", -t[0]));
        return new LabelledXyz.Labelled(l.structure(), l.energyEv() - t[0], l.forcesEvPerA(), st, l.charges(), info);
    }

    /** Every frame corrected ({@link #correct}). */
    public List<Uf3Dataset.Frame> correct(List<Uf3Dataset.Frame> frames) {
        if (isEmpty()) return frames;
        List<Uf3Dataset.Frame> out = new ArrayList<>();
        for (Uf3Dataset.Frame f : frames) out.add(new Uf3Dataset.Frame(correct(f.labelled()), f.group()));
        return out;
    }

    /** The grid term's pressure (GPa) on structure s computed by CP2K at {@code nominalRy}: P = −tr σ / 3. */
    public double gridPressureGPa(Structure s, double nominalRy) {
        if (isEmpty()) return 0;
        int[] n = GpwGrid.points(s.lattice().rows(), nominalRy);
        Map<String, String> info = Map.of("level_of_theory", String.format(java.util.Locale.ROOT, "GPW %.0f Ry", nominalRy),
                "cp2k_grid", n[0] + " " + n[1] + " " + n[2]);
        double[] t = term(info, s);
        return -(t[1] + t[2] + t[3]) / 3 * Units.EV_PER_A3_TO_GPA;
    }
}
