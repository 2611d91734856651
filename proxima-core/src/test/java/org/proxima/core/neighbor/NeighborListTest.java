package org.proxima.core.neighbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrix3x3;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.proxima.core.model.Cell;

/** Property tests of the linked-cell neighbour list against brute-force enumeration of images. */
class NeighborListTest {

    private static final Random SEEDS = new Random(20261126);

    /** Brute force: every (i, j, image) with |d| < rc, enumerating enough images along each periodic axis. */
    private static List<String> bruteForce(double[] x, Cell cell, double rc, boolean full) {
        int n = x.length / 3;
        double[] widths = cell.perpendicularWidthsA();
        int[] reach = new int[3];
        for (int k = 0; k < 3; k++) {
            reach[k] = cell.isPeriodic(k) ? (int) Math.ceil(rc / widths[k]) + 2 : 0;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = -reach[0]; a <= reach[0]; a++) {
                    for (int b = -reach[1]; b <= reach[1]; b++) {
                        for (int c = -reach[2]; c <= reach[2]; c++) {
                            if (i == j && a == 0 && b == 0 && c == 0) {
                                continue;
                            }
                            if (!full && !(j > i || (j == i && (a > 0 || (a == 0 && (b > 0 || (b == 0 && c > 0))))))) {
                                continue;
                            }
                            double dx = x[3 * j] - x[3 * i] + a * cell.get(0, 0) + b * cell.get(1, 0)
                                    + c * cell.get(2, 0);
                            double dy = x[3 * j + 1] - x[3 * i + 1] + a * cell.get(0, 1) + b * cell.get(1, 1)
                                    + c * cell.get(2, 1);
                            double dz = x[3 * j + 2] - x[3 * i + 2] + a * cell.get(0, 2) + b * cell.get(1, 2)
                                    + c * cell.get(2, 2);
                            if (dx * dx + dy * dy + dz * dz < rc * rc) {
                                out.add(i + " " + j + " " + a + " " + b + " " + c);
                            }
                        }
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> listed(NeighborList nl) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nl.atomCount(); i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                out.add(i + " " + nl.neighbor(p) + " " + nl.shift(p, 0) + " " + nl.shift(p, 1) + " " + nl.shift(p, 2));
            }
        }
        out.sort(null);
        return out;
    }

    private static Cell randomCell(Random rng, double scale, boolean[] pbc) {
        double[] h = new double[9];
        for (int k = 0; k < 9; k++) {
            h[k] = (k % 4 == 0 ? scale : 0) + 0.35 * scale * (2 * rng.nextDouble() - 1);
        }
        return Cell.ofRowMajor(h, pbc);
    }

    private static double[] randomPositions(Random rng, Cell cell, int n, double spread) {
        double[] s = new double[3 * n];
        for (int k = 0; k < s.length; k++) {
            s[k] = spread * (rng.nextDouble() - 0.5) + 0.5; // also outside [0, 1) when spread > 1
        }
        double[] x = new double[3 * n];
        cell.toCartesian(s, x);
        return x;
    }

    @RepeatedTest(40)
    void linkedCellsEqualBruteForceOnRandomTriclinicCells() {
        Random rng = new Random(SEEDS.nextLong());
        double scale = 2 + 10 * rng.nextDouble(); // from much smaller than the cutoff to several cutoffs
        boolean[] pbc = {rng.nextDouble() < 0.8, rng.nextDouble() < 0.8, rng.nextDouble() < 0.8};
        Cell cell = randomCell(rng, scale, pbc);
        int n = 1 + rng.nextInt(40);
        double[] x = randomPositions(rng, cell, n, 1.6);
        double rc = 1.5 + 4 * rng.nextDouble();
        for (boolean full : new boolean[] {true, false}) {
            List<String> expected = bruteForce(x, cell, rc, full);
            List<String> actual = listed(LinkedCellBuilder.build(x, cell, rc, full));
            assertEquals(expected, actual, "cell " + cell + " rc " + rc + " full " + full);
        }
    }

    @Test
    void tinyCellListsManyImagesOfOneAtom() {
        Cell cell = Cell.cubic(2.0);
        double[] x = {0.1, 0.2, 0.3};
        NeighborList nl = LinkedCellBuilder.build(x, cell, 4.5, true);
        // images at |n|·2 Å < 4.5 Å: all integer vectors with |n| < 2.25, excluding 0
        int count = 0;
        for (int a = -3; a <= 3; a++) {
            for (int b = -3; b <= 3; b++) {
                for (int c = -3; c <= 3; c++) {
                    if ((a | b | c) != 0 && 4.0 * (a * a + b * b + c * c) < 4.5 * 4.5) {
                        count++;
                    }
                }
            }
        }
        assertEquals(count, nl.pairCount());
        assertEquals(count / 2, LinkedCellBuilder.build(x, cell, 4.5, false).pairCount());
    }

    @RepeatedTest(20)
    void verletListStaysCompleteUnderMovesAndCellStrain() {
        Random rng = new Random(SEEDS.nextLong());
        Cell cell = randomCell(rng, 7, new boolean[] {true, true, true});
        int n = 30;
        double[] x = randomPositions(rng, cell, n, 1.0);
        double rc = 3.0;
        VerletNeighborList verlet = new VerletNeighborList(rc, 0.8, true);
        for (int step = 0; step < 60; step++) {
            verlet.update(x, cell);
            // every true pair within rc must be in the list with the right image
            List<String> truth = bruteForce(x, cell, rc, true);
            NeighborList nl = verlet.pairs();
            List<String> withinCutoff = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int p = nl.start(i); p < nl.end(i); p++) {
                    int j = nl.neighbor(p);
                    double dx = x[3 * j] - x[3 * i] + verlet.shiftA(p, 0);
                    double dy = x[3 * j + 1] - x[3 * i + 1] + verlet.shiftA(p, 1);
                    double dz = x[3 * j + 2] - x[3 * i + 2] + verlet.shiftA(p, 2);
                    if (dx * dx + dy * dy + dz * dz < rc * rc) {
                        withinCutoff.add(i + " " + j + " " + nl.shift(p, 0) + " " + nl.shift(p, 1) + " "
                                + nl.shift(p, 2));
                    }
                }
            }
            withinCutoff.sort(null);
            assertEquals(truth, withinCutoff, "step " + step);
            // random moves (unwrapped, as MD does) and a small random affine strain of cell and atoms
            DMatrix3x3 d = new DMatrix3x3(1, 0, 0, 0, 1, 0, 0, 0, 1);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    d.set(r, c, d.get(r, c) + 0.004 * (2 * rng.nextDouble() - 1));
                }
            }
            double[] s = new double[3 * n];
            cell.toFractional(x, s);
            cell = cell.deformed(d);
            cell.toCartesian(s, x);
            for (int k = 0; k < x.length; k++) {
                x[k] += 0.12 * (2 * rng.nextDouble() - 1);
            }
        }
        assertTrue(verlet.rebuildCount() > 1 && verlet.rebuildCount() < 60, "rebuilds " + verlet.rebuildCount());
    }

    @Test
    void badCutoffIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LinkedCellBuilder.build(new double[3], Cell.cubic(3), 0,
                true));
        assertThrows(IllegalArgumentException.class, () -> new VerletNeighborList(-1, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new VerletNeighborList(3, Double.NaN, true));
    }
}
