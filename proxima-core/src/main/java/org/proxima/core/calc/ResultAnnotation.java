package org.proxima.core.calc;

/**
 * What a calculator attaches to its result about how the result was produced: the blending calculator attaches its
 * step record (source, λ, UQ, threshold, target calls, switching work). It travels with the result through the
 * integrator to the observers' snapshots, so that nothing downstream needs to know the calculator's type.
 * Implementations are immutable values.
 */
public interface ResultAnnotation {
}
