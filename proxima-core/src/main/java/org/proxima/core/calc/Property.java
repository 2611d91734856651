package org.proxima.core.calc;

/** The quantities a {@link ForceCalculator} can compute (ASE's {@code implemented_properties}). */
public enum Property {
    /** Potential energy, eV. */
    ENERGY,
    /** Forces on atoms, eV/Å (N×3). */
    FORCES,
    /** Stress, eV/Å³, Voigt order xx yy zz yz xz xy, ASE sign (σ = (1/V) ∂E/∂ε, positive = tensile). */
    STRESS,
    /** Per-atom potential energies, eV (N values summing to the energy). */
    ENERGIES
}
