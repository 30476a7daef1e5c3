package org.paddlewheel.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.paddlewheel.io.AtomicFile;

/**
 * {@code --slurm}: instead of running, writes {@code slurm/runs.sbatch} (a job array, one task per
 * run, each calling {@code paddlewheel study … --run-index $SLURM_ARRAY_TASK_ID --no-report}),
 * {@code slurm/report.sbatch} (rebuilds the report) and {@code slurm/submit.sh} (submits the
 * array and the report after it with {@code --dependency=afterany}). Finished runs are skipped by
 * the tasks themselves, so resubmitting resumes.
 */
public final class SlurmScript {
    private SlurmScript() {}

    /**
     * Writes the scripts into {@code studyDir/slurm} and returns the submit script's path.
     *
     * @param studyArgs the study command's arguments without {@code --slurm} (the recipe first)
     */
    public static Path write(Path studyDir, int runCount, int threadsPerRun, List<String> studyArgs) throws IOException {
        Path dir = studyDir.resolve("slurm");
        Files.createDirectories(dir);
        Path abs = studyDir.toAbsolutePath();
        String cmd = "paddlewheel study " + String.join(" ", studyArgs.stream().map(SlurmScript::quote).toList())
                + " --run-index \"$SLURM_ARRAY_TASK_ID\" --no-report --quiet";
        String runs = "#!/bin/bash\n#SBATCH --job-name=paddlewheel-study\n#SBATCH --array=0-" + (runCount - 1) + "\n"
                + "#SBATCH --cpus-per-task=" + threadsPerRun + "\n#SBATCH --output=" + abs.resolve("slurm") + "/run-%a.log\n"
                + "set -euo pipefail\ncd " + quote(abs.getParent() == null ? "/" : abs.getParent().toString()) + "\n" + cmd + "\n";
        String report = "#!/bin/bash\n#SBATCH --job-name=paddlewheel-report\n#SBATCH --cpus-per-task=1\n"
                + "#SBATCH --output=" + abs.resolve("slurm") + "/report.log\nset -euo pipefail\npaddlewheel report " + quote(abs.toString()) + "\n";
        String submit = "#!/bin/bash\nset -euo pipefail\ncd \"$(dirname \"$0\")\"\njid=$(sbatch --parsable runs.sbatch)\n"
                + "sbatch --dependency=afterany:\"$jid\" report.sbatch\n";
        AtomicFile.writeText(dir.resolve("runs.sbatch"), w -> w.write(runs));
        AtomicFile.writeText(dir.resolve("report.sbatch"), w -> w.write(report));
        Path sub = dir.resolve("submit.sh");
        AtomicFile.writeText(sub, w -> w.write(submit));
        try {
            for (String f : List.of("runs.sbatch", "report.sbatch", "submit.sh")) {
                Files.setPosixFilePermissions(dir.resolve(f), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return sub;
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./=:+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
