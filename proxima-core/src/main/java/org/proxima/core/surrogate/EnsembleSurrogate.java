package org.proxima.core.surrogate;

import java.util.List;
import java.util.Set;

import org.proxima.core.model.Structure;

/**
 * An ensemble of machine-learned models of a target's energy, forces and stress, the surrogate S of
 * PROXIMA+BLEND. Implementations live in other modules (the DJL neural network and the linear ensemble in
 * proxima-surrogate-djl); users can plug in their own.
 *
 * <p>A model is effectively immutable once built: {@link #fit} does not change it but returns a <em>new</em>
 * ensemble (warm-started from this one where the method allows), so that a background retraining never changes
 * the model that is predicting, and the new one can be swapped in at a step boundary.
 */
public interface EnsembleSurrogate extends AutoCloseable {

    /**
     * Predicts every member's energy, forces and stress.
     *
     * @param structure the structure
     * @return the prediction
     * @throws IllegalStateException if the model is not trained
     * @throws IllegalArgumentException for species the model was not built for
     */
    EnsemblePrediction predict(Structure structure);

    /**
     * Trains a new ensemble on a training set. Each member uses its own data split ({@link MemberSplit}).
     *
     * @param data the training points, oldest first
     * @param options cap, recency bias, seed and the version to give the result
     * @return the new ensemble and what the training did; this ensemble is unchanged
     * @throws IllegalArgumentException for an empty set, fewer points than members, or non-finite labels
     */
    Trained fit(List<TrainingPoint> data, FitOptions options);

    /** @return the model version: 0 before any training, then the version given by the last fit */
    long version();

    /** @return whether the ensemble can predict */
    boolean isTrained();

    /** @return number of members M */
    int memberCount();

    /** @return element symbols the model handles */
    Set<String> species();

    /**
     * @return what {@link #predict} provides: energy and forces always, stress if the model computes it
     */
    default Set<org.proxima.core.calc.Property> implementedProperties() {
        return java.util.EnumSet.of(org.proxima.core.calc.Property.ENERGY, org.proxima.core.calc.Property.FORCES,
                org.proxima.core.calc.Property.STRESS);
    }

    /**
     * The ensemble as a JSON-ready map whose {@code "format"} entry names the {@link EnsembleFormat} that reads it
     * back bit for bit (checkpoints embed it; {@link Ensembles#save} writes it to a model directory). The default
     * refuses: an ensemble that cannot be saved cannot be checkpointed.
     *
     * @return the map
     * @throws UnsupportedOperationException if this ensemble cannot be saved
     * @throws IllegalStateException if it is not trained
     */
    default java.util.Map<String, Object> toMap() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot be saved: implement toMap() and "
                + "register an EnsembleFormat that reads it back");
    }

    /** Releases native resources. The default does nothing. */
    @Override
    default void close() {
    }

    /**
     * The result of a fit.
     *
     * @param ensemble the newly trained ensemble
     * @param report what the training did
     */
    record Trained(EnsembleSurrogate ensemble, TrainingReport report) {
    }

    /**
     * Options of one fit.
     *
     * @param version version number of the model produced
     * @param seed seed of every random choice in the fit (splits, shuffles, initialisation)
     * @param maxSize cap on training frames per member, or 0 for no cap
     * @param recencyBias ratio of the sampling weight of the newest to the oldest frame when capping (1 = uniform)
     */
    record FitOptions(long version, long seed, int maxSize, double recencyBias) {

        /**
         * Validates.
         */
        public FitOptions {
            if (maxSize < 0) {
                throw new IllegalArgumentException("Training size cap must be ≥ 0 (0 = none), got " + maxSize);
            }
            if (!(recencyBias > 0) || !Double.isFinite(recencyBias)) {
                throw new IllegalArgumentException("Recency bias must be positive, got " + recencyBias);
            }
        }
    }
}
