package org.proxima.core.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.testing.MorsePotential;
import org.proxima.core.testing.OffsetEnsemble;

/**
 * The blend's books with retrainings that land during running cross-fades, λ ramps that overlap fades, and the
 * fall-back after a non-finite prediction. Everything runs at fixed positions, where every change of the returned
 * energy is switching work, with ensembles whose predictions differ by known amounts (model v is the target shifted
 * by v·ΔF on every force component and v·ΔE in energy), so the returned values have a closed form.
 */
class SwitchingBookkeepingTest {

    private static final int N = 10;
    private static final double DE = 3.0;
    private static final double DF = 0.2;
    private static final BlendSchedule COS = BlendSchedule.cosine();

    /** One ensemble the oracle expects alive: its version and the call after which it arrived (−1: complete). */
    private record Arrival(long version, long afterCall) {
    }

    /** The oracle of the nested cross-fade: C₀ = v₀, C_k = μ_k v_k + (1 − μ_k) C_{k−1} in units of the shift. */
    private static double mixture(List<Arrival> alive, long call) {
        double c = alive.get(0).version();
        for (int k = 1; k < alive.size(); k++) {
            double mu = COS.lambda((int) Math.min(call - alive.get(k).afterCall(), N), N);
            c = mu * alive.get(k).version() + (1 - mu) * c;
        }
        return c;
    }

    /** Drops what the calculator drops after a call: everything older than an ensemble that is fully faded in. */
    private static void prune(List<Arrival> alive, long call) {
        int complete = 0;
        for (int k = 1; k < alive.size(); k++) {
            if (call - alive.get(k).afterCall() >= N) {
                complete = k;
            }
        }
        alive.subList(0, complete).clear();
    }

