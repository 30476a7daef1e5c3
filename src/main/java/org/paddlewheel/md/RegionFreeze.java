package org.paddlewheel.md;

import java.util.function.DoublePredicate;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

/**
 * Per-atom freeze by region, for {@link Simulation}'s mobile mask: an atom is frozen when the
 * fractional c coordinate (wrapped into [0, 1)) of its molecule's centre — or its own, for an atom in
 * no molecule — satisfies the predicate, so a cluster anion is always frozen or moved whole (a BH4
 * whose centre sits in the frozen slab keeps all four H frozen even where they poke out of it). The
 * species freeze of {@code --freeze Na,BH4} is {@link MdRun#mobileMask}; this is its spatial sibling.
 */
public final class RegionFreeze {
    private RegionFreeze() {}

    /**
     * Mobile mask (true = integrated) freezing every molecule or lone atom whose fractional c
     * satisfies {@code frozenAtC}.
     */
    public static boolean[] mobileMask(Topology top, Structure s, DoublePredicate frozenAtC) {
        int n = s.size();
        boolean[] mobile = new boolean[n];
        boolean[] done = new boolean[n];
        for (Molecule m : top.molecules) {
            boolean frozen = frozenAtC.test(fractionalC(s, m.centre()));
            for (int i : m.atoms()) { mobile[i] = !frozen; done[i] = true; }
        }
        for (int i = 0; i < n; i++) if (!done[i]) mobile[i] = !frozenAtC.test(fractionalC(s, i));
        return mobile;
    }

    /** Fractional c coordinate of atom i, wrapped into [0, 1). */
    static double fractionalC(Structure s, int i) {
        double[] f = s.lattice().toFractional(s.position(i));
        return f[2] - Math.floor(f[2]);
    }
}
