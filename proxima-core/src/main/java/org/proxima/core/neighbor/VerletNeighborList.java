package org.proxima.core.neighbor;

import org.ejml.data.DMatrix3x3;
import org.ejml.dense.fixed.CommonOps_DDF3;
import org.proxima.core.model.Cell;

/**
 * A neighbour list with a Verlet skin that is rebuilt only when needed, for use by a potential over many MD steps.
 *
 * <p>The list holds all pairs within {@code cutoff + skin} at build time. It remains valid, i.e. it contains every
 * pair now closer than {@code cutoff}, as long as 2·u_max + ε·(cutoff + skin) &lt; skin, where u_max is the largest
 * atomic displacement since the build measured in the frame that moves with the cell, and ε the Frobenius norm of
 * the cell deformation H₀⁻¹H − I since the build. For a fixed cell this is the familiar "rebuild when an atom moved
 * more than skin/2"; under a barostat the cell change uses part of the skin instead of forcing a rebuild every step.
 * Image translations are kept as integers, so the pair vectors follow the current cell exactly.
 *
 * <p>Not thread-safe; one instance per calculator.
 */
public final class VerletNeighborList {

    private final double cutoffA;
    private final double skinA;
    private final boolean full;

    private NeighborList list;
    private double[] referenceFractional;
    private Cell referenceCell;
    private DMatrix3x3 referenceInverse;
    private Cell currentCell;
    private double[] shiftVectorsA = new double[0];
    private double[] scratch = new double[0];
    private int rebuilds;

    /**
     * @param cutoffA interaction cutoff, Å (positive)
     * @param skinA Verlet skin, Å (non-negative; 0 rebuilds on every change)
     * @param full whether a full (both directions) or half list is kept
     */
    public VerletNeighborList(double cutoffA, double skinA, boolean full) {
        if (!(cutoffA > 0) || !Double.isFinite(cutoffA)) {
            throw new IllegalArgumentException("Neighbour cutoff must be positive and finite, got " + cutoffA + " Å");
        }
        if (!(skinA >= 0) || !Double.isFinite(skinA)) {
            throw new IllegalArgumentException("Neighbour skin must be ≥ 0 and finite, got " + skinA + " Å");
        }
        this.cutoffA = cutoffA;
        this.skinA = skinA;
        this.full = full;
    }

    /**
     * Brings the list up to date for new positions and cell, rebuilding only if needed.
     *
     * @param positionsA flat Cartesian positions, Å
     * @param cell the current cell
     * @return true if the list was rebuilt
     */
    public boolean update(double[] positionsA, Cell cell) {
        if (list == null || needsRebuild(positionsA, cell)) {
            rebuild(positionsA, cell);
            return true;
        }
        if (!cell.equals(currentCell)) {
            currentCell = cell;
            computeShiftVectors();
        }
        return false;
    }

    private boolean needsRebuild(double[] positionsA, Cell cell) {
        if (positionsA.length != referenceFractional.length
                || !java.util.Arrays.equals(cell.pbc(), referenceCell.pbc())) {
            return true;
        }
        double eps = 0;
        if (!cell.equals(referenceCell)) {
            DMatrix3x3 d = new DMatrix3x3();
            CommonOps_DDF3.mult(referenceInverse, cell.matrix(), d);
            d.a11 -= 1;
            d.a22 -= 1;
            d.a33 -= 1;
            eps = Math.sqrt(d.a11 * d.a11 + d.a12 * d.a12 + d.a13 * d.a13 + d.a21 * d.a21 + d.a22 * d.a22
                    + d.a23 * d.a23 + d.a31 * d.a31 + d.a32 * d.a32 + d.a33 * d.a33);
        }
        double budget = 0.5 * (skinA - eps * (cutoffA + skinA));
        if (!(budget > 0)) {
            return true;
        }
        if (scratch.length != positionsA.length) {
            scratch = new double[positionsA.length];
        }
        cell.toFractional(positionsA, scratch);
        for (int k = 0; k < scratch.length; k++) {
            scratch[k] -= referenceFractional[k];
        }
        cell.toCartesian(scratch, scratch);
        double budget2 = budget * budget;
        for (int k = 0; k < scratch.length; k += 3) {
            double u2 = scratch[k] * scratch[k] + scratch[k + 1] * scratch[k + 1] + scratch[k + 2] * scratch[k + 2];
            if (!(u2 < budget2)) {
                return true;
            }
        }
        return false;
    }

