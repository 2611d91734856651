package org.proxima.md.integrate;

import java.util.OptionalDouble;

import org.proxima.core.calc.CalculationResult;
import org.proxima.md.ForceField;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;

/**
 * Berendsen velocity rescaling (J. Chem. Phys. 81, 3684, 1984) as ASE's {@code NVTBerendsen}: before each
 * velocity-Verlet step, v ← λ v with λ = √(1 + (dt/τ)(T₀/T − 1)), clamped to [0.9, 1.1], where T counts all 3N
 * degrees of freedom as ASE's {@code get_temperature()} does (the reported temperature uses 3N − 3). It does not
 * sample the
 * canonical ensemble (kinetic-energy fluctuations are suppressed); use it for equilibration. The reported
 * "conserved" quantity is the total energy minus the energy the rescaling has added.
 */
public final class BerendsenNvt implements Integrator {

    static final String TRANSFERRED = "berendsen.transferred";

    private final double dt;
    private final double temperatureK;
    private final double tauFs;
    private final VelocityVerlet verlet;

    /**
     * @param timestepFs time step, fs
     * @param temperatureK target temperature, K
     * @param tauFs coupling time τ, fs
     */
    public BerendsenNvt(double timestepFs, double temperatureK, double tauFs) {
        this.dt = Motion.positive(timestepFs, "Time step (fs)");
        this.temperatureK = Motion.positive(temperatureK, "Temperature (K)");
        this.tauFs = Motion.positive(tauFs, "Berendsen time constant tau (fs)");
        this.verlet = new VelocityVerlet(timestepFs);
    }

    @Override
    public String name() {
        return "berendsen-nvt";
    }

    @Override
    public double timestepFs() {
        return dt;
    }

    @Override
    public void initialize(MdState state, CalculationResult current) {
        if (!state.hasVariable(TRANSFERRED)) { // a fresh run, not a resumed one
            state.zeroTotalMomentum();
            state.variable(TRANSFERRED, 1);
        }
    }

    /**
     * Rescales the velocities towards the target temperature.
     *
     * @param state the state
     */
    void rescale(MdState state) {
        double kinetic = state.kineticEnergyEv();
        double t = state.temperatureK(3 * state.size());
        if (!(t > 0)) {
            throw new IllegalStateException("Temperature is zero: Berendsen rescaling cannot heat a system at rest;"
                    + " give initial velocities");
        }
        double lambda = Math.sqrt(1 + dt / tauFs * (temperatureK / t - 1));
        lambda = Math.max(0.9, Math.min(1.1, lambda));
        Motion.scaleVelocities(state, lambda);
        state.variable(TRANSFERRED, 1)[0] += (lambda * lambda - 1) * kinetic;
    }

    @Override
    public CalculationResult step(MdState state, CalculationResult current, ForceField forceField) {
        rescale(state);
        return verlet.step(state, current, forceField);
    }

    @Override
    public OptionalDouble conservedEnergyEv(MdState state, CalculationResult current) {
        return OptionalDouble.of(current.energyEv() + state.kineticEnergyEv() - state.variable(TRANSFERRED, 1)[0]);
    }

    @Override
    public int degreesOfFreedom(MdState state) {
        return Motion.momentumConservingDof(state);
    }
}
