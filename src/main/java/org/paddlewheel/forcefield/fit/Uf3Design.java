package org.paddlewheel.forcefield.fit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.NeighbourList;
import org.paddlewheel.forcefield.SplineJson;
import org.paddlewheel.forcefield.SplinePair;
import org.paddlewheel.forcefield.SplineTriple;
import org.paddlewheel.forcefield.Term;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Structure;

/**
 * The linear model behind a UF3 fit: with the charges, Ewald sum, bonded terms, any kept
 * Buckingham pairs and the spline core priors fixed, a configuration's energy, forces and stress
 * are affine in the free spline coefficients c and the per-element atom energies e:
 * E = E_fixed + Σ_k c_k Σ_pairs B_k(r) + Σ_el N_el e_el, F = F_fixed − Σ_k c_k ∇Σ B_k,
 * σ = σ_fixed − Σ_k c_k W_k / V (ASE sign, W the virial). {@link #rows} gives one configuration's
 * rows: energy per atom (eV/atom), 3N forces (eV/Å), 6 stresses (eV/Å³, xx yy zz xy xz yz) with
 * the fixed part already subtracted from the targets. Spline pairs apply to the same pairs as in
 * the engine (intramolecular pairs excluded unless special_bonds lj weights are non-zero).
 * <p>With a fitted charge scale ({@link #chargeScaleColumn}), the electrostatics leave the fixed part
 * and become one more column: every Ewald term (real, reciprocal, self and background, intramolecular
 * exclusion) is a bilinear form in the charges, so scaling all base charges by s multiplies it by
 * exactly s² = t, and t is one more linear unknown (the charges stay neutral per formula unit).
 * With fitted bonded terms ({@link BondedColumns}) the harmonic bonds and angles leave the fixed part
 * the same way: each is quadratic in (r − r_ref) or (θ − θ_ref), so K and r0 / θ0 follow from two
 * linear coefficients.
 */
public final class Uf3Design {
    /** One configuration's rows: A (columns as {@link #columns}) and residual targets; fixed parts kept for plots. */
    public record Rows(String group, String configType, Element[] species, double[] energyRow, double energyTarget,
                       double energyFixed, double[][] forceRows, double[] forceTarget, double[] forceFixed,
                       double[][] stressRows, double[] stressTarget, double[] stressFixed, boolean relativeEnergy,
                       double[][] rigidRows, double[] rigidTarget) {
        /** Without rigid-body rows. */
        public Rows(String group, String configType, Element[] species, double[] energyRow, double energyTarget,
                    double energyFixed, double[][] forceRows, double[] forceTarget, double[] forceFixed,
                    double[][] stressRows, double[] stressTarget, double[] stressFixed, boolean relativeEnergy) {
            this(group, configType, species, energyRow, energyTarget, energyFixed, forceRows, forceTarget, forceFixed, stressRows, stressTarget,
                    stressFixed, relativeEnergy, null, null);
        }

        /** Rows whose energy is absolute (not centred on a relative-energy group). */
        public Rows(String group, String configType, Element[] species, double[] energyRow, double energyTarget,
                    double energyFixed, double[][] forceRows, double[] forceTarget, double[] forceFixed,
                    double[][] stressRows, double[] stressTarget, double[] stressFixed) {
            this(group, configType, species, energyRow, energyTarget, energyFixed, forceRows, forceTarget, forceFixed, stressRows, stressTarget,
                    stressFixed, false);
        }

        public int atoms() { return species.length; }

        /** The same rows without stress rows (a configuration whose stress is not fitted). */
        public Rows withoutStress() {
            return new Rows(group, configType, species, energyRow, energyTarget, energyFixed, forceRows, forceTarget, forceFixed, null, null, null,
                    relativeEnergy, rigidRows, rigidTarget);
        }

        /** The same rows with another energy row, target and fixed part (eV/atom). */
        public Rows withEnergy(double[] row, double target, double fixed) {
            return new Rows(group, configType, species, row, target, fixed, forceRows, forceTarget, forceFixed, stressRows, stressTarget, stressFixed,
                    relativeEnergy, rigidRows, rigidTarget);
        }

        /**
         * The same rows with the energy centred on its relative-energy group (row, target and fixed part minus the
         * group's means, eV/atom): such an energy row is weighted by {@link Uf3Solver.Hyper#relativeWeight}.
         */
        public Rows relativeTo(double[] row, double target, double fixed) {
            return new Rows(group, configType, species, row, target, fixed, forceRows, forceTarget, forceFixed, stressRows, stressTarget, stressFixed,
                    true, rigidRows, rigidTarget);
        }

        /**
         * The same rows with the stress replaced by its traceless part: σ_αα − tr(σ)/3 for the three
         * diagonal rows (design rows, targets and fixed parts alike; shears unchanged), so a fit and
         * its RMSE see no pressure.
         */
        public Rows deviatoric() {
            if (stressRows == null) return this;
            double[][] r = new double[6][];
            double[] t = stressTarget.clone(), f = stressFixed.clone();
            int cols = stressRows[0].length;
            double[] meanRow = new double[cols];
            for (int m = 0; m < 3; m++) for (int k = 0; k < cols; k++) meanRow[k] += stressRows[m][k] / 3;
            double mt = (t[0] + t[1] + t[2]) / 3, mf = (f[0] + f[1] + f[2]) / 3;
            for (int m = 0; m < 6; m++) {
                r[m] = stressRows[m].clone();
                if (m < 3) {
                    for (int k = 0; k < cols; k++) r[m][k] -= meanRow[k];
                    t[m] -= mt;
                    f[m] -= mf;
                }
            }
            return new Rows(group, configType, species, energyRow, energyTarget, energyFixed, forceRows, forceTarget, forceFixed, r, t, f,
                    relativeEnergy, rigidRows, rigidTarget);
        }
    }

