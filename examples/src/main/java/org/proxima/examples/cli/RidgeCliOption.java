package org.proxima.examples.cli;

import org.proxima.surrogate.linear.LinearEnsemble;

import picocli.CommandLine.Option;

/**
 * {@code --ridge}: the linear ensemble's regularisation, shared by {@code md}, {@code si-vacancy} and {@code train}.
 */
final class RidgeCliOption {

    @Option(names = "--ridge", paramLabel = "LAMBDA", description = "Linear surrogate: ridge λ relative to the mean "
            + "diagonal of the normal matrix (default " + LinearEnsemble.DEFAULT_RIDGE + "; smaller fits closer, "
            + "docs/surrogates.md). Ignored by nn.")
    Double ridge;

    /**
     * @return the ridge asked for, or null for the default
     * @throws IllegalArgumentException naming a negative or non-finite value
     */
    Double resolve() {
        if (ridge != null) {
            OptionChecks.nonNegative("--ridge", ridge);
        }
        return ridge;
    }

    /** @return the ridge asked for, or the linear ensemble's default */
    double resolveOrDefault() {
        Double r = resolve();
        return r != null ? r : LinearEnsemble.DEFAULT_RIDGE;
    }
}
