package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * {@link SiteMobility}: the fcc site spacing is a/√2 exactly; a site that crosses the periodic
 * boundary is unwrapped (its RMS displacement is the distance it travelled, not the wrapped jump); a
 * cell stretched along c with the fractional coordinates unchanged (the c-axis barostat's affine move)
 * moves nothing; sites are split by the half they start in. And the undecided note follows the molten
 * half's displacement against half a site spacing.
 */
class SiteMobilityTest {
    private static Structure cell(Lattice l, double[][] frac) {
        Structure.Builder b = Structure.builder(l);
        for (double[] f : frac) b.addFractional(Element.find("Ar"), f[0], f[1], f[2]);
        return b.build();
    }

    @Test
    void fccSiteSpacingIsAOverRootTwo() {
        Structure fcc = LennardJonesArgon.fcc(5.34, 3, 3, 6);
        int[] all = new int[fcc.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        assertThat(SiteMobility.siteSpacing(fcc, all)).isCloseTo(5.34 / Math.sqrt(2), within(1e-9));
    }

    @Test
    void unwrapsBoundaryCrossingsIgnoresAffineStretchAndSplitsByStartingHalf() {
        Structure fcc = LennardJonesArgon.fcc(5.34, 2, 2, 4);
        int[] all = new int[fcc.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        SlabOrder order = SlabOrder.of(fcc, all, 4);
        SiteMobility m = new SiteMobility(order, 2);
        Lattice l = fcc.lattice();
        double[][] f = new double[fcc.size()][];
        for (int i = 0; i < f.length; i++) f[i] = l.toFractional(new double[] {fcc.x(i, 0), fcc.x(i, 1), fcc.x(i, 2)});
        // every site in the upper half (slabs 2, 3) walks +0.1 of a along x per frame for 25 frames (2.5 cells' widths / 2 = 1.25 boxes),
        // wrapped back into [0, 1); the lower half stays; then c is stretched by 10 % with fractions unchanged
        double a = l.length(0);
        for (int k = 0; k <= 25; k++) {
            double[][] g = new double[f.length][];
            for (int i = 0; i < f.length; i++) {
                g[i] = f[i].clone();
                if (order.slabOf(f[i][2]) >= 2) g[i][0] = (f[i][0] + k * 0.1 * 5.34 / a) % 1.0;
            }
            Lattice lk = k == 25 ? Lattice.orthorhombic(l.length(0), l.length(1), 1.1 * l.length(2)) : l;
            m.add(cell(lk, g));
        }
        SiteMobility.Result r = m.result();
        assertThat(r.moltenRmsA()).as("2.5 a along x, across the boundary").isCloseTo(2.5 * 5.34, within(1e-9));
        assertThat(r.crystalRmsA()).as("the stretch of c is not a displacement").isCloseTo(0, within(1e-9));
    }

    @Test
    void undecidedNoteReadsTheMoltenHalfsMobility() {
        PhaseVerdict.Judgement level = PhaseVerdict.judge(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, 12);
        PhaseVerdict.Judgement grows = PhaseVerdict.judge(new double[] {0.5, 0.6, 0.7, 0.8, 0.9, 0.9, 0.9, 0.9}, 12);
        assertThat(run(level, 2.0, true).note()).contains("0.48 site spacings").contains("lengthen --time");
        assertThat(run(level, 2.2, true).note()).contains("0.52 site spacings").contains("near coexistence");
        assertThat(run(grows, 2.0, true).note()).isEmpty();
        assertThat(run(level, 5.0, false).note()).contains("--melt-temperature");
    }

    private static MeltingResult.Run run(PhaseVerdict.Judgement j, double moltenRms, boolean molten) {
        return new MeltingResult.Run(450, 0.8, 0.3, 0.55, new double[0], new double[0], new double[0][], 0, molten, j, moltenRms, 0.5, 4.2, 0, new VolumeDrift.Drift(0.001, 0.001));
    }
}
