package org.proxima.examples.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.proxima.core.blend.Source;
import org.proxima.core.blend.StepRecord;
import org.proxima.md.observe.Snapshot;
import org.proxima.md.observe.ThermoColumn;

/** What a blended run adds to thermo logs and trajectory frames, read from the calculator's last step record. */
public final class BlendObservables {

    private BlendObservables() {
    }

    /**
     * Thermo-log columns with the step's source, λ, blend index, UQ, threshold, error, audit flag and model version.
     *
     * @param last the calculator's last step record, or null for a target-only run
     * @return the columns
     */
    public static List<ThermoColumn> thermoColumns(Supplier<StepRecord> last) {
        Function<Function<StepRecord, Object>, Function<Snapshot, Object>> of = f -> s -> {
            StepRecord r = last == null ? null : last.get();
            return r == null ? null : f.apply(r);
        };
        return List.of(new ThermoColumn("source", s -> last == null ? Source.TARGET.name() : of.apply(StepRecord::source)
                        .apply(s)),
                new ThermoColumn("lambda", s -> last == null ? 0.0 : of.apply(StepRecord::lambda).apply(s)),
                new ThermoColumn("blend_index", s -> last == null ? 0 : of.apply(StepRecord::blendIndex).apply(s)),
                new ThermoColumn("uq_eV_per_A", of.apply(StepRecord::uncertainty)),
                new ThermoColumn("threshold_eV_per_A", of.apply(StepRecord::threshold)),
                new ThermoColumn("error_eV_per_A", of.apply(StepRecord::errorEvPerA)),
                new ThermoColumn("audited", of.apply(StepRecord::audited)),
                new ThermoColumn("model_version", of.apply(StepRecord::modelVersion)));
    }

    /**
     * Trajectory frame info: source, λ and UQ of the frame's force call.
     *
     * @param last the calculator's last step record, or null for a target-only run
     * @return the info functions
     */
    public static Map<String, Function<Snapshot, Object>> trajectoryInfo(Supplier<StepRecord> last) {
        Map<String, Function<Snapshot, Object>> m = new LinkedHashMap<>();
        m.put("source", s -> last == null || last.get() == null ? Source.TARGET.name() : last.get().source().name());
        m.put("lambda", s -> last == null || last.get() == null ? 0.0 : last.get().lambda());
        m.put("uq", s -> last == null || last.get() == null ? Double.NaN : last.get().uncertainty());
        return m;
    }
}
