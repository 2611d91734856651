package org.proxima.core.blend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.proxima.core.checkpoint.CheckpointException;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.core.io.Json;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.Ensembles;

/**
 * The ensembles alive during cross-fades and the weights that mix them. Every retrained ensemble fades in over n
 * steps from <em>whatever was in use when it arrived</em>, so fades that overlap nest instead of restarting:
 * <pre>
 * C₀ = S₀,   C_k = μ_k S_k + (1 − μ_k) C_{k−1},   μ_k = schedule(min(a_k, n), n)
 * </pre>
 * where a_k is the number of steps since ensemble k arrived (a_k = 0 at arrival, so an arrival changes nothing
 * until the next step, which moves the result by μ₁ |S_k − C_{k−1}|). Ensemble k is fully faded in n steps after
 * its arrival whatever arrives later; then every older ensemble has weight 0 for good and is closed. At most one
 * ensemble arrives per step, so at most <b>n + 1 ensembles are alive</b> at once (the newest n arrivals and the one
 * they fade from); with fits less often than every step, fewer.
 *
 * <p>Entries are kept oldest first; the newest ensemble makes the decisions (UQ, controller error).
 */
final class CrossFade implements AutoCloseable {

    /** One alive ensemble and the steps since it arrived. */
    private record Entry(EnsembleSurrogate model, int age) {
    }

    private final BlendSchedule schedule;
    private final int steps;
    private final List<Entry> entries = new ArrayList<>();

    /**
     * @param first the ensemble in use at the start (complete: nothing to fade from)
     * @param schedule the fade schedule
     * @param steps n ≥ 1
     */
    CrossFade(EnsembleSurrogate first, BlendSchedule schedule, int steps) {
        this.schedule = schedule;
        this.steps = steps;
        entries.add(new Entry(first, steps));
    }

    /** @return the newest ensemble (the one that decides) */
    EnsembleSurrogate newest() {
        return entries.get(entries.size() - 1).model();
    }

    /** @return the ensembles alive, oldest first */
    List<EnsembleSurrogate> models() {
        List<EnsembleSurrogate> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.model()));
        return out;
    }

    /** @return steps since each alive ensemble arrived, oldest first (n or more: fully faded in) */
    int[] ages() {
        return entries.stream().mapToInt(Entry::age).toArray();
    }

    /** @return number of ensembles alive */
    int size() {
        return entries.size();
    }

    /**
     * Adds a newly trained ensemble that fades in from the current mixture.
     *
     * @param model the new ensemble
     */
    void fadeIn(EnsembleSurrogate model) {
        entries.add(new Entry(model, 0));
    }

    /**
     * Replaces every ensemble by a new one at once (when the surrogate's weight in the result is 0, or nothing
     * trained was in use); closes the others.
     *
     * @param model the new ensemble
     */
    void replace(EnsembleSurrogate model) {
        for (Entry e : entries) {
            if (e.model() != model) {
                e.model().close();
            }
        }
        entries.clear();
        entries.add(new Entry(model, steps));
    }

    /**
     * Every alive ensemble's prediction, oldest first.
     *
     * @param structure the structure
     * @return the predictions
     */
    EnsemblePrediction[] predict(Structure structure) {
        EnsemblePrediction[] out = new EnsemblePrediction[entries.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = entries.get(k).model().predict(structure);
        }
        return out;
    }

    /**
     * The mixture C of the members' means with every ensemble {@code advance} steps older than now.
     *
     * @param predictions every alive ensemble's prediction, oldest first
     * @param advance 0 for the mixture of the last returned result, 1 for this step's
     * @param properties what to produce
     * @return the mixture
     */
    CalculationResult mixture(EnsemblePrediction[] predictions, int advance, Set<Property> properties) {
        CalculationResult c = predictions[0].mean();
        for (int k = 1; k < predictions.length; k++) {
            double mu = weightOfNewer(k, advance);
            if (mu > 0) {
                c = mu == 1 ? predictions[k].mean() : BlendMath.mix(mu, predictions[k].mean(), c, properties);
            }
        }
        return c;
    }

    /**
     * The energy of {@link #mixture} alone.
     *
     * @param predictions every alive ensemble's prediction, oldest first
     * @param advance as for {@link #mixture}
     * @return the mixture's energy, eV
     */
    double mixtureEnergyEv(EnsemblePrediction[] predictions, int advance) {
        double e = predictions[0].mean().energyEv();
        for (int k = 1; k < predictions.length; k++) {
            double mu = weightOfNewer(k, advance);
            e = mu * predictions[k].mean().energyEv() + (1 - mu) * e;
        }
        return e;
    }

    /** μ_k of entry k ≥ 1 after {@code advance} more steps. */
    private double weightOfNewer(int k, int advance) {
        return schedule.lambda(Math.min(entries.get(k).age() + advance, steps), steps);
    }

    /**
     * Ends a step: every ensemble is one step older; ensembles that can no longer contribute (older than one that
     * is fully faded in) are closed and dropped.
     */
    void advance() {
        int complete = 0;
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            entries.set(k, new Entry(e.model(), Math.min(e.age() + 1, steps)));
            if (e.age() + 1 >= steps) {
                complete = k;
            }
        }
        for (int k = 0; k < complete; k++) {
            entries.get(k).model().close();
        }
        entries.subList(0, complete).clear();
    }

    /**
     * The ensembles and their ages as a checkpoint state (each ensemble's own map, oldest first).
     *
     * @return the state
     */
    StateMap saveState() {
        if (entries.size() == 1 && !entries.get(0).model().isTrained()) {
            // before the first fit: the run's own fresh ensemble is the same (same settings and seed)
            return new StateMap().putLongs("ages", new long[] {entries.get(0).age()}).putRaw("ensembles", List.of())
                    .putBoolean("untrained", true);
        }
        List<Object> maps = new ArrayList<>();
        // through JSON text, so that a state restored in memory is exactly what a checkpoint file gives back
        entries.forEach(e -> maps.add(Json.parse(Json.writeLine(e.model().toMap()))));
        return new StateMap().putLongs("ages", entries.stream().mapToLong(Entry::age).toArray())
                .putRaw("ensembles", maps);
    }

    /**
     * Replaces the ensembles by those of a saved state.
     *
     * @param state a state written by {@link #saveState()}
     * @return the newest ensemble
     */
    @SuppressWarnings("unchecked")
    EnsembleSurrogate restoreState(StateMap state) {
        if (state.has("untrained") && state.getBoolean("untrained")) {
            if (entries.size() != 1 || entries.get(0).model().isTrained()) {
                throw new CheckpointException("The checkpoint was written before the first training; resume with "
                        + "the untrained ensemble the run started with");
            }
            return newest();
        }
        long[] ages = state.getLongs("ages");
        List<Object> maps = (List<Object>) state.getRaw("ensembles");
        if (maps.size() != ages.length || ages.length == 0) {
            throw new CheckpointException("Cross-fade state needs one age per ensemble (at least one), got "
                    + maps.size() + " ensembles and " + ages.length + " ages");
        }
        close();
        for (int k = 0; k < ages.length; k++) {
            entries.add(new Entry(Ensembles.fromMap((Map<String, Object>) maps.get(k)), (int) ages[k]));
        }
        return newest();
    }

    @Override
    public void close() {
        for (Entry e : entries) {
            e.model().close();
        }
        entries.clear();
    }
}
