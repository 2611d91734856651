package org.proxima.md.integrate;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.proxima.core.units.Units;
import org.proxima.md.MdState;

/**
 * Bussi–Donadio–Parrinello stochastic velocity rescaling (CSVR; J. Chem. Phys. 126, 014101, 2007), as ASE's
 * {@code Bussi}: each step first rescales all velocities by α, drawing the new kinetic energy
 * <pre>
 * K' = K + (1 − c)(K̄ (R₁² + Σ_{i=2}^{f} R_i²)/f − K) + 2 R₁ √(c (1 − c) K K̄ / f),   c = exp(−dt/τ)
 * </pre>
 * (K̄ = f k_B T / 2, R_i standard normal, the sum of f − 1 squares drawn as 2·Gamma((f − 1)/2, 1)), then makes a
 * velocity-Verlet step. f = 3N − 3: a common scale factor keeps the total momentum zero. The conserved quantity
 * is the total energy minus the energy the thermostat has transferred (ASE's {@code transferred_energy}).
 */
public final class Bussi extends VelocityRescaling {

    private final double temperatureK;
    private final double tauFs;

    private GammaDistribution gamma;
    private RandomGenerator gammaRng;
    private int gammaDof = -1;

    /**
     * @param timestepFs time step, fs
     * @param temperatureK target temperature, K
     * @param tauFs relaxation time τ, fs (the paper's NVT runs: 25 fs)
     * @return the integrator
     */
    public static Bussi of(double timestepFs, double temperatureK, double tauFs) {
        return new Bussi(timestepFs, temperatureK, tauFs);
    }

    private Bussi(double timestepFs, double temperatureK, double tauFs) {
        super(timestepFs, "bussi.transferred");
        this.temperatureK = Motion.positive(temperatureK, "Temperature (K)");
        this.tauFs = Motion.positive(tauFs, "Bussi time constant tau (fs)");
    }

    @Override
    public String name() {
        return "bussi";
    }

    @Override
    protected double scaleFactor(MdState state, double kinetic) {
        int dof = degreesOfFreedom(state);
        double target = 0.5 * dof * Units.KB_EV_PER_K * temperatureK;
        double c = Math.exp(-timestepFs() / tauFs);
        RandomGenerator rng = state.random();
        double r1 = rng.nextGaussian();
        double rest = dof > 1 ? 2 * gamma(rng, dof).sample() : 0.0;
        double newKinetic = kinetic + (1 - c) * (target * (r1 * r1 + rest) / dof - kinetic)
                + 2 * r1 * Math.sqrt(c * (1 - c) * kinetic * target / dof);
        return Math.sqrt(Math.max(newKinetic, 0) / kinetic);
    }

    /** The Γ((f − 1)/2, 1) sampler on the state's generator, made once (it holds no state of its own). */
    private GammaDistribution gamma(RandomGenerator rng, int dof) {
        if (gamma == null || gammaRng != rng || gammaDof != dof) {
            gamma = new GammaDistribution(rng, 0.5 * (dof - 1), 1.0);
            gammaRng = rng;
            gammaDof = dof;
        }
        return gamma;
    }
}
