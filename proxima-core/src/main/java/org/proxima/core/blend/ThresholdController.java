package org.proxima.core.blend;

import java.util.OptionalDouble;

/**
 * Maintains the uncertainty threshold below which the surrogate may be used, from (UQ, observed error) pairs of
 * steps where the target ran and the surrogate was trained. Users can plug their own controller; the reference is
 * {@link ProximaController}.
 */
public interface ThresholdController {

    /** @return the current threshold, or empty while there is none (then the surrogate is never used) */
    OptionalDouble threshold();

    /** @return the current α (error per unit UQ), or empty */
    OptionalDouble alpha();

    /**
     * Feeds one pair from a step where the target ran.
     *
     * @param uncertainty the surrogate's UQ at that step
     * @param errorEvPerA the observed error max_i ‖F_target − F_surrogate‖, eV/Å
     */
    void observe(double uncertainty, double errorEvPerA);

    /** @return the complete state, for capture and exact restore */
    ControllerState state();

    /**
     * Restores a state captured by {@link #state()}.
     *
     * @param state the state
     */
    void restore(ControllerState state);
}
