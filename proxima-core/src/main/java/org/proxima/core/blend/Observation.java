package org.proxima.core.blend;

/**
 * One (UQ, error) pair for a {@link ThresholdController}, with the context it came from: a step where the target
 * ran with a trained surrogate. Audits are the only unbiased sample of the surrogate's error on the steps it would
 * have taken; weighting each by 1/p keeps estimates unbiased when the audit probability p varies.
 *
 * @param step the call (MD step) it came from
 * @param uncertainty the surrogate's UQ there
 * @param errorEvPerA the observed error max_i ‖F_target − F_surrogate‖, eV/Å
 * @param audited whether the step was usable and sent to the target by an audit
 * @param auditProbability the probability with which a usable step was audited at that call
 */
public record Observation(long step, double uncertainty, double errorEvPerA, boolean audited,
        double auditProbability) {

    /**
     * Validates.
     */
    public Observation {
        if (!Double.isFinite(uncertainty) || !Double.isFinite(errorEvPerA)) {
            throw new IllegalArgumentException("Controller inputs must be finite, got UQ " + uncertainty
                    + " and error " + errorEvPerA);
        }
        if (!(auditProbability >= 0 && auditProbability <= 1)) {
            throw new IllegalArgumentException("Audit probability must be in [0, 1], got " + auditProbability);
        }
    }
}
