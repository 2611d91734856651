package org.proxima.core.neighbor;

import java.util.Arrays;

/**
 * An immutable list of neighbour pairs (i, j, image) in compressed-row form.
 *
 * <p>Pair p of atom i (for p from {@link #start(int)} to {@link #end(int)}) has neighbour {@link #neighbor(int)} j
 * and an integer lattice translation m = {@link #shift(int, int)} such that the pair vector, for the positions and
 * cell the list refers to, is d = r_j − r_i + m·H (H the cell matrix with rows a, b, c). Several images of the same
 * atom j, and images of i itself, appear as separate pairs when the cell is smaller than twice the cutoff.
 *
 * <p>A <em>full</em> list holds every pair in both directions; a <em>half</em> list holds each unordered pair
 * once (j &gt; i, or j = i with m lexicographically positive). Each atom's pairs are sorted by (j, m), so sums
 * over the list do not depend on when or how it was built.
 */
public final class NeighborList {

    private final int[] offsets;
    private final int[] neighbors;
    private final int[] shifts;
    private final boolean full;
    private final double cutoffA;

    NeighborList(int[] offsets, int[] neighbors, int[] shifts, boolean full, double cutoffA) {
        this.offsets = offsets;
        this.neighbors = neighbors;
        this.shifts = shifts;
        this.full = full;
        this.cutoffA = cutoffA;
    }

    /** @return number of atoms */
    public int atomCount() {
        return offsets.length - 1;
    }

    /** @return total number of stored pairs */
    public int pairCount() {
        return offsets[offsets.length - 1];
    }

    /**
     * @param atom atom index i
     * @return index of the first pair of atom i
     */
    public int start(int atom) {
        return offsets[atom];
    }

    /**
     * @param atom atom index i
     * @return one past the index of the last pair of atom i
     */
    public int end(int atom) {
        return offsets[atom + 1];
    }

    /**
     * @param pair pair index
     * @return the neighbour atom j
     */
    public int neighbor(int pair) {
        return neighbors[pair];
    }

    /**
     * @param pair pair index
     * @param axis lattice direction 0, 1, 2
     * @return the integer lattice translation of the neighbour's image along that direction
     */
    public int shift(int pair, int axis) {
        return shifts[3 * pair + axis];
    }

    /** @return the largest number of pairs any atom has */
    public int maxPairsPerAtom() {
        int m = 0;
        for (int i = 0; i + 1 < offsets.length; i++) {
            m = Math.max(m, offsets[i + 1] - offsets[i]);
        }
        return m;
    }

    /** @return the neighbour array itself, for the neighbour package's inner loops (not copied) */
    int[] neighborArray() {
        return neighbors;
    }

    /** @return true for a full list (both directions), false for a half list */
    public boolean isFull() {
        return full;
    }

    /** @return the cutoff the list was built with (including any skin), Å */
    public double cutoffA() {
        return cutoffA;
    }

    @Override
    public String toString() {
        return "NeighborList[" + atomCount() + " atoms, " + pairCount() + " pairs, " + (full ? "full" : "half")
                + ", cutoff " + cutoffA + " Å]";
    }

    /** Growable pair storage used while building. */
    static final class Accumulator {
        private final int[] offsets;
        private int[] neighbors;
        private int[] shifts;
        private int count;

        Accumulator(int atoms, int expectedPairs) {
            offsets = new int[atoms + 1];
            int cap = Math.max(16, expectedPairs);
            neighbors = new int[cap];
            shifts = new int[3 * cap];
        }

        void add(int j, int m0, int m1, int m2) {
            if (count == neighbors.length) {
                int cap = neighbors.length + (neighbors.length >> 1) + 16;
                neighbors = Arrays.copyOf(neighbors, cap);
                shifts = Arrays.copyOf(shifts, 3 * cap);
            }
            neighbors[count] = j;
            shifts[3 * count] = m0;
            shifts[3 * count + 1] = m1;
            shifts[3 * count + 2] = m2;
            count++;
        }

        /**
         * Closes atom i's pairs, sorting them by (j, image) so that the order, and with it every floating-point sum
         * over the list, depends only on the set of pairs and not on how the list was built (a list rebuilt at
         * another time, e.g. after a restart, gives bit-identical forces).
         */
        void endAtom(int atom) {
            int start = offsets[atom];
            for (int a = start + 1; a < count; a++) {
                int j = neighbors[a];
                int s0 = shifts[3 * a];
                int s1 = shifts[3 * a + 1];
                int s2 = shifts[3 * a + 2];
                int b = a - 1;
                while (b >= start && compare(neighbors[b], shifts[3 * b], shifts[3 * b + 1], shifts[3 * b + 2], j, s0,
                        s1, s2) > 0) {
                    neighbors[b + 1] = neighbors[b];
                    shifts[3 * b + 3] = shifts[3 * b];
                    shifts[3 * b + 4] = shifts[3 * b + 1];
                    shifts[3 * b + 5] = shifts[3 * b + 2];
                    b--;
                }
                neighbors[b + 1] = j;
                shifts[3 * b + 3] = s0;
                shifts[3 * b + 4] = s1;
                shifts[3 * b + 5] = s2;
            }
            offsets[atom + 1] = count;
        }

        private static int compare(int j1, int a1, int b1, int c1, int j2, int a2, int b2, int c2) {
            if (j1 != j2) {
                return Integer.compare(j1, j2);
            }
            if (a1 != a2) {
                return Integer.compare(a1, a2);
            }
            if (b1 != b2) {
                return Integer.compare(b1, b2);
            }
            return Integer.compare(c1, c2);
        }

        NeighborList finish(boolean full, double cutoffA) {
            return new NeighborList(offsets, Arrays.copyOf(neighbors, count), Arrays.copyOf(shifts, 3 * count), full,
                    cutoffA);
        }
    }
}
