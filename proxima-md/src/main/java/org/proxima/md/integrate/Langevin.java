package org.proxima.md.integrate;

import java.util.OptionalDouble;

import org.apache.commons.math3.random.RandomGenerator;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.units.Units;
import org.proxima.md.ForceField;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;

/**
 * Langevin dynamics with the BAOAB splitting (Leimkuhler and Matthews, 2013): half kick (B), half drift (A),
 * exact Ornstein–Uhlenbeck velocity update v ← c v + √((1 − c²) k_B T / m) ξ with c = exp(−γ dt) (O), half drift,
 * force, half kick. Independent noise per atom, so all 3N degrees of freedom are thermalised and total momentum is
 * not conserved. The conserved quantity reported is the total energy minus the heat the thermostat has put in
 * (accumulated over the O steps), which only the integration error changes.
 */
public final class Langevin implements Integrator {

    static final String HEAT = "langevin.heat";

    private final double dt;
    private final double temperatureK;
    private final double frictionPerFs;
    private double[] f = new double[0];

    /**
     * @param timestepFs time step, fs
     * @param temperatureK target temperature, K (positive)
     * @param frictionPerFs friction γ, 1/fs (positive; ASE's default-like 0.01/fs gives a 100 fs relaxation)
     * @return the integrator
     */
    public static Langevin of(double timestepFs, double temperatureK, double frictionPerFs) {
        return new Langevin(timestepFs, temperatureK, frictionPerFs);
    }

    private Langevin(double timestepFs, double temperatureK, double frictionPerFs) {
        this.dt = Motion.positive(timestepFs, "Time step (fs)");
        this.temperatureK = Motion.positive(temperatureK, "Temperature (K)");
        this.frictionPerFs = Motion.positive(frictionPerFs, "Langevin friction (1/fs)");
    }

    @Override
    public String name() {
        return "langevin";
    }

    @Override
    public double timestepFs() {
        return dt;
    }

    @Override
    public void initialize(MdState state, CalculationResult current) {
        state.variable(HEAT, 1);
    }

    @Override
    public CalculationResult step(MdState state, CalculationResult current, ForceField forceField) {
        f = Motion.forces(current, f);
        Motion.kick(state, f, 0.5 * dt);
        Motion.drift(state, 0.5 * dt);
        double before = state.kineticEnergyEv();
        double c = Math.exp(-frictionPerFs * dt);
        double noise = Math.sqrt(1 - c * c);
        double kt = Units.KB_EV_PER_K * temperatureK;
        double[] v = state.velocities();
        RandomGenerator rng = state.random();
        for (int i = 0; i < state.size(); i++) {
            double sigma = noise * Math.sqrt(kt / (state.massAmu(i) * Units.AMU_A2_PER_FS2_IN_EV));
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] = c * v[3 * i + k] + sigma * rng.nextGaussian();
            }
        }
        state.variable(HEAT, 1)[0] += state.kineticEnergyEv() - before;
        Motion.drift(state, 0.5 * dt);
        CalculationResult next = forceField.evaluate(state);
        f = Motion.forces(next, f);
        Motion.kick(state, f, 0.5 * dt);
        return next;
    }

    @Override
    public OptionalDouble conservedEnergyEv(MdState state, CalculationResult current) {
        return OptionalDouble.of(current.energyEv() + state.kineticEnergyEv() - state.variable(HEAT, 1)[0]);
    }

    @Override
    public int degreesOfFreedom(MdState state) {
        return 3 * state.size();
    }
}
