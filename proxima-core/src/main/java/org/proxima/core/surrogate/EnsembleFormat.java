package org.proxima.core.surrogate;

import java.util.Map;

/**
 * Reads back ensembles of one kind from the maps their {@link EnsembleSurrogate#toMap()} wrote. Implementations are
 * found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.proxima.core.surrogate.EnsembleFormat}), so that checkpoints and model directories
 * can be read without knowing the kind in advance; Proxima's linear and neural-network ensembles register theirs.
 */
public interface EnsembleFormat {

    /** @return the value of the {@code "format"} entry this reader accepts, e.g. {@code proxima-linear-ensemble} */
    String format();

    /** @return the file name of the map in a model directory, e.g. {@code linear-ensemble.json} */
    String fileName();

    /**
     * @param map a map written by {@link EnsembleSurrogate#toMap()} of this format
     * @return the ensemble
     * @throws IllegalArgumentException naming what is wrong (unknown format version, missing entry)
     */
    EnsembleSurrogate fromMap(Map<String, Object> map);
}
