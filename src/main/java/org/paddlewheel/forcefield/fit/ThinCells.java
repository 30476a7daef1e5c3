package org.paddlewheel.forcefield.fit;

import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.Structure;

/**
 * Cells too thin for the embedded engine: it needs every cell width to be at least twice a molecule's
 * extent for the model's molecules (e.g. 6.8 Å; the 2x2x1 DFT scan cells have c = 4.57 Å). Such a
 * labelled configuration is replaced by its n1×n2×n3 replica (original atoms first), which is the same
 * periodic system: energy ×(n1 n2 n3) (eV), forces repeated (eV/Å), stress unchanged.
 */
public final class ThinCells {
    private ThinCells() {}

    /** The configuration itself when wide enough for {@code model}, else its replica. */
    public static LabelledXyz.Labelled widened(LabelledXyz.Labelled l, ForceField model) {
        int[] m = replicas(l.structure(), model);
        int mult = m[0] * m[1] * m[2];
        if (mult == 1) return l;
        Structure big = org.paddlewheel.build.Supercell.of(l.structure(), m[0], m[1], m[2]);
        double[] f = null;
        if (l.forcesEvPerA() != null) {
            f = new double[3 * big.size()];
            for (int k = 0; k < f.length; k++) f[k] = l.forcesEvPerA()[k % l.forcesEvPerA().length];
        }
        return new LabelledXyz.Labelled(big, l.energyEv() * mult, f, l.stressEvPerA3(), null, l.info());
    }

    /** Replicas needed along each lattice vector (1, 1, 1 when the cell is wide enough). */
    public static int[] replicas(Structure s, ForceField model) {
        double ext = 0;
        for (var mk : model.molecules()) ext = Math.max(ext, 2 * mk.maxBondAngstrom());
        Cell c = new Cell(s.lattice());
        int[] m = new int[3];
        for (int d = 0; d < 3; d++) m[d] = Math.max(1, (int) Math.ceil(2 * ext / c.width(d) - 1e-9));
        return m;
    }
}
