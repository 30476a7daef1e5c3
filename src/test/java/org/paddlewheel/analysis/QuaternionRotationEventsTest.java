package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Jun et al.'s quaternion view ({@link QuaternionRotationEvents}) on the synthetic worlds of
 * {@link HopAndCouplingTest}: 12 hops; when coupled, the 4 anions next to each hop path turn by 90°
 * during its 20-frame transit, otherwise the same 48 turns happen at random times; weak background
 * rotational diffusion (0.002 rad per axis per frame: ~1° over Δt_min, so only the turns are events).
 * Frames 1 fs apart; Δt_min = 30 fs, correlation within 50 fs and 4 Å.
 */
class QuaternionRotationEventsTest {
    static final QuaternionRotationEvents.Params P = new QuaternionRotationEvents.Params(30, 15, 15, 500, 3.0, 50, 4.0, 60, 400, 7);

    @Test
    void quaternionAngleOfAKnownRotation() {
        double th = Math.toRadians(73), c = Math.cos(th), s = Math.sin(th);
        double[][] r = {{1, 0, 0}, {Math.cos(1.9), Math.sin(1.9), 0}};             // two bond directions, 109° apart
        double[] k = {1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)};
        double[][] v = new double[6][2];
        for (int b = 0; b < 2; b++) {
            double[] x = r[b], kx = {k[1] * x[2] - k[2] * x[1], k[2] * x[0] - k[0] * x[2], k[0] * x[1] - k[1] * x[0]};
            double kd = k[0] * x[0] + k[1] * x[1] + k[2] * x[2];
            for (int a = 0; a < 3; a++) {
                v[3 * b + a][0] = x[a];
                v[3 * b + a][1] = x[a] * c + kx[a] * s + k[a] * kd * (1 - c);           // Rodrigues
            }
        }
        double[] q0 = QuaternionRotationEvents.quaternion(v, 2, 0), q1 = QuaternionRotationEvents.quaternion(v, 2, 1);
        assertThat(QuaternionRotationEvents.angleDeg(q0, q0)).isCloseTo(0, within(1e-6));
        assertThat(QuaternionRotationEvents.angleDeg(q0, q1)).isCloseTo(73, within(1e-6));
        assertThat(Math.abs(q1[1] / Math.sin(th / 2))).isCloseTo(k[0], within(1e-9));     // axis recovered
    }

    @Test
    void hopsWithTurningNeighboursAreCorrelatedIndependentOnesAreNot() {
        long seed = 23;
        SyntheticHopWorld coupled = new SyntheticHopWorld(seed, 2400, 12, true, 0.15, 0.002);
        QuaternionRotationEvents.Result c = new TrajectoryAnalysis(coupled.config(seed)).rotationEvents(P)
                .run(coupled.frames.iterator(), null).rotationEvents().get("NH2");
        SyntheticHopWorld indep = new SyntheticHopWorld(seed, 2400, 12, false, 0.15, 0.002);
        QuaternionRotationEvents.Result u = new TrajectoryAnalysis(indep.config(seed)).rotationEvents(P)
                .run(indep.frames.iterator(), null).rotationEvents().get("NH2");
        System.out.printf("quaternion view, coupled: %d events (%d >= 60 deg, mean %.1f), %d hops, %d correlated (null %.2f, p %.4f);"
                + " independent: %d events (%d large), %d correlated (null %.2f, p %.3f)%n", c.events().size(), c.largeAngleEvents(),
                c.meanAngleDeg(), c.hops().size(), c.correlatedHopsLarge(), c.nullMeanLarge(), c.pValueLarge(), u.events().size(),
                u.largeAngleEvents(), u.correlatedHopsLarge(), u.nullMeanLarge(), u.pValueLarge());
        assertThat(c.hops()).hasSize(12);
        assertThat(u.hops()).hasSize(12);
        // the 48 turns of 90°, each one event near 90° (a turn may merge with background wobble: ±15°)
        assertThat(c.largeAngleEvents()).as("seed %d", seed).isBetween(40L, 56L);
        assertThat(c.events().stream().filter(e -> e.angleDeg() >= 60).mapToDouble(QuaternionRotationEvents.Event::angleDeg).average()
                .orElseThrow()).isCloseTo(90, within(15.0));
        assertThat(c.correlatedHopsLarge()).isEqualTo(12);
        assertThat(c.pValueLarge()).isLessThan(0.01);
        assertThat(u.largeAngleEvents()).isBetween(40L, 56L);
        assertThat(u.pValueLarge()).as("seed %d", seed).isGreaterThan(0.01);
        assertThat(u.correlatedHopsLarge()).isLessThan(12);
    }
}
