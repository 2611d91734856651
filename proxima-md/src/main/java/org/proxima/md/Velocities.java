package org.proxima.md;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.proxima.core.units.Units;

/** Initial velocities. */
public final class Velocities {

    private Velocities() {
    }

    /**
     * Draws Maxwell–Boltzmann velocities at a temperature (each component Gaussian with variance k_B T / m, as ASE's
     * {@code MaxwellBoltzmannDistribution}) and removes the centre-of-mass velocity (ASE's {@code Stationary}).
     * The kinetic energy is not rescaled: the sample is canonical.
     *
     * @param state the state whose velocities are overwritten
     * @param temperatureK temperature, K (≥ 0)
     * @param seed random seed; the same seed gives the same velocities
     */
    public static void maxwellBoltzmann(MdState state, double temperatureK, long seed) {
        if (!(temperatureK >= 0) || !Double.isFinite(temperatureK)) {
            throw new IllegalArgumentException("Temperature must be ≥ 0 K, got " + temperatureK);
        }
        RandomGenerator rng = new Well19937c(seed);
        double[] v = state.velocities();
        double kt = Units.KB_EV_PER_K * temperatureK;
        for (int i = 0; i < state.size(); i++) {
            double sigma = Math.sqrt(kt / (state.massAmu(i) * Units.AMU_A2_PER_FS2_IN_EV));
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] = sigma * rng.nextGaussian();
            }
        }
        state.zeroTotalMomentum();
    }
}
