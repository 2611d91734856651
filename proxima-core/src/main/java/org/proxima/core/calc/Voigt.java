package org.proxima.core.calc;

/**
 * Conversions between 3×3 stress tensors and Voigt vectors in ASE's order xx yy zz yz xz xy.
 */
public final class Voigt {

    private Voigt() {
    }

    /**
     * Voigt form of a symmetric 3×3 tensor given row-major; off-diagonal pairs are averaged.
     *
     * @param nine xx xy xz yx yy yz zx zy zz
     * @return xx yy zz yz xz xy
     */
    public static double[] fromRowMajor(double[] nine) {
        if (nine.length != 9) {
            throw new IllegalArgumentException("A 3×3 tensor needs 9 values, got " + nine.length);
        }
        return new double[] {nine[0], nine[4], nine[8], 0.5 * (nine[5] + nine[7]), 0.5 * (nine[2] + nine[6]),
            0.5 * (nine[1] + nine[3])};
    }

    /**
     * The symmetric 3×3 tensor of a Voigt vector, row-major.
     *
     * @param voigt xx yy zz yz xz xy
     * @return xx xy xz yx yy yz zx zy zz
     */
    public static double[] toRowMajor(double[] voigt) {
        if (voigt.length != 6) {
            throw new IllegalArgumentException("A Voigt vector needs 6 values, got " + voigt.length);
        }
        return new double[] {voigt[0], voigt[5], voigt[4], voigt[5], voigt[1], voigt[3], voigt[4], voigt[3],
            voigt[2]};
    }

    /**
     * Pressure of a stress in ASE's sign convention: p = −(σxx + σyy + σzz)/3.
     *
     * @param voigtStress stress (any unit)
     * @return pressure, same unit
     */
    public static double pressure(double[] voigtStress) {
        return -(voigtStress[0] + voigtStress[1] + voigtStress[2]) / 3.0;
    }

    /**
     * Row index of a Voigt component.
     *
     * @param voigtIndex 0..5
     * @return row 0..2
     */
    public static int row(int voigtIndex) {
        return ROW[voigtIndex];
    }

    /**
     * Column index of a Voigt component.
     *
     * @param voigtIndex 0..5
     * @return column 0..2
     */
    public static int column(int voigtIndex) {
        return COL[voigtIndex];
    }

    private static final int[] ROW = {0, 1, 2, 1, 0, 0};
    private static final int[] COL = {0, 1, 2, 2, 2, 1};
}
