package org.proxima.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxima.core.testing.ArrayAssertions.assertArrayClose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.io.ExtXyzReader;
import org.proxima.core.io.Frame;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.testing.ReferenceData;

class CliTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void evaluateReproducesLammpsOnEverySharedConfiguration() throws Exception {
        String[] configs = {"c01_si8_ideal", "c02_si8_ideal_a5.50", "c03_si8_disp_s101", "c04_si8_disp_s102",
            "c06_si63vac_disp_s201", "c08_si63vac_tri_s301", "c09_si63vac_tri_s302", "c11_si512_disp_s401"};
        for (String c : configs) {
            Path in = ReferenceData.file("lammps-sw/" + c + ".extxyz");
            Path out = dir.resolve(c + ".out.extxyz");
            CliRun r = run("evaluate", "--calculator", "sw", "--input", in.toString(), "--output", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            CalculationResult expected = ExtXyzReader.readFirst(in).result();
            CalculationResult got = ExtXyzReader.readFirst(out).result();
            assertEquals(expected.energyEv(), got.energyEv(), 1e-9 * Math.abs(expected.energyEv()), c);
            assertArrayClose(expected.forcesEvPerA(), got.forcesEvPerA(), 1e-8, c + " forces");
            assertArrayClose(expected.stressEvPerA3(), got.stressEvPerA3(), 1e-10, c + " stress");
            // the output header carries the 9-value ASE stress
            assertTrue(Files.readAllLines(out).get(1).matches(".*stress=\"(\\S+ ){8}\\S+\".*"));
        }
    }

    @Test
    void buildSiDiamondWithVacancyIsThePapersCell() {
        Path out = dir.resolve("si63.extxyz");
        CliRun r = run("build", "si-diamond", "--lattice", "5.43", "--repeat", "2", "--vacancy", "0", "--output",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        Structure s = ExtXyzReader.readFirst(out).structure();
        assertEquals(63, s.size());
        assertArrayClose(Crystals.diamondVacancy("Si", 5.43).positionsA(), s.positionsA(), 0, "positions");
        assertTrue(r.out().contains("Wrote 63 Si atoms"), r.out());
    }

    @Test
    void evaluateAcceptsLennardJonesAndPoscar() throws Exception {
        Path poscar = dir.resolve("POSCAR");
        Files.writeString(poscar, "Ar\n1.0\n5.3 0 0\n0 5.3 0\n0 0 5.3\nAr\n4\nDirect\n0 0 0\n0 0.5 0.5\n0.5 0 0.5\n"
                + "0.5 0.5 0\n");
        Path out = dir.resolve("ar.extxyz");
        CliRun r = run("evaluate", "--calculator", "lj:0.0104,3.40,8.0", "--input", poscar.toString(), "--output",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<Frame> frames = ExtXyzReader.readAll(out);
        assertEquals(1, frames.size());
        assertTrue(frames.get(0).result().energyEv() < 0);
    }

    @Test
    void errorsPrintOneLineAndExitNonZero() {
        CliRun bad = run("evaluate", "--calculator", "eam", "--input", "x.extxyz", "--output", "y.extxyz");
        assertEquals(1, bad.exitCode());
        assertEquals("proxima: error: Unknown calculator 'eam': expected " + CalculatorSpec.FORMS,
                bad.err().strip());
        CliRun missing = run("evaluate", "--calculator", "sw", "--input", dir.resolve("none.extxyz").toString(),
                "--output", "y.extxyz");
        assertEquals(1, missing.exitCode());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("none.extxyz"), missing.err());
        CliRun verbose = run("evaluate", "--verbose", "--calculator", "eam", "--input", "x", "--output", "y");
        assertTrue(verbose.err().lines().count() > 1, "stack trace with --verbose");
        CliRun usage = run("evaluate", "--calculator", "sw");
        assertEquals(2, usage.exitCode());
    }

    @Test
    void malformedInputNamesTheLine() throws Exception {
        Path in = dir.resolve("bad.extxyz");
        Files.writeString(in, "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 0 0 0\nSi 1 1 x\n");
        CliRun r = run("evaluate", "--calculator", "sw", "--input", in.toString(), "--output",
                dir.resolve("o.extxyz").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("bad.extxyz:4"), r.err());
    }
}
