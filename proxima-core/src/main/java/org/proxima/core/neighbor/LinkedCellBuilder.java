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
        cell.toFractional(positionsA, w);
        boolean[] pbc = cell.pbc();
        for (int i = 0; i < 3 * n; i++) {
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

        double[] widths = cell.perpendicularWidthsA();
        int[] nb = new int[3];
        int[] range = new int[3];
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
        int[] binOf = new int[3 * n];
        int[] binStart = new int[nbins + 1];
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
        int[] binAtoms = new int[n];
        for (int i = 0; i < n; i++) {
            int flat = (binOf[3 * i] * nb[1] + binOf[3 * i + 1]) * nb[2] + binOf[3 * i + 2];
            binAtoms[fill[flat]++] = i;
        }

        // wrapped positions in Cartesian coordinates, so the inner loop only adds an image vector
        double[] wc = new double[3 * n];
        cell.toCartesian(w, wc);
        double h11 = cell.get(0, 0);
        double h12 = cell.get(0, 1);
        double h13 = cell.get(0, 2);
        double h21 = cell.get(1, 0);
        double h22 = cell.get(1, 1);
        double h23 = cell.get(1, 2);
        double h31 = cell.get(2, 0);
        double h32 = cell.get(2, 1);
        double h33 = cell.get(2, 2);
        double cut2 = cutoffA * cutoffA;
        NeighborList.Accumulator acc = new NeighborList.Accumulator(n, n * 16);
        for (int i = 0; i < n; i++) {
            double xi = wc[3 * i];
            double yi = wc[3 * i + 1];
            double zi = wc[3 * i + 2];
            int ki0 = wrapShift[3 * i];
            int ki1 = wrapShift[3 * i + 1];
            int ki2 = wrapShift[3 * i + 2];
            for (int o0 = -range[0]; o0 <= range[0]; o0++) {
                int t0 = binOf[3 * i] + o0;
                int n0 = 0;
                if (pbc[0]) {
                    n0 = Math.floorDiv(t0, nb[0]);
                    t0 = Math.floorMod(t0, nb[0]);
                } else if (t0 < 0 || t0 >= nb[0]) {
                    continue;
                }
                for (int o1 = -range[1]; o1 <= range[1]; o1++) {
                    int t1 = binOf[3 * i + 1] + o1;
                    int n1 = 0;
                    if (pbc[1]) {
                        n1 = Math.floorDiv(t1, nb[1]);
                        t1 = Math.floorMod(t1, nb[1]);
                    } else if (t1 < 0 || t1 >= nb[1]) {
                        continue;
                    }
                    for (int o2 = -range[2]; o2 <= range[2]; o2++) {
                        int t2 = binOf[3 * i + 2] + o2;
                        int n2 = 0;
                        if (pbc[2]) {
                            n2 = Math.floorDiv(t2, nb[2]);
                            t2 = Math.floorMod(t2, nb[2]);
                        } else if (t2 < 0 || t2 >= nb[2]) {
                            continue;
                        }
                        // image translation n·H minus the position of i
                        double ox = n0 * h11 + n1 * h21 + n2 * h31 - xi;
                        double oy = n0 * h12 + n1 * h22 + n2 * h32 - yi;
                        double oz = n0 * h13 + n1 * h23 + n2 * h33 - zi;
                        boolean selfImage = n0 == 0 && n1 == 0 && n2 == 0;
                        boolean positive = lexPositive(n0, n1, n2);
                        int flat = (t0 * nb[1] + t1) * nb[2] + t2;
                        for (int q = binStart[flat], qEnd = binStart[flat + 1]; q < qEnd; q++) {
                            int j = binAtoms[q];
                            if (j == i ? (selfImage || !(full || positive)) : !(full || j > i)) {
                                continue;
                            }
                            double dx = wc[3 * j] + ox;
                            double dy = wc[3 * j + 1] + oy;
                            double dz = wc[3 * j + 2] + oz;
                            if (dx * dx + dy * dy + dz * dz < cut2) {
                                acc.add(j, n0 + ki0 - wrapShift[3 * j], n1 + ki1 - wrapShift[3 * j + 1],
                                        n2 + ki2 - wrapShift[3 * j + 2]);
                            }
                        }
                    }
                }
            }
            acc.endAtom(i);
        }
        return acc.finish(full, cutoffA);
    }

    private static boolean lexPositive(int a, int b, int c) {
        return a > 0 || (a == 0 && (b > 0 || (b == 0 && c > 0)));
    }
}
