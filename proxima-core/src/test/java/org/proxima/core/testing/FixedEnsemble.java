package org.proxima.core.testing;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.surrogate.TrainingReport;

/**
 * A trained ensemble (version 1, two Si members) whose predictions come from a function; fitting returns itself.
 * For tests and benchmarks that need a surrogate with scripted behaviour.
 */
public final class FixedEnsemble implements EnsembleSurrogate {

    private final Function<Structure, EnsemblePrediction> predictor;

    /**
     * @param predictor computes the prediction of a structure
     */
    public FixedEnsemble(Function<Structure, EnsemblePrediction> predictor) {
        this.predictor = predictor;
    }

    @Override
    public EnsemblePrediction predict(Structure structure) {
        return predictor.apply(structure);
    }

    @Override
    public Trained fit(List<TrainingPoint> data, FitOptions options) {
        return new Trained(this, new TrainingReport(version(), data.size(), 0, List.of()));
    }

    @Override
    public long version() {
        return 1;
    }

    @Override
    public boolean isTrained() {
        return true;
    }

    @Override
    public int memberCount() {
        return 2;
    }

    @Override
    public Set<String> species() {
        return Set.of("Si");
    }
}
