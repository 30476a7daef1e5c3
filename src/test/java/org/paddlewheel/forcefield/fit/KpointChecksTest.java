package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;

/**
 * {@link KpointChecks}: frames named as the generator names them. A thin-cell scan (0, 0.644 eV at frame 2) whose
 * doubled frames lie 2 × (−2.0 eV) and 2 × (−2.0 + 0.51 eV) from twice the thin first frame must give a DFT difference
 * of 0.510 eV at the doubled cell and a k-point error of +0.134 eV; the doubled first frame is borrowed from another
 * scan with the same first configuration (both source spellings), and one whose energy differs by 1 meV is not used.
 */
class KpointChecksTest {
    private static DftComparison.FrameResult frame(String type, String source, int atoms, double dft, double model) {
        Element[] sp = new Element[atoms];
        java.util.Arrays.fill(sp, Element.of("Na"));
        return new DftComparison.FrameResult(source, type, "Na" + atoms, sp, dft, model, new double[0], new double[0], null, null);
    }

    @Test
    void doubledFramesGiveTheScanDifferenceAtTheBetterSampling() {
        List<DftComparison.FrameResult> f = new ArrayList<>();
        double e0 = -12042.69, m0 = -100.0;
        f.add(frame("scan-rot-nh2-x1", "scan-rot-nh2-x1.extxyz#0", 40, e0, m0));
        f.add(frame("scan-rot-nh2-x1", "scan-rot-nh2-x1.extxyz#2", 40, e0 + 0.644, m0 + 0.49));
        f.add(frame("scan-rot-bh4-x1", "scan-rot-bh4-x1.extxyz#0", 40, e0 + 0.3, m0)); // shifted as a relative group is
        f.add(frame("scan-rot-bh4-x1", "scan-rot-bh4-x1.extxyz#1", 40, e0 + 0.27, m0 - 0.02));
        f.add(frame("scan-other-x1", "scan-other-x1.extxyz#0", 40, e0, m0 + 5e-3));
        f.add(frame("kcheck-scan-other-x1", "scan-other-x1-0-doubled.extxyz#0", 80, 2 * e0 + 7, 2 * m0));
        f.add(frame("kcheck-scan-rot-bh4-x1", "scan-rot-bh4-x1.extxyz#0-doubled-1x1x2", 80, 2 * (e0 - 2.0), 2 * m0));
        f.add(frame("kcheck-scan-rot-nh2-x1", "scan-rot-nh2-x1-2-doubled.extxyz#0", 80, 2 * (e0 - 2.0 + 0.51), 2 * (m0 + 0.49)));
        List<KpointChecks.Check> c = KpointChecks.of(f); // the scan's frame 1 is absent: frame 2 is found by its index, not its position
        assertThat(c).hasSize(1);
        KpointChecks.Check k = c.get(0);
        assertThat(k.scan()).isEqualTo("scan-rot-nh2-x1");
        assertThat(k.frame()).isEqualTo(2);
        assertThat(k.dftThinEv()).isCloseTo(0.644, within(1e-9));
        assertThat(k.dftDoubledEv()).isCloseTo(0.510, within(1e-9));
        assertThat(k.dftKpointErrorEv()).isCloseTo(0.134, within(1e-9));
        assertThat(k.modelDoubledEv()).isCloseTo(k.modelThinEv(), within(1e-9));
    }

    @Test
    void noCheckWithoutADoubledFirstFrame() {
        List<DftComparison.FrameResult> f = new ArrayList<>();
        f.add(frame("scan-hop-x1", "scan-hop-x1.extxyz#0", 40, -1.0, -1.0));
        f.add(frame("scan-hop-x1", "scan-hop-x1.extxyz#2", 40, 1.57, 1.4));
        f.add(frame("kcheck-scan-hop-x1", "scan-hop-x1-2-doubled.extxyz#0", 80, 3.0, 2.8));
        assertThat(KpointChecks.of(f)).isEmpty();
    }
}
