package org.proxima.core.model;

/**
 * Ideal crystal structures, in the atom order ASE's {@code ase.build.bulk(..., cubic=True)} uses.
 */
public final class Crystals {

    /** Fractional basis of the conventional cubic diamond cell, ASE order. */
    private static final double[][] DIAMOND_BASIS = {{0, 0, 0}, {0.25, 0.25, 0.25}, {0, 0.5, 0.5},
        {0.25, 0.75, 0.75}, {0.5, 0, 0.5}, {0.75, 0.25, 0.75}, {0.5, 0.5, 0}, {0.75, 0.75, 0.25}};

    private Crystals() {
    }

    /**
     * The 8-atom conventional cubic diamond cell, as {@code bulk(symbol, 'diamond', a, cubic=True)}: basis
     * (0,0,0), (¼,¼,¼), (0,½,½), (¼,¾,¾), (½,0,½), (¾,¼,¾), (½,½,0), (¾,¾,¼).
     *
     * @param symbol element symbol
     * @param latticeA cubic lattice constant, Å
     * @return the periodic cell
     */
    public static Structure diamondCubic(String symbol, double latticeA) {
        if (!(latticeA > 0) || !Double.isFinite(latticeA)) {
            throw new IllegalArgumentException("Lattice constant must be positive, got " + latticeA + " Å");
        }
        StructureBuilder b = Structure.builder(Cell.cubic(latticeA));
        for (double[] f : DIAMOND_BASIS) {
            b.addFractional(symbol, f[0], f[1], f[2]);
        }
        return b.build();
    }

    /**
     * The paper's starting structure: a 2×2×2 supercell of cubic diamond with the atom at the origin (index 0)
     * removed, 63 atoms in ASE order.
     *
     * @param symbol element symbol (Si in the paper)
     * @param latticeA lattice constant, Å (5.43 in the paper)
     * @return the vacancy cell
     */
    public static Structure diamondVacancy(String symbol, double latticeA) {
        return diamondCubic(symbol, latticeA).repeat(2, 2, 2).without(0);
    }
}
