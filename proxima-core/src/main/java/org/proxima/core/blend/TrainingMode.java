package org.proxima.core.blend;

/** How the {@link BlendingCalculator} retrains its surrogate. */
public enum TrainingMode {
    /**
     * Train at once, inside the call that added the k-th new point; the dynamics wait. Same seed and inputs give
     * the same sequence of steps. Default for tests and the studies.
     */
    DETERMINISTIC,
    /**
     * Train on a background thread while the dynamics continue with the current ensemble; the new one is swapped
     * in at the start of the first call after the training finished. Faster in wall time when the target is slow,
     * but when the swap happens depends on timing, so runs are not reproducible step for step.
     */
    BACKGROUND
}
