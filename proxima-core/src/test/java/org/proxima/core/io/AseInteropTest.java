package org.proxima.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Structure;
import org.proxima.core.testing.ExternalTool;
import org.proxima.core.testing.TestStructures;

/** What the writer produces is read back by ASE's own {@code ase.io.read} with the same numbers. */
class AseInteropTest {

    @TempDir
    Path dir;

    @Test
    void aseReadsOurFramesWithEnergyForcesAndStress() throws Exception {
        String python = ExternalTool.pythonWithAse();
        Random rng = new Random(11);
        Structure s = TestStructures.randomTriclinic(TestStructures.rattle(TestStructures.diamond("Si", 5.43, 1), 0.1,
                rng), 0.05, rng);
        double[] f = new double[24];
        for (int k = 0; k < 24; k++) {
            f[k] = rng.nextGaussian();
        }
        double[] stress = {1e-3, -2e-3, 3e-4, 1e-5, -2e-5, 7e-6};
        Frame frame = new Frame(s, CalculationResult.of(-33.25, f, stress), Map.of("step", 4L), Map.of());
        Path p = dir.resolve("ours.extxyz");
        ExtXyzWriter.writeAll(p, List.of(frame));
        String script = "import ase.io, sys\n"
                + "a = ase.io.read(sys.argv[1])\n"
                + "print(repr(a.get_potential_energy()))\n"
                + "print(' '.join(repr(x) for x in a.get_forces().ravel()))\n"
                + "print(' '.join(repr(x) for x in a.get_stress()))\n"
                + "print(' '.join(repr(x) for x in a.positions.ravel()))\n"
                + "print(a.info['step'], ''.join('T' if x else 'F' for x in a.pbc))\n";
        Process proc = new ProcessBuilder(python, "-c", script, p.toString()).redirectErrorStream(true).start();
        List<String> out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, proc.waitFor(), String.join("\n", out));
        assertEquals(-33.25, Double.parseDouble(out.get(0)));
        org.proxima.core.testing.ArrayAssertions.assertArrayClose(f, parse(out.get(1)), 0, "forces read by ASE");
        org.proxima.core.testing.ArrayAssertions.assertArrayClose(stress, parse(out.get(2)), 0, "stress read by ASE");
        org.proxima.core.testing.ArrayAssertions.assertArrayClose(s.positionsA(), parse(out.get(3)), 0,
                "positions read by ASE");
        assertEquals("4 TTT", out.get(4));
        Files.deleteIfExists(p);
    }

    /**
     * Velocities travel as ASE's momenta: ASE reads ours as the same momenta (so its temperature is right, not 0 as
     * with the old {@code velocities} column), and we read the momenta ASE writes. ASE divides by its own default
     * masses (IUPAC 2016, Si 28.085) where ours are its legacy table (Si 28.0855), so its velocities and kinetic
     * energy differ from ours by that ratio, 1.8e-5.
     */
    @Test
    void velocitiesRoundTripThroughAseAsMomenta() throws Exception {
        String python = ExternalTool.pythonWithAse();
        Random rng = new Random(5);
        Structure s = TestStructures.rattle(TestStructures.diamond("Si", 5.43, 1), 0.05, rng);
        double[] v = new double[24];
        double ke = 0;
        for (int k = 0; k < 24; k++) {
            v[k] = 0.01 * rng.nextGaussian();
            ke += 0.5 * s.massAmu(k / 3) * v[k] * v[k] * org.proxima.core.units.Units.AMU_A2_PER_FS2_IN_EV;
        }
        Path ours = dir.resolve("v.extxyz");
        Path theirs = dir.resolve("ase.extxyz");
        ExtXyzWriter.writeAll(ours, List.of(Frame.of(s).withVelocities(v)));
        String script = "import ase.io, ase.units, sys\n"
                + "a = ase.io.read(sys.argv[1])\n"
                + "print(' '.join(repr(x) for x in a.get_momenta().ravel()))\n"
                + "print(repr(a.get_kinetic_energy()))\n"
                + "a.set_velocities(2 * a.get_velocities())\n"
                + "ase.io.write(sys.argv[2], a, format='extxyz')\n";
        Process proc = new ProcessBuilder(python, "-c", script, ours.toString(), theirs.toString())
                .redirectErrorStream(true).start();
        List<String> out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, proc.waitFor(), String.join("\n", out));
        double[] p = new double[24];
        for (int k = 0; k < 24; k++) {
            p[k] = s.massAmu(k / 3) * v[k] / org.proxima.core.units.Units.ASE_FS;
        }
        org.proxima.core.testing.ArrayAssertions.assertArrayClose(p, parse(out.get(0)), 1e-14,
                "momenta as ASE reads them (amu·Å per ASE time unit, about 10)");
        assertEquals(ke, Double.parseDouble(out.get(1)), 3e-5 * ke, "kinetic energy by ASE, eV (its masses)");
        double[] back = ExtXyzReader.readAll(theirs).get(0).velocitiesAPerFs().orElseThrow();
        double[] twice = v.clone();
        for (int k = 0; k < 24; k++) {
            twice[k] *= 2;
        }
        // ASE writes 8 decimals of momentum: 1e-8 × ASE_FS / m is about 4e-11 Å/fs
        org.proxima.core.testing.ArrayAssertions.assertArrayClose(twice, back, 1e-10, "velocities from ASE's momenta");
    }

    private static double[] parse(String line) {
        String[] w = line.trim().split("\\s+");
        double[] d = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            d[k] = Double.parseDouble(w[k]);
        }
        return d;
    }
}
