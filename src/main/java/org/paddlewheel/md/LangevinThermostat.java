package org.paddlewheel.md;

import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.model.Units;

/**
 * Langevin dynamics by the BAOAB splitting (Leimkuhler &amp; Matthews, Appl. Math. Res. Express
 * 2013, 34): B (half kick), A (half drift), O (exact Ornstein–Uhlenbeck step
 * v ← c v + √((1 − c²) k_B T/m) ξ with c = exp(−γ dt)), A, new forces, B. Configurational
 * sampling is accurate to second order and very accurate in practice. Friction γ in 1/ps (the
 * paper: 10 ps⁻¹), time step in fs, temperature in K; frozen atoms are skipped. Random numbers come
 * from one {@link Rng} in atom order, so a run is reproducible and resumable.
 * <p>
 * When no atom is frozen, the centre-of-mass velocity is removed after every O step (what LAMMPS's
 * {@code fix langevin ... zero yes}, used by our LAMMPS export, does): independent random kicks
 * would otherwise make the whole crystal random-walk with D = k_B T/(M γ) — 2×10⁻⁶ cm²/s for a
 * 270-atom cell at 500 K and γ = 10 ps⁻¹, as large as the ionic diffusion being measured and seen
 * by a hop detector as hops of every ion. The internal degrees of freedom are still sampled
 * canonically; the temperature then counts 3N − 3 of them. With frozen atoms the frozen
 * framework fixes the frame and nothing is removed.
 */
public final class LangevinThermostat implements Integrator {
    private final double dt, c1, temperature;
    private final Rng rng;
    private final double[] sigma;

    public LangevinThermostat(double timestepFs, double temperatureK, double frictionPerPs, double[] mass, Rng rng) {
        this.dt = timestepFs;
        this.temperature = temperatureK;
        this.c1 = Math.exp(-frictionPerPs * 1e-3 * timestepFs);
        this.rng = rng;
        this.sigma = new double[mass.length];
        double kT = Units.BOLTZMANN_EV_PER_K * temperatureK * Units.ACCELERATION_EV_PER_A_AMU_TO_A_PER_FS2;
        for (int i = 0; i < mass.length; i++) sigma[i] = Math.sqrt((1 - c1 * c1) * kT / mass[i]);
    }

    public double temperatureK() { return temperature; }

    @Override
    public void step(MdState s, ForceEngine engine) {
        VelocityVerlet.kick(s, 0.5 * dt);
        VelocityVerlet.drift(s, 0.5 * dt);
        for (int i = 0; i < s.n; i++) {
            if (!s.mobile[i]) continue;
            double sd = sigma[i];
            s.v[3 * i] = c1 * s.v[3 * i] + sd * rng.nextGaussian();
            s.v[3 * i + 1] = c1 * s.v[3 * i + 1] + sd * rng.nextGaussian();
            s.v[3 * i + 2] = c1 * s.v[3 * i + 2] + sd * rng.nextGaussian();
        }
        if (!s.hasFrozen()) removeCentreOfMassVelocity(s);
        VelocityVerlet.drift(s, 0.5 * dt);
        s.computeForces(engine);
        VelocityVerlet.kick(s, 0.5 * dt);
        s.step++;
    }

    /** v_i ← v_i − Σ m_j v_j / Σ m_j for every atom (all mobile). */
    static void removeCentreOfMassVelocity(MdState s) {
        double mTot = 0;
        for (int i = 0; i < s.n; i++) mTot += s.mass[i];
        for (int k = 0; k < 3; k++) {
            double vc = s.momentum(k) / mTot;
            for (int i = 0; i < s.n; i++) s.v[3 * i + k] -= vc;
        }
    }

    /** True: with no frozen atom the total momentum stays zero (see the class comment). */
    @Override
    public boolean conservesMomentum() { return true; }
}
