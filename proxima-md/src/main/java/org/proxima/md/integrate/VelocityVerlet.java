package org.proxima.md.integrate;

import java.util.OptionalDouble;

import org.proxima.core.calc.CalculationResult;
import org.proxima.md.ForceField;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;

/**
 * Velocity Verlet (NVE), as LAMMPS {@code fix nve} and ASE {@code VelocityVerlet}: v += ½dt F/m; x += dt v;
 * F = F(x); v += ½dt F/m. Conserved quantity: total energy. Temperature uses 3N − 3 degrees of freedom (total
 * momentum is conserved).
 */
public final class VelocityVerlet implements Integrator {

    private final double dt;
    private double[] f = new double[0];

    private VelocityVerlet(double timestepFs) {
        this.dt = Motion.positive(timestepFs, "Time step (fs)");
    }

    /**
     * @param timestepFs time step, fs (positive)
     * @return the integrator
     */
    public static VelocityVerlet of(double timestepFs) {
        return new VelocityVerlet(timestepFs);
    }

    @Override
    public String name() {
        return "velocity-verlet";
    }

    @Override
    public double timestepFs() {
        return dt;
    }

    @Override
    public void initialize(MdState state, CalculationResult current) {
        // nothing to prepare
    }

    @Override
    public CalculationResult step(MdState state, CalculationResult current, ForceField forceField) {
        f = Motion.forces(current, f);
        Motion.kick(state, f, 0.5 * dt);
        Motion.drift(state, dt);
        CalculationResult next = forceField.evaluate(state);
        f = Motion.forces(next, f);
        Motion.kick(state, f, 0.5 * dt);
        return next;
    }

    @Override
    public OptionalDouble conservedEnergyEv(MdState state, CalculationResult current) {
        return OptionalDouble.of(current.energyEv() + state.kineticEnergyEv());
    }

    @Override
    public int degreesOfFreedom(MdState state) {
        return Motion.momentumConservingDof(state);
    }
}
