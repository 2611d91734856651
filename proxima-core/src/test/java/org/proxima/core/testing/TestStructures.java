package org.proxima.core.testing;

import java.util.Random;

import org.ejml.data.DMatrix3x3;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;

/** Structures for tests: diamond crystals, random displacements, random triclinic cells. */
public final class TestStructures {

    private TestStructures() {
    }

    /**
     * Cubic diamond supercell in ASE's order.
     *
     * @param symbol element
     * @param latticeA lattice constant, Å
     * @param repeat repeats along each axis
     * @return the crystal
     */
    public static Structure diamond(String symbol, double latticeA, int repeat) {
        return Crystals.diamondCubic(symbol, latticeA).repeat(repeat, repeat, repeat);
    }

    /**
     * Displaces atoms uniformly in [−amp, amp] per component.
     *
     * @param s structure
     * @param ampA amplitude, Å
     * @param rng random source
     * @return displaced structure
     */
    public static Structure rattle(Structure s, double ampA, Random rng) {
        double[] x = s.positionsA();
        for (int k = 0; k < x.length; k++) {
            x[k] += ampA * (2 * rng.nextDouble() - 1);
        }
        return s.withPositions(x);
    }

    /**
     * Deforms the cell (and atoms) by I + random matrix with entries in [−amp, amp].
     *
     * @param s structure
     * @param amp amplitude of the deformation entries
     * @param rng random source
     * @return the triclinic structure
     */
    public static Structure randomTriclinic(Structure s, double amp, Random rng) {
        DMatrix3x3 d = new DMatrix3x3();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                d.set(r, c, (r == c ? 1 : 0) + amp * (2 * rng.nextDouble() - 1));
            }
        }
        return s.withCell(s.cell().deformed(d), true);
    }
}
