package org.paddlewheel.forcefield;

import java.util.Arrays;

/**
 * One UF3 3-body term (Xie, Rupp, Hennig, npj Comput. Mater. 9, 162 (2023)) for a centre species c
 * and neighbour species a ≤ b: for every atom i of species c and every unordered pair of its
 * neighbours j (species a), k (species b),
 * E = Σ_lmn c_lmn B_l(r_ij) B_m(r_ik) B_n(r_jk) (eV), tensor products of clamped cubic B-splines
 * ({@link CubicBasis}) on three knot vectors (Å): r_ij, r_ik and r_jk. The coefficients c_lmn (eV)
 * are stored flat, l-major ([l][m][n]). Smoothness: every c_lmn with l or m among the last three
 * indices of its axis is 0, so energy and force vanish with two continuous derivatives when r_ij or
 * r_ik reaches its cut-off; if the r_jk cut-off is below r_ij,cut + r_ik,cut the same holds for n.
 * When a = b the two arms share a knot vector and c_lmn = c_mln (j ↔ k symmetry), so the order in
 * which the engine meets j and k does not matter. Below a knot vector's r_min its functions continue
 * linearly ({@link CubicBasis}); a fit puts r_min below its training distances. Immutable.
 */
public final class SplineTriple {
    /** Trailing coefficients fixed to zero on a cut-off axis. */
    public static final int FIXED_TAIL = SplinePair.FIXED_TAIL;
    private final int c, a, b;
    private final double[][] knots;
    private final int nl, nm, nn;
    private final double[] coefficients;
    private final CubicBasis[] basis;
    private final boolean bondedArms;
    private final boolean constantBelow;

    /**
     * @param c            centre species
     * @param a            species of neighbour j (a and b are swapped, with the tensor, if a &gt; b)
     * @param b            species of neighbour k
     * @param knots        knot vectors for r_ij, r_ik, r_jk (Å)
     * @param coefficients c_lmn, l-major, length L·M·N with L = |t_ij| − 4 etc. (eV)
     */
    public SplineTriple(int c, int a, int b, double[][] knots, double[] coefficients) {
        this(c, a, b, knots, coefficients, false);
    }

    /**
     * As above; with {@code bondedArms} an arm may also be a covalent bond of the centre's own molecule (N–H of NH2,
     * B–H of BH4), so the term sees how the anion is turned relative to its neighbours (e.g. the Na–N–H angle of a
     * (N; Na, HN) triple). A triple whose two arms are both bonds is never counted: that angle belongs to the bonded
     * terms. Without it, arms are the non-bonded pairs of the neighbour list, as in LAMMPS's ML-UF3.
     */
    public SplineTriple(int c, int a, int b, double[][] knots, double[] coefficients, boolean bondedArms) {
        this(c, a, b, knots, coefficients, bondedArms, false);
    }

    /**
     * As above; with {@code constantBelow} each axis's basis keeps its value at r_min below it (no force from this term along
     * a distance shorter than any the fit saw) instead of continuing linearly: a linear continuation of a fitted 3-body term
     * can attract without bound (4 Dec 2026: a B-centred fit fused BH4 with NH2 in MD at 300 K; forcefields/README.md).
     */
    public SplineTriple(int c, int a, int b, double[][] knots, double[] coefficients, boolean bondedArms, boolean constantBelow) {
        this.bondedArms = bondedArms;
        this.constantBelow = constantBelow;
        if (knots.length != 3) throw new IllegalArgumentException("need three knot vectors (r_ij, r_ik, r_jk)");
        int l0 = knots[0].length - 4, m0 = knots[1].length - 4, n0 = knots[2].length - 4;
        if (coefficients.length != l0 * m0 * n0) {
            throw new IllegalArgumentException("need " + l0 + "×" + m0 + "×" + n0 + " = " + (l0 * m0 * n0) + " coefficients, got " + coefficients.length);
        }
        double[][] t = {knots[0].clone(), knots[1].clone(), knots[2].clone()};
        double[] co = coefficients.clone();
        if (a > b) {
            double[] tmp = t[0]; t[0] = t[1]; t[1] = tmp;
            co = new double[co.length];
            for (int l = 0; l < l0; l++) for (int m = 0; m < m0; m++) for (int n = 0; n < n0; n++) {
                co[(m * l0 + l) * n0 + n] = coefficients[(l * m0 + m) * n0 + n];
            }
            int s = a; a = b; b = s;
        }
        this.c = c; this.a = a; this.b = b;
        this.knots = t;
        this.coefficients = co;
        this.nl = t[0].length - 4; this.nm = t[1].length - 4; this.nn = t[2].length - 4;
        this.basis = new CubicBasis[3];
        for (int d = 0; d < 3; d++) basis[d] = new CubicBasis(t[d], constantBelow);
        String bad = check();
        if (bad != null) throw new IllegalArgumentException(bad);
    }

