package org.proxima.surrogate.nn;

import org.proxima.surrogate.descriptor.Descriptors;

/**
 * What the energy of a frame needs: each atom's species index and descriptor row (float, row-major N × D), and the
 * frame's target energy. About 4·N·D bytes, small enough to keep for a whole training set.
 *
 * @param species species index per atom
 * @param values descriptor rows as float
 * @param energyEv the frame's target energy, eV
 */
record FrameRows(int[] species, float[] values, double energyEv) {

    /**
     * @param d the frame's descriptors
     * @param energyEv its target energy, eV
     * @return the rows
     */
    static FrameRows of(Descriptors d, double energyEv) {
        int n = d.atomCount();
        int dim = d.length();
        int[] species = new int[n];
        float[] values = new float[n * dim];
        for (int i = 0; i < n; i++) {
            species[i] = d.species(i);
            d.copyFloats(i, values, i * dim);
        }
        return new FrameRows(species, values, energyEv);
    }

    /** @return number of atoms */
    int atoms() {
        return species.length;
    }

    /**
     * @param referenceEv per-species reference energies, eV
     * @return Σ over atoms of the reference energy of its species, eV
     */
    double referenceTotalEv(double[] referenceEv) {
        double r = 0;
        for (int s : species) {
            r += referenceEv[s];
        }
        return r;
    }
}
