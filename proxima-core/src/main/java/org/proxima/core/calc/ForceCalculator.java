package org.proxima.core.calc;

import java.util.Set;

import org.proxima.core.model.Structure;

/**
 * Evaluates energy, forces and (where implemented) stress of a structure: the routine an MD integrator calls once
 * per step, and the thing a {@code BlendingCalculator} wraps.
 *
 * <p>One call computes every property in {@link #implementedProperties()} together, so that one call serves one MD
 * step (OpenMM's {@code State}, not ASE's property-by-property requests: a second request at the same positions
 * never re-runs the logic). Results are immutable.
 *
 * <p>Calculators may keep state between calls (a neighbour list, a running CP2K process) and are therefore not
 * required to be thread-safe. They are {@link AutoCloseable} so that process-backed calculators can release their
 * resources; the default {@link #close()} does nothing.
 */
public interface ForceCalculator extends AutoCloseable {

    /**
     * Computes all implemented properties.
     *
     * @param structure the structure to evaluate
     * @return the result (energy always; forces, stress, per-atom energies as implemented)
     * @throws IllegalArgumentException if the structure cannot be handled (unknown species, wrong periodicity)
     * @throws CalculationFailedException if the computation itself failed
     */
    CalculationResult calculate(Structure structure);

    /** @return the properties every {@link #calculate} result contains */
    Set<Property> implementedProperties();

    /** @return a short human-readable description, e.g. {@code "Stillinger-Weber (Si.sw)"} */
    default String describe() {
        return getClass().getSimpleName();
    }

    /** Releases resources (processes, native memory). Idempotent. The default does nothing. */
    @Override
    default void close() {
    }
}
