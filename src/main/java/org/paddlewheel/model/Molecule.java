package org.paddlewheel.model;

import java.util.Arrays;

/**
 * A molecule (cluster anion) found in a structure: the index of its centre atom (B in BH4⁻, N in
 * NH2⁻), the indices of its ligand atoms, and its formula written centre first ("BH4", "NH2",
 * "OH", "PS4"). Indices refer to atoms of the structure it was found in. Monatomic ions (O²⁻, Cl⁻)
 * have no ligands.
 */
public record Molecule(int centre, int[] ligands, String formula) {
    public Molecule {
        ligands = ligands.clone();
    }

    /** Number of ligands. */
    public int ligandCount() { return ligands.length; }

    /** Ligand index k. */
    public int ligand(int k) { return ligands[k]; }

    /** Centre first, then ligands, all atom indices. */
    public int[] atoms() {
        int[] a = new int[ligands.length + 1];
        a[0] = centre;
        System.arraycopy(ligands, 0, a, 1, ligands.length);
        return a;
    }

    @Override
    public int[] ligands() { return ligands.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Molecule m && m.centre == centre && Arrays.equals(m.ligands, ligands) && m.formula.equals(formula);
    }

    @Override
    public int hashCode() { return 31 * (31 * centre + Arrays.hashCode(ligands)) + formula.hashCode(); }

    @Override
    public String toString() { return formula + "[" + centre + ":" + Arrays.toString(ligands) + "]"; }
}
