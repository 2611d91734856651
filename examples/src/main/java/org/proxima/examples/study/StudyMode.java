package org.proxima.examples.study;

import java.util.Locale;

/**
 * The ways the studies run the dynamics: the target at every step, PROXIMA with a hard switch between target and
 * surrogate (n = 1), PROXIMA+BLEND (n = 10 by default), PROXIMA+BLEND with the calibrated controller and adaptive
 * audits, and the surrogate alone, trained once on target frames of an independent run and then frozen (the
 * baseline a user would otherwise pick; it shows the surrogate's own bias).
 */
public enum StudyMode {
    /** Target at every step (the reference). */
    TARGET("target", 0, "Target only", "target only"),
    /** PROXIMA: hard switch (n = 1). */
    PROXIMA("proxima", 1, "Proxima", "PROXIMA"),
    /** PROXIMA+BLEND: cosine blend over n steps (default 10). */
    BLEND("blend", 10, "Proxima+Blend", "PROXIMA+BLEND"),
    /** PROXIMA+BLEND with the calibrated controller and adaptive audits (beyond the paper). */
    CALIBRATED("calibrated", 10, "Proxima+Blend, calibrated", "PROXIMA+BLEND calibrated"),
    /** The surrogate alone, trained once and frozen: no target call, audit or retraining. */
    SURROGATE("surrogate", 0, "Surrogate only", "surrogate only");

    private final String label;
    private final int defaultBlendSteps;
    private final String title;
    private final String plotLabel;

    StudyMode(String label, int defaultBlendSteps, String title, String plotLabel) {
        this.label = label;
        this.defaultBlendSteps = defaultBlendSteps;
        this.title = title;
        this.plotLabel = plotLabel;
    }

    /** @return the name used on the command line and in outputs */
    public String label() {
        return label;
    }

    /** @return the row name in comparison tables */
    public String title() {
        return title;
    }

    /** @return the legend name in figures */
    public String plotLabel() {
        return plotLabel;
    }

    /** @return n for this mode unless overridden (0 for the modes without a controller) */
    public int defaultBlendSteps() {
        return defaultBlendSteps;
    }

    /** @return whether the run goes through a blending calculator (controller, audits, training on the fly) */
    public boolean blended() {
        return this == PROXIMA || this == BLEND || this == CALIBRATED;
    }

    /**
     * @param text {@code target}, {@code proxima}, {@code blend} or {@code surrogate}
     * @return the mode
     * @throws IllegalArgumentException naming the bad value
     */
    public static StudyMode parse(String text) {
        for (StudyMode m : values()) {
            if (m.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown mode '" + text + "': expected target, proxima, blend, calibrated "
                + "or surrogate");
    }
}
