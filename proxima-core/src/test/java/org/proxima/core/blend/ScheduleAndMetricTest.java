package org.proxima.core.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.MemberSplit;

class ScheduleAndMetricTest {

    @Test
    void cosineScheduleMatchesTheReferenceTable() {
        // the reference's λ_target(i) for n = 10; λ here is the surrogate weight 1 − λ_target
        double[] lambdaTarget = {1, 0.9755, 0.9045, 0.7939, 0.6545, 0.5, 0.3455, 0.2061, 0.0955, 0.0245, 0};
        BlendSchedule s = BlendSchedule.cosine();
        for (int i = 0; i <= 10; i++) {
            assertEquals(1 - lambdaTarget[i], s.lambda(i, 10), 5e-5, "i = " + i);
        }
        assertEquals(0.0, s.lambda(0, 1));
        assertEquals(1.0, s.lambda(1, 1));
    }

    @Test
    void uncertaintyMetrics() {
        // two members, 2 atoms: differences (2, 0, 0) on atom 0 and (0, 6, 8) on atom 1
        double[][] f = {{1, 0, 0, 0, 3, 4}, {-1, 0, 0, 0, -3, -4}};
        EnsemblePrediction p = EnsemblePrediction.of(2, new double[] {0, 0}, f, null);
        // mean deviation norm: atom 1 → (5 + 5)/2 = 5; std: √((25 + 25)/2) = 5
        assertEquals(5.0, UncertaintyMetric.meanDeviationNorm().uncertainty(p), 1e-15);
        assertEquals(5.0, UncertaintyMetric.forceStandardDeviation().uncertainty(p), 1e-15);
        // atom-averaged: atom 0 → (1 + 1)/2 = 1, atom 1 → 5; mean 3
        assertEquals(3.0, UncertaintyMetric.atomAveragedDeviationNorm().uncertainty(p), 1e-15);
        // three members where the two differ: deviations 0, 1, 2 from the mean of (0, 1, 2)... on x
        double[][] g = {{0, 0, 0}, {1, 0, 0}, {2, 0, 0}};
        EnsemblePrediction q = EnsemblePrediction.of(1, new double[] {0, 0, 0}, g, null);
        assertEquals((1 + 0 + 1) / 3.0, UncertaintyMetric.meanDeviationNorm().uncertainty(q), 1e-15);
        assertEquals(Math.sqrt(2.0 / 3.0), UncertaintyMetric.forceStandardDeviation().uncertainty(q), 1e-15);
    }

    @Test
    void memberSplitsAreStableAsDataGrowAndAboutNinetyTen() {
        MemberSplit small = MemberSplit.of(0, 500, 3, 0, 1);
        MemberSplit large = MemberSplit.of(0, 1000, 3, 0, 1);
        for (int k : small.train()) {
            assertEquals(true, java.util.Arrays.binarySearch(large.train(), k) >= 0, "frame " + k + " stays");
        }
        double validFraction = large.validation().length / 1000.0;
        assertEquals(0.1, validFraction, 4 * Math.sqrt(0.09 / 1000));
        MemberSplit other = MemberSplit.of(1, 1000, 3, 0, 1);
        assertEquals(false, java.util.Arrays.equals(large.train(), other.train()), "members differ");
        MemberSplit capped = MemberSplit.of(0, 1000, 3, 200, 10.0);
        assertEquals(200, capped.train().length);
        // recency bias 10: the newer half is picked more often than the older half
        long newer = java.util.Arrays.stream(capped.train()).filter(k -> k >= 500).count();
        assertEquals(true, newer > 120, "newer frames " + newer);
    }
}
