package org.paddlewheel.forcefield.fit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.Topology;

/**
 * The intramolecular harmonic terms of a {@link Uf3Design} as linear unknowns ({@code fit-ff --fit-bonded}):
 * a bond E = K(r − r0)² is, up to a constant, a·(r − r_ref)² + b·(r − r_ref) with a = K and
 * r0 = r_ref − b/(2a), and an angle E = K(θ − θ0)² likewise in θ (rad); r_ref and θ_ref are the base
 * model's r0 and θ0, so the two columns of each term are well conditioned (deviations of a few
 * hundredths of an Å or rad). The constant K(r_ref − r0)² per bond is a fixed number per molecule and
 * so per centre atom, which the per-element atom energies absorb in the fit; the written model puts it back
 * into the centre species' atom energy ({@link #writeFitted}), so its absolute energies are the fit's. Columns: per bond term then per angle
 * term of the base model, two each (a, b). Forces −∂/∂x and virial W = Σ d_a F_b (eV) as the engine's
 * {@code Bonded} computes them, so a fitted model reproduces the design exactly.
 */
final class BondedColumns {
    private final ForceField base;
    private final int start, end;
    /** Columns per term: 2 (harmonic: u², u) or 4 (with u³, u⁴: the class2 polynomial). */
    private final int w;
    /** The angle terms' order (2 or 4 ≤ w): with 2 their u³, u⁴ columns stay empty. */
    private final int angleOrder;

    BondedColumns(ForceField base, int start, boolean on) {
        this(base, start, on, 2);
    }

    /** With {@code order} 4 each term also gets u³ and u⁴ columns (E = K u² + K3 u³ + K4 u⁴ about the fitted minimum). */
    BondedColumns(ForceField base, int start, boolean on, int order) {
        this(base, start, on, order, order);
    }

    /**
     * As above, the angles of order {@code angleOrder} (≤ order): with bonds quartic and angles harmonic the angles keep
     * their u³, u⁴ columns (the layout is the same) but those stay empty, so the fit puts 0 there (the 1e-10 diagonal of
     * {@link Uf3Solver} on an empty column) and the written K3, K4 are 0.
     */
    BondedColumns(ForceField base, int start, boolean on, int order, int angleOrder) {
        if (order != 2 && order != 4) throw new IllegalArgumentException("bonded polynomial order must be 2 or 4, got " + order);
        if (angleOrder != 2 && angleOrder != 4 || angleOrder > order) {
            throw new IllegalArgumentException("angle polynomial order must be 2, or 4 with bonded order 4, got " + angleOrder);
        }
        this.angleOrder = angleOrder;
        this.base = base;
        this.start = start;
        this.w = order;
        this.end = on ? start + w * (base.bonds().size() + base.angles().size()) : start;
    }

    int order() { return w; }

    int start() { return start; }
    int end() { return end; }
    boolean on() { return end > start; }

