package org.proxima.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.proxima.core.units.Units;

/**
 * An immutable atomic structure: species (element symbols and atomic numbers), masses (amu), Cartesian positions
 * (Å) and the {@link Cell}. This is the value a {@code ForceCalculator} evaluates and a file reader returns; the
 * mutable state of a running simulation ({@code MdState} in proxima-md) makes one of these per step (see
 * docs/architecture.md).
 *
 * <p>Positions are stored as one flat array {@code [x0, y0, z0, x1, …]}; they are not wrapped into the cell.
 * Every array handed in is copied and every array handed out is a copy; hot loops use
 * {@link #copyPositionsInto(double[])} or {@link #position(int, int)} to avoid allocation.
 */
public final class Structure {

    private final String[] symbols;
    private final int[] atomicNumbers;
    private final double[] massesAmu;
    private final double[] positionsA;
    private final Cell cell;

    private Structure(Cell cell, String[] symbols, double[] positionsA, double[] massesAmu, boolean trusted) {
        this.cell = Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(positionsA, "positions");
        int n = symbols.length;
        if (positionsA.length != 3 * n) {
            throw new IllegalArgumentException("Mismatched array lengths: " + n + " species but positions array has "
                    + positionsA.length + " values (expected 3 × " + n + " = " + 3 * n + ")");
        }
        this.symbols = trusted ? symbols : symbols.clone();
        this.positionsA = trusted ? positionsA : positionsA.clone();
        this.atomicNumbers = new int[n];
        for (int i = 0; i < n; i++) {
            String s = this.symbols[i];
            if (s == null) {
                throw new InvalidAtomException(i, "Atom " + i + " has no element symbol", null);
            }
            try {
                atomicNumbers[i] = Element.of(s).atomicNumber();
            } catch (IllegalArgumentException e) {
                throw new InvalidAtomException(i, "Atom " + i + ": " + e.getMessage(), e);
            }
        }
        for (int k = 0; k < 3 * n; k++) {
            if (!Double.isFinite(this.positionsA[k])) {
                throw new InvalidAtomException(k / 3, "Position of atom " + k / 3 + " (" + this.symbols[k / 3]
                        + "), " + "xyz".charAt(k % 3) + " = " + this.positionsA[k] + " is not finite", null);
            }
        }
        this.massesAmu = massesAmu == null ? defaultMasses(this.symbols, atomicNumbers)
                : checkedMasses(trusted ? massesAmu : massesAmu.clone(), this.symbols);
    }

    private static double[] defaultMasses(String[] symbols, int[] atomicNumbers) {
        double[] m = new double[symbols.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Element.of(atomicNumbers[i]).massAmu();
            if (!(m[i] > 0)) {
                throw new InvalidAtomException(i, "Element " + symbols[i] + " (atom " + i + ") has no default "
                        + "mass; give masses explicitly", null);
            }
        }
        return m;
    }

    private static double[] checkedMasses(double[] m, String[] symbols) {
        if (m.length != symbols.length) {
            throw new IllegalArgumentException("Mismatched array lengths: " + symbols.length + " atoms but "
                    + m.length + " masses");
        }
        for (int i = 0; i < m.length; i++) {
            if (!(m[i] > 0) || !Double.isFinite(m[i])) {
                throw new InvalidAtomException(i, "Mass of atom " + i + " (" + symbols[i] + ") = " + m[i]
                        + " amu: masses must be positive and finite", null);
            }
        }
        return m;
    }

    /**
     * Creates a structure with default (ASE legacy table) masses.
     *
     * @param cell the cell
     * @param symbols element symbol of each atom
     * @param positionsA flat Cartesian positions, Å (length 3N)
     * @return the structure
     * @throws IllegalArgumentException for mismatched lengths, unknown elements or non-finite positions
     */
    public static Structure of(Cell cell, String[] symbols, double[] positionsA) {
        return new Structure(cell, symbols, positionsA, null, false);
    }

    /**
     * Creates a structure with explicit masses.
     *
     * @param cell the cell
     * @param symbols element symbol of each atom
     * @param positionsA flat Cartesian positions, Å (length 3N)
     * @param massesAmu mass of each atom, amu; {@code null} for the defaults
     * @return the structure
     */
    public static Structure of(Cell cell, String[] symbols, double[] positionsA, double[] massesAmu) {
        return new Structure(cell, symbols, positionsA, massesAmu, false);
    }

    /**
     * Starts a builder that adds atoms one by one.
     *
     * @param cell the cell
     * @return the builder
     */
    public static StructureBuilder builder(Cell cell) {
        return new StructureBuilder(cell);
    }

    /** @return number of atoms N */
    public int size() {
        return symbols.length;
    }

    /** @return the cell */
    public Cell cell() {
        return cell;
    }

    /**
     * @param atom atom index
     * @return its element symbol
     */
    public String symbol(int atom) {
        return symbols[atom];
    }

    /** @return all element symbols (a copy) */
    public String[] symbols() {
        return symbols.clone();
    }

    /**
     * @param atom atom index
     * @return its atomic number
     */
    public int atomicNumber(int atom) {
        return atomicNumbers[atom];
    }

    /** @return all atomic numbers (a copy) */
    public int[] atomicNumbers() {
        return atomicNumbers.clone();
    }

    /**
     * @param atom atom index
     * @return its mass, amu
     */
    public double massAmu(int atom) {
        return massesAmu[atom];
    }

