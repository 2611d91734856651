package org.proxima.core.blend;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.training.TrainingSet;

/**
 * Builds a {@link BlendingCalculator}. Defaults (per MD step; see docs/algorithm.md): n = 10 cosine blend steps,
 * the paper's fixed audit probability 0.2, the PROXIMA controller with window 8, uncertainty
 * {@link UncertaintyMetric#meanDeviationNorm()}, retrain interval 1024 target points, first fit when the set reaches
 * the retrain interval, no size cap, recency bias 1, uniform training weights, deterministic training, seed 0,
 * training set in memory. The
 * error target has no default. Nothing is trained here: a first fit on initial data happens at the first call.
 */
public final class BlendingCalculatorBuilder {
    final ForceCalculator target;
    final EnsembleSurrogate surrogate;
    double errorTarget = Double.NaN;
    int window = ProximaController.DEFAULT_WINDOW;
    ThresholdController controller;
    UncertaintyMetric metric = UncertaintyMetric.meanDeviationNorm();
    BlendSchedule schedule = BlendSchedule.cosine();
    int blendSteps = 10;
    double auditProbability = 0.2;
    AuditPolicy audits;
    double swapDiscount = AcceptedErrorEstimate.DEFAULT_SWAP_DISCOUNT;
    long seed;
    int retrainInterval = 1024;
    double retrainGrowth;
    int initialTrainingSize;
    int trainingMaxSize;
    double recencyBias = 1.0;
    TrainingMode mode = TrainingMode.DETERMINISTIC;
    TrainingWeights trainingWeights = TrainingWeights.UNIFORM;
    TrainingSet trainingSet;
    final List<TrainingPoint> initialData = new ArrayList<>();
    final List<TrainingPoint> replay = new ArrayList<>();
    final List<StepListener> listeners = new ArrayList<>();
    String firstNote;

    BlendingCalculatorBuilder(ForceCalculator target, EnsembleSurrogate surrogate) {
        this.target = Objects.requireNonNull(target, "target");
        this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
    }

    /**
     * @param value ε_target for the PROXIMA controller, eV/Å (≥ 0)
     * @return this
     */
    public BlendingCalculatorBuilder errorTarget(double value) {
        this.errorTarget = value;
        return this;
    }

    /**
     * @param value controller window h (≥ 1, default 8)
     * @return this
     */
    public BlendingCalculatorBuilder window(int value) {
        this.window = value;
        return this;
    }