    private String check() {
        if (a == b && !Arrays.equals(knots[0], knots[1])) return "equal neighbour species need the same r_ij and r_ik knots";
        for (double v : coefficients) if (!Double.isFinite(v)) return "coefficients must be finite";
        for (int l = 0; l < nl; l++) for (int m = 0; m < nm; m++) for (int n = 0; n < nn; n++) {
            double v = coefficients[(l * nm + m) * nn + n];
            if (v != 0 && !free(l, m, n)) {
                return "coefficient [" + l + "][" + m + "][" + n + "] must be 0 (the last " + FIXED_TAIL
                        + " along a cut-off axis vanish: smooth cut-off)";
            }
            if (a == b && v != coefficients[(m * nm + l) * nn + n]) return "coefficients must be symmetric in l ↔ m (equal neighbour species)";
        }
        return null;
    }

    /** True if c_lmn is not fixed to 0 by the smooth cut-off. */
    public boolean free(int l, int m, int n) {
        return l < nl - FIXED_TAIL && m < nm - FIXED_TAIL && (!jkTailFixed() || n < nn - FIXED_TAIL);
    }

    /** True if the r_jk axis ends before r_ij,cut + r_ik,cut, so its last three coefficients are fixed too. */
    public boolean jkTailFixed() { return rCut(2) < rCut(0) + rCut(1); }

    public int centre() { return c; }
    public int a() { return a; }
    public int b() { return b; }
    /** Knot vector of axis d (0: r_ij, 1: r_ik, 2: r_jk), Å. */
    public double[] knots(int d) { return knots[d].clone(); }
    /** Basis sizes L, M, N. */
    public int[] shape() { return new int[] {nl, nm, nn}; }
    public double[] coefficients() { return coefficients.clone(); }
    public double rMin(int d) { return knots[d][0]; }
    public double rCut(int d) { return knots[d][knots[d].length - 1]; }
    /** Flat index of c_lmn. */
    public int index(int l, int m, int n) { return (l * nm + m) * nn + n; }
    CubicBasis basis(int d) { return basis[d]; }

    /**
     * Values v[o..o+3] and r-derivatives d[o..o+3] (Å⁻¹) of the four non-zero basis functions of axis
     * {@code axis} (0: r_ij, 1: r_ik, 2: r_jk) at r; returns the index of the first, or −1 if r is at or
     * beyond that axis's cut-off.
     */
    public int basisAt(int axis, double r, double[] v, double[] d, int o) { return basis[axis].eval(r, v, d, o); }
    double[] rawCoefficients() { return coefficients; }

    /** A copy with other coefficients (same species and knots). */
    public SplineTriple withCoefficients(double[] co) { return new SplineTriple(c, a, b, knots, co, bondedArms, constantBelow); }

    /** Whether an arm may be a covalent bond of the centre's molecule (see the constructor). */
    public boolean bondedArms() { return bondedArms; }

