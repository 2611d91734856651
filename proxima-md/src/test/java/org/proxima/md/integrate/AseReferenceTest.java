package org.proxima.md.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proxima.core.testing.ArrayAssertions.assertArrayClose;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.proxima.core.io.ExtXyzReader;
import org.proxima.core.io.Frame;
import org.proxima.core.testing.ReferenceData;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;
import org.proxima.md.MolecularDynamics;
import org.proxima.md.potential.LennardJones;

/**
 * The deterministic integrators reproduce ASE 3.22's own trajectories step by step (reference/ase-md, made by
 * reference/ase-md/generate.py): 108 Lennard-Jones Ar atoms in a sheared cell, 40 steps of 2 fs. Differences come
 * only from the unit constants (CODATA 2018 here, 2014 in ASE: ~1e-7 relative).
 */
class AseReferenceTest {

    /**
     * ASE's Berendsen NPT evaluates forces twice per step (again after scaling the cell, before the first half
     * kick); Proxima evaluates once and kicks with the forces from before the scaling, an O(dt·strain rate)
     * difference. This reference compresses the cell by 0.17% per step (1.6 GPa on Ar near zero pressure), so
     * the trajectories separate (by ~1e-4 Å in 15 steps, then faster as the difference feeds back) while the cell
     * shrinks by ~0.4 Å in those 15 steps: comparing them still pins the barostat's formula, its per-axis mask
     * and the thermostat to ASE's.
     */
    private static final double BERENDSEN_NPT_LOOSER = 2000;

    private static final double PRESSURE_GPA = 0.01 * 160.21766208; // ASE's 0.01 eV/Å³ in its own GPa

    private static List<Frame> reference(String name) {
        return ExtXyzReader.readAll(ReferenceData.file("ase-md/" + name));
    }

    private static void compare(String file, Integrator integrator, boolean conserved) {
        compare(file, integrator, conserved, 1, Integer.MAX_VALUE);
    }

    private static void compare(String file, Integrator integrator, boolean conserved, double looser,
            int compareSteps) {
        List<Frame> ref = reference(file);
        Frame first = ref.get(0);
        MdState state = MdState.of(first.structure(), first.velocitiesAPerFs().orElseThrow(), 1);
        List<double[]> positions = new ArrayList<>();
        List<double[]> velocities = new ArrayList<>();
        List<double[]> cells = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        List<Double> conservedValues = new ArrayList<>();
        try (LennardJones lj = LennardJones.uniform(0.0104, 3.4, 7.5, List.of("Ar"));
                MolecularDynamics md = MolecularDynamics.builder(state, lj, integrator).observer(s -> {
                    positions.add(s.positionsA());
                    velocities.add(s.velocitiesAPerFs());
                    cells.add(s.cell().toRowMajorArray());
                    energies.add(s.potentialEnergyEv());
                    conservedValues.add(s.conservedEnergyEv());
                }, 1).build()) {
            md.run(ref.size() - 1);
        }
        for (int k = 0; k < Math.min(ref.size(), compareSteps + 1); k++) {
            Frame f = ref.get(k);
            String at = file + " step " + k;
            assertArrayClose(f.structure().positionsA(), positions.get(k), 2e-7 * looser, at + " positions (Å)");
            assertArrayClose(f.velocitiesAPerFs().orElseThrow(), velocities.get(k), 5e-9 * looser,
                    at + " velocities (Å/fs)");
            assertArrayClose(f.structure().cell().toRowMajorArray(), cells.get(k), 2e-7 * looser, at + " cell (Å)");
            double epot = f.infoNumber("epot").orElseThrow();
            assertEquals(epot, energies.get(k), 3e-7 * looser * Math.max(1, Math.abs(epot)), at + " potential energy");
            if (conserved) {
                double c = f.infoNumber("conserved").orElseThrow();
                assertEquals(c, conservedValues.get(k), 1e-6 * Math.max(1, Math.abs(c)), at + " conserved");
            }
        }
    }

    @Test
    void velocityVerlet() {
        compare("verlet.extxyz", VelocityVerlet.of(2.0), true);
    }

    @Test
    void melchionnaNptWithShearMask() {
        compare("npt_melchionna.extxyz", MelchionnaNpt.builder(2.0, 80).ttimeFs(25)
                .pfactorFs2Gpa(75.0 * 75.0 * 3.0 * 160.2176634 / 160.21766208).pressureGpa(PRESSURE_GPA)
                .mask(BarostatMask.parse("1,1,1,1,0,1")).build(), true);
    }

    @Test
    void berendsenNvt() {
        compare("nvt_berendsen.extxyz", BerendsenNvt.of(2.0, 80, 50), false);
    }

    @Test
    void berendsenNptIsotropic() {
        compare("npt_berendsen.extxyz", BerendsenNpt.builder(2.0, 80).thermostat(50).pressureGpa(PRESSURE_GPA)
                .barostat(200, 3.0 * 160.2176634 / 160.21766208).build(), false, BERENDSEN_NPT_LOOSER, 15);
    }

    @Test
    void berendsenNptPerAxis() {
        compare("npt_berendsen_per_axis.extxyz", BerendsenNpt.builder(2.0, 80).thermostat(50)
                .pressureGpa(PRESSURE_GPA).barostat(200, 3.0 * 160.2176634 / 160.21766208)
                .mask(BarostatMask.parse("1,0,1,0,0,0")).build(), false, BERENDSEN_NPT_LOOSER, 15);
    }
}
