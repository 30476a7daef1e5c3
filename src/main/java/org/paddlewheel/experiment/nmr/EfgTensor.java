package org.paddlewheel.experiment.nmr;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.paddlewheel.model.Units;

/**
 * An electric-field-gradient tensor V_ij (V/m² internally) and its NMR quadrupolar parameters. The
 * tensor is symmetrised, diagonalised (Hipparchus symmetric eigen-decomposition) and its principal
 * components ordered as in the paper (Eq. 3) and VASP: |V_zz| ≥ |V_xx| ≥ |V_yy|, with
 * η_Q = |V_xx − V_yy|/|V_zz| in [0, 1] (the Haeberlen labelling |V_zz| ≥ |V_yy| ≥ |V_xx| only swaps
 * the names x and y; η is the same). C_Q = eQV_zz/h in Hz (paper Eq. 4), signed (sign of Q·V_zz);
 * Q from {@link Nucleus} (Pyykkö 2018). Input units: V/Å² (VASP's OUTCAR, 1 V/Å² = 1e20 V/m²), V/m²,
 * or atomic units E_h/(e·a0²) = 9.7173624292e21 V/m² (CODATA 2018 E_h and a0).
 */
public final class EfgTensor {
    /** Input unit of EFG components. */
    public enum Unit {
        /** V/Å², as printed by VASP. */
        V_PER_A2(1e20),
        /** SI, V/m². */
        V_PER_M2(1.0),
        /** Atomic units E_h/(e a0²). */
        ATOMIC(ATOMIC_UNIT_V_PER_M2);

        private final double toSi;

        Unit(double toSi) { this.toSi = toSi; }

        /** Multiply a value in this unit by this to get V/m². */
        public double toSi() { return toSi; }
    }

    /** Hartree energy in J (CODATA 2018). */
    private static final double HARTREE_J = 4.3597447222071e-18;
    /** Bohr radius in m (CODATA 2018). */
    private static final double BOHR_M = 5.29177210903e-11;
    /** The atomic unit of electric field gradient E_h/(e a0²) in V/m². */
    public static final double ATOMIC_UNIT_V_PER_M2 = HARTREE_J / (Units.ELEMENTARY_CHARGE_C * BOHR_M * BOHR_M);

    private final double[] tensorSi;   // 3x3 row-major, symmetrised, V/m²
    private final double vxx, vyy, vzz; // principal, V/m², paper ordering

    private EfgTensor(double[] nine) {
        double[] s = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) s[3 * i + j] = 0.5 * (nine[3 * i + j] + nine[3 * j + i]);
        this.tensorSi = s;
        double scale = 0;
        for (double v : s) scale = Math.max(scale, Math.abs(v));
        double[] ev = {0, 0, 0};
        if (scale > 0) {
            double[][] m = new double[3][3];
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) m[i][j] = s[3 * i + j] / scale;
            double[] e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(m, false)).getEigenvalues();
            for (int i = 0; i < 3; i++) ev[i] = e[i] * scale;
        }
        // Sort by decreasing magnitude: zz, xx, yy.
        Integer[] idx = {0, 1, 2};
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(Math.abs(ev[b]), Math.abs(ev[a])));
        this.vzz = ev[idx[0]];
        this.vxx = ev[idx[1]];
        this.vyy = ev[idx[2]];
    }

    /** From a full 3x3 tensor, row-major, in {@code unit}. */
    public static EfgTensor ofMatrix(double[] nine, Unit unit) {
        if (nine.length != 9) throw new IllegalArgumentException("a 3x3 tensor needs 9 components, got " + nine.length);
        double[] si = new double[9];
        for (int i = 0; i < 9; i++) si[i] = nine[i] * unit.toSi();
        return new EfgTensor(si);
    }

    /** From VASP's six components V_xx, V_yy, V_zz, V_xy, V_xz, V_yz in {@code unit}. */
    public static EfgTensor ofVoigt(double[] six, Unit unit) {
        if (six.length != 6) throw new IllegalArgumentException("expected 6 components xx,yy,zz,xy,xz,yz, got " + six.length);
        return ofMatrix(new double[] {six[0], six[3], six[4], six[3], six[1], six[5], six[4], six[5], six[2]}, unit);
    }

    /** Principal components (V_xx, V_yy, V_zz) in V/m², ordered |V_zz| ≥ |V_xx| ≥ |V_yy|. */
    public double[] principalSi() { return new double[] {vxx, vyy, vzz}; }

    /** V_zz in V/m². */
    public double vzzSi() { return vzz; }

    /** Trace of the symmetrised tensor in V/m² (zero for a physical EFG; a check on the input). */
    public double traceSi() { return tensorSi[0] + tensorSi[4] + tensorSi[8]; }

    /** Symmetrised tensor, row-major, V/m². */
    public double[] tensorSi() { return tensorSi.clone(); }

    /** η_Q = |V_xx − V_yy|/|V_zz| in [0, 1]; 0 for a vanishing tensor. */
    public double eta() {
        if (vzz == 0) return 0;
        return Math.min(1.0, Math.abs(vxx - vyy) / Math.abs(vzz));
    }

    /** C_Q = eQV_zz/h in Hz for nucleus {@code n}, signed. */
    public double cqHz(Nucleus n) { return cqHz(n.quadrupoleM2()); }

    /** C_Q = eQV_zz/h in Hz for a quadrupole moment in m². */
    public double cqHz(double quadrupoleM2) {
        return Units.ELEMENTARY_CHARGE_C * quadrupoleM2 * vzz / Units.PLANCK_J_S;
    }
}
