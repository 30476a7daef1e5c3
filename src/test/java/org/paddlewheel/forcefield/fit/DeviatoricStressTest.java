package org.paddlewheel.forcefield.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;

/**
 * The deviatoric stress rows of a UF3 fit ({@link Uf3Design.Rows#deviatoric}): their diagonal
 * rows and targets are traceless, the shear rows are untouched, and — what the option is for — a
 * uniform pressure offset added to the reference stress (CP2K's unconverged GPW pressure) changes
 * no residual of any coefficient vector, while the full rows see it in full. Exact algebra, so the
 * tolerance is rounding (1e-12 of values of order 1).
 */
class DeviatoricStressTest {
    static Uf3Design.Rows rows(Random r, double pressureOffset) {
        int cols = 7;
        double[][] s = new double[6][cols];
        double[] t = new double[6], f = new double[6];
        Random fixed = new Random(3);
        for (int m = 0; m < 6; m++) {
            for (int k = 0; k < cols; k++) s[m][k] = fixed.nextGaussian();
            t[m] = fixed.nextGaussian() + (m < 3 ? pressureOffset : 0);
            f[m] = fixed.nextGaussian();
        }
        return new Uf3Design.Rows("g", "t", new Element[] {Element.of("Na")}, new double[cols], 0, 0, new double[3][cols], new double[3],
                new double[3], s, t, f);
    }

    static double residual(Uf3Design.Rows r, double[] c, int m) {
        double v = -r.stressTarget()[m];
        for (int k = 0; k < c.length; k++) v += r.stressRows()[m][k] * c[k];
        return v;
    }

    @Test
    void aUniformPressureOffsetIsInvisibleToTheDeviatoricRows() {
        Random rnd = new Random(1);
        Uf3Design.Rows plain = rows(rnd, 0), shifted = rows(rnd, 0.37);
        Uf3Design.Rows dPlain = plain.deviatoric(), dShifted = shifted.deviatoric();
        double[] c = new double[7];
        for (int k = 0; k < 7; k++) c[k] = rnd.nextGaussian();
        double traceT = 0;
        for (int m = 0; m < 3; m++) traceT += dShifted.stressTarget()[m];
        assertEquals(0, traceT, 1e-12, "deviatoric targets are traceless");
        for (int k = 0; k < 7; k++) {
            double tr = 0;
            for (int m = 0; m < 3; m++) tr += dShifted.stressRows()[m][k];
            assertEquals(0, tr, 1e-12, "deviatoric design column " + k + " is traceless");
        }
        for (int m = 0; m < 6; m++) {
            assertEquals(residual(dPlain, c, m), residual(dShifted, c, m), 1e-12, "deviatoric residual " + m);
            if (m >= 3) assertEquals(residual(plain, c, m), residual(dPlain, c, m), 1e-12, "shear row " + m + " unchanged");
            else assertEquals(0.37, residual(plain, c, m) - residual(shifted, c, m), 1e-12, "the full row sees the offset");
        }
    }
}
