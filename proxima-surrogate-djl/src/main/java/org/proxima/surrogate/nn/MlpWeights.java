package org.proxima.surrogate.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * The weights of one multilayer perceptron D → h₁ → … → 1 with CELU activations (α = 1) between layers. Layer l
 * maps x (row vector, length in_l) to x·W_l + b_l; W_l is stored row-major as in_l × out_l floats.
 */
public final class MlpWeights {

    private final int[] sizes;
    private final float[][] weights;
    private final float[][] biases;

    private MlpWeights(int[] sizes, float[][] weights, float[][] biases) {
        this.sizes = sizes;
        this.weights = weights;
        this.biases = biases;
    }

    /**
     * PyTorch's default initialisation of {@code nn.Linear}: weights and biases uniform in ±1/√fan_in.
     *
     * @param sizes layer sizes, input first and 1 last (e.g. 48, 128, 102, 81, 1)
     * @param rng random source
     * @return the weights
     */
    public static MlpWeights initialise(int[] sizes, RandomGenerator rng) {
        if (sizes.length < 2 || sizes[sizes.length - 1] != 1) {
            throw new IllegalArgumentException("An atomic-energy network needs at least two layer sizes and a single "
                    + "output, got " + java.util.Arrays.toString(sizes));
        }
        int layers = sizes.length - 1;
        float[][] w = new float[layers][];
        float[][] b = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double bound = 1 / Math.sqrt(in);
            w[l] = new float[in * out];
            b[l] = new float[out];
            for (int k = 0; k < w[l].length; k++) {
                w[l][k] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            for (int k = 0; k < out; k++) {
                b[l][k] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
        }
        return new MlpWeights(sizes.clone(), w, b);
    }

    /**
     * @param sizes layer sizes
     * @param weights per layer, in × out row-major
     * @param biases per layer
     * @return the weights (arrays are copied)
     */
    public static MlpWeights of(int[] sizes, float[][] weights, float[][] biases) {
        float[][] w = new float[weights.length][];
        float[][] b = new float[biases.length][];
        for (int l = 0; l < weights.length; l++) {
            if (weights[l].length != sizes[l] * sizes[l + 1] || biases[l].length != sizes[l + 1]) {
                throw new IllegalArgumentException("Layer " + l + " has the wrong number of weights or biases");
            }
            w[l] = weights[l].clone();
            b[l] = biases[l].clone();
        }
        return new MlpWeights(sizes.clone(), w, b);
    }

    /** @return layer sizes (a copy) */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return number of weight layers */
    public int layers() {
        return weights.length;
    }

    /**
     * @param layer layer index
     * @return its weights, in × out row-major (a copy)
     */
    public float[] weights(int layer) {
        return weights[layer].clone();
    }

    /**
     * @param layer layer index
     * @return its biases (a copy)
     */
    public float[] biases(int layer) {
        return biases[layer].clone();
    }

    /** @return number of parameters */
    public int parameterCount() {
        int n = 0;
        for (int l = 0; l < weights.length; l++) {
            n += weights[l].length + biases[l].length;
        }
        return n;
    }

    /** @return all parameters flattened: W₀, b₀, W₁, b₁, … */
    public float[] flatten() {
        float[] out = new float[parameterCount()];
        int k = 0;
        for (int l = 0; l < weights.length; l++) {
            System.arraycopy(weights[l], 0, out, k, weights[l].length);
            k += weights[l].length;
            System.arraycopy(biases[l], 0, out, k, biases[l].length);
            k += biases[l].length;
        }
        return out;
    }

    /**
     * The inverse of {@link #flatten()}.
     *
     * @param flat parameters in flatten order
     * @return new weights of the same shape
     */
    public MlpWeights withParameters(float[] flat) {
        if (flat.length != parameterCount()) {
            throw new IllegalArgumentException("Expected " + parameterCount() + " parameters, got " + flat.length);
        }
        float[][] w = new float[weights.length][];
        float[][] b = new float[weights.length][];
        int k = 0;
        for (int l = 0; l < weights.length; l++) {
            w[l] = java.util.Arrays.copyOfRange(flat, k, k + weights[l].length);
            k += weights[l].length;
            b[l] = java.util.Arrays.copyOfRange(flat, k, k + biases[l].length);
            k += biases[l].length;
        }
        return new MlpWeights(sizes.clone(), w, b);
    }

    /**
     * The energy-scale adjustment of the paper's code: output-layer weights multiplied by {@code scale} and
     * {@code shift} subtracted from the output bias.
     *
     * @param scale factor on the last layer's weights
     * @param shift subtracted from the last bias, eV
     * @return adjusted weights
     */
    public MlpWeights scaledOutput(double scale, double shift) {
        float[] flat = flatten();
        MlpWeights copy = withParameters(flat);
        int last = weights.length - 1;
        for (int k = 0; k < copy.weights[last].length; k++) {
            copy.weights[last][k] = (float) (copy.weights[last][k] * scale);
        }
        copy.biases[last][0] = (float) (copy.biases[last][0] - shift);
        return copy;
    }

    /** @return a JSON-ready map (floats written exactly as doubles) */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sizes", sizes);
        List<Object> w = new ArrayList<>();
        List<Object> b = new ArrayList<>();
        for (int l = 0; l < weights.length; l++) {
            w.add(toDoubles(weights[l]));
            b.add(toDoubles(biases[l]));
        }
        m.put("weights", w);
        m.put("biases", b);
        return m;
    }

    /**
     * @param m a map written by {@link #toMap()}
     * @return the weights
     */
    @SuppressWarnings("unchecked")
    public static MlpWeights fromMap(Map<String, Object> m) {
        List<Object> s = (List<Object>) m.get("sizes");
        int[] sizes = s.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        List<Object> w = (List<Object>) m.get("weights");
        List<Object> b = (List<Object>) m.get("biases");
        float[][] wa = new float[w.size()][];
        float[][] ba = new float[b.size()][];
        for (int l = 0; l < wa.length; l++) {
            wa[l] = toFloats((List<Object>) w.get(l));
            ba[l] = toFloats((List<Object>) b.get(l));
        }
        return of(sizes, wa, ba);
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            d[k] = f[k];
        }
        return d;
    }

    private static float[] toFloats(List<Object> l) {
        float[] f = new float[l.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = (float) ((Number) l.get(k)).doubleValue();
        }
        return f;
    }
}
