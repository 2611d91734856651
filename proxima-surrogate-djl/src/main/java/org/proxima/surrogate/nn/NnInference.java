package org.proxima.surrogate.nn;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Evaluates all members of an ensemble at once: each species' weights are stacked along a leading member axis, so
 * one chain of NDArray operations gives every member's atomic energies and input gradients. The weights live in a
 * manager owned by this object; each call works in a sub-manager closed before returning (memory-flat). Not
 * thread-safe.
 */
final class NnInference implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[][] w;
    private final NDArray[][] wT;
    private final NDArray[][] b;
    private final int members;
    private final NDArray one;
    private final Uploads uploads = new Uploads();

    NnInference(List<NnMember> ensemble) {
        DjlRuntime.engine();
        this.manager = NDManager.newBaseManager();
        this.members = ensemble.size();
        this.one = MlpGraph.scalar(manager, 1f);
        int species = ensemble.get(0).networks().size();
        w = new NDArray[species][];
        wT = new NDArray[species][];
        b = new NDArray[species][];
        for (int s = 0; s < species; s++) {
            int[] sizes = ensemble.get(0).networks().get(s).sizes();
            int layers = sizes.length - 1;
            w[s] = new NDArray[layers];
            wT[s] = new NDArray[layers];
            b[s] = new NDArray[layers];
            for (int l = 0; l < layers; l++) {
                int in = sizes[l];
                int out = sizes[l + 1];
                float[] wStack = new float[members * in * out];
                float[] bStack = new float[members * out];
                for (int m = 0; m < members; m++) {
                    MlpWeights net = ensemble.get(m).networks().get(s);
                    System.arraycopy(net.weights(l), 0, wStack, m * in * out, in * out);
                    System.arraycopy(net.biases(l), 0, bStack, m * out, out);
                }
                w[s][l] = manager.create(wStack, new Shape(members, in, out));
                wT[s][l] = MlpGraph.transposeLast(w[s][l]);
                b[s][l] = manager.create(bStack, new Shape(members, 1, out));
            }
        }
    }

    /**
     * Atomic energies and input gradients of one species' atoms for every member.
     *
     * @param species species index
     * @param x descriptors of the atoms, rows × dim (float, row-major)
     * @param rows number of atoms
     * @param dim descriptor length
     * @param energies receives [member][row] atomic energies, eV
     * @param gradients receives [member][row·dim + f] ∂E_atom/∂G, eV
     */
    void evaluate(int species, float[] x, int rows, int dim, float[][] energies, float[][] gradients) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray input = uploads.floats(sub, "x", x, new Shape(1, rows, dim));
            NDArray[] out = MlpGraph.energyAndGradient(input, w[species], wT[species], b[species], one);
            float[] e = out[0].toFloatArray();
            float[] g = out[1].toFloatArray();
            for (int m = 0; m < members; m++) {
                System.arraycopy(e, m * rows, energies[m], 0, rows);
                System.arraycopy(g, m * rows * dim, gradients[m], 0, rows * dim);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
