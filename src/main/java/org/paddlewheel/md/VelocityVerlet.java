package org.paddlewheel.md;

import org.paddlewheel.forcefield.ForceEngine;
import org.paddlewheel.model.Units;

/**
 * Velocity Verlet (Frenkel &amp; Smit, eq. 4.3.3–4.3.4): v ← v + (dt/2) F/m; x ← x + dt v; new F;
 * v ← v + (dt/2) F/m. Frozen atoms are skipped. Time step in fs.
 */
public final class VelocityVerlet implements Integrator {
    private final double dt;

    public VelocityVerlet(double timestepFs) { this.dt = timestepFs; }

    @Override
    public void step(MdState s, ForceEngine engine) {
        kick(s, 0.5 * dt);
        drift(s, dt);
        s.computeForces(engine);
        kick(s, 0.5 * dt);
        s.step++;
    }

    static void kick(MdState s, double h) {
        double c = h * Units.ACCELERATION_EV_PER_A_AMU_TO_A_PER_FS2;
        for (int i = 0; i < s.n; i++) {
            if (!s.mobile[i]) continue;
            double w = c * s.invMass[i];
            s.v[3 * i] += w * s.f[3 * i];
            s.v[3 * i + 1] += w * s.f[3 * i + 1];
            s.v[3 * i + 2] += w * s.f[3 * i + 2];
        }
    }

    static void drift(MdState s, double h) {
        for (int i = 0; i < s.n; i++) {
            if (!s.mobile[i]) continue;
            s.x[3 * i] += h * s.v[3 * i];
            s.x[3 * i + 1] += h * s.v[3 * i + 1];
            s.x[3 * i + 2] += h * s.v[3 * i + 2];
        }
    }

    @Override
    public boolean conservesMomentum() { return true; }
}
