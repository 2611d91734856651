package org.proxima.core.surrogate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

import org.proxima.core.io.Json;
import org.proxima.core.model.Structure;

/**
 * Saving and loading ensembles of any registered kind ({@link EnsembleFormat}): to and from maps (checkpoints) and
 * model directories (one JSON file named by the format).
 */
public final class Ensembles {

    private Ensembles() {
    }

    /** @return the formats on the class path */
    public static List<EnsembleFormat> formats() {
        List<EnsembleFormat> out = new ArrayList<>();
        ServiceLoader.load(EnsembleFormat.class, Ensembles.class.getClassLoader()).forEach(out::add);
        return out;
    }

    /**
     * Reads an ensemble back from its map.
     *
     * @param map a map written by {@link EnsembleSurrogate#toMap()}
     * @return the ensemble
     * @throws IllegalArgumentException if no registered format reads it
     */
    public static EnsembleSurrogate fromMap(Map<String, Object> map) {
        Object format = map.get("format");
        for (EnsembleFormat f : formats()) {
            if (f.format().equals(format)) {
                return f.fromMap(map);
            }
        }
        throw new IllegalArgumentException("No ensemble format '" + format + "' on the class path (known: "
                + formats().stream().map(EnsembleFormat::format).toList() + "); add the module that provides it");
    }

    /**
     * Saves an ensemble to a model directory.
     *
     * @param model a trained ensemble
     * @param dir the directory (created if needed)
     */
    public static void save(EnsembleSurrogate model, Path dir) {
        Map<String, Object> map = model.toMap();
        String file = formats().stream().filter(f -> f.format().equals(map.get("format"))).findFirst()
                .map(EnsembleFormat::fileName).orElse("ensemble.json");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create model directory " + dir + ": " + e.getMessage(), e);
        }
        Json.writeFile(dir.resolve(file), map);
    }

    /**
     * Loads an ensemble from a model directory written by {@link #save} (or by the ensembles' own save methods).
     *
     * @param dir the directory
     * @return the ensemble
     * @throws IllegalArgumentException if the directory holds no ensemble of a registered format
     */
    @SuppressWarnings("unchecked")
    public static EnsembleSurrogate load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Model directory " + dir + " does not exist");
        }
        for (EnsembleFormat f : formats()) {
            Path file = dir.resolve(f.fileName());
            if (Files.isRegularFile(file)) {
                Object m = Json.readFile(file);
                if (!(m instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException(file + " is not a JSON object");
                }
                return f.fromMap((Map<String, Object>) m);
            }
        }
        throw new IllegalArgumentException("Model directory " + dir + " holds no ensemble Proxima can read (looked "
                + "for " + formats().stream().map(EnsembleFormat::fileName).toList() + ")");
    }

    /**
     * Refuses a structure with elements the ensemble was not built for (a mistake better caught at the first call
     * than by a training that fails in the background).
     *
     * @param model the ensemble
     * @param structure the structure it is about to be used on
     * @throws IllegalArgumentException naming the ensemble's elements and the ones it lacks
     */
    public static void requireSpecies(EnsembleSurrogate model, Structure structure) {
        Set<String> missing = new TreeSet<>(structure.species());
        missing.removeAll(model.species());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The surrogate was built for " + new TreeSet<>(model.species())
                    + " but the structure holds " + missing + ": build the ensemble for the structure's elements "
                    + new TreeSet<>(structure.species()));
        }
    }

    /**
     * Refuses a prediction for another number of atoms than the structure's (a broken ensemble, not bad input).
     *
     * @param prediction the ensemble's prediction
     * @param structure the structure it was made for
     * @throws IllegalStateException naming both counts
     */
    public static void requireAtomCount(EnsemblePrediction prediction, Structure structure) {
        if (prediction.atomCount() != structure.size()) {
            throw new IllegalStateException("Surrogate returned forces for " + prediction.atomCount() + " atoms for a "
                    + structure.size() + "-atom structure");
        }
    }
}
