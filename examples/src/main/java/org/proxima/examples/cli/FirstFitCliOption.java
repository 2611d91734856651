package org.proxima.examples.cli;

import picocli.CommandLine.Option;

/**
 * {@code --first-fit}: the training-set size of the first fit, shared by {@code md}, {@code serve} and
 * {@code si-vacancy}.
 */
final class FirstFitCliOption {

    @Option(names = "--first-fit", paramLabel = "N", description = "Fit the first model when the training set "
            + "reaches N points (default: the retrain interval), so a short --retrain-interval can refit often "
            + "without a first model fitted on fewer points.")
    Integer firstFit;

    /**
     * @return the size asked for, or null for the retrain interval
     * @throws IllegalArgumentException naming a value below 1
     */
    Integer resolve() {
        if (firstFit != null) {
            OptionChecks.atLeast("--first-fit", firstFit, 1);
        }
        return firstFit;
    }
}
