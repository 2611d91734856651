package org.proxima.md.integrate;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.units.Units;
import org.proxima.md.MdState;

/** The elementary moves shared by the integrators, on flat arrays, without allocation. */
final class Motion {

    private Motion() {
    }

    /**
     * v += dt · F / m.
     *
     * @param state the state
     * @param forces flat forces, eV/Å
     * @param dtFs time, fs
     */
    static void kick(MdState state, double[] forces, double dtFs) {
        double[] v = state.velocities();
        for (int i = 0; i < state.size(); i++) {
            double c = dtFs / (state.massAmu(i) * Units.AMU_A2_PER_FS2_IN_EV);
            v[3 * i] += c * forces[3 * i];
            v[3 * i + 1] += c * forces[3 * i + 1];
            v[3 * i + 2] += c * forces[3 * i + 2];
        }
    }

    /**
     * x += dt · v.
     *
     * @param state the state
     * @param dtFs time, fs
     */
    static void drift(MdState state, double dtFs) {
        double[] x = state.positions();
        double[] v = state.velocities();
        for (int k = 0; k < x.length; k++) {
            x[k] += dtFs * v[k];
        }
    }

    /**
     * v *= factor.
     *
     * @param state the state
     * @param factor scale factor
     */
    static void scaleVelocities(MdState state, double factor) {
        double[] v = state.velocities();
        for (int k = 0; k < v.length; k++) {
            v[k] *= factor;
        }
    }

    /**
     * Copies the forces of a result into a scratch array, reallocating it if the size changed.
     *
     * @param result the calculation
     * @param scratch the current scratch array (may be too small)
     * @return the array holding the forces
     */
    static double[] forces(CalculationResult result, double[] scratch) {
        int n = result.atomCount() * 3;
        double[] f = scratch.length == n ? scratch : new double[n];
        result.copyForcesInto(f);
        return f;
    }

    /**
     * Degrees of freedom of a momentum-conserving scheme: 3N − 3 (at least 1).
     *
     * @param state the state
     * @return the count
     */
    static int momentumConservingDof(MdState state) {
        return Math.max(1, 3 * state.size() - 3);
    }

    /** Energy, forces and stress: what every barostat needs from the calculator. */
    static final java.util.Set<org.proxima.core.calc.Property> WITH_STRESS = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(org.proxima.core.calc.Property.ENERGY, org.proxima.core.calc.Property.FORCES,
                    org.proxima.core.calc.Property.STRESS));

    /**
     * Validates a positive finite parameter.
     *
     * @param value the value
     * @param what name and unit for the message
     * @return the value
     */
    static double positive(double value, String what) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + value);
        }
        return value;
    }
}
