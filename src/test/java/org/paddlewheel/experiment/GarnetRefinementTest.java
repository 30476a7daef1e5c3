package org.paddlewheel.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A real pattern: the GSAS-II garnet exercise (Y3Fe2(AlO4)3, ILL D1A neutrons, λ = 1.909 Å; see
 * resources/…/diffraction/README-garnet.md). GSAS's Rietveld refinement of the same data
 * (GARNET.EXP) gives a = 12.187720(650) Å with ZERO = +4.86 centidegrees. Our Pawley fit gives
 * a = 12.1774(1) Å, zero −0.056° — 8.5e-4 relative below GSAS, 16 of GSAS's esds. An independent check
 * (centroids of the 19 strongest peaks against Bragg's law at λ = 1.909 Å) favours ours: with GSAS's
 * a and zero the centroid residuals run from −0.15° to +0.16° across the pattern, with ours they stay
 * within ±0.04° apart from the most asymmetric low-angle line; GSAS's type-3 profile has asymmetry
 * (S/L, H/L) and our symmetric pseudo-Voigt does not. Holding our zero at GSAS's value reproduces
 * GSAS's a (second test), so the gap is the a–zero trade-off, which the asymmetry model decides; the
 * test asserts agreement within 0.1 % (0.012 Å): a wrong reader
 * step, start or wavelength handling moves a by far more.
 */
class GarnetRefinementTest {
    @Test
    void garnetCellAgreesWithTheGsasRietveldValue() throws Exception {
        Path raw = ExperimentCliTest.resource("diffraction/garnet.raw"), start = ExperimentCliTest.resource("diffraction/garnet-start.vasp");
        Cli c = Cli.run("xrd", "refine", raw.toString(), "--structure", start.toString(), "--neutron", "--wavelength", "1.909Å",
                "--fwhm", "0.5", "--background", "4", "--json");
        assertThat(c.code).as(c.err).isZero();
        JsonNode j = c.json();
        String msg = "a = " + j.get("a_A").asDouble() + " ± " + j.get("a_std_A").asDouble() + ", zero " + j.get("zero_deg").asDouble()
                + ", Rwp " + j.get("Rwp").asDouble() + ", chi2 " + j.get("chi2").asDouble();
        System.out.println("garnet: " + msg);
        assertThat(j.get("a_A").asDouble()).as(msg).isCloseTo(12.187720, org.assertj.core.api.Assertions.within(1e-3 * 12.187720));
        // measured: Rwp 0.063 against GSAS's 0.055 (Rietveld, asymmetric profile)
        assertThat(j.get("Rwp").asDouble()).as(msg).isLessThan(0.07);
    }

    /**
     * The gap is the a–zero trade-off: holding our zero at GSAS's refined +4.86 centidegrees brings a to
     * within 0.02 % of GSAS's value, but with our symmetric profile the fit is then much worse (χ² ×5),
     * so the data, read without GSAS's axial-divergence asymmetry, prefer our zero. Measured: free
     * a = 12.17738, χ² 5.66; zero fixed at +0.0486° a = 12.18646 (GSAS 12.18772), χ² 31.0.
     */
    @Test
    void gsasZeroReproducesGsasCellButFitsWorseWithoutAsymmetry() throws Exception {
        Path raw = ExperimentCliTest.resource("diffraction/garnet.raw"), start = ExperimentCliTest.resource("diffraction/garnet-start.vasp");
        double[][] g = org.paddlewheel.experiment.diffraction.GsasRawReader.read(raw);
        var c = org.paddlewheel.experiment.diffraction.Crystal.of(org.paddlewheel.io.Formats.readStructure(start, null), 1.0);
        var rad = org.paddlewheel.experiment.diffraction.Radiation.monochromatic(org.paddlewheel.experiment.diffraction.Radiation.Probe.NEUTRON,
                1.909, org.paddlewheel.experiment.diffraction.Radiation.Geometry.NEUTRON);
        var free = new org.paddlewheel.experiment.diffraction.PawleyRefinement(g[0], g[1], g[2], c, rad, 4).refine(0.5, 200);
        var gsasZero = new org.paddlewheel.experiment.diffraction.PawleyRefinement(g[0], g[1], g[2], c, rad, 4).fixZero(0.0486386).refine(0.5, 200);
        System.out.printf("garnet: free a = %.5f chi2 %.2f; zero +0.0486 a = %.5f chi2 %.2f%n", free.lattice()[0], free.chi2(),
                gsasZero.lattice()[0], gsasZero.chi2());
        assertThat(gsasZero.zeroDeg()).isEqualTo(0.0486386);
        assertThat(gsasZero.lattice()[0]).isCloseTo(12.187720, org.assertj.core.api.Assertions.within(2e-4 * 12.187720));
        assertThat(gsasZero.chi2()).isGreaterThan(3 * free.chi2());
    }
}
