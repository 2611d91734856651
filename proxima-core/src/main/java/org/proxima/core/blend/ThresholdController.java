package org.proxima.core.blend;

import java.util.OptionalDouble;

import org.proxima.core.checkpoint.Checkpointable;

/**
 * Maintains the uncertainty threshold below which the surrogate may be used, from (UQ, observed error) pairs of
 * steps where the target ran and the surrogate was trained. Users can plug their own controller; the reference is
 * {@link ProximaController}. A controller's whole state goes into checkpoints through {@link Checkpointable}, in
 * whatever shape it needs.
 */
public interface ThresholdController extends Checkpointable {

    /** @return the current threshold, or empty while there is none (then the surrogate is never used) */
    OptionalDouble threshold();

    /** @return the error bound ε_target the controller works to, eV/Å, or NaN if it has none */
    default double errorTargetEvPerA() {
        return Double.NaN;
    }

    /**
     * Whether the threshold is bounded by the data (it cannot wind up past the UQ values the controller has seen), so
     * a threshold that only grows is a surrogate beating the bound, not a controller that stopped controlling
     * ({@link ControllerHealth} then does not call it saturated). The default, false, suits an integrating controller
     * such as {@link ProximaController}.
     *
     * @return whether the threshold is bounded
     */
    default boolean bounded() {
        return false;
    }

    /** @return the controller's current gain α (error per unit UQ) where it has one, for the step records */
    default OptionalDouble alpha() {
        return OptionalDouble.empty();
    }

    /**
     * Sees the UQ of every step with a trained surrogate, before its decision (a controller that models the
     * distribution of the UQ uses it; the default ignores it).
     *
     * @param step the call
     * @param uncertainty the UQ
     */
    default void uncertainty(long step, double uncertainty) {
    }

    /**
     * Feeds one pair from a step where the target ran.
     *
     * @param observation the pair and whether (and with what probability) it came from an audit
     */
    void observe(Observation observation);
}
