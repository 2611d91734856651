package org.proxima.md.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.proxima.core.testing.ArrayAssertions.assertArrayClose;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.proxima.core.io.ExtXyzReader;
import org.proxima.core.io.Frame;
import org.proxima.core.testing.ReferenceData;
import org.proxima.md.MdState;
import org.proxima.md.MolecularDynamics;
import org.proxima.md.potential.StillingerWeber;

/**
 * {@link MtkNpt} reproduces LAMMPS {@code fix npt} (iso, aniso, tri) step by step on the Stillinger–Weber Si
 * vacancy cell (reference/lammps-npt, made by its generate.py): 30 steps of 1 fs at 900 K and 2 GPa. The
 * tolerances cover the unit constants (LAMMPS k_B differs from CODATA by 1.1e-6 relative).
 */
class LammpsNptReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"iso", "aniso", "tri"})
    void matchesLammpsFixNpt(String style) {
        List<Frame> ref = ExtXyzReader.readAll(ReferenceData.file("lammps-npt/" + style + ".extxyz"));
        MtkNpt.Builder b = MtkNpt.builder(1.0, 900).tdampFs(50).pdampFs(200).pressureGpa(2.0);
        if (style.equals("iso")) {
            b.isotropic();
        } else {
            b.mask(BarostatMask.parse(style.equals("tri") ? "1,1,1,1,1,1" : "1,1,1,0,0,0"));
        }
        Frame first = ref.get(0);
        MdState state = MdState.of(first.structure(), first.velocitiesAPerFs().orElseThrow(), 1);
        List<double[]> positions = new ArrayList<>();
        List<double[]> velocities = new ArrayList<>();
        List<double[]> cells = new ArrayList<>();
        List<Double> conserved = new ArrayList<>();
        try (StillingerWeber sw = StillingerWeber.silicon();
                MolecularDynamics md = MolecularDynamics.builder(state, sw, b.build()).observer(s -> {
                    positions.add(s.positionsA());
                    velocities.add(s.velocitiesAPerFs());
                    cells.add(s.cell().toRowMajorArray());
                    conserved.add(s.conservedEnergyEv());
                }, 1).build()) {
            md.run(ref.size() - 1);
        }
        double c0 = ref.get(0).infoNumber("conserved").orElseThrow();
        for (int k = 0; k < ref.size(); k++) {
            Frame f = ref.get(k);
            String at = style + " step " + k;
            assertArrayClose(f.structure().cell().toRowMajorArray(), cells.get(k), 1e-7, at + " cell (Å)");
            assertArrayClose(f.structure().positionsA(), positions.get(k), 1e-7, at + " positions (Å)");
            assertArrayClose(f.velocitiesAPerFs().orElseThrow(), velocities.get(k), 3e-8, at + " velocities (Å/fs)");
            // LAMMPS' conserved quantity, relative to its start (our V0 and chain offsets match LAMMPS')
            assertEquals(f.infoNumber("conserved").orElseThrow() - c0, conserved.get(k) - conserved.get(0), 2e-6,
                    at + " conserved energy change (eV)");
        }
    }
}
