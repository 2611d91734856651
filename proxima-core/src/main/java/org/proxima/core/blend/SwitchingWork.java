package org.proxima.core.blend;

import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;

/**
 * The energy the blending calculator adds by switching at fixed positions: changes of λ, cross-fades of retrained
 * ensembles, and the hard fall-back to the target after a non-finite prediction. With E = λ C + (1 − λ) F returned,
 * C the surrogate mixture and F the target, the change of E between two calls at the same positions is exactly
 * <pre>
 * ΔE = (λ′ − λ)(C − F) + λ′ (C′ − C)
 * </pre>
 * with C the mixture at the previous call's fade weights and C′ at this call's, both evaluated at this call's
 * positions. Where the target did not run at this call (a pure-surrogate step) F is its most recent energy; where
 * the surrogate's prediction is not finite (then λ′ = 0) C is its most recent finite mixture energy. Those two
 * substitutions are first-order in the step's displacement; at fixed positions the booked work equals the change
 * of the returned energy to rounding. Mutable; part of the calculator's checkpointed state.
 */
final class SwitchingWork implements Checkpointable {

    private double total;
    private double lastLambda;
    private double lastSurrogateEnergy = Double.NaN;
    private double lastTargetEnergy = Double.NaN;

    /**
     * Books one call.
     *
     * @param lambda λ′ of the returned result (0 when the target alone was returned)
     * @param surrogateBefore C: the mixture's energy at the previous fade weights, eV (NaN if not predicted)
     * @param surrogateNow C′: the mixture's energy at this call's fade weights, eV (NaN if not predicted)
     * @param targetNow F: the target's energy at this call, eV (NaN if it did not run)
     */
    void book(double lambda, double surrogateBefore, double surrogateNow, double targetNow) {
        double f = Double.isFinite(targetNow) ? targetNow : lastTargetEnergy;
        double c = Double.isFinite(surrogateBefore) ? surrogateBefore : lastSurrogateEnergy;
        if (lambda != lastLambda && Double.isFinite(c) && Double.isFinite(f)) {
            total += (lambda - lastLambda) * (c - f);
        }
        if (lambda != 0 && Double.isFinite(surrogateNow) && Double.isFinite(surrogateBefore)) {
            total += lambda * (surrogateNow - surrogateBefore);
        }
        lastLambda = lambda;
        if (Double.isFinite(surrogateNow)) {
            lastSurrogateEnergy = surrogateNow;
        }
        if (Double.isFinite(targetNow)) {
            lastTargetEnergy = targetNow;
        }
    }

    /** @return the cumulative work, eV */
    double totalEv() {
        return total;
    }

    /** @return λ of the last returned result */
    double lastLambda() {
        return lastLambda;
    }

    /** @return the most recent finite surrogate mixture energy, eV (NaN before the first) */
    double lastSurrogateEnergyEv() {
        return lastSurrogateEnergy;
    }

    /** @return the most recent target energy, eV (NaN before the first) */
    double lastTargetEnergyEv() {
        return lastTargetEnergy;
    }

    @Override
    public StateMap saveState() {
        return new StateMap().putDouble("blend_work_eV", total).putDouble("last_lambda", lastLambda)
                .putDouble("last_surrogate_energy_eV", lastSurrogateEnergy)
                .putDouble("last_target_energy_eV", lastTargetEnergy);
    }

    @Override
    public void restoreState(StateMap state) {
        total = state.getDouble("blend_work_eV");
        lastLambda = state.getDouble("last_lambda");
        lastSurrogateEnergy = state.getDouble("last_surrogate_energy_eV");
        lastTargetEnergy = state.getDouble("last_target_energy_eV");
    }
}
