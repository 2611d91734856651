package org.proxima.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxima.core.testing.ArrayAssertions.assertArrayClose;

import java.util.Random;

import org.ejml.data.DMatrix3x3;
import org.junit.jupiter.api.Test;

class CellTest {

    private static final Cell TRICLINIC = Cell.ofRowMajor(new double[] {5.0, 0.1, -0.2, 1.3, 4.6, 0.3, -0.7, 0.9, 6.1},
            true, true, true);

    @Test
    void volumeIsAbsoluteDeterminant() {
        assertEquals(125.0, Cell.cubic(5).volumeA3(), 1e-12);
        double det = 5.0 * (4.6 * 6.1 - 0.3 * 0.9) - 0.1 * (1.3 * 6.1 - 0.3 * -0.7) + -0.2 * (1.3 * 0.9 - 4.6 * -0.7);
        assertEquals(det, TRICLINIC.volumeA3(), 1e-12);
        Cell left = Cell.ofRowMajor(new double[] {0, 5, 0, 5, 0, 0, 0, 0, 5}, true, true, true);
        assertTrue(left.isLeftHanded());
        assertEquals(125.0, left.volumeA3(), 1e-12);
    }

    @Test
    void fractionalRoundTrip() {
        Random rng = new Random(1);
        double[] r = new double[30];
        for (int k = 0; k < r.length; k++) {
            r[k] = 20 * rng.nextDouble() - 10;
        }
        double[] s = new double[30];
        TRICLINIC.toFractional(r, s);
        double[] back = new double[30];
        TRICLINIC.toCartesian(s, back);
        assertArrayClose(r, back, 1e-12, "round trip");
        // r = s·H: the first lattice vector has fractional (1, 0, 0)
        double[] a = TRICLINIC.vector(0);
        TRICLINIC.toFractional(a, a);
        assertArrayClose(new double[] {1, 0, 0}, a, 1e-14, "a in fractional");
    }

    @Test
    void wrapPutsPeriodicCoordinatesInUnitInterval() {
        Cell c = Cell.ofRowMajor(TRICLINIC.toRowMajorArray(), true, false, true);
        double[] r = {-7.3, 12.1, 25.0, 0.2, 0.3, -0.4};
        double[] w = c.wrap(r);
        double[] s = new double[6];
        c.toFractional(w, s);
        double[] s0 = new double[6];
        c.toFractional(r, s0);
        for (int k = 0; k < 6; k++) {
            if (k % 3 == 1) {
                assertEquals(s0[k], s[k], 1e-12, "open direction unchanged");
            } else {
                assertTrue(s[k] >= 0 && s[k] < 1, "wrapped " + s[k]);
                assertEquals(0, Math.abs(s[k] - s0[k] - Math.rint(s[k] - s0[k])), 1e-12);
            }
        }
    }

    @Test
    void singularOrNonFiniteCellsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cell.ofRowMajor(new double[] {1, 0, 0, 2, 0, 0, 0, 0, 1}, true, true, true));
        assertTrue(e.getMessage().contains("Singular"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Cell.cubic(0));
        assertThrows(IllegalArgumentException.class,
                () -> Cell.ofRowMajor(new double[] {1, 0, 0, 0, Double.NaN, 0, 0, 0, 1}, true, true, true));
        assertThrows(IllegalArgumentException.class, () -> Cell.of(new DMatrix3x3(1, 0, 0, 0, 1, 0, 0, 0, 1), true));
    }

    @Test
    void minimumImageMatchesBruteForce() {
        Random rng = new Random(2);
        for (int trial = 0; trial < 200; trial++) {
            double[] d = {30 * rng.nextDouble() - 15, 30 * rng.nextDouble() - 15, 30 * rng.nextDouble() - 15};
            double best = Double.POSITIVE_INFINITY;
            for (int a = -6; a <= 6; a++) {
                for (int b = -6; b <= 6; b++) {
                    for (int c = -6; c <= 6; c++) {
                        double x = d[0] + a * 5.0 + b * 1.3 + c * -0.7;
                        double y = d[1] + a * 0.1 + b * 4.6 + c * 0.9;
                        double z = d[2] + a * -0.2 + b * 0.3 + c * 6.1;
                        best = Math.min(best, x * x + y * y + z * z);
                    }
                }
            }
            assertEquals(best, TRICLINIC.minimumImage(d), 1e-9);
            assertEquals(best, d[0] * d[0] + d[1] * d[1] + d[2] * d[2], 1e-9);
        }
    }

    @Test
    void perpendicularWidthsOfOrthorhombicCellAreItsLengths() {
        assertArrayClose(new double[] {3, 4, 5}, Cell.orthorhombic(3, 4, 5).perpendicularWidthsA(), 1e-12, "widths");
        // a sheared cell keeps its height along z
        Cell sheared = Cell.ofRowMajor(new double[] {4, 0, 0, 2, 4, 0, 1, 1, 4}, true, true, true);
        assertEquals(4.0, sheared.perpendicularWidthsA()[2], 1e-12);
        assertFalse(sheared.perpendicularWidthsA()[0] >= 4.0);
    }

    @Test
    void withVolumeScalesIsotropically() {
        Cell c = TRICLINIC.withVolume(2 * TRICLINIC.volumeA3());
        assertEquals(2 * TRICLINIC.volumeA3(), c.volumeA3(), 1e-9);
        assertArrayClose(TRICLINIC.anglesDeg(), c.anglesDeg(), 1e-9, "angles");
    }
}
