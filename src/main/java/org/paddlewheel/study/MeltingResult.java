package org.paddlewheel.study;

import java.util.List;

/**
 * What a two-phase melting run found ({@link TwoPhaseMelting}): the order parameter's definition
 * (sublattice species, supercell Miller indices, slabs, frozen slabs), one {@link Run} per target
 * temperature and the {@link MeltingBracket}, beside the measured melting point of Na2(NH2)(BH4)
 * ({@link #MEASURED_K}).
 *
 * @param sublattice     species of the order parameter's sites
 * @param miller         supercell Miller indices (h k l) of the wave vectors averaged
 * @param slabs          slab count
 * @param frozenSlabs    slabs held fixed while the others melt (slabs 0..frozenSlabs−1)
 * @param sitesPerSlab   mean sublattice sites per slab
 * @param runs           one per temperature, in the order given
 * @param bracket        the melting-point bracket
 */
public record MeltingResult(List<String> sublattice, List<int[]> miller, int slabs, int frozenSlabs, double sitesPerSlab,
                            List<Run> runs, MeltingBracket bracket) {
    /** Measured melting point of Na2(NH2)(BH4), K. */
    public static final double MEASURED_K = 492;
    /** Where {@link #MEASURED_K} comes from. */
    public static final String MEASURED_SOURCE = "Somer et al., J. Alloys Compd. 491, 98 (2010)";

    /**
     * One target temperature.
     *
     * @param temperatureK   target temperature, K
     * @param crystalLevel   mean per-slab order parameter of the whole crystal at T (last half of its equilibration)
     * @param liquidLevel    mean order parameter of the molten slabs away from the frozen block (last half of the melt)
     * @param threshold      (crystal + liquid)/2: a slab above it counts as solid
     * @param timesPs        sample times from the release, ps
     * @param solidFraction  fraction of slabs above the threshold at each sample
     * @param orderPerSlab   per-slab order parameter at each sample [sample][slab]
     * @param volumeChange   relative change of the cell volume over the released run
     * @param molten         whether the melt stage left the upper half liquid: its level below the midpoint of the
     *                       random-position level √(π/(4N_s)) and the crystal level (else the verdict is undecided)
     * @param judgement      φ₀, φ_end, σ and the verdict
     * @param moltenRmsA     RMS displacement (Å) over the released run of the sites that started in the molten half
     *                       (in the release cell, so the barostat's rescaling of c is not counted)
     * @param crystalRmsA    the same for the sites that started in the crystal half
     * @param siteSpacingA   nearest-neighbour distance of the sublattice in the starting crystal (median over sites), Å
     * @param gapA           width (Å) of the widest run of slabs holding under half the mean atom count at the end of
     *                       the released run ({@code LowDensityGap}): the cell has opened a cavity; 0 when none
     * @param crystalDrift   relative volume change of the crystal stage over its last half and its standard error
     *                       ({@link VolumeDrift}): when significant the crystal had not reached its volume at T, and the later
     *                       stages started from (with npt-c: kept the cross-section of) a crystal still expanding or shrinking
     */
    public record Run(double temperatureK, double crystalLevel, double liquidLevel, double threshold, double[] timesPs,
                      double[] solidFraction, double[][] orderPerSlab, double volumeChange, boolean molten,
                      PhaseVerdict.Judgement judgement, double moltenRmsA, double crystalRmsA, double siteSpacingA, double gapA,
                      VolumeDrift.Drift crystalDrift) {
        /**
         * What an undecided verdict can mean, from the molten half's mobility; empty for a decided run. The
         * numbers are given in site spacings with a cautious reading: under half a spacing the liquid has barely
         * rearranged and the run should be lengthened before "level" is read as coexistence; beyond it, a level
         * interface means near coexistence or crystal growth much slower than the liquid's diffusion. (For scale:
         * in the Lennard-Jones test a solid that grew by several slabs did so while its liquid's sites moved 0.42
         * spacings RMS, so the half-spacing line marks little rearrangement, not an impossibility.)
         */
        public String note() {
            return join(equilibration(), core());
        }

        /** Whether the crystal stage reached its volume: empty when it did. */
        private String equilibration() {
            if (crystalDrift == null || !crystalDrift.significant()) return "";
            return String.format(java.util.Locale.ROOT, "the crystal's volume was still moving when its stage ended (it %s %.1f ± %.1f %%"
                    + " over the last half: a drift or a slow fluctuation), so the crystal the later stages start from (with npt-c: whose"
                    + " cross-section they keep) is off its mean volume by up to that; lengthen --equilibrate", crystalDrift.change() > 0 ? "grew" : "shrank",
                    100 * Math.abs(crystalDrift.change()), 100 * crystalDrift.sigma());
        }

        private static String join(String a, String b) {
            return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
        }

        private String core() {
            if (!molten) return "the melt stage left the upper half ordered: raise --melt-temperature";
            String cavity = gapA > 0 ? String.format(java.util.Locale.ROOT, "the cell opened a low-density gap %.1f Å wide (under half the "
                    + "mean density) by the end: the liquid cavitated, and a flat gap across the cell, once open, costs no pressure, so the "
                    + "barostat may widen it; the verdict compares the crystal with a liquid that is not bulk: measure the liquid's density "
                    + "in a bulk NPT run from a fresh melt (an NPT run of this end state keeps its gap)", gapA) : "";
            if (judgement.verdict() != PhaseVerdict.UNDECIDED) return cavity;
            return cavity.isEmpty() ? undecided() : undecided() + "; " + cavity;
        }

        private String undecided() {
            String moved = String.format(java.util.Locale.ROOT, "the molten half's sites moved %.1f Å RMS (%.2f site spacings of %.1f Å; "
                    + "crystal half %.1f Å)", moltenRmsA, moltenRmsA / siteSpacingA, siteSpacingA, crystalRmsA);
            if (moltenRmsA < 0.5 * siteSpacingA) {
                return moved + ": the liquid has barely rearranged; lengthen --time before reading the level interface as coexistence";
            }
            return "interface level while " + moved + ": near coexistence, or crystal growth much slower than the liquid's diffusion";
        }
    }
}
