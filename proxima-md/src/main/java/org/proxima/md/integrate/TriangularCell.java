package org.proxima.md.integrate;

import org.ejml.data.DMatrix3x3;
import org.ejml.dense.fixed.CommonOps_DDF3;
import org.proxima.core.model.Cell;
import org.proxima.core.model.CellOrientation;
import org.proxima.md.MdState;

/**
 * Brings a cell into the triangular form a barostat integrates in, by a rigid rotation of cell, positions and
 * velocities (energies and scalar observables unchanged): upper triangular (rows b = (0, b_y, b_z),
 * c = (0, 0, c_z)) for ASE's NPT, lower triangular (LAMMPS' restricted triclinic box) for MTK.
 */
final class TriangularCell {

    private TriangularCell() {
    }

    /**
     * Rotates the state's cell into triangular form if it is not already.
     *
     * @param state the state (cell, positions and velocities rotated in place)
     * @param upper true for upper triangular, false for lower
     */
    static void rotate(MdState state, boolean upper) {
        Cell cell = state.cell();
        if (upper ? CellOrientation.isUpperTriangular(cell, 0.0) : CellOrientation.isLowerTriangular(cell, 0.0)) {
            return;
        }
        DMatrix3x3 q = upper ? CellOrientation.upperTriangular(cell) : CellOrientation.lowerTriangular(cell);
        DMatrix3x3 rotated = new DMatrix3x3();
        CommonOps_DDF3.mult(cell.matrix(), q, rotated);
        if (upper) {
            rotated.a21 = 0;
            rotated.a31 = 0;
            rotated.a32 = 0;
        } else {
            rotated.a12 = 0;
            rotated.a13 = 0;
            rotated.a23 = 0;
        }
        CellOrientation.rotate(state.positions(), q);
        CellOrientation.rotate(state.velocities(), q);
        state.setCell(Cell.of(rotated, cell.pbc()));
    }
}