    private final ForceField fixed;
    private final List<SplinePair> splines;
    private final List<Element> elements;
    private final int[] start;
    private final int columns;
    private final TripleColumns three;
    private final boolean chargeScale;
    private final boolean pressureOffset;
    private final BondedColumns bonded;
    private final CutoffCorrectionColumns cutoff;
    private final ForceEngine.Options coulombOnly = ForceEngine.Options.defaults()
            .withTerms(EnumSet.of(Term.COULOMB_REAL, Term.COULOMB_RECIPROCAL, Term.COULOMB_SELF, Term.COULOMB_EXCLUSION));

    /**
     * @param base      the base model's JSON (species, charges, molecules, bonded terms, Ewald)
     * @param baseFf    the same, parsed
     * @param splines   spline pairs whose knots and cores define the basis (coefficients ignored)
     * @param keepPairs keep the base's Buckingham/Lennard-Jones pairs as part of the fixed model
     * @param elements  elements that get an atom-energy column
     */
    public Uf3Design(ObjectNode base, ForceField baseFf, List<SplinePair> splines, boolean keepPairs, List<Element> elements) {
        this(base, baseFf, splines, List.of(), keepPairs, elements);
    }

    /**
     * As above, with UF3 3-body terms whose species and knots define the 3-body basis (coefficients
     * ignored); their columns follow the spline pairs' ({@link TripleColumns}). The base's own
     * "three_body" terms are never part of the fixed model.
     */
    public Uf3Design(ObjectNode base, ForceField baseFf, List<SplinePair> splines, List<SplineTriple> triples, boolean keepPairs,
                     List<Element> elements) {
        this(base, baseFf, splines, triples, keepPairs, elements, false);
    }

    /**
     * As above; with {@code chargeScale} the square t = s² of one factor s on every base charge is an
     * unknown too (the last column), and the electrostatics leave the fixed part.
     */
    public Uf3Design(ObjectNode base, ForceField baseFf, List<SplinePair> splines, List<SplineTriple> triples, boolean keepPairs,
                     List<Element> elements, boolean chargeScale) {
        this(base, baseFf, splines, triples, keepPairs, elements, chargeScale, false);
    }

    /**
     * As above; with {@code fitBonded} the harmonic bonds and angles leave the fixed part and their K, r0
     * and θ0 become unknowns ({@link BondedColumns}, after the atom energies).
     */
    public Uf3Design(ObjectNode base, ForceField baseFf, List<SplinePair> splines, List<SplineTriple> triples, boolean keepPairs,
                     List<Element> elements, boolean chargeScale, boolean fitBonded) {
        this(base, baseFf, splines, triples, keepPairs, elements, chargeScale, fitBonded, false);
    }

