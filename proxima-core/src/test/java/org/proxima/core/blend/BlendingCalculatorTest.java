package org.proxima.core.blend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.testing.MorsePotential;
import org.proxima.core.testing.SyntheticEnsemble;
import org.proxima.core.training.TrainingSet;

class BlendingCalculatorTest {

    @TempDir
    Path dir;

    private static List<StepRecord> run(BlendingCalculator calc, Structure[] frames) {
        List<StepRecord> records = new ArrayList<>();
        for (Structure s : frames) {
            calc.calculate(s);
            records.add(calc.lastRecord());
        }
        return records;
    }

    private static BlendingCalculatorBuilder scripted(MorsePotential target, SyntheticEnsemble ens, int n,
            java.util.function.LongPredicate usable) {
        return BlendingCalculator.builder(target, ens).controller(new ScriptedController(usable)).blendSteps(n)
                .auditProbability(0).retrainInterval(1_000_000);
    }

    @Test
    void blendIndexAndLambdaFollowAlgorithm1WithClipping() {
        MorsePotential target = BlendingFixtures.target();
        boolean[] pattern = {true, true, true, true, true, true, false, true, false, false, false, false, false,
            true};
        Structure[] frames = BlendingFixtures.wander(pattern.length, 0.001, 1);
        MorsePotential counted = BlendingFixtures.target();
        List<StepRecord> r;
        try (BlendingCalculator calc = scripted(counted, BlendingFixtures.trained(target), 4,
                k -> pattern[(int) k]).build()) {
            r = run(calc, frames);
        }
        int[] expectIndex = {1, 2, 3, 4, 4, 4, 3, 4, 3, 2, 1, 0, 0, 1};
        Source[] expectSource = {Source.BLEND, Source.BLEND, Source.BLEND, Source.SURROGATE, Source.SURROGATE,
            Source.SURROGATE, Source.BLEND, Source.SURROGATE, Source.BLEND, Source.BLEND, Source.BLEND, Source.TARGET,
            Source.TARGET, Source.BLEND};
        for (int k = 0; k < pattern.length; k++) {
            assertEquals(expectIndex[k], r.get(k).blendIndex(), "i at step " + k);
            assertEquals(expectSource[k], r.get(k).source(), "source at step " + k);
            double lambda = 0.5 * (1 - Math.cos(Math.PI * expectIndex[k] / 4));
            assertEquals(expectSource[k] == Source.TARGET ? 0 : lambda, r.get(k).lambda(), 1e-15, "λ at step " + k);
        }
        // the target ran on every step but the pure-surrogate ones
        assertEquals(pattern.length - 4, counted.calls());
    }

    @Test
    void auditAtFullSurrogateGivesMostlySurrogateBlend() {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(13, 0.001, 2);
        List<StepRecord> r;
        // always usable; audits forced from step 10 on by switching to a scripted "always audit" probability
        try (BlendingCalculator calc = scripted(target, BlendingFixtures.trained(target), 10, k -> true)
                .auditProbability(1.0).build()) {
            r = run(calc, frames);
        }
        // with p_audit = 1 every usable step is audited: i never rises
        r.forEach(x -> assertEquals(0, x.blendIndex()));
        r.forEach(x -> assertTrue(x.audited()));

        List<StepRecord> r2;
        Structure[] more = BlendingFixtures.wander(12, 0.001, 3);
        MorsePotential t2 = BlendingFixtures.target();
        try (BlendingCalculator calc = BlendingCalculator.builder(t2, BlendingFixtures.trained(t2))
                .controller(new ScriptedController(k -> true)).blendSteps(10).auditProbability(0)
                .retrainInterval(1_000_000).build()) {
            r2 = run(calc, java.util.Arrays.copyOf(more, 10));
            assertEquals(10, r2.get(9).blendIndex());
            assertEquals(Source.SURROGATE, r2.get(9).source());
        }
    }

