package org.paddlewheel.forcefield;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether LAMMPS's ML-UF3 ({@code pair_style uf3 3}) counts the same triples as paddlewheel's engine for a force
 * field's UF3 3-body terms, judged from the molecules' intramolecular distances. With long-range Coulombics LAMMPS
 * keeps every special (1-2, 1-3) pair in the neighbour list whatever its {@code special_bonds} weight
 * ({@code Neighbor::init}: {@code if (force->kspace) special_flag[1..3] = 2}), and ML-UF3 strips the special bits
 * ({@code j &= NEIGHMASK}) and takes as an arm every neighbour within [first knot, cut-off] of the arm's basis
 * ({@code min_cut_3b} is the knot vector's first knot), r_jk likewise. paddlewheel takes no intramolecular pair as
 * an arm, except a covalent bond of the centre's molecule where the triple has bonded arms, and never two bonds
 * (the bonded angle's). The two agree when every intramolecular distance paddlewheel leaves out lies below the
 * basis ML-UF3 would put it in, and every bond paddlewheel takes lies inside it. Distances: bond r0 and the
 * 1-3 distance 2 r0 sin(θ0/2) of each molecule kind's bonded terms, widened by {@value #SIGMAS} standard
 * deviations of their harmonic distributions at {@value #TEMPERATURE_K} K (σ_r² = k_B T / 2K for E = K(r − r0)²;
 * σ_θ likewise), the study's hottest AIMD temperature.
 */
public final class MlUf3ArmRule {
    /** Temperature (K) of the thermal margin. */
    public static final double TEMPERATURE_K = 700;
    /** Width of the margin in standard deviations. */
    public static final double SIGMAS = 3;
    private static final double KB_EV = 8.617333262e-5;

    private MlUf3ArmRule() {}

    /** An intramolecular partner of a centre species: its species, distance (Å), thermal σ (Å), whether a covalent bond. */
    record Partner(int species, double distance, double sigma, boolean bond) {
        /** The farthest the distance reaches at the thermal margin: distance + {@value #SIGMAS} σ (Å). */
        double reach() { return distance + SIGMAS * sigma; }
    }

    /** Null if ML-UF3 counts the same triples as paddlewheel for every 3-body term of ff, else the first triple that differs and why. */
    public static String mismatch(ForceField ff) { return mismatch(ff, ff.splineTriples()); }

    /** As {@link #mismatch(ForceField)} for the given triples of ff (e.g. the ones {@link LammpsUf3File} writes). */
    static String mismatch(ForceField ff, List<SplineTriple> triples) {
        for (SplineTriple t : triples) {
            String name = name(ff, t.centre()) + "-" + name(ff, t.a()) + "-" + name(ff, t.b());
            List<Partner> ps = partners(ff, t.centre());
            for (Partner p : ps) {
                boolean taken = p.bond() && t.bondedArms();
                for (int side = 0; side < 2; side++) {
                    if (p.species() != (side == 0 ? t.a() : t.b())) continue;
                    double lo = t.knots(side)[0], cut = t.rCut(side);
                    double near = p.distance() - SIGMAS * p.sigma(), far = p.reach();
                    if (!taken && far >= lo && near <= cut) {
                        return "triple " + name + ": ML-UF3 would take the intramolecular " + name(ff, t.centre()) + "–" + name(ff, p.species())
                                + " pair (" + f(p.distance()) + " ± " + f(SIGMAS * p.sigma()) + " Å) as an arm, which paddlewheel leaves to the bonded terms"
                                + (p.bond() ? " (the triple has no bonded arms)" : "") + "; its arm basis starts at " + f(lo)
                                + " Å (LAMMPS keeps special pairs in the neighbour list under kspace); start it above " + f(far) + " Å";
                    }
                    if (taken && near < lo) {
                        return "triple " + name + ": its bonded " + name(ff, t.centre()) + "–" + name(ff, p.species()) + " arm (" + f(p.distance()) + " ± "
                                + f(SIGMAS * p.sigma()) + " Å) reaches below the arm basis's first knot " + f(lo)
                                + " Å, where paddlewheel continues the basis linearly and ML-UF3 drops the arm";
                    }
                }
            }
            // two bonds of one centre: paddlewheel never counts that triple, ML-UF3 does when r_jk reaches its basis
            int m = moleculeOf(ff, t.centre());
            if (t.bondedArms() && t.a() == t.b() && m >= 0 && ff.molecules().get(m).centre() == t.centre()
                    && ff.molecules().get(m).ligand() == t.a()) {
                Partner across = null; // the ligand–ligand distance of the centre's molecule
                for (Partner p : partners(ff, t.a())) if (!p.bond() && p.species() == t.a()) across = p;
                if (across != null) {
                    double far = across.reach(), lo = t.knots(2)[0];
                    if (far >= lo) {
                        return "triple " + name + ": ML-UF3 would also count the triple of two of " + name(ff, t.centre()) + "'s own bonds (r_jk = "
                                + f(across.distance()) + " ± " + f(SIGMAS * across.sigma()) + " Å against its r_jk basis from " + f(lo)
                                + " Å), which paddlewheel leaves to the bonded angle";
                    }
                }
            }
        }
        return null;
    }

    /**
     * How far (Å) the ligand–ligand distance of the molecule whose centre is {@code centre} and whose ligand is {@code ligand}
     * reaches: d13 + {@value #SIGMAS} σ at {@value #TEMPERATURE_K} K, from ff's bonded terms; NaN when no such molecule. A
     * bonded-arm triple (centre; ligand, ligand) whose r_jk basis starts above it is never taken by ML-UF3 for two of the
     * centre's own bonds.
     */
    public static double twoBondReachA(ForceField ff, int centre, int ligand) {
        int m = moleculeOf(ff, centre);
        if (m < 0 || ff.molecules().get(m).centre() != centre || ff.molecules().get(m).ligand() != ligand) return Double.NaN;
        for (Partner p : partners(ff, ligand)) if (!p.bond() && p.species() == ligand) return p.reach();
        return Double.NaN;
    }

    /** The intramolecular partners of species s (empty when s belongs to no molecule kind). */
    static List<Partner> partners(ForceField ff, int s) {
        List<Partner> out = new ArrayList<>();
        int m = moleculeOf(ff, s);
        if (m < 0) return out;
        ForceField.MoleculeKind kind = ff.molecules().get(m);
        double r0 = kind.maxBondAngstrom(), sr = 0.1, theta = Double.NaN, st = 0;
        for (ForceField.BondTerm b : ff.bonds()) {
            if (b.molecule() == m) { r0 = b.r0(); sr = b.k() > 0 ? Math.sqrt(KB_EV * TEMPERATURE_K / (2 * b.k())) : sr; }
        }
        for (ForceField.AngleTerm a : ff.angles()) {
            if (a.molecule() == m) { theta = a.theta0(); st = a.k() > 0 ? Math.sqrt(KB_EV * TEMPERATURE_K / (2 * a.k())) : 0.3; }
        }
        if (s == kind.centre()) {
            out.add(new Partner(kind.ligand(), r0, sr, true));
        } else if (s == kind.ligand()) {
            out.add(new Partner(kind.centre(), r0, sr, true));
            if (kind.count() >= 2) {
                // d13 = 2 r0 sin(θ/2): σ² = (r0 cos(θ/2) σ_θ)² + 2 (sin(θ/2) σ_r)², the two bonds independent;
                // with no angle term, the tetrahedral angle
                double th = Double.isNaN(theta) ? Math.acos(-1.0 / 3) : theta, s13 = Double.isNaN(theta) ? 0.3 : st;
                double d13 = 2 * r0 * Math.sin(th / 2);
                double sig = Math.sqrt(Math.pow(r0 * Math.cos(th / 2) * s13, 2) + 2 * Math.pow(Math.sin(th / 2) * sr, 2));
                out.add(new Partner(kind.ligand(), d13, sig, false));
            }
        }
        return out;
    }

    /** The molecule kind index of species s, or −1. */
    private static int moleculeOf(ForceField ff, int s) {
        String kind = ff.species().get(s).molecule();
        return kind == null ? -1 : ff.moleculeIndex(kind);
    }

    private static String name(ForceField ff, int s) { return ff.species().get(s).name(); }

    private static String f(double v) { return String.format(Locale.ROOT, "%.2f", v); }
}
