package org.proxima.md.integrate;

import org.proxima.md.MdState;

/**
 * Berendsen velocity rescaling (J. Chem. Phys. 81, 3684, 1984) as ASE's {@code NVTBerendsen}: before each
 * velocity-Verlet step, v ← λ v with λ = √(1 + (dt/τ)(T₀/T − 1)), clamped to [0.9, 1.1], where T counts all 3N
 * degrees of freedom as ASE's {@code get_temperature()} does (the reported temperature uses 3N − 3). It does not
 * sample the canonical ensemble (kinetic-energy fluctuations are suppressed); use it for equilibration. The
 * reported "conserved" quantity is the total energy minus the energy the rescaling has added.
 */
public final class BerendsenNvt extends VelocityRescaling {

    private final double temperatureK;
    private final double tauFs;

    /**
     * @param timestepFs time step, fs
     * @param temperatureK target temperature, K
     * @param tauFs coupling time τ, fs
     * @return the integrator
     */
    public static BerendsenNvt of(double timestepFs, double temperatureK, double tauFs) {
        return new BerendsenNvt(timestepFs, temperatureK, tauFs);
    }

    private BerendsenNvt(double timestepFs, double temperatureK, double tauFs) {
        super(timestepFs, "berendsen.transferred");
        this.temperatureK = Motion.positive(temperatureK, "Temperature (K)");
        this.tauFs = Motion.positive(tauFs, "Berendsen time constant tau (fs)");
    }

    @Override
    public String name() {
        return "berendsen-nvt";
    }

    @Override
    protected double scaleFactor(MdState state, double kinetic) {
        double t = state.temperatureK(3 * state.size());
        double lambda = Math.sqrt(1 + timestepFs() / tauFs * (temperatureK / t - 1));
        return Math.max(0.9, Math.min(1.1, lambda));
    }
}
