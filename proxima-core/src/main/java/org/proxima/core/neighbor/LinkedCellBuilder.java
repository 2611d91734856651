package org.proxima.core.neighbor;

import org.proxima.core.model.Cell;

/**
 * Builds {@link NeighborList}s in O(N) with linked cells (bins) in fractional coordinates, for any triclinic cell
 * and any mix of periodic and open directions.
 *
 * <p>Along each direction k the bins are at least {@code cutoff} thick measured perpendicular to the opposite
 * faces (the cell's perpendicular width h_k divided by the bin count), so all neighbours lie within a bounded
 * range of bin offsets. When the cell is thinner than the cutoff, the offsets run over several periodic images:
 * every (bin, image) combination within range is visited exactly once, so a cell smaller than twice the cutoff
 * yields every image of every atom, including images of an atom itself.
 */
public final class LinkedCellBuilder {

    private static final int MAX_BINS_PER_AXIS = 1024;
    private static final int MAX_BINS_TOTAL = 1 << 22;

    private LinkedCellBuilder() {
    }

    /**
     * Builds a neighbour list: every pair (i, j, image) with |d| &lt; cutoff.
     *
     * @param positionsA flat Cartesian positions, Å (need not be wrapped)
     * @param cell the cell
     * @param cutoffA the cutoff, Å (positive)
     * @param full true for a full list, false for a half list
     * @return the list; shifts refer to the given (unwrapped) positions
     */
    public static NeighborList build(double[] positionsA, Cell cell, double cutoffA, boolean full) {
        if (!(cutoffA > 0) || !Double.isFinite(cutoffA)) {
            throw new IllegalArgumentException("Neighbour cutoff must be positive and finite, got " + cutoffA + " Å");
        }
        int n = positionsA.length / 3;
        double[] w = new double[3 * n];
        int[] wrapShift = new int[3 * n];
        wrap(positionsA, cell, w, wrapShift);
        Grid g = new Grid(w, n, cell, cutoffA);
        // wrapped positions in Cartesian coordinates, so the inner loop only adds an image vector
        double[] wc = new double[3 * n];
        cell.toCartesian(w, wc);
        NeighborList.Accumulator acc = new NeighborList.Accumulator(n, n * 16);
        for (int i = 0; i < n; i++) {
            neighboursOf(i, g, cell, wc, wrapShift, cutoffA * cutoffA, full, acc);
            acc.endAtom(i);
        }
        return acc.finish(full, cutoffA);
    }

    /** Fractional coordinates wrapped into [0, 1) along periodic axes, and the whole cells removed. */
    private static void wrap(double[] positionsA, Cell cell, double[] w, int[] wrapShift) {
        cell.toFractional(positionsA, w);
        boolean[] pbc = cell.pbc();
        for (int i = 0; i < w.length; i++) {
            if (pbc[i % 3]) {
                double f = Math.floor(w[i]);
                w[i] -= f;
                int k = (int) f;
                if (w[i] >= 1.0) {
                    w[i] -= 1.0;
                    k += 1;
                }
                wrapShift[i] = k;
            }
        }
    }

    /** The bins: at least one cutoff thick, atoms counting-sorted into them. */
    private static final class Grid {
        final int[] nb = new int[3];
        final int[] range = new int[3];
        final boolean[] pbc;
        final int[] binOf;
        final int[] binStart;
        final int[] binAtoms;

        Grid(double[] w, int n, Cell cell, double cutoffA) {
            pbc = cell.pbc();
            double[] widths = cell.perpendicularWidthsA();
            double[] lo = new double[3];
            double[] extent = {1.0, 1.0, 1.0};
            for (int k = 0; k < 3; k++) {
                if (!pbc[k] && n > 0) {
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < n; i++) {
                        min = Math.min(min, w[3 * i + k]);
                        max = Math.max(max, w[3 * i + k]);
                    }
                    lo[k] = min;
                    extent[k] = Math.max(max - min, 1e-12);
                }
                nb[k] = (int) Math.max(1, Math.min(MAX_BINS_PER_AXIS, Math.floor(extent[k] * widths[k] / cutoffA)));
            }
            while ((long) nb[0] * nb[1] * nb[2] > MAX_BINS_TOTAL) {
                int big = nb[0] >= nb[1] && nb[0] >= nb[2] ? 0 : nb[1] >= nb[2] ? 1 : 2;
                nb[big] = Math.max(1, nb[big] / 2);
            }
            double[] binWidth = new double[3];
            for (int k = 0; k < 3; k++) {
                binWidth[k] = extent[k] / nb[k];
                double r = Math.floor(cutoffA / (binWidth[k] * widths[k])) + 1;
                range[k] = (int) (pbc[k] ? r : Math.min(r, nb[k] - 1));
            }
            // counting sort of atoms into bins
            int nbins = nb[0] * nb[1] * nb[2];
            binOf = new int[3 * n];
            binStart = new int[nbins + 1];
            for (int i = 0; i < n; i++) {
                int flat = 0;
                for (int k = 0; k < 3; k++) {
                    int b = (int) Math.floor((w[3 * i + k] - lo[k]) / binWidth[k]);
                    b = Math.max(0, Math.min(nb[k] - 1, b));
                    binOf[3 * i + k] = b;
                    flat = flat * nb[k] + b;
                }
                binStart[flat + 1]++;
            }
            for (int b = 0; b < nbins; b++) {
                binStart[b + 1] += binStart[b];
            }
            int[] fill = binStart.clone();
            binAtoms = new int[n];
            for (int i = 0; i < n; i++) {
                int flat = (binOf[3 * i] * nb[1] + binOf[3 * i + 1]) * nb[2] + binOf[3 * i + 2];
                binAtoms[fill[flat]++] = i;
            }
        }

