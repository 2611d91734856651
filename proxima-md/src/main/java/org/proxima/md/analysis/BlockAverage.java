package org.proxima.md.analysis;

/**
 * Mean and standard error of a correlated time series by the blocking method of Flyvbjerg and Petersen (J. Chem.
 * Phys. 91, 461, 1989): the series is repeatedly halved by averaging neighbouring pairs; at each level the naive
 * standard error of the block means is computed, and it grows with the block length until the blocks are longer
 * than the correlation time, where it levels off. This implementation reports the largest estimate over the
 * levels that keep at least {@value #MIN_BLOCKS} blocks: a slightly conservative choice that needs no tuning.
 * The statistical inefficiency g = (SE / SE_naive)² gives the integrated correlation time (g − 1)/2 in samples.
 */
public final class BlockAverage {

    /** Fewest blocks a level must have to be considered. */
    public static final int MIN_BLOCKS = 16;

    private BlockAverage() {
    }

    /**
     * The result of a blocking analysis.
     *
     * @param mean sample mean
     * @param standardError standard error of the mean
     * @param samples number of values
     * @param inefficiency statistical inefficiency g ≥ 1 (samples per independent sample)
     */
    public record Estimate(double mean, double standardError, int samples, double inefficiency) {

        /** @return integrated autocorrelation time in units of the sampling interval, (g − 1)/2 */
        public double correlationSamples() {
            return Math.max(0, (inefficiency - 1) / 2);
        }

        /** @return effective number of independent samples n/g */
        public double effectiveSamples() {
            return samples / inefficiency;
        }
    }

    /**
     * Analyses a series.
     *
     * @param series the values (at least 2)
     * @return mean and standard error
     */
    public static Estimate of(double[] series) {
        int n = series.length;
        if (n < 2) {
            throw new IllegalArgumentException("Block averaging needs at least 2 values, got " + n);
        }
        double mean = 0;
        for (double v : series) {
            mean += v;
        }
        mean /= n;
        double[] blocks = series.clone();
        int m = n;
        double naive = naiveSe(blocks, m, mean);
        double best = naive;
        while (m / 2 >= MIN_BLOCKS) {
            int half = m / 2;
            for (int k = 0; k < half; k++) {
                blocks[k] = 0.5 * (blocks[2 * k] + blocks[2 * k + 1]);
            }
            m = half;
            double blockMean = 0;
            for (int k = 0; k < m; k++) {
                blockMean += blocks[k];
            }
            blockMean /= m;
            best = Math.max(best, naiveSe(blocks, m, blockMean));
        }
        double g = naive > 0 ? Math.max(1, (best / naive) * (best / naive)) : 1;
        return new Estimate(mean, best, n, g);
    }

    private static double naiveSe(double[] x, int m, double mean) {
        double s = 0;
        for (int k = 0; k < m; k++) {
            double d = x[k] - mean;
            s += d * d;
        }
        return Math.sqrt(s / (m - 1) / m);
    }
}
