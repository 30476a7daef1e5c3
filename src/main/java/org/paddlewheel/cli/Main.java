package org.paddlewheel.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.paddlewheel.model.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code paddlewheel} command line: one picocli subcommand per verb. Bad input reaches the
 * user as one line, {@code paddlewheel: FILE:LINE: what was expected}, with exit status 2.
 */
@Command(name = "paddlewheel", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Find and measure paddle-wheel ion transport in solid electrolytes.")
public final class Main implements Runnable {
    /**
     * The subcommands, in help order. They are registered programmatically rather than in the
     * annotation because picocli builds the model of every registered command up front (≈ 0.4 s for
     * all of them): a command line naming one subcommand registers only that one.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            BuildCommand.class,
            ConvertCommand.class,
            InfoCommand.class,
            org.paddlewheel.cli.experiment.ArrheniusCommand.class,
            org.paddlewheel.cli.experiment.VacancyModelCommand.class,
            org.paddlewheel.cli.experiment.NmrCommand.class,
            org.paddlewheel.cli.experiment.EfgCommand.class,
            org.paddlewheel.cli.experiment.XrdCommand.class,
            org.paddlewheel.cli.experiment.TofCommand.class,
            org.paddlewheel.cli.experiment.DiffractionCommand.class,
            org.paddlewheel.cli.experiment.DcPolarizationCommand.class,
            org.paddlewheel.cli.experiment.DscCommand.class,
            EisCommand.class,
            MdCommand.class,
            ReorientationCommand.class,
            DftCommand.class,
            EnergyCommand.class,
            ExportLammpsCommand.class,
            RelaxCommand.class,
            FitFfCommand.class,
            AnalyzeCommand.class,
            StudyCommand.class,
            MeltingCommand.class,
            MeltingCombineCommand.class,
            MeltingReferenceCommand.class,
            ReportCommand.class,
            ClassDataTrainingCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (used by tests without exiting the JVM). */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** A configured picocli CommandLine with every subcommand, for tests that capture output. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * A configured CommandLine for {@code args}: only the subcommand named by {@code args[0]} when
     * it names one, else all of them (top-level help, errors and suggestions stay as before).
     */
    public static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && args[0].equals(c.getAnnotation(Command.class).name()))
                .findFirst().orElse(null);
        for (Class<?> c : only == null ? SUBCOMMANDS : List.of(only)) cl.addSubcommand(c);
        versionEverywhere(cl);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(pr -> {
            // picocli prints the top-level help for `paddlewheel nonsense --help` and exits 0
            if (!pr.hasSubcommand() && !pr.unmatched().isEmpty()) {
                PrintWriter err = pr.commandSpec().commandLine().getErr();
                err.println("paddlewheel: unknown command '" + pr.unmatched().get(0) + "'; run 'paddlewheel --help' for the list");
                err.flush();
                return 2;
            }
            return new CommandLine.RunLast().execute(pr);
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            // one line, as for bad files: the option and what was wrong, then where help is
            PrintWriter err = ex.getCommandLine().getErr();
            Throwable cause = ex.getCause();
            String msg = ex.getMessage();
            if (ex instanceof CommandLine.UnmatchedArgumentException u && ex.getCommandLine().getParent() == null
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
                msg = "unknown command '" + u.getUnmatched().get(0) + "'";
            }
            if (cause instanceof InputException) msg = msg.replaceFirst("^(.*?': ).*InputException: (.*)\\)$", "$1$2");
            err.println("paddlewheel: " + msg.replace('\n', ' ').replaceFirst("^java\\.lang\\.[A-Za-z]+: ", "")
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            Throwable t = ex;
            while ((t instanceof UncheckedIOException || t instanceof CommandLine.ExecutionException) && t.getCause() != null) {
                t = t.getCause();
            }
            if (t instanceof InputException ie) {
                err.println("paddlewheel: " + ie.location());
                err.flush();
                return 2;
            }
            if (t instanceof NoSuchFileException nf) {
                err.println("paddlewheel: " + nf.getFile() + ": no such file");
                err.flush();
                return 2;
            }
            if (t instanceof java.io.IOException io) {
                err.println("paddlewheel: " + io.getMessage());
                err.flush();
                return 2;
            }
            if (t instanceof IllegalArgumentException ia) {
                err.println("paddlewheel: " + ia.getMessage());
                err.flush();
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    /** `paddlewheel SUBCOMMAND --version` prints what the top level prints (picocli leaves a subcommand's version empty). */
    private static void versionEverywhere(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            var spec = sub.getCommandSpec();
            if (spec.version().length == 0 && spec.versionProvider() == null) spec.versionProvider(new Version());
            versionEverywhere(sub);
        }
    }

    /** Version from the jar manifest, or the development version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"paddlewheel " + (v == null ? "0.1.0-SNAPSHOT" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