        /** The bin index along an axis after an offset, or −1 outside a non-periodic axis; image in {@code img}. */
        int bin(int axis, int t, int[] img) {
            if (pbc[axis]) {
                img[axis] = Math.floorDiv(t, nb[axis]);
                return Math.floorMod(t, nb[axis]);
            }
            img[axis] = 0;
            return t < 0 || t >= nb[axis] ? -1 : t;
        }
    }

    /** Every neighbour of atom i in the bins around it, with the lattice translation of each pair. */
    private static void neighboursOf(int i, Grid g, Cell cell, double[] wc, int[] wrapShift, double cut2,
            boolean full, NeighborList.Accumulator acc) {
        double h11 = cell.get(0, 0);
        double h12 = cell.get(0, 1);
        double h13 = cell.get(0, 2);
        double h21 = cell.get(1, 0);
        double h22 = cell.get(1, 1);
        double h23 = cell.get(1, 2);
        double h31 = cell.get(2, 0);
        double h32 = cell.get(2, 1);
        double h33 = cell.get(2, 2);
        int[] img = new int[3];
        for (int o0 = -g.range[0]; o0 <= g.range[0]; o0++) {
            int t0 = g.bin(0, g.binOf[3 * i] + o0, img);
            if (t0 < 0) {
                continue;
            }
            for (int o1 = -g.range[1]; o1 <= g.range[1]; o1++) {
                int t1 = g.bin(1, g.binOf[3 * i + 1] + o1, img);
                if (t1 < 0) {
                    continue;
                }
                for (int o2 = -g.range[2]; o2 <= g.range[2]; o2++) {
                    int t2 = g.bin(2, g.binOf[3 * i + 2] + o2, img);
                    if (t2 < 0) {
                        continue;
                    }
                    int n0 = img[0];
                    int n1 = img[1];
                    int n2 = img[2];
                    // image translation n·H minus the position of i
                    double ox = n0 * h11 + n1 * h21 + n2 * h31 - wc[3 * i];
                    double oy = n0 * h12 + n1 * h22 + n2 * h32 - wc[3 * i + 1];
                    double oz = n0 * h13 + n1 * h23 + n2 * h33 - wc[3 * i + 2];
                    boolean selfImage = n0 == 0 && n1 == 0 && n2 == 0;
                    boolean positive = lexPositive(n0, n1, n2);
                    int flat = (t0 * g.nb[1] + t1) * g.nb[2] + t2;
                    for (int q = g.binStart[flat], qEnd = g.binStart[flat + 1]; q < qEnd; q++) {
                        int j = g.binAtoms[q];
                        if (j == i ? (selfImage || !(full || positive)) : !(full || j > i)) {
                            continue;
                        }
                        double dx = wc[3 * j] + ox;
                        double dy = wc[3 * j + 1] + oy;
                        double dz = wc[3 * j + 2] + oz;
                        if (dx * dx + dy * dy + dz * dz < cut2) {
                            acc.add(j, n0 + wrapShift[3 * i] - wrapShift[3 * j],
                                    n1 + wrapShift[3 * i + 1] - wrapShift[3 * j + 1],
                                    n2 + wrapShift[3 * i + 2] - wrapShift[3 * j + 2]);
                        }
                    }
                }
            }
        }
    }

    private static boolean lexPositive(int a, int b, int c) {
        return a > 0 || (a == 0 && (b > 0 || (b == 0 && c > 0)));
    }
}
