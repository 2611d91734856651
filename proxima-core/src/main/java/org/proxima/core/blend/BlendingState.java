package org.proxima.core.blend;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everything of a {@link BlendingCalculator} that determines its future decisions, apart from the models and the
 * training data: counters, the blending index, the cross-fade (which ensembles are alive and how far each has faded
 * in), the controller's state, the audit stream position and the energy bookkeeping. Captured by
 * {@link BlendingCalculator#captureState()}, restored exactly by {@link BlendingCalculator#restoreState}.
 *
 * @param calls calls made (the audit stream position)
 * @param blendIndex blending index i
 * @param targetCalls target evaluations
 * @param newPoints target points since the last (re)training was started
 * @param modelVersions versions of the ensembles alive, oldest first; the last is the one in use for decisions
 * @param fadeAges steps since each of those ensembles arrived (n or more: fully faded in)
 * @param lastLambda λ of the last result
 * @param lastSurrogateEnergyEv the most recent finite surrogate (mixture) energy, eV (NaN before the first)
 * @param lastTargetEnergyEv the most recent target energy, eV (NaN before the first)
 * @param blendWorkEv cumulative switching work, eV
 * @param controller the controller's state
 */
public record BlendingState(long calls, int blendIndex, long targetCalls, long newPoints, long[] modelVersions,
        int[] fadeAges, double lastLambda, double lastSurrogateEnergyEv, double lastTargetEnergyEv,
        double blendWorkEv, ControllerState controller) {

    /**
     * Validates and copies.
     */
    public BlendingState {
        if (modelVersions.length == 0 || modelVersions.length != fadeAges.length) {
            throw new IllegalArgumentException("Need one fade age per alive ensemble (at least one), got "
                    + modelVersions.length + " versions and " + fadeAges.length + " ages");
        }
        modelVersions = modelVersions.clone();
        fadeAges = fadeAges.clone();
    }

    /** @return the version of the ensemble in use for decisions */
    public long modelVersion() {
        return modelVersions[modelVersions.length - 1];
    }

    @Override
    public long[] modelVersions() {
        return modelVersions.clone();
    }

    @Override
    public int[] fadeAges() {
        return fadeAges.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlendingState s && calls == s.calls && blendIndex == s.blendIndex
                && targetCalls == s.targetCalls && newPoints == s.newPoints
                && Arrays.equals(modelVersions, s.modelVersions) && Arrays.equals(fadeAges, s.fadeAges)
                && Double.compare(lastLambda, s.lastLambda) == 0
                && Double.compare(lastSurrogateEnergyEv, s.lastSurrogateEnergyEv) == 0
                && Double.compare(lastTargetEnergyEv, s.lastTargetEnergyEv) == 0
                && Double.compare(blendWorkEv, s.blendWorkEv) == 0 && Objects.equals(controller, s.controller);
    }

    @Override
    public int hashCode() {
        return Objects.hash(calls, blendIndex, targetCalls, Arrays.hashCode(modelVersions), blendWorkEv);
    }

    @Override
    public String toString() {
        return "BlendingState[calls=" + calls + ", i=" + blendIndex + ", targetCalls=" + targetCalls + ", versions="
                + Arrays.toString(modelVersions) + ", ages=" + Arrays.toString(fadeAges) + ", work=" + blendWorkEv
                + "]";
    }
}
