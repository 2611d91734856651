package org.proxima.md.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ready-made contents of a run's summary file. */
public final class RunSummaries {

    private RunSummaries() {
    }

    /**
     * The essentials: name, steps, wall time, the blend's summary (counts, fractions, errors, controller condition)
     * and, for a run that stopped early, where and why.
     *
     * @param r the run's result
     * @return a JSON-ready map
     */
    public static Map<String, Object> basic(RunResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("atoms", r.state().size());
        m.put("steps", r.state().step());
        m.put("wall_seconds", r.wallSeconds());
        if (r.blend() != null) {
            m.put("blend", r.blendSummary());
        }
        if (!r.completed()) {
            m.put("stopped_at_step", r.state().step());
            m.put("error", r.failure() != null ? r.failure() : "stopped by a termination signal");
        }
        return m;
    }
}