    /**
     * Replaces the PROXIMA controller by another one (then {@link #errorTarget} is not needed).
     *
     * @param value the controller
     * @return this
     */
    public BlendingCalculatorBuilder controller(ThresholdController value) {
        this.controller = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value the uncertainty metric
     * @return this
     */
    public BlendingCalculatorBuilder uncertainty(UncertaintyMetric value) {
        this.metric = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value the blend schedule (default cosine)
     * @return this
     */
    public BlendingCalculatorBuilder schedule(BlendSchedule value) {
        this.schedule = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value n, steps of a full blend: 1 (or 0) is plain PROXIMA's hard switch (default 10)
     * @return this
     */
    public BlendingCalculatorBuilder blendSteps(int value) {
        this.blendSteps = value;
        return this;
    }

    /**
     * The paper's audit policy: a fixed probability per MD step.
     *
     * @param value probability that a usable step is audited, per MD step, in [0, 1] (default 0.2)
     * @return this
     */
    public BlendingCalculatorBuilder auditProbability(double value) {
        this.auditProbability = value;
        this.audits = null;
        return this;
    }

    /**
     * Replaces the fixed audit probability by another policy.
     *
     * @param value the policy
     * @return this
     */
    public BlendingCalculatorBuilder auditPolicy(AuditPolicy value) {
        this.audits = Objects.requireNonNull(value);
        return this;
    }

    /**
     * How much the audits of a replaced ensemble still count in the estimate of the accepted steps' error (the
     * estimate the step records report and the adaptive audit policy reads): every earlier audit's weight is
     * multiplied by this factor when a retrained ensemble is installed, so the estimate follows the ensemble in use
     * instead of remembering a young model's errors ({@link AcceptedErrorEstimate#modelSwapped}).
     *
     * @param value factor in (0, 1]; 1 keeps earlier audits at full weight (default
     *     {@value AcceptedErrorEstimate#DEFAULT_SWAP_DISCOUNT})
     * @return this
     */
    public BlendingCalculatorBuilder acceptedErrorSwapDiscount(double value) {
        this.swapDiscount = value;
        return this;
    }

    /**
     * @param value seed of the audit draws and of every training
     * @return this
     */
    public BlendingCalculatorBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /**
     * @param value refit after this many new target points (≥ 1, default 1024)
     * @return this
     */
    public BlendingCalculatorBuilder retrainInterval(int value) {
        this.retrainInterval = value;
        return this;
    }

    /**
     * Geometric retraining: refit only when the training set has grown by this fraction since the last fit as well
     * as by the retrain interval, so fits come every k points while the set is small and every f·N points later (a
     * model swap restarts the adaptive audits' boost and changes the UQ's scale, and a model fitted to N points
     * changes little after k ≪ N more). Default 0: every k points, as the paper's code.
     *
     * @param value the fraction f (≥ 0, finite; e.g. 0.1)
     * @return this
     */
    public BlendingCalculatorBuilder retrainGrowth(double value) {
        this.retrainGrowth = value;
        return this;
    }

    /**
     * @param value training-set size at which the first fit happens (default: the retrain interval)
     * @return this
     */
    public BlendingCalculatorBuilder initialTrainingSize(int value) {
        this.initialTrainingSize = value;
        return this;
    }

    /**
     * @param maxSize cap on training frames per member, 0 for none (the paper's NVT runs: 512)
     * @param bias newest/oldest sampling weight ratio when capping (1 = uniform)
     * @return this
     */
    public BlendingCalculatorBuilder trainingCap(int maxSize, double bias) {
        this.trainingMaxSize = maxSize;
        this.recencyBias = bias;
        return this;
    }

    /**
     * How much each target result weighs in the fits: uniform (default, the paper's code) or importance (an audit
     * weighs 1/p, the steps it stands for; see {@link TrainingWeights}).
     *
     * @param value the weighting
     * @return this
     */
    public BlendingCalculatorBuilder trainingWeights(TrainingWeights value) {
        this.trainingWeights = Objects.requireNonNull(value, "training weights");
        return this;
    }

    /**
     * @param value deterministic (default) or background training
     * @return this
     */
    public BlendingCalculatorBuilder trainingMode(TrainingMode value) {
        this.mode = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value where target results are kept (default in memory only)
     * @return this
     */
    public BlendingCalculatorBuilder trainingSet(TrainingSet value) {
        this.trainingSet = value;
        return this;
    }

    /**
     * @param points initial training data (added to the training set first)
     * @return this
     */
    public BlendingCalculatorBuilder initialData(List<TrainingPoint> points) {
        this.initialData.addAll(points);
        return this;
    }

    /**
     * Target results computed before an interruption and not yet covered by the checkpoint being resumed (a
     * training-set file's tail): a call at exactly the structure of the next one (bit for bit) gets it instead of a
     * new target call, so a resumed run repeats no target evaluation; the first mismatch drops the rest.
     *
     * @param points the results, in the order they were computed
     * @return this
     */
    public BlendingCalculatorBuilder replayTargetResults(List<TrainingPoint> points) {
        this.replay.addAll(points);
        return this;
    }

    /**
     * @param value receives every step record
     * @return this
     */
    public BlendingCalculatorBuilder listener(StepListener value) {
        this.listeners.add(Objects.requireNonNull(value));
        return this;
    }

    /**
     * @param value a note for the {@code event} of the first step record (e.g. that an outside driver owns the
     *     dynamics), or null
     * @return this
     */
    public BlendingCalculatorBuilder firstRecordNote(String value) {
        this.firstNote = value;
        return this;
    }

    /**
     * @return the calculator
     * @throws IllegalArgumentException naming the bad value
     */
    public BlendingCalculator build() {
        if (controller == null) {
            if (Double.isNaN(errorTarget)) {
                throw new IllegalArgumentException("An error target (eV/Å) is required for the PROXIMA "
                        + "controller: call errorTarget(...)");
            }
            if (!(errorTarget >= 0) || !Double.isFinite(errorTarget)) {
                throw new IllegalArgumentException("Error target must be ≥ 0 eV/Å, got " + errorTarget);
            }
            if (window < 1) {
                throw new IllegalArgumentException("Controller window must be ≥ 1, got " + window);
            }
            controller = new ProximaController(errorTarget, window);
        }
        if (audits == null) {
            audits = AuditPolicy.fixed(auditProbability);
        }
        if (blendSteps < 0) {
            throw new IllegalArgumentException("Blend steps n must be ≥ 0 (0 and 1 mean a hard switch), got "
                    + blendSteps);
        }
        if (retrainInterval < 1) {
            throw new IllegalArgumentException("Retrain interval must be ≥ 1 target points, got "
                    + retrainInterval);
        }
        if (!(retrainGrowth >= 0) || !Double.isFinite(retrainGrowth)) {
            throw new IllegalArgumentException("Retrain growth must be a finite fraction ≥ 0 of the training set, "
                    + "got " + retrainGrowth);
        }
        if (initialTrainingSize < 0 || trainingMaxSize < 0 || !(recencyBias > 0)) {
            throw new IllegalArgumentException("Initial training size and cap must be ≥ 0 and the recency bias "
                    + "positive, got " + initialTrainingSize + ", " + trainingMaxSize + ", " + recencyBias);
        }
        return new BlendingCalculator(this);
    }
}