    /** @return all masses, amu (a copy) */
    public double[] massesAmu() {
        return massesAmu.clone();
    }

    /** @return total mass, amu */
    public double totalMassAmu() {
        double m = 0;
        for (double x : massesAmu) {
            m += x;
        }
        return m;
    }

    /** @return mass density, g/cm³ */
    public double densityGPerCm3() {
        return Units.densityGPerCm3(totalMassAmu(), cell.volumeA3());
    }

    /**
     * One position component.
     *
     * @param atom atom index
     * @param axis 0 = x, 1 = y, 2 = z
     * @return the coordinate, Å
     */
    public double position(int atom, int axis) {
        return positionsA[3 * atom + axis];
    }

    /** @return flat positions, Å (a copy) */
    public double[] positionsA() {
        return positionsA.clone();
    }

    /**
     * Copies the flat positions into a caller-supplied array.
     *
     * @param out array of length at least 3N; receives positions in Å
     */
    public void copyPositionsInto(double[] out) {
        System.arraycopy(positionsA, 0, out, 0, positionsA.length);
    }

    /**
     * Distinct species in order of first appearance.
     *
     * @return element symbols
     */
    public Set<String> species() {
        return new LinkedHashSet<>(Arrays.asList(symbols));
    }

    /**
     * The same atoms at other positions.
     *
     * @param newPositionsA flat positions, Å (length 3N; copied)
     * @return the new structure
     */
    public Structure withPositions(double[] newPositionsA) {
        return new Structure(cell, symbols, newPositionsA.clone(), massesAmu, true);
    }

    /**
     * The same atoms in another cell.
     *
     * @param newCell the new cell
     * @param scaleAtoms if true, atoms keep their fractional coordinates (as ASE's
     *     {@code set_cell(scale_atoms=True)}); otherwise their Cartesian positions
     * @return the new structure
     */
    public Structure withCell(Cell newCell, boolean scaleAtoms) {
        double[] p = positionsA.clone();
        if (scaleAtoms) {
            cell.toFractional(p, p);
            newCell.toCartesian(p, p);
        }
        return new Structure(newCell, symbols, p, massesAmu, true);
    }

    /**
     * The same atoms with other masses.
     *
     * @param newMassesAmu one mass per atom, amu
     * @return the new structure
     */
    public Structure withMasses(double[] newMassesAmu) {
        return new Structure(cell, symbols, positionsA, newMassesAmu, false);
    }

    /** @return the structure with positions wrapped into the cell along periodic directions */
    public Structure wrapped() {
        return new Structure(cell, symbols, cell.wrap(positionsA), massesAmu, true);
    }

    /**
     * The structure with some atoms removed.
     *
     * @param indices atom indices to remove
     * @return the new structure
     */
    public Structure without(int... indices) {
        boolean[] drop = new boolean[size()];
        for (int i : indices) {
            if (i < 0 || i >= size()) {
                throw new IllegalArgumentException("Atom index " + i + " out of range [0, " + size() + ")");
            }
            drop[i] = true;
        }
        StructureBuilder b = builder(cell);
        for (int i = 0; i < size(); i++) {
            if (!drop[i]) {
                b.add(symbols[i], positionsA[3 * i], positionsA[3 * i + 1], positionsA[3 * i + 2], massesAmu[i]);
            }
        }
        return b.build();
    }

    /**
     * A supercell repeating this structure, in ASE's order ({@code atoms.repeat((n0, n1, n2))}: the outermost loop
     * runs over the first lattice direction, the innermost over the atoms of the original cell).
     *
     * @param n0 repeats along a
     * @param n1 repeats along b
     * @param n2 repeats along c
     * @return the supercell
     */
    public Structure repeat(int n0, int n1, int n2) {
        if (n0 < 1 || n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("Repeat counts must be ≥ 1, got " + n0 + "×" + n1 + "×" + n2);
        }
        double[] a = cell.vector(0);
        double[] b = cell.vector(1);
        double[] c = cell.vector(2);
        StructureBuilder out = builder(Cell.of(new org.ejml.data.DMatrix3x3(
                n0 * a[0], n0 * a[1], n0 * a[2], n1 * b[0], n1 * b[1], n1 * b[2], n2 * c[0], n2 * c[1], n2 * c[2]),
                cell.pbc()));
        for (int i0 = 0; i0 < n0; i0++) {
            for (int i1 = 0; i1 < n1; i1++) {
                for (int i2 = 0; i2 < n2; i2++) {
                    double tx = i0 * a[0] + i1 * b[0] + i2 * c[0];
                    double ty = i0 * a[1] + i1 * b[1] + i2 * c[1];
                    double tz = i0 * a[2] + i1 * b[2] + i2 * c[2];
                    for (int i = 0; i < size(); i++) {
                        out.add(symbols[i], positionsA[3 * i] + tx, positionsA[3 * i + 1] + ty,
                                positionsA[3 * i + 2] + tz, massesAmu[i]);
                    }
                }
            }
        }
        return out.build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Structure s)) {
            return false;
        }
        return cell.equals(s.cell) && Arrays.equals(symbols, s.symbols) && Arrays.equals(positionsA, s.positionsA)
                && Arrays.equals(massesAmu, s.massesAmu);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cell, Arrays.hashCode(symbols), Arrays.hashCode(positionsA), Arrays.hashCode(massesAmu));
    }

    @Override
    public String toString() {
        return "Structure[" + size() + " atoms " + species() + ", " + cell + "]";
    }
}
