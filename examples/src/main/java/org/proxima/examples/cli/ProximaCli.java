package org.proxima.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code proxima} command-line program. Errors print one line ({@code proxima: error: …}) and exit non-zero;
 * {@code --verbose} adds the stack trace.
 */
@Command(name = "proxima", mixinStandardHelpOptions = true, versionProvider = ProximaCli.Version.class,
        description = "On-the-fly surrogate modelling for molecular dynamics (PROXIMA+BLEND).",
        subcommands = {EvaluateCommand.class, TrainCommand.class, MdCommand.class, BuildCommand.class, SiVacancyCommand.class,
                ServeCommand.class, CommandLine.HelpCommand.class})
public final class ProximaCli implements Runnable {

    @Option(names = "--verbose", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing command: try 'proxima --help'");
    }

    /**
     * Entry point.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the program without exiting the JVM (for tests and embedding).
     *
     * @param args command-line arguments
     * @return the exit code: 0 success, 1 runtime error, 2 usage error
     */
    public static int execute(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cl = new CommandLine(new ProximaCli());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("proxima: error: " + message(ex));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("proxima: " + message(ex) + " (try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 2;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.printf("proxima: error: out of memory (this JVM may use %d MiB of heap): raise it with "
                    + "PROXIMA_JAVA_OPTS=-Xmx..., or make the job smaller%n", Runtime.getRuntime().maxMemory() >> 20);
            if (verbose) {
                e.printStackTrace();
            }
            return 1;
        }
    }

    private static String message(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && (t instanceof UncheckedIOException && t.getMessage() != null
                && t.getMessage().equals(t.getCause().toString()) || t.getMessage() == null)) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ProximaCli.class.getPackage().getImplementationVersion();
            return new String[] {"proxima " + (v == null ? "(development build)" : v)};
        }
    }
}
