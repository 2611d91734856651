package org.proxima.core.model;

import java.util.Arrays;
import java.util.Objects;

import org.ejml.data.DMatrix3x3;
import org.ejml.dense.fixed.CommonOps_DDF3;

/**
 * An immutable simulation cell: three lattice vectors a, b, c as the <em>rows</em> of a 3×3 matrix H (Å), as in
 * ASE's {@code atoms.cell}, plus per-axis periodicity.
 *
 * <p>Any triclinic shape is accepted, left-handed ones included. A cell whose volume is zero (to a relative
 * tolerance of 1e-12 of the product of the vector lengths), or which holds non-finite numbers, is rejected.
 * Cartesian positions r (row vectors) and fractional coordinates s relate by r = s·H.
 *
 * <p>Bulk conversions take flat arrays {@code [x0, y0, z0, x1, …]} and write into caller-supplied outputs; input
 * and output may be the same array.
 */
public final class Cell {

    private static final double SINGULAR_TOLERANCE = 1e-12;

    private final DMatrix3x3 h;
    private final DMatrix3x3 inverse;
    private final double volume;
    private final boolean[] pbc;

    private Cell(DMatrix3x3 rows, boolean[] pbc) {
        this.h = rows.copy();
        this.pbc = pbc.clone();
        double[] v = toArray(h);
        for (int i = 0; i < 9; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("Cell matrix entry H[" + (i / 3) + "][" + (i % 3) + "] = " + v[i]
                        + " is not finite; cell = " + Arrays.toString(v));
            }
        }
        double det = CommonOps_DDF3.det(h);
        double scale = rowLength(h, 0) * rowLength(h, 1) * rowLength(h, 2);
        if (!(Math.abs(det) > SINGULAR_TOLERANCE * scale) || scale == 0) {
            throw new IllegalArgumentException("Singular cell (volume " + det + " Å³): lattice vectors "
                    + Arrays.toString(v) + " are linearly dependent; give three independent vectors");
        }
        this.volume = Math.abs(det);
        this.inverse = new DMatrix3x3();
        CommonOps_DDF3.invert(h, inverse);
    }

    /**
     * Creates a cell from lattice row vectors.
     *
     * @param rows matrix whose rows are a, b, c (Å); copied
     * @param pbc periodicity along a, b, c (three values)
     * @return the cell
     * @throws IllegalArgumentException if the cell is singular or {@code pbc} does not have three values
     */
    public static Cell of(DMatrix3x3 rows, boolean... pbc) {
        Objects.requireNonNull(rows, "rows");
        if (pbc.length != 3) {
            throw new IllegalArgumentException("pbc needs 3 values (a, b, c), got " + pbc.length);
        }
        return new Cell(rows, pbc);
    }

    /**
     * Creates a fully periodic cell from lattice row vectors.
     *
     * @param a first lattice vector, Å
     * @param b second lattice vector, Å
     * @param c third lattice vector, Å
     * @return the cell
     */
    public static Cell of(double[] a, double[] b, double[] c) {
        return ofRowMajor(new double[] {a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2]}, true, true, true);
    }

    /**
     * Creates a cell from nine numbers a_x a_y a_z b_x … c_z (the extxyz {@code Lattice} order).
     *
     * @param nine the nine components, Å
     * @param pbc periodicity along a, b, c
     * @return the cell
     */
    public static Cell ofRowMajor(double[] nine, boolean... pbc) {
        if (nine.length != 9) {
            throw new IllegalArgumentException("A cell needs 9 numbers (a, b, c row vectors), got " + nine.length);
        }
        DMatrix3x3 m = new DMatrix3x3(nine[0], nine[1], nine[2], nine[3], nine[4], nine[5], nine[6], nine[7],
                nine[8]);
        return of(m, pbc);
    }

    /**
     * A fully periodic cubic cell.
     *
     * @param lengthA edge length, Å
     * @return the cell
     */
    public static Cell cubic(double lengthA) {
        return orthorhombic(lengthA, lengthA, lengthA);
    }

    /**
     * A fully periodic orthorhombic cell.
     *
     * @param aA length along x, Å
     * @param bA length along y, Å
     * @param cA length along z, Å
     * @return the cell
     */
    public static Cell orthorhombic(double aA, double bA, double cA) {
        return of(new DMatrix3x3(aA, 0, 0, 0, bA, 0, 0, 0, cA), true, true, true);
    }

    /**
     * Component H[row][col] of the lattice matrix.
     *
     * @param row lattice vector index (0 = a, 1 = b, 2 = c)
     * @param col Cartesian component (0 = x, 1 = y, 2 = z)
     * @return the component, Å
     */
    public double get(int row, int col) {
        return h.get(row, col);
    }

    /** @return a copy of the lattice matrix (rows a, b, c; Å) */
    public DMatrix3x3 matrix() {
        return h.copy();
    }

    /** @return a copy of the inverse lattice matrix H⁻¹ (1/Å) */
    public DMatrix3x3 inverse() {
        return inverse.copy();
    }

    /** @return the nine components a_x … c_z in row-major order, Å */
    public double[] toRowMajorArray() {
        return toArray(h);
    }

    /**
     * One lattice vector.
     *
     * @param row 0 = a, 1 = b, 2 = c
     * @return the vector, Å
     */
    public double[] vector(int row) {
        return new double[] {h.get(row, 0), h.get(row, 1), h.get(row, 2)};
    }

    /** @return the cell volume |det H|, Å³ */
    public double volumeA3() {
        return volume;
    }

    /** @return whether det H &lt; 0 */
    public boolean isLeftHanded() {
        return CommonOps_DDF3.det(h) < 0;
    }

    /**
     * @param axis 0, 1 or 2 (a, b, c)
     * @return whether the cell is periodic along that lattice vector
     */
    public boolean isPeriodic(int axis) {
        return pbc[axis];
    }

    /** @return periodicity along a, b, c (a copy) */
    public boolean[] pbc() {
        return pbc.clone();
    }

    /** @return whether all three directions are periodic */
    public boolean isFullyPeriodic() {
        return pbc[0] && pbc[1] && pbc[2];
    }

    /** @return lengths |a|, |b|, |c|, Å */
    public double[] lengthsA() {
        return new double[] {rowLength(h, 0), rowLength(h, 1), rowLength(h, 2)};
    }

    /** @return angles α (b,c), β (a,c), γ (a,b), degrees */
    public double[] anglesDeg() {
        return new double[] {angle(1, 2), angle(0, 2), angle(0, 1)};
    }

    /**
     * Perpendicular widths of the cell: the distance between opposite faces, h_k = V / |a_i × a_j|. A sphere of
     * radius r fits inside the cell in direction k iff 2r ≤ h_k.
     *
     * @return the three widths, Å
     */
    public double[] perpendicularWidthsA() {
        double[] w = new double[3];
        for (int k = 0; k < 3; k++) {
            int i = (k + 1) % 3;
            int j = (k + 2) % 3;
            double cx = h.get(i, 1) * h.get(j, 2) - h.get(i, 2) * h.get(j, 1);
            double cy = h.get(i, 2) * h.get(j, 0) - h.get(i, 0) * h.get(j, 2);
            double cz = h.get(i, 0) * h.get(j, 1) - h.get(i, 1) * h.get(j, 0);
            w[k] = volume / Math.sqrt(cx * cx + cy * cy + cz * cz);
        }
        return w;
    }

    /**
     * Converts Cartesian positions to fractional coordinates, s = r·H⁻¹.
     *
     * @param cartesianA flat Cartesian positions, Å (length 3N)
     * @param fractionalOut output, length 3N; may be the same array as the input
     */
    public void toFractional(double[] cartesianA, double[] fractionalOut) {
        transform(cartesianA, fractionalOut, inverse);
    }

    /**
     * Converts fractional coordinates to Cartesian positions, r = s·H.
     *
     * @param fractional flat fractional coordinates (length 3N)
     * @param cartesianOutA output, Å, length 3N; may be the same array as the input
     */
    public void toCartesian(double[] fractional, double[] cartesianOutA) {
        transform(fractional, cartesianOutA, h);
    }

    /**
     * Wraps positions into the cell along periodic directions (fractional coordinates in [0, 1)); coordinates
     * along non-periodic directions are left unchanged.
     *
     * @param cartesianA flat positions, Å
     * @return new array of wrapped positions, Å
     */
    public double[] wrap(double[] cartesianA) {
        double[] s = new double[cartesianA.length];
        toFractional(cartesianA, s);
        for (int i = 0; i < s.length; i++) {
            if (pbc[i % 3]) {
                s[i] -= Math.floor(s[i]);
                if (s[i] >= 1.0) {
                    s[i] = 0.0; // -1e-17 rounds up to 1.0
                }
            }
        }
        toCartesian(s, s);
        return s;
    }

    /**
     * Replaces a displacement vector by its shortest periodic image. After reduction to fractional coordinates in
     * [−½, ½] the 27 neighbouring images are also checked, which gives the true minimum image for triclinic cells
     * with tilt factors up to one cell length (every cell LAMMPS accepts), not only for orthogonal ones.
     *
     * @param displacementA displacement (3 values, Å), overwritten with its minimum image
     * @return the squared length of the minimum image, Å²
     */
    public double minimumImage(double[] displacementA) {
        double[] s = new double[3];
        transform(displacementA, s, inverse);
        for (int k = 0; k < 3; k++) {
            if (pbc[k]) {
                s[k] -= Math.rint(s[k]);
            }
        }
        double[] base = new double[3];
        transform(s, base, h);
        double bestSq = base[0] * base[0] + base[1] * base[1] + base[2] * base[2];
        double bx = base[0];
        double by = base[1];
        double bz = base[2];
        for (int n0 = pbc[0] ? -1 : 0; n0 <= (pbc[0] ? 1 : 0); n0++) {
            for (int n1 = pbc[1] ? -1 : 0; n1 <= (pbc[1] ? 1 : 0); n1++) {
                for (int n2 = pbc[2] ? -1 : 0; n2 <= (pbc[2] ? 1 : 0); n2++) {
                    double x = base[0] + n0 * h.a11 + n1 * h.a21 + n2 * h.a31;
                    double y = base[1] + n0 * h.a12 + n1 * h.a22 + n2 * h.a32;
                    double z = base[2] + n0 * h.a13 + n1 * h.a23 + n2 * h.a33;
                    double d2 = x * x + y * y + z * z;
                    if (d2 < bestSq) {
                        bestSq = d2;
                        bx = x;
                        by = y;
                        bz = z;
                    }
                }
            }
        }
        displacementA[0] = bx;
        displacementA[1] = by;
        displacementA[2] = bz;
        return bestSq;
    }

    /**
     * The cell deformed by a matrix acting on row vectors: H' = H·D (so positions transform as r' = r·D). For a
     * small symmetric strain ε, D = I + ε.
     *
     * @param deformation the matrix D
     * @return the deformed cell, same periodicity
     */
    public Cell deformed(DMatrix3x3 deformation) {
        DMatrix3x3 out = new DMatrix3x3();
        CommonOps_DDF3.mult(h, deformation, out);
        return new Cell(out, pbc);
    }

    /**
     * The cell scaled uniformly to a new volume.
     *
     * @param volumeA3 the new volume, Å³ (positive)
     * @return the scaled cell
     */
    public Cell withVolume(double volumeA3) {
        if (!(volumeA3 > 0) || !Double.isFinite(volumeA3)) {
            throw new IllegalArgumentException("Volume must be positive and finite, got " + volumeA3 + " Å³");
        }
        double f = Math.cbrt(volumeA3 / volume);
        DMatrix3x3 out = h.copy();
        CommonOps_DDF3.scale(f, out);
        return new Cell(out, pbc);
    }

    /**
     * A cell with other periodicity and the same vectors.
     *
     * @param newPbc periodicity along a, b, c
     * @return the cell
     */
    public Cell withPbc(boolean... newPbc) {
        return of(h, newPbc);
    }

    /** out_i = in_i·m for every row i of flat 3N arrays; in and out may be the same array. */
    static void transform(double[] in, double[] out, DMatrix3x3 m) {
        if (in.length % 3 != 0 || out.length != in.length) {
            throw new IllegalArgumentException("Expected flat arrays of equal length 3N, got " + in.length + " and "
                    + out.length);
        }
        for (int i = 0; i < in.length; i += 3) {
            double x = in[i];
            double y = in[i + 1];
            double z = in[i + 2];
            out[i] = x * m.a11 + y * m.a21 + z * m.a31;
            out[i + 1] = x * m.a12 + y * m.a22 + z * m.a32;
            out[i + 2] = x * m.a13 + y * m.a23 + z * m.a33;
        }
    }

    private double angle(int i, int j) {
        double dot = h.get(i, 0) * h.get(j, 0) + h.get(i, 1) * h.get(j, 1) + h.get(i, 2) * h.get(j, 2);
        return Math.toDegrees(Math.acos(dot / (rowLength(h, i) * rowLength(h, j))));
    }

    private static double rowLength(DMatrix3x3 m, int row) {
        double x = m.get(row, 0);
        double y = m.get(row, 1);
        double z = m.get(row, 2);
        return Math.sqrt(x * x + y * y + z * z);
    }

    private static double[] toArray(DMatrix3x3 m) {
        return new double[] {m.a11, m.a12, m.a13, m.a21, m.a22, m.a23, m.a31, m.a32, m.a33};
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Cell other)) {
            return false;
        }
        return Arrays.equals(toArray(h), toArray(other.h)) && Arrays.equals(pbc, other.pbc);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(toArray(h)) + Arrays.hashCode(pbc);
    }

    @Override
    public String toString() {
        return "Cell" + Arrays.toString(toArray(h)) + " pbc=" + Arrays.toString(pbc);
    }
}
