package org.proxima.surrogate.nn;

/** PyTorch's Huber loss: ½d² for |d| ≤ δ, δ(|d| − ½δ) beyond, and its derivative. */
final class Huber {

    private Huber() {
    }

    /**
     * @param d the residual
     * @param delta δ
     * @return the loss
     */
    static double value(double d, double delta) {
        double a = Math.abs(d);
        return a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
    }

    /**
     * @param d the residual
     * @param delta δ
     * @return ∂loss/∂d
     */
    static double slope(double d, double delta) {
        return Math.abs(d) <= delta ? d : delta * Math.signum(d);
    }
}
