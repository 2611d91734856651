package org.proxima.examples.cli;

import org.proxima.surrogate.descriptor.DescriptorPreset;
import org.proxima.surrogate.linear.LinearEnsemble;

import picocli.CommandLine.Option;

/**
 * How the surrogate ensemble is built: {@code --ridge} (the linear ensemble's regularisation) and
 * {@code --descriptor} (the descriptor parameters), shared by {@code md}, {@code serve}, {@code si-vacancy} and
 * {@code train}.
 */
final class EnsembleCliOptions {

    @Option(names = "--ridge", paramLabel = "LAMBDA", description = "Linear surrogate: ridge λ relative to the mean "
            + "diagonal of the normal matrix (default " + LinearEnsemble.DEFAULT_RIDGE + "; smaller fits closer, "
            + "docs/surrogates.md). Ignored by nn.")
    Double ridge;

    @Option(names = "--descriptor", paramLabel = "paper|extended|three-body", description = "Descriptor parameters: "
            + "paper (the paper's ANI set, 48 features per atom; default), extended (128 ANI features, which a linear "
            + "ensemble fits SW about 40%% closer with) or three-body (a complete three-body basis, 212 features; "
            + "on SW, itself a three-body potential, close to exact; docs/surrogates.md).")
    String descriptor;

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

    /**
     * @return the descriptor preset asked for, or null for the default (the paper's)
     * @throws IllegalArgumentException naming an unknown value
     */
    DescriptorPreset descriptor() {
        return descriptor == null ? null : DescriptorPreset.parse(descriptor);
    }

    /** @return the descriptor preset asked for, or the paper's */
    DescriptorPreset descriptorOrDefault() {
        DescriptorPreset d = descriptor();
        return d != null ? d : DescriptorPreset.PAPER;
    }
}
