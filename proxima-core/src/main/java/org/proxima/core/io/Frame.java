package org.proxima.core.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Structure;
import org.proxima.core.units.Units;

/**
 * One frame of a structure file: the structure, an optional calculation result (energy, forces, stress, per-atom
 * energies, as ASE's {@code SinglePointCalculator} holds them), free key=value information and extra per-atom
 * columns.
 *
 * <p>Velocities are kept as ASE keeps them, the column {@code momenta} in ASE's units (amu·Å per ASE time unit,
 * p = m·v/{@link Units#ASE_FS} with v in Å/fs), so that {@code ase.io.read} gives the atoms their momenta; frames
 * with the older column {@code velocities} (Å/fs) are read as well. LAMMPS data and POSCAR velocities are converted
 * on reading.
 *
 * @param structure the atoms and cell
 * @param result energy/forces/stress if the file holds them, or {@code null}
 * @param info free key=value information in file order (String, Long, Double, Boolean, or arrays of those)
 * @param columns extra per-atom columns by name, in file order
 */
public record Frame(Structure structure, CalculationResult result, Map<String, Object> info,
        Map<String, Column> columns) {

    /** Name of the older per-atom velocity column (Å/fs), still read and continued in files that use it. */
    public static final String VELOCITIES = "velocities";

    /** Name of the per-atom momentum column (ASE's units, as ASE reads and writes it). */
    public static final String MOMENTA = "momenta";

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

    /** @return velocities, Å/fs, flat 3N, from the {@code momenta} or {@code velocities} column, if present */
    public Optional<double[]> velocitiesAPerFs() {
        Column p = columns.get(MOMENTA);
        if (p != null) {
            double[] v = p.reals();
            for (int k = 0; k < v.length; k++) {
                v[k] *= Units.ASE_FS / structure.massAmu(k / 3);
            }
            return Optional.of(v);
        }
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
        return withVelocities(velocitiesAPerFs, MOMENTA);
    }

    /**
     * A copy with velocities set in a chosen column (replacing either velocity column already there).
     *
     * @param velocitiesAPerFs flat 3N velocities, Å/fs
     * @param column {@link #MOMENTA} (what ASE reads) or {@link #VELOCITIES} (the older column, Å/fs)
     * @return the new frame
     */
    public Frame withVelocities(double[] velocitiesAPerFs, String column) {
        if (velocitiesAPerFs.length != 3 * structure.size()) {
            throw new IllegalArgumentException("Mismatched array lengths: " + velocitiesAPerFs.length
                    + " velocity components for " + structure.size() + " atoms");
        }
        Map<String, Column> m = new LinkedHashMap<>(columns);
        m.remove(MOMENTA);
        m.remove(VELOCITIES);
        if (column.equals(MOMENTA)) {
            double[] p = velocitiesAPerFs.clone();
            for (int k = 0; k < p.length; k++) {
                p[k] *= structure.massAmu(k / 3) / Units.ASE_FS;
            }
            m.put(MOMENTA, Column.real(MOMENTA, 3, p));
        } else if (column.equals(VELOCITIES)) {
            m.put(VELOCITIES, Column.real(VELOCITIES, 3, velocitiesAPerFs));
        } else {
            throw new IllegalArgumentException("Velocity column must be " + MOMENTA + " or " + VELOCITIES + ", got '"
                    + column + "'");
        }
        return new Frame(structure, result, info, m);
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
