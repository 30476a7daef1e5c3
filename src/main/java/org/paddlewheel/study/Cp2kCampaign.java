package org.paddlewheel.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.cp2k.Cp2kMd;
import org.paddlewheel.cp2k.Cp2kRunner;
import org.paddlewheel.cp2k.Cp2kSettings;
import org.paddlewheel.io.AtomicFile;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;

/**
 * The paper's AIMD campaign as CP2K job scripts for a SLURM cluster ({@code study --engine cp2k
 * --slurm}): one folder per run, {@code cp2k/RUN/md.inp} (the cell the embedded engine would start
 * from, the run's protocol through {@link Cp2kMd}) with {@code run.sbatch}, and {@code cp2k/submit.sh}
 * submitting them all. After the jobs, {@code paddlewheel analyze cp2k/RUN/md-pos-1.xyz} reads each
 * trajectory; resubmitting a job continues from CP2K's restart file.
 */
public final class Cp2kCampaign {
    private Cp2kCampaign() {}

    /** CP2K's protocol for a study run. */
    public static Cp2kMd protocol(RunSpec s) {
        List<String> freeze = s.frozen() == Frozen.NONE ? List.of() : List.of(s.frozen().cliName());
        long every = Math.max(1, Math.round(s.frameIntervalFs() / s.timestepFs()));
        // A frozen run holds the cell fixed (NVT), as the embedded engine does; free runs are NPT at the spec's pressure.
        boolean npt = s.ensemble() == org.paddlewheel.md.Ensemble.NPT && s.frozen() == Frozen.NONE;
        return new Cp2kMd(npt, s.temperatureK(), s.timestepFs(), Math.round(s.equilibrationFs() / s.timestepFs()),
                s.productionSteps(), every, s.frictionPerPs(), s.pressureGPa(), 1000.0, freeze);
    }

    /**
     * Writes every run's input and batch script under {@code studyDir/cp2k}; returns the submit script.
     *
     * @param hoursPerRun wall time requested per job
     */
    public static Path write(Path studyDir, Campaign campaign, Cp2kSettings settings, int ranks, double hoursPerRun, String module)
            throws IOException {
        Path root = studyDir.resolve("cp2k");
        Files.createDirectories(root);
        List<String> submit = new ArrayList<>();
        submit.add("#!/bin/bash");
        submit.add("# Submits the paper's AIMD campaign (" + campaign.runs().size() + " runs, " + settings.describe() + ").");
        submit.add("set -euo pipefail");
        submit.add("cd \"$(dirname \"$0\")\"");
        for (RunSpec s : campaign.runs()) {
            Path dir = root.resolve(s.label());
            Files.createDirectories(dir);
            Structure cell = EmbeddedEngine.cell(s);
            String input = protocol(s).input(cell, settings, dir);
            AtomicFile.writeText(dir.resolve("md.inp"), w -> w.write(input));
            Formats.writeStructure(dir.resolve("start.vasp"), cell, null);
            String job = Cp2kRunner.slurmScript("pw-" + s.label(), "md.inp", "md.out", ranks, hoursPerRun, module);
            AtomicFile.writeText(dir.resolve("run.sbatch"), w -> w.write(job));
            submit.add(String.format(Locale.ROOT, "(cd %s && sbatch run.sbatch)", s.label()));
        }
        Path sub = root.resolve("submit.sh");
        AtomicFile.writeText(sub, w -> w.write(String.join("\n", submit) + "\n"));
        try {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return sub;
    }
}
