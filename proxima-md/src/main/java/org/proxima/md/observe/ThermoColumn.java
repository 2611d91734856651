package org.proxima.md.observe;

import java.util.function.Function;

/**
 * An extra column of the thermo log, added by whoever knows the value (e.g. the blending calculator's source, λ and
 * uncertainty). The name should carry the unit, e.g. {@code uq_eV_per_A}.
 *
 * @param name column header
 * @param value computes the cell's value from a snapshot (a Number, String or Boolean)
 */
public record ThermoColumn(String name, Function<Snapshot, Object> value) {
}
