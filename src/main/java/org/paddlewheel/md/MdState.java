package org.paddlewheel.md;

import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.model.Units;

/**
 * The dynamical state of a simulation: unwrapped positions (Å), velocities (Å/fs), forces (eV/Å)
 * of the last evaluation, masses (amu), which atoms are mobile, the cell, the step counter, the
 * potential energy (eV) and virial (eV, xx yy zz xy xz yz). Kinetic energy, temperature and pressure
 * count mobile atoms only; degrees of freedom are 3·N_mobile, minus 3 when momentum is conserved
 * (no frozen atoms and no thermostat).
 */
public final class MdState {
    public final int n;
    public final double[] x, v, f, mass, invMass;
    public final boolean[] mobile;
    public final Cell cell;
    public final double[] virial = new double[6];
    public long step;
    public double epot;
    private final int mobileCount;

    public MdState(double[] positions, double[] mass, boolean[] mobile, Cell cell) {
        this.n = mass.length;
        this.x = positions.clone();
        this.v = new double[3 * n];
        this.f = new double[3 * n];
        this.mass = mass.clone();
        this.invMass = new double[n];
        for (int i = 0; i < n; i++) invMass[i] = 1 / mass[i];
        this.mobile = mobile.clone();
        int c = 0;
        for (boolean b : mobile) if (b) c++;
        this.mobileCount = c;
        this.cell = cell;
    }

    public int mobileCount() { return mobileCount; }

    /** True if some atoms are frozen. */
    public boolean hasFrozen() { return mobileCount < n; }

    /** Recomputes forces, energy and virial. */
    public void computeForces(ForceEngine engine) {
        epot = engine.compute(x, cell, f);
        engine.virialInto(virial);
    }

    /** Kinetic energy of the mobile atoms, eV. */
    public double kineticEnergy() {
        double k = 0;
        for (int i = 0; i < n; i++) {
            if (!mobile[i]) continue;
            double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
            k += mass[i] * (vx * vx + vy * vy + vz * vz);
        }
        return 0.5 * k * Units.AMU_A2_PER_FS2_TO_EV;
    }

    /** Degrees of freedom: 3 N_mobile, minus 3 if momentum is conserved. */
    public int degreesOfFreedom(boolean momentumConserved) {
        return 3 * mobileCount - (momentumConserved && !hasFrozen() ? 3 : 0);
    }

    /** Temperature from the kinetic energy, K. */
    public double temperature(boolean momentumConserved) {
        return 2 * kineticEnergy() / (degreesOfFreedom(momentumConserved) * Units.BOLTZMANN_EV_PER_K);
    }

    /** Instantaneous pressure (Σ m v² + tr W)/(3V), eV/Å³. */
    public double pressure() {
        return (2 * kineticEnergy() + virial[0] + virial[1] + virial[2]) / (3 * cell.volume());
    }

    /**
     * Instantaneous normal pressure on the a–b plane, (Σ m (v·n)² + n·W·n)/V in eV/Å³, n the unit normal
     * of the a–b plane: the stress conjugate to the c-axis length at fixed cross-section.
     */
    public double pressureNormalToAb() {
        double[] h = cell.h;
        double nx = h[1] * h[5] - h[2] * h[4], ny = h[2] * h[3] - h[0] * h[5], nz = h[0] * h[4] - h[1] * h[3];
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        nx /= len; ny /= len; nz /= len;
        double k = 0;
        for (int i = 0; i < n; i++) {
            if (!mobile[i]) continue;
            double vn = v[3 * i] * nx + v[3 * i + 1] * ny + v[3 * i + 2] * nz;
            k += mass[i] * vn * vn;
        }
        double w = virial[0] * nx * nx + virial[1] * ny * ny + virial[2] * nz * nz
                + 2 * (virial[3] * nx * ny + virial[4] * nx * nz + virial[5] * ny * nz);
        return (k * Units.AMU_A2_PER_FS2_TO_EV + w) / cell.volume();
    }

    /** Total momentum of mobile atoms, amu·Å/fs, component k. */
    public double momentum(int k) {
        double p = 0;
        for (int i = 0; i < n; i++) if (mobile[i]) p += mass[i] * v[3 * i + k];
        return p;
    }
}
