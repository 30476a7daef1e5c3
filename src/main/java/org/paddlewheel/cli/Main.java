package org.paddlewheel.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.paddlewheel.model.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code paddlewheel} command line: one picocli subcommand per verb. Bad input reaches the
 * user as one line, {@code paddlewheel: FILE:LINE: what was expected}, with exit status 2.
 */
@Command(name = "paddlewheel", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Find and measure paddle-wheel ion transport in solid electrolytes.",
        subcommands = {
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
            EisCommand.class,
            MdCommand.class,
            EnergyCommand.class,
            ExportLammpsCommand.class,
            RelaxCommand.class,
            FitFfCommand.class,
            AnalyzeCommand.class,
            StudyCommand.class,
            ReportCommand.class,
            ClassDataTrainingCommand.class,
        })
public final class Main implements Runnable {
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
        return commandLine().execute(args);
    }

    /** A configured picocli CommandLine, for tests that capture output. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
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
