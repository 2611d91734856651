package org.proxima.md;

import java.util.Locale;

import org.proxima.core.calc.CalculationResult;

/**
 * What counts as a blown-up MD run, checked after every step by {@link MolecularDynamics}: a non-finite energy,
 * position or velocity, a kinetic temperature above {@code maxTemperatureK}, or an atom that moves more than
 * {@code maxStepDisplacementA} in one step (|v|·Δt; the time step is too large, or the forces exploded, and the atom
 * leaves its neighbours behind). The defaults (10⁵ K, 1 Å) leave every sane condensed-matter run alone: silicon at
 * 3000 K moves about 0.02 Å/fs.
 *
 * @param maxTemperatureK largest plausible kinetic temperature (3N degrees of freedom), K
 * @param maxStepDisplacementA largest plausible displacement of one atom in one step, Å
 */
public record SanityLimits(double maxTemperatureK, double maxStepDisplacementA) {

    /** The defaults: 10⁵ K and 1 Å per step. */
    public static final SanityLimits DEFAULT = new SanityLimits(1e5, 1.0);

    /**
     * Validates.
     */
    public SanityLimits {
        if (!(maxTemperatureK > 0) || !(maxStepDisplacementA > 0)) {
            throw new IllegalArgumentException("Sanity limits must be positive (use Double.POSITIVE_INFINITY to turn "
                    + "one off), got " + maxTemperatureK + " K and " + maxStepDisplacementA + " Å");
        }
    }

    /**
     * @param state the state after a step
     * @param result the calculation at its positions
     * @param dtFs the time step, fs
     * @return what is wrong, or null when the step is sane
     */
    String violation(MdState state, CalculationResult result, double dtFs) {
        if (!Double.isFinite(result.energyEv())) {
            return "the potential energy is " + result.energyEv() + " eV";
        }
        double[] x = state.positions();
        double[] v = state.velocities();
        double vmax2 = 0;
        int fastest = 0;
        for (int i = 0; i < state.size(); i++) {
            double v2 = 0;
            for (int k = 0; k < 3; k++) {
                if (!Double.isFinite(x[3 * i + k]) || !Double.isFinite(v[3 * i + k])) {
                    return "atom " + i + " has a non-finite position or velocity (lost)";
                }
                v2 += v[3 * i + k] * v[3 * i + k];
            }
            if (v2 > vmax2) {
                vmax2 = v2;
                fastest = i;
            }
        }
        double t = state.temperatureK(3 * state.size());
        if (!(t <= maxTemperatureK)) {
            return String.format(Locale.ROOT, "the temperature is %.4g K (limit %.4g K)", t, maxTemperatureK);
        }
        double d = Math.sqrt(vmax2) * dtFs;
        if (d > maxStepDisplacementA) {
            return String.format(Locale.ROOT, "atom %d moved %.4g Å in one step (limit %.4g Å)", fastest, d,
                    maxStepDisplacementA);
        }
        return null;
    }
}
