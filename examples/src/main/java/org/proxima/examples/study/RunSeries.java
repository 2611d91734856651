package org.proxima.examples.study;

import org.proxima.core.blend.Source;
import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.core.blend.StepRecord;
import org.proxima.md.analysis.DoubleSeries;
import org.proxima.md.observe.Observer;
import org.proxima.md.observe.Snapshot;

/**
 * Per-step series of a run for plots and analyses: time, volume and, for blended runs, the blend weight λ, the
 * source, the UQ and the threshold of the step's force call (from the step record its result carries). An
 * {@link Observer}; read the arrays after the run.
 */
public final class RunSeries implements Observer, Checkpointable {

    private final DoubleSeries time = new DoubleSeries();
    private final DoubleSeries volume = new DoubleSeries();
    private final DoubleSeries lambda = new DoubleSeries();
    private final DoubleSeries source = new DoubleSeries();
    private final DoubleSeries uq = new DoubleSeries();
    private final DoubleSeries threshold = new DoubleSeries();
    private final DoubleSeries auditProbability = new DoubleSeries();
    private long firstTrainedStep = -1;
    private long targetCallsAtFirstTraining;

    /** An empty series; the blend's values come from the step record each result carries. */
    public RunSeries() {
    }

    @Override
    public void observe(Snapshot s) {
        time.add(s.timeFs());
        volume.add(s.volumeA3());
        StepRecord r = s.result().annotation(StepRecord.class).orElse(null);
        lambda.add(r == null ? 0 : r.lambda());
        source.add(r == null ? Source.TARGET.ordinal() : r.source().ordinal());
        uq.add(r == null ? Double.NaN : r.uncertainty());
        threshold.add(r == null ? Double.NaN : r.threshold());
        auditProbability.add(r == null ? Double.NaN : r.auditProbability());
        if (firstTrainedStep < 0 && r != null && r.modelVersion() > 0) {
            firstTrainedStep = s.step();
            targetCallsAtFirstTraining = r.targetCalls();
        }
    }

    @Override
    public StateMap saveState() {
        return new StateMap().putDoubles("time", time.toArray()).putDoubles("volume", volume.toArray())
                .putDoubles("lambda", lambda.toArray()).putDoubles("source", source.toArray())
                .putDoubles("uq", uq.toArray()).putDoubles("threshold", threshold.toArray())
                .putDoubles("audit_probability", auditProbability.toArray())
                .putLong("first_trained_step", firstTrainedStep)
                .putLong("target_calls_at_first_training", targetCallsAtFirstTraining);
    }

    @Override
    public void restoreState(StateMap m) {
        time.setAll(m.getDoubles("time"));
        volume.setAll(m.getDoubles("volume"));
        lambda.setAll(m.getDoubles("lambda"));
        source.setAll(m.getDoubles("source"));
        uq.setAll(m.getDoubles("uq"));
        threshold.setAll(m.getDoubles("threshold"));
        auditProbability.setAll(m.getDoubles("audit_probability"));
        firstTrainedStep = m.getLong("first_trained_step");
        targetCallsAtFirstTraining = m.getLong("target_calls_at_first_training");
    }

    /** @return the audit probability of each step's decision (NaN where no decision was made) */
    public double[] auditProbabilities() {
        return auditProbability.toArray();
    }

    /** @return target calls up to and including the first step with a trained surrogate (0 if none) */
    public long targetCallsAtFirstTraining() {
        return targetCallsAtFirstTraining;
    }

    /** @return times, fs */
    public double[] timesFs() {
        return time.toArray();
    }

    /** @return volumes, Å³ */
    public double[] volumesA3() {
        return volume.toArray();
    }

    /** @return surrogate weight λ per step */
    public double[] lambdas() {
        return lambda.toArray();
    }

    /** @return source per step ({@link Source} ordinal) */
    public double[] sources() {
        return source.toArray();
    }

    /** @return UQ per step, eV/Å (NaN where none) */
    public double[] uncertainties() {
        return uq.toArray();
    }

    /** @return threshold per step, eV/Å (NaN where none) */
    public double[] thresholds() {
        return threshold.toArray();
    }

    /** @return the first observed step with a trained surrogate, or −1 */
    public long firstTrainedStep() {
        return firstTrainedStep;
    }
}
