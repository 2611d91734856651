package org.proxima.md;

import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.Set;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Property;
import org.proxima.core.checkpoint.CheckpointException;
import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;

/**
 * One MD integration scheme. An integrator owns the whole step: given the state and the calculation at its
 * current positions, it advances the state by one time step, calling the force field exactly once at the new
 * positions, and returns that calculation (ASE's {@code step(forces)} pattern). The driver
 * ({@link MolecularDynamics}) owns the loop, the step counter and the observers.
 *
 * <p>Thermostat and barostat variables live in the {@link MdState} (by name) so that copying or saving the state
 * captures them; random numbers come from the state's generator so that they are reproducible and saved with it.
 * An integrator's own checkpoint state is therefore only what identifies it (name and time step), and restoring
 * checks that a run continues with the same scheme.
 */
public interface Integrator extends Checkpointable {

    /** @return a short name, e.g. {@code "velocity-verlet"} */
    String name();

    /** @return time step, fs */
    double timestepFs();

    /** @return properties the calculator must provide; stress for barostats */
    default Set<Property> requiredProperties() {
        return EnumSet.of(Property.ENERGY, Property.FORCES);
    }

    /**
     * @return whether the scheme moves the cell (a barostat); by default, whether it needs the stress, which only a
     *     barostat does
     */
    default boolean variableCell() {
        return requiredProperties().contains(Property.STRESS);
    }

    /**
     * Called once before the first force evaluation of a run: the place to bring the state into a form the scheme
     * needs (e.g. rotate the cell into triangular form). The default does nothing.
     *
     * @param state the state
     */
    default void prepare(MdState state) {
    }

    /**
     * Prepares integrator variables before the first step of a run (e.g. zeroes the centre-of-mass momentum, sets
     * up past positions). Called once per run with the calculation at the initial state; when a state already
     * holds this integrator's variables (a resumed run) it must keep them.
     *
     * @param state the state
     * @param current the calculation at the current positions
     */
    void initialize(MdState state, CalculationResult current);

    /**
     * Advances by one time step.
     *
     * @param state the state, updated in place (the driver advances the step counter afterwards)
     * @param current the calculation at the current positions
     * @param forceField evaluates the new positions; call exactly once
     * @return the calculation at the new positions
     */
    CalculationResult step(MdState state, CalculationResult current, ForceField forceField);

    /**
     * The quantity the exact dynamics conserves: total energy for NVE; the extended-system energy (including the
     * thermostat's accumulated work) for thermostats and barostats.
     *
     * @param state the state
     * @param current the calculation at the current positions
     * @return the conserved quantity, eV, or empty if the scheme has none (Berendsen barostat)
     */
    OptionalDouble conservedEnergyEv(MdState state, CalculationResult current);

    /**
     * Degrees of freedom the scheme samples, for the temperature: 3N − 3 when total momentum is conserved, 3N for
     * per-atom stochastic forces (Langevin).
     *
     * @param state the state
     * @return the count
     */
    int degreesOfFreedom(MdState state);

    /** @return the scheme's name and time step, so that a resumed run can check it continues with the same */
    @Override
    default StateMap saveState() {
        return new StateMap().putString("name", name()).putDouble("timestep_fs", timestepFs());
    }

    /**
     * Checks that a checkpoint was written by the same scheme (its variables are in the MD state).
     *
     * @param state a state written by {@link #saveState()}
     * @throws CheckpointException if the scheme differs
     */
    @Override
    default void restoreState(StateMap state) {
        if (!name().equals(state.getString("name"))) {
            throw new CheckpointException("The checkpoint was written by the " + state.getString("name")
                    + " integrator; this run uses " + name() + ", whose variables it does not hold");
        }
    }
}
