package org.proxima.ipi;

import java.nio.ByteBuffer;

import org.ejml.data.DMatrix3x3;
import org.ejml.dense.fixed.CommonOps_DDF3;
import org.proxima.core.units.Units;

/**
 * The two data messages of the i-PI protocol in the library's units. On the wire (atomic units, little-endian):
 * <ul>
 *   <li>{@code POSDATA}: the cell matrix h, whose columns are the lattice vectors, as 9 float64 in C order (bohr),
 *       then h⁻¹ (1/bohr), int32 N, and N×3 positions (bohr);</li>
 *   <li>{@code FORCEREADY}: energy (hartree), int32 N, N×3 forces (hartree/bohr), the virial W as 9 float64
 *       (hartree), int32 M and M bytes of free text. W = −V σ with σ the stress in ASE's sign (tensile positive),
 *       as ASE's {@code socketio} and i-PI use it; LAMMPS' {@code fix ipi} fills only one triangle of W, so a
 *       pair of off-diagonal entries where one is exactly zero is read as the other, and averaged otherwise.</li>
 * </ul>
 * Conversions use CODATA 2018 ({@link Units#BOHR_A}, {@link Units#HARTREE_EV}); ASE 3.22 converts with CODATA 2014
 * (differences 4e-10 for the bohr, 8e-9 for the hartree) and LAMMPS with its own rounded constants (about 2e-9 and
 * 2e-8), which bounds how exactly the two sides agree.
 */
final class IpiFrames {

    /** Most atoms a peer may announce (a header claiming more is refused before any allocation). */
    static final int MAX_ATOMS = 5_000_000;
    /** Most bytes of free text a peer may announce. */
    static final int MAX_EXTRA_BYTES = 1 << 20;

    private IpiFrames() {
    }

    /**
     * Positions and cell as received.
     *
     * @param cellRowsA the lattice vectors as rows, row-major, Å
     * @param positionsA flat 3N positions, Å
     */
    record Positions(double[] cellRowsA, double[] positionsA) {
    }

    /**
     * Energy, forces and virial as received.
     *
     * @param energyEv energy, eV
     * @param forcesEvPerA flat 3N forces, eV/Å
     * @param virialEv the symmetric virial W = −V σ, row-major, eV
     * @param extra the free text
     */
    record Forces(double energyEv, double[] forcesEvPerA, double[] virialEv, byte[] extra) {

        /**
         * @param volumeA3 the cell volume, Å³
         * @return the stress σ = −W/V in Voigt order xx yy zz yz xz xy, eV/Å³
         */
        double[] stressEvPerA3(double volumeA3) {
            double[] w = virialEv;
            return new double[] {-w[0] / volumeA3, -w[4] / volumeA3, -w[8] / volumeA3, -w[5] / volumeA3,
                -w[2] / volumeA3, -w[1] / volumeA3};
        }
    }

