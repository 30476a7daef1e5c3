package org.paddlewheel.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Detects molecules (cluster anions such as BH4⁻, NH2⁻, OH⁻, PS4³⁻) in any periodic structure by
 * distance: two atoms are bonded when closer than the cut-off for their element pair (Å), and each
 * connected group of two or more atoms is one molecule. The centre is the atom with most bonds
 * (ties: the heavier element, then the lower index); the formula is written centre first ("BH4",
 * "NH2", "OH"). Uses {@link NeighborSearch}, so a 10,000-atom cell takes milliseconds. Immutable;
 * {@link #withCutoff} returns a modified copy.
 */
public final class MoleculeFinder {
    /** Default bond cut-offs in Å: about 1.2× the usual bond length, below the closest non-bonded contact. */
    private static final Map<String, Double> DEFAULTS = new HashMap<>();
    static {
        put(DEFAULTS, Element.B, Element.H, 1.5);
        put(DEFAULTS, Element.N, Element.H, 1.3);
        put(DEFAULTS, Element.O, Element.H, 1.2);
        put(DEFAULTS, Element.C, Element.H, 1.25);
        put(DEFAULTS, Element.B, Element.D, 1.5);
        put(DEFAULTS, Element.N, Element.D, 1.3);
        put(DEFAULTS, Element.O, Element.D, 1.2);
        put(DEFAULTS, Element.P, Element.S, 2.4);
        put(DEFAULTS, Element.SI, Element.S, 2.5);
        put(DEFAULTS, Element.GE, Element.S, 2.6);
        put(DEFAULTS, Element.P, Element.O, 1.8);
        put(DEFAULTS, Element.S, Element.O, 1.8);
        put(DEFAULTS, Element.CL, Element.O, 1.7);
        put(DEFAULTS, Element.C, Element.O, 1.5);
        put(DEFAULTS, Element.N, Element.O, 1.5);
        put(DEFAULTS, Element.C, Element.N, 1.4);
        put(DEFAULTS, Element.B, Element.B, 2.0);
        put(DEFAULTS, Element.B, Element.C, 1.9);
    }

    private final Map<String, Double> cutoffs;

    private MoleculeFinder(Map<String, Double> cutoffs) { this.cutoffs = cutoffs; }

    /** A finder with the default cut-offs (B–H 1.5, N–H 1.3, O–H 1.2, P–S 2.4 Å, ...). */
    public static MoleculeFinder withDefaults() { return new MoleculeFinder(new HashMap<>(DEFAULTS)); }

    /** A finder with no cut-offs: nothing bonds until {@link #withCutoff} adds element pairs. */
    public static MoleculeFinder none() { return new MoleculeFinder(new HashMap<>()); }

    /** Molecules in {@code s} with the default cut-offs. */
    public static List<Molecule> find(Structure s) { return withDefaults().findIn(s); }

    /** A copy with the bond cut-off for pair (a, b) set to {@code cutoffAngstrom} (≤ 0 removes it). */
    public MoleculeFinder withCutoff(Element a, Element b, double cutoffAngstrom) {
        Map<String, Double> c = new HashMap<>(cutoffs);
        if (cutoffAngstrom > 0) put(c, a, b, cutoffAngstrom); else c.remove(key(a, b));
        return new MoleculeFinder(c);
    }

    /** Bond cut-off for a pair in Å, or 0 when they never bond. */
    public double cutoff(Element a, Element b) {
        Double d = cutoffs.get(key(a, b));
        return d == null ? 0 : d;
    }

    /** All molecules of two or more atoms, ordered by centre index. */
    public List<Molecule> findIn(Structure s) {
        int n = s.size();
        double maxCut = 0;
        for (double d : cutoffs.values()) maxCut = Math.max(maxCut, d);
        int[] parent = new int[n];
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        if (maxCut > 0) {
            NeighborSearch.forEachPair(s, maxCut, (i, j, dx, dy, dz, r) -> {
                if (i == j) return;
                if (r < cutoff(s.species(i), s.species(j))) {
                    degree[i]++;
                    degree[j]++;
                    int a = root(parent, i), b = root(parent, j);
                    if (a != b) parent[Math.max(a, b)] = Math.min(a, b);
                }
            });
        }
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (r != i || degree[i] > 0) groups.computeIfAbsent(r, k -> new ArrayList<>()).add(i);
        }
        List<Molecule> out = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            if (g.size() < 2) continue;
            int centre = g.get(0);
            for (int i : g) {
                if (degree[i] > degree[centre] || (degree[i] == degree[centre]
                        && s.species(i).massAmu() > s.species(centre).massAmu())) centre = i;
            }
            int[] lig = new int[g.size() - 1];
            int k = 0;
            for (int i : g) if (i != centre) lig[k++] = i;
            out.add(new Molecule(centre, lig, formula(s, centre, lig)));
        }
        out.sort((a, b) -> Integer.compare(a.centre(), b.centre()));
        return out;
    }

    /** Counts molecules by formula, in order of first appearance. */
    public static Map<String, Integer> countByFormula(List<Molecule> molecules) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (Molecule m : molecules) c.merge(m.formula(), 1, Integer::sum);
        return c;
    }

    /** Centre element first (with its count when more than one), then the others alphabetically. */
    static String formula(Structure s, int centre, int[] ligands) {
        Element ce = s.species(centre);
        Map<String, Integer> counts = new TreeMap<>();
        int centreCount = 1;
        for (int i : ligands) {
            if (s.species(i) == ce) centreCount++;
            else counts.merge(s.species(i).symbol(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder(ce.symbol());
        if (centreCount > 1) sb.append(centreCount);
        counts.forEach((sym, c) -> sb.append(sym).append(c == 1 ? "" : c));
        return sb.toString();
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static String key(Element a, Element b) {
        return a.ordinal() <= b.ordinal() ? a.symbol() + "-" + b.symbol() : b.symbol() + "-" + a.symbol();
    }

    private static void put(Map<String, Double> m, Element a, Element b, double d) { m.put(key(a, b), d); }
}
