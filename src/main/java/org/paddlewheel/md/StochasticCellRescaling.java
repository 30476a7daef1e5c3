package org.paddlewheel.md;

import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.model.Units;

/**
 * Isotropic stochastic cell rescaling barostat (Bussi &amp; Bernetti, J. Chem. Phys. 153, 114107
 * (2020), eq. 5 with the Euler–Maruyama step of their appendix) applied after each step of an
 * inner integrator (usually {@link LangevinThermostat}): with ε = ln V,
 * dε = −(β_T/τ_p)(P0 − P − k_BT/V) dt + √(2 k_B T β_T/(V τ_p)) dW, then positions (all atoms:
 * frozen atoms keep their fractional coordinates) and the cell scale by exp(dε/3) and mobile
 * velocities by exp(−dε/3), every {@code couplingEvery} steps with time step couplingEvery·dt (as
 * GROMACS nstpcouple; each coupling costs one extra force evaluation). Chosen over Parrinello–Rahman/MTK because it is first order (no cell
 * mass to tune, no slow volume oscillations), samples the isothermal–isobaric ensemble correctly, and
 * is trivially resumable; its cost is isotropic cell changes only (the cubic antiperovskites need
 * no shape fluctuations). Units: P in GPa at the interface, β_T in 1/GPa, τ_p in fs.
 */
public final class StochasticCellRescaling implements Integrator {
    private final Integrator inner;
    private final double dt, p0, beta, tau, kT;
    private final Rng rng;
    private final double[] h = new double[9];
    private final int every;

    public StochasticCellRescaling(Integrator inner, double timestepFs, double temperatureK, double pressureGPa,
                                   double compressibilityPerGPa, double tauFs, int couplingEvery, Rng rng) {
        this.every = couplingEvery;
        this.inner = inner;
        this.dt = timestepFs;
        this.p0 = pressureGPa / Units.EV_PER_A3_TO_GPA;
        this.beta = compressibilityPerGPa * Units.EV_PER_A3_TO_GPA;
        this.tau = tauFs;
        this.kT = Units.BOLTZMANN_EV_PER_K * temperatureK;
        this.rng = rng;
    }

    @Override
    public void step(MdState s, ForceEngine engine) {
        inner.step(s, engine);
        if (s.step % every != 0) return;
        double dt = this.dt * every;
        double vol = s.cell.volume();
        double p = s.pressure();
        double deps = -beta / tau * (p0 - p - kT / vol) * dt + Math.sqrt(2 * kT * beta * dt / (vol * tau)) * rng.nextGaussian();
        double mu = Math.exp(deps / 3);
        for (int k = 0; k < 9; k++) h[k] = s.cell.h[k] * mu;
        s.cell.set(h);
        for (int k = 0; k < 3 * s.n; k++) s.x[k] *= mu;
        for (int i = 0; i < s.n; i++) {
            if (!s.mobile[i]) continue;
            for (int k = 0; k < 3; k++) s.v[3 * i + k] /= mu;
        }
        s.computeForces(engine);
    }

    /** As its thermostat: uniform velocity scaling keeps a zero total momentum zero. */
    @Override
    public boolean conservesMomentum() { return inner.conservesMomentum(); }
}
