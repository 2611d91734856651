package org.proxima.core.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Structure;

/**
 * One frame of a structure file: the structure, an optional calculation result (energy, forces, stress, per-atom
 * energies, as ASE's {@code SinglePointCalculator} holds them), free key=value information and extra per-atom
 * columns.
 *
 * <p>Velocities, when present, are the column {@code velocities} in Å/fs (Proxima's unit; LAMMPS data velocities
 * are converted on reading).
 *
 * @param structure the atoms and cell
 * @param result energy/forces/stress if the file holds them, or {@code null}
 * @param info free key=value information in file order (String, Long, Double, Boolean, or arrays of those)
 * @param columns extra per-atom columns by name, in file order
 */
public record Frame(Structure structure, CalculationResult result, Map<String, Object> info,
        Map<String, Column> columns) {

    /** Name of the per-atom velocity column (Å/fs). */
    public static final String VELOCITIES = "velocities";

    /**
     * Validates and makes the maps unmodifiable.
     */
    public Frame {
        Objects.requireNonNull(structure, "structure");
        info = Collections.unmodifiableMap(new LinkedHashMap<>(info == null ? Map.of() : info));
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns == null ? Map.of() : columns));
        for (Column c : columns.values()) {
            if (c.atomCount() != structure.size()) {
                throw new IllegalArgumentException("Column '" + c.name() + "' has " + c.atomCount()
                        + " atoms but the structure has " + structure.size());
            }
        }
        if (result != null && result.has(org.proxima.core.calc.Property.FORCES)
                && result.atomCount() != structure.size()) {
            throw new IllegalArgumentException("Forces for " + result.atomCount() + " atoms but the structure has "
                    + structure.size());
        }
    }

    /**
     * A frame holding only a structure.
     *
     * @param structure the structure
     * @return the frame
     */
    public static Frame of(Structure structure) {
        return new Frame(structure, null, Map.of(), Map.of());
    }

    /**
     * A frame holding a structure and its calculation result.
     *
     * @param structure the structure
     * @param result the result (may be null)
     * @return the frame
     */
    public static Frame of(Structure structure, CalculationResult result) {
        return new Frame(structure, result, Map.of(), Map.of());
    }

    /** @return the calculation result if present */
    public Optional<CalculationResult> calculation() {
        return Optional.ofNullable(result);
    }

    /** @return velocities, Å/fs, flat 3N, if the frame has them */
    public Optional<double[]> velocitiesAPerFs() {
        Column c = columns.get(VELOCITIES);
        return c == null ? Optional.empty() : Optional.of(c.reals());
    }

    /**
     * A copy with one info entry added or replaced.
     *
     * @param key key (no whitespace, no '=')
     * @param value String, Number, Boolean or array
     * @return the new frame
     */
    public Frame withInfo(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(info);
        m.put(key, value);
        return new Frame(structure, result, m, columns);
    }

    /**
     * A copy with one column added or replaced.
     *
     * @param column the column
     * @return the new frame
     */
    public Frame withColumn(Column column) {
        Map<String, Column> m = new LinkedHashMap<>(columns);
        m.put(column.name(), column);
        return new Frame(structure, result, info, m);
    }

    /**
     * A copy with velocities set.
     *
     * @param velocitiesAPerFs flat 3N velocities, Å/fs
     * @return the new frame
     */
    public Frame withVelocities(double[] velocitiesAPerFs) {
        return withColumn(Column.real(VELOCITIES, 3, velocitiesAPerFs));
    }

    /**
     * A numeric info value.
     *
     * @param key the key
     * @return its value as a double, if present and numeric
     */
    public Optional<Double> infoNumber(String key) {
        Object v = info.get(key);
        return v instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }
}
