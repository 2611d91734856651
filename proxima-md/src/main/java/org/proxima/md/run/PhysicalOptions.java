package org.proxima.md.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.proxima.core.checkpoint.CheckpointException;
import org.proxima.core.checkpoint.CheckpointStore;
import org.proxima.core.io.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Compares a run's physical options with those a checkpoint was written with. */
final class PhysicalOptions {

    private static final Logger LOG = LoggerFactory.getLogger(PhysicalOptions.class);

    private PhysicalOptions() {
    }

    /**
     * Options that describe the start state ({@code structure}, {@code atoms}): a resumed run continues the
     * checkpoint's state, not the one these name, so the checkpoint's values are kept.
     */
    static final List<String> START_STATE = List.of("structure", "atoms");

    /**
     * @param now the run's options
     * @param ckpt the checkpoint
     * @param allowChanged resume anyway (logged)
     * @param name the run's name
     * @return the options that describe the resumed run (its own, with the checkpoint's start-state options)
     * @throws CheckpointException listing the differences, unless allowed
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> check(Map<String, Object> now, CheckpointStore.Loaded ckpt, boolean allowChanged,
            String name) {
        Map<String, Object> saved = (Map<String, Object>) ckpt.content().getRaw("physical_options");
        Map<String, Object> current = (Map<String, Object>) Json.parse(Json.write(now));
        if (current.equals(saved)) {
            return now;
        }
        List<String> diff = new ArrayList<>();
        for (String k : new TreeSet<>(saved.keySet())) {
            if (!Objects.equals(saved.get(k), current.get(k))) {
                diff.add(k + ": checkpoint " + saved.get(k) + ", now " + current.get(k));
            }
        }
        for (String k : current.keySet()) {
            if (!saved.containsKey(k)) {
                diff.add(k + ": checkpoint (absent), now " + current.get(k));
            }
        }
        if (!allowChanged) {
            throw new CheckpointException("The checkpoint in " + ckpt.directory() + " was written with other "
                    + "physical options (" + String.join("; ", diff) + "); resume with the same options, or allow "
                    + "the change explicitly");
        }
        LOG.warn("Resuming {} with changed options: {}", name, diff);
        Map<String, Object> recorded = new LinkedHashMap<>(now);
        for (String k : START_STATE) {
            if (saved.containsKey(k)) {
                recorded.put(k, saved.get(k));
            }
        }
        return recorded;
    }
}
