package org.proxima.core.surrogate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The per-member train/validation split of the paper's code: member i draws, from its own generator seeded with
 * (seed, i), one uniform number per frame and trains on the frames whose number exceeds 0.1 (about 90/10). The
 * draws are made frame by frame in order, so a frame keeps its side as the data grow (the reference used
 * {@code RandomState(i)}; members differ through their splits, not bootstrap resamples). With a cap, each side is
 * subsampled without replacement with weights rising geometrically from 1 (oldest) to the recency bias (newest);
 * the validation side keeps the same proportion as before capping.
 *
 * @param train indices of training frames, increasing
 * @param validation indices of validation frames, increasing
 */
public record MemberSplit(int[] train, int[] validation) {

    /** Fraction of frames held out for validation. */
    public static final double VALIDATION_FRACTION = 0.1;

    /**
     * Computes member i's split of n frames.
     *
     * @param member member index i
     * @param frames number of frames n
     * @param seed base seed
     * @param maxSize cap on training frames (0 for none)
     * @param recencyBias newest/oldest weight ratio for capping
     * @return the split
     */
    public static MemberSplit of(int member, int frames, long seed, int maxSize, double recencyBias) {
        RandomGenerator rng = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), member, 0x5eed});
        List<Integer> train = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        for (int k = 0; k < frames; k++) {
            (rng.nextDouble() > VALIDATION_FRACTION ? train : valid).add(k);
        }
        if (train.isEmpty() && !valid.isEmpty()) {
            train.add(valid.remove(valid.size() - 1)); // tiny sets: never train on nothing
        }
        if (maxSize > 0 && train.size() > maxSize) {
            int validSize = (int) ((long) maxSize * valid.size() / train.size());
            train = subsample(train, maxSize, recencyBias, rng);
            valid = validSize > 0 ? subsample(valid, validSize, recencyBias, rng) : List.of();
        }
        return new MemberSplit(train.stream().mapToInt(Integer::intValue).toArray(),
                valid.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Weighted sampling without replacement (Efraimidis–Spirakis keys u^(1/w)), result sorted. */
    private static List<Integer> subsample(List<Integer> items, int k, double bias, RandomGenerator rng) {
        int n = items.size();
        double[] keys = new double[n];
        for (int j = 0; j < n; j++) {
            double w = n == 1 ? 1 : Math.pow(bias, (double) j / (n - 1));
            keys[j] = Math.log(rng.nextDouble()) / w;
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble(j -> -keys[j]));
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            out.add(items.get(order[j]));
        }
        out.sort(null);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemberSplit s && Arrays.equals(train, s.train) && Arrays.equals(validation, s.validation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(validation);
    }

    @Override
    public String toString() {
        return "MemberSplit[" + train.length + " train, " + validation.length + " validation]";
    }
}
