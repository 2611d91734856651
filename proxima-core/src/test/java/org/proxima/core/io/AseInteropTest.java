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
        String python = ExternalTool.runs("python3", "-c", "import ase.io") ? "python3"
                : ExternalTool.runs("/usr/bin/python3", "-c", "import ase.io") ? "/usr/bin/python3" : null;
        ExternalTool.require(python != null, "python3 with ASE (Debian package python3-ase)");
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

    private static double[] parse(String line) {
        String[] w = line.trim().split("\\s+");
        double[] d = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            d[k] = Double.parseDouble(w[k]);
        }
        return d;
    }
}
