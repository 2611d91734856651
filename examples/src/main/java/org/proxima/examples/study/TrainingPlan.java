package org.proxima.examples.study;

import java.util.Objects;

import org.proxima.surrogate.descriptor.DescriptorPreset;
import org.proxima.surrogate.linear.LinearEnsemble;

/**
 * When and how the surrogate is (re)trained during a run.
 *
 * @param retrainInterval refit after this many new target points; the first fit happens when the training set
 *     reaches this size, unless {@code firstFitSize} says otherwise
 * @param maxSize cap on training frames per member, 0 for none
 * @param epochs epochs per training (NN only)
 * @param retrainGrowth geometric retraining: a refit also waits until the training set has grown by this fraction
 *     since the last fit (0: every {@code retrainInterval} points, as the paper's code)
 * @param ridge the linear ensemble's ridge λ, relative to the mean diagonal of its normal matrix (linear only; NN
 *     runs ignore it)
 * @param descriptor the descriptor parameters the ensemble is built on (both kinds)
 * @param firstFitSize training-set size at which the first fit happens, or 0 for the retrain interval (so a short
 *     interval can refit often without fitting the first model on fewer points)
 */
public record TrainingPlan(int retrainInterval, int maxSize, int epochs, double retrainGrowth, double ridge,
        DescriptorPreset descriptor, int firstFitSize) {

    /** Retrain interval of the linear ensemble, target points (see {@link #defaults}). */
    public static final int LINEAR_RETRAIN_INTERVAL = 64;

    /**
     * Retrain growth of the calibrated mode: refit once the set has grown by 10 % (and by the retrain interval).
     * Derived in pilot hop runs (seeds 1001–1008, docs/results.md): with the linear ensemble's fixed interval of 64
     * points a 40 000-step pilot run swapped models 170–350 times, each restarting the adaptive audits' boost at the
     * ceiling and shifting the UQ's scale under the calibrated controller; at 10 % it swaps 35–45 times.
     */
    public static final double CALIBRATED_RETRAIN_GROWTH = 0.1;

    /**
     * Validates.
     */
    public TrainingPlan {
        Objects.requireNonNull(descriptor, "descriptor");
        if (retrainInterval < 1 || maxSize < 0 || epochs < 0 || !(retrainGrowth >= 0)
                || !Double.isFinite(retrainGrowth) || !(ridge >= 0) || !Double.isFinite(ridge) || firstFitSize < 0) {
            throw new IllegalArgumentException("Need retrain interval ≥ 1, training cap ≥ 0, epochs ≥ 0, "
                    + "retrain growth ≥ 0, ridge ≥ 0 and first-fit size ≥ 0; got " + retrainInterval + ", " + maxSize
                    + ", " + epochs + ", " + retrainGrowth + ", " + ridge + ", " + firstFitSize);
        }
    }

    /**
     * A fixed interval (no geometric growth), the first fit at that interval, the linear ensemble's default ridge
     * ({@link LinearEnsemble#DEFAULT_RIDGE}) and the paper's descriptors.
     *
     * @param retrainInterval refit after this many new target points
     * @param maxSize cap on training frames per member, 0 for none
     * @param epochs epochs per training (NN only)
     */
    public TrainingPlan(int retrainInterval, int maxSize, int epochs) {
        this(retrainInterval, maxSize, epochs, 0, LinearEnsemble.DEFAULT_RIDGE, DescriptorPreset.PAPER, 0);
    }

    /**
     * @param value the retrain growth fraction
     * @return a copy with it
     */
    public TrainingPlan withRetrainGrowth(double value) {
        return new TrainingPlan(retrainInterval, maxSize, epochs, value, ridge, descriptor, firstFitSize);
    }

    /**
     * @param value the linear ensemble's relative ridge, or null to keep this plan's
     * @return a copy with it
     */
    public TrainingPlan withRidge(Double value) {
        return value == null ? this
                : new TrainingPlan(retrainInterval, maxSize, epochs, retrainGrowth, value, descriptor, firstFitSize);
    }

    /**
     * @param value the descriptor preset, or null to keep this plan's
     * @return a copy with it
     */
    public TrainingPlan withDescriptor(DescriptorPreset value) {
        return value == null ? this
                : new TrainingPlan(retrainInterval, maxSize, epochs, retrainGrowth, ridge, value, firstFitSize);
    }

    /**
     * @param value the training-set size of the first fit, or null to keep this plan's
     * @return a copy with it
     */
    public TrainingPlan withFirstFitSize(Integer value) {
        return value == null ? this
                : new TrainingPlan(retrainInterval, maxSize, epochs, retrainGrowth, ridge, descriptor, value);
    }

    /** @return the training-set size at which the first fit happens: {@code firstFitSize}, or the retrain interval */
    public int effectiveFirstFitSize() {
        return firstFitSize > 0 ? firstFitSize : retrainInterval;
    }

    /**
     * @param mode the run's mode
     * @param growth the growth asked for, or null for the mode's default ({@link #CALIBRATED_RETRAIN_GROWTH} for the
     *     calibrated mode, 0 otherwise)
     * @return a copy with the growth that applies
     */
    public TrainingPlan forMode(StudyMode mode, Double growth) {
        double fallback = mode == StudyMode.CALIBRATED ? CALIBRATED_RETRAIN_GROWTH : 0;
        return withRetrainGrowth(growth != null ? growth : fallback);
    }

    /**
     * The defaults. NN: the paper's, NPT retrains every 1024 target points with 32 epochs and no cap (a single
     * training in a 2048-step run), NVT every 512 with a 512-frame cap and 16 epochs. Linear: every
     * {@value #LINEAR_RETRAIN_INTERVAL} target points, no cap. 64 frames of 63 atoms give 64 × 189 force equations
     * for the 49 parameters of a member, so the first fit is already well determined; an incremental refit costs
     * one frame's descriptors per new point and one 49 × 49 solve (milliseconds), so refitting often costs nothing
     * and lets the model follow the trajectory, while the first fit comes 16 times earlier than the NN's.
     *
     * @param kind the surrogate
     * @param npt true for the NPT study, false for NVT
     * @return the plan
     */
    public static TrainingPlan defaults(SurrogateKind kind, boolean npt) {
        return switch (kind) {
            case NN -> npt ? new TrainingPlan(1024, 0, 32) : new TrainingPlan(512, 512, 16);
            case LINEAR -> new TrainingPlan(LINEAR_RETRAIN_INTERVAL, 0, 0);
        };
    }
}
