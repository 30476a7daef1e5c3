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
 * no shape fluctuations). With {@code cAxisOnly} only the c vector is rescaled, against the normal
 * stress on the a–b plane (P_nn, n the plane's unit normal; c must be perpendicular to a and b): V is
 * proportional to |c| at fixed cross-section, so the same equation holds for ε = ln V with P → P_nn and
 * positions' c components scaled by exp(dε) (the configurational Jacobian is again V^N). This is the
 * barostat of two-phase coexistence runs (the solid keeps its lateral lattice). Units: P in GPa at
 * the interface, β_T in 1/GPa, τ_p in fs.
 */
public final class StochasticCellRescaling implements Integrator {
    private final Integrator inner;
    private final double dt, p0, beta, tau, kT;
    private final Rng rng;
    private final double[] h = new double[9];
    private final int every;
    private final boolean cAxisOnly;

    public StochasticCellRescaling(Integrator inner, double timestepFs, double temperatureK, double pressureGPa,
                                   double compressibilityPerGPa, double tauFs, int couplingEvery, Rng rng) {
        this(inner, timestepFs, temperatureK, pressureGPa, compressibilityPerGPa, tauFs, couplingEvery, rng, false);
    }

    /** As above; {@code cAxisOnly}: rescale only the c vector against P_nn (see the class comment). */
    public StochasticCellRescaling(Integrator inner, double timestepFs, double temperatureK, double pressureGPa,
                                   double compressibilityPerGPa, double tauFs, int couplingEvery, Rng rng, boolean cAxisOnly) {
        this.cAxisOnly = cAxisOnly;
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
        double p = cAxisOnly ? s.pressureNormalToAb() : s.pressure();
        double deps = -beta / tau * (p0 - p - kT / vol) * dt + Math.sqrt(2 * kT * beta * dt / (vol * tau)) * rng.nextGaussian();
        if (cAxisOnly) {
            rescaleC(s, Math.exp(deps));
            s.computeForces(engine);
            return;
        }
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

    /**
     * c → μ c with every position's fractional coordinates kept, so x moves by (μ − 1) f_c c; mobile
     * velocities' components along c scale by 1/μ (the isotropic rule restricted to the rescaled axis).
     */
    private void rescaleC(MdState s, double mu) {
        double[] hOld = s.cell.h.clone();
        double cx = hOld[6], cy = hOld[7], cz = hOld[8];
        double c2 = cx * cx + cy * cy + cz * cz;
        for (int i = 0; i < s.n; i++) {
            double fc = s.cell.fractional(s.x[3 * i], s.x[3 * i + 1], s.x[3 * i + 2], 2);
            s.x[3 * i] += (mu - 1) * fc * cx; s.x[3 * i + 1] += (mu - 1) * fc * cy; s.x[3 * i + 2] += (mu - 1) * fc * cz;
            if (!s.mobile[i]) continue;
            double vc = (s.v[3 * i] * cx + s.v[3 * i + 1] * cy + s.v[3 * i + 2] * cz) / c2;
            double dv = vc * (1 / mu - 1);
            s.v[3 * i] += dv * cx; s.v[3 * i + 1] += dv * cy; s.v[3 * i + 2] += dv * cz;
        }
        System.arraycopy(hOld, 0, h, 0, 9);
        h[6] = cx * mu; h[7] = cy * mu; h[8] = cz * mu;
        s.cell.set(h);
    }

    /** Checks that c is perpendicular to a and b (to 1e-9 relative), as the c-axis barostat needs. */
    public static void checkCAxis(double[] h) {
        double a = Math.sqrt(h[0] * h[0] + h[1] * h[1] + h[2] * h[2]), b = Math.sqrt(h[3] * h[3] + h[4] * h[4] + h[5] * h[5]);
        double c = Math.sqrt(h[6] * h[6] + h[7] * h[7] + h[8] * h[8]);
        double ac = (h[0] * h[6] + h[1] * h[7] + h[2] * h[8]) / (a * c), bc = (h[3] * h[6] + h[4] * h[7] + h[5] * h[8]) / (b * c);
        if (Math.abs(ac) > 1e-9 || Math.abs(bc) > 1e-9) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "--ensemble npt-c rescales c alone and needs c perpendicular to a and b (cos(a,c) = %.3g, cos(b,c) = %.3g)", ac, bc));
        }
    }

    /** As its thermostat: uniform velocity scaling keeps a zero total momentum zero. */
    @Override
    public boolean conservesMomentum() { return inner.conservesMomentum(); }
}
