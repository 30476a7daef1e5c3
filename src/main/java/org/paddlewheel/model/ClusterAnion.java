package org.paddlewheel.model;

import java.util.Locale;

/**
 * Rigid reference geometries of the anions that sit on antiperovskite A and B sites: the cluster
 * anions BH4⁻ (tetrahedral), NH2⁻ (bent), OH⁻ and the monatomic O²⁻, S²⁻, F⁻, Cl⁻, Br⁻, I⁻, H⁻.
 * Each has a centre element, a formal charge (e) and ligand positions relative to the centre in a
 * reference orientation (Å): BH4⁻ ligands along ⟨111⟩, NH2⁻ in the xz plane with its C2 axis
 * (bisector) along +z, OH⁻ along +z. Builders rotate these frames.
 */
public enum ClusterAnion {
    /**
     * BH4⁻, B–H 1.21 Å, ideal tetrahedron (109.47°). Neutron diffraction of the ordered borohydrides
     * gives B–D 1.205(3) Å in KBD4 (Renaudin et al., J. Alloys Compd. 375, 98 (2004)) and 1.19–1.22 Å
     * across alkali borohydrides once libration is corrected (Filinchuk, Chernyshov, Dmitriev,
     * Z. Kristallogr. 223, 649 (2008)).
     */
    BH4(Element.B, Element.H, -1, tetrahedron(1.21)),
    /**
     * NH2⁻, N–H 1.02 Å, H–N–H 104.5°. The amide ion is bent like water; neutron data on LiNH2 give
     * N–H 0.94–0.99 Å and H–N–H ≈ 100–104° (Yang et al., Appl. Phys. Lett. 88, 041914 (2006)); ab initio
     * NH2⁻ values are N–H ≈ 1.02–1.03 Å, 102–105° — the value used here is the one of the provisional
     * Na–O–N–B–H model (shared/notes/provisional-model.md) so that built cells start near its minimum.
     */
    NH2(Element.N, Element.H, -1, bent(1.02, 104.5)),
    /** OH⁻, O–H 0.97 Å (the O–H distance of alkali hydroxides, e.g. 0.96–0.98 Å in LiOH/NaOH neutron studies). */
    OH(Element.O, Element.H, -1, new double[][] {{0, 0, 0.97}}),
    /** O²⁻, monatomic. */
    O(Element.O, null, -2, new double[0][]),
    /** S²⁻, monatomic. */
    S(Element.S, null, -2, new double[0][]),
    /** F⁻, monatomic. */
    F(Element.F, null, -1, new double[0][]),
    /** Cl⁻, monatomic. */
    CL(Element.CL, null, -1, new double[0][]),
    /** Br⁻, monatomic. */
    BR(Element.BR, null, -1, new double[0][]),
    /** I⁻, monatomic. */
    I(Element.I, null, -1, new double[0][]),
    /** H⁻ (hydride), monatomic. */
    H(Element.H, null, -1, new double[0][]);

    private final Element centre;
    private final Element ligand;
    private final int charge;
    private final double[][] ligands;

    ClusterAnion(Element centre, Element ligand, int charge, double[][] ligands) {
        this.centre = centre;
        this.ligand = ligand;
        this.charge = charge;
        this.ligands = ligands;
    }

    /** Centre element (B for BH4⁻). */
    public Element centre() { return centre; }

    /** Ligand element, or null for a monatomic ion. */
    public Element ligand() { return ligand; }

    /** Formal charge in e. */
    public int charge() { return charge; }

    /** Number of ligands. */
    public int ligandCount() { return ligands.length; }

    /** Ligand k relative to the centre in the reference orientation, Å; a new array. */
    public double[] ligandVector(int k) { return ligands[k].clone(); }

    /** True when the ion has ligands (and therefore an orientation). */
    public boolean isCluster() { return ligands.length > 0; }

    /** Formula, centre first ("BH4", "NH2", "O", "Cl"). */
    public String formula() {
        if (ligand == null) return centre.symbol();
        return centre.symbol() + ligand.symbol() + (ligands.length > 1 ? ligands.length : "");
    }

    /** The anion with this formula, case-insensitive ("BH4", "nh2", "Cl"). */
    public static ClusterAnion of(String formula) {
        for (ClusterAnion a : values()) if (a.formula().equalsIgnoreCase(formula.trim())) return a;
        throw new IllegalArgumentException("unknown anion '" + formula + "'; known: "
                + String.join(", ", java.util.Arrays.stream(values()).map(ClusterAnion::formula).toList()));
    }

    @Override
    public String toString() { return formula(); }

    private static double[][] tetrahedron(double r) {
        double s = r / Math.sqrt(3);
        return new double[][] {{s, s, s}, {s, -s, -s}, {-s, s, -s}, {-s, -s, s}};
    }

    private static double[][] bent(double r, double angleDeg) {
        double h = Math.toRadians(angleDeg / 2);
        return new double[][] {{r * Math.sin(h), 0, r * Math.cos(h)}, {-r * Math.sin(h), 0, r * Math.cos(h)}};
    }

    static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
