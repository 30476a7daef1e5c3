package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;

/** The whole analysis with every series spilled to disk (heap budget 0 MB) equals the in-heap one bit for bit. */
class SpilledAnalysisTest {
    @Test
    void spilledAnalysisIsIdenticalToInHeap() {
        long seed = 23;
        SyntheticHopWorld w = new SyntheticHopWorld(seed, 2400, 12, true, 0.15);
        TrajectoryAnalysis.Results heap = new TrajectoryAnalysis(w.config(seed)).run(w.frames.iterator(), null);
        TrajectoryAnalysis.Results disk;
        String old = System.getProperty("paddlewheel.seriesHeapMB");
        System.setProperty("paddlewheel.seriesHeapMB", "0");
        try {
            disk = new TrajectoryAnalysis(w.config(seed)).run(w.frames.iterator(), null);
        } finally {
            if (old == null) System.clearProperty("paddlewheel.seriesHeapMB");
            else System.setProperty("paddlewheel.seriesHeapMB", old);
        }
        Diffusivity.Result a = heap.diffusion().get(Element.NA), b = disk.diffusion().get(Element.NA);
        assertThat(b.dCm2PerS()).isEqualTo(a.dCm2PerS());
        assertThat(b.msdTotalA2()).containsExactly(a.msdTotalA2());
        assertThat(disk.collective().get(Element.NA).msdCollectiveA2()).containsExactly(heap.collective().get(Element.NA).msdCollectiveA2());
        assertThat(disk.hops()).isEqualTo(heap.hops());
        assertThat(disk.rotation().get("NH2").get(OrientationSampler.Vector.LIGAND).c1())
                .containsExactly(heap.rotation().get("NH2").get(OrientationSampler.Vector.LIGAND).c1());
        assertThat(disk.coupling().get("NH2").scoreDeg()).isEqualTo(heap.coupling().get("NH2").scoreDeg());
        assertThat(disk.coupling().get("NH2").z()).isEqualTo(heap.coupling().get("NH2").z());
    }
}
