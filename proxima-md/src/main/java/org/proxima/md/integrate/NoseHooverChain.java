package org.proxima.md.integrate;

import java.util.OptionalDouble;

import org.proxima.core.calc.CalculationResult;
import org.proxima.md.ForceField;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;

/**
 * Nosé–Hoover chain NVT (Martyna, Klein and Tuckerman 1992; Martyna, Tuckerman, Tobias and Klein, Mol. Phys. 87,
 * 1117, 1996), integrated as LAMMPS {@code fix nvt}: half a chain step, velocity Verlet, half a chain step. The
 * conserved quantity is E_kin + E_pot + f k_B T ξ₁ + k_B T Σ_{k&gt;1} ξ_k + Σ ½ Q_k ξ̇_k², with f = 3N − 3
 * (total momentum is conserved and zeroed at the start).
 */
public final class NoseHooverChain implements Integrator {

    /** Default chain length (LAMMPS' default). */
    public static final int DEFAULT_CHAIN_LENGTH = 3;

    private final double dt;
    private final NoseHooverChainThermostat chain;
    private final VelocityVerlet verlet;

    /**
     * @param timestepFs time step, fs
     * @param temperatureK target temperature, K
     * @param tauFs thermostat time constant, fs (LAMMPS' Tdamp)
     * @param chainLength number of thermostats in the chain (≥ 1)
     */
    public NoseHooverChain(double timestepFs, double temperatureK, double tauFs, int chainLength) {
        this.dt = Motion.positive(timestepFs, "Time step (fs)");
        this.chain = new NoseHooverChainThermostat("nhc", chainLength, temperatureK, tauFs);
        this.verlet = new VelocityVerlet(timestepFs);
    }

    @Override
    public String name() {
        return "nose-hoover-chain";
    }

    @Override
    public double timestepFs() {
        return dt;
    }

    @Override
    public void initialize(MdState state, CalculationResult current) {
        if (!chain.isInitialized(state)) { // a fresh run, not a resumed one
            state.zeroTotalMomentum();
            chain.initialize(state);
        }
    }

    @Override
    public CalculationResult step(MdState state, CalculationResult current, ForceField forceField) {
        int dof = degreesOfFreedom(state);
        chain.halfStep(state, dof, dt);
        CalculationResult next = verlet.step(state, current, forceField);
        chain.halfStep(state, dof, dt);
        return next;
    }

    @Override
    public OptionalDouble conservedEnergyEv(MdState state, CalculationResult current) {
        return OptionalDouble.of(current.energyEv() + state.kineticEnergyEv()
                + chain.energyEv(state, degreesOfFreedom(state)));
    }

    @Override
    public int degreesOfFreedom(MdState state) {
        return Motion.momentumConservingDof(state);
    }
}
