package org.paddlewheel.forcefield;

import org.paddlewheel.model.Units;

/**
 * Intramolecular terms of a {@link Topology}: bonds E = K(r − r0)² + K3(r − r0)³ + K4(r − r0)⁴ (LAMMPS
 * {@code bond_style harmonic}, or {@code class2} when K3, K4 ≠ 0), angles E = K(θ − θ0)² + K3(θ − θ0)³ + K4(θ − θ0)⁴
 * ({@code angle_style harmonic}, or {@code class2}'s angle part), and
 * the weighted non-bonded intramolecular pairs left out of the neighbour list:
 * w_lj·E_pair(r) + k_e q_i q_j (erfc(αr) − (1 − w_coul))/r, i.e. the scaled Coulomb interaction minus
 * the part the reciprocal sum already contains (as LAMMPS {@code special_bonds} with a long-range
 * solver); UF3 spline pairs get the same lj weight (0 by default: splines do not act inside molecules). Bonded vectors use the image with fractional components in [−½, ½), exact for molecules
 * smaller than half the cell width (checked by {@link ForceEngine}). Energies eV, forces eV/Å,
 * virial W_ab = Σ r_a F_b in eV.
 */
final class Bonded {
    private final Topology top;
    private final ErfcTable table;
    private final RealSpace pairs;
    private final SplineTerm spline;
    private final double[] d = new double[6];
    private final double[] fa = new double[6];
    private final double[] dEdr = new double[1];
    double eBond, eAngle, eExcl, ePair, eSpline;

    Bonded(Topology top, ErfcTable table, RealSpace pairs, SplineTerm spline) {
        this.spline = spline;
        this.top = top;
        this.table = table;
        this.pairs = pairs;
    }

    void compute(double[] x, Cell cell, double[] f, double[] vir, boolean bonds, boolean angles, boolean exclusion, boolean pair, boolean splines) {
        eBond = eAngle = eExcl = ePair = eSpline = 0;
        if (bonds) {
            for (int b = 0; b < top.bondI.length; b++) {
                int i = top.bondI[b], j = top.bondJ[b];
                vec(x, cell, i, j, 0);
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                double dr = r - top.bondR0[b], k2 = top.bondK[b], k3 = top.bondK3[b], k4 = top.bondK4[b];
                eBond += dr * dr * (k2 + dr * (k3 + dr * k4));
                addPair(f, vir, i, j, -dr * (2 * k2 + dr * (3 * k3 + 4 * k4 * dr)) / r);
            }
        }
        if (angles) {
            for (int a = 0; a < top.angleI.length; a++) {
                int i = top.angleI[a], j = top.angleJ[a], k = top.angleK[a];
                vec(x, cell, j, i, 0);
                vec(x, cell, j, k, 3);
                double r1 = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                double r2 = Math.sqrt(d[3] * d[3] + d[4] * d[4] + d[5] * d[5]);
                double c = (d[0] * d[3] + d[1] * d[4] + d[2] * d[5]) / (r1 * r2);
                c = Math.max(-1, Math.min(1, c));
                double s = Math.sqrt(1 - c * c);
                if (s < 1e-3) s = 1e-3; // as LAMMPS angle_harmonic
                double dt = Math.acos(c) - top.angleTheta0[a], k2 = top.angleKTheta[a], k3 = top.angleK3[a], k4 = top.angleK4[a];
                eAngle += dt * dt * (k2 + dt * (k3 + dt * k4));
                // F_i = (dE/dθ / sinθ) dcosθ/dr_i, dcosθ/dr_i = u2/r1 − cosθ u1/r1 (u unit vectors)
                double g = -dt * (2 * k2 + dt * (3 * k3 + 4 * k4 * dt)) / s; // LAMMPS angle_harmonic: a = -2 tk / sinθ (class2 likewise)
                AngleForces.of(g, c, r1, r2, d, fa);
                double f1x = fa[0], f1y = fa[1], f1z = fa[2], f3x = fa[3], f3y = fa[4], f3z = fa[5];
                f[3 * i] += f1x; f[3 * i + 1] += f1y; f[3 * i + 2] += f1z;
                f[3 * k] += f3x; f[3 * k + 1] += f3y; f[3 * k + 2] += f3z;
                f[3 * j] -= f1x + f3x; f[3 * j + 1] -= f1y + f3y; f[3 * j + 2] -= f1z + f3z;
                vir[0] += d[0] * f1x + d[3] * f3x; vir[1] += d[1] * f1y + d[4] * f3y; vir[2] += d[2] * f1z + d[5] * f3z;
                vir[3] += d[0] * f1y + d[3] * f3y; vir[4] += d[0] * f1z + d[3] * f3z; vir[5] += d[1] * f1z + d[4] * f3z;
            }
        }
        if (exclusion || pair || splines) {
            double ke = Units.COULOMB_EV_ANGSTROM;
            for (int s = 0; s < top.specialI.length; s++) {
                int i = top.specialI[s], j = top.specialJ[s];
                vec(x, cell, i, j, 0);
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                double g = 0;
                if (exclusion && table != null) {
                    double qq = ke * top.charge[i] * top.charge[j];
                    double e = table.value(r) - (1 - top.specialCoul[s]);
                    eExcl += qq * e / r;
                    g += qq * (table.derivative(r) / r - e / (r * r));
                }
                double w = top.specialLj[s];
                if (pair && w != 0) {
                    ePair += w * pairs.pairEnergy(top.type[i], top.type[j], r, dEdr);
                    g += w * dEdr[0];
                }
                if (splines && w != 0) {
                    eSpline += w * spline.pairEnergy(top.type[i], top.type[j], r, dEdr);
                    g += w * dEdr[0];
                }
                addPair(f, vir, i, j, -g / r);
            }
        }
    }

    private void vec(double[] x, Cell cell, int i, int j, int off) {
        d[off] = x[3 * j] - x[3 * i];
        d[off + 1] = x[3 * j + 1] - x[3 * i + 1];
        d[off + 2] = x[3 * j + 2] - x[3 * i + 2];
        cell.wrapDisplacement(d, off);
    }

    private void addPair(double[] f, double[] vir, int i, int j, double fp) {
        double fx = fp * d[0], fy = fp * d[1], fz = fp * d[2];
        f[3 * j] += fx; f[3 * j + 1] += fy; f[3 * j + 2] += fz;
        f[3 * i] -= fx; f[3 * i + 1] -= fy; f[3 * i + 2] -= fz;
        vir[0] += d[0] * fx; vir[1] += d[1] * fy; vir[2] += d[2] * fz;
        vir[3] += d[0] * fy; vir[4] += d[0] * fz; vir[5] += d[1] * fz;
    }
}
