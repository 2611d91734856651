package org.proxima.examples.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

/** CP2K limits of the commands that take a calculator ({@code --calculator cp2k...}). */
final class Cp2kCliOptions {

    @Option(names = "--cp2k-startup-timeout", defaultValue = "120", paramLabel = "S",
            description = "CP2K targets: seconds to wait for the shell to start and load its input (and for each "
                    + "short command); a start-up that takes longer is killed with its children (default "
                    + "${DEFAULT-VALUE}).")
    double startupSeconds;

    @Option(names = "--cp2k-timeout", defaultValue = "3600", paramLabel = "S",
            description = "CP2K targets: seconds one energy-and-forces evaluation may take (default ${DEFAULT-VALUE}).")
    double evaluationSeconds;

    /**
     * @param spec the parsed calculator
     * @return it with these limits
     * @throws IllegalArgumentException naming the option, for a limit that is not positive
     */
    CalculatorSpec apply(CalculatorSpec spec) {
        OptionChecks.positive("--cp2k-startup-timeout", startupSeconds);
        OptionChecks.positive("--cp2k-timeout", evaluationSeconds);
        return spec.withCp2kTimeouts(new CalculatorSpec.Cp2kTimeouts(duration(startupSeconds),
                duration(evaluationSeconds)));
    }

    private static Duration duration(double seconds) {
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }
}
