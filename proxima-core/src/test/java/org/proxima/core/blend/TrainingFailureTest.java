package org.proxima.core.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.testing.MorsePotential;
import org.proxima.core.testing.SyntheticEnsemble;

/**
 * A mistake the calculator can see up front fails at once (a surrogate for other elements), and a retraining that
 * fails anyway is visible in the step records and the summary, not only in a log line an embedder may never see.
 */
class TrainingFailureTest {

    /** An ensemble whose every fit fails. */
    private static final class FailingFits implements EnsembleSurrogate {
        private final EnsembleSurrogate inner;

        FailingFits(EnsembleSurrogate inner) {
            this.inner = inner;
        }

        @Override
        public EnsemblePrediction predict(Structure structure) {
            return inner.predict(structure);
        }

        @Override
        public Trained fit(List<TrainingPoint> data, FitOptions options) {
            throw new IllegalStateException("descriptor failed for a frame");
        }

        @Override
        public long version() {
            return inner.version();
        }

        @Override
        public boolean isTrained() {
            return inner.isTrained();
        }

        @Override
        public int memberCount() {
            return inner.memberCount();
        }

        @Override
        public Set<String> species() {
            return inner.species();
        }
    }

    @Test
    void aSurrogateForOtherElementsIsRefusedAtTheFirstCall() {
        MorsePotential target = BlendingFixtures.target();
        try (BlendingCalculator calc = BlendingCalculator.builder(target, SyntheticEnsemble.untrained(target, 2, 0.05,
                0.5)).errorTarget(0.1).retrainInterval(4).build()) {
            Structure ge = Crystals.diamondCubic("Ge", 5.65);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> calc.calculate(ge));
            assertTrue(e.getMessage().contains("[Si]") && e.getMessage().contains("[Ge]"), e.getMessage());
            assertEquals(null, calc.lastRecord(), "refused before any step was made");
        }
    }

    @Test
    void aFailedRetrainingIsInTheStepRecordsAndTheSummary() {
        MorsePotential target = BlendingFixtures.target();
        StepSummary summary = new StepSummary();
        List<StepRecord> records = new ArrayList<>();
        try (BlendingCalculator calc = BlendingCalculator.builder(target, new FailingFits(SyntheticEnsemble
                .untrained(target, 2, 0.05, 0.5))).errorTarget(0.1).retrainInterval(4).listener(summary).listener(records::add)
                .build()) {
            for (Structure s : BlendingFixtures.wander(10, 0.01, 3)) {
                calc.calculate(s);
            }
        }
        long failed = records.stream().filter(r -> r.retrainingFailure() != null).count();
        assertEquals(2, failed, "fits due after 4 and, the first having failed, 4 more target points (no retry at "
                + "every step): " + records);
        assertTrue(records.get(3).event().contains("retraining v1 failed: descriptor failed"), records.get(3).event());
        Map<String, Object> m = summary.toMap(0.1);
        assertEquals(2L, m.get("retraining_failures"));
        assertTrue(((String) m.get("last_retraining_failure")).startsWith("step 7: retraining v1 failed"),
                (String) m.get("last_retraining_failure"));
    }
}
