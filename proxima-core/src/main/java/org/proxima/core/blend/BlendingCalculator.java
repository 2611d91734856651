package org.proxima.core.blend;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;

import org.proxima.core.calc.CalculationFailedException;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.Ensembles;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.surrogate.TrainingReport;
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
 *   <li>usable = threshold exists ∧ UQ &lt; threshold; a usable step is audited (sent to the target) with the
 *       {@link AuditPolicy}'s probability;</li>
 *   <li>i ← clip(i ± 1, 0, n), + when usable and not audited; λ = schedule(i);</li>
 *   <li>usable, not audited and i = n: return the surrogate mean, no target call;</li>
 *   <li>otherwise call the target, return λ S + (1 − λ) F (pure F when i = 0), store the target result in the
 *       training set (with the weight {@link TrainingWeights} gives it) and feed (UQ, max_i ‖F − S̄‖) with the
 *       step's context to the controller;</li>
 *   <li>every k new target points, refit (the first fit when the set reaches its initial size).</li>
 * </ol>
 * The result carries the step's {@link StepRecord} as its annotation, and every {@link StepListener} receives it.
 * A retrained ensemble that arrives while the surrogate is in use is cross-faded in over n steps with the same
 * schedule, from whatever mixture was in use at its arrival; overlapping fades nest, so at most n + 1 ensembles are
 * alive ({@link CrossFade}). Every energy change that switching causes at fixed positions (λ changes, cross-fades,
 * the fall-back after a non-finite prediction) is booked as {@code blend_work_eV} ({@link SwitchingWork}). A target
 * failure leaves the calculator's state and training set as they were. Not thread-safe (one MD loop per
 * calculator); background training runs on its own thread and is swapped in at a step boundary. Audits feed the
 * {@link AcceptedErrorEstimate}, which discounts them at each swap of ensembles. {@link #saveState()} captures
 * everything that decides the future (ensembles included); {@link #close()} closes the target, the training set
 * and the ensembles.
 */
public final class BlendingCalculator implements ForceCalculator, Checkpointable {

    private static final Logger LOG = LoggerFactory.getLogger(BlendingCalculator.class);

    private final ForceCalculator target;
    private final UncertaintyMetric metric;
    private final ThresholdController controller;
    private final AuditPolicy audits;
    private final BlendSchedule schedule;
    private final int steps;
    private final long seed;
    private final TrainingSet trainingSet;
    private final List<StepListener> listeners;
    private final Set<Property> properties;
    private final Retrainer retrainer;
    private final CrossFade fade;
    private final SwitchingWork work = new SwitchingWork();
    private final AcceptedErrorEstimate acceptedError;
    private final TrainingWeights trainingWeights;

    private EnsembleSurrogate model;
    private boolean started;
    private boolean speciesChecked;
    private final String firstNote;
    private long calls;
    private int index;
    private long targetCalls;
    private StepRecord lastRecord;
    private CalculationResult lastSurrogate;
    private CalculationResult lastTarget;

    /** What the ensemble said about one structure. */
    private record Prediction(EnsemblePrediction[] all, EnsemblePrediction newest, double uq, boolean nonFinite,
            double seconds) {
    }

    /** What one call decided (with the weight its target result, if any, gets in the fits). */
    private record Decision(double threshold, boolean audited, boolean useSurrogate, int index, double lambda,
            double auditProbability, double trainingWeight) { }

    BlendingCalculator(BlendingCalculatorBuilder b) {
        this.target = b.replay.isEmpty() ? b.target : new ReplayingTarget(b.target, b.replay);
        this.model = b.surrogate;
        this.metric = b.metric;
        this.controller = b.controller;
        this.audits = b.audits;
        this.acceptedError = new AcceptedErrorEstimate(AcceptedErrorEstimate.DEFAULT_FORGETTING, b.swapDiscount);
        this.schedule = b.schedule;
        this.trainingWeights = b.trainingWeights;
        this.steps = Math.max(1, b.blendSteps);
        this.seed = b.seed;
        this.trainingSet = b.trainingSet != null ? b.trainingSet : TrainingSet.inMemory();
        this.listeners = List.copyOf(b.listeners);
        this.firstNote = b.firstNote;
        EnumSet<Property> p = EnumSet.of(Property.ENERGY, Property.FORCES);
        if (target.implementedProperties().contains(Property.STRESS)
                && model.implementedProperties().contains(Property.STRESS)) {
            p.add(Property.STRESS);
        }
        this.properties = p;
        this.retrainer = new Retrainer(b.mode, b.retrainInterval, b.retrainGrowth,
                b.initialTrainingSize > 0 ? b.initialTrainingSize : b.retrainInterval, b.trainingMaxSize,
                b.recencyBias, b.seed);
        this.fade = new CrossFade(model, schedule, steps);
        b.initialData.forEach(trainingSet::add);
    }

    /**
     * Starts a builder.
     *
     * @param target the expensive calculator F
     * @param surrogate the ensemble S (untrained, or pretrained)
     * @return the builder
     */
    public static BlendingCalculatorBuilder builder(ForceCalculator target, EnsembleSurrogate surrogate) {
        return new BlendingCalculatorBuilder(target, surrogate);
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
        double trainingSeconds = start(structure);
        String finished = retrainer.takeFinished(model, this::install);
        Prediction p = predict(structure);
        Decision d = decide(p);
        CalculationResult surrogate = p.all() == null ? null : fade.mixture(p.all(), 1, properties);
        CalculationResult result;
        CalculationResult targetResult = null;
        double targetSeconds = 0;
        double error = Double.NaN;
        Source source;
        if (d.useSurrogate() && d.index() == steps) {
            result = BlendMath.restrict(surrogate, properties);
            source = Source.SURROGATE;
        } else {
            long t1 = System.nanoTime();
            targetResult = target.calculate(structure); // a failure here leaves every field unchanged
            targetSeconds = (System.nanoTime() - t1) / 1e9;
            checkTarget(targetResult, structure);
            trainingSet.add(new TrainingPoint(structure, targetResult, calls, d.trainingWeight()));
            boolean blend = d.index() > 0 && surrogate != null;
            result = blend ? BlendMath.mix(d.lambda(), surrogate, targetResult, properties)
                    : BlendMath.restrict(targetResult, properties);
            source = blend ? Source.BLEND : Source.TARGET;
            if (p.newest() != null) {
                error = BlendMath.maxForceError(targetResult, p.newest().mean());
                controller.observe(new Observation(calls, p.uq(), error, d.audited(), d.auditProbability()));
            }
            targetCalls++;
            retrainer.pointAdded();
        }
        double lambda = source == Source.TARGET ? 0.0 : d.lambda();
        work.book(lambda, p.all() == null ? Double.NaN : fade.mixtureEnergyEv(p.all(), 0),
                surrogate == null ? Double.NaN : surrogate.energyEv(),
                targetResult == null ? Double.NaN : targetResult.energyEv());
        index = d.index();
        int alive = fade.size();
        fade.advance();
        long version = model.version();
        calls++;
        lastSurrogate = surrogate;
        lastTarget = targetResult;
        if (d.audited()) {
            acceptedError.add(error, d.auditProbability()); // before a retraining: it audited the ensemble in use
        }
        String retrained = null;
        if (targetResult != null && retrainer.due(model, trainingSet)) {
            long t2 = System.nanoTime();
            retrained = retrainer.retrain(model, trainingSet, false, this::install);
            trainingSeconds += (System.nanoTime() - t2) / 1e9;
        }
        String event = StepRecord.joinEvents(calls == 1 ? firstNote : null, p.nonFinite() ? "non-finite surrogate "
                + "prediction" : null, finished, retrained);
        StepRecord record = new StepRecord(calls - 1, source, d.index(), lambda, p.uq(), d.threshold(),
                controller.alpha().orElse(Double.NaN), error, d.audited(), d.auditProbability(), targetCalls,
                version, alive, p.seconds(), targetSeconds, trainingSeconds, work.totalEv(), acceptedError.estimate(),
                event);
        publish(record);
        return result.withAnnotation(record);
    }

    /** First call: the surrogate must know the elements; a first fit on initial data if they suffice (wall s). */
    private double start(Structure structure) {
        if (!speciesChecked) {
            Ensembles.requireSpecies(model, structure);
            speciesChecked = true;
        }
        if (started) {
            return 0;
        }
        started = true;
        if (!retrainer.initialFitDue(model, trainingSet)) {
            return 0;
        }
        long t0 = System.nanoTime();
        retrainer.retrain(model, trainingSet, true, this::install);
        return (System.nanoTime() - t0) / 1e9;
    }

    private Prediction predict(Structure structure) {
        if (!model.isTrained()) {
            return new Prediction(null, null, Double.NaN, false, 0);
        }
        long t0 = System.nanoTime();
        EnsemblePrediction[] all = fade.predict(structure);
        boolean nonFinite = false;
        for (EnsemblePrediction p : all) {
            Ensembles.requireAtomCount(p, structure);
            nonFinite |= !p.isFinite();
        }
        EnsemblePrediction newest = all[all.length - 1];
        double uq = metric.uncertainty(newest);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (nonFinite || !Double.isFinite(uq)) {
            LOG.warn("Step {}: non-finite surrogate prediction or uncertainty ({}); using the pure target", calls, uq);
            return new Prediction(null, null, Double.NaN, true, seconds);
        }
        return new Prediction(all, newest, uq, false, seconds);
    }

    private Decision decide(Prediction p) {
        if (p.newest() != null) {
            controller.uncertainty(calls, p.uq());
        }
        OptionalDouble threshold = controller.threshold();
        double probability = audits.probability(calls);
        boolean usable = p.newest() != null && threshold.isPresent() && p.uq() < threshold.getAsDouble();
        boolean audited = usable && auditDraw(calls) < probability;
        boolean useSurrogate = usable && !audited;
        int newIndex = p.nonFinite() ? 0 : Math.max(0, Math.min(steps, index + (useSurrogate ? 1 : -1)));
        return new Decision(threshold.orElse(Double.NaN), audited, useSurrogate, newIndex,
                schedule.lambda(newIndex, steps), probability, trainingWeights.weight(audited, probability));
    }

    private void publish(StepRecord record) {
        lastRecord = record;
        audits.onStep(record);
        for (StepListener l : listeners) {
            l.onStep(record);
        }
    }

    /** The k-th draw of a counter-based stream: a pure function of (seed, k), so nothing to roll back on failure. */
    private double auditDraw(long k) {
        return new SplittableRandom(seed + k * 0x9E3779B97F4A7C15L).nextDouble();
    }

    private void install(EnsembleSurrogate.Trained t) {
        EnsembleSurrogate previous = model;
        model = t.ensemble();
        if (previous.isTrained()) {
            acceptedError.modelSwapped();
        }
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
        retrainer.await(model, this::install);
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

    /** @return the surrogate's contribution at the last call (the ensemble mixture), or null */
    public CalculationResult lastSurrogateResult() {
        return lastSurrogate;
    }

    /** @return the target's result at the last call, or null if it did not run */
    public CalculationResult lastTargetResult() {
        return lastTarget;
    }

    /** @return the ensemble in use for decisions (the newest) */
    public EnsembleSurrogate surrogate() {
        return model;
    }

    /** @return the ensembles being faded out during cross-fades, oldest first (empty when none) */
    public List<EnsembleSurrogate> fadingFromSurrogates() {
        List<EnsembleSurrogate> all = fade.models();
        return List.copyOf(all.subList(0, all.size() - 1));
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
    public List<TrainingReport> trainingReports() {
        return retrainer.reports();
    }

    /** @return n, the number of steps of a full blend */
    public int blendSteps() {
        return steps;
    }

    /** @return the cumulative energy added by switching (λ changes, cross-fades, fall-backs), eV */
    public double blendWorkEv() {
        return work.totalEv();
    }

    /**
     * Everything that decides the calculator's future: counters, the blending index, the audit stream position,
     * every alive ensemble (their own maps, so the checkpoint holds them) with its fade age, the switching work, the
     * controller's and the audit policy's state. Waits for a background training in flight first. The training set
     * is not included (it is a file the run keeps).
     *
     * @return the state
     */
    @Override
    public StateMap saveState() {
        awaitTraining();
        return new StateMap().putLong("calls", calls).putLong("blend_index", index).putLong("target_calls",
                targetCalls).putBoolean("started", started).putState("retraining", retrainer.saveState())
                .putState("fade", fade.saveState()).putState("work", work.saveState())
                .putState("controller", controller.saveState()).putState("audits", audits.saveState())
                .putState("accepted_error", acceptedError.saveState());
    }

    /**
     * Restores a state written by {@link #saveState()}; the ensembles are read back with their registered
     * {@link org.proxima.core.surrogate.EnsembleFormat}s and replace the ones this calculator was built with.
     *
     * @param state the state
     */
    @Override
    public void restoreState(StateMap state) {
        model = fade.restoreState(state.getState("fade"));
        calls = state.getLong("calls");
        index = (int) state.getLong("blend_index");
        targetCalls = state.getLong("target_calls");
        started = state.getBoolean("started");
        retrainer.restoreState(state.getState("retraining"));
        work.restoreState(state.getState("work"));
        controller.restoreState(state.getState("controller"));
        audits.restoreState(state.getState("audits"));
        acceptedError.restoreState(state.getState("accepted_error"));
    }

    @Override
    public void close() {
        retrainer.close();
        trainingSet.close();
        fade.close();
        target.close();
    }
}
