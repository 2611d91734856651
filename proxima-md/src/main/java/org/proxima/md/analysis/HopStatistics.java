package org.proxima.md.analysis;

import java.util.List;

/**
 * Hop rate from hop times, as the paper's analysis: waiting times are the differences between consecutive hop
 * times (the time before the first hop is dropped), pooled over runs; rate = 1 / mean waiting time and, assuming
 * independent exponential waiting times (standard deviation = mean), SE = rate / √n with n the number of waiting
 * times.
 *
 * <p>Hops are not independent (a vacancy often hops back and forth within a few hundred fs), so hop counts scatter
 * from run to run more than that SE allows (variance/mean 1.3–1.7 on SW Si at 1573 K, docs/results.md). The
 * replica standard error is the jackknife SE of the same pooled rate over runs (each run left out in turn:
 * SE² = (k − 1)/k Σ (R₋ᵢ − R̄)²), which counts runs, not hops, and so includes that scatter; it needs at least two
 * runs with waiting times.
 *
 * @param hops number of hops
 * @param waitingTimes number of waiting times n
 * @param meanWaitingFs mean waiting time, fs (NaN without waiting times)
 * @param ratePerPs hop rate, 1/ps
 * @param standardErrorPerPs standard error of the rate from the waiting times, rate/√n, 1/ps
 * @param replicaStandardErrorPerPs jackknife standard error of the rate over runs, 1/ps (NaN for fewer than two
 *     runs with waiting times)
 */
public record HopStatistics(int hops, int waitingTimes, double meanWaitingFs, double ratePerPs,
        double standardErrorPerPs, double replicaStandardErrorPerPs) {

    /**
     * Pools the hop times of several runs.
     *
     * @param hopTimesFsPerRun hop times (fs) of each run, increasing
     * @return the statistics
     */
    public static HopStatistics pooled(List<double[]> hopTimesFsPerRun) {
        int runs = hopTimesFsPerRun.size();
        int[] waits = new int[runs];
        double[] waited = new double[runs];
        int hops = 0;
        int n = 0;
        double total = 0;
        int runsWithWaits = 0;
        for (int r = 0; r < runs; r++) {
            double[] times = hopTimesFsPerRun.get(r);
            hops += times.length;
            if (times.length > 1) {
                waits[r] = times.length - 1;
                waited[r] = times[times.length - 1] - times[0]; // the sum of the run's waiting times
                n += waits[r];
                total += waited[r];
                runsWithWaits++;
            }
        }
        if (n == 0) {
            return new HopStatistics(hops, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = total / n;
        double rate = 1000.0 / mean;
        return new HopStatistics(hops, n, mean, rate, rate / Math.sqrt(n),
                runsWithWaits < 2 ? Double.NaN : jackknife(waits, waited, n, total, runsWithWaits));
    }

    /** Jackknife SE over the runs that have waiting times of the pooled rate 1000 Σn / Σw, 1/ps. */
    private static double jackknife(int[] waits, double[] waited, int n, double total, int k) {
        double[] leaveOut = new double[k];
        int i = 0;
        double sum = 0;
        for (int r = 0; r < waits.length; r++) {
            if (waits[r] > 0) {
                leaveOut[i] = 1000.0 * (n - waits[r]) / (total - waited[r]);
                sum += leaveOut[i++];
            }
        }
        double mean = sum / k;
        double ss = 0;
        for (double v : leaveOut) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt((k - 1.0) / k * ss);
    }

    /**
     * @param hopTimesFs hop times of one run, fs
     * @return the statistics (no replica SE)
     */
    public static HopStatistics of(double[] hopTimesFs) {
        return pooled(List.of(hopTimesFs));
    }
}
