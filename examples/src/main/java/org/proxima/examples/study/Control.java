package org.proxima.examples.study;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.proxima.core.blend.AcceptedErrorEstimate;
import org.proxima.core.blend.AdaptiveAuditPolicy;
import org.proxima.core.blend.AuditPolicy;
import org.proxima.core.blend.CalibratedController;
import org.proxima.core.blend.ProximaController;
import org.proxima.core.blend.ThresholdController;
import org.proxima.core.blend.TrainingWeights;

/**
 * Which controller and audit policy a blended run uses, and how the audits weigh in the fits: the paper's (PROXIMA's
 * linear controller, a fixed audit probability) or the calibrated controller with adaptive audits (docs/algorithm.md),
 * with uniform training weights unless importance weights are asked for.
 *
 * @param calibrated the calibrated controller instead of the paper's
 * @param errorQuantile for the calibrated controller: NaN for the mean sense, or the quantile q ∈ (0, 1)
 * @param adaptiveAudits the adaptive audit policy instead of the fixed probability
 * @param auditFloor the adaptive policy's floor (its ceiling is the run's audit probability)
 * @param swapDiscount factor on earlier audits' weight in the accepted-error estimate at each model swap, in (0, 1]
 * @param auditBoostCalls the adaptive policy's calls at its ceiling after a start, resume, retraining or model swap
 *     (≥ 0; {@link AdaptiveAuditPolicy#DEFAULT_BOOST_CALLS} by default)
 * @param trainingWeights how each target result weighs in the fits (uniform, the paper's, by default)
 */
public record Control(boolean calibrated, double errorQuantile, boolean adaptiveAudits, double auditFloor,
        double swapDiscount, int auditBoostCalls, TrainingWeights trainingWeights) {

    /** The paper's: PROXIMA controller, fixed audits, uniform training weights. */
    public static final Control PAPER = new Control(false, Double.NaN, false, AdaptiveAuditPolicy.DEFAULT_FLOOR,
            AcceptedErrorEstimate.DEFAULT_SWAP_DISCOUNT, AdaptiveAuditPolicy.DEFAULT_BOOST_CALLS,
            TrainingWeights.UNIFORM);

    /**
     * Validates.
     */
    public Control {
        java.util.Objects.requireNonNull(trainingWeights, "training weights");
        if (!Double.isNaN(errorQuantile) && !(errorQuantile > 0 && errorQuantile < 1)) {
            throw new IllegalArgumentException("The error quantile must be in (0, 1), got " + errorQuantile);
        }
        if (!(auditFloor >= 0 && auditFloor <= 1)) {
            throw new IllegalArgumentException("The audit floor must be in [0, 1], got " + auditFloor);
        }
        AcceptedErrorEstimate.requireSwapDiscount(swapDiscount);
        if (auditBoostCalls < 0) {
            throw new IllegalArgumentException("The audit boost must be ≥ 0 calls, got " + auditBoostCalls);
        }
    }

    /**
     * The settings of the studies' calibrated mode: the calibrated controller with adaptive audits, keeping this
     * one's error sense, floor, swap discount, boost and training weights.
     *
     * @return the settings
     */
    public Control forCalibratedMode() {
        return new Control(true, errorQuantile, true, auditFloor, swapDiscount, auditBoostCalls, trainingWeights);
    }

    /**
     * @param mode a study mode
     * @return the settings that mode runs with: {@link #forCalibratedMode()} for the calibrated mode, else these
     */
    public Control forMode(StudyMode mode) {
        return mode == StudyMode.CALIBRATED ? forCalibratedMode() : this;
    }

    /**
     * @param text {@code uniform} or {@code importance}
     * @return the weights
     * @throws IllegalArgumentException naming the bad value
     */
    public static TrainingWeights parseTrainingWeights(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "uniform" -> TrainingWeights.UNIFORM;
            case "importance" -> TrainingWeights.IMPORTANCE;
            default -> throw new IllegalArgumentException("Unknown training weights '" + text + "': expected uniform "
                    + "or importance");
        };
    }

    /**
     * @param text {@code proxima} or {@code calibrated}
     * @return whether it names the calibrated controller
     * @throws IllegalArgumentException naming the bad value
     */
    public static boolean parseController(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "proxima" -> false;
            case "calibrated" -> true;
            default -> throw new IllegalArgumentException("Unknown controller '" + text + "': expected proxima or "
                    + "calibrated");
        };
    }

    /**
     * @param text {@code fixed} or {@code adaptive}
     * @return whether it names the adaptive policy
     * @throws IllegalArgumentException naming the bad value
     */
    public static boolean parseAuditPolicy(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "fixed" -> false;
            case "adaptive" -> true;
            default -> throw new IllegalArgumentException("Unknown audit policy '" + text + "': expected fixed or "
                    + "adaptive");
        };
    }

    /**
     * @param errorTargetEvPerA ε_target, eV/Å
     * @param window the PROXIMA controller's window
     * @return the controller
     */
    public ThresholdController controller(double errorTargetEvPerA, int window) {
        if (!calibrated) {
            return new ProximaController(errorTargetEvPerA, window);
        }
        return Double.isNaN(errorQuantile) ? CalibratedController.mean(errorTargetEvPerA)
                : CalibratedController.quantile(errorTargetEvPerA, errorQuantile);
    }

    /**
     * @param errorTargetEvPerA ε_target, eV/Å
     * @param probability the fixed probability, or the adaptive policy's ceiling
     * @return the policy
     */
    public AuditPolicy auditPolicy(double errorTargetEvPerA, double probability) {
        return adaptiveAudits ? new AdaptiveAuditPolicy(errorTargetEvPerA, auditFloor, probability,
                auditBoostCalls) : AuditPolicy.fixed(probability);
    }

    /** @return a JSON-ready map */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("controller", calibrated ? "calibrated" : "proxima");
        if (calibrated) {
            m.put("error_sense", Double.isNaN(errorQuantile) ? "mean" : "quantile " + errorQuantile);
        }
        m.put("audit_policy", adaptiveAudits ? "adaptive" : "fixed");
        if (adaptiveAudits) {
            m.put("audit_floor", auditFloor);
            m.put("audit_swap_discount", swapDiscount);
            if (auditBoostCalls != AdaptiveAuditPolicy.DEFAULT_BOOST_CALLS) { // older checkpoints resume as before
                m.put("audit_boost_calls", auditBoostCalls);
            }
        }
        if (trainingWeights != TrainingWeights.UNIFORM) { // absent for uniform: older checkpoints resume as before
            m.put("training_weights", trainingWeights.name().toLowerCase(Locale.ROOT));
        }
        return m;
    }
}
