package dev.assay.cli;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.AssayVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code assay} command: tests machine-learning models and their data. */
@Command(name = "assay",
        mixinStandardHelpOptions = true,
        versionProvider = AssayCommand.Version.class,
        description = "Tests machine-learning models: metrics, checks and release gates with CI reports.",
        subcommands = {EvaluateCommand.class, CompareCommand.class, ExplainCommand.class, DriftCommand.class, ProfileCommand.class,
                FairnessCommand.class, RobustnessCommand.class, RunCommand.class, DemoCommand.class, MetricsCommand.class,
                ChecksCommand.class, ValidateCommand.class, DiffCommand.class,
                ServeModelCommand.class,
                LoadCommand.class, PrivacyCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every condition held (warnings allowed)",
                "  1  a condition failed",
                "  2  usage or input error (the message says what to fix)"})
public final class AssayCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use evaluate, run or demo.");
    }

    /** Runs the command line and exits with its code; the only place that calls {@link System#exit}. */
    public static void main(String[] args) {
        Startup.prepare();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line, writing to the given streams, and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AssayCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            w.println("error: " + UsageErrors.describe(ex));
            w.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            w.flush();
            return ExitCode.INPUT_ERROR;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            if (ex instanceof InvalidInputException) {
                w.println("error: " + ex.getMessage());
            } else {
                w.println("internal error: " + ex + ". This is a defect in Assay; please report it with the command line.");
                ex.printStackTrace(w);
            }
            w.flush();
            return ExitCode.INPUT_ERROR;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: Java ran out of memory (at most " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB of heap). Give it more, e.g. JAVA_TOOL_OPTIONS=-Xmx8g, or test a sample of the data.");
            code = ExitCode.INPUT_ERROR;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"assay " + AssayVersion.current()};
        }
    }

}
