package org.paddlewheel.cp2k;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cli.Main;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.TrajectoryReader;
import org.paddlewheel.model.Frame;

/**
 * {@code md --engine cp2k} end to end on a tiny cell (H2 in a 4 Å box, SZV basis, 150 Ry): 20 AIMD
 * steps, CP2K's own trajectory (pos xyz + .cell) and the converted trajectory.extxyz read back,
 * thermo.csv written, and {@code analyze} reading CP2K's positions file directly.
 */
class Cp2kMdTest {
    @TempDir
    Path tmp;

    @Test
    void twentyStepsOfAimdAreReadBackByAnalyze() throws Exception {
        assumeTrue(Cp2kRunner.locate() != null, "CP2K not installed");
        Path cell = tmp.resolve("h2.extxyz");
        Files.writeString(cell, "2\nLattice=\"4.0 0.0 0.0 0.0 4.0 0.0 0.0 0.0 4.0\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n"
                + "H 1.62 2.0 2.05\nH 2.38 2.02 2.0\n");
        Path out = tmp.resolve("md");
        int rc = Main.run("md", "-i", cell.toString(), "--engine", "cp2k", "--temperature", "300K", "--time", "10fs", "--timestep", "0.5fs",
                "--every", "0.5fs", "--basis", "SZV-MOLOPT-SR-GTH", "--cutoff", "150Ry", "--rel-cutoff", "30Ry", "--no-xc-smoothing",
                "--ranks", "1", "-q", "-o", out.toString());
        assertEquals(0, rc);
        int frames = 0;
        double lastT = -1;
        try (TrajectoryReader r = Formats.openTrajectory(out.resolve("md-pos-1.xyz"), null, 0.5)) {
            while (r.hasNext()) {
                Frame f = r.next();
                frames++;
                lastT = f.timeFs();
                assertEquals(64.0, f.structure().lattice().volume(), 1e-6, "cell from md-1.cell");
            }
        }
        assertEquals(21, frames, "steps 0..20");
        assertEquals(10.0, lastT, 1e-9, "CP2K's time = 20 × 0.5 fs");
        List<String> thermo = Files.readAllLines(out.resolve("thermo.csv"));
        assertEquals(22, thermo.size());
        assertTrue(thermo.get(0).startsWith("step,time_ps,T_K,Epot_eV"));
        int rc2 = Main.run("analyze", out.resolve("md-pos-1.xyz").toString(), "--mobile", "H", "--rotors", "none", "--timestep", "0.5fs",
                "-q", "-o", tmp.resolve("an").toString());
        assertEquals(0, rc2);
        JsonNode summary = new ObjectMapper().readTree(tmp.resolve("an/summary.json").toFile());
        assertTrue(summary.toString().contains("\"H\""), "analysis of the H sublattice present");
    }
}
