package org.paddlewheel.cp2k;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.model.InputException;

/**
 * Launches CP2K: {@code mpirun -np N cp2k.psmp -i IN -o OUT} in a work folder with
 * {@code OMP_NUM_THREADS=1} (one MPI rank per core is CP2K's fastest layout for small cells), or
 * {@code cp2k.psmp} directly for one rank. The executable is {@code $PADDLEWHEEL_CP2K} or the first
 * of cp2k.psmp, cp2k.popt, cp2k.ssmp, cp2k.sopt, cp2k on PATH; when none is found the error says
 * which Debian packages provide it. Also writes SLURM batch scripts that run the same input on a
 * cluster.
 */
public final class Cp2kRunner {
    /** The Debian packages that provide CP2K and its data (basis sets, potentials, dftd3.dat). */
    public static final String PACKAGES = "cp2k cp2k-data";
    private static final List<String> NAMES = List.of("cp2k.psmp", "cp2k.popt", "cp2k.ssmp", "cp2k.sopt", "cp2k");

    private final Path executable;
    private final int ranks;

    public Cp2kRunner(Path executable, int ranks) {
        if (ranks < 1) throw new InputException("--ranks must be at least 1, got " + ranks);
        this.executable = executable;
        this.ranks = ranks;
    }

    /** A runner using the CP2K found on this machine; an {@link InputException} naming the packages when none is. */
    public static Cp2kRunner find(int ranks) {
        Path exe = locate();
        if (exe == null) {
            throw new InputException("CP2K not found (looked for $PADDLEWHEEL_CP2K and " + String.join(", ", NAMES)
                    + " on PATH): install it with 'apt-get install " + PACKAGES + "'");
        }
        return new Cp2kRunner(exe, ranks);
    }

    /** The CP2K executable, or null. */
    public static Path locate() {
        String env = System.getenv("PADDLEWHEEL_CP2K");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) return Path.of(env);
        // The search path: PATH, or the system property paddlewheel.cp2k.path when set (tests use it).
        String path = System.getProperty("paddlewheel.cp2k.path", System.getenv("PATH"));
        if (path == null) return null;
        for (String name : NAMES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        return null;
    }

    public Path executable() { return executable; }

    public int ranks() { return ranks; }

    /** The command line that runs {@code input} writing {@code output} (both relative to the work folder). */
    public List<String> command(String input, String output) {
        List<String> cmd = new ArrayList<>();
        if (ranks > 1) {
            cmd.add("mpirun");
            if ("root".equals(System.getProperty("user.name"))) cmd.add("--allow-run-as-root");
            cmd.add("-np");
            cmd.add(Integer.toString(ranks));
        }
        cmd.add(executable.toString());
        cmd.add("-i");
        cmd.add(input);
        cmd.add("-o");
        cmd.add(output);
        return cmd;
    }

    /**
     * Runs CP2K on {@code dir/input} and waits; stdout/stderr go to {@code dir/cp2k.log}. Returns the
     * exit status (the output file says whether the run succeeded; see {@link Cp2kOutput}).
     */
    public int run(Path dir, String input, String output) throws IOException, InterruptedException {
        // CP2K appends to an existing output file: an earlier (finished or crashed) run's text would
        // then be read as this run's. Keep it aside instead.
        Path old = dir.resolve(output);
        if (Files.exists(old)) Files.move(old, dir.resolve(output + ".previous"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder pb = new ProcessBuilder(command(input, output)).directory(dir.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("cp2k.log").toFile());
        Process p = pb.start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            throw e;
        }
    }

    /** CP2K's version line ("CP2K version 2023.1"), or "unknown". */
    public String version() {
        try {
            Process p = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            for (String l : out.split("\n")) if (l.contains("CP2K version")) return l.trim();
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }

    /**
     * A SLURM batch script that runs {@code input} in its folder with {@code ranks} MPI ranks, one
     * OpenMP thread each ({@code srun} launches the ranks; CP2K and its data must be installed on
     * the cluster, e.g. as a module).
     *
     * @param hours wall-time request
     */
    public static String slurmScript(String jobName, String input, String output, int ranks, double hours, String module) {
        int h = (int) Math.floor(hours), m = (int) Math.round((hours - h) * 60);
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/bash\n");
        b.append("#SBATCH --job-name=").append(jobName).append('\n');
        b.append("#SBATCH --ntasks=").append(ranks).append('\n');
        b.append("#SBATCH --cpus-per-task=1\n");
        b.append(String.format(Locale.ROOT, "#SBATCH --time=%d:%02d:00\n", h, m));
        b.append("#SBATCH --output=slurm-%j.out\n");
        b.append("set -euo pipefail\n");
        b.append("cd \"$(dirname \"$0\")\"\n");
        if (module != null && !module.isBlank()) b.append("module load ").append(module).append('\n');
        b.append("export OMP_NUM_THREADS=1\n");
        // Resume: when an earlier job left CP2K's restart file, continue from it (EXT_RESTART) and keep
        // the earlier output aside (CP2K would append to it).
        String project = input.endsWith(".inp") ? input.substring(0, input.length() - 4) : input;
        b.append("inp=").append(input).append('\n');
        b.append("if [[ -f ").append(project).append("-1.restart ]]; then\n");
        b.append("  inp=").append(project).append("-resume.inp\n");
        b.append("  { cat ").append(input).append("; printf '&EXT_RESTART\\n  RESTART_FILE_NAME ").append(project)
                .append("-1.restart\\n&END EXT_RESTART\\n'; } > \"$inp\"\n");
        b.append("fi\n");
        b.append("[[ -f ").append(output).append(" ]] && mv ").append(output).append(' ').append(output).append(".$(date +%s)\n");
        b.append("srun cp2k.psmp -i \"$inp\" -o ").append(output).append('\n');
        return b.toString();
    }
}
