package org.paddlewheel.cp2k;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cli.Main;

/**
 * {@code study double-paddle-wheel --engine cp2k --slurm --full} writes the paper's 42-run campaign
 * (37 cubic runs and the 5 Pbcm x = 1 runs) as CP2K jobs whose inputs CP2K's own parser accepts
 * ({@code cp2k.psmp --check}); one run of each protocol (free NPT, Na, NH2 and BH4 frozen: 270-atom
 * inputs; free Pbcm: 160 atoms) is checked.
 */
class Cp2kCampaignTest {
    @TempDir
    Path tmp;

    @Test
    void slurmCampaignInputsPassCp2ksCheck() throws Exception {
        Path out = tmp.resolve("study");
        // The form, without --full: CP2K job scripts default to the paper's campaign.
        assertEquals(0, Main.run("study", "double-paddle-wheel", "--engine", "cp2k", "--slurm", "-q", "-o", out.toString()));
        List<Path> runs;
        try (Stream<Path> s = Files.list(out.resolve("cp2k"))) {
            runs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(42, runs.size(), "the paper's campaign: 3 x × 5 T free + freezing runs + seeds + 5 Pbcm");
        String submit = Files.readString(out.resolve("cp2k/submit.sh"));
        assertEquals(42, submit.lines().filter(l -> l.contains("sbatch run.sbatch")).count());
        for (Path r : runs) {
            String inp = Files.readString(r.resolve("md.inp"));
            assertTrue(inp.contains("TIMESTEP 0.5000") && inp.contains("GAMMA 0.010000"), "0.5 fs, 10 ps⁻¹ in " + r);
            assertTrue(Files.readString(r.resolve("run.sbatch")).contains("srun cp2k.psmp"));
            boolean free = r.getFileName().toString().contains("_free_");
            assertEquals(free, inp.contains("ENSEMBLE NPT_I"), "free runs NPT at 0 GPa, frozen runs at fixed cell: " + r);
        }
        assumeTrue(Cp2kRunner.locate() != null, "CP2K not installed: inputs written but not checked");
        for (String protocol : List.of("x1.00_T500K_free_s1", "x1.00_T500K_Na-frozen_s1", "x1.00_T500K_NH2-frozen_s1", "x1.00_T500K_BH4-frozen_s1",
                "pbcm_x1.00_T300K_free_s1")) {
            Path dir = out.resolve("cp2k").resolve(protocol);
            assertTrue(Files.isDirectory(dir), protocol);
            Process p = new ProcessBuilder(Cp2kRunner.locate().toString(), "--check", "md.inp").directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), text);
            assertTrue(text.contains("SUCCESS, the input could be parsed correctly"), protocol + ": " + text);
        }
    }
}