    /**
     * As above; with {@code pressureOffset} one more unknown (the last column) is added to the three diagonal
     * stress rows only: a pressure offset common to every configuration, a correction to the data (GPW
     * pressure at a finite cut-off), not part of the model.
     */
    public Uf3Design(ObjectNode base, ForceField baseFf, List<SplinePair> splines, List<SplineTriple> triples, boolean keepPairs,
                     List<Element> elements, boolean chargeScale, boolean fitBonded, boolean pressureOffset) {
        this(base, baseFf, splines, triples, keepPairs, elements, chargeScale, fitBonded, pressureOffset, List.of());
    }

    /**
     * As above; with a non-empty {@code cutoffCorrection} one more unknown per named element (the last columns):
     * the CP2K GPW cut-off correction of the data ({@link CutoffCorrectionColumns}), not part of the model.
     */
    public Uf3Design(ObjectNode base, ForceField baseFf, List<SplinePair> splines, List<SplineTriple> triples, boolean keepPairs,
                     List<Element> elements, boolean chargeScale, boolean fitBonded, boolean pressureOffset, List<Element> cutoffCorrection) {
        this(base, baseFf, splines, triples, keepPairs, elements, chargeScale, fitBonded, pressureOffset, cutoffCorrection, 2);
    }

    /** As above; {@code bondedOrder} 4 fits the bonded terms as quartic polynomials ({@link BondedColumns}), 2 harmonic. */
    public Uf3Design(ObjectNode base, ForceField baseFf, List<SplinePair> splines, List<SplineTriple> triples, boolean keepPairs,
                     List<Element> elements, boolean chargeScale, boolean fitBonded, boolean pressureOffset, List<Element> cutoffCorrection,
                     int bondedOrder) {
        this(base, baseFf, splines, triples, keepPairs, elements, chargeScale, fitBonded, pressureOffset, cutoffCorrection, bondedOrder, bondedOrder);
    }

    /** As above, the angle terms of order {@code angleOrder} (2 or 4, at most {@code bondedOrder}; {@link BondedColumns}). */
    public Uf3Design(ObjectNode base, ForceField baseFf, List<SplinePair> splines, List<SplineTriple> triples, boolean keepPairs,
                     List<Element> elements, boolean chargeScale, boolean fitBonded, boolean pressureOffset, List<Element> cutoffCorrection,
                     int bondedOrder, int angleOrder) {
        List<SplinePair> zero = new ArrayList<>();
        for (SplinePair sp : splines) zero.add(sp.withCoefficients(new double[sp.basisSize()]));
        ObjectNode fixedJson = SplineJson.withTriples(SplineJson.withSplines(base, baseFf, keepPairs, zero, null, null), baseFf, List.of());
        this.fixed = SplineJson.load(fixedJson, "fixed part");
        this.splines = List.copyOf(zero);
        this.elements = List.copyOf(elements);
        start = new int[splines.size() + 1];
        for (int p = 0; p < splines.size(); p++) start[p + 1] = start[p] + splines.get(p).freeSize();
        three = new TripleColumns(triples, start[splines.size()]);
        this.chargeScale = chargeScale;
        this.bonded = new BondedColumns(baseFf, three.end() + elements.size(), fitBonded, bondedOrder, angleOrder);
        this.pressureOffset = pressureOffset;
        this.cutoff = new CutoffCorrectionColumns(cutoffCorrection, bonded.end() + (chargeScale ? 1 : 0) + (pressureOffset ? 1 : 0));
        columns = cutoff.end();
    }

    /** The GPW cut-off correction's columns (none unless fitted); their coefficients are eV per Ry per atom. */
    public List<Element> cutoffCorrectionElements() { return cutoff.elements(); }

    /** The column of the cut-off correction of element k of {@link #cutoffCorrectionElements}. */
    public int cutoffCorrectionColumn(int k) { return cutoff.start() + k; }

    /** The column of t = s² (s the factor on every base charge), or −1 when the charges are fixed. */
    public int chargeScaleColumn() { return chargeScale ? bonded.end() : -1; }

    /** The column of the common stress offset (eV/Å³, ASE sign, added to σ_xx, σ_yy, σ_zz), or −1 when not fitted. */
    public int pressureOffsetColumn() { return pressureOffset ? cutoff.start() - 1 : -1; }

