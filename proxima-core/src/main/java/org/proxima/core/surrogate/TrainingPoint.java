package org.proxima.core.surrogate;

import java.util.Objects;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Structure;

/**
 * One target evaluation kept for training: the structure and the target's result (never a blend), with the MD step
 * it came from (−1 for initial data).
 *
 * @param structure the structure
 * @param result the target's energy, forces and (if computed) stress
 * @param step MD step, or −1
 */
public record TrainingPoint(Structure structure, CalculationResult result, long step) {

    /**
     * Validates.
     */
    public TrainingPoint {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(result, "result");
        if (!result.isFinite()) {
            throw new IllegalArgumentException("Training point at step " + step + " has non-finite labels (energy "
                    + result.energyEv() + " eV)");
        }
        if (result.has(org.proxima.core.calc.Property.FORCES) && result.atomCount() != structure.size()) {
            throw new IllegalArgumentException("Training point at step " + step + " has forces for "
                    + result.atomCount() + " atoms but the structure has " + structure.size());
        }
    }
}
