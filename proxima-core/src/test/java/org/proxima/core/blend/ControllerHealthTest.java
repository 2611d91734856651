package org.proxima.core.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.core.testing.MorsePotential;
import org.proxima.core.testing.OffsetEnsemble;

/** The saturated and starved warnings, on scripted records and in closed loop with the PROXIMA controller. */
class ControllerHealthTest {

    private static StepRecord update(long step, double threshold) {
        return new StepRecord(step, Source.BLEND, 5, 0.5, 0.1, threshold, 1.0, 0.2, true, 0.2, step, 1, 1, 0, 0, 0, 0,
                ErrorEstimate.NONE, null);
    }

    private static StepRecord surrogateStep(long step, double threshold) {
        return new StepRecord(step, Source.SURROGATE, 10, 1, 0.1, threshold, 1.0, Double.NaN, false, 0.2, step, 1, 1,
                0, 0, 0, 0, ErrorEstimate.NONE, null);
    }

    @Test
    void countsControllerUpdatesNotSteps() {
        ControllerHealth h = new ControllerHealth(10);
        long step = 0;
        for (int k = 0; k < 9; k++) {
            h.onStep(update(step++, k));
            // many MD steps without an update in between do not count
            for (int j = 0; j < 50; j++) {
                h.onStep(surrogateStep(step++, k + 1));
            }
        }
        assertEquals(9, h.updates());
        assertEquals(ControllerHealth.Condition.CONTROLLING, h.condition(), "too few updates to tell");
        h.onStep(update(step++, 9));
        assertEquals(ControllerHealth.Condition.SATURATED, h.condition());
        assertEquals(1, h.warnings().size());
        assertTrue(h.warnings().get(0).contains("saturated"), h.warnings().get(0));
    }

    @Test
    void aFallEndsSaturationAndAZeroThresholdIsStarvation() {
        ControllerHealth h = new ControllerHealth(5);
        for (int k = 0; k < 5; k++) {
            h.onStep(update(k, 1 + k));
        }
        assertEquals(ControllerHealth.Condition.SATURATED, h.condition());
        h.onStep(update(5, 2));
        assertEquals(ControllerHealth.Condition.CONTROLLING, h.condition());
        for (int k = 6; k < 11; k++) {
            h.onStep(update(k, 0));
        }
        assertEquals(ControllerHealth.Condition.STARVED, h.condition());
        assertEquals(2, h.warnings().size());
        assertTrue(h.warnings().get(1).contains("starved"), h.warnings().get(1));
        // a constant non-zero threshold is neither
        ControllerHealth flat = new ControllerHealth(5);
        for (int k = 0; k < 20; k++) {
            flat.onStep(update(k, 0.7));
        }
        assertEquals(ControllerHealth.Condition.CONTROLLING, flat.condition());
        // checkpointed state gives the same answers
        ControllerHealth copy = new ControllerHealth(5);
        copy.restoreState(new StateMap(new java.util.LinkedHashMap<>(h.saveState().toMap())));
        assertEquals(h.toMap(), copy.toMap());
        copy.onStep(update(11, 0));
        assertEquals(ControllerHealth.Condition.STARVED, copy.condition());
    }

    @Test
    void aBoundedControllerIsNeverCalledSaturatedButCanStarve() {
        ControllerHealth h = new ControllerHealth(5);
        h.watch(CalibratedController.mean(0.3));
        for (int k = 0; k < 20; k++) {
            h.onStep(update(k, 1 + k));
        }
        assertEquals(ControllerHealth.Condition.CONTROLLING, h.condition(), "a growing bounded threshold");
        assertTrue(h.warnings().isEmpty(), h.warnings().toString());
        for (int k = 20; k < 25; k++) {
            h.onStep(update(k, 0));
        }
        assertEquals(ControllerHealth.Condition.STARVED, h.condition());
        // the same records under the PROXIMA controller (the default) are a saturation first
        ControllerHealth p = new ControllerHealth(5);
        p.watch(null);
        for (int k = 0; k < 20; k++) {
            p.onStep(update(k, 1 + k));
        }
        assertEquals(ControllerHealth.Condition.SATURATED, p.condition());
    }

    /** Runs the PROXIMA controller on an ensemble with a constant error of √3·0.2 = 0.35 eV/Å and a constant UQ. */
    private static ControllerHealth closedLoop(double errorTarget) {
        MorsePotential target = BlendingFixtures.target();
        ControllerHealth h = new ControllerHealth();
        try (BlendingCalculator calc = BlendingCalculator.builder(target,
                OffsetEnsemble.trained(target, 0.1, 0.2, 0.05)).errorTarget(errorTarget).auditProbability(0.2)
                .seed(4).retrainInterval(1_000_000).listener(h).build()) {
            for (int k = 0; k < 3000; k++) {
                calc.calculate(BlendingFixtures.BASE);
            }
        }
        return h;
    }

    @Test
    void theProximaControllerSaturatesWhenTheErrorBeatsTheBoundAndStarvesWhenItDoesNot() {
        ControllerHealth loose = closedLoop(1.0);
        assertEquals(ControllerHealth.Condition.SATURATED, loose.condition(), loose.toMap().toString());
        assertTrue(loose.updates() > ControllerHealth.DEFAULT_WINDOW);
        ControllerHealth tight = closedLoop(0.1);
        assertEquals(ControllerHealth.Condition.STARVED, tight.condition(), tight.toMap().toString());
        assertEquals(1, tight.warnings().size());
    }
}
