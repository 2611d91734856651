package org.proxima.surrogate.descriptor;

import java.util.List;
import java.util.Locale;

/**
 * Named sets of ANI descriptor parameters that the surrogates are built on; users with their own set pass
 * {@link AniParameters} directly.
 */
public enum DescriptorPreset {
    /** The paper's code's parameters, {@link AniParameters#paperDefaults} (48 features per atom for one species). */
    PAPER("paper"),
    /** The finer set of {@link AniParameters#extended} (128 features per atom for one species). */
    EXTENDED("extended"),
    /** The complete three-body basis of {@link AniParameters#threeBody} (212 features per atom for one species). */
    THREE_BODY("three-body");

    private final String label;

    DescriptorPreset(String label) {
        this.label = label;
    }

    /** @return the name used on the command line and in outputs */
    public String label() {
        return label;
    }

    /**
     * @param species element symbols, in the order that defines the feature blocks
     * @return this preset's parameters for them
     */
    public AniParameters parameters(List<String> species) {
        return switch (this) {
            case PAPER -> AniParameters.paperDefaults(species);
            case EXTENDED -> AniParameters.extended(species);
            case THREE_BODY -> AniParameters.threeBody(species);
        };
    }

    /**
     * @param text {@code paper}, {@code extended} or {@code three-body} (case and surrounding blanks ignored)
     * @return the preset
     * @throws IllegalArgumentException naming the bad value
     */
    public static DescriptorPreset parse(String text) {
        for (DescriptorPreset p : values()) {
            if (p.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown descriptor '" + text + "': expected paper, extended or three-body");
    }
}