    /** The 3-body basis templates (coefficients ignored). */
    public List<SplineTriple> triples() { return three.triples(); }

    /** Triple t of the basis with its coefficients read from a solution vector. */
    public SplineTriple fittedTriple(int t, double[] solution) { return three.fitted(t, solution); }

    TripleColumns tripleColumns() { return three; }

    /** Number of 3-body columns. */
    public int tripleColumnCount() { return three.end() - three.start(); }

    /** The fixed part as a force field (spline coefficients 0, cores kept). */
    public ForceField fixedModel() { return fixed; }

    public List<SplinePair> splines() { return splines; }

    public List<Element> elements() { return elements; }

    /** The bonded columns (none unless fitted). */
    BondedColumns bondedColumns() { return bonded; }

    /** Whether the bonded terms are unknowns of this design. */
    public boolean bondedFitted() { return bonded.on(); }

    /** Number of unknowns: free spline coefficients, 3-body coefficients, one atom energy per element, bonded terms if fitted, then t = s² if fitted. */
    public int columns() { return columns; }

    /** First column of spline p. */
    public int start(int p) { return start[p]; }

    /** First atom-energy column. */
    public int elementStart() { return three.end(); }

    /** The rows of one labelled configuration; group is the split key (the frame's source). */
    public Rows rows(LabelledXyz.Labelled l0, String group) {
        int n0 = l0.structure().size();
        LabelledXyz.Labelled l = widened(l0);
        Structure s = l.structure();
        int n = s.size();
        Topology top = Topology.build(fixed, s);
        Cell cell = new Cell(s.lattice());
        double[] x = s.positions(), f0 = new double[3 * n];
        double e0, vol = cell.volume();
        double[] w0;
        EnumSet<Term> fixedTerms = EnumSet.allOf(Term.class);
        if (bonded.on()) fixedTerms.removeAll(EnumSet.of(Term.BOND, Term.ANGLE));
        try (ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withTerms(fixedTerms))) {
            e0 = eng.compute(x, cell, f0);
            w0 = eng.virial();
        }
        double[] eRow = new double[columns];
        double[][] fRows = new double[3 * n][columns];
        double[][] wRows = new double[6][columns];
        if (chargeScale) { // the electrostatics at the base charges become the t column
            int t = chargeScaleColumn();
            double[] fc = new double[3 * n];
            double ec;
            double[] wc;
            try (ForceEngine eng = new ForceEngine(top, cell, coulombOnly)) {
                ec = eng.compute(x, cell, fc);
                wc = eng.virial();
            }
            e0 -= ec;
            for (int k = 0; k < 3 * n; k++) { f0[k] -= fc[k]; fRows[k][t] = fc[k]; }
            for (int m = 0; m < 6; m++) { w0[m] -= wc[m]; wRows[m][t] = wc[m]; }
            eRow[t] = ec;
        }
        int nt = fixed.species().size();
        int[] pairOf = new int[nt * nt];
        java.util.Arrays.fill(pairOf, -1);
        double maxCut = 0;
        for (int p = 0; p < splines.size(); p++) {
            SplinePair sp = splines.get(p);
            pairOf[sp.a() * nt + sp.b()] = p;
            pairOf[sp.b() * nt + sp.a()] = p;
            maxCut = Math.max(maxCut, sp.rCut());
        }
        if (maxCut > 0) {
            NeighbourList nl = new NeighbourList(n, maxCut, 0.0, top.specialI, top.specialJ);
            nl.update(x, cell);
            double[] xw = nl.xw, sh = nl.shift;
            for (int i = 0; i < n; i++) {
                for (int q = nl.start[i]; q < nl.start[i + 1]; q++) {
                    int j = nl.pairJ[q], c = 3 * nl.pairCode[q];
                    int p = pairOf[top.type[i] * nt + top.type[j]];
                    if (p < 0) continue;
                    double[] d = {xw[3 * j] + sh[c] - xw[3 * i], xw[3 * j + 1] + sh[c + 1] - xw[3 * i + 1], xw[3 * j + 2] + sh[c + 2] - xw[3 * i + 2]};
                    addPair(p, i, j, d, 1.0, eRow, fRows, wRows);
                }
            }
            for (int k = 0; k < top.specialI.length; k++) {
                double w = top.specialLj[k];
                int i = top.specialI[k], j = top.specialJ[k];
                int p = pairOf[top.type[i] * nt + top.type[j]];
                if (w == 0 || p < 0) continue;
                double[] d = {x[3 * j] - x[3 * i], x[3 * j + 1] - x[3 * i + 1], x[3 * j + 2] - x[3 * i + 2]};
                cell.wrapDisplacement(d, 0);
                addPair(p, i, j, d, w, eRow, fRows, wRows);
            }
        }
        three.addRows(top, x, cell, nt, eRow, fRows, wRows);
        bonded.addRows(top, x, cell, eRow, fRows, wRows);
        Element[] species = s.speciesArray();
        for (Element e : species) {
            int k = elements.indexOf(e);
            if (k >= 0) eRow[elementStart() + k] += 1;
        }
        double[][] cutoffStress = new double[6][columns];
        cutoff.addRows(l0.info(), l0.structure().lattice(), species, vol, eRow, cutoffStress);
        for (int k = 0; k < columns; k++) eRow[k] /= n;
        double[] fT = new double[3 * n];
        for (int k = 0; k < 3 * n; k++) fT[k] = l.forcesEvPerA()[k] - f0[k];
        double[][] sRows = null;
        double[] sT = null, s0 = new double[6];
        for (int m = 0; m < 6; m++) s0[m] = -w0[m] / vol;
        if (l.stressEvPerA3() != null) {
            sRows = new double[6][columns];
            sT = new double[6];
            int[] idx = {0, 4, 8, 1, 2, 5};
            for (int m = 0; m < 6; m++) {
                for (int k = 0; k < columns; k++) sRows[m][k] = -wRows[m][k] / vol;
                if (pressureOffset && m < 3) sRows[m][pressureOffsetColumn()] = 1;
                for (int k = cutoff.start(); k < cutoff.end(); k++) sRows[m][k] += cutoffStress[m][k];
                sT[m] = l.stressEvPerA3()[idx[m]] - s0[m];
            }
        }
        String type = l.info().getOrDefault("config_type", "default");
        if (n != n0) { // widened: the replicas' rows repeat the original atoms' rows, keep those once
            species = java.util.Arrays.copyOf(species, n0);
            fRows = java.util.Arrays.copyOf(fRows, 3 * n0);
            fT = java.util.Arrays.copyOf(fT, 3 * n0);
            f0 = java.util.Arrays.copyOf(f0, 3 * n0);
        }
        Rows out = new Rows(group, type, species, eRow, (l.energyEv() - e0) / n, e0 / n, fRows, fT, f0, sRows, sT, s0);
        return rigidBodyWeight > 0 ? withRigidBodies(out, top, x, cell, n0) : out;
    }

    /** Weight of the rigid-body rows ({@link Uf3FitOptions#withRigidBodyWeight}); 0: none. */
    private double rigidBodyWeight;

    /** Sets the weight of the rigid-body rows {@link #rows} adds (0: none); returns this design. */
    public Uf3Design rigidBodyWeight(double w) {
        this.rigidBodyWeight = w;
        return this;
    }

    /**
     * The rows of {@link RigidBodyForces}' quantities, sums of the force rows: per molecule (centre among the original atoms)
     * its net force Σ_a F_a and its torque Σ_a (r_a − r_centre) × F_a, per other atom its force; scaled by √w with
     * w = rigidBodyWeight · 3N / (rows added), so that at weight 1 they weigh as much as the configuration's 3N force rows.
     */
    private Rows withRigidBodies(Rows r, Topology top, double[] x, Cell cell, int n0) {
        List<double[]> rows = new ArrayList<>();
        List<Double> target = new ArrayList<>();
        boolean[] inMolecule = new boolean[n0];
        double[][] fr = r.forceRows();
        double[] ft = r.forceTarget();
        for (org.paddlewheel.model.Molecule m : top.molecules) {
            int c = m.centre();
            if (c >= n0) continue;
            int[] atoms = m.atoms();
            double[][] net = new double[3][columns], torque = new double[3][columns];
            double[] netT = new double[3], torqueT = new double[3];
            for (int a : atoms) {
                int o = a % n0;
                inMolecule[o] = true;
                double[] d = {x[3 * a] - x[3 * c], x[3 * a + 1] - x[3 * c + 1], x[3 * a + 2] - x[3 * c + 2]};
                cell.wrapDisplacement(d, 0);
                for (int k = 0; k < 3; k++) {
                    netT[k] += ft[3 * o + k];
                    int k1 = (k + 1) % 3, k2 = (k + 2) % 3; // (d × F)_k = d_k1 F_k2 − d_k2 F_k1
                    torqueT[k] += d[k1] * ft[3 * o + k2] - d[k2] * ft[3 * o + k1];
                    double[] a1 = fr[3 * o + k2], a2 = fr[3 * o + k1], f = fr[3 * o + k];
                    for (int q = 0; q < columns; q++) {
                        net[k][q] += f[q];
                        torque[k][q] += d[k1] * a1[q] - d[k2] * a2[q];
                    }
                }
            }
            for (int k = 0; k < 3; k++) {
                rows.add(net[k]);
                target.add(netT[k]);
            }
            for (int k = 0; k < 3; k++) {
                rows.add(torque[k]);
                target.add(torqueT[k]);
            }
        }
        for (int a = 0; a < n0; a++) {
            if (inMolecule[a]) continue;
            for (int k = 0; k < 3; k++) {
                rows.add(fr[3 * a + k].clone());
                target.add(ft[3 * a + k]);
            }
        }
        if (rows.isEmpty()) return r;
        double sw = Math.sqrt(rigidBodyWeight * 3.0 * n0 / rows.size());
        double[][] rr = new double[rows.size()][];
        double[] rt = new double[rows.size()];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = rows.get(i);
            for (int q = 0; q < columns; q++) rr[i][q] *= sw;
            rt[i] = target.get(i) * sw;
        }
        return new Rows(r.group(), r.configType(), r.species(), r.energyRow(), r.energyTarget(), r.energyFixed(), fr, ft, r.forceFixed(),
                r.stressRows(), r.stressTarget(), r.stressFixed(), r.relativeEnergy(), rr, rt);
    }

    /**
     * The configuration itself, or, if a cell width is below what the engine needs for this model's
     * molecules (twice the molecule extent, e.g. 6.8 Å: the 2x2x1 DFT scan cells have c = 4.57 Å), its
     * n1×n2×n3 replica (original atoms first), which is the same periodic system: energy ×(n1 n2 n3),
     * forces repeated, stress unchanged. {@link #rows} keeps the original atoms' force rows once, so a
     * widened configuration weighs as much as before.
     */
    LabelledXyz.Labelled widened(LabelledXyz.Labelled l) {
        return ThinCells.widened(l, fixed);
    }

    private final double[] bv = new double[512];

    private void addPair(int p, int i, int j, double[] d, double weight, double[] eRow, double[][] fRows, double[][] wRows) {
        SplinePair sp = splines.get(p);
        double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        if (r >= sp.rCut()) return;
        int nb = sp.basisSize();
        double[] b = nb * 2 <= bv.length ? bv : new double[2 * nb];
        sp.basisAt(r, b);
        for (int k = 0; k < sp.freeSize(); k++) {
            double v = b[k], g = b[nb + k];
            if (v == 0 && g == 0) continue;
            addPairColumn(eRow, fRows, wRows, start[p] + k, weight * v, -weight * g / r, i, j, d);
        }
    }

    /**
     * Adds one column's pair contribution: energy v (eV), the force fp·d on atom j and −fp·d on i
     * (fp = −(dV/dr)/r, d = r_j − r_i, Å) and the virial d ⊗ fp·d (xx yy zz xy xz yz). Shared by the
     * spline and the bonded columns.
     */
    static void addPairColumn(double[] eRow, double[][] fRows, double[][] wRows, int col, double v, double fp, int i, int j, double[] d) {
        eRow[col] += v;
        for (int a = 0; a < 3; a++) {
            fRows[3 * j + a][col] += fp * d[a];
            fRows[3 * i + a][col] -= fp * d[a];
        }
        wRows[0][col] += d[0] * fp * d[0];
        wRows[1][col] += d[1] * fp * d[1];
        wRows[2][col] += d[2] * fp * d[2];
        wRows[3][col] += d[0] * fp * d[1];
        wRows[4][col] += d[0] * fp * d[2];
        wRows[5][col] += d[1] * fp * d[2];
    }
}