    /**
     * An upper bound (eV/Å) of the step in force where a term held constant below r_min ({@link #constantBelow}) turns
     * constant: on axis d the slope just above r_min is Σ B·B·3(c_1 − c_0)/(t_4 − t_1) and the B-spline products sum to at
     * most 1, so max |3(c_1 − c_0)|/(t_4 − t_1) over the other two indices bounds it. 0 for terms that continue linearly
     * and for fits since 5 Dec 2026, which tie c_0 = c_1 (TripleColumns#canonical).
     */
    public double forceStepBoundAtRMin() {
        if (!constantBelow) return 0;
        double worst = 0;
        for (int d = 0; d < 3; d++) worst = Math.max(worst, 3 * firstCoefficientGap(d) / (knots[d][4] - knots[d][1]));
        return worst;
    }

    /** max |c_1 − c_0| along axis d over the other two indices (eV): 0 when the first two coefficients are tied there. */
    public double firstCoefficientGap(int d) {
        double worst = 0;
        int[] sh = shape();
        int[] q = new int[3];
        for (q[(d + 1) % 3] = 0; q[(d + 1) % 3] < sh[(d + 1) % 3]; q[(d + 1) % 3]++) {
            for (q[(d + 2) % 3] = 0; q[(d + 2) % 3] < sh[(d + 2) % 3]; q[(d + 2) % 3]++) {
                q[d] = 0;
                double c0 = coefficients[index(q[0], q[1], q[2])];
                q[d] = 1;
                worst = Math.max(worst, Math.abs(coefficients[index(q[0], q[1], q[2])] - c0));
            }
        }
        return worst;
    }

    /** One line naming the triple with the largest force step at r_min (above 1e-6 eV/Å), or null when there is none. */
    public static String forceStepWarning(java.util.List<SplineTriple> triples, java.util.List<ForceField.Species> species) {
        SplineTriple worst = null;
        double step = 0;
        for (SplineTriple t : triples) {
            double b = t.forceStepBoundAtRMin();
            if (b > step) { step = b; worst = t; }
        }
        if (step <= 1e-6) return null;
        return String.format(java.util.Locale.ROOT, "3-body term %s; %s, %s is held constant below r_min with a slope there: the force"
                + " steps by up to %.3g eV/Å where a distance crosses r_min (relaxations may stall, MD does not conserve energy);"
                + " refit with fit-ff, which since 5 Dec 2026 ties the first two coefficients", species.get(worst.c).name(),
                species.get(worst.a).name(), species.get(worst.b).name(), step);
    }

    /** Whether the bases keep their r_min values below r_min (JSON {@code "below_r_min": "constant"}) rather than continue linearly. */
    public boolean constantBelow() { return constantBelow; }

    /**
     * Energy (eV) of one (i; j, k) triple with j of species a at r1 = r_ij, k of species b at r2 = r_ik and
     * r3 = r_jk; the partial derivatives ∂E/∂r1, ∂E/∂r2, ∂E/∂r3 (eV/Å) go to grad[0..2]. Not for hot loops.
     */
    public double energy(double r1, double r2, double r3, double[] grad) {
        double[] v = new double[12], d = new double[12];
        Arrays.fill(grad, 0, 3, 0);
        int l0 = basis[0].eval(r1, v, d, 0), m0 = basis[1].eval(r2, v, d, 4), n0 = basis[2].eval(r3, v, d, 8);
        if (l0 < 0 || m0 < 0 || n0 < 0) return 0;
        double e = 0;
        for (int p = 0; p < 4; p++) for (int q = 0; q < 4; q++) for (int s = 0; s < 4; s++) {
            double cv = coefficients[index(l0 + p, m0 + q, n0 + s)];
            e += cv * v[p] * v[4 + q] * v[8 + s];
            grad[0] += cv * d[p] * v[4 + q] * v[8 + s];
            grad[1] += cv * v[p] * d[4 + q] * v[8 + s];
            grad[2] += cv * v[p] * v[4 + q] * d[8 + s];
        }
        return e;
    }
}
