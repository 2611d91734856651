package org.proxima.core.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void constantsAgreeWithLammpsAndAseWithinTheirPrecision() {
        // LAMMPS metal: kB = 8.617343e-5 eV/K, mvv2e = 1.0364269e-4 eV per (g/mol)(Å/ps)², nktv2p = 1.6021765e6
        assertEquals(8.617343e-5, Units.KB_EV_PER_K, 2e-6 * 8.617343e-5);
        assertEquals(1.0364269e-4 * 1e6, Units.AMU_A2_PER_FS2_IN_EV, 1e-5);
        assertEquals(1.6021765e6, Units.EV_PER_A3_IN_BAR, 1.0);
        // ASE (CODATA 2014): kB = 8.6173303e-5
        assertEquals(8.6173303e-5, Units.KB_EV_PER_K, 5e-7 * 8.6173303e-5);
        assertEquals(160.21766208, Units.EV_PER_A3_IN_GPA, 1e-8 * 160.2);
    }

    @Test
    void conversionsInvert() {
        assertEquals(2.5, Units.evPerA3ToGpa(Units.gpaToEvPerA3(2.5)), 1e-14);
        // the paper's density: 63 Si in 1357.13 Å³ is 2.1657 g/cm³, computed with N_A = 6.02e23
        double ours = Units.densityGPerCm3(63 * 28.0855, 1357.13);
        assertEquals(2.1657, ours * Units.AVOGADRO_PER_MOL / 6.02e23, 1e-4);
    }
}
