package org.proxima.md.potential;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.proxima.core.calc.CalculationFailedException;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Structure;
import org.proxima.core.neighbor.VerletNeighborList;

/**
 * Base of the classical potentials: keeps a Verlet neighbour list between calls, maps atoms to species indices,
 * owns the force, per-atom energy and virial accumulators, and turns them into a {@link CalculationResult}.
 * Subclasses only evaluate their terms in {@link #evaluate}.
 *
 * <p>Stress follows ASE's convention σ = (1/V) ∂E/∂ε: each term whose energy depends on pair vectors d adds
 * (∂E/∂d) ⊗ d to the virial sum W (reported through {@link #setVirial}), and σ = W/V.
 */
abstract class NeighborListPotential implements ForceCalculator {

    private final VerletNeighborList neighbors;
    private final Map<String, Integer> speciesIndex;
    private String[] lastSymbols;
    private int[] types = new int[0];
    private double[] positions = new double[0];

    /** Forces being accumulated, eV/Å (flat 3N). */
    protected double[] forces = new double[0];
    /** Per-atom energies being accumulated, eV. */
    protected double[] energies = new double[0];
    /** Symmetrised virial sum W = Σ (∂E/∂d) ⊗ d in Voigt order xx yy zz yz xz xy, eV, set by the subclass. */
    private final double[] virial = new double[6];

    /**
     * @param cutoffA largest interaction cutoff, Å
     * @param skinA Verlet skin, Å
     * @param fullList whether the subclass needs a full (both directions) list
     * @param speciesIndex index of each supported element symbol
     */
    protected NeighborListPotential(double cutoffA, double skinA, boolean fullList, Map<String, Integer> speciesIndex) {
        this.neighbors = new VerletNeighborList(cutoffA, skinA, fullList);
        this.speciesIndex = Map.copyOf(speciesIndex);
    }

    @Override
    public final Set<Property> implementedProperties() {
        return EnumSet.allOf(Property.class);
    }

    @Override
    public final CalculationResult calculate(Structure structure) {
        int n = structure.size();
        if (positions.length != 3 * n) {
            positions = new double[3 * n];
            forces = new double[3 * n];
            energies = new double[n];
        }
        mapSpecies(structure);
        structure.copyPositionsInto(positions);
        neighbors.update(positions, structure.cell());
        java.util.Arrays.fill(forces, 0.0);
        java.util.Arrays.fill(energies, 0.0);
        java.util.Arrays.fill(virial, 0.0);
        double energy = evaluate(n, positions, types, neighbors);
        double v = structure.cell().volumeA3();
        double[] stress = new double[6];
        for (int k = 0; k < 6; k++) {
            stress[k] = virial[k] / v;
        }
        CalculationResult r = new CalculationResult(energy, forces, stress, energies);
        if (!r.isFinite()) {
            throw new CalculationFailedException(describe() + " produced a non-finite result (energy " + energy
                    + " eV) for " + structure);
        }
        return r;
    }

    private void mapSpecies(Structure structure) {
        String[] symbols = structure.symbols();
        if (java.util.Arrays.equals(symbols, lastSymbols)) {
            return;
        }
        int[] t = new int[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            Integer idx = speciesIndex.get(symbols[i]);
            if (idx == null) {
                throw new IllegalArgumentException(describe() + " has no parameters for element '" + symbols[i]
                        + "' (atom " + i + "); it supports " + speciesIndex.keySet());
            }
            t[i] = idx;
        }
        types = t;
        lastSymbols = symbols;
    }

    /**
     * Evaluates all terms, adding into {@link #forces}, {@link #energies} and {@link #virial}.
     *
     * @param n number of atoms
     * @param x flat positions, Å
     * @param type species index of each atom
     * @param list neighbour list, up to date; pair vector d = x_j − x_i + shift
     * @return total energy, eV
     */
    protected abstract double evaluate(int n, double[] x, int[] type, VerletNeighborList list);

    /**
     * Sets the virial W = Σ (∂E/∂d) ⊗ d of this evaluation (symmetrised), from which stress = W/V.
     *
     * @param xx W_xx, eV
     * @param yy W_yy, eV
     * @param zz W_zz, eV
     * @param yz (W_yz + W_zy)/2, eV
     * @param xz (W_xz + W_zx)/2, eV
     * @param xy (W_xy + W_yx)/2, eV
     */
    protected final void setVirial(double xx, double yy, double zz, double yz, double xz, double xy) {
        virial[0] = xx;
        virial[1] = yy;
        virial[2] = zz;
        virial[3] = yz;
        virial[4] = xz;
        virial[5] = xy;
    }

    /**
     * Fails clearly when two atoms (or an atom and its image) overlap.
     *
     * @param i first atom
     * @param j second atom
     * @param r distance, Å
     */
    protected final void overlap(int i, int j, double r) {
        throw new CalculationFailedException("Atoms " + i + " and " + j + " overlap (distance " + r
                + " Å): the structure is unphysical");
    }

    /** @return how many times the neighbour list has been rebuilt */
    public int neighborListRebuilds() {
        return neighbors.rebuildCount();
    }
}
