package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HopAndCouplingTest {

    /**
     * Exactly the scheduled hops are found — same atom, sites, and entry during the transit — and
     * none from vibrations (σ = 0.35 Å per axis leaves the 1.05 Å sphere in ~3 % of frames but never
     * reaches a neighbour's sphere 2.45 Å away) or from one failed attempt to the midpoint and back.
     */
    @Test
    void findsExactlyTheSyntheticHops() {
        long seed = 11;
        SyntheticHopWorld w = new SyntheticHopWorld(seed, 1600, 8, true, 0.35);
        TrajectoryAnalysis.Results r = new TrajectoryAnalysis(w.config(seed)).run(w.frames.iterator(), null);
        List<HopDetector.Hop> hops = r.hops();
        assertThat(hops).as("seed %d", seed).hasSize(w.schedule.size());
        for (int i = 0; i < hops.size(); i++) {
            HopDetector.Hop h = hops.get(i);
            int[] s = w.schedule.get(i);
            assertThat(new int[] {h.atom(), h.fromSite(), h.toSite()}).containsExactly(s[0], s[1], s[2]);
            assertThat(h.enterFrame()).isBetween(s[3], s[3] + SyntheticHopWorld.TRANSIT);
            assertThat(h.distanceA()).isCloseTo(SyntheticHopWorld.A, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /**
     * Coupled hops (each turns its 4 neighbouring anions by 90° during the transit) give a large score
     * and z; hops independent of the (equally many) 90° turns give a score indistinguishable from
     * zero: |z| &lt; 3 (a 0.3 % false alarm for a normal statistic) and p &gt; 0.01.
     */
    @Test
    void couplingScoreSeparatesCoupledFromIndependent() {
        long seed = 23;
        SyntheticHopWorld coupled = new SyntheticHopWorld(seed, 2400, 12, true, 0.15);
        HopRotationCoupling.Result c = new TrajectoryAnalysis(coupled.config(seed)).run(coupled.frames.iterator(), null).coupling().get("NH2");
        SyntheticHopWorld indep = new SyntheticHopWorld(seed, 2400, 12, false, 0.15);
        HopRotationCoupling.Result u = new TrajectoryAnalysis(indep.config(seed)).run(indep.frames.iterator(), null).coupling().get("NH2");
        System.out.printf("coupled: score %.1f° z %.1f p %.4f sync %.2f lag %.0f fs, neighbours %.1f; independent: score %.1f° z %.2f p %.3f%n",
                c.scoreDeg(), c.z(), c.pValue(), c.syncCorrelation(), c.syncLagFs(), c.meanNeighbours(), u.scoreDeg(), u.z(), u.pValue());
        assertThat(c.events()).isEqualTo(12);
        assertThat(c.meanNeighbours()).isEqualTo(4.0);
        assertThat(c.scoreDeg()).as("seed %d", seed).isGreaterThan(40.0);
        assertThat(c.z()).isGreaterThan(5.0);
        assertThat(c.pValue()).isLessThan(0.01);
        assertThat(c.syncCorrelation()).isGreaterThan(0.5);
        assertThat(Math.abs(c.syncLagFs())).isLessThanOrEqualTo(5.0);
        assertThat(u.events()).isEqualTo(12);
        assertThat(Math.abs(u.z())).as("seed %d", seed).isLessThan(3.0);
        assertThat(u.pValue()).isGreaterThan(0.01);
    }
}