    /** Adds the bonded columns' contributions of one configuration (energy not yet divided by N). */
    void addRows(Topology top, double[] x, Cell cell, double[] eRow, double[][] fRows, double[][] wRows) {
        if (!on()) return;
        double[] d = new double[6];
        for (int q = 0; q < top.bondI.length; q++) {
            int i = top.bondI[q], j = top.bondJ[q], t = top.bondType[q];
            vec(x, cell, i, j, d, 0);
            double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]), u = r - base.bonds().get(t).r0();
            int ca = start + w * t;
            // V = u², dV/dr = 2u; V = u, dV/dr = 1; pair force on j: −(dV/dr) d/r
            Uf3Design.addPairColumn(eRow, fRows, wRows, ca, u * u, -2 * u / r, i, j, d);
            Uf3Design.addPairColumn(eRow, fRows, wRows, ca + 1, u, -1 / r, i, j, d);
            if (w == 4) {
                Uf3Design.addPairColumn(eRow, fRows, wRows, ca + 2, u * u * u, -3 * u * u / r, i, j, d);
                Uf3Design.addPairColumn(eRow, fRows, wRows, ca + 3, u * u * u * u, -4 * u * u * u / r, i, j, d);
            }
        }
        int a0 = start + w * base.bonds().size();
        for (int q = 0; q < top.angleI.length; q++) {
            int i = top.angleI[q], j = top.angleJ[q], k = top.angleK[q], t = top.angleType[q];
            vec(x, cell, j, i, d, 0);
            vec(x, cell, j, k, d, 3);
            double r1 = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]), r2 = Math.sqrt(d[3] * d[3] + d[4] * d[4] + d[5] * d[5]);
            double c = Math.max(-1, Math.min(1, (d[0] * d[3] + d[1] * d[4] + d[2] * d[5]) / (r1 * r2)));
            double s = Math.max(1e-3, Math.sqrt(1 - c * c)); // as the engine (LAMMPS angle_harmonic)
            double u = Math.acos(c) - base.angles().get(t).theta0();
            int ca = a0 + w * t;
            angle(eRow, fRows, wRows, ca, u * u, 2 * u, s, c, r1, r2, i, j, k, d);
            angle(eRow, fRows, wRows, ca + 1, u, 1, s, c, r1, r2, i, j, k, d);
            if (angleOrder == 4) {
                angle(eRow, fRows, wRows, ca + 2, u * u * u, 3 * u * u, s, c, r1, r2, i, j, k, d);
                angle(eRow, fRows, wRows, ca + 3, u * u * u * u, 4 * u * u * u, s, c, r1, r2, i, j, k, d);
            }
        }
    }

    /** One angle column: V(θ) with dV/dθ = dv; forces as the engine's Bonded (F_i = (dV/dθ / sinθ) ∂cosθ/∂r_i). */
    private static void angle(double[] eRow, double[][] fRows, double[][] wRows, int col, double v, double dv, double s, double c,
                              double r1, double r2, int i, int j, int k, double[] d) {
        eRow[col] += v;
        double g = -dv / s;
        double[] fa = new double[6];
        org.paddlewheel.forcefield.AngleForces.of(g, c, r1, r2, d, fa);
        double[] f1 = {fa[0], fa[1], fa[2]}, f3 = {fa[3], fa[4], fa[5]};
        for (int a = 0; a < 3; a++) {
            fRows[3 * i + a][col] += f1[a];
            fRows[3 * k + a][col] += f3[a];
            fRows[3 * j + a][col] -= f1[a] + f3[a];
        }
        wRows[0][col] += d[0] * f1[0] + d[3] * f3[0];
        wRows[1][col] += d[1] * f1[1] + d[4] * f3[1];
        wRows[2][col] += d[2] * f1[2] + d[5] * f3[2];
        wRows[3][col] += d[0] * f1[1] + d[3] * f3[1];
        wRows[4][col] += d[0] * f1[2] + d[3] * f3[2];
        wRows[5][col] += d[1] * f1[2] + d[4] * f3[2];
    }

    private static void vec(double[] x, Cell cell, int i, int j, double[] d, int off) {
        d[off] = x[3 * j] - x[3 * i];
        d[off + 1] = x[3 * j + 1] - x[3 * i + 1];
        d[off + 2] = x[3 * j + 2] - x[3 * i + 2];
        cell.wrapDisplacement(d, off);
    }

    /** Throws, naming the term, when a fitted bonded term of {@code solution} is not usable (as {@link #writeFitted} would); writes nothing. */
    void checkUsable(double[] solution) {
        if (!on()) return;
        for (int t = 0; t < base.bonds().size(); t++) reexpand(solution, start + w * t, "bonds[" + t + "]", 0.5);
        int a0 = start + w * base.bonds().size();
        for (int t = 0; t < base.angles().size(); t++) reexpand(solution, a0 + w * t, "angles[" + t + "]", Math.toRadians(40));
    }

    /**
     * Writes the fitted K and r0 / θ0 into the model JSON's "bonds" and "angles" (same order as the base
     * model's). A non-positive K (no restoring force) is refused: the data do not determine that term.
     */
    void writeFitted(ObjectNode model, double[] solution) {
        if (!on()) return;
        ArrayNode bonds = model.withArray("bonds"), angles = model.withArray("angles");
        // P(u) = a u² + b u [+ c u³ + d u⁴] about the base model's r_ref (θ_ref) is re-expanded, exactly, about its
        // minimum u0: P(u) = P(u0) + K (u − u0)² + K3 (u − u0)³ + K4 (u − u0)⁴. The written form is lower by P(u0) per
        // term (harmonic: −b²/(4a)), a constant per molecule that the fitted atom energies absorbed; it goes back into
        // the molecule centre's atom energy (count bonds and count(count−1)/2 angles per molecule, as Topology builds them).
        double[] shift = new double[base.species().size()];
        for (int t = 0; t < base.bonds().size(); t++) {
            double[] k = reexpand(solution, start + w * t, "bonds[" + t + "]", 0.5);
            ObjectNode o = ((ObjectNode) bonds.get(t)).put("K", k[1]).put("r0", base.bonds().get(t).r0() + k[0]);
            if (w == 4) o.put("K3", k[2]).put("K4", k[3]);
            ForceField.MoleculeKind m = base.molecules().get(base.bonds().get(t).molecule());
            shift[m.centre()] += m.count() * k[4];
        }
        int a0 = start + w * base.bonds().size();
        for (int t = 0; t < base.angles().size(); t++) {
            double[] k = reexpand(solution, a0 + w * t, "angles[" + t + "]", Math.toRadians(40));
            ObjectNode o = ((ObjectNode) angles.get(t)).put("K", k[1]).put("theta0_deg", Math.toDegrees(base.angles().get(t).theta0() + k[0]));
            if (w == 4) o.put("K3", k[2]).put("K4", k[3]);
            ForceField.MoleculeKind m = base.molecules().get(base.angles().get(t).molecule());
            shift[m.centre()] += m.count() * (m.count() - 1) / 2.0 * k[4];
        }
        ObjectNode ae = model.with("atom_energies");
        for (int s = 0; s < shift.length; s++) {
            if (shift[s] == 0) continue;
            String name = base.species().get(s).name();
            ae.put(name, ae.path(name).asDouble(0) + shift[s]);
        }
    }

    /**
     * {u0, K, K3, K4, P(u0)} of one term's columns (a, b[, c, d]) at {@code col}. u0 by Newton from the harmonic −b/(2a).
     * Refused (a message naming the term) when K ≤ 0, or when a quartic term turns over within ±{@code range} of u0 (a
     * bond that could break, an angle that could fold, in MD).
     */
    private double[] reexpand(double[] sol, int col, String where, double range) {
        double a = sol[col], b = sol[col + 1], c = w == 4 ? sol[col + 2] : 0, d = w == 4 ? sol[col + 3] : 0;
        check(a, where);
        double u = -b / (2 * a);
        for (int it = 0; it < 50; it++) {
            double g = b + 2 * a * u + 3 * c * u * u + 4 * d * u * u * u, h = 2 * a + 6 * c * u + 12 * d * u * u;
            if (!(h > 0)) break;
            double step = g / h;
            u -= step;
            if (Math.abs(step) < 1e-14) break;
        }
        double k2 = a + 3 * c * u + 6 * d * u * u, k3 = c + 4 * d * u, k4 = d;
        check(k2, where);
        double p0 = u * (b + u * (a + u * (c + u * d)));
        for (int q = 1; q <= 100; q++) { // the restoring force must not change sign within the range
            for (double sgn : new double[] {-1, 1}) {
                double x = sgn * range * q / 100, slope = x * (2 * k2 + x * (3 * k3 + 4 * k4 * x));
                if (!(slope * sgn > 0)) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "fitted %s (K %.4g, K3 %.4g, K4 %.4g) turns over %.3f from its"
                            + " minimum: not a usable bonded term (fit with --bonded-order 2)", where, k2, k3, k4, x));
                }
            }
        }
        return new double[] {u, k2, k3, k4, p0};
    }

    private static void check(double k, String where) {
        if (!(k > 0)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "fitted %s K = %.4g eV is not positive: the data do not determine this bonded term (fit without --fit-bonded)", where, k));
        }
    }
}
