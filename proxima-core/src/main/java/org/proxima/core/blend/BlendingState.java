package org.proxima.core.blend;

/**
 * Everything of a {@link BlendingCalculator} that determines its future decisions, apart from the models and the
 * training data: counters, blending and cross-fade indices, the controller's state, the audit stream position and
 * the energy bookkeeping. Captured by {@link BlendingCalculator#captureState()}, restored exactly by
 * {@link BlendingCalculator#restoreState}.
 *
 * @param calls calls made (the audit stream position)
 * @param blendIndex blending index i
 * @param fadeIndex cross-fade index j (−1 when no cross-fade is running)
 * @param targetCalls target evaluations
 * @param newPoints target points since the last (re)training was started
 * @param modelVersion version of the model in use
 * @param fadingFromVersion version of the model being faded out, or −1
 * @param lastLambda λ of the last result
 * @param lastTargetEnergyEv the most recent target energy, eV (NaN before the first)
 * @param blendWorkEv cumulative switching work, eV
 * @param controller the controller's state
 */
public record BlendingState(long calls, int blendIndex, int fadeIndex, long targetCalls, long newPoints,
        long modelVersion, long fadingFromVersion, double lastLambda, double lastTargetEnergyEv, double blendWorkEv,
        ControllerState controller) {
}
