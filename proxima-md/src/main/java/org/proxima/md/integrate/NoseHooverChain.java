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

    private NoseHooverChain(Builder b) {
        this.dt = Motion.positive(b.timestepFs, "Time step (fs)");
        this.chain = new NoseHooverChainThermostat("nhc", b.chainLength, b.temperatureK, b.tauFs);
        this.verlet = VelocityVerlet.of(b.timestepFs);
    }

    /**
     * Starts a builder.
     *
     * @param timestepFs time step, fs
     * @param temperatureK target temperature, K
     * @param tauFs thermostat time constant, fs (LAMMPS' Tdamp; e.g. 100 time steps)
     * @return the builder (chain length 3, as LAMMPS' {@code tchain})
     */
    public static Builder builder(double timestepFs, double temperatureK, double tauFs) {
        return new Builder(timestepFs, temperatureK, tauFs);
    }

    /** Builds a {@link NoseHooverChain}; default chain length 3. */
    public static final class Builder {
        private final double timestepFs;
        private final double temperatureK;
        private final double tauFs;
        private int chainLength = 3;

        private Builder(double timestepFs, double temperatureK, double tauFs) {
            this.timestepFs = timestepFs;
            this.temperatureK = temperatureK;
            this.tauFs = tauFs;
        }

        /**
         * @param value number of thermostats in the chain (≥ 1; default 3)
         * @return this
         */
        public Builder chainLength(int value) {
            this.chainLength = value;
            return this;
        }

        /**
         * @return the integrator
         * @throws IllegalArgumentException naming a non-positive time, temperature or chain length
         */
        public NoseHooverChain build() {
            return new NoseHooverChain(this);
        }
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
