package org.proxima.core.blend;

import org.proxima.core.checkpoint.Checkpointable;

/**
 * How often a step that the controller declares usable is sent to the target anyway (an audit): the only unbiased
 * sample of the surrogate's error while it is in use. The calculator asks for the probability of each call before
 * it decides, draws from its own seeded counter-based stream (so the draws do not depend on the policy), and tells
 * the policy what happened at every step. The paper's is a fixed probability ({@link #fixed}).
 */
public interface AuditPolicy extends Checkpointable {

    /**
     * @param call the call (MD step) about to be decided
     * @return the probability, in [0, 1], that a usable step at this call is audited
     */
    double probability(long call);

    /**
     * Learns from the step just completed (a policy that adapts looks at retrainings, swaps, errors).
     *
     * @param record the step
     */
    default void onStep(StepRecord record) {
    }

    /**
     * The paper's policy: the same probability at every call; no state.
     *
     * @param probability in [0, 1]
     * @return the policy
     * @throws IllegalArgumentException naming a probability outside [0, 1]
     */
    static AuditPolicy fixed(double probability) {
        return new FixedAuditPolicy(probability);
    }
}
