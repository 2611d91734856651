package org.proxima.surrogate.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The atomic-energy network and its input gradient written as explicit forward operations on NDArrays, so that a
 * force loss (which depends on the input gradient) can be differentiated with an ordinary first-order backward
 * pass: no double backward, no create-graph, nothing retained between steps.
 * <pre>
 * z_l = a_{l−1} W_l + b_l,   a_l = CELU_{α=1}(z_l) = ELU_{α=1}(z_l),   E = a_{L−1} W_L + b_L
 * ∂E/∂x = (((W_Lᵀ ⊙ s_{L−1}) W_{L−1}ᵀ ⊙ s_{L−2}) … ⊙ s_1) W_1ᵀ,   s_l = CELU'(z_l) = exp(min(z_l, 0)) = min(a_l + 1, 1)
 * </pre>
 * Weights may carry a leading member dimension (stacked ensembles); x then broadcasts. Constants are PyTorch-owned
 * tensors ({@link #scalar}), never DJL's number overloads.
 */
final class MlpGraph {

    private MlpGraph() {
    }

    /**
     * @param x inputs, (…, n, D)
     * @param w weights W_l, (…, in, out)
     * @param wT the same weights transposed in their last two axes, or null to transpose here (the transposes
     *     then belong to the weights' manager: pass them when the weights outlive the call)
     * @param b biases b_l, (…, 1, out) or (out)
     * @return {energies (…, n, 1), ∂E/∂x (…, n, D)}
     */
    static NDArray[] energyAndGradient(NDArray x, NDArray[] w, NDArray[] wT, NDArray[] b) {
        return energyAndGradient(x, w, wT, b, scalar(x.getManager(), 1f));
    }

    /**
     * As {@link #energyAndGradient(NDArray, NDArray[], NDArray[], NDArray[])} with the constant 1 supplied (saves
     * creating it per call).
     *
     * @param x inputs, (…, n, D)
     * @param w weights W_l, (…, in, out)
     * @param wT transposed weights or null
     * @param b biases
     * @param one the 0-dimensional constant 1 from {@link #scalar}
     * @return {energies (…, n, 1), ∂E/∂x (…, n, D)}
     */
    static NDArray[] energyAndGradient(NDArray x, NDArray[] w, NDArray[] wT, NDArray[] b, NDArray one) {
        int layers = w.length;
        NDArray a = x;
        NDArray[] slopes = new NDArray[layers - 1];
        for (int l = 0; l < layers - 1; l++) {
            a = Activation.elu(a.matMul(w[l]).add(b[l]), 1f);
            slopes[l] = a.add(one).minimum(one);
        }
        NDArray energy = a.matMul(w[layers - 1]).add(b[layers - 1]);
        NDArray delta = slopes[layers - 2].mul(wT == null ? transposeLast(w[layers - 1]) : wT[layers - 1]);
        for (int l = layers - 2; l >= 1; l--) {
            delta = delta.matMul(wT == null ? transposeLast(w[l]) : wT[l]).mul(slopes[l - 1]);
        }
        NDArray gradient = delta.matMul(wT == null ? transposeLast(w[0]) : wT[0]);
        return new NDArray[] {energy, gradient};
    }

    /**
     * Energies only (for validation and scale fitting).
     *
     * @param x inputs
     * @param w weights
     * @param b biases
     * @return energies (…, n, 1)
     */
    static NDArray energy(NDArray x, NDArray[] w, NDArray[] b) {
        NDArray a = x;
        for (int l = 0; l < w.length - 1; l++) {
            a = Activation.elu(a.matMul(w[l]).add(b[l]), 1f);
        }
        return a.matMul(w[w.length - 1]).add(b[w.length - 1]);
    }

    /**
     * A 0-dimensional constant in memory that PyTorch owns. Use it instead of DJL's {@code NDArray.mul(Number)}
     * and the like in anything that is differentiated: those wrap the number in a tensor over a Java direct buffer
     * and close it straight after the operation, but autograd keeps that tensor for the backward pass, and once the
     * garbage collector frees the buffer the backward pass reads freed memory (gradients then depended on GC timing
     * in this project's training, and training diverged in some runs).
     *
     * @param manager owner
     * @param value the value
     * @return the constant
     */
    static NDArray scalar(NDManager manager, float value) {
        return manager.full(new Shape(), value);
    }

    /**
     * @param m a matrix or a stack of matrices
     * @return m with its last two axes swapped
     */
    static NDArray transposeLast(NDArray m) {
        int nd = m.getShape().dimension();
        if (nd == 2) {
            return m.transpose();
        }
        int[] axes = new int[nd];
        for (int k = 0; k < nd; k++) {
            axes[k] = k;
        }
        axes[nd - 1] = nd - 2;
        axes[nd - 2] = nd - 1;
        return m.transpose(axes);
    }
}
