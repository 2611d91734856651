package org.proxima.md.run;

import java.util.Map;

import org.proxima.core.blend.BlendOutputs;

import org.proxima.md.MdState;

/**
 * How a {@link BlendedRun} ended.
 *
 * @param name the run's name
 * @param state the MD state at the end (live; the run is over)
 * @param stepsDone steps completed in this invocation (a resumed run counts from its checkpoint)
 * @param failure the error that stopped the run early (outputs kept up to the last completed step), or null
 * @param stoppedBySignal whether a termination signal stopped it (a checkpoint was written first)
 * @param wallSeconds wall time of the run, s, including the invocations before a resume
 * @param blend the blend's outputs (step summary, controller health, training set; files closed), or null for a
 *     plain run
 * @param errorTargetEvPerA the controller's ε_target, eV/Å (NaN for a plain run or a controller without one)
 */
public record RunResult(String name, MdState state, long stepsDone, String failure, boolean stoppedBySignal,
        double wallSeconds, BlendOutputs blend, double errorTargetEvPerA) {

    /** @return the blend's summary (counts, fractions, errors, controller condition), or null for a plain run */
    public Map<String, Object> blendSummary() {
        return blend == null ? null : blend.toMap(errorTargetEvPerA);
    }

    /** @return whether the run reached its last step */
    public boolean completed() {
        return failure == null && !stoppedBySignal;
    }
}
