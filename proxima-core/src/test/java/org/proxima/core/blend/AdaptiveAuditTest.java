package org.proxima.core.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.proxima.core.io.Json;
import org.proxima.core.testing.MorsePotential;
import org.proxima.core.testing.OffsetEnsemble;

/** The adaptive audit policy and the importance-weighted estimate of the accepted steps' error. */
class AdaptiveAuditTest {

    private static StepRecord record(long step, long version, boolean audited, ErrorEstimate e, String event) {
        return new StepRecord(step, Source.SURROGATE, 10, 1, 0.1, 1.0, Double.NaN, audited ? 0.2 : Double.NaN,
                audited, 0.1, step, version, 1, 0, 0, 0, 0, e, event);
    }

    @Test
    void ceilingAfterStartRetrainingSwapAndResumeFloorWhenConfidentlyBelow() {
        AdaptiveAuditPolicy p = new AdaptiveAuditPolicy(0.3, 0.02, 0.2, 50);
        ErrorEstimate low = new ErrorEstimate(0.20, 0.19, 0.21); // z = 0.1 / (0.01/1.96) ≈ 20
        ErrorEstimate close = new ErrorEstimate(0.305, 0.285, 0.325); // at ε within its interval: z < 0
        ErrorEstimate mid = new ErrorEstimate(0.29, 0.2704, 0.3096); // z = 1
        assertEquals(0.2, p.probability(0), "at the start");
        for (int k = 0; k < 60; k++) {
            p.onStep(record(k, 1, true, low, null));
        }
        assertEquals(0.2, p.probability(40), "within the boost after the first model");
        assertEquals(0.02, p.probability(61), 1e-15, "confidently below: the floor");
        p.onStep(record(61, 1, false, close, null));
        assertEquals(0.2, p.probability(62), "at ε: the ceiling");
        p.onStep(record(62, 1, false, mid, null));
        assertEquals(0.11, p.probability(63), 1e-12, "half-way between the floor and the ceiling at z = 1");
        p.onStep(record(63, 1, false, low, "retrained v2 on 200 points"));
        assertEquals(0.2, p.probability(64), "after a retraining");
        assertEquals(0.02, p.probability(64 + 50), 1e-15);
        p.onStep(record(120, 2, false, low, null));
        assertEquals(0.2, p.probability(121), "after a model swap");
        AdaptiveAuditPolicy resumed = new AdaptiveAuditPolicy(0.3, 0.02, 0.2, 50);
        p.onStep(record(200, 2, false, low, null));
        resumed.restoreState(p.saveState());
        assertEquals(0.02, p.probability(300), 1e-15);
        assertEquals(0.2, resumed.probability(300), "a resume counts as a start");
        assertEquals(0.02, resumed.probability(351), 1e-15);
        assertEquals(Json.write(p.saveState().toMap()).length() > 0, true);
    }

    @Test
    void theImportanceWeightedEstimateIsUnbiasedWhenTheAuditProbabilityFollowsTheError() {
        // accepted steps from two regimes; the audit probability is low exactly where the error is high, so an
        // unweighted mean of the audited errors is biased low and the 1/p-weighted one is not
        SplittableRandom r = new SplittableRandom(8);
        AcceptedErrorEstimate weighted = new AcceptedErrorEstimate(1.0, 1.0);
        double plainSum = 0;
        int plainN = 0;
        double trueSum = 0;
        int n = 400_000;
        for (int k = 0; k < n; k++) {
            boolean bad = r.nextDouble() < 0.3;
            double e = (bad ? 0.6 : 0.2) * Math.exp(0.3 * r.nextGaussian());
            trueSum += e;
            double p = bad ? 0.02 : 0.2;
            if (r.nextDouble() < p) {
                weighted.add(e, p);
                plainSum += e;
                plainN++;
            }
        }
        double truth = trueSum / n;
        double se = weighted.standardErrorEvPerA();
        assertTrue(Math.abs(weighted.meanEvPerA() - truth) < 3 * se, "weighted " + weighted.meanEvPerA() + " ± " + se
                + " vs " + truth);
        assertTrue(plainSum / plainN < truth - 10 * se, "the unweighted mean is biased: " + plainSum / plainN);
        ErrorEstimate ci = weighted.estimate();
        assertTrue(ci.lowEvPerA() < truth && truth < ci.highEvPerA(), ci + " vs " + truth);
    }

