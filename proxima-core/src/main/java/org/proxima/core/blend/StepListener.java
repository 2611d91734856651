package org.proxima.core.blend;

/** Receives every {@link StepRecord} of a {@link BlendingCalculator}, in order. */
@FunctionalInterface
public interface StepListener {

    /**
     * @param record the step just completed
     */
    void onStep(StepRecord record);
}
