package org.paddlewheel.build;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.paddlewheel.model.ClusterAnion;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Builds cubic antiperovskite X3AB supercells with cluster anions, substitution and
 * charge-compensating vacancies, in the setting of Tsai et al. (the paper, Figure 1A): B-site anion
 * at the cube corner (0,0,0), A-site anion at the body centre (½,½,½), X cations at the face
 * centres (½,½,0), (½,0,½), (0,½,½). round(x·N_cells) A-site anions are replaced by the substituent
 * at random; each substitution removes (q_sub − q_A)/q_X cations at random X sites, as the paper's
 * AIMD cells were made ("replacing O atoms by NH2 molecules and removing Na atoms randomly").
 * Each cluster anion gets a uniformly random orientation, re-drawn until every ligand keeps
 * {@code minDistance} (Å) from all atoms of other ions; all randomness comes from one seed.
 * Lengths in Å.
 */
public final class AntiperovskiteBuilder {
    /** How cluster anions are oriented. */
    public enum Orientation { RANDOM, ALIGNED }

    /**
     * Lattice parameter of Na2(NH2)(BH4), x = 1: 4.70 Å at 15 °C (Tsai et al., the paper; SXRD).
     * Somer et al. (2010) give 4.6950(1) Å for the α phase.
     */
    public static final double A_NA2NH2BH4 = 4.70;
    /**
     * Lattice parameter of Na3O(BH4), x = 0: 4.554 Å, from this project's PBE cell relaxation (CP2K,
     * 2x2x2 cell at Γ held cubic, aligned BH4, 800 Ry with XC smoothing: forcefields/dft/data/relax-x0.json,
     * a = 9.1077 / 2 Å). No measured value was found here. Two biases of opposite sign: PBE usually
     * overestimates ionic lattice parameters by ~1 %, and the 800 Ry stress puts the zero-pressure
     * cell ~1 % low (forcefields/dft/README.md). It replaced an unverified 4.45 Å; pass --a to override.
     */
    public static final double A_NA3OBH4 = 4.554;

    private Element cation = Element.NA;
    private int cationCharge = 1;
    private ClusterAnion aSite = ClusterAnion.O;
    private ClusterAnion substituent = ClusterAnion.NH2;
    private ClusterAnion bSite = ClusterAnion.BH4;
    private double x = 1.0;
    private int[] supercell = {3, 3, 3};
    private Double latticeParameter;
    private long seed = 1;
    private Orientation orientation = Orientation.RANDOM;
    private double minDistance = 1.8;
    private int maxAttempts = 20000;

    public AntiperovskiteBuilder cation(Element e, int charge) { cation = e; cationCharge = charge; return this; }
    public AntiperovskiteBuilder aSite(ClusterAnion a) { aSite = a; return this; }
    public AntiperovskiteBuilder substituent(ClusterAnion a) { substituent = a; return this; }
    public AntiperovskiteBuilder bSite(ClusterAnion a) { bSite = a; return this; }
    /** Substitution fraction x of A sites, 0..1. */
    public AntiperovskiteBuilder x(double v) { x = v; return this; }
    public AntiperovskiteBuilder supercell(int n1, int n2, int n3) { supercell = new int[] {n1, n2, n3}; return this; }
    /** Cubic lattice parameter in Å; null selects the default (Vegard's law for Na–O/NH2–BH4). */
    public AntiperovskiteBuilder latticeParameter(Double a) { latticeParameter = a; return this; }
    public AntiperovskiteBuilder seed(long s) { seed = s; return this; }
    public AntiperovskiteBuilder orientation(Orientation o) { orientation = o; return this; }
    /** Smallest allowed non-bonded distance, Å (default 1.8). */
    public AntiperovskiteBuilder minDistance(double d) { minDistance = d; return this; }
    public AntiperovskiteBuilder maxAttempts(int n) { maxAttempts = n; return this; }

    /**
     * The built cell and what was realised.
     *
     * @param latticeParameterAngstrom cubic a used, Å
     * @param notes human-readable remarks (non-integer substitution count, default a)
     */
    public record Result(Structure structure, double requestedX, double realisedX, int substitutions, int vacancies,
                         int cationSites, double latticeParameterAngstrom, List<String> notes) {}

