package org.proxima.md.integrate;

import org.proxima.core.units.Units;
import org.proxima.md.MdState;

/**
 * A Nosé–Hoover chain (Martyna, Klein and Tuckerman, J. Chem. Phys. 97, 2635, 1992) acting on the particle
 * velocities, integrated over half a time step exactly as LAMMPS {@code fix nvt/npt} ({@code nhc_temp_integrate}):
 * Trotter factorisation with quarter-step chain-velocity updates around one velocity scaling. Masses
 * Q₁ = f k_B T τ², Q_k = k_B T τ² (k &gt; 1). Its coordinates ξ and velocities ξ̇ (1/fs) live in the
 * {@link MdState} under {@code prefix + ".eta"} and {@code prefix + ".etaDot"}.
 */
final class NoseHooverChainThermostat {

    private final String etaName;
    private final String etaDotName;
    private final int chain;
    private final double[] acc;
    private final double kt;
    private final double tauFs;

    /**
     * @param prefix variable-name prefix
     * @param chainLength M ≥ 1
     * @param temperatureK target temperature, K
     * @param tauFs time constant, fs
     */
    NoseHooverChainThermostat(String prefix, int chainLength, double temperatureK, double tauFs) {
        if (chainLength < 1) {
            throw new IllegalArgumentException("Nosé-Hoover chain length must be ≥ 1, got " + chainLength);
        }
        this.etaName = prefix + ".eta";
        this.etaDotName = prefix + ".etaDot";
        this.chain = chainLength;
        this.kt = Units.KB_EV_PER_K * Motion.positive(temperatureK, "Temperature (K)");
        this.tauFs = Motion.positive(tauFs, "Thermostat time constant (fs)");
        this.acc = new double[chainLength];
    }

    private double mass(int k, int dof) {
        return (k == 0 ? dof : 1) * kt * tauFs * tauFs;
    }

    /**
     * Integrates the chain and scales the velocities over half a step.
     *
     * @param state the state
     * @param dof degrees of freedom f
     * @param dtFs the full time step, fs
     */
    void halfStep(MdState state, int dof, double dtFs) {
        double[] eta = state.variable(etaName, chain);
        double[] etaDot = state.variable(etaDotName, chain);
        double dt2 = 0.5 * dtFs;
        double dt4 = 0.25 * dtFs;
        double dt8 = 0.125 * dtFs;
        double keTarget = dof * kt;
        double kecurrent = 2 * state.kineticEnergyEv();
        double[] acc = this.acc;
        acc[0] = (kecurrent - keTarget) / mass(0, dof);
        for (int k = 1; k < chain; k++) {
            acc[k] = (mass(k - 1, dof) * etaDot[k - 1] * etaDot[k - 1] - kt) / mass(k, dof);
        }
        for (int k = chain - 1; k > 0; k--) {
            double e = Math.exp(-dt8 * next(etaDot, k));
            etaDot[k] = (etaDot[k] * e + acc[k] * dt4) * e;
        }
        double e0 = Math.exp(-dt8 * next(etaDot, 0));
        etaDot[0] = (etaDot[0] * e0 + acc[0] * dt4) * e0;
        double factor = Math.exp(-dt2 * etaDot[0]);
        Motion.scaleVelocities(state, factor);
        kecurrent *= factor * factor;
        acc[0] = (kecurrent - keTarget) / mass(0, dof);
        for (int k = 0; k < chain; k++) {
            eta[k] += dt2 * etaDot[k];
        }
        etaDot[0] = (etaDot[0] * e0 + acc[0] * dt4) * e0;
        for (int k = 1; k < chain; k++) {
            double e = Math.exp(-dt8 * next(etaDot, k));
            acc[k] = (mass(k - 1, dof) * etaDot[k - 1] * etaDot[k - 1] - kt) / mass(k, dof);
            etaDot[k] = (etaDot[k] * e + acc[k] * dt4) * e;
        }
    }

    private double next(double[] etaDot, int k) {
        return k + 1 < chain ? etaDot[k + 1] : 0.0;
    }

    /**
     * The chain's energy: f k_B T ξ₁ + k_B T Σ_{k&gt;1} ξ_k + Σ ½ Q_k ξ̇_k².
     *
     * @param state the state
     * @param dof degrees of freedom f
     * @return energy, eV
     */
    double energyEv(MdState state, int dof) {
        double[] eta = state.variable(etaName, chain);
        double[] etaDot = state.variable(etaDotName, chain);
        double e = 0;
        for (int k = 0; k < chain; k++) {
            e += (k == 0 ? dof * kt : kt) * eta[k] + 0.5 * mass(k, dof) * etaDot[k] * etaDot[k];
        }
        return e;
    }

    /**
     * @param state the state
     * @return whether the chain variables exist (a resumed run)
     */
    boolean isInitialized(MdState state) {
        return state.hasVariable(etaName);
    }

    /**
     * Creates the chain variables (zero) if absent.
     *
     * @param state the state
     */
    void initialize(MdState state) {
        state.variable(etaName, chain);
        state.variable(etaDotName, chain);
    }
}
