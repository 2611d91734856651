package org.proxima.examples.study;

import java.util.List;
import java.util.Locale;

import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.surrogate.descriptor.AniParameters;
import org.proxima.surrogate.descriptor.DescriptorPreset;
import org.proxima.surrogate.linear.LinearEnsemble;
import org.proxima.surrogate.nn.NnEnsemble;
import org.proxima.surrogate.nn.NnSettings;

/** The surrogate families the studies and {@code proxima md} offer. */
public enum SurrogateKind {
    /** ANI neural-network ensemble on DJL/PyTorch (the paper's surrogate). */
    NN("nn"),
    /** Linear ensemble on the same descriptors (pure Java, refits in about a second). */
    LINEAR("linear");

    private final String label;

    SurrogateKind(String label) {
        this.label = label;
    }

    /** @return the name used on the command line and in outputs */
    public String label() {
        return label;
    }

    /**
     * @param text {@code nn} or {@code linear}
     * @return the kind
     * @throws IllegalArgumentException naming the bad value
     */
    public static SurrogateKind parse(String text) {
        for (SurrogateKind k : values()) {
            if (k.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown surrogate '" + text + "': expected nn or linear");
    }

    /**
     * Loads an ensemble saved by this kind's {@code save}.
     *
     * @param dir the directory
     * @return the ensemble
     */
    public EnsembleSurrogate load(java.nio.file.Path dir) {
        return switch (this) {
            case NN -> NnEnsemble.load(dir);
            case LINEAR -> LinearEnsemble.load(dir);
        };
    }

    /**
     * Saves an ensemble of this kind.
     *
     * @param model the ensemble (trained)
     * @param dir the directory
     */
    public void save(EnsembleSurrogate model, java.nio.file.Path dir) {
        switch (this) {
            case NN -> ((NnEnsemble) model).save(dir);
            case LINEAR -> ((LinearEnsemble) model).save(dir);
            default -> throw new IllegalStateException();
        }
    }

    /**
     * An untrained ensemble of two members.
     *
     * @param species element symbols
     * @param epochs epochs per training (NN only)
     * @param ridge the ridge relative to the mean diagonal of the normal matrix (linear only)
     * @param descriptor the descriptor parameters' preset
     * @param seed seed of initial weights (NN) or bootstrap weights (linear)
     * @return the ensemble
     */
    public EnsembleSurrogate create(List<String> species, int epochs, double ridge, DescriptorPreset descriptor,
            long seed) {
        AniParameters params = descriptor.parameters(species);
        return switch (this) {
            case NN -> NnEnsemble.untrained(params, NnSettings.defaults().withEpochs(epochs), seed);
            case LINEAR -> LinearEnsemble.untrained(params, LinearEnsemble.DEFAULT_MEMBERS, ridge, seed);
        };
    }
}
