package org.proxima.md.integrate;

import java.util.OptionalDouble;

import org.proxima.core.calc.CalculationResult;
import org.proxima.md.ForceField;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;

/**
 * Thermostats that scale all velocities by one factor before each velocity-Verlet step (Bussi, Berendsen). The
 * energy the scaling adds is accumulated, and the conserved quantity reported is the total energy minus it (ASE's
 * {@code transferred_energy}). Total momentum stays zero (zeroed at the start), so f = 3N − 3.
 */
abstract class VelocityRescaling implements Integrator {

    private final double dt;
    private final String transferred;
    private final VelocityVerlet verlet;

    /**
     * @param timestepFs time step, fs
     * @param variable name of the accumulated-energy variable in the state
     */
    VelocityRescaling(double timestepFs, String variable) {
        this.dt = Motion.positive(timestepFs, "Time step (fs)");
        this.transferred = variable;
        this.verlet = VelocityVerlet.of(timestepFs);
    }

    @Override
    public final double timestepFs() {
        return dt;
    }

    @Override
    public void initialize(MdState state, CalculationResult current) {
        if (!state.hasVariable(transferred)) { // a fresh run, not a resumed one
            state.zeroTotalMomentum();
            state.variable(transferred, 1);
        }
    }

    /**
     * The factor α to scale all velocities by at this step.
     *
     * @param state the state before scaling
     * @param kineticEv its kinetic energy, eV (positive)
     * @return α
     */
    protected abstract double scaleFactor(MdState state, double kineticEv);

    /**
     * Scales the velocities and records the energy added.
     *
     * @param state the state
     */
    final void rescale(MdState state) {
        double kinetic = state.kineticEnergyEv();
        if (!(kinetic > 0)) {
            throw new IllegalStateException("Kinetic energy is zero: " + name() + " rescaling cannot heat a system at "
                    + "rest; give initial velocities (e.g. Maxwell-Boltzmann at the target temperature)");
        }
        double alpha = scaleFactor(state, kinetic);
        Motion.scaleVelocities(state, alpha);
        state.variable(transferred, 1)[0] += (alpha * alpha - 1) * kinetic;
    }

    @Override
    public CalculationResult step(MdState state, CalculationResult current, ForceField forceField) {
        rescale(state);
        return verlet.step(state, current, forceField);
    }

    @Override
    public OptionalDouble conservedEnergyEv(MdState state, CalculationResult current) {
        return OptionalDouble.of(current.energyEv() + state.kineticEnergyEv() - state.variable(transferred, 1)[0]);
    }

    @Override
    public int degreesOfFreedom(MdState state) {
        return Motion.momentumConservingDof(state);
    }
}
