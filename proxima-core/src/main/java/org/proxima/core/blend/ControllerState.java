package org.proxima.core.blend;

import java.util.Arrays;

/**
 * The complete state of a {@link ProximaController}: threshold and α (NaN while undefined) and the window of
 * (UQ, error) pairs, oldest first.
 *
 * @param threshold the UQ threshold, or NaN before the window first filled
 * @param alpha the last α, or NaN
 * @param windowUq UQ of the pairs in the window
 * @param windowError errors of the pairs in the window, eV/Å
 */
public record ControllerState(double threshold, double alpha, double[] windowUq, double[] windowError) {

    /**
     * Copies the arrays.
     */
    public ControllerState {
        if (windowUq.length != windowError.length) {
            throw new IllegalArgumentException("Window arrays differ in length: " + windowUq.length + " vs "
                    + windowError.length);
        }
        windowUq = windowUq.clone();
        windowError = windowError.clone();
    }

    @Override
    public double[] windowUq() {
        return windowUq.clone();
    }

    @Override
    public double[] windowError() {
        return windowError.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ControllerState s && Double.compare(threshold, s.threshold) == 0
                && Double.compare(alpha, s.alpha) == 0 && Arrays.equals(windowUq, s.windowUq)
                && Arrays.equals(windowError, s.windowError);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(threshold) * 31 + Arrays.hashCode(windowUq);
    }
}
