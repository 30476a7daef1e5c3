package org.paddlewheel.cp2k;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.InputException;

/**
 * The CP2K output parser on outputs stored from real CP2K 2023.1 runs (H2 in a 4 Å box, PBE,
 * SZV-MOLOPT-SR-GTH, 150 Ry): a converged single point, an SCF stopped before convergence (CP2K
 * only warns and exits 0), a run killed mid-way, and a run that aborted on a bad basis name.
 */
class Cp2kOutputTest {
    static List<String> lines(String name) throws IOException {
        try (InputStream in = Cp2kOutputTest.class.getResourceAsStream("/cp2k/" + name)) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
        }
    }

    @Test
    void convertsEnergyForcesStressAndChargesToAseUnits() throws IOException {
        Cp2kOutput o = Cp2kOutput.parse(lines("h2-converged.out"), "h2-converged.out", 2);
        // Printed: -1.174749614712630 Ha; forces in Ha/bohr; stress in GPa (pressure sign).
        assertEquals(-1.174749614712630 * 27.211386245988, o.energyEv(), 1e-9);
        assertEquals(0.02827772 * 27.211386245988 / 0.529177210903, o.forcesEvPerA()[0], 1e-9);
        assertEquals(0.00106994 * 27.211386245988 / 0.529177210903, o.forcesEvPerA()[5], 1e-9);
        // ASE stress is minus CP2K's, in eV/Å³ (1 eV/Å³ = 160.2177 GPa).
        assertEquals(5.99250134547 / org.paddlewheel.model.Units.EV_PER_A3_TO_GPA, o.stressEvPerA3()[0], 1e-9);
        assertEquals(-8.29686651850E-02 / org.paddlewheel.model.Units.EV_PER_A3_TO_GPA, o.stressEvPerA3()[2], 1e-12);
        assertEquals(o.stressEvPerA3()[1], o.stressEvPerA3()[3], 0.0, "symmetric");
        assertEquals(0.078, o.hirshfeld()[0], 1e-12);
        assertEquals(0.000092, o.mulliken()[0], 1e-12);
        assertTrue(o.scfSteps() > 0);
        // Net force: printed SUM OF ATOMIC FORCES |Σ| = 0.01836891 Ha/bohr.
        assertEquals(0.01836891 * 27.211386245988 / 0.529177210903, o.netForceNorm(), 1e-6);
    }

    @Test
    void anScfThatDidNotConvergeIsAnErrorWithItsLine() throws IOException {
        InputException e = assertThrows(InputException.class,
                () -> Cp2kOutput.parse(lines("h2-scf-not-converged.out"), "nc.out", 2));
        assertTrue(e.getMessage().contains("did not converge"), e.getMessage());
        assertEquals(482, e.line(), "the line of 'outer SCF loop FAILED to converge'");
    }

    @Test
    void aKilledRunIsAnErrorNotAPartialResult() throws IOException {
        InputException e = assertThrows(InputException.class, () -> Cp2kOutput.parse(lines("h2-killed.out"), "k.out", 2));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    }

    @Test
    void anAbortSaysCp2ksReason() throws IOException {
        InputException e = assertThrows(InputException.class, () -> Cp2kOutput.parse(lines("h2-abort.out"), "a.out", 2));
        assertTrue(e.getMessage().contains("The requested basis set <NO-SUCH-BASIS> for element <H> was not found"), e.getMessage());
    }

    @Test
    void aForceBlockShorterThanTheAtomCountIsAnError() throws IOException {
        InputException e = assertThrows(InputException.class, () -> Cp2kOutput.parse(lines("h2-converged.out"), "c.out", 3));
        assertTrue(e.getMessage().contains("atom 3"), e.getMessage());
    }

    @Test
    void nebBandReportsAreParsedIntoAProfileRelativeToTheFirstReplica() {
        List<String> band = List.of(
                " STEP NUMBER                   =                                               1",
                " DISTANCES REP =        1.000000        2.000000",
                " ENERGIES [au] =      -10.000000      -9.990000",
                "                      -10.000000",
                " BAND TOTAL ENERGY [au]        =                                    -29.99");
        Cp2kJobs.NebProfile p = Cp2kJobs.parseBand(band, "b.out", 10);
        assertEquals(3, p.energyEv().length);
        assertEquals(0.01 * 27.211386245988, p.barrierEv(), 1e-9);
        assertEquals(3 * 0.529177210903, p.distanceA()[2], 1e-9);
        assertTrue(p.converged(), "1 step of at most 10: CP2K stopped early, i.e. converged");
    }

    @Test
    void aRealBandReportFromCp2kIsParsed() throws IOException {
        // Stored from a CP2K 2023.1 CI-NEB of linear H3+ (5 replicas); distances are printed in bohr.
        Cp2kJobs.NebProfile p = Cp2kJobs.parseBand(lines("band-step.txt"), "band-step.txt", 100);
        assertEquals(5, p.energyEv().length);
        assertEquals((-1.342479 + 1.307230) * 27.211386245988, p.energyEv()[2], 1e-9);
        assertEquals((-1.305891 + 1.307230) * 27.211386245988, p.energyEv()[4], 1e-9);
        assertEquals((1.949660 + 2.032869 + 3.154068 + 3.557482) * 0.529177210903, p.distanceA()[4], 1e-9);
    }
}
