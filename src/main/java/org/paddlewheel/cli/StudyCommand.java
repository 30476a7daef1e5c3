package org.paddlewheel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paddlewheel.report.StudyReport;
import org.paddlewheel.study.Campaign;
import org.paddlewheel.study.Claim;
import org.paddlewheel.study.EmbeddedEngine;
import org.paddlewheel.study.Engine;
import org.paddlewheel.study.FakeEngine;
import org.paddlewheel.study.LammpsEngine;
import org.paddlewheel.study.SlurmScript;
import org.paddlewheel.study.Study;
import org.paddlewheel.study.StudyManifest;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paddlewheel study double-paddle-wheel -o study/ [--quick|--full] [--threads N]
 * [--engine embedded|lammps|fake] [--mpi N] [--slurm] [--resume]}: runs the paper's computational
 * study as independent jobs and writes report.html, summary.json and figures/. An existing study
 * folder is resumed.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Run the paper's computational study and write a report (report.html, summary.json, figures/).",
            "An existing output folder is resumed: finished runs are kept and skipped."})
public final class StudyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RECIPE", description = "The study to run: double-paddle-wheel.")
    String recipe;

    @Option(names = {"-o", "--output"}, defaultValue = "study", description = "Study folder (default: ${DEFAULT-VALUE}).")
    Path output;

    static final class Size {
        @Option(names = "--quick", description = "Reduced campaign (default): 9 runs of the 2x2x2 cell, x = 0, 0.5, 1 at 500 and 700 K plus the freezing runs.") boolean quick;
        @Option(names = "--full", description = "The paper's campaign: x ∈ {0,0.5,1} × 5 temperatures, 3 ps + 50 ps, freezing runs, seeds.") boolean full;
        @Option(names = "--tiny", hidden = true, description = "Seconds-long campaign for tests.") boolean tiny;
    }

    @ArgGroup(exclusive = true)
    Size size = new Size();

    @Option(names = "--threads", description = "Cores to use (default: all, ${DEFAULT-VALUE}).", defaultValue = "0")
    int threads;

    @Option(names = "--threads-per-run", defaultValue = "1", description = "Threads per run; runs in parallel = threads / this (default ${DEFAULT-VALUE}).")
    int threadsPerRun;

    @Option(names = "--engine", defaultValue = "embedded", description = "embedded | lammps | cp2k (AIMD, PBE; with --slurm writes CP2K job scripts) | fake (synthetic known answers, for testing); default ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--ff", description = "Force field of the embedded and LAMMPS engines: bundled name or JSON file (default "
            + Campaign.FORCE_FIELD + "; na-amide-borohydride-dft is the model trained on the PBE data, still provisional).")
    String ff;

    @Option(names = "--mpi", defaultValue = "1", description = "MPI ranks per run for --engine lammps (default ${DEFAULT-VALUE}).")
    int mpi;

    @Option(names = "--slurm", description = "Write a Slurm job-array script into OUTPUT/slurm instead of running (--engine cp2k: one CP2K job per run under OUTPUT/cp2k).")
    boolean slurm;
    @picocli.CommandLine.Mixin
    DftOptions dft;
    @Option(names = "--hours-per-run", defaultValue = "48", description = "Wall time requested per CP2K job, hours (default ${DEFAULT-VALUE}).")
    double hoursPerRun;
    @Option(names = "--module", description = "Environment module loaded in CP2K job scripts (e.g. cp2k/2023.1).")
    String module;

    @Option(names = "--resume", description = "Require an existing study folder and resume it (resuming is the default when it exists).")
    boolean resume;

    @Option(names = "--run-index", hidden = true, description = "Run only this run (0-based); used by the Slurm array.")
    Integer runIndex;

    @Option(names = "--no-report", hidden = true, description = "Do not rebuild the report after running.")
    boolean noReport;

    @Mixin
    QuietOption quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!"double-paddle-wheel".equals(recipe)) throw new IllegalArgumentException("unknown study '" + recipe + "'; known: double-paddle-wheel");
        if (resume && !java.nio.file.Files.isRegularFile(output.resolve(StudyManifest.FILE))) {
            throw new IllegalArgumentException("--resume: no study in " + output + " (" + StudyManifest.FILE + " missing)");
        }
        // CP2K job scripts are for the cluster: without an explicit --quick/--tiny they are the paper's campaign.
        boolean cp2kJobs = slurm && engine.equals("cp2k") && !size.quick && !size.tiny;
        Campaign campaign = size.full || cp2kJobs ? Campaign.full() : size.tiny ? Campaign.tiny() : Campaign.quick();
        if (ff != null) campaign = campaign.withForceField(forceFieldReference(ff));
        int cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        // originalArgs may hold the whole command line, subcommand name included
        if (!args.isEmpty() && args.get(0).equals("study")) args.remove(0);
        String command = "paddlewheel study " + String.join(" ", args);
        if (slurm && engine.equals("cp2k")) {
            Path submit = org.paddlewheel.study.Cp2kCampaign.write(output, campaign, dft.settings(), dft.ranks, hoursPerRun, module);
            System.out.println("wrote " + campaign.runs().size() + " CP2K runs (" + dft.settings().describe() + ") under "
                    + output.resolve("cp2k") + "; submit with: bash " + submit);
            return 0;
        }
        if (slurm) {
            args.remove("--slurm");
            replaceOutput(args, output.toAbsolutePath().toString());
            Path submit = SlurmScript.write(output, campaign.runs().size(), Math.max(1, threadsPerRun), args);
            new StudyManifest("double-paddle-wheel", campaign.preset(), engine(cores).name(), engine(cores).version(),
                    campaign.forceField(), command, StudyManifest.currentVersion(), System.getProperty("java.version"),
                    campaign.runs()).write(output);
            System.out.println("wrote " + submit + " (" + campaign.runs().size() + " array tasks); submit with: bash " + submit);
            return 0;
        }
        Study.Result r = Study.run(new Study.Options(output, campaign, engine(cores), cores, threadsPerRun, quiet.quiet, command,
                runIndex, !noReport), System.err);
        if (r.results() != null) {
            StudyReport.Outcome rep = StudyReport.write(r.results());
            System.out.println("report: " + rep.html() + " (" + rep.runsFinished() + "/" + rep.runsPlanned() + " runs)");
            for (Claim c : rep.claims()) System.out.printf("  %-16s %s%n", c.verdict().json(), c.statement());
        }
        return r.failures().isEmpty() ? 0 : 1;
    }

    private Engine engine(int cores) {
        return switch (engine) {
            case "embedded" -> new EmbeddedEngine("paddlewheel " + StudyManifest.currentVersion() + " md");
            case "lammps" -> new LammpsEngine(mpi);
            case "fake" -> new FakeEngine();
            case "cp2k" -> new org.paddlewheel.study.Cp2kEngine(dft.settings(), dft.runner());
            default -> throw new IllegalArgumentException("--engine must be embedded, lammps, cp2k or fake, got '" + engine + "'");
        };
    }

    /**
     * A bundled name as given; a JSON file as its absolute path, so the study folder's campaign.json still names it
     * when the report is rebuilt from another directory. The model is loaded once here so a typo fails before any run.
     */
    static String forceFieldReference(String ff) {
        org.paddlewheel.forcefield.ForceField.resolve(ff);
        Path p = Path.of(ff);
        return java.nio.file.Files.isRegularFile(p) ? p.toAbsolutePath().normalize().toString() : ff;
    }

    private static void replaceOutput(List<String> args, String abs) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-o") || a.equals("--output")) && i + 1 < args.size()) { args.set(i + 1, abs); return; }
            if (a.startsWith("--output=")) { args.set(i, "--output=" + abs); return; }
        }
        args.add("-o");
        args.add(abs);
    }
}