    private static BlendingCalculator calculator(MorsePotential target, OffsetEnsemble start, LongPredicate usable,
            double audit, int retrainInterval) {
        return BlendingCalculator.builder(target, start).controller(new ScriptedController(usable)).blendSteps(N)
                .auditProbability(audit).seed(7).retrainInterval(retrainInterval).build();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void retrainingsDuringFadesNestAndTheirWorkIsBooked(int retrainInterval) {
        MorsePotential target = BlendingFixtures.target();
        Structure s = BlendingFixtures.BASE;
        CalculationResult f = target.calculate(s);
        List<Arrival> alive = new ArrayList<>(List.of(new Arrival(1, -1)));
        int swapsMidFade = 0;
        int bothChanged = 0;
        int maxAlive = 0;
        double previousEnergy = Double.NaN;
        double previousWork = Double.NaN;
        double previousLambda = 0;
        double previousMix = 1;
        try (BlendingCalculator calc = calculator(target, OffsetEnsemble.trained(target, DE, DF, 0.05), k -> true,
                0.3, retrainInterval)) {
            for (long call = 0; call < 400; call++) {
                CalculationResult r = calc.calculate(s);
                StepRecord rec = calc.lastRecord();
                double lambda = rec.lambda();
                double mix = mixture(alive, call);
                // the returned values have the closed form F + λ C·ΔF, E_F + λ C·ΔE
                double[] rf = r.forcesEvPerA();
                double[] tf = f.forcesEvPerA();
                for (int k = 0; k < rf.length; k++) {
                    assertEquals(tf[k] + lambda * mix * DF, rf[k], 1e-12, "force at call " + call);
                }
                assertEquals(f.energyEv() + lambda * mix * DE, r.energyEv(), 1e-12 * Math.abs(f.energyEv()),
                        "energy at call " + call);
                assertEquals(alive.size(), rec.modelsAlive(), "ensembles alive at call " + call);
                maxAlive = Math.max(maxAlive, rec.modelsAlive());
                if (call > 0) {
                    // at fixed positions every change of the returned energy is booked as switching work
                    assertEquals(r.energyEv() - previousEnergy, rec.blendWorkEv() - previousWork,
                            1e-12 * Math.abs(r.energyEv()), "work at call " + call);
                    if (lambda != previousLambda && mix != previousMix && previousLambda > 0) {
                        bothChanged++;
                    }
                }
                previousEnergy = r.energyEv();
                previousWork = rec.blendWorkEv();
                previousLambda = lambda;
                previousMix = mix;
                prune(alive, call);
                if (rec.event() != null && rec.event().startsWith("retrained v")) {
                    long version = calc.surrogate().version();
                    if (lambda > 0) {
                        swapsMidFade += alive.size() > 1 ? 1 : 0;
                        alive.add(new Arrival(version, call));
                        checkArrivalJump(calc, s, f, alive, call + 1);
                    } else {
                        alive.clear();
                        alive.add(new Arrival(version, -1));
                    }
                }
                // every fit is fully faded in n calls after it arrived: nothing older is alive then
                for (Arrival a : alive) {
                    if (a.afterCall() >= 0 && call - a.afterCall() >= N) {
                        for (EnsembleSurrogate m : calc.fadingFromSurrogates()) {
                            assertTrue(m.version() >= a.version(), "v" + m.version() + " still alive " + N
                                    + " calls after v" + a.version() + " arrived (call " + call + ")");
                        }
                    }
                }
            }
            assertEquals(calc.surrogate().version(), calc.lastRecord().modelVersion(),
                    "the records' model version reaches the latest fit");
        }
        assertTrue(swapsMidFade > 10, "retrainings landing during running fades: " + swapsMidFade);
        assertTrue(bothChanged > 5, "steps where the λ ramp and a fade change together: " + bothChanged);
        assertTrue(maxAlive <= N + 1, "at most n + 1 ensembles alive, got " + maxAlive);
    }

    /**
     * The arrival of a new ensemble moves the next result by at most μ₁ times the difference between it and the
     * mixture it fades in from (here compared with what the calculator would return had it not arrived).
     */
    private static void checkArrivalJump(BlendingCalculator calc, Structure s, CalculationResult f,
            List<Arrival> alive, long nextCall) {
        double withIt = mixture(alive, nextCall);
        double without = mixture(alive.subList(0, alive.size() - 1), nextCall);
        double difference = Math.abs(alive.get(alive.size() - 1).version() - without) * DF;
        assertTrue(Math.abs(withIt - without) * DF <= COS.lambda(1, N) * difference + 1e-12,
                "arrival moves the surrogate by " + Math.abs(withIt - without) * DF + " > μ₁ × " + difference);
    }

    @Test
    void atMostNPlusOneEnsemblesAliveWhenAFitArrivesEveryCall() {
        MorsePotential target = BlendingFixtures.target();
        // usable for the first 8 calls (i rises to 8), then alternating: i stays at 7-8, λ > 0, the target runs at
        // every call and with retrain interval 1 a new ensemble arrives after every call
        LongPredicate usable = k -> k < 8 || k % 2 == 0;
        List<OffsetEnsemble> created = new ArrayList<>();
        int maxAlive = 0;
        OffsetEnsemble start = OffsetEnsemble.trained(target, DE, DF, 0.05);
        try (BlendingCalculator calc = calculator(target, start, usable, 0, 1)) {
            for (int call = 0; call < 60; call++) {
                calc.calculate(BlendingFixtures.BASE);
                maxAlive = Math.max(maxAlive, calc.lastRecord().modelsAlive());
                created.add((OffsetEnsemble) calc.surrogate());
            }
            // the ensembles that left the fade were closed (native memory for the NN)
            long open = created.stream().distinct().filter(m -> !m.closed()).count();
            assertEquals(calc.fadingFromSurrogates().size() + 1, open);
        }
        assertEquals(N + 1, maxAlive, "the bound n + 1 is reached with a fit after every call, and not passed");
        assertTrue(start.closed());
    }

    @Test
    void theFallBackAfterANonFinitePredictionIsBooked() {
        MorsePotential target = BlendingFixtures.target();
        OffsetEnsemble ens = OffsetEnsemble.trained(target, DE, DF, 0.05);
        Structure s = BlendingFixtures.BASE;
        try (BlendingCalculator calc = calculator(target, ens, k -> true, 0, 1_000_000)) {
            double e0 = calc.calculate(s).energyEv();
            double w0 = calc.blendWorkEv();
            for (int call = 1; call < 30; call++) {
                ens.poison(call == 12 || call == 13 || call == 25);
                double e = calc.calculate(s).energyEv();
                StepRecord rec = calc.lastRecord();
                if (call == 12) {
                    assertEquals("non-finite surrogate prediction", rec.event());
                    assertEquals(0, rec.blendIndex());
                    assertEquals(target.calculate(s).energyEv(), e, 0, "the pure target is returned");
                }
                assertEquals(e - e0, calc.blendWorkEv() - w0, 1e-12 * Math.abs(e), "work at call " + call);
            }
        }
    }

    @Test
    void aRestoreInTheMiddleOfNestedFadesContinuesExactly() {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(160, 0.003, 21);
        List<StepRecord> reference = new ArrayList<>();
        try (BlendingCalculator calc = calculator(target, OffsetEnsemble.trained(target, DE, DF, 0.05), k -> true,
                0.3, 2)) {
            for (Structure s : frames) {
                calc.calculate(s);
                reference.add(calc.lastRecord());
            }
        }
        List<StepRecord> resumed = new ArrayList<>();
        org.proxima.core.checkpoint.StateMap mid;
        int cut = -1;
        try (BlendingCalculator first = calculator(target, OffsetEnsemble.trained(target, DE, DF, 0.05), k -> true,
                0.3, 2)) {
            for (int k = 0; k < frames.length; k++) {
                first.calculate(frames[k]);
                resumed.add(first.lastRecord());
                if (k > 40 && first.fadingFromSurrogates().size() >= 2) {
                    cut = k + 1;
                    break;
                }
            }
            assertTrue(cut > 0 && first.fadingFromSurrogates().size() >= 2, "stopped during nested fades");
            // the state holds every alive ensemble, as a checkpoint does; the second calculator starts from a fresh
            // ensemble that the restore replaces, and gets the training set
            mid = first.saveState();
            try (BlendingCalculator second = BlendingCalculator.builder(target,
                    OffsetEnsemble.trained(target, DE, DF, 0.05))
                    .controller(new ScriptedController(k -> true)).blendSteps(N).auditProbability(0.3).seed(7)
                    .retrainInterval(2).initialData(first.trainingSet().snapshot()).build()) {
                second.restoreState(mid);
                for (int k = cut; k < frames.length; k++) {
                    second.calculate(frames[k]);
                    resumed.add(second.lastRecord());
                }
            }
        }
        List<StepRecord> a = withoutTimes(reference);
        List<StepRecord> b = withoutTimes(resumed);
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k), b.get(k), "record " + k + " (restored at " + cut + ")");
        }
    }

    /** A checkpoint before the first fit (the NN studies checkpoint long before it) holds no ensemble. */
    @Test
    void aStateSavedBeforeTheFirstTrainingRestoresAndContinuesExactly() {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(40, 0.003, 5);
        List<StepRecord> reference = new ArrayList<>();
        List<StepRecord> resumed = new ArrayList<>();
        try (BlendingCalculator a = untrainedCalculator(target, List.of())) {
            for (int k = 0; k < frames.length; k++) {
                a.calculate(frames[k]);
                reference.add(a.lastRecord());
                if (k == 9) {
                    resumed.addAll(reference);
                    org.proxima.core.checkpoint.StateMap mid = a.saveState();
                    try (BlendingCalculator b = untrainedCalculator(target, a.trainingSet().snapshot())) {
                        b.restoreState(mid);
                        for (int j = 10; j < frames.length; j++) {
                            b.calculate(frames[j]);
                            resumed.add(b.lastRecord());
                        }
                    }
                }
            }
        }
        assertTrue(reference.get(25).modelVersion() >= 1, "trained after the checkpoint");
        assertEquals(withoutTimes(reference), withoutTimes(resumed));
    }

    private static BlendingCalculator untrainedCalculator(MorsePotential target,
            List<org.proxima.core.surrogate.TrainingPoint> data) {
        return BlendingCalculator.builder(target, org.proxima.core.testing.SyntheticEnsemble.untrained(target, 2, 0.05,
                0.5)).controller(new ScriptedController(k -> true)).blendSteps(N).auditProbability(0.3).seed(3)
                .retrainInterval(20).initialData(data).build();
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
}
