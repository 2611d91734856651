package org.proxima.examples.study;

import org.proxima.core.blend.StepSummary;

/** Receives the progress of runs (e.g. to draw a progress bar); called from the runs' threads. */
@FunctionalInterface
public interface ProgressSink {

    /**
     * @param run the run's name
     * @param step its current step
     * @param summary its step records so far (empty for target-only runs)
     */
    void update(String run, long step, StepSummary summary);
}
