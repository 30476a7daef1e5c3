package org.paddlewheel.build;

import java.util.List;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.MoleculeFinder;
import org.paddlewheel.model.NeighborSearch;
import org.paddlewheel.model.Structure;

/**
 * Checks that no two atoms of different ions are unphysically close. Pairs inside one molecule (as
 * {@link MoleculeFinder} sees them) are bonded and exempt. Distances in Å; atoms are named in the
 * message as element + 1-based index, e.g. "H137–Na12".
 */
public final class PhysicalContacts {
    private PhysicalContacts() {}

    /** The closest non-bonded pair as {i, j} with its distance in out[0], or null if none within {@code radius}. */
    public static int[] closestNonBonded(Structure s, double radius, double[] out) {
        List<Molecule> mols = MoleculeFinder.find(s);
        int[] owner = new int[s.size()];
        java.util.Arrays.fill(owner, -1);
        for (int m = 0; m < mols.size(); m++) for (int i : mols.get(m).atoms()) owner[i] = m;
        return NeighborSearch.closestPair(s, radius, (i, j) -> i.equals(j) || (owner[i] >= 0 && owner[i] == owner[j]), out);
    }

    /** Throws when a non-bonded pair is closer than {@code minDistance} Å, naming the pair. */
    public static void requireNoShortContacts(Structure s, double minDistance, String what) {
        if (!(minDistance > 0)) return;
        double[] d = new double[1];
        int[] p = closestNonBonded(s, minDistance, d);
        if (p != null && d[0] < minDistance - 1e-9) {
            throw new InputException(String.format("%s: closest non-bonded pair %s%d–%s%d is %.3f Å, below %.2f Å",
                    what, s.species(p[0]).symbol(), p[0] + 1, s.species(p[1]).symbol(), p[1] + 1, d[0], minDistance));
        }
    }
}
