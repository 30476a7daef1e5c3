package org.paddlewheel.experiment.impedance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * An equivalent circuit parsed from an impedance.py-compatible circuit string
 * ({@code R0-p(R1,CPE1)-CPE2}): a tree of series ({@code -}) and parallel ({@code p(a,b,...)})
 * combinations of {@link ElementType elements}. Parameters form one flat vector in the order the
 * elements appear in the string, each element contributing {@link ElementType#parameterCount()}
 * values; {@link #parameterNames()} names them ({@code R0}, {@code CPE1_Q}, {@code CPE1_alpha}) and
 * {@link #parameterUnits()} gives their units. Immutable; build with {@link CircuitParser#parse}.
 */
public final class Circuit {

    /** A node of the circuit tree. */
    public sealed interface Node permits Element, Series, Parallel {}

    /** A named element whose parameters start at {@code offset} in the parameter vector. */
    public record Element(String name, ElementType type, int offset, int position) implements Node {}

    /** Elements in series: Z = Σ Z_i. */
    public record Series(List<Node> parts) implements Node {}

    /** Elements in parallel: 1/Z = Σ 1/Z_i. */
    public record Parallel(List<Node> branches) implements Node {}

    private final String text;
    private final Node root;
    private final List<Element> elements;
    private final List<String> names;
    private final List<String> units;

    Circuit(String text, Node root, List<Element> elements) {
        this.text = text;
        this.root = root;
        this.elements = List.copyOf(elements);
        List<String> n = new ArrayList<>(), u = new ArrayList<>();
        for (Element e : elements) {
            for (int i = 0; i < e.type().parameterCount(); i++) {
                String suf = e.type().suffix(i);
                n.add(suf.isEmpty() ? e.name() : e.name() + "_" + suf);
                u.add(e.type().unit(i));
            }
        }
        this.names = Collections.unmodifiableList(n);
        this.units = Collections.unmodifiableList(u);
    }

    /** The circuit string as given. */
    public String text() { return text; }

    /** Root of the circuit tree (a {@link Series} at top level). */
    public Node root() { return root; }

    /** Elements in string order. */
    public List<Element> elements() { return elements; }

    /** Number of parameters. */
    public int parameterCount() { return names.size(); }

    /** Parameter names in vector order: {@code R0}, {@code CPE1_Q}, {@code CPE1_alpha}, {@code Wo1_Z0}, ... */
    public List<String> parameterNames() { return names; }

    /** Parameter units in vector order (see {@link ElementType#unit}). */
    public List<String> parameterUnits() { return units; }

    /**
     * Index of a parameter by our name ({@code CPE1_Q}) or impedance.py's ({@code CPE1_0}); -1 if none.
     */
    public int indexOf(String parameter) {
        int i = names.indexOf(parameter);
        if (i >= 0) return i;
        int us = parameter.lastIndexOf('_');
        if (us > 0) {
            String el = parameter.substring(0, us), idx = parameter.substring(us + 1);
            for (Element e : elements) {
                if (e.name().equals(el) && idx.matches("\\d+")) {
                    int k = Integer.parseInt(idx);
                    if (k < e.type().parameterCount()) return e.offset() + k;
                }
            }
        }
        return -1;
    }

    /** True if parameter {@code i} is an exponent restricted to (0, 1]. */
    public boolean isExponent(int i) {
        for (Element e : elements) {
            if (i >= e.offset() && i < e.offset() + e.type().parameterCount()) return e.type().isExponent(i - e.offset());
        }
        throw new IndexOutOfBoundsException(i);
    }

    /** Impedance in Ω at frequency {@code frequencyHz} for parameters {@code p}. */
    public Complex impedance(double[] p, double frequencyHz) {
        if (p.length != parameterCount()) {
            throw new IllegalArgumentException("circuit " + text + " has " + parameterCount() + " parameters, got " + p.length);
        }
        return eval(root, p, 2 * Math.PI * frequencyHz);
    }

    /** Impedances at each frequency: {re[], im[]} in Ω. */
    public double[][] impedance(double[] p, double[] frequencyHz) {
        double[] re = new double[frequencyHz.length], im = new double[frequencyHz.length];
        for (int k = 0; k < frequencyHz.length; k++) {
            Complex z = impedance(p, frequencyHz[k]);
            re[k] = z.getReal();
            im[k] = z.getImaginary();
        }
        return new double[][] {re, im};
    }

    /** A spectrum of this circuit at the given frequencies (noise-free). */
    public Spectrum simulate(double[] p, double[] frequencyHz, String source) {
        double[][] z = impedance(p, frequencyHz);
        return new Spectrum(source, frequencyHz.clone(), z[0], z[1]);
    }

    private static Complex eval(Node node, double[] p, double omega) {
        if (node instanceof Element e) return e.type().impedance(p, e.offset(), omega);
        if (node instanceof Series s) {
            Complex sum = Complex.ZERO;
            for (Node n : s.parts()) sum = sum.add(eval(n, p, omega));
            return sum;
        }
        Complex inv = Complex.ZERO;
        for (Node n : ((Parallel) node).branches()) inv = inv.add(eval(n, p, omega).reciprocal());
        return inv.reciprocal();
    }

    @Override public String toString() { return text; }
}
