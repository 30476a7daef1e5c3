package org.paddlewheel.forcefield;

/**
 * The covalent bonds of a configuration as arms of UF3 3-body terms with bonded arms ({@link SplineTriple#bondedArms}):
 * for every bond i–j of the topology shorter than the arm cut-off, the minimum-image displacement (Å) and length in
 * both directions. The engine ({@link ThreeBodyTerm}), the fit's design rows and basis, and the tests' brute-force
 * reference all take their bonded arms from here, so the four count the same triples.
 */
public final class BondArms {
    private BondArms() {}

    /** Receives one directed arm: centre i, neighbour j, displacement x_j − x_i and its length r. */
    public interface Visitor {
        void arm(int i, int j, double dx, double dy, double dz, double r);
    }

    /** Visits each bond shorter than {@code cut} twice (i → j and j → i); positions x in Å, any image. */
    public static void forEach(Topology top, double[] x, Cell cell, double cut, Visitor v) {
        double[] d = new double[3];
        for (int b = 0; b < top.bondI.length; b++) {
            int i = top.bondI[b], j = top.bondJ[b];
            d[0] = x[3 * j] - x[3 * i];
            d[1] = x[3 * j + 1] - x[3 * i + 1];
            d[2] = x[3 * j + 2] - x[3 * i + 2];
            cell.wrapDisplacement(d, 0);
            double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            if (r >= cut) continue;
            v.arm(i, j, d[0], d[1], d[2], r);
            v.arm(j, i, -d[0], -d[1], -d[2], r);
        }
    }

    /** Whether any triple of the list takes bonded arms. */
    public static boolean any(java.util.List<SplineTriple> triples) {
        for (SplineTriple t : triples) if (t.bondedArms()) return true;
        return false;
    }
}
