package org.paddlewheel.relax;

import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;

/**
 * Test fixture: a rigid-ion rock-salt NaCl model (Na +1, Cl −1, Na–Cl Buckingham A, ρ, no C, no
 * other short-range pairs, cut-off 8 Å) and an independent lattice energy per formula unit,
 * E(a) = −M·k_e/(a/2) + Σ A·exp(−r/ρ) over the Cl neighbours of one Na within the cut-off
 * (M = 1.747564594633, the NaCl Madelung constant), minimised by Brent's method.
 */
public final class NaClModel {
    public static final double MADELUNG = 1.747564594633;
    public static final double CUTOFF = 8.0;

    private NaClModel() {}

    public static String json(double a, double rho) {
        return String.format(java.util.Locale.ROOT, """
                {"name": "nacl-test", "species": [{"name": "Na", "element": "Na", "charge": 1.0},
                  {"name": "Cl", "element": "Cl", "charge": -1.0}],
                 "pairs": [{"species": ["Na", "Cl"], "style": "buckingham", "A": %.10g, "rho": %.10g, "C": 0.0}],
                 "cutoff": %.3f, "ewald_accuracy": 1e-7}
                """, a, rho, CUTOFF);
    }

    public static ForceField model(double a, double rho) { return ForceField.parse(json(a, rho), "nacl-test"); }

    /** The conventional 8-atom cubic cell with lattice parameter a (Å). */
    public static Structure cell(double a) {
        Structure.Builder b = Structure.builder(Lattice.cubic(a));
        double[][] fcc = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        for (double[] f : fcc) b.addFractional(Element.NA, f[0], f[1], f[2]);
        for (double[] f : fcc) b.addFractional(Element.CL, f[0] + .5, f[1], f[2]);
        return b.build();
    }

    /** Independent lattice energy per NaCl formula unit, eV. */
    public static double energyPerFormulaUnit(double a, double aBuck, double rho) {
        double d = a / 2, e = -MADELUNG * Units.COULOMB_EV_ANGSTROM / d;
        int m = (int) Math.ceil(CUTOFF / d) + 1;
        for (int i = -m; i <= m; i++) {
            for (int j = -m; j <= m; j++) {
                for (int k = -m; k <= m; k++) {
                    if (((i + j + k) & 1) == 0) continue;
                    double r = d * Math.sqrt(i * i + j * j + k * k);
                    if (r < CUTOFF) e += aBuck * Math.exp(-r / rho);
                }
            }
        }
        return e;
    }

    /** Lattice parameter minimising {@link #energyPerFormulaUnit}, Å. */
    public static double minimumA(double aBuck, double rho) {
        return new BrentOptimizer(1e-12, 1e-12).optimize(new MaxEval(1000), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(a -> energyPerFormulaUnit(a, aBuck, rho)), new SearchInterval(4.5, 7.0)).getPoint();
    }

    /**
     * Bulk modulus −V dP/dV (GPa) with the fitter's definition: central difference of the analytic
     * pressure P = −dE/dV at ±1 % volume about the minimum.
     */
    public static double bulkModulus(double aBuck, double rho) {
        double a0 = minimumA(aBuck, rho), dv = 0.01;
        double[] p = new double[2];
        for (int s = 0; s < 2; s++) {
            double a = a0 * Math.cbrt(1 + (s == 0 ? -dv : dv)), h = 1e-5;
            double dEda = (energyPerFormulaUnit(a + h, aBuck, rho) - energyPerFormulaUnit(a - h, aBuck, rho)) / (2 * h);
            p[s] = -dEda / (3 * a * a / 4) * Units.EV_PER_A3_TO_GPA;
        }
        return -(p[1] - p[0]) / (2 * dv);
    }
}
