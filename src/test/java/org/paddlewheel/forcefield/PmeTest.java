package org.paddlewheel.forcefield;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Units;

/**
 * Smooth PME against physics: the Madelung constant of rock salt (real-space erfc sum + PME +
 * self term; 1.747564594633, Zucker 1975 via Ewald), and finite differences of its own energy for
 * the forces and the virial on a random neutral triclinic cell.
 */
class PmeTest {
    static final double KE = Units.COULOMB_EV_ANGSTROM;

    /** Real-space Ewald sum over images within rc (brute force), eV. */
    static double realSpace(double[] x, double[] q, Cell cell, double beta, double rc) {
        double e = 0;
        int n = q.length;
        int[] nmax = new int[3];
        for (int k = 0; k < 3; k++) nmax[k] = (int) Math.ceil(rc / cell.width(k)) + 1;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = -nmax[0]; a <= nmax[0]; a++) for (int b = -nmax[1]; b <= nmax[1]; b++) for (int c = -nmax[2]; c <= nmax[2]; c++) {
                    if (i == j && a == 0 && b == 0 && c == 0) continue;
                    double dx = x[3 * j] - x[3 * i] + a * cell.h[0] + b * cell.h[3] + c * cell.h[6];
                    double dy = x[3 * j + 1] - x[3 * i + 1] + a * cell.h[1] + b * cell.h[4] + c * cell.h[7];
                    double dz = x[3 * j + 2] - x[3 * i + 2] + a * cell.h[2] + b * cell.h[5] + c * cell.h[8];
                    double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (r < rc) e += 0.5 * KE * q[i] * q[j] * org.hipparchus.special.Erf.erfc(beta * r) / r;
                }
            }
        }
        return e;
    }

    static double self(double[] q, double beta) {
        double s = 0;
        for (double c : q) s += c * c;
        return -KE * beta / Math.sqrt(Math.PI) * s;
    }

    @Test
    void rockSaltMadelungConstant() {
        double a = 5.64;
        double[] x = new double[24], q = new double[8];
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = fcc[i][k] * a;
                x[3 * (i + 4) + k] = (fcc[i][k] + (k == 0 ? 0.5 : 0)) * a;
            }
            q[i] = 1;
            q[i + 4] = -1;
        }
        Cell cell = new Cell(Lattice.cubic(a));
        double beta = 0.7, rc = 6.0;
        Pme pme = new Pme(6, new int[] {32, 32, 32}, beta, q);
        double e = realSpace(x, q, cell, beta, rc) + pme.compute(x, cell, null, null) + self(q, beta);
        double madelung = -e / 4 / (KE / (a / 2));
        // erfc(0.7·6) = 2e-9 and exp(−π²m²/β²) at the mesh edge, order 6: both far below 1e-6.
        assertEquals(1.747564594633, madelung, 1e-6);
    }

    @Test
    void forcesAndVirialAreDerivativesOfTheEnergy() {
        Random rnd = new Random(11);
        Lattice lat = Lattice.fromParameters(8.1, 7.3, 9.0, 81, 97, 104);
        Cell cell = new Cell(lat);
        int n = 12;
        double[] q = new double[n], x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            q[i] = i % 2 == 0 ? 1.3 : -1.3;
            double[] r = lat.toCartesian(new double[] {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()});
            System.arraycopy(r, 0, x, 3 * i, 3);
        }
        Pme pme = new Pme(4, new int[] {16, 16, 16}, 0.45, q);
        pme.removeNetForce(false);
        double[] f = new double[3 * n], vir = new double[6];
        pme.compute(x, cell, f, vir);
        double h = 1e-5, worst = 0;
        for (int c = 0; c < 3 * n; c++) {
            double[] xp = x.clone(), xm = x.clone();
            xp[c] += h;
            xm[c] -= h;
            double fd = -(pme.compute(xp, cell, null, null) - pme.compute(xm, cell, null, null)) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - f[c]));
        }
        // The PME energy is a smooth function of positions (order-4 splines are C²): central
        // differences at h = 1e-5 Å agree to O(h²) plus rounding ~1e-9 eV / 1e-5 Å.
        assertEquals(0, worst, 1e-5, "worst force component error, eV/Å");
        int[][] comp = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        for (int v = 0; v < 6; v++) {
            int al = comp[v][0], be = comp[v][1];
            double e = 1e-6;
            double ep = strained(x, lat, q, pme, al, be, e), em = strained(x, lat, q, pme, al, be, -e);
            double fd = -(ep - em) / (2 * e);
            assertEquals(fd, vir[v], 1e-5 * Math.max(1, Math.abs(fd)), "virial component " + v);
        }
    }

    /**
     * On power-of-two meshes PME uses the packed real-to-complex transform; it must give the
     * complex transform's energy, forces and virial, with meshes of three different sizes so every
     * branch of the packed layout is visited, in an orthogonal and a triclinic cell (where the two
     * aliases ±K/2 of a Nyquist-plane pair have different Cartesian wave vectors: both paths must
     * average them the same way). Agreement to rounding: 1e-10 relative.
     */
    @Test
    void realTransformEqualsComplexTransform() {
        Random rnd = new Random(5);
        for (Lattice lat : new Lattice[] {Lattice.fromParameters(8.1, 7.3, 9.0, 90, 90, 90), Lattice.fromParameters(8.1, 7.3, 9.0, 81, 97, 104)}) {
            double tol = 1e-10;
            Cell cell = new Cell(lat);
            int n = 20;
            double[] q = new double[n], x = new double[3 * n];
            for (int i = 0; i < n; i++) {
                q[i] = i % 2 == 0 ? 0.8 : -0.8;
                double[] r = lat.toCartesian(new double[] {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()});
                System.arraycopy(r, 0, x, 3 * i, 3);
            }
            for (int[] mesh : new int[][] {{16, 8, 32}, {8, 32, 16}, {16, 16, 16}}) {
                Pme real = new Pme(6, mesh, 0.5, q, null, true), complex = new Pme(6, mesh, 0.5, q, null, false);
                double[] fr = new double[3 * n], fc = new double[3 * n], vr = new double[6], vc = new double[6];
                double er = real.compute(x, cell, fr, vr), ec = complex.compute(x, cell, fc, vc);
                assertEquals(ec, er, tol * Math.abs(ec), "energy");
                for (int c = 0; c < 3 * n; c++) assertEquals(fc[c], fr[c], tol * 10, "force " + c);
                for (int k = 0; k < 6; k++) assertEquals(vc[k], vr[k], tol * Math.max(1, Math.abs(vc[k])), "virial " + k);
            }
        }
    }

    /**
     * {@link PackedRealSpectrum} against JTransforms itself: every slot of the packed real transform
     * of random data is ± the Re or Im part of the complex transform at the slot's frequency (the
     * sign is the conjugate's when the slot stores −m), and Parseval holds with the slot weights:
     * Σ_s w_s a_s² = Σ_m |F(m)|² (rounding: 1e-12 relative).
     */
    @Test
    void packedSlotsHoldTheFrequenciesTheyClaim() {
        Random rnd = new Random(2);
        for (int[] k : new int[][] {{8, 4, 8}, {16, 8, 32}, {4, 16, 4}}) {
            int n = k[0] * k[1] * k[2];
            double[] x = new double[n], full = new double[2 * n];
            for (int i = 0; i < n; i++) { x[i] = rnd.nextGaussian(); full[2 * i] = x[i]; }
            var fft = new org.jtransforms.fft.DoubleFFT_3D(k[0], k[1], k[2]);
            fft.complexForward(full);
            double[] a = x.clone();
            fft.realForward(a);
            PackedRealSpectrum p = new PackedRealSpectrum(k[0], k[1], k[2]);
            double parseval = 0, sum = 0;
            for (int i = 0; i < n; i++) sum += full[2 * i] * full[2 * i] + full[2 * i + 1] * full[2 * i + 1];
            for (int s = 0; s < n; s++) {
                int f = ((Math.floorMod(p.m1[s], k[0]) * k[1]) + Math.floorMod(p.m2[s], k[1])) * k[2] + Math.floorMod(p.m3[s], k[2]);
                double re = full[2 * f], im = full[2 * f + 1], v = Math.abs(a[s]);
                boolean match = Math.abs(v - Math.abs(re)) < 1e-9 || Math.abs(v - Math.abs(im)) < 1e-9;
                assertEquals(true, match, "slot " + s + " of " + java.util.Arrays.toString(k) + ": " + a[s] + " vs Re " + re + ", Im " + im);
                parseval += p.weight[s] * a[s] * a[s];
            }
            assertEquals(sum, parseval, 1e-12 * sum, "Parseval with the slot weights");
        }
    }

    /** Energy after the symmetric strain ε_αβ (positions and cell), fractional coordinates kept. */
    static double strained(double[] x, Lattice lat, double[] q, Pme pme, int al, int be, double e) {
        double[] eps = new double[9];
        eps[3 * al + be] += al == be ? e : e / 2;
        eps[3 * be + al] += al == be ? 0 : e / 2;
        double[] h = lat.rowMajor(), h2 = new double[9];
        for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) {
            double s = h[3 * r + c];
            for (int k = 0; k < 3; k++) s += h[3 * r + k] * eps[3 * k + c];
            h2[3 * r + c] = s;
        }
        double[] x2 = new double[x.length];
        for (int i = 0; i < x.length / 3; i++) for (int c = 0; c < 3; c++) {
            double s = x[3 * i + c];
            for (int k = 0; k < 3; k++) s += x[3 * i + k] * eps[3 * k + c];
            x2[3 * i + c] = s;
        }
        return pme.compute(x2, new Cell(h2), null, null);
    }
}
