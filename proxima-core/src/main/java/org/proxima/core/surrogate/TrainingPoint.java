package org.proxima.core.surrogate;

import java.util.Objects;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Structure;

/**
 * One target evaluation kept for training: the structure and the target's result (never a blend), with the MD step
 * it came from (−1 for initial data) and its weight in the fit: the number of MD steps it stands for (1 for a point
 * taken at its own step or from initial data; 1/p for an audit drawn with probability p under
 * {@link org.proxima.core.blend.TrainingWeights#IMPORTANCE}). Surrogates multiply the point's loss terms by it.
 *
 * @param structure the structure
 * @param result the target's energy, forces and (if computed) stress
 * @param step MD step, or −1
 * @param weight the point's weight in the fit (positive, finite; 1 for an ordinary point)
 */
public record TrainingPoint(Structure structure, CalculationResult result, long step, double weight) {

    /**
     * A point of weight 1.
     *
     * @param structure the structure
     * @param result the target's energy, forces and (if computed) stress
     * @param step MD step, or −1
     */
    public TrainingPoint(Structure structure, CalculationResult result, long step) {
        this(structure, result, step, 1.0);
    }

    /**
     * Validates.
     */
    public TrainingPoint {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(result, "result");
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("Training point at step " + step + " has weight " + weight
                    + "; a weight must be positive and finite");
        }
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
