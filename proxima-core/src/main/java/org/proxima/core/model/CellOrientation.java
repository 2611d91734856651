package org.proxima.core.model;

import org.ejml.data.DMatrix3x3;

/**
 * Rigid rotations that bring a cell into the triangular forms integrators use. Both return an orthogonal Q with
 * det Q = +1 such that H·Q is triangular (H has the lattice vectors as rows; positions transform as r' = r·Q).
 * <ul>
 *   <li>{@link #lowerTriangular}: LAMMPS' restricted form, a along x and b in the xy plane (rows
 *       a = (a_x, 0, 0), b = (b_x, b_y, 0), c = (c_x, c_y, c_z)).</li>
 *   <li>{@link #upperTriangular}: ASE {@code NPT}'s form, c along z and b in the yz plane (rows
 *       a = (a_x, a_y, a_z), b = (0, b_y, b_z), c = (0, 0, c_z)).</li>
 * </ul>
 * The diagonal entries come out positive except the last one for a left-handed cell (a_x for the upper form,
 * c_z for the lower form), which is negative.
 */
public final class CellOrientation {

    private CellOrientation() {
    }

    /**
     * @param cell the cell
     * @return Q with H·Q in LAMMPS' lower-triangular row form
     */
    public static DMatrix3x3 lowerTriangular(Cell cell) {
        double[] a = cell.vector(0);
        double[] b = cell.vector(1);
        double[] ex = unit(a);
        double[] ey = unit(subtract(b, scale(ex, dot(b, ex))));
        double[] ez = cross(ex, ey);
        return columns(ex, ey, ez);
    }

    /**
     * @param cell the cell
     * @return Q with H·Q in ASE NPT's upper-triangular row form
     */
    public static DMatrix3x3 upperTriangular(Cell cell) {
        double[] b = cell.vector(1);
        double[] c = cell.vector(2);
        double[] ez = unit(c);
        double[] ey = unit(subtract(b, scale(ez, dot(b, ez))));
        double[] ex = cross(ey, ez);
        return columns(ex, ey, ez);
    }

    /**
     * @param cell the cell
     * @param tolerance absolute tolerance on the zero entries, Å
     * @return whether rows a and b have zero entries above-right as in {@link #lowerTriangular}
     */
    public static boolean isLowerTriangular(Cell cell, double tolerance) {
        return Math.abs(cell.get(0, 1)) <= tolerance && Math.abs(cell.get(0, 2)) <= tolerance
                && Math.abs(cell.get(1, 2)) <= tolerance;
    }

    /**
     * @param cell the cell
     * @param tolerance absolute tolerance on the zero entries, Å
     * @return whether rows b and c have zero entries below-left as in {@link #upperTriangular}
     */
    public static boolean isUpperTriangular(Cell cell, double tolerance) {
        return Math.abs(cell.get(1, 0)) <= tolerance && Math.abs(cell.get(2, 0)) <= tolerance
                && Math.abs(cell.get(2, 1)) <= tolerance;
    }

    /**
     * Rotates flat 3N vectors in place: r ← r·Q.
     *
     * @param vectors flat vectors
     * @param q the rotation
     */
    public static void rotate(double[] vectors, DMatrix3x3 q) {
        Cell.transform(vectors, vectors, q);
    }

    private static DMatrix3x3 columns(double[] ex, double[] ey, double[] ez) {
        return new DMatrix3x3(ex[0], ey[0], ez[0], ex[1], ey[1], ez[1], ex[2], ey[2], ez[2]);
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] scale(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    private static double[] subtract(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] unit(double[] a) {
        double n = Math.sqrt(dot(a, a));
        return scale(a, 1 / n);
    }
}
