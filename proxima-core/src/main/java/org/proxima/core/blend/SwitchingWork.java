package org.proxima.core.blend;

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
final class SwitchingWork {

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

    /**
     * Restores a captured state.
     *
     * @param totalEv cumulative work, eV
     * @param lambda λ of the last result
     * @param surrogateEv most recent surrogate mixture energy, eV
     * @param targetEv most recent target energy, eV
     */
    void restore(double totalEv, double lambda, double surrogateEv, double targetEv) {
        total = totalEv;
        lastLambda = lambda;
        lastSurrogateEnergy = surrogateEv;
        lastTargetEnergy = targetEv;
    }
}
