package org.paddlewheel.analysis;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

/**
 * Unit orientation vectors of the molecules of one kind (same formula), taken from each frame:
 * every centre→ligand bond vector (minimum image, so molecules split by the cell boundary are
 * whole), and, for two-ligand molecules such as bent NH2⁻, also the C2 axis (bisector
 * û1 + û2, normalised) and the plane normal (û1 × û2, normalised; its sign follows the fixed ligand
 * order, so it is continuous in time). Molecules with no ligands have no orientation and are
 * rejected. The layout of {@link #sample} output is, per {@link Vector} type, molecules × vectors
 * × (x, y, z). Dimensionless.
 */
public final class OrientationSampler {
    /** The kinds of orientation vector. */
    public enum Vector { LIGAND, BISECTOR, NORMAL }

    private final Molecule[] molecules;
    private final int ligands;
    private final double[] tmp = new double[6];

    /** A sampler for molecules that all have the same number (≥ 1) of ligands. */
    public OrientationSampler(List<Molecule> molecules) {
        if (molecules.isEmpty()) throw new IllegalArgumentException("no molecules");
        this.molecules = molecules.toArray(new Molecule[0]);
        this.ligands = this.molecules[0].ligandCount();
        if (ligands < 1) throw new IllegalArgumentException(this.molecules[0].formula() + " has no ligands: no orientation");
        for (Molecule m : molecules) {
            if (m.ligandCount() != ligands) throw new IllegalArgumentException("molecules of one kind must have the same ligand count");
        }
    }

    public int molecules() { return molecules.length; }

    public int ligands() { return ligands; }

    /** Vector types available: LIGAND, plus BISECTOR and NORMAL for two-ligand molecules. */
    public List<Vector> vectorTypes() {
        List<Vector> v = new ArrayList<>(List.of(Vector.LIGAND));
        if (ligands == 2) { v.add(Vector.BISECTOR); v.add(Vector.NORMAL); }
        return v;
    }

    /** Number of unit vectors of a type per molecule. */
    public int vectorsPerMolecule(Vector v) { return v == Vector.LIGAND ? ligands : 1; }

    /** Channels (3 per unit vector) of a type. */
    public int channels(Vector v) { return 3 * molecules.length * vectorsPerMolecule(v); }

    /** Fills {@code out} (length {@link #channels}) with the unit vectors of type v in structure s. */
    public void sample(Structure s, Vector v, double[] out) {
        Lattice lat = s.lattice();
        int o = 0;
        for (Molecule m : molecules) {
            int c = m.centre();
            if (v == Vector.LIGAND) {
                for (int k = 0; k < ligands; k++) { bond(s, lat, c, m.ligand(k), out, o); o += 3; }
            } else {
                bond(s, lat, c, m.ligand(0), tmp, 0);
                bond(s, lat, c, m.ligand(1), tmp, 3);
                double x, y, z;
                if (v == Vector.BISECTOR) {
                    x = tmp[0] + tmp[3]; y = tmp[1] + tmp[4]; z = tmp[2] + tmp[5];
                } else {
                    x = tmp[1] * tmp[5] - tmp[2] * tmp[4];
                    y = tmp[2] * tmp[3] - tmp[0] * tmp[5];
                    z = tmp[0] * tmp[4] - tmp[1] * tmp[3];
                }
                double n = Math.sqrt(x * x + y * y + z * z);
                if (!(n > 1e-12)) throw new IllegalArgumentException(m.formula() + " at atom " + c + " is linear: no bisector/normal");
                out[o] = x / n; out[o + 1] = y / n; out[o + 2] = z / n;
                o += 3;
            }
        }
    }

    private static void bond(Structure s, Lattice lat, int c, int l, double[] out, int off) {
        lat.minimumImage(s.x(l, 0) - s.x(c, 0), s.x(l, 1) - s.x(c, 1), s.x(l, 2) - s.x(c, 2), out, off);
        double n = Math.sqrt(out[off] * out[off] + out[off + 1] * out[off + 1] + out[off + 2] * out[off + 2]);
        if (!(n > 1e-12)) throw new IllegalArgumentException("ligand atom " + l + " sits on its centre " + c);
        out[off] /= n; out[off + 1] /= n; out[off + 2] /= n;
    }
}
