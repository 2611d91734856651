package org.proxima.examples.study;

import java.util.LinkedHashMap;
import java.util.Map;

import org.proxima.md.analysis.HopStatistics;

/** JSON form of {@link HopStatistics}. */
public final class HopSummary {

    private HopSummary() {
    }

    /**
     * @param h hop statistics
     * @return a JSON-ready map (rate and SEs in 1/ps; the replica SE only where there is one)
     */
    public static Map<String, Object> toMap(HopStatistics h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hops", h.hops());
        m.put("waiting_times", h.waitingTimes());
        m.put("rate_per_ps", h.ratePerPs());
        m.put("se_per_ps", h.standardErrorPerPs());
        if (!Double.isNaN(h.replicaStandardErrorPerPs())) {
            m.put("replica_se_per_ps", h.replicaStandardErrorPerPs());
        }
        return m;
    }
}
