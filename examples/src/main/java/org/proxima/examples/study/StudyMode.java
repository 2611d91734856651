package org.proxima.examples.study;

import java.util.Locale;

/**
 * The three ways the studies run the dynamics: the target at every step, PROXIMA with a hard switch between target
 * and surrogate (n = 1), and PROXIMA+BLEND (n = 10 by default).
 */
public enum StudyMode {
    /** Target at every step (the reference). */
    TARGET("target", 0),
    /** PROXIMA: hard switch (n = 1). */
    PROXIMA("proxima", 1),
    /** PROXIMA+BLEND: cosine blend over n steps (default 10). */
    BLEND("blend", 10);

    private final String label;
    private final int defaultBlendSteps;

    StudyMode(String label, int defaultBlendSteps) {
        this.label = label;
        this.defaultBlendSteps = defaultBlendSteps;
    }

    /** @return the name used on the command line and in outputs */
    public String label() {
        return label;
    }

    /** @return n for this mode unless overridden (0 for the target mode) */
    public int defaultBlendSteps() {
        return defaultBlendSteps;
    }

    /**
     * @param text {@code target}, {@code proxima} or {@code blend}
     * @return the mode
     * @throws IllegalArgumentException naming the bad value
     */
    public static StudyMode parse(String text) {
        for (StudyMode m : values()) {
            if (m.label.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown mode '" + text + "': expected target, proxima or blend");
    }
}
