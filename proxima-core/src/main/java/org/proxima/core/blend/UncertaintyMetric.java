package org.proxima.core.blend;

import org.proxima.core.surrogate.EnsemblePrediction;

/**
 * The uncertainty signal (UQ) the controller compares with its threshold, computed from an ensemble prediction.
 * Users can plug in their own.
 */
@FunctionalInterface
public interface UncertaintyMetric {

    /**
     * @param prediction every member's prediction for the current structure
     * @return the uncertainty (for the built-in metrics in eV/Å); NaN or infinite makes the step fall back to the
     *     target
     */
    double uncertainty(EnsemblePrediction prediction);

    /**
     * The paper's metric: for each atom the mean over members of ‖F_m − F̄‖, then the maximum over atoms (eV/Å).
     * With two members it equals half the largest member difference.
     *
     * @return the metric
     */
    static UncertaintyMetric meanDeviationNorm() {
        return p -> {
            int m = p.memberCount();
            int n = p.atomCount();
            double max = 0;
            for (int i = 0; i < n; i++) {
                double fx = p.mean().forceEvPerA(i, 0);
                double fy = p.mean().forceEvPerA(i, 1);
                double fz = p.mean().forceEvPerA(i, 2);
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    double dx = p.memberForceEvPerA(k, i, 0) - fx;
                    double dy = p.memberForceEvPerA(k, i, 1) - fy;
                    double dz = p.memberForceEvPerA(k, i, 2) - fz;
                    sum += Math.sqrt(dx * dx + dy * dy + dz * dz);
                }
                max = Math.max(max, sum / m);
            }
            return max;
        };
    }

    /**
     * For each atom the mean over members of ‖F_m − F̄‖, averaged over atoms (eV/Å). Less sensitive to the single
     * most uncertain atom than {@link #meanDeviationNorm()}; on frames like the training data it tracks the frame's
     * mean force error better (docs/surrogates.md).
     *
     * @return the metric
     */
    static UncertaintyMetric atomAveragedDeviationNorm() {
        return p -> {
            int m = p.memberCount();
            int n = p.atomCount();
            double total = 0;
            for (int i = 0; i < n; i++) {
                double fx = p.mean().forceEvPerA(i, 0);
                double fy = p.mean().forceEvPerA(i, 1);
                double fz = p.mean().forceEvPerA(i, 2);
                for (int k = 0; k < m; k++) {
                    double dx = p.memberForceEvPerA(k, i, 0) - fx;
                    double dy = p.memberForceEvPerA(k, i, 1) - fy;
                    double dz = p.memberForceEvPerA(k, i, 2) - fz;
                    total += Math.sqrt(dx * dx + dy * dy + dz * dz);
                }
            }
            return total / ((double) m * n);
        };
    }

    /**
     * Per-atom force standard deviation √(mean over members of ‖F_m − F̄‖²), maximum over atoms (eV/Å).
     *
     * @return the metric
     */
    static UncertaintyMetric forceStandardDeviation() {
        return p -> {
            int m = p.memberCount();
            int n = p.atomCount();
            double max = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int c = 0; c < 3; c++) {
                    double mean = p.mean().forceEvPerA(i, c);
                    for (int k = 0; k < m; k++) {
                        double d = p.memberForceEvPerA(k, i, c) - mean;
                        sum += d * d;
                    }
                }
                max = Math.max(max, Math.sqrt(sum / m));
            }
            return max;
        };
    }
}
