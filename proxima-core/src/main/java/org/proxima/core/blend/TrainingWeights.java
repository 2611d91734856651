package org.proxima.core.blend;

/**
 * How much each target result weighs when the surrogate is fitted ({@link org.proxima.core.surrogate.TrainingPoint
 * #weight()}). A blended run does not sample the trajectory evenly: it calls the target on every step that fails
 * the UQ test, on every blend step of the ramps around them, and on an audited fraction p of the usable steps. Fitted
 * with equal weights, the training set over-represents the few places where the UQ was high (in the SW hop study, a
 * third of a replica's frames came from 0.3 % of its steps), and models trained on such sets hop measurably faster
 * than models trained on as many frames of the target's own trajectory (docs/results.md). Weighting each point by the
 * number of MD steps it stands for, 1/p for an audit (it samples the usable steps with probability p) and 1 for a
 * step the target ran anyway, makes the training loss an unbiased estimate of the loss over the whole run, as the
 * 1/p-weighted audits do for the accepted steps' error (importance-weighted least squares under covariate shift).
 */
public enum TrainingWeights {

    /** Every target result weighs 1 (the paper's code). */
    UNIFORM,

    /** An audited step weighs 1/p, with p the audit probability it was drawn with; every other target result 1. */
    IMPORTANCE;

    /**
     * @param audited whether the step was an audit
     * @param auditProbability the probability it was audited with, in (0, 1] when audited
     * @return the point's weight, MD steps (≥ 1)
     */
    public double weight(boolean audited, double auditProbability) {
        return this == IMPORTANCE && audited ? 1 / auditProbability : 1;
    }
}
