package org.paddlewheel.md;

import org.paddlewheel.forcefield.ForceEngine;

/** Advances an {@link MdState} by one time step; forces in the state are current on entry and exit. */
public interface Integrator {
    void step(MdState s, ForceEngine engine);

    /** True if the integrator conserves total momentum (no thermostat noise). */
    boolean conservesMomentum();
}
