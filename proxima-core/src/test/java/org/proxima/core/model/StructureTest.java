package org.proxima.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxima.core.testing.ArrayAssertions.assertArrayClose;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.proxima.core.io.ExtXyzReader;
import org.proxima.core.testing.TestStructures;

class StructureTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(StructureTest.class.getResource("/ase/" + name).toURI());
    }

    @Test
    void diamondSupercellWithVacancyMatchesAseOrder() throws Exception {
        Structure ours = TestStructures.diamond("Si", 5.43, 2).without(0);
        Structure ase = ExtXyzReader.readFirst(resource("si63_vacancy_ase.extxyz")).structure();
        assertEquals(63, ours.size());
        assertArrayClose(ase.positionsA(), ours.positionsA(), 1e-8, "positions vs ASE");
        assertEquals(1280.824, ours.cell().volumeA3(), 1e-3);
    }

    @Test
    void repeatMatchesAseForNonCubicRepeat() throws Exception {
        Structure ours = TestStructures.diamond("Si", 5.43, 1).repeat(2, 1, 3);
        Structure ase = ExtXyzReader.readFirst(resource("si_diamond_2x1x3_ase.extxyz")).structure();
        assertArrayClose(ase.positionsA(), ours.positionsA(), 1e-8, "positions vs ASE");
        assertArrayClose(ase.cell().toRowMajorArray(), ours.cell().toRowMajorArray(), 1e-12, "cell");
    }

    @Test
    void defaultMassIsAseLegacySilicon() {
        Structure s = TestStructures.diamond("Si", 5.43, 1);
        assertEquals(28.0855, s.massAmu(0), 0);
        assertEquals(14, s.atomicNumber(0));
        // 8 × 28.0855 amu in 5.43³ Å³
        assertEquals(8 * 28.0855 / Math.pow(5.43, 3) * 1.66053906660, s.densityGPerCm3(), 1e-12);
    }

    @Test
    void badInputIsRejectedNamingTheValue() {
        Cell c = Cell.cubic(5);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Structure.of(c, new String[] {"Si", "Si"}, new double[] {0, 0, 0, 1, Double.NaN, 1}));
        assertTrue(nan.getMessage().contains("atom 1") && nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> Structure.of(c, new String[] {"Si", "Si"}, new double[] {0, 0, 0}));
        assertTrue(len.getMessage().contains("Mismatched"), len.getMessage());
        IllegalArgumentException el = assertThrows(IllegalArgumentException.class,
                () -> Structure.of(c, new String[] {"Qq"}, new double[] {0, 0, 0}));
        assertTrue(el.getMessage().contains("'Qq'"), el.getMessage());
        IllegalArgumentException mass = assertThrows(IllegalArgumentException.class,
                () -> Structure.of(c, new String[] {"Si"}, new double[] {0, 0, 0}, new double[] {-1}));
        assertTrue(mass.getMessage().contains("-1"), mass.getMessage());
    }

    @Test
    void withCellScalingKeepsFractionalCoordinates() {
        Structure s = TestStructures.diamond("Si", 5.43, 1);
        Structure t = s.withCell(Cell.cubic(6.0), true);
        assertEquals(6.0 * 0.25, t.position(1, 0), 1e-12);
        Structure u = s.withCell(Cell.cubic(6.0), false);
        assertEquals(5.43 * 0.25, u.position(1, 0), 1e-12);
    }

    @Test
    void arraysAreDefensiveCopies() {
        Structure s = TestStructures.diamond("Si", 5.43, 1);
        double[] p = s.positionsA();
        p[0] = 99;
        assertEquals(0.0, s.position(0, 0));
    }
}
