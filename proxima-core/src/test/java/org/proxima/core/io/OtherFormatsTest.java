package org.proxima.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxima.core.testing.ArrayAssertions.assertArrayClose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.model.Structure;

class OtherFormatsTest {

    @TempDir
    Path dir;

    private static final String POSCAR = """
            Si8 diamond
               1.0
                 5.43 0.0 0.0
                 0.0 5.43 0.0
                 0.0 0.0 5.43
               Si
               8
            Direct
              0.00 0.00 0.00
              0.25 0.25 0.25
              0.00 0.50 0.50
              0.25 0.75 0.75
              0.50 0.00 0.50
              0.75 0.25 0.75
              0.50 0.50 0.00
              0.75 0.75 0.25
            """;

    @Test
    void poscarDirect() throws Exception {
        Path p = dir.resolve("POSCAR");
        Files.writeString(p, POSCAR);
        Structure s = StructureFiles.readFirst(p).structure();
        assertEquals(8, s.size());
        assertEquals("Si", s.symbol(7));
        assertArrayClose(new double[] {0.25 * 5.43, 0.25 * 5.43, 0.25 * 5.43},
                new double[] {s.position(1, 0), s.position(1, 1), s.position(1, 2)}, 1e-12, "atom 1");
    }

    @Test
    void poscarNegativeScaleIsVolumeAndCartesianAndSelectiveDynamics() throws Exception {
        String text = """
                Si O test
                  -216.0
                  1 0 0
                  0 1 0
                  0 0 1
                  Si O
                  1 1
                Selective dynamics
                Cartesian
                  0.0 0.0 0.0 T T T
                  0.5 0.5 0.5 F F F
                """;
        Path p = dir.resolve("test.vasp");
        Files.writeString(p, text);
        Structure s = StructureFiles.readFirst(p).structure();
        assertEquals(216.0, s.cell().volumeA3(), 1e-9);
        assertEquals(3.0, s.position(1, 0), 1e-12);
        assertEquals("O", s.symbol(1));
    }

    @Test
    void poscarVasp4SpeciesFromComment() {
        String text = POSCAR.replace("   Si\n", "");
        Frame f = PoscarReader.parse(List.of(text.replace("Si8 diamond", "Si").split("\n")), "mem");
        assertEquals(8, f.structure().size());
        StructureFormatException e = assertThrows(StructureFormatException.class,
                () -> PoscarReader.parse(List.of(text.replace("Si8 diamond", "diamond").split("\n")), "mem"));
        assertTrue(e.getMessage().contains("species"), e.getMessage());
    }

    @Test
    void lammpsDataTriclinicWithVelocities() throws Exception {
        String text = """
                LAMMPS data file

                2 atoms
                1 atom types

                1.0 6.0 xlo xhi
                -1.0 4.0 ylo yhi
                0.0 5.0 zlo zhi
                0.5 0.25 -0.1 xy xz yz

                Masses

                1 28.0855

                Atoms # atomic

                2 1 2.0 1.0 1.0
                1 1 1.0 -1.0 0.0 0 0 0

                Velocities

                1 10.0 0.0 0.0
                2 0.0 -5.0 0.0
                """;
        Path p = dir.resolve("si.data");
        Files.writeString(p, text);
        Frame f = StructureFiles.readFirst(p);
        Structure s = f.structure();
        assertEquals("Si", s.symbol(0));
        assertArrayClose(new double[] {5, 0, 0, 0.5, 5, 0, 0.25, -0.1, 5}, s.cell().toRowMajorArray(), 0, "cell");
        assertArrayClose(new double[] {0, 0, 0, 1, 2, 1}, s.positionsA(), 1e-15, "sorted by id, shifted to origin");
        assertArrayClose(new double[] {0.01, 0, 0, 0, -0.005, 0}, f.velocitiesAPerFs().orElseThrow(), 1e-15,
                "Å/ps → Å/fs");
    }

    @Test
    void lammpsDataElementFromCommentOrExplicitMap() throws Exception {
        String text = """
                test

                1 atoms
                1 atom types
                0 3 xlo xhi
                0 3 ylo yhi
                0 3 zlo zhi

                Masses

                1 1.5 # He

                Atoms

                1 1 0 0 0
                """;
        Path p = dir.resolve("data.he");
        Files.writeString(p, text);
        assertEquals("He", LammpsDataReader.read(p).structure().symbol(0));
        assertEquals(1.5, LammpsDataReader.read(p).structure().massAmu(0));
        assertEquals("Ar", LammpsDataReader.read(p, Map.of(1, "Ar")).structure().symbol(0));
        Files.writeString(p, text.replace("# He", ""));
        StructureFormatException e = assertThrows(StructureFormatException.class, () -> LammpsDataReader.read(p));
        assertTrue(e.getMessage().contains("atom type 1"), e.getMessage());
    }

    @Test
    void formatDetectedFromContentWhenNameSaysNothing() throws Exception {
        Path p = dir.resolve("mystery");
        Files.writeString(p, POSCAR);
        assertEquals(StructureFiles.Format.POSCAR, StructureFiles.detect(p));
        Files.writeString(p, "1\nLattice=\"3 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R:3\nAr 0 0 0\n");
        assertEquals(StructureFiles.Format.EXTXYZ, StructureFiles.detect(p));
    }
}
