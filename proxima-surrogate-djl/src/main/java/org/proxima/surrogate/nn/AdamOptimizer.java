package org.proxima.surrogate.nn;

/**
 * Adam (Kingma and Ba 2015) on flat float parameters, as {@code torch.optim.Adam} with its defaults: β₁ = 0.9,
 * β₂ = 0.999, ε = 1e-8, no weight decay. Moments are kept in double. A new optimiser (fresh moments) per training
 * call, as the paper's code creates one per call.
 */
final class AdamOptimizer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final double lr;
    private final double[][] m;
    private final double[][] v;
    private int t;

    /**
     * @param params parameter arrays (their shapes)
     * @param lr learning rate
     */
    AdamOptimizer(float[][] params, double lr) {
        this.lr = lr;
        m = new double[params.length][];
        v = new double[params.length][];
        for (int s = 0; s < params.length; s++) {
            m[s] = new double[params[s].length];
            v[s] = new double[params[s].length];
        }
    }

    /**
     * One update, in place.
     *
     * @param params parameters
     * @param grads their gradients
     */
    void update(float[][] params, float[][] grads) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int s = 0; s < params.length; s++) {
            double[] ms = m[s];
            double[] vs = v[s];
            float[] p = params[s];
            float[] g = grads[s];
            for (int k = 0; k < p.length; k++) {
                double gk = g[k];
                ms[k] = BETA1 * ms[k] + (1 - BETA1) * gk;
                vs[k] = BETA2 * vs[k] + (1 - BETA2) * gk * gk;
                p[k] -= (float) (lr * (ms[k] / c1) / (Math.sqrt(vs[k] / c2) + EPS));
            }
        }
    }
}
