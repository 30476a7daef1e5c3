package org.paddlewheel.forcefield.fit;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.model.Element;

/**
 * The compositions a fit's atom energies are determined for: the linear span of the training configurations'
 * element-count vectors. A fitted model's absolute energy per atom of a configuration whose composition lies
 * outside it (NaBH4 or Na2O when the training set holds only antiperovskites, where O and BH4 always come
 * together) depends on atom energies the data never fixed (the solver's minimum-norm choice), so its energy
 * error says nothing about the model and is left out of energy RMSEs and scores (forces and stresses do not
 * depend on atom energies and are kept). Membership: the residual of the composition's projection onto an
 * orthonormal basis (modified Gram–Schmidt) below 1e-9 of its norm.
 */
public final class CompositionSpan {
    private final List<Element> elements;
    private final List<double[]> basis = new ArrayList<>();

    /** The span of the compositions of {@code rows} over {@code elements}. */
    public CompositionSpan(List<Element> elements, List<Uf3Design.Rows> rows) {
        this.elements = List.copyOf(elements);
        for (Uf3Design.Rows r : rows) {
            double[] v = residual(counts(r.species()));
            double n = norm(v);
            if (n > 1e-9 * Math.max(1, norm(counts(r.species())))) {
                for (int k = 0; k < v.length; k++) v[k] /= n;
                basis.add(v);
            }
        }
    }

    /** The span of compositions given as element symbol → count maps (a fitted model's {@code fit.training_compositions}). */
    public static CompositionSpan of(List<java.util.Map<String, Integer>> compositions) {
        java.util.LinkedHashSet<Element> els = new java.util.LinkedHashSet<>();
        for (var c : compositions) for (String e : c.keySet()) els.add(Element.of(e));
        List<Uf3Design.Rows> rows = new ArrayList<>();
        for (var c : compositions) {
            List<Element> sp = new ArrayList<>();
            for (var e : c.entrySet()) for (int i = 0; i < e.getValue(); i++) sp.add(Element.of(e.getKey()));
            rows.add(new Uf3Design.Rows("", "", sp.toArray(new Element[0]), new double[0], 0, 0, new double[0][], new double[0], new double[0],
                    null, null, null));
        }
        return new CompositionSpan(new ArrayList<>(els), rows);
    }

    /** Whether the atom energies fix the absolute energy of this composition. */
    public boolean contains(Element[] species) {
        double[] c = counts(species);
        return norm(residual(c)) <= 1e-9 * Math.max(1, norm(c));
    }

    /** Whether the atom energies fix the absolute energy of this configuration. */
    public boolean contains(Uf3Design.Rows r) { return contains(r.species()); }

    private double[] counts(Element[] species) {
        double[] c = new double[elements.size() + 1]; // last slot: elements the fit has no atom energy for
        for (Element e : species) {
            int k = elements.indexOf(e);
            c[k < 0 ? elements.size() : k]++;
        }
        return c;
    }

    private double[] residual(double[] c) {
        double[] v = c.clone();
        for (double[] b : basis) {
            double d = 0;
            for (int k = 0; k < v.length; k++) d += v[k] * b[k];
            for (int k = 0; k < v.length; k++) v[k] -= d * b[k];
        }
        return v;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