    /**
     * Default lattice parameter: Vegard's law a(x) = (1 − x)·a(Na3OBH4) + x·a(Na2(NH2)(BH4)) for the
     * paper's family (the paper finds a linear increase with x); other chemistries must give --a.
     */
    public static double vegardLatticeParameter(double x) {
        return (1 - x) * A_NA3OBH4 + x * A_NA2NH2BH4;
    }

    public Result build() {
        if (!(x >= 0 && x <= 1)) throw new InputException("--x must lie in [0, 1], got " + x);
        if (!(minDistance >= 0)) throw new InputException("--min-distance must be ≥ 0");
        List<String> notes = new ArrayList<>();
        int n1 = supercell[0], n2 = supercell[1], n3 = supercell[2];
        int cells = n1 * n2 * n3;
        int nSub = (int) Math.round(x * cells);
        double realised = (double) nSub / cells;
        if (Math.abs(x * cells - nSub) > 1e-9) {
            notes.add(String.format("x·N_cells = %.4g·%d = %.4g is not an integer: %d substitutions, realised x = %.4f",
                    x, cells, x * cells, nSub, realised));
        }
        int dq = substituent.charge() - aSite.charge();
        if (nSub > 0 && (dq < 0 || dq % cationCharge != 0)) {
            throw new InputException("substituting " + aSite + " (" + aSite.charge() + ") by " + substituent + " ("
                    + substituent.charge() + ") cannot be balanced by " + cation.symbol() + " vacancies");
        }
        int vacPerSub = nSub > 0 ? dq / cationCharge : 0;
        int nVac = nSub * vacPerSub;
        double a;
        if (latticeParameter != null) {
            a = latticeParameter;
        } else if (cation == Element.NA && aSite == ClusterAnion.O && bSite == ClusterAnion.BH4
                && (substituent == ClusterAnion.NH2 || nSub == 0)) {
            a = vegardLatticeParameter(realised);
            notes.add(String.format("lattice parameter %.4f Å from Vegard's law between Na3O(BH4) (%.3f Å, PBE) and Na2(NH2)(BH4) (%.2f Å, measured)",
                    a, A_NA3OBH4, A_NA2NH2BH4));
        } else {
            throw new InputException("no default lattice parameter for this composition: give --a");
        }
        if (!(a > 0)) throw new InputException("--a must be positive");

        SplittableRandom rng = new SplittableRandom(seed);
        int[] subSites = firstOfShuffle(cells, nSub, rng);
        int[] vacancySites = firstOfShuffle(3 * cells, nVac, rng);
        boolean[] substituted = new boolean[cells];
        for (int c : subSites) substituted[c] = true;
        boolean[] vacant = new boolean[3 * cells];
        for (int v : vacancySites) vacant[v] = true;

        Lattice lattice = Lattice.cubic(a).supercell(n1, n2, n3);
        Lattice prim = Lattice.cubic(a);
        ContactGrid grid = new ContactGrid(lattice, Math.max(minDistance, 0.5));
        Structure.Builder b = Structure.builder(lattice);
        List<double[]> xs = new ArrayList<>();
        List<Element> els = new ArrayList<>();
        double[][] faces = {{0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        // Cations and anion centres first, so ligands are checked against every centre; atoms are
        // ordered cation, B-site centre, A-site centre, ligands (Na54 B27 N27 H162 for x = 1).
        List<Object[]> clusters = new ArrayList<>(); // {ClusterAnion, centre position}
        for (int c = 0; c < cells; c++) {
            int i = c / (n2 * n3), j = (c / n3) % n2, k = c % n3;
            for (int f = 0; f < 3; f++) {
                if (vacant[3 * c + f]) continue;
                place(prim, i + faces[f][0], j + faces[f][1], k + faces[f][2], cation, xs, els, grid, -1);
            }
        }
        List<Object[]> bClusters = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            int i = c / (n2 * n3), j = (c / n3) % n2, k = c % n3;
            double[] pb = place(prim, i, j, k, bSite.centre(), xs, els, grid, -1);
            if (bSite.isCluster()) bClusters.add(new Object[] {bSite, pb, els.size() - 1});
        }
        for (int c = 0; c < cells; c++) {
            int i = c / (n2 * n3), j = (c / n3) % n2, k = c % n3;
            ClusterAnion aIon = substituted[c] ? substituent : aSite;
            double[] pa = place(prim, i + 0.5, j + 0.5, k + 0.5, aIon.centre(), xs, els, grid, -1);
            if (aIon.isCluster()) clusters.add(new Object[] {aIon, pa, els.size() - 1});
        }
        clusters.addAll(bClusters);
        // A-site clusters (next to the cations and vacancies) are the most constrained: orient them first.
        orient(clusters, xs, els, grid, orientation, rng, minDistance, maxAttempts);
        for (int t = 0; t < xs.size(); t++) b.add(els.get(t), xs.get(t)[0], xs.get(t)[1], xs.get(t)[2]);
        Structure s = b.build().groupedBySpecies();
        PhysicalContacts.requireNoShortContacts(s, minDistance, "built cell");
        return new Result(s, x, realised, nSub, nVac, 3 * cells, a, notes);
    }

    /**
     * Orients every cluster {ClusterAnion, centre (Å), centre index} in order: uniformly random
     * rotations re-drawn until each ligand keeps {@code minDistance} from atoms of other ions (or the
     * aligned rotation), appending the ligands to xs/els and the contact grid.
     */
    static void orient(List<Object[]> clusters, List<double[]> xs, List<Element> els, ContactGrid grid, Orientation orientation,
                       SplittableRandom rng, double minDistance, int maxAttempts) {
        double[] alignedRot = Rotations.axisAngle(0, 0, 1, Math.PI / 4);
        for (Object[] cl : clusters) {
            ClusterAnion ion = (ClusterAnion) cl[0];
            double[] centre = (double[]) cl[1];
            int centreIndex = (int) cl[2];
            double[] best = null;
            double bestMin = -1;
            int attempts = orientation == Orientation.ALIGNED ? 1 : maxAttempts;
            for (int t = 0; t < attempts && bestMin < minDistance; t++) {
                double[] rot = orientation == Orientation.ALIGNED ? alignedRot : Rotations.uniform(rng);
                double[] lig = new double[3 * ion.ligandCount()];
                double worst = Double.POSITIVE_INFINITY;
                for (int l = 0; l < ion.ligandCount(); l++) {
                    double[] v = Rotations.apply(rot, ion.ligandVector(l));
                    for (int d = 0; d < 3; d++) lig[3 * l + d] = centre[d] + v[d];
                    worst = Math.min(worst, grid.closest(lig[3 * l], lig[3 * l + 1], lig[3 * l + 2], centreIndex, null));
                }
                if (worst > bestMin) { bestMin = worst; best = lig; }
            }
            if (bestMin < minDistance && orientation == Orientation.RANDOM) {
                int[] who = new int[1];
                grid.closest(best[0], best[1], best[2], centreIndex, who);
                throw new InputException(String.format(
                        "could not orient %s at (%.3f, %.3f, %.3f) Å with every non-bonded contact ≥ %.2f Å in %d attempts"
                        + " (best %.2f Å); lower --min-distance or change --a/--seed", ion, centre[0], centre[1], centre[2],
                        minDistance, maxAttempts, bestMin));
            }
            for (int l = 0; l < ion.ligandCount(); l++) {
                double[] p = {best[3 * l], best[3 * l + 1], best[3 * l + 2]};
                xs.add(p);
                els.add(ion.ligand());
                grid.add(p, els.size() - 1, centreIndex);
            }
        }
    }

    static double[] place(Lattice l, double f0, double f1, double f2, Element e, List<double[]> xs, List<Element> els,
                                  ContactGrid grid, int owner) {
        double[] p = l.toCartesian(new double[] {f0, f1, f2}); // f in units of the primitive cell
        xs.add(p);
        els.add(e);
        grid.add(p, els.size() - 1, owner);
        return p;
    }

    /** The first k entries of a seeded Fisher–Yates shuffle of 0..n−1. */
    static int[] firstOfShuffle(int n, int k, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(a, k);
        java.util.Arrays.sort(out);
        return out;
    }
}
