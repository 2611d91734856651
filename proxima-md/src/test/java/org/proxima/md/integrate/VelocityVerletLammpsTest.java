package org.proxima.md.integrate;

import static org.proxima.core.testing.ArrayAssertions.assertArrayClose;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.proxima.core.io.ExtXyzReader;
import org.proxima.core.io.Frame;
import org.proxima.core.testing.ReferenceData;
import org.proxima.core.units.Units;
import org.proxima.md.MdState;
import org.proxima.md.MolecularDynamics;
import org.proxima.md.potential.StillingerWeber;

/** Velocity Verlet reproduces LAMMPS {@code fix nve} (reference/lammps-sw/nve_si63vac_100steps.extxyz). */
class VelocityVerletLammpsTest {

    @Test
    void reproducesLammpsTrajectoryTo1em6Angstrom() {
        List<Frame> ref = ExtXyzReader.readAll(ReferenceData.file("lammps-sw/nve_si63vac_100steps.extxyz"));
        Frame first = ref.get(0);
        double[] v = first.velocitiesAPerFs().orElseThrow(); // this file stores LAMMPS metal velocities, Å/ps
        for (int k = 0; k < v.length; k++) {
            v[k] *= Units.A_PER_PS_IN_A_PER_FS;
        }
        MdState state = MdState.of(first.structure(), v, 1);
        List<double[]> positions = new ArrayList<>();
        List<double[]> velocities = new ArrayList<>();
        try (StillingerWeber sw = StillingerWeber.silicon();
                MolecularDynamics md = MolecularDynamics.builder(state, sw, VelocityVerlet.of(1.0)).observer(s -> {
                    positions.add(s.positionsA());
                    velocities.add(s.velocitiesAPerFs());
                }, 10).build()) {
            md.run(100);
        }
        for (int k = 0; k < ref.size(); k++) {
            Frame f = ref.get(k);
            // LAMMPS wraps atoms back into the box when it rebuilds neighbour lists; compare minimum images
            double[] ours = positions.get(k);
            double[] theirs = f.structure().positionsA();
            double[] diff = new double[ours.length];
            for (int i = 0; i < ours.length; i += 3) {
                double[] d = {ours[i] - theirs[i], ours[i + 1] - theirs[i + 1], ours[i + 2] - theirs[i + 2]};
                f.structure().cell().minimumImage(d);
                System.arraycopy(d, 0, diff, i, 3);
            }
            assertArrayClose(new double[ours.length], diff, 1e-6, "positions at step " + 10 * k);
            double[] vRef = f.velocitiesAPerFs().orElseThrow();
            for (int c = 0; c < vRef.length; c++) {
                vRef[c] *= Units.A_PER_PS_IN_A_PER_FS;
            }
            assertArrayClose(vRef, velocities.get(k), 1e-8, "velocities (Å/fs) at step " + 10 * k);
        }
    }
}
