package org.proxima.core.blend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.core.io.OutputFiles;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.training.TrainingSet;

/**
 * What a blended calculation writes and accumulates, whoever drives it (an MD run in Proxima, or an external code
 * through a force server): the step records (JSON lines), the training set (every target result, extended XYZ,
 * flushed per point), the step summary and the controller-health monitor. On a fresh start the files are created
 * (truncated); on resume they are cut back to the sizes a checkpoint recorded, and the target results written after
 * the checkpoint are returned for replay ({@link BlendingCalculatorBuilder#replayTargetResults}), so none is computed
 * twice. Register {@link #listeners()} and {@link #trainingSet()} with the calculator's builder
 * ({@link #attachTo}). Checkpointable: the summary and monitor continue exactly after a resume.
 */
public final class BlendOutputs implements Checkpointable, AutoCloseable {

    private static final int FLUSH_EVERY = 64;

    private final Path stepRecordFile;
    private final Path trainingFile;
    private final StepRecordWriter records;
    private final TrainingSet trainingSet;
    private final List<TrainingPoint> replay;
    private boolean continued;
    private final StepSummary summary = new StepSummary();
    private final ControllerHealth health = new ControllerHealth();

    private BlendOutputs(Path stepRecordFile, Path trainingFile, StepRecordWriter records, TrainingSet trainingSet,
            List<TrainingPoint> replay) {
        this.stepRecordFile = stepRecordFile;
        this.trainingFile = trainingFile;
        this.records = records;
        this.trainingSet = trainingSet;
        this.replay = List.copyOf(replay);
    }

    /**
     * Creates the outputs of a fresh start (files created or truncated).
     *
     * @param stepRecords step-record file, or null for none
     * @param training training-set file, or null to keep the training set in memory
     * @return the outputs
     */
    public static BlendOutputs create(Path stepRecords, Path training) {
        return new BlendOutputs(stepRecords, training,
                stepRecords == null ? null : StepRecordWriter.create(stepRecords, FLUSH_EVERY),
                training == null ? TrainingSet.inMemory() : TrainingSet.createFile(training), List.of());
    }

    /**
     * Continues the outputs of a checkpointed run: each file is cut back to the size in {@code sizes} (written by
     * {@link #fileSizes()}), the training set is read back, and the points written after the checkpoint become the
     * replay.
     *
     * @param stepRecords step-record file, or null for none
     * @param training training-set file, or null to keep the training set in memory
     * @param sizes the file sizes the checkpoint recorded
     * @return the outputs
     */
    public static BlendOutputs resume(Path stepRecords, Path training, StateMap sizes) {
        if (stepRecords != null && sizes.has("steps") && sizes.getRaw("steps") != null) {
            OutputFiles.cutBack(stepRecords, sizes.getLong("steps"));
        }
        List<TrainingPoint> tail = List.of();
        if (training != null && sizes.has("training") && sizes.getRaw("training") != null) {
            tail = TrainingSet.truncate(training, sizes.getLong("training"));
        }
        BlendOutputs o = new BlendOutputs(stepRecords, training,
                stepRecords == null ? null : StepRecordWriter.append(stepRecords, FLUSH_EVERY),
                training == null ? TrainingSet.inMemory() : TrainingSet.continueFile(training), tail);
        o.continued = true;
        return o;
    }

    /**
     * Gives a calculator's builder the training set, the listeners and the replay, and tells the health monitor
     * which controller it watches ({@link ControllerHealth#watch}; give the builder its controller first). On a
     * resume with a training-set file, the builder's initial data are dropped: the file read back already holds
     * them.
     *
     * @param builder the builder
     * @return the builder
     */
    public BlendingCalculatorBuilder attachTo(BlendingCalculatorBuilder builder) {
        if (trainingFile != null && continued) {
            builder.initialData.clear(); // the training set read back already begins with them
        }
        builder.trainingSet(trainingSet).replayTargetResults(replay);
        health.watch(builder.controller);
        listeners().forEach(builder::listener);
        return builder;
    }

    /** @return the listeners to register: summary, health monitor and step-record writer */
    public List<StepListener> listeners() {
        List<StepListener> l = new ArrayList<>(List.of(summary, health));
        if (records != null) {
            l.add(records);
        }
        return l;
    }

    /** @return the training set (owned and closed by the calculator it is given to) */
    public TrainingSet trainingSet() {
        return trainingSet;
    }

    /** @return target results written after the resumed checkpoint, oldest first (empty on a fresh start) */
    public List<TrainingPoint> replay() {
        return replay;
    }

    /** @return the step summary */
    public StepSummary summary() {
        return summary;
    }

    /** @return the controller-health monitor */
    public ControllerHealth health() {
        return health;
    }

    /** Writes buffered step records (before a checkpoint records the sizes). */
    public void flush() {
        if (records != null) {
            records.flush();
        }
    }

    /** @return the current sizes of the files, bytes (null where there is no file), for a checkpoint */
    public StateMap fileSizes() {
        flush();
        return new StateMap().putRaw("steps", OutputFiles.size(stepRecordFile))
                .putRaw("training", OutputFiles.size(trainingFile));
    }

    /**
     * The blend's part of a run summary: counts, fractions and errors of the step summary against ε_target, the
     * training-set size and the controller's condition.
     *
     * @param errorTargetEvPerA ε_target (NaN if the controller has none)
     * @return a JSON-ready map
     */
    public Map<String, Object> toMap(double errorTargetEvPerA) {
        Map<String, Object> m = new LinkedHashMap<>(summary.toMap(errorTargetEvPerA));
        m.put("training_points", trainingSet.size());
        m.putAll(health.toMap());
        return m;
    }

    @Override
    public StateMap saveState() {
        return new StateMap().putState("summary", summary.saveState()).putState("controller_health",
                health.saveState());
    }

    @Override
    public void restoreState(StateMap state) {
        summary.restoreState(state.getState("summary"));
        health.restoreState(state.getState("controller_health"));
    }

    /** Closes the step-record file (the training set is closed by its calculator). */
    @Override
    public void close() {
        if (records != null) {
            records.close();
        }
    }
}