    private void rebuild(double[] positionsA, Cell cell) {
        list = LinkedCellBuilder.build(positionsA, cell, cutoffA + skinA, full);
        referenceFractional = new double[positionsA.length];
        cell.toFractional(positionsA, referenceFractional);
        referenceCell = cell;
        referenceInverse = cell.inverse();
        currentCell = cell;
        computeShiftVectors();
        rebuilds++;
    }

    private void computeShiftVectors() {
        int pairs = list.pairCount();
        if (shiftVectorsA.length != 3 * pairs) {
            shiftVectorsA = new double[3 * pairs];
        }
        DMatrix3x3 h = currentCell.matrix();
        for (int p = 0; p < pairs; p++) {
            int m0 = list.shift(p, 0);
            int m1 = list.shift(p, 1);
            int m2 = list.shift(p, 2);
            shiftVectorsA[3 * p] = m0 * h.a11 + m1 * h.a21 + m2 * h.a31;
            shiftVectorsA[3 * p + 1] = m0 * h.a12 + m1 * h.a22 + m2 * h.a32;
            shiftVectorsA[3 * p + 2] = m0 * h.a13 + m1 * h.a23 + m2 * h.a33;
        }
    }

    /** @return the current pairs (within cutoff + skin at the last rebuild) */
    public NeighborList pairs() {
        if (list == null) {
            throw new IllegalStateException("Call update(positions, cell) before reading the neighbour list");
        }
        return list;
    }

    /**
     * Cartesian image translation of a pair for the current cell: d = r_j − r_i + shift.
     *
     * @param pair pair index
     * @param axis Cartesian axis 0, 1, 2
     * @return the translation component, Å
     */
    public double shiftA(int pair, int axis) {
        return shiftVectorsA[3 * pair + axis];
    }

    /**
     * Gathers the neighbours of one atom that are currently closer than a distance: the inner loop of a
     * many-body potential, kept here so that it reads the list's arrays directly.
     *
     * @param atom the centre atom i
     * @param positionsA flat positions, Å (those last passed to {@link #update})
     * @param cutoffA distance, Å (at most the list's cutoff)
     * @param neighborOut receives the neighbour indices j (capacity at least the atom's pair count; entries past
     *     the returned count are scratch)
     * @param vectorOut receives the pair vectors d = r_j − r_i + shift, 3 per neighbour, Å
     * @param pairOut receives the pair indices p (for shift-style lookups), may be null
     * @return the number of neighbours gathered
     */
    public int gather(int atom, double[] positionsA, double cutoffA, int[] neighborOut, double[] vectorOut,
            int[] pairOut) {
        NeighborList nl = list;
        int[] nb = nl.neighborArray();
        double[] sh = shiftVectorsA;
        double c2 = cutoffA * cutoffA;
        double xi = positionsA[3 * atom];
        double yi = positionsA[3 * atom + 1];
        double zi = positionsA[3 * atom + 2];
        int count = 0;
        for (int p = nl.start(atom), end = nl.end(atom); p < end; p++) {
            int j = nb[p];
            double dx = positionsA[3 * j] - xi + sh[3 * p];
            double dy = positionsA[3 * j + 1] - yi + sh[3 * p + 1];
            double dz = positionsA[3 * j + 2] - zi + sh[3 * p + 2];
            // branch-free compaction: always write, advance only when inside the cutoff
            neighborOut[count] = j;
            vectorOut[3 * count] = dx;
            vectorOut[3 * count + 1] = dy;
            vectorOut[3 * count + 2] = dz;
            if (pairOut != null) {
                pairOut[count] = p;
            }
            count += dx * dx + dy * dy + dz * dz < c2 ? 1 : 0;
        }
        return count;
    }

    /** @return the largest number of pairs of any atom (a capacity for {@link #gather} outputs) */
    public int maxPairsPerAtom() {
        return list.maxPairsPerAtom();
    }

    /** @return the interaction cutoff (without skin), Å */
    public double cutoffA() {
        return cutoffA;
    }

    /** @return the skin, Å */
    public double skinA() {
        return skinA;
    }

    /** @return how many times the list has been built */
    public int rebuildCount() {
        return rebuilds;
    }
}
