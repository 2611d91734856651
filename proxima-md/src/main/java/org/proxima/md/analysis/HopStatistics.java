package org.proxima.md.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Hop rate from hop times, as the paper's analysis: waiting times are the differences between consecutive hop
 * times (the time before the first hop is dropped), pooled over runs; rate = 1 / mean waiting time and, assuming
 * exponential waiting times (standard deviation = mean), SE = rate / √n with n the number of waiting times.
 *
 * @param hops number of hops
 * @param waitingTimes number of waiting times n
 * @param meanWaitingFs mean waiting time, fs (NaN without waiting times)
 * @param ratePerPs hop rate, 1/ps
 * @param standardErrorPerPs standard error of the rate, 1/ps
 */
public record HopStatistics(int hops, int waitingTimes, double meanWaitingFs, double ratePerPs,
        double standardErrorPerPs) {

    /**
     * Pools the hop times of several runs.
     *
     * @param hopTimesFsPerRun hop times (fs) of each run, increasing
     * @return the statistics
     */
    public static HopStatistics pooled(List<double[]> hopTimesFsPerRun) {
        List<Double> waits = new ArrayList<>();
        int hops = 0;
        for (double[] times : hopTimesFsPerRun) {
            hops += times.length;
            for (int k = 1; k < times.length; k++) {
                waits.add(times[k] - times[k - 1]);
            }
        }
        if (waits.isEmpty()) {
            return new HopStatistics(hops, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = waits.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double rate = 1000.0 / mean;
        return new HopStatistics(hops, waits.size(), mean, rate, rate / Math.sqrt(waits.size()));
    }

    /**
     * @param hopTimesFs hop times of one run, fs
     * @return the statistics
     */
    public static HopStatistics of(double[] hopTimesFs) {
        return pooled(List.of(hopTimesFs));
    }
}
