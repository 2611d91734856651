package org.proxima.core.blend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.surrogate.TrainingReport;
import org.proxima.core.training.TrainingSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When and how the blending calculator refits its ensemble: the first fit when the training set reaches its initial
 * size, then after every max(k, ⌈f·N⌉) new target points (N the training-set size at the last fit, f the growth
 * fraction, 0 for a fixed interval); at once (deterministic) or on a background thread whose result is
 * handed over at the start of a later call. Fit v gets the seed (seed + 7919 v), so the same inputs give the same
 * models. A fit that fails keeps the previous ensemble and says so in the step's event.
 */
final class Retrainer implements Checkpointable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Retrainer.class);

    private final TrainingMode mode;
    private final int retrainInterval;
    private final double growth;
    private final int initialTrainingSize;
    private final int maxSize;
    private final double recencyBias;
    private final long seed;
    private final ExecutorService executor;
    private final List<TrainingReport> reports = new ArrayList<>();
    private Future<EnsembleSurrogate.Trained> pending;
    private long newPoints;
    private boolean lastFitFailed;

    /**
     * @param mode deterministic or background
     * @param retrainInterval k, new target points between fits
     * @param growth f: a fit also waits for f·N new points (0: every k points)
     * @param initialTrainingSize training-set size of the first fit
     * @param maxSize cap on training frames per member (0 for none)
     * @param recencyBias newest/oldest sampling weight ratio when capping
     * @param seed seed of every fit
     */
    Retrainer(TrainingMode mode, int retrainInterval, double growth, int initialTrainingSize, int maxSize,
            double recencyBias, long seed) {
        this.mode = mode;
        this.retrainInterval = retrainInterval;
        this.growth = growth;
        this.initialTrainingSize = initialTrainingSize;
        this.maxSize = maxSize;
        this.recencyBias = recencyBias;
        this.seed = seed;
        this.executor = mode == TrainingMode.BACKGROUND ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "proxima-training");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Counts one new target point. */
    void pointAdded() {
        newPoints++;
    }

    /**
     * @param model the ensemble in use
     * @param trainingSet the training set
     * @return whether a fit is due (and none is running)
     */
    boolean due(EnsembleSurrogate model, TrainingSet trainingSet) {
        if (pending != null) {
            return false;
        }
        // after a failed fit, the next try waits for another interval of new points (no retry storm)
        return model.isTrained() || lastFitFailed ? newPoints >= interval(trainingSet.size() - newPoints)
                : trainingSet.size() >= initialTrainingSize;
    }

    /** New points a fit waits for when the last fit had N points: max(k, ⌈f·N⌉). */
    private long interval(long sizeAtLastFit) {
        return Math.max(retrainInterval, (long) Math.ceil(growth * sizeAtLastFit));
    }

    /**
     * @param model the ensemble in use
     * @param trainingSet the training set
     * @return whether the initial data alone are enough for a first fit before the first call
     */
    boolean initialFitDue(EnsembleSurrogate model, TrainingSet trainingSet) {
        return !model.isTrained() && trainingSet.size() > 0 && trainingSet.size() >= initialTrainingSize;
    }

    /**
     * Starts (background) or runs (deterministic, or {@code atOnce}) a fit of the next version.
     *
     * @param current the ensemble in use
     * @param trainingSet the training set
     * @param atOnce fit now even in background mode
     * @param install receives the new ensemble when a fit finishes here
     * @return a note for the step record
     */
    String retrain(EnsembleSurrogate current, TrainingSet trainingSet, boolean atOnce,
            Consumer<EnsembleSurrogate.Trained> install) {
        newPoints = 0;
        long version = current.version() + 1;
        EnsembleSurrogate.FitOptions options = new EnsembleSurrogate.FitOptions(version, seed + 7919 * version,
                maxSize, recencyBias);
        List<TrainingPoint> data = trainingSet.snapshot();
        if (mode == TrainingMode.BACKGROUND && !atOnce) {
            pending = executor.submit(() -> current.fit(data, options));
            return "retraining v" + version + " started on " + data.size() + " points";
        }
        try {
            EnsembleSurrogate.Trained t = current.fit(data, options);
            reports.add(t.report());
            install.accept(t);
            lastFitFailed = false;
            return "retrained v" + version + " on " + data.size() + " points";
        } catch (RuntimeException e) {
            lastFitFailed = true;
            LOG.error("Retraining v{} failed; keeping model v{}: {}", version, current.version(), e.getMessage());
            return "retraining v" + version + " failed: " + e.getMessage();
        }
    }

    /**
     * Hands over a background fit that has finished, if any.
     *
     * @param current the ensemble in use (for the log)
     * @param install receives the new ensemble
     * @return a note for the step record when the fit failed, else null
     */
    String takeFinished(EnsembleSurrogate current, Consumer<EnsembleSurrogate.Trained> install) {
        if (pending == null || !pending.isDone()) {
            return null;
        }
        try {
            EnsembleSurrogate.Trained t = pending.get();
            reports.add(t.report());
            install.accept(t);
            lastFitFailed = false;
            return null;
        } catch (ExecutionException e) {
            lastFitFailed = true;
            LOG.error("Background retraining v{} failed; keeping model v{}: {}", current.version() + 1,
                    current.version(), e.getCause().getMessage());
            return "retraining v" + (current.version() + 1) + " failed: " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            pending = null;
        }
    }

    /**
     * Waits for a background fit in flight and hands it over.
     *
     * @param current the ensemble in use
     * @param install receives the new ensemble
     */
    void await(EnsembleSurrogate current, Consumer<EnsembleSurrogate.Trained> install) {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (ExecutionException e) {
            // reported when handed over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        takeFinished(current, install);
    }

    /** @return reports of every completed fit, oldest first */
    List<TrainingReport> reports() {
        return List.copyOf(reports);
    }

    @Override
    public StateMap saveState() {
        return new StateMap().putLong("new_points", newPoints).putBoolean("last_fit_failed", lastFitFailed);
    }

    @Override
    public void restoreState(StateMap state) {
        newPoints = state.getLong("new_points");
        lastFitFailed = state.has("last_fit_failed") && state.getBoolean("last_fit_failed");
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
