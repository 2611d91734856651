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
 * (∂E/∂d) ⊗ d to the virial sum W, and σ = W/V.
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
    /** Virial sum W_ab = Σ (∂E/∂d)_a d_b, eV, row-major 3×3. */
    protected final double[] virial = new double[9];

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
        double[] stress = {virial[0] / v, virial[4] / v, virial[8] / v, 0.5 * (virial[5] + virial[7]) / v,
            0.5 * (virial[2] + virial[6]) / v, 0.5 * (virial[1] + virial[3]) / v};
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
     * Adds the virial of one pair-vector gradient: W += g ⊗ d.
     *
     * @param gx ∂E/∂d_x
     * @param gy ∂E/∂d_y
     * @param gz ∂E/∂d_z
     * @param dx d_x
     * @param dy d_y
     * @param dz d_z
     */
    protected final void addVirial(double gx, double gy, double gz, double dx, double dy, double dz) {
        virial[0] += gx * dx;
        virial[1] += gx * dy;
        virial[2] += gx * dz;
        virial[3] += gy * dx;
        virial[4] += gy * dy;
        virial[5] += gy * dz;
        virial[6] += gz * dx;
        virial[7] += gz * dy;
        virial[8] += gz * dz;
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
