package org.proxima.examples.study;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a run's wall time went, s.
 *
 * @param targetSeconds in the target
 * @param surrogateSeconds in surrogate predictions
 * @param trainingSeconds in training (synchronous)
 * @param otherSeconds the rest: integration, observers, output
 */
public record TimeSplit(double targetSeconds, double surrogateSeconds, double trainingSeconds, double otherSeconds) {

    /** @return total wall time, s */
    public double wallSeconds() {
        return targetSeconds + surrogateSeconds + trainingSeconds + otherSeconds;
    }

    /**
     * The wall time the run would take if each target call cost {@code secondsPerCall}.
     *
     * @param targetCalls the run's target calls
     * @param secondsPerCall assumed cost of one target call, s
     * @return projected wall time, s
     */
    public double projectedSeconds(long targetCalls, double secondsPerCall) {
        return targetCalls * secondsPerCall + surrogateSeconds + trainingSeconds + otherSeconds;
    }

    /** @return a JSON-ready map */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target_seconds", targetSeconds);
        m.put("surrogate_seconds", surrogateSeconds);
        m.put("training_seconds", trainingSeconds);
        m.put("integration_and_output_seconds", otherSeconds);
        m.put("wall_seconds", wallSeconds());
        return m;
    }
}