    @Test
    void auditFromFullSurrogateDropsToNMinusOneAndReturnsABlend() {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(12, 0.001, 4);
        // a controller that is always usable, and a seed whose draw at call 10 is below p_audit = 0.5 but whose
        // first ten draws are not: find such a seed by scanning
        long seed = 0;
        while (!auditPattern(seed, 0.5)) {
            seed++;
        }
        List<StepRecord> r;
        try (BlendingCalculator calc = BlendingCalculator.builder(target, BlendingFixtures.trained(target))
                .controller(new ScriptedController(k -> true)).blendSteps(10).auditProbability(0.5).seed(seed)
                .retrainInterval(1_000_000).build()) {
            r = run(calc, frames);
        }
        assertEquals(10, r.get(9).blendIndex());
        assertEquals(Source.SURROGATE, r.get(9).source());
        assertTrue(r.get(10).audited());
        assertEquals(9, r.get(10).blendIndex());
        assertEquals(Source.BLEND, r.get(10).source(), "an audit at i = n returns a mostly-surrogate blend");
        assertEquals(0.5 * (1 - Math.cos(Math.PI * 9 / 10)), r.get(10).lambda(), 1e-15);
    }

    /** Whether the audit stream of a seed has draws ≥ p for calls 0..9 and < p at call 10. */
    private static boolean auditPattern(long seed, double p) {
        for (int k = 0; k <= 10; k++) {
            double u = new java.util.SplittableRandom(seed + k * 0x9E3779B97F4A7C15L).nextDouble();
            if ((k < 10) == (u < p)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void auditFractionMatchesProbabilityWithinBinomialTolerance() {
        MorsePotential target = BlendingFixtures.target();
        int steps = 20_000;
        double p = 0.2;
        long audits = 0;
        Structure s = BlendingFixtures.BASE;
        try (BlendingCalculator calc = BlendingCalculator.builder(target, BlendingFixtures.trained(target))
                .controller(new ScriptedController(k -> true)).blendSteps(3).auditProbability(p).seed(42)
                .retrainInterval(1_000_000).build()) {
            for (int k = 0; k < steps; k++) {
                calc.calculate(s);
                audits += calc.lastRecord().audited() ? 1 : 0;
            }
        }
        double sd = Math.sqrt(steps * p * (1 - p));
        assertEquals(steps * p, audits, 4 * sd, "audits " + audits + " of " + steps + " (4σ = " + 4 * sd + ")");
    }

    @Test
    void blendedResultIsExactlyTheConvexCombination() {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(6, 0.001, 5);
        try (BlendingCalculator calc = scripted(target, BlendingFixtures.trained(target), 10, k -> true).build()) {
            for (Structure s : frames) {
                CalculationResult r = calc.calculate(s);
                double lambda = calc.lastRecord().lambda();
                CalculationResult sur = calc.lastSurrogateResult();
                CalculationResult tar = calc.lastTargetResult();
                assertEquals(lambda * sur.energyEv() + (1 - lambda) * tar.energyEv(), r.energyEv(), 0);
                double[] f = r.forcesEvPerA();
                double[] fs = sur.forcesEvPerA();
                double[] ft = tar.forcesEvPerA();
                for (int k = 0; k < f.length; k++) {
                    assertEquals(lambda * fs[k] + (1 - lambda) * ft[k], f[k], 0);
                }
                double[] st = r.stressEvPerA3();
                for (int k = 0; k < 6; k++) {
                    assertEquals(lambda * sur.stressEvPerA3(k) + (1 - lambda) * tar.stressEvPerA3(k), st[k], 0);
                }
            }
        }
    }

    @Test
    void hardSwitchIsPlainProximaAndZeroIsASynonymForOne() {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(300, 0.01, 6);
        List<List<StepRecord>> runs = new ArrayList<>();
        for (int n : new int[] {1, 0}) {
            try (BlendingCalculator calc = BlendingCalculator.builder(target,
                    SyntheticEnsemble.untrained(target, 2, 0.05, 2.0)).errorTarget(0.3).blendSteps(n)
                    .auditProbability(0.1).seed(3).retrainInterval(40).build()) {
                runs.add(run(calc, frames));
            }
        }
        assertEquals(withoutTimes(runs.get(0)), withoutTimes(runs.get(1)), "n = 0 behaves as n = 1");
        // plain PROXIMA: a usable (not audited) step returns the pure surrogate, any other the pure target
        long surrogateSteps = 0;
        for (StepRecord r : runs.get(0)) {
            boolean usable = Double.isFinite(r.threshold()) && r.uncertainty() < r.threshold();
            if (usable && !r.audited()) {
                assertEquals(Source.SURROGATE, r.source(), r.toString());
                surrogateSteps++;
            } else {
                assertEquals(Source.TARGET, r.source(), r.toString());
            }
            assertTrue(r.lambda() == 0 || r.lambda() == 1);
        }
        assertTrue(surrogateSteps > 20, "the test must exercise the surrogate: " + surrogateSteps);
    }

    @Test
    void nonFinitePredictionNeverReachesTheForcesOrTheController() {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(30, 0.001, 7);
        java.util.Set<Structure> poisoned = java.util.Set.of(frames[12], frames[13], frames[20]);
        ScriptedController controller = new ScriptedController(k -> true);
        int fed = 0;
        try (BlendingCalculator calc = BlendingCalculator.builder(target,
                BlendingFixtures.trained(target).withNanWhen(poisoned::contains)).controller(controller)
                .blendSteps(4).auditProbability(0).retrainInterval(1_000_000).build()) {
            for (int k = 0; k < frames.length; k++) {
                CalculationResult r = calc.calculate(frames[k]);
                assertTrue(r.isFinite(), "finite result at step " + k);
                StepRecord rec = calc.lastRecord();
                if (poisoned.contains(frames[k])) {
                    assertEquals(0, rec.blendIndex());
                    assertEquals(Source.TARGET, rec.source());
                    assertEquals("non-finite surrogate prediction", rec.event());
                    assertTrue(Double.isNaN(rec.errorEvPerA()));
                    assertEquals(target.calculate(frames[k]).energyEv(), r.energyEv(), 0, "pure target");
                } else if (rec.targetRan()) {
                    fed++;
                }
            }
        }
        assertEquals(fed, controller.observed.size(), "the controller is fed only at finite target steps");
        for (double[] pair : controller.observed) {
            assertTrue(Double.isFinite(pair[0]) && Double.isFinite(pair[1]));
        }
    }

    @Test
    void beforeTheFirstTrainingTheTargetRunsAndTheControllerGetsNothing() throws Exception {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(40, 0.005, 8);
        Path file = dir.resolve("training.extxyz");
        List<StepRecord> r;
        try (BlendingCalculator calc = BlendingCalculator.builder(target,
                SyntheticEnsemble.untrained(target, 2, 0.05, 0.5)).errorTarget(0.5).retrainInterval(100)
                .initialTrainingSize(15).trainingSet(TrainingSet.createFile(file)).build()) {
            r = run(calc, frames);
            // every target result is in the file, flushed, while the run is open
            assertEquals(calc.trainingSet().size(), TrainingSet.read(file).size());
        }
        for (int k = 0; k < 15; k++) {
            assertEquals(0, r.get(k).modelVersion(), "untrained at step " + k);
            assertEquals(Source.TARGET, r.get(k).source());
            assertTrue(Double.isNaN(r.get(k).uncertainty()) && Double.isNaN(r.get(k).errorEvPerA()));
        }
        assertTrue(r.get(14).event().startsWith("retrained v1 on 15 points"), r.get(14).event());
        assertEquals(1, r.get(15).modelVersion());
        // the window of 8 fills with the first 8 target steps after the fit; then the threshold appears
        for (int k = 15; k < 15 + 8; k++) {
            assertTrue(Double.isNaN(r.get(k).threshold()), "no threshold at step " + k);
        }
        assertFalse(Double.isNaN(r.get(23).threshold()), "threshold after 8 observations");
        assertEquals(40, TrainingSet.read(file).size() + (int) r.stream().filter(x -> !x.targetRan()).count());
    }

    @Test
    void geometricRetrainingWaitsForTheSetToGrowByTheFraction() {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(70, 0.005, 8);
        List<StepRecord> r;
        // ε_target 0: the threshold falls to 0, so every step calls the target and adds a point
        try (BlendingCalculator calc = BlendingCalculator.builder(target,
                SyntheticEnsemble.untrained(target, 2, 0.05, 0.5)).errorTarget(0).auditProbability(0)
                .retrainInterval(4).retrainGrowth(1.0).build()) {
            r = run(calc, frames);
        }
        List<String> fits = r.stream().map(StepRecord::event).filter(e -> e != null && e.startsWith("retrained"))
                .toList();
        assertEquals(List.of("retrained v1 on 4 points", "retrained v2 on 8 points", "retrained v3 on 16 points",
                "retrained v4 on 32 points", "retrained v5 on 64 points"), fits, "f = 1: the set doubles between fits");
        assertThrows(IllegalArgumentException.class, () -> BlendingCalculator.builder(target,
                SyntheticEnsemble.untrained(target, 2, 0.05, 0.5)).errorTarget(0.5).retrainGrowth(-0.1).build());
    }

    @Test
    void targetFailureLeavesStateAndTrainingSetUnchanged() {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(60, 0.005, 9);
        try (BlendingCalculator calc = BlendingCalculator.builder(target,
                SyntheticEnsemble.untrained(target, 2, 0.05, 0.5)).errorTarget(0.5).retrainInterval(20)
                .auditProbability(0.3).seed(1).build()) {
            for (int k = 0; k < 50; k++) {
                calc.calculate(frames[k]);
            }
            long version = calc.surrogate().version();
            int size = calc.trainingSet().size();
            StepRecord last = calc.lastRecord();
            target.failNextCall();
            // keep calling until a target call happens (pure-surrogate steps do not call it)
            int k = 50;
            while (true) {
                String s0 = state(calc);
                try {
                    calc.calculate(frames[k]);
                } catch (RuntimeException e) {
                    assertTrue(e.getMessage().contains("simulated target failure"));
                    assertEquals(s0, state(calc));
                    break;
                }
                k++;
            }
            assertTrue(calc.trainingSet().size() >= size);
            assertEquals(version, calc.surrogate().version());
            assertTrue(last != null);
        }
    }

    @Test
    void captureRestoreContinueGivesTheSameRecords() {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(200, 0.01, 10);
        SyntheticEnsemble start = BlendingFixtures.trained(target);
        List<StepRecord> reference;
        org.proxima.core.checkpoint.StateMap mid;
        try (BlendingCalculator calc = BlendingCalculator.builder(target, start).errorTarget(0.4).blendSteps(5)
                .auditProbability(0.2).seed(11).retrainInterval(1_000_000).build()) {
            reference = run(calc, frames);
        }
        List<StepRecord> resumed = new ArrayList<>();
        try (BlendingCalculator first = BlendingCalculator.builder(target, start).errorTarget(0.4).blendSteps(5)
                .auditProbability(0.2).seed(11).retrainInterval(1_000_000).build()) {
            resumed.addAll(run(first, java.util.Arrays.copyOf(frames, 90)));
            mid = first.saveState();
        }
        try (BlendingCalculator second = BlendingCalculator.builder(target, start).errorTarget(0.4).blendSteps(5)
                .auditProbability(0.2).seed(11).retrainInterval(1_000_000).build()) {
            second.restoreState(mid);
            resumed.addAll(run(second, java.util.Arrays.copyOfRange(frames, 90, 200)));
        }
        assertEquals(withoutTimes(reference), withoutTimes(resumed));
        assertTrue(reference.stream().anyMatch(r -> r.source() == Source.SURROGATE), "surrogate must be used");
    }

    /** The calculator's whole state as JSON text (for equality). */
    static String state(BlendingCalculator calc) {
        return org.proxima.core.io.Json.write(calc.saveState().toMap());
    }

    private static List<StepRecord> withoutTimes(List<StepRecord> in) {
        List<StepRecord> out = new ArrayList<>();
        for (StepRecord r : in) {
            out.add(new StepRecord(r.step(), r.source(), r.blendIndex(), r.lambda(), r.uncertainty(), r.threshold(),
                    r.alpha(), r.errorEvPerA(), r.audited(), r.auditProbability(), r.targetCalls(), r.modelVersion(),
                    r.modelsAlive(), 0, 0, 0, r.blendWorkEv(), r.acceptedError(), r.event()));
        }
        return out;
    }

    @Test
    void modelSwapDuringSurrogateUseCrossFadesWithoutAJump() {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(40, 0.002, 13);
        int n = 10;
        // usable except at step 15: the ramp (steps 0-8) and the miss at 15 give the 10th target point, the
        // retrain happens at the end of step 15 (i = 9), and from step 16 on the surrogate is pure (i = n) while
        // the new ensemble fades in
        List<CalculationResult> returned = new ArrayList<>();
        List<EnsembleSurrogate> models = new ArrayList<>();
        List<StepRecord> r = new ArrayList<>();
        try (BlendingCalculator calc = BlendingCalculator.builder(target, BlendingFixtures.trained(target))
                .controller(new ScriptedController(k -> k != 15)).blendSteps(n).auditProbability(0)
                .retrainInterval(10).build()) {
            for (Structure s : frames) {
                returned.add(calc.calculate(s));
                models.add(calc.surrogate());
                r.add(calc.lastRecord());
            }
        }
        assertEquals(1, r.get(15).modelVersion());
        assertTrue(r.get(15).event().startsWith("retrained v2"), String.valueOf(r.get(15).event()));
        EnsembleSurrogate oldModel = models.get(15 - 1);
        EnsembleSurrogate newModel = models.get(16);
        assertEquals(2, newModel.version());
        BlendSchedule cos = BlendSchedule.cosine();
        for (int j = 1; j <= n; j++) {
            int k = 15 + j;
            assertEquals(Source.SURROGATE, r.get(k).source(), "pure surrogate at step " + k);
            double[] f = returned.get(k).forcesEvPerA();
            double[] fOld = oldModel.predict(frames[k]).mean().forcesEvPerA();
            double[] fNew = newModel.predict(frames[k]).mean().forcesEvPerA();
            double mu = cos.lambda(j, n);
            double maxDiff = 0;
            for (int c = 0; c < f.length; c++) {
                assertEquals(mu * fNew[c] + (1 - mu) * fOld[c], f[c], 1e-12, "fade step " + j);
                maxDiff = Math.max(maxDiff, Math.abs(fNew[c] - fOld[c]));
            }
            if (j == 1) {
                // the swap moves the forces by the first schedule step times the ensemble difference
                double jump = 0;
                for (int c = 0; c < f.length; c++) {
                    jump = Math.max(jump, Math.abs(f[c] - fOld[c]));
                }
                assertTrue(maxDiff > 0.01, "the ensembles differ: " + maxDiff);
                assertTrue(jump <= cos.lambda(1, n) * maxDiff + 1e-12, "jump " + jump + " vs " + maxDiff);
            }
        }
    }

    @Test
    void backgroundTrainingSwapsOnlyAtStepBoundaries() throws Exception {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(400, 0.002, 12);
        List<StepRecord> r = new ArrayList<>();
        try (BlendingCalculator calc = BlendingCalculator.builder(target,
                SyntheticEnsemble.untrained(target, 2, 0.05, 0.5).withFitMillis(30)).errorTarget(1.0)
                .retrainInterval(25).trainingMode(TrainingMode.BACKGROUND).build()) {
            for (Structure s : frames) {
                EnsembleSurrogate before = calc.surrogate();
                calc.calculate(s);
                StepRecord rec = calc.lastRecord();
                // the record's version is the model that predicted at this step: the one in place at its start,
                // or one swapped in at its very beginning
                assertTrue(rec.modelVersion() >= before.version());
                assertEquals(calc.surrogate().version(), rec.modelVersion(), "no swap inside a step");
                r.add(rec);
                Thread.sleep(1);
            }
            calc.awaitTraining();
        }
        assertTrue(r.get(r.size() - 1).modelVersion() >= 2, "several background trainings completed");
        for (int k = 1; k < r.size(); k++) {
            assertTrue(r.get(k).modelVersion() >= r.get(k - 1).modelVersion());
        }
    }

    @Test
    void blendWorkAccountsForEnergyChangesAtFixedPositions() {
        MorsePotential target = BlendingFixtures.target();
        Structure s = BlendingFixtures.BASE;
        boolean[] usable = {true, true, true, true, true, true, false, false, true, false, false, false, false};
        try (BlendingCalculator calc = scripted(target, BlendingFixtures.trained(target), 5,
                k -> usable[(int) k]).build()) {
            double e0 = 0;
            double work0 = 0;
            for (int k = 0; k < usable.length; k++) {
                double e = calc.calculate(s).energyEv();
                if (k == 0) {
                    e0 = e;
                    work0 = calc.blendWorkEv();
                }
                // at fixed positions every change of the returned energy is switching work
                assertEquals(e - e0, calc.blendWorkEv() - work0, 1e-12, "step " + k);
            }
        }
    }

    @Test
    void badParametersAndBadSurrogatesAreRejected() {
        MorsePotential target = BlendingFixtures.target();
        SyntheticEnsemble ens = BlendingFixtures.trained(target);
        assertThrows(IllegalArgumentException.class,
                () -> BlendingCalculator.builder(target, ens).errorTarget(-0.1).build());
        assertThrows(IllegalArgumentException.class, () -> BlendingCalculator.builder(target, ens).build());
        IllegalArgumentException audit = assertThrows(IllegalArgumentException.class,
                () -> BlendingCalculator.builder(target, ens).errorTarget(0.1).auditProbability(1.5).build());
        assertTrue(audit.getMessage().contains("1.5"));
        assertThrows(IllegalArgumentException.class,
                () -> BlendingCalculator.builder(target, ens).errorTarget(0.1).blendSteps(-1).build());
        assertThrows(IllegalArgumentException.class,
                () -> BlendingCalculator.builder(target, ens).errorTarget(0.1).window(0).build());
        EnsembleSurrogate wrongShape = new org.proxima.core.testing.FixedEnsemble(
                st -> EnsemblePrediction.of(st.size() - 1, new double[] {0, 0},
                        new double[][] {new double[3 * st.size() - 3], new double[3 * st.size() - 3]}, null));
        try (BlendingCalculator calc = BlendingCalculator.builder(target, wrongShape).errorTarget(0.1).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> calc.calculate(BlendingFixtures.BASE));
            assertTrue(e.getMessage().contains("7 atoms"), e.getMessage());
        }
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> EnsemblePrediction.of(8, new double[] {0}, new double[][] {new double[5]}, null));
        assertTrue(shape.getMessage().contains("member 0"), shape.getMessage());
    }

    @Test
    void propertiesAreTheIntersectionAndOneDecisionPerCall() {
        MorsePotential target = BlendingFixtures.target();
        try (BlendingCalculator calc = scripted(target, BlendingFixtures.trained(target), 3, k -> true).build()) {
            assertEquals(java.util.EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS),
                    calc.implementedProperties());
            for (int k = 0; k < 5; k++) {
                calc.calculate(BlendingFixtures.BASE);
                assertEquals(k, calc.lastRecord().step());
            }
            assertNull(calc.lastRecord().event());
            assertArrayEquals(new double[0], new double[0]);
        }
    }
}
