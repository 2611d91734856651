package org.proxima.core.units;

/**
 * Physical constants and unit conversions used throughout Proxima.
 *
 * <p>Proxima's internal unit system is the one ASE uses for its public API: energy in electronvolt (eV),
 * length in ångström (Å), time in femtoseconds (fs), mass in unified atomic mass units (amu), temperature in
 * kelvin (K). Derived units: force eV/Å, stress eV/Å³ (ASE sign: positive = tensile, pressure = −trace/3),
 * velocity Å/fs, pressure in GPa where a public API says so.
 *
 * <p>All constants are exact SI-defined values or CODATA 2018 recommended values (NIST, May 2019). They differ
 * slightly from the values of the two codes users compare against; see {@code docs/units.md}:
 * <ul>
 *   <li>ASE 3.22 uses CODATA 2014 ({@code k_B = 8.6173303e-5 eV/K}, amu = 1.660539040e-27 kg): relative
 *       differences of order 1e-7 to 1e-8.</li>
 *   <li>LAMMPS metal units use {@code k_B = 8.617343e-5 eV/K}, {@code mvv2e = 1.0364269e-4} (so one
 *       amu·Å²/fs² = 103.64269 eV) and {@code nktv2p = 1.6021765e6} bar per eV/Å³: relative differences
 *       of order 1e-6 (k_B) and 3e-8 (mvv2e).</li>
 * </ul>
 */
public final class Units {

    private Units() {
    }

    /** Elementary charge, C (exact since the 2019 SI redefinition). */
    public static final double ELEMENTARY_CHARGE_C = 1.602176634e-19;

    /** Avogadro constant, 1/mol (exact). */
    public static final double AVOGADRO_PER_MOL = 6.02214076e23;

    /** Boltzmann constant, J/K (exact). */
    public static final double BOLTZMANN_J_PER_K = 1.380649e-23;

    /** Atomic mass constant (1 amu = 1 Da), kg, CODATA 2018. */
    public static final double AMU_KG = 1.66053906660e-27;

    /** Bohr radius, Å, CODATA 2018. */
    public static final double BOHR_A = 0.529177210903;

    /** Hartree energy, eV, CODATA 2018. */
    public static final double HARTREE_EV = 27.211386245988;

    /** Boltzmann constant in eV/K: k_B / e (both exact), = 8.617333262…e-5. */
    public static final double KB_EV_PER_K = BOLTZMANN_J_PER_K / ELEMENTARY_CHARGE_C;

    /**
     * Kinetic-energy conversion: 1 amu·Å²/fs² expressed in eV (= 103.642696…). Multiply m[amu]·v²[Å²/fs²] by this
     * to get eV; divide a force in eV/Å by (mass × this) to get an acceleration in Å/fs².
     */
    public static final double AMU_A2_PER_FS2_IN_EV = AMU_KG * 1e-20 / 1e-30 / ELEMENTARY_CHARGE_C;

    /** One eV/Å³ in GPa (= 160.2176634). */
    public static final double EV_PER_A3_IN_GPA = ELEMENTARY_CHARGE_C / 1e-30 / 1e9;

    /** One GPa in eV/Å³. */
    public static final double GPA_IN_EV_PER_A3 = 1.0 / EV_PER_A3_IN_GPA;

    /** One eV/Å³ in bar (LAMMPS metal pressure unit, = 1.602176634e6). */
    public static final double EV_PER_A3_IN_BAR = EV_PER_A3_IN_GPA * 1e4;

    /** One amu/Å³ in g/cm³ (= 1.66053906660). */
    public static final double AMU_PER_A3_IN_G_PER_CM3 = AMU_KG * 1e3 / 1e-24;

    /** One Hartree/bohr in eV/Å. */
    public static final double HARTREE_PER_BOHR_IN_EV_PER_A = HARTREE_EV / BOHR_A;

    /** One Hartree/bohr³ in eV/Å³. */
    public static final double HARTREE_PER_BOHR3_IN_EV_PER_A3 = HARTREE_EV / (BOHR_A * BOHR_A * BOHR_A);

    /**
     * One femtosecond in ASE's time unit Å·√(amu/eV) ({@code ase.units.fs} of ASE 3.22, CODATA 2014): ASE's momenta
     * are m·v with v in Å per that unit, so p[ASE] = m[amu] · v[Å/fs] / {@code ASE_FS}.
     */
    public static final double ASE_FS = 0.09822694788464063;

    /** One Å/ps in Å/fs (LAMMPS metal velocities). */
    public static final double A_PER_PS_IN_A_PER_FS = 1e-3;

    /**
     * Converts a stress in eV/Å³ to GPa.
     *
     * @param stressEvPerA3 stress or pressure, eV/Å³
     * @return the same quantity in GPa
     */
    public static double evPerA3ToGpa(double stressEvPerA3) {
        return stressEvPerA3 * EV_PER_A3_IN_GPA;
    }

    /**
     * Converts a pressure in GPa to eV/Å³.
     *
     * @param pressureGpa pressure or stress, GPa
     * @return the same quantity in eV/Å³
     */
    public static double gpaToEvPerA3(double pressureGpa) {
        return pressureGpa * GPA_IN_EV_PER_A3;
    }

    /**
     * Mass density of a cell.
     *
     * @param totalMassAmu total mass of the atoms, amu
     * @param volumeA3 cell volume, Å³
     * @return density, g/cm³
     */
    public static double densityGPerCm3(double totalMassAmu, double volumeA3) {
        return totalMassAmu / volumeA3 * AMU_PER_A3_IN_G_PER_CM3;
    }
}
