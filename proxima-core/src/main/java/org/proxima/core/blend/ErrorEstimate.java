package org.proxima.core.blend;

/**
 * An estimate of the mean error of the steps the surrogate takes, with its 95 % confidence interval (all NaN while
 * there are too few audits).
 *
 * @param meanEvPerA the estimate, eV/Å
 * @param lowEvPerA lower end of the interval, eV/Å
 * @param highEvPerA upper end of the interval, eV/Å
 */
public record ErrorEstimate(double meanEvPerA, double lowEvPerA, double highEvPerA) {

    /** No estimate. */
    public static final ErrorEstimate NONE = new ErrorEstimate(Double.NaN, Double.NaN, Double.NaN);
}
