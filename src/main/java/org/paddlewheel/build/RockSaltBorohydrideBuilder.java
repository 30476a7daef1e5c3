package org.paddlewheel.build;

import java.util.SplittableRandom;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Builds cubic rock-salt alkali borohydrides MBH4 (default NaBH4) in the average Fm-3m structure of
 * the room-temperature phase: M at 4a (0,0,0), B at 4b (½,½,½) of each conventional cell, every BH4⁻
 * a regular tetrahedron whose H point along four of the eight ⟨111⟩ directions. The two ways of doing
 * so (H on the "even" corners (+,+,+), (+,−,−), (−,+,−), (−,−,+) or on the "odd" ones, their
 * inversion) are the two orientations of the disordered phase, related by a 90° turn about any
 * cube axis; Fm-3m's H site 32f (x,x,x), x ≈ 0.11, is half occupied: Soldate's "random distribution of
 * tetrahedra in positive and negative configurations", confirmed as Fm-3m with D on two sites by neutron
 * diffraction of NaBD4 (Fischer and Züttel, Mater. Sci. Forum 443–444, 287 (2004); ordered P4₂/nmc below 190 K). {@link Orientation#RANDOM} draws each
 * anion's orientation with probability ½ from the seed (the disordered phase); {@link Orientation#ALIGNED}
 * puts every anion in the even orientation (the F-43m ordered cell of forcefields/fit/NaBH4.vasp).
 * B–H 1.21 Å by default: B–D 1.205(3) Å in ordered KBD4 (Renaudin et al., J. Alloys Compd. 375, 98
 * (2004)), 1.19–1.22 Å across the alkali borohydrides once libration is corrected (Filinchuk,
 * Chernyshov, Dmitriev, Z. Kristallogr. 223, 649 (2008)); the shipped force field's r0 is the same 1.21 Å.
 * Lattice parameter 6.163 Å at room temperature (Soldate, J. Am. Chem. Soc. 69, 987 (1947): 6.151 ± 0.009 kX;
 * 1 kX = 1.00202 Å), which with Z = 4 gives 1.074 g/cm³ (Soldate's calculated density). Lengths in Å.
 */
public final class RockSaltBorohydrideBuilder {
    /** How the BH4 anions are oriented. */
    public enum Orientation { RANDOM, ALIGNED }

    /** NaBH4 room-temperature lattice parameter, Å (Soldate 1947, 6.151 kX). */
    public static final double A_NABH4 = 6.163;
    /** Default B–H bond length, Å (see the class comment). */
    public static final double BH_ANGSTROM = 1.21;

    /** The even tetrahedron: H directions (unnormalised) of the first orientation. */
    static final double[][] EVEN = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};

    private Element cation = Element.NA;
    private double a = A_NABH4;
    private double bondLength = BH_ANGSTROM;
    private int[] supercell = {3, 3, 3};
    private Orientation orientation = Orientation.RANDOM;
    private long seed = 1;

    public RockSaltBorohydrideBuilder cation(Element e) { cation = e; return this; }
    /** Cubic lattice parameter of the conventional cell, Å. */
    public RockSaltBorohydrideBuilder latticeParameter(double v) { a = v; return this; }
    /** B–H bond length, Å. */
    public RockSaltBorohydrideBuilder bondLength(double v) { bondLength = v; return this; }
    public RockSaltBorohydrideBuilder supercell(int n1, int n2, int n3) { supercell = new int[] {n1, n2, n3}; return this; }
    public RockSaltBorohydrideBuilder orientation(Orientation o) { orientation = o; return this; }
    public RockSaltBorohydrideBuilder seed(long s) { seed = s; return this; }

    /**
     * The built cell: the structure (atoms grouped M, B, H; the four H of the anion on B number j
     * follow in order), how many anions took the odd orientation, and the lattice parameter used (Å).
     */
    public record Result(Structure structure, int anions, int oddAnions, double latticeParameterAngstrom) {}

    public Result build() {
        if (!(a > 0) || !Double.isFinite(a)) throw new InputException("--a must be a positive length, got " + a + " Å");
        if (!(bondLength > 0.8 && bondLength < 1.6)) throw new InputException("B–H length must lie in 0.8–1.6 Å, got " + bondLength);
        for (int n : supercell) if (n < 1) throw new InputException("--supercell repetitions must be ≥ 1");
        if (bondLength > 0.35 * a) throw new InputException(String.format("--a %.3f Å is too small for B–H %.2f Å", a, bondLength));
        int n1 = supercell[0], n2 = supercell[1], n3 = supercell[2];
        Lattice lattice = Lattice.cubic(a).supercell(n1, n2, n3);
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        Structure.Builder b = Structure.builder(lattice);
        int cells = n1 * n2 * n3, anions = 4 * cells, odd = 0;
        double[][] centres = new double[anions][];
        for (int c = 0, m = 0; c < cells; c++) {
            int i = c / (n2 * n3), j = (c / n3) % n2, k = c % n3;
            for (double[] f : fcc) {
                b.add(cation, a * (i + f[0]), a * (j + f[1]), a * (k + f[2]));
                // 4b = 4a + (½,0,0): the anion across the cube edge from each cation
                centres[m++] = new double[] {a * (i + f[0] + 0.5), a * (j + f[1]), a * (k + f[2])};
            }
        }
        for (double[] p : centres) b.add(Element.B, p[0], p[1], p[2]);
        SplittableRandom rng = new SplittableRandom(seed);
        double s = bondLength / Math.sqrt(3);
        for (double[] p : centres) {
            boolean flip = orientation == Orientation.RANDOM && rng.nextBoolean();
            if (flip) odd++;
            for (double[] d : EVEN) {
                double sign = flip ? -1 : 1;
                b.add(Element.H, p[0] + sign * s * d[0], p[1] + sign * s * d[1], p[2] + sign * s * d[2]);
            }
        }
        return new Result(b.build().wrapped(), anions, odd, a);
    }
}