    /**
     * Sends {@code POSDATA}.
     *
     * @param c the connection
     * @param cellRowsA lattice vectors as rows, row-major, Å
     * @param positionsA flat 3N positions, Å
     * @param deadline System.nanoTime() deadline
     */
    static void sendPositions(IpiConnection c, double[] cellRowsA, double[] positionsA, long deadline) {
        DMatrix3x3 h = new DMatrix3x3();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                h.set(i, j, cellRowsA[3 * j + i] / Units.BOHR_A); // column j is lattice vector j
            }
        }
        DMatrix3x3 hinv = new DMatrix3x3();
        if (!CommonOps_DDF3.invert(h, hinv)) {
            throw new IllegalArgumentException("Singular cell cannot be sent over i-PI");
        }
        int n = positionsA.length / 3;
        ByteBuffer b = c.message("POSDATA", 144 + 4 + 8 * positionsA.length);
        put(b, h);
        put(b, hinv);
        b.putInt(n);
        for (double x : positionsA) {
            b.putDouble(x / Units.BOHR_A);
        }
        c.flush(b, "POSDATA", deadline);
    }

    /**
     * Reads the body of {@code POSDATA} (the header already read).
     *
     * @param c the connection
     * @param expectedAtoms the atom count the receiver knows, or -1 for any
     * @param deadline System.nanoTime() deadline
     * @return cell and positions, Å
     */
    static Positions readPositions(IpiConnection c, int expectedAtoms, long deadline) {
        double[] h = c.readDoubles(9, "the cell of POSDATA", deadline);
        c.readDoubles(9, "the inverse cell of POSDATA", deadline);
        int n = atoms(c, c.readInt("the atom count of POSDATA", deadline), expectedAtoms, "POSDATA");
        double[] x = c.readDoubles(3 * n, "the positions of POSDATA", deadline);
        double[] rows = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rows[3 * j + i] = h[3 * i + j] * Units.BOHR_A;
            }
        }
        for (int k = 0; k < x.length; k++) {
            x[k] *= Units.BOHR_A;
        }
        return new Positions(rows, x);
    }

    /**
     * Sends {@code FORCEREADY} with its body.
     *
     * @param c the connection
     * @param energyEv energy, eV
     * @param forcesEvPerA flat 3N forces, eV/Å
     * @param stressEvPerA3 Voigt stress (ASE sign), eV/Å³, or null for none (a zero virial)
     * @param volumeA3 the cell volume, Å³
     * @param deadline System.nanoTime() deadline
     */
    static void sendForces(IpiConnection c, double energyEv, double[] forcesEvPerA, double[] stressEvPerA3,
            double volumeA3, long deadline) {
        ByteBuffer b = c.message("FORCEREADY", 8 + 4 + 8 * forcesEvPerA.length + 72 + 4 + 1);
        b.putDouble(energyEv / Units.HARTREE_EV);
        b.putInt(forcesEvPerA.length / 3);
        for (double f : forcesEvPerA) {
            b.putDouble(f / Units.HARTREE_PER_BOHR_IN_EV_PER_A);
        }
        int[] voigt = {0, 5, 4, 5, 1, 3, 4, 3, 2}; // row-major 3×3 from Voigt xx yy zz yz xz xy
        for (int k = 0; k < 9; k++) {
            b.putDouble(stressEvPerA3 == null ? 0.0 : -stressEvPerA3[voigt[k]] * volumeA3 / Units.HARTREE_EV);
        }
        b.putInt(1); // one zero byte of text, as ASE sends (some peers mishandle an empty string)
        b.put((byte) 0);
        c.flush(b, "FORCEREADY", deadline);
    }

    /**
     * Reads the body of {@code FORCEREADY} (the header already read).
     *
     * @param c the connection
     * @param expectedAtoms the atom count sent
     * @param deadline System.nanoTime() deadline
     * @return energy, forces and the symmetric virial, eV and Å
     */
    static Forces readForces(IpiConnection c, int expectedAtoms, long deadline) {
        double e = c.readDoubles(1, "the energy of FORCEREADY", deadline)[0] * Units.HARTREE_EV;
        int n = atoms(c, c.readInt("the atom count of FORCEREADY", deadline), expectedAtoms, "FORCEREADY");
        double[] f = c.readDoubles(3 * n, "the forces of FORCEREADY", deadline);
        for (int k = 0; k < f.length; k++) {
            f[k] *= Units.HARTREE_PER_BOHR_IN_EV_PER_A;
        }
        double[] w = c.readDoubles(9, "the virial of FORCEREADY", deadline);
        int m = c.readInt("the text length of FORCEREADY", deadline);
        if (m < 0 || m > MAX_EXTRA_BYTES) {
            throw new IpiException(c.peer() + " announced " + m + " bytes of text in FORCEREADY (allowed 0 to "
                    + MAX_EXTRA_BYTES + ")");
        }
        byte[] extra = c.readBytes(m, "the text of FORCEREADY", deadline);
        double[] sym = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double a = w[3 * i + j];
                double b = w[3 * j + i];
                sym[3 * i + j] = (a == 0 ? b : b == 0 ? a : 0.5 * (a + b)) * Units.HARTREE_EV;
            }
        }
        return new Forces(e, f, sym, extra);
    }

    private static int atoms(IpiConnection c, int n, int expected, String message) {
        if (n <= 0 || n > MAX_ATOMS) {
            throw new IpiException(c.peer() + " announced " + n + " atoms in " + message + " (allowed 1 to "
                    + MAX_ATOMS + "); refused before allocating");
        }
        if (expected >= 0 && n != expected) {
            throw new IpiException(c.peer() + " sent " + n + " atoms in " + message + " but the structure has "
                    + expected);
        }
        return n;
    }

    private static void put(ByteBuffer b, DMatrix3x3 m) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                b.putDouble(m.get(i, j));
            }
        }
    }
}
