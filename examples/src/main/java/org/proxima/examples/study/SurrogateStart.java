package org.proxima.examples.study;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.Ensembles;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.training.TrainingSet;

/**
 * How a blended run's surrogate starts: untrained (the default), from target results the user already has
 * ({@code --initial-data}: they enter the training set first, and the first fit comes as soon as they suffice), from
 * a saved ensemble ({@code --model}, written by {@code proxima train} or {@code Ensembles.save}), or both.
 *
 * @param initialData an extxyz file of frames with energy and forces, or null
 * @param model a model directory, or null
 */
public record SurrogateStart(Path initialData, Path model) {

    /** An untrained surrogate, no initial data. */
    public static final SurrogateStart NONE = new SurrogateStart(null, null);

    /**
     * @param kind the surrogate family (for a fresh ensemble)
     * @param species the elements of the run
     * @param plan the fit's settings (NN epochs, linear ridge, descriptors) for a fresh ensemble
     * @param seed the seed
     * @return the saved ensemble, or a new untrained one
     * @throws IllegalArgumentException if the model is unreadable or lacks an element of the run
     */
    public EnsembleSurrogate ensemble(SurrogateKind kind, List<String> species, TrainingPlan plan, long seed) {
        if (model == null) {
            return kind.create(species, plan.epochs(), plan.ridge(), plan.descriptor(), seed);
        }
        return loadCovering(model, species, "--model " + model);
    }

    /**
     * Loads a saved ensemble that must cover a structure's elements.
     *
     * @param dir the model directory
     * @param species the elements it must know
     * @param name how the user gave it, for the message (e.g. {@code --model DIR})
     * @return the ensemble
     * @throws IllegalArgumentException naming the model and the elements when it lacks one
     */
    public static EnsembleSurrogate loadCovering(Path dir, Collection<String> species, String name) {
        EnsembleSurrogate e = Ensembles.load(dir);
        if (!e.species().containsAll(species)) {
            e.close();
            throw new IllegalArgumentException(name + " was trained for " + e.species()
                    + " but the structure holds " + species);
        }
        return e;
    }

    /**
     * @param structure the run's start structure (its elements must be covered)
     * @return the initial data, or none
     * @throws IllegalArgumentException naming the file and the frame that is not usable
     */
    public List<TrainingPoint> points(Structure structure) {
        if (initialData == null) {
            return List.of();
        }
        List<TrainingPoint> p = TrainingSet.read(initialData);
        for (int k = 0; k < p.size(); k++) {
            if (!structure.species().containsAll(p.get(k).structure().species())) {
                throw new IllegalArgumentException("--initial-data " + initialData + ": frame " + k + " holds "
                        + p.get(k).structure().species() + ", elements the run's structure " + structure.species()
                        + " does not have");
            }
        }
        return p;
    }

    /** @return the paths for summaries and checkpoints (only those set) */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (initialData != null) {
            m.put("initial_data", initialData.toString());
        }
        if (model != null) {
            m.put("model", model.toString());
        }
        return m;
    }
}