    @Test
    void aSwapScalesEveryEarlierAuditAndLeavesTheEstimateUntilNewAuditsArrive() {
        AcceptedErrorEstimate e = new AcceptedErrorEstimate(0.9, 0.5);
        double[] errors = {0.4, 0.5, 0.3, 0.6};
        double[] probabilities = {0.2, 1.0, 0.5, 0.25};
        for (int k = 0; k < errors.length; k++) {
            e.add(errors[k], probabilities[k]);
        }
        ErrorEstimate before = e.estimate();
        e.modelSwapped();
        assertEquals(before, e.estimate(), "a uniform factor on every weight changes neither mean nor SE");
        e.add(0.1, 0.5);
        // by hand: weights 1/p, forgetting 0.9 per later audit, ×0.5 for the swap
        double sw = 0;
        double swe = 0;
        for (int k = 0; k < errors.length; k++) {
            double w = Math.pow(0.9, errors.length - k) * 0.5 / probabilities[k];
            sw += w;
            swe += w * errors[k];
        }
        assertEquals((swe + 2 * 0.1) / (sw + 2), e.meanEvPerA(), 1e-14);
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> new AcceptedErrorEstimate(0.9, bad));
            assertTrue(x.getMessage().contains(String.valueOf(bad)), x.getMessage());
        }
    }

    @Test
    void theEstimateFollowsTheEnsembleInUseAfterASwap() {
        // every step is audited; each fit (every 40 target points) shifts the ensemble's forces by a further
        // 0.1 eV/Å per component, so model v errs by exactly √3·0.1·v eV/Å: after a swap the discounted estimate is
        // nearer the new model's error, and every record matches an estimate rebuilt from the records themselves
        double[] last = new double[2];
        double[] discounts = {1.0, 0.25};
        for (int c = 0; c < 2; c++) {
            MorsePotential target = BlendingFixtures.target();
            AcceptedErrorEstimate rebuilt = new AcceptedErrorEstimate(AcceptedErrorEstimate.DEFAULT_FORGETTING,
                    discounts[c]);
            try (BlendingCalculator calc = BlendingCalculator.builder(target,
                    OffsetEnsemble.trained(target, 0.1, 0.1, 0.05)).controller(new ScriptedController(k -> true))
                    .auditProbability(1.0).acceptedErrorSwapDiscount(discounts[c]).blendSteps(3).seed(2)
                    .retrainInterval(40).build()) {
                long version = -1;
                for (int k = 0; k < 50; k++) {
                    calc.calculate(BlendingFixtures.BASE);
                    StepRecord rec = calc.lastRecord();
                    if (version >= 1 && rec.modelVersion() != version) {
                        rebuilt.modelSwapped();
                    }
                    version = rec.modelVersion();
                    if (rec.audited()) {
                        rebuilt.add(rec.errorEvPerA(), rec.auditProbability());
                    }
                    assertEquals(rebuilt.meanEvPerA(), rec.acceptedError().meanEvPerA(), 1e-12, "step " + k);
                }
                assertEquals(2, version, "one swap in 50 steps");
                last[c] = calc.lastRecord().acceptedError().meanEvPerA();
            }
        }
        double now = Math.sqrt(3) * 0.2;
        assertTrue(Math.abs(last[1] - now) < 0.7 * Math.abs(last[0] - now), "discounted " + last[1] + ", kept "
                + last[0] + ", the ensemble in use errs by " + now);
        MorsePotential target = BlendingFixtures.target();
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> BlendingCalculator
                .builder(target, OffsetEnsemble.trained(target, 0.1, 0.1, 0.05)).errorTarget(0.3)
                .acceptedErrorSwapDiscount(0).build());
        assertTrue(x.getMessage().contains("0.0"), x.getMessage());
    }

    @Test
    void stepRecordsCarryTheAuditProbabilityAndTheEstimate() {
        MorsePotential target = BlendingFixtures.target();
        try (BlendingCalculator calc = BlendingCalculator.builder(target,
                OffsetEnsemble.trained(target, 0.1, 0.1, 0.05)).controller(new ScriptedController(k -> true))
                .auditPolicy(new AdaptiveAuditPolicy(1.0, 0.02, 0.3, 20)).blendSteps(3).seed(2)
                .retrainInterval(1_000_000).build()) {
            double first = Double.NaN;
            double last = Double.NaN;
            for (int k = 0; k < 3000; k++) {
                calc.calculate(BlendingFixtures.BASE);
                StepRecord rec = calc.lastRecord();
                if (k == 0) {
                    first = rec.auditProbability();
                }
                last = rec.auditProbability();
            }
            assertEquals(0.3, first, "the ceiling at the start");
            assertEquals(0.02, last, 1e-15, "the floor once the error is confidently below ε_target");
            ErrorEstimate e = calc.lastRecord().acceptedError();
            // the ensemble's error is exactly √3·0.1 eV/Å on every step
            assertEquals(Math.sqrt(3) * 0.1, e.meanEvPerA(), 1e-12);
        }
    }
}
