package org.proxima.cp2k;

/**
 * The unit conversions CP2K 2023.1 itself uses (CODATA 2006: its shell converts input Å and its {@code UNITS_EV_A}
 * answers with these), so that positions sent in bohr describe exactly the geometry an input in Å would, and the
 * atomic-unit and eV/Å modes of the shell give identical results. They differ from the library's CODATA 2018
 * values ({@link org.proxima.core.units.Units}) by about 1e-8 (bohr) and 1e-7 (hartree), relative.
 */
public final class Cp2kUnits {

    /** Bohr radius, Å (CP2K 2023.1). */
    public static final double BOHR_A = 0.52917720859;

    /** Hartree, eV (CP2K 2023.1). */
    public static final double HARTREE_EV = 27.21138386;

    /** Ha/bohr to eV/Å. */
    public static final double HARTREE_PER_BOHR_EV_PER_A = HARTREE_EV / BOHR_A;

    /** Ha/bohr³ to eV/Å³. */
    public static final double HARTREE_PER_BOHR3_EV_PER_A3 = HARTREE_EV / (BOHR_A * BOHR_A * BOHR_A);

    private Cp2kUnits() {
    }
}
