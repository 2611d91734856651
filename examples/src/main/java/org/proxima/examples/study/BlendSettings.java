package org.proxima.examples.study;

import java.util.Map;
import java.util.LinkedHashMap;

import org.proxima.core.blend.BlendingCalculator;
import org.proxima.core.blend.BlendingCalculatorBuilder;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.surrogate.descriptor.DescriptorPreset;

/**
 * How a run uses the surrogate: the mode, the surrogate and its training plan, and the controller settings (per MD
 * step; see docs/algorithm.md).
 *
 * @param mode target only, PROXIMA or PROXIMA+BLEND
 * @param surrogate the surrogate family
 * @param plan retrain interval, cap, epochs
 * @param errorTargetEvPerA ε_target, eV/Å
 * @param auditProbability probability that a usable step is sent to the target anyway
 * @param blendSteps n (1 = hard switch)
 * @param window controller window h
 * @param control which controller and audit policy
 * @param start how the surrogate starts (untrained, initial data, a saved model)
 */
public record BlendSettings(StudyMode mode, SurrogateKind surrogate, TrainingPlan plan, double errorTargetEvPerA,
        double auditProbability, int blendSteps, int window, Control control, SurrogateStart start) {

    /** The paper's audit probability restated per MD step. */
    public static final double DEFAULT_AUDIT = 0.2;

    /** The paper's controller window. */
    public static final int DEFAULT_WINDOW = 8;

    /**
     * Validates.
     */
    public BlendSettings {
        java.util.Objects.requireNonNull(control, "control");
        java.util.Objects.requireNonNull(start, "start");
        if (!(errorTargetEvPerA >= 0) || !Double.isFinite(errorTargetEvPerA)) {
            throw new IllegalArgumentException("Error target must be ≥ 0 eV/Å, got " + errorTargetEvPerA);
        }
        if (!(auditProbability >= 0 && auditProbability <= 1)) {
            throw new IllegalArgumentException("Audit probability must be in [0, 1], got " + auditProbability);
        }
        if (blendSteps < 0 || window < 1) {
            throw new IllegalArgumentException("Need blend steps ≥ 0 and window ≥ 1, got " + blendSteps + ", "
                    + window);
        }
    }

    /**
     * @param value another mode (n becomes that mode's default)
     * @return a copy
     */
    public BlendSettings withMode(StudyMode value) {
        return new BlendSettings(value, surrogate, plan, errorTargetEvPerA, auditProbability,
                value.defaultBlendSteps(), window, control.forMode(value), start);
    }

    /**
     * The blending calculator of this mode (PROXIMA or PROXIMA+BLEND), configured but not built: a run gives it
     * its training set, listeners and replay, and builds it.
     *
     * @param target the target
     * @param ensemble the (untrained) ensemble
     * @param seed seed of the audits and trainings
     * @return the builder
     * @throws IllegalStateException for a mode without blending
     */
    public BlendingCalculatorBuilder builder(ForceCalculator target, EnsembleSurrogate ensemble, long seed) {
        if (!mode.blended()) {
            throw new IllegalStateException("The " + mode.label() + " mode runs without a blending calculator");
        }
        return BlendingCalculator.builder(target, ensemble).controller(control.controller(errorTargetEvPerA, window))
                .auditPolicy(control.auditPolicy(errorTargetEvPerA, auditProbability))
                .acceptedErrorSwapDiscount(control.swapDiscount()).trainingWeights(control.trainingWeights())
                .blendSteps(blendSteps)
                .seed(seed).retrainInterval(plan.retrainInterval()).retrainGrowth(plan.retrainGrowth())
                .initialTrainingSize(plan.effectiveFirstFitSize()).trainingCap(plan.maxSize(), 1.0);
    }

    /** @return a JSON-ready map of the settings that apply to the mode (only the mode for target-only runs) */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode.label());
        if (mode == StudyMode.TARGET) {
            return m;
        }
        m.put("surrogate", surrogate.label());
        m.put("retrain_interval", plan.retrainInterval());
        m.put("retrain_growth", plan.retrainGrowth());
        if (plan.firstFitSize() > 0) { // absent when the interval decides: older checkpoints resume as before
            m.put("first_fit_size", plan.firstFitSize());
        }
        m.put("training_max_size", plan.maxSize());
        m.put("epochs", plan.epochs());
        if (surrogate == SurrogateKind.LINEAR) {
            m.put("ridge", plan.ridge());
        }
        if (plan.descriptor() != DescriptorPreset.PAPER) {
            m.put("descriptor", plan.descriptor().label());
        }
        m.putAll(start.toMap());
        if (mode == StudyMode.SURROGATE) {
            return m;
        }
        m.put("error_target_eV_per_A", errorTargetEvPerA);
        m.put("audit_probability", auditProbability);
        m.put("blend_steps", blendSteps);
        m.put("window", window);
        m.putAll(control.toMap());
        return m;
    }
}
