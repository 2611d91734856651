package org.proxima.core.surrogate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The per-member train/validation split of the paper's code, made a pure function of the frame: frame k goes to
 * member m's validation side when a uniform number drawn from a stream keyed on (seed, m, k) is ≤ 0.1 (about
 * 90/10). A frame therefore keeps its side for good as the data grow and across retrainings, provided the seed stays
 * the same for every fit of an ensemble (the ensemble's own seed, not a per-fit seed): the reference used
 * {@code RandomState(i)} "so the same entries do not switch between train/validation". Members differ through their
 * splits, not bootstrap resamples. Frames are identified by their index in the append-only training set. With a cap,
 * each side is subsampled without replacement with weights rising geometrically from 1 (oldest) to the recency bias
 * (newest), drawn from a separate, per-fit seed: the subsample may change from fit to fit, the side of a frame
 * never does; the validation side keeps the same proportion as before capping.
 *
 * @param train indices of training frames, increasing
 * @param validation indices of validation frames, increasing
 */
public record MemberSplit(int[] train, int[] validation) {

    /** Fraction of frames held out for validation. */
    public static final double VALIDATION_FRACTION = 0.1;

    /**
     * Member i's split of n frames, with one seed for the sides and the subsample.
     *
     * @param member member index i
     * @param frames number of frames n
     * @param seed seed of the sides and of the capped subsample
     * @param maxSize cap on training frames (0 for none)
     * @param recencyBias newest/oldest weight ratio for capping
     * @return the split
     */
    public static MemberSplit of(int member, int frames, long seed, int maxSize, double recencyBias) {
        return of(member, frames, seed, seed, maxSize, recencyBias);
    }

    /**
     * Member i's split of n frames.
     *
     * @param member member index i
     * @param frames number of frames n
     * @param sideSeed seed of the sides: keep it fixed for an ensemble so that no frame ever changes side
     * @param subsampleSeed seed of the capped subsample (may change per fit)
     * @param maxSize cap on training frames (0 for none)
     * @param recencyBias newest/oldest weight ratio for capping
     * @return the split
     */
    public static MemberSplit of(int member, int frames, long sideSeed, long subsampleSeed, int maxSize,
            double recencyBias) {
        List<Integer> train = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        for (int k = 0; k < frames; k++) {
            (inValidation(member, k, sideSeed) ? valid : train).add(k);
        }
        if (train.isEmpty() && !valid.isEmpty()) {
            train.add(valid.remove(valid.size() - 1)); // tiny sets: never train on nothing
        }
        if (maxSize > 0 && train.size() > maxSize) {
            RandomGenerator rng = new Well19937c(new int[] {(int) subsampleSeed, (int) (subsampleSeed >>> 32), member,
                0x5eed});
            int validSize = (int) ((long) maxSize * valid.size() / train.size());
            train = subsample(train, maxSize, recencyBias, rng);
            valid = validSize > 0 ? subsample(valid, validSize, recencyBias, rng) : List.of();
        }
        return new MemberSplit(train.stream().mapToInt(Integer::intValue).toArray(),
                valid.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The side of one frame: a pure function of (member, frame, seed).
     *
     * @param member member index
     * @param frame frame index in the training set
     * @param seed the side seed
     * @return whether the frame is held out for validation
     */
    public static boolean inValidation(int member, int frame, long seed) {
        long key = seed * 0x9E3779B97F4A7C15L + member * 0xC2B2AE3D27D4EB4FL + frame * 0x165667B19E3779F9L;
        return new SplittableRandom(key).nextDouble() <= VALIDATION_FRACTION;
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
