package org.proxima.md.observe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.proxima.core.blend.Source;
import org.proxima.core.blend.StepRecord;

/**
 * What a blended step adds to thermo logs and trajectory frames, read from the step record that the blending
 * calculator attaches to its result ({@link org.proxima.core.calc.CalculationResult#annotation(Class)}): the
 * observers never need to know the calculator. A result without a record (a plain calculator) reads as a
 * target step: source {@code TARGET}, λ 0, blend index 0, the rest empty.
 */
public final class BlendColumns {

    private BlendColumns() {
    }

    private static Optional<StepRecord> record(Snapshot s) {
        return s.result().annotation(StepRecord.class);
    }

    private static Function<Snapshot, Object> of(Function<StepRecord, Object> f, Object plain) {
        return s -> record(s).map(f).orElse(plain);
    }

    /**
     * Thermo-log columns with the step's source, λ, blend index, UQ, threshold, error, audit flag and model version.
     *
     * @return the columns
     */
    public static List<ThermoColumn> thermoColumns() {
        return List.of(new ThermoColumn("source", of(r -> r.source().name(), Source.TARGET.name())),
                new ThermoColumn("lambda", of(StepRecord::lambda, 0.0)),
                new ThermoColumn("blend_index", of(StepRecord::blendIndex, 0)),
                new ThermoColumn("uq_eV_per_A", of(StepRecord::uncertainty, null)),
                new ThermoColumn("threshold_eV_per_A", of(StepRecord::threshold, null)),
                new ThermoColumn("error_eV_per_A", of(StepRecord::errorEvPerA, null)),
                new ThermoColumn("audited", of(StepRecord::audited, null)),
                new ThermoColumn("model_version", of(StepRecord::modelVersion, null)));
    }

    /**
     * Trajectory frame info: source, λ and UQ of the frame's force call.
     *
     * @return the info functions
     */
    public static Map<String, Function<Snapshot, Object>> trajectoryInfo() {
        Map<String, Function<Snapshot, Object>> m = new LinkedHashMap<>();
        m.put("source", of(r -> r.source().name(), Source.TARGET.name()));
        m.put("lambda", of(StepRecord::lambda, 0.0));
        m.put("uq", of(StepRecord::uncertainty, Double.NaN));
        return m;
    }
}
