package org.proxima.core.blend;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.proxima.core.calc.CalculationFailedException;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.training.TrainingSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PROXIMA+BLEND: a {@link ForceCalculator} that stands in for an expensive target F, trains an ensemble surrogate S
 * on the target's results as the run goes, and returns λ S + (1 − λ) F, with λ ramped over n steps by a
 * {@link BlendSchedule} as a {@link ThresholdController} declares the surrogate usable or not. See
 * docs/algorithm.md for the algorithm and where it deliberately differs from the paper's code.
 *
 * <p>Each call makes exactly one decision (one call per MD step; energy, forces and stress come together):
 * <ol>
 *   <li>predict with the ensemble and compute the UQ; a non-finite prediction or UQ sets i ← 0 and returns the pure
 *       target (the jump is booked as switching work), feeding nothing to the controller;</li>
 *   <li>usable = threshold exists ∧ UQ &lt; threshold; a usable step is audited (sent to the target) with
 *       probability p_audit;</li>
 *   <li>i ← clip(i ± 1, 0, n), + when usable and not audited; λ = schedule(i);</li>
 *   <li>usable, not audited and i = n: return the surrogate mean, no target call;</li>
 *   <li>otherwise call the target, return λ S + (1 − λ) F (pure F when i = 0), store the target result in the
 *       training set and feed (UQ, max_i ‖F − S̄‖) to the controller;</li>
 *   <li>every k new target points, refit (the first fit when the set reaches its initial size).</li>
 * </ol>
 * A retrained ensemble that arrives while the surrogate is in use is cross-faded in over n steps with the same
 * schedule, from whatever mixture was in use at its arrival; overlapping fades nest, so at most n + 1 ensembles are
 * alive ({@link CrossFade}). Every energy change that switching causes at fixed positions (λ changes, cross-fades,
 * the fall-back after a non-finite prediction) is booked as {@code blend_work_eV} ({@link SwitchingWork}). A target
 * failure leaves the calculator's state and training set as they were. Not
 * thread-safe (one MD loop per calculator); background training runs on its own thread and is swapped in at a
 * step boundary. {@link #close()} closes the target and the ensembles.
 */
public final class BlendingCalculator implements ForceCalculator {

    private static final Logger LOG = LoggerFactory.getLogger(BlendingCalculator.class);

    private final ForceCalculator target;
    private final UncertaintyMetric metric;
    private final ThresholdController controller;
    private final BlendSchedule schedule;
    private final int steps;
    private final double auditProbability;
    private final long seed;
    private final int retrainInterval;
    private final int initialTrainingSize;
    private final int trainingMaxSize;
    private final double recencyBias;
    private final TrainingMode mode;
    private final TrainingSet trainingSet;
    private final List<StepListener> listeners;
    private final Set<Property> properties;
    private final ExecutorService trainer;

    private EnsembleSurrogate model;
    private final CrossFade fade;
    private final SwitchingWork work = new SwitchingWork();
    private Future<EnsembleSurrogate.Trained> pending;
    private long calls;
    private int index;
    private long targetCalls;
    private long newPoints;
    private StepRecord lastRecord;
    private CalculationResult lastSurrogate;
    private CalculationResult lastTarget;
    private final List<org.proxima.core.surrogate.TrainingReport> reports = new ArrayList<>();

    private BlendingCalculator(Builder b) {
        this.target = b.target;
        this.model = b.surrogate;
        this.metric = b.metric;
        this.controller = b.controller != null ? b.controller : new ProximaController(b.errorTarget, b.window);
        this.schedule = b.schedule;
        this.steps = Math.max(1, b.blendSteps);
        this.fade = new CrossFade(model, schedule, steps);
        this.auditProbability = b.auditProbability;
        this.seed = b.seed;
        this.retrainInterval = b.retrainInterval;
        this.initialTrainingSize = b.initialTrainingSize > 0 ? b.initialTrainingSize : b.retrainInterval;
        this.trainingMaxSize = b.trainingMaxSize;
        this.recencyBias = b.recencyBias;
        this.mode = b.mode;
        this.trainingSet = b.trainingSet != null ? b.trainingSet : TrainingSet.inMemory();
        this.listeners = List.copyOf(b.listeners);
        EnumSet<Property> p = EnumSet.of(Property.ENERGY, Property.FORCES);
        if (target.implementedProperties().contains(Property.STRESS)
                && model.implementedProperties().contains(Property.STRESS)) {
            p.add(Property.STRESS);
        }
        this.properties = p;
        this.trainer = mode == TrainingMode.BACKGROUND ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "proxima-training");
            t.setDaemon(true);
            return t;
        }) : null;
        for (TrainingPoint point : b.initialData) {
            trainingSet.add(point);
        }
        if (!model.isTrained() && trainingSet.size() >= initialTrainingSize && trainingSet.size() > 0) {
            // initial data alone is enough for a first fit
            retrain(true);
        }
    }

    /**
     * Starts a builder.
     *
     * @param target the expensive calculator F
     * @param surrogate the ensemble S (untrained, or pretrained)
     * @return the builder
     */
    public static Builder builder(ForceCalculator target, EnsembleSurrogate surrogate) {
        return new Builder(target, surrogate);
    }

    @Override
    public Set<Property> implementedProperties() {
        return EnumSet.copyOf(properties);
    }

    @Override
    public String describe() {
        return "PROXIMA+BLEND(n=" + steps + ", target " + target.describe() + ")";
    }

    @Override
    public CalculationResult calculate(Structure structure) {
        swapInFinishedTraining();
        long t0 = System.nanoTime();
        EnsemblePrediction[] predictions = null;
        EnsemblePrediction prediction = null;
        double uq = Double.NaN;
        String event = null;
        boolean nonFinite = false;
        if (model.isTrained()) {
            predictions = fade.predict(structure);
            for (EnsemblePrediction p : predictions) {
                checkShape(p, structure);
                nonFinite |= !p.isFinite();
            }
            prediction = predictions[predictions.length - 1];
            uq = metric.uncertainty(prediction);
            if (nonFinite || !Double.isFinite(uq)) {
                LOG.warn("Step {}: non-finite surrogate prediction or uncertainty ({}); using the pure target", calls,
                        uq);
                event = "non-finite surrogate prediction";
                nonFinite = true;
                predictions = null;
                prediction = null;
                uq = Double.NaN;
            }
        }
        double surrogateSeconds = (System.nanoTime() - t0) / 1e9;

        OptionalDouble threshold = controller.threshold();
        boolean usable = prediction != null && threshold.isPresent() && uq < threshold.getAsDouble();
        boolean audited = usable && auditDraw(calls) < auditProbability;
        boolean useSurrogate = usable && !audited;
        int newIndex = nonFinite ? 0 : Math.max(0, Math.min(steps, index + (useSurrogate ? 1 : -1)));
        double lambda = schedule.lambda(newIndex, steps);
        CalculationResult surrogate = predictions == null ? null : fade.mixture(predictions, 1, properties);

        CalculationResult result;
        CalculationResult targetResult = null;
        double targetSeconds = 0;
        double error = Double.NaN;
        Source source;
        if (useSurrogate && newIndex == steps) {
            result = BlendMath.restrict(surrogate, properties);
            source = Source.SURROGATE;
        } else {
            long t1 = System.nanoTime();
            targetResult = target.calculate(structure); // a failure here leaves every field unchanged
            targetSeconds = (System.nanoTime() - t1) / 1e9;
            checkTarget(targetResult, structure);
            trainingSet.add(new TrainingPoint(structure, targetResult, calls));
            result = newIndex > 0 && surrogate != null ? BlendMath.mix(lambda, surrogate, targetResult, properties)
                    : BlendMath.restrict(targetResult, properties);
            source = newIndex > 0 && surrogate != null ? Source.BLEND : Source.TARGET;
            if (prediction != null) {
                error = BlendMath.maxForceError(targetResult, prediction.mean());
                controller.observe(uq, error);
            }
            targetCalls++;
            newPoints++;
        }

        double returnedLambda = source == Source.TARGET ? 0.0 : lambda;
        work.book(returnedLambda, predictions == null ? Double.NaN : fade.mixtureEnergyEv(predictions, 0),
                surrogate == null ? Double.NaN : surrogate.energyEv(),
                targetResult == null ? Double.NaN : targetResult.energyEv());
        index = newIndex;
        int modelsAlive = fade.size();
        fade.advance();
        long version = model.version();
        calls++;
        lastSurrogate = surrogate;
        lastTarget = targetResult;

        double trainingSeconds = 0;
        if (targetResult != null && wantsRetraining()) {
            long t2 = System.nanoTime();
            String e = retrain(false);
            trainingSeconds = (System.nanoTime() - t2) / 1e9;
            event = event == null ? e : event + "; " + e;
        }
        StepRecord record = new StepRecord(calls - 1, source, newIndex, returnedLambda, uq,
                threshold.orElse(Double.NaN), controller.alpha().orElse(Double.NaN), error, audited, targetCalls,
                version, modelsAlive, surrogateSeconds, targetSeconds, trainingSeconds, work.totalEv(), event);
        lastRecord = record;
        for (StepListener l : listeners) {
            l.onStep(record);
        }
        return result;
    }

    /** The k-th draw of a counter-based stream: a pure function of (seed, k), so nothing to roll back on failure. */
    private double auditDraw(long k) {
        return new SplittableRandom(seed + k * 0x9E3779B97F4A7C15L).nextDouble();
    }

    private boolean wantsRetraining() {
        if (pending != null) {
            return false;
        }
        return model.isTrained() ? newPoints >= retrainInterval : trainingSet.size() >= initialTrainingSize;
    }

    /** Starts (or, in deterministic mode, runs) a fit; returns an event note. */
    private String retrain(boolean atConstruction) {
        newPoints = 0;
        long version = model.version() + 1;
        EnsembleSurrogate.FitOptions options = new EnsembleSurrogate.FitOptions(version, seed + 7919 * version,
                trainingMaxSize, recencyBias);
        List<TrainingPoint> data = trainingSet.snapshot();
        EnsembleSurrogate current = model;
        if (mode == TrainingMode.BACKGROUND && !atConstruction) {
            pending = trainer.submit(() -> current.fit(data, options));
            return "retraining v" + version + " started on " + data.size() + " points";
        }
        try {
            EnsembleSurrogate.Trained t = current.fit(data, options);
            install(t);
            return "retrained v" + version + " on " + data.size() + " points";
        } catch (RuntimeException e) {
            LOG.error("Retraining v{} failed; keeping model v{}: {}", version, current.version(), e.getMessage());
            return "retraining v" + version + " failed: " + e.getMessage();
        }
    }

    private void swapInFinishedTraining() {
        if (pending == null || !pending.isDone()) {
            return;
        }
        try {
            install(pending.get());
        } catch (ExecutionException e) {
            LOG.error("Background retraining failed; keeping model v{}: {}", model.version(), e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pending = null;
        }
    }

    private void install(EnsembleSurrogate.Trained t) {
        reports.add(t.report());
        EnsembleSurrogate previous = model;
        model = t.ensemble();
        if (previous.isTrained() && work.lastLambda() > 0) {
            fade.fadeIn(model);
        } else {
            fade.replace(model);
        }
    }

    /**
     * Waits for a background training in flight, if any, and installs its result (for a clean checkpoint or a
     * deterministic hand-over). Does nothing in deterministic mode.
     */
    public void awaitTraining() {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (ExecutionException e) {
            // reported when swapped in
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        swapInFinishedTraining();
    }

    private static void checkShape(EnsemblePrediction p, Structure s) {
        if (p.atomCount() != s.size()) {
            throw new IllegalStateException("Surrogate returned forces for " + p.atomCount() + " atoms for a "
                    + s.size() + "-atom structure");
        }
    }

    private void checkTarget(CalculationResult r, Structure s) {
        if (!r.has(Property.FORCES) || r.atomCount() != s.size()) {
            throw new CalculationFailedException("Target " + target.describe() + " returned "
                    + (r.has(Property.FORCES) ? "forces for " + r.atomCount() + " atoms" : "no forces") + " for a "
                    + s.size() + "-atom structure");
        }
        if (!r.isFinite()) {
            throw new CalculationFailedException("Target " + target.describe() + " returned non-finite results");
        }
    }

    /** @return the record of the last call, or null before the first */
    public StepRecord lastRecord() {
        return lastRecord;
    }

    /** @return the surrogate's contribution at the last call (the ensemble mean, faded), or null */
    public CalculationResult lastSurrogateResult() {
        return lastSurrogate;
    }

    /** @return the target's result at the last call, or null if it did not run */
    public CalculationResult lastTargetResult() {
        return lastTarget;
    }

    /** @return the ensemble in use */
    public EnsembleSurrogate surrogate() {
        return model;
    }

    /** @return the controller */
    public ThresholdController controller() {
        return controller;
    }

    /** @return the training set */
    public TrainingSet trainingSet() {
        return trainingSet;
    }

    /** @return reports of every completed training, oldest first */
    public List<org.proxima.core.surrogate.TrainingReport> trainingReports() {
        return List.copyOf(reports);
    }

    /** @return n, the number of steps of a full blend */
    public int blendSteps() {
        return steps;
    }

    /** @return the ensembles being faded out during cross-fades, oldest first (empty when none) */
    public List<EnsembleSurrogate> fadingFromSurrogates() {
        List<EnsembleSurrogate> all = fade.models();
        return List.copyOf(all.subList(0, all.size() - 1));
    }

    /** @return the cumulative energy added by switching (λ changes, cross-fades, fall-backs), eV */
    public double blendWorkEv() {
        return work.totalEv();
    }

    /**
     * Captures the decision state (not the models or the training data).
     *
     * @return the state
     */
    public BlendingState captureState() {
        List<EnsembleSurrogate> all = fade.models();
        long[] versions = all.stream().mapToLong(EnsembleSurrogate::version).toArray();
        return new BlendingState(calls, index, targetCalls, newPoints, versions, fade.ages(), work.lastLambda(),
                work.lastSurrogateEnergyEv(), work.lastTargetEnergyEv(), work.totalEv(), controller.state());
    }

    /**
     * Restores a captured state. The calculator must hold the newest model of the state, and be given the models
     * being faded out (during cross-fades), oldest first.
     *
     * @param state the state
     * @param fadingFrom the models being faded out, oldest first (empty when none)
     */
    public void restoreState(BlendingState state, List<EnsembleSurrogate> fadingFrom) {
        long[] versions = state.modelVersions();
        if (versions[versions.length - 1] != model.version()) {
            throw new IllegalStateException("Saved state is for model version " + versions[versions.length - 1]
                    + " but this calculator holds version " + model.version());
        }
        List<EnsembleSurrogate> all = new ArrayList<>(fadingFrom);
        all.add(model);
        if (all.size() != versions.length) {
            throw new IllegalStateException("Saved state is in a cross-fade of " + versions.length
                    + " ensembles; give the " + (versions.length - 1) + " being faded out, got " + fadingFrom.size());
        }
        for (int k = 0; k < versions.length; k++) {
            if (all.get(k).version() != versions[k]) {
                throw new IllegalStateException("Saved state fades from model version " + versions[k]
                        + " at position " + k + " but was given version " + all.get(k).version());
            }
        }
        calls = state.calls();
        index = state.blendIndex();
        fade.restore(all, state.fadeAges());
        targetCalls = state.targetCalls();
        newPoints = state.newPoints();
        work.restore(state.blendWorkEv(), state.lastLambda(), state.lastSurrogateEnergyEv(),
                state.lastTargetEnergyEv());
        controller.restore(state.controller());
    }

    @Override
    public void close() {
        if (trainer != null) {
            trainer.shutdownNow();
        }
        trainingSet.close();
        fade.close();
        target.close();
    }

    /**
     * Builds a {@link BlendingCalculator}. Defaults (per MD step; see docs/algorithm.md): n = 10 cosine blend
     * steps, audit probability 0.2, window 8, uncertainty {@link UncertaintyMetric#meanDeviationNorm()},
     * retrain interval 1024 target points, first fit when the set reaches the retrain interval, no size cap,
     * recency bias 1, deterministic training, seed 0, training set in memory. The error target has no default.
     */
    public static final class Builder {
        private final ForceCalculator target;
        private final EnsembleSurrogate surrogate;
        private double errorTarget = Double.NaN;
        private int window = ProximaController.DEFAULT_WINDOW;
        private ThresholdController controller;
        private UncertaintyMetric metric = UncertaintyMetric.meanDeviationNorm();
        private BlendSchedule schedule = BlendSchedule.cosine();
        private int blendSteps = 10;
        private double auditProbability = 0.2;
        private long seed;
        private int retrainInterval = 1024;
        private int initialTrainingSize;
        private int trainingMaxSize;
        private double recencyBias = 1.0;
        private TrainingMode mode = TrainingMode.DETERMINISTIC;
        private TrainingSet trainingSet;
        private final List<TrainingPoint> initialData = new ArrayList<>();
        private final List<StepListener> listeners = new ArrayList<>();

        private Builder(ForceCalculator target, EnsembleSurrogate surrogate) {
            this.target = Objects.requireNonNull(target, "target");
            this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
        }

        /**
         * @param value ε_target for the PROXIMA controller, eV/Å (≥ 0)
         * @return this
         */
        public Builder errorTarget(double value) {
            this.errorTarget = value;
            return this;
        }

        /**
         * @param value controller window h (≥ 1, default 8)
         * @return this
         */
        public Builder window(int value) {
            this.window = value;
            return this;
        }

        /**
         * Replaces the PROXIMA controller by another one (then {@link #errorTarget} is not needed).
         *
         * @param value the controller
         * @return this
         */
        public Builder controller(ThresholdController value) {
            this.controller = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value the uncertainty metric
         * @return this
         */
        public Builder uncertainty(UncertaintyMetric value) {
            this.metric = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value the blend schedule (default cosine)
         * @return this
         */
        public Builder schedule(BlendSchedule value) {
            this.schedule = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value n, steps of a full blend: 1 (or 0) is plain PROXIMA's hard switch (default 10)
         * @return this
         */
        public Builder blendSteps(int value) {
            this.blendSteps = value;
            return this;
        }

        /**
         * @param value probability that a usable step is audited, per MD step, in [0, 1] (default 0.2)
         * @return this
         */
        public Builder auditProbability(double value) {
            this.auditProbability = value;
            return this;
        }

        /**
         * @param value seed of the audit draws and of every training
         * @return this
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param value refit after this many new target points (≥ 1, default 1024)
         * @return this
         */
        public Builder retrainInterval(int value) {
            this.retrainInterval = value;
            return this;
        }

        /**
         * @param value training-set size at which the first fit happens (default: the retrain interval)
         * @return this
         */
        public Builder initialTrainingSize(int value) {
            this.initialTrainingSize = value;
            return this;
        }

        /**
         * @param maxSize cap on training frames per member, 0 for none (the paper's NVT runs: 512)
         * @param bias newest/oldest sampling weight ratio when capping (1 = uniform)
         * @return this
         */
        public Builder trainingCap(int maxSize, double bias) {
            this.trainingMaxSize = maxSize;
            this.recencyBias = bias;
            return this;
        }

        /**
         * @param value deterministic (default) or background training
         * @return this
         */
        public Builder trainingMode(TrainingMode value) {
            this.mode = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value where target results are kept (default in memory only)
         * @return this
         */
        public Builder trainingSet(TrainingSet value) {
            this.trainingSet = value;
            return this;
        }

        /**
         * @param points initial training data (added to the training set first)
         * @return this
         */
        public Builder initialData(List<TrainingPoint> points) {
            this.initialData.addAll(points);
            return this;
        }

        /**
         * @param value receives every step record
         * @return this
         */
        public Builder listener(StepListener value) {
            this.listeners.add(Objects.requireNonNull(value));
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
            }
            if (!(auditProbability >= 0 && auditProbability <= 1)) {
                throw new IllegalArgumentException("Audit probability must be in [0, 1], got " + auditProbability);
            }
            if (blendSteps < 0) {
                throw new IllegalArgumentException("Blend steps n must be ≥ 0 (0 and 1 mean a hard switch), got "
                        + blendSteps);
            }
            if (retrainInterval < 1) {
                throw new IllegalArgumentException("Retrain interval must be ≥ 1 target points, got "
                        + retrainInterval);
            }
            if (initialTrainingSize < 0 || trainingMaxSize < 0 || !(recencyBias > 0)) {
                throw new IllegalArgumentException("Initial training size and cap must be ≥ 0 and the recency bias "
                        + "positive, got " + initialTrainingSize + ", " + trainingMaxSize + ", " + recencyBias);
            }
            return new BlendingCalculator(this);
        }
    }
}
