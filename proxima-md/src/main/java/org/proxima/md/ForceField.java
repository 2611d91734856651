package org.proxima.md;

import org.proxima.core.calc.CalculationResult;

/**
 * What an integrator calls, once per step, to get energy, forces (and stress) at the state's current positions
 * and cell. The {@link MolecularDynamics} driver supplies it: it wraps the user's calculator and checks the
 * result.
 */
@FunctionalInterface
public interface ForceField {

    /**
     * @param state the state at its new positions and cell
     * @return the calculation there
     */
    CalculationResult evaluate(MdState state);
}
